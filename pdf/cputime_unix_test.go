//go:build unix

package pdf

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time, for benchmark metrics.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
