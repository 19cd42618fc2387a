package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressBar draws "label [####------] done/total" on one terminal line, at most ten
// times a second so that a fast run does not flood a slow console.
type progressBar struct {
	w     io.Writer
	label string
	total int
	last  time.Time
	drawn bool
}

func newProgressBar(w io.Writer, label string, total int) *progressBar {
	return &progressBar{w: w, label: label, total: total}
}

// set shows done of total; calls come from one goroutine at a time.
func (b *progressBar) set(done int) {
	if done < b.total && time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	const width = 30
	n := width * done / max(b.total, 1)
	fmt.Fprintf(b.w, "\r%s [%s%s] %d/%d", b.label, strings.Repeat("#", n), strings.Repeat("-", width-n), done, b.total)
	b.drawn = true
}

// finish clears the bar's line so the report starts on a clean one.
func (b *progressBar) finish() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
		b.drawn = false
	}
}
