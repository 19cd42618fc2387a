package testdb

import (
	"net"
	"testing"
)

// SilentServer listens on 127.0.0.1, accepts connections and never answers: a database
// server that hangs. It returns the address; everything is closed when the test ends.
func SilentServer(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	held := make(chan net.Conn, 16) // accepted, never written to
	tb.Cleanup(func() {
		ln.Close()
		for len(held) > 0 {
			(<-held).Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			select {
			case held <- c:
			default:
				c.Close()
			}
		}
	}()
	return ln.Addr().String()
}
