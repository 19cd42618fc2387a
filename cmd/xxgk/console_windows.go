//go:build windows

package main

import (
	"syscall"
	"unsafe"
)

// consoleProcessCount asks Windows how many processes share our console window
// (GetConsoleProcessList); 0 when it cannot tell, which means "do not pause".
func consoleProcessCount() int {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return 0
	}
	ids := make([]uint32, 4)
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return int(n)
}
