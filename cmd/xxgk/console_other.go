//go:build !windows

package main

// consoleProcessCount is only meaningful on Windows, where a double-clicked program gets
// a console window of its own; elsewhere programs run in the terminal that started them.
func consoleProcessCount() int { return 0 }
