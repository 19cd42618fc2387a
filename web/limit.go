package web

import (
	"sync"
	"time"
)

// counter counts events per key in fixed windows: enough to stop guessing codes and
// floods of uploads without keeping every attempt.
type counter struct {
	mu     sync.Mutex
	window time.Duration
	max    int
	seen   map[string]*bucket
}

type bucket struct {
	start time.Time
	n     int
}

func newCounter(window time.Duration, max int) *counter {
	return &counter{window: window, max: max, seen: map[string]*bucket{}}
}

// blocked tells whether key has used up its window, and until when.
func (c *counter) blocked(key string, now time.Time) (bool, time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b := c.seen[key]
	if b == nil || now.Sub(b.start) >= c.window {
		return false, time.Time{}
	}
	return b.n >= c.max, b.start.Add(c.window)
}

// add counts one event of key.
func (c *counter) add(key string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.seen) > 100000 { // forget finished windows rather than grow without end
		for k, b := range c.seen {
			if now.Sub(b.start) >= c.window {
				delete(c.seen, k)
			}
		}
	}
	b := c.seen[key]
	if b == nil || now.Sub(b.start) >= c.window {
		b = &bucket{start: now}
		c.seen[key] = b
	}
	b.n++
}

// take counts one event and tells whether it was within the limit.
func (c *counter) take(key string, now time.Time) bool {
	if blocked, _ := c.blocked(key, now); blocked {
		return false
	}
	c.add(key, now)
	return true
}
