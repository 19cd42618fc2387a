package pdf

import "xxgk/fonts"

// flowLine is what layout remembers of one line of body text: where it went and what it
// belongs to, so that a second layout can move the last lines of a page onto the next.
type flowLine struct {
	page int
	top  float64
	para int  // the paragraph it belongs to (doc.paras)
	keep bool // a heading: kept with the line after it
}

// nextLine makes room for the next line of body text: a new page when this line was
// chosen to start one (doc.breaks, or turn from paraRole's widow and orphan control) or
// when the page is full.
func (d *doc) nextLine(keep, turn bool) {
	i := len(d.flow)
	if (turn || d.breaks[i]) && d.y > marginTop+0.01 {
		d.newPage()
	} else {
		d.room(bodyGap)
	}
	d.flow = append(d.flow, flowLine{page: d.pdf.PageNo(), top: d.y, para: d.paras, keep: keep})
}

// pushLines notes where the text must break for the signature block to share a page with
// it: before the last two lines of the current page, or the whole last paragraph when
// two would leave one line of it behind, with a heading just above going along.
// layoutDoc then lays the document out again with that break.
func (d *doc) pushLines() {
	if d.push >= 0 {
		return
	}
	page := d.pdf.PageNo()
	last := len(d.flow) - 1
	if last < 0 || d.flow[last].page != page {
		return // no text on this page to move (a table ends it): nothing better to do
	}
	at := last - 1
	if at < 0 || d.flow[at].page != page {
		at = last
	}
	start := at
	for start > 0 && d.flow[start-1].para == d.flow[at].para {
		start--
	}
	if at-start == 1 && d.flow[start].page == page {
		at = start // not one line of the paragraph left alone at the foot of the page
	}
	for at > 0 && d.flow[at-1].keep && d.flow[at-1].page == page {
		at--
	}
	if d.flow[at].top <= marginTop+0.01 {
		at = last // everything on the page would go: move the last line only
		if d.flow[at].top <= marginTop+0.01 {
			return
		}
	}
	d.push = at
}

// layoutDoc lays a document out with build, and again with the text broken earlier
// when the signature block would otherwise stand alone on the last page.
// Only the layout kept is shown to opt.trace.
func layoutDoc(opt Options, title string, build func(d *doc)) *doc {
	var runs []fonts.Run
	o := opt
	if opt.trace != nil {
		o.trace = func(r fonts.Run) { runs = append(runs, r) }
	}
	breaks := map[int]bool{}
	for {
		runs = runs[:0]
		d := newDoc(o, title)
		d.breaks = breaks
		build(d)
		if d.push < 0 || breaks[d.push] || len(breaks) >= 3 {
			if opt.trace != nil {
				for _, r := range runs {
					opt.trace(r)
				}
			}
			d.trace = opt.trace // the last page number is drawn by finish
			return d
		}
		breaks[d.push] = true
	}
}
