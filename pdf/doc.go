// Package pdf writes the printable reports: the round's 通报 for leaders and one feedback
// sheet per unit, laid out after GB/T 9704-2012 (A4, 仿宋 body, 黑体 headings, "— 1 —").
package pdf

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"

	"xxgk"
	"xxgk/fonts"
)

// Options are what a report needs besides the data.
type Options struct {
	Fonts  *fonts.Set
	Date   time.Time // when the paper is written: "截至" in the text, and the 成文日期 unless Notice has one
	Office string    // issuer; defaults to Notice.Issuer, then to the round's contact office
	// Notice is the round's paper settings (document number, issuer, 成文日期, the
	// reply-by date for 补报 and 整改), as stored with the round and overridden by flags.
	Notice xxgk.Notice

	// Beside names the file written next to a unit's letter, which the letter points
	// to: the blank template of a unit that never reported, or the annotated copy of
	// a refused file. Empty when there is none.
	Beside string
	// BesideListOnly says the copy beside is the short one (the file was too large to
	// annotate): the problem list alone, without the unit's sheets.
	BesideListOnly bool
	// AccessCode is the unit's portal access code, printed only in that unit's own letter
	// (never in the 通报) when the portal address is set; empty: the letter tells the unit
	// to sign in with the code the office issued (codes are shown only when made).
	AccessCode string

	trace func(fonts.Run) // tests: sees every run drawn
}

// Page geometry in millimetres (GB/T 9704: text block 156×225 mm on A4).
const (
	pageW, pageH = 210.0, 297.0
	marginTop    = 37.0
	marginLeft   = 28.0
	marginRight  = 26.0
	marginBottom = 35.0
	textW        = pageW - marginLeft - marginRight
	bottomY      = pageH - marginBottom
	ptMM         = 25.4 / 72 // millimetres per point
)

// Font sizes of the Chinese size names, in points.
const (
	size2   = 22.0       // 二号: title
	size3   = 16.0       // 三号: body
	size4   = 14.0       // 四号: page numbers
	size5   = 10.5       // 五号: tables
	sizeS4  = 12.0       // 小四: table headers
	bodyGap = 225.0 / 22 // body line pitch: 22 lines per text block
)

// ErrNoFonts is returned when Options carries no font set.
var ErrNoFonts = errors.New("未提供字体（Options.Fonts 为空）")

// doc lays out a document with per-character font runs: every string is drawn run by
// run, each run in a face that has all its characters. It draws on a canvas that records;
// finish hands the result to gofpdf.
type doc struct {
	pdf   *canvas
	fs    *fonts.Set
	trace func(fonts.Run)
	name  string    // the PDF's Title entry
	by    string    // its Author: the issuing office, which a reader sees in the file's properties
	date  time.Time // its creation date
	y     float64   // top of the next thing to draw
}

func newDoc(opt Options, title string) *doc {
	return &doc{pdf: newCanvas(), fs: opt.Fonts, trace: opt.trace, name: title, by: opt.Office, date: opt.Date}
}

// width of s in millimetres.
func (d *doc) width(s string, role fonts.Role, size float64) float64 {
	return d.fs.Width(s, role, size) * ptMM
}

// text draws s with its left end at x and its baseline at y.
func (d *doc) text(x, y float64, s string, role fonts.Role, size float64) {
	for _, r := range d.fs.Runs(s, role) {
		if d.trace != nil {
			d.trace(r)
		}
		d.pdf.Text(r.Face, size, x, y, r.Text)
		x += d.width(r.Text, role, size)
	}
}

// line draws s in a box of height h whose top is top; align is L, C or R within
// [x, x+w].
func (d *doc) line(x, top, w, h float64, s string, role fonts.Role, size float64, align byte) {
	tw := d.width(s, role, size)
	switch align {
	case 'C':
		x += (w - tw) / 2
	case 'R':
		x += w - tw
	}
	d.text(x, baseline(top, h, size), s, role, size)
}

// baseline places text of size visually centred in a line box: CJK glyphs fill the em
// box from about 0.88 em above the baseline to 0.12 em below.
func baseline(top, h, size float64) float64 {
	return top + h/2 + 0.38*size*ptMM
}

// newPage starts a page, numbering the one before.
func (d *doc) newPage() {
	if d.pdf.PageNo() > 0 {
		d.pageNumber()
	}
	d.pdf.AddPage()
	d.y = marginTop
}

// room makes sure h millimetres fit below d.y, starting a new page otherwise; it tells
// whether a page was started.
func (d *doc) room(h float64) bool {
	if d.y+h <= bottomY+0.01 {
		return false
	}
	d.newPage()
	return true
}

// pageNumber prints "— n —" in 四号, 7 mm below the text block, at the outside corner:
// right on odd pages, left on even pages, one character in from the margin.
func (d *doc) pageNumber() {
	n := d.pdf.PageNo()
	s := fmt.Sprintf("— %d —", n)
	w := d.width(s, fonts.Body, size4)
	em := size4 * ptMM
	x := pageW - marginRight - em - w
	if n%2 == 0 {
		x = marginLeft + em
	}
	d.text(x, bottomY+7+em, s, fonts.Body, size4)
}

// finish numbers the last page and writes the document to w.
func (d *doc) finish(w io.Writer) error {
	if d.pdf.PageNo() > 0 {
		d.pageNumber()
	}
	return d.pdf.render(w, func(p *gofpdf.Fpdf) {
		if !d.date.IsZero() {
			p.SetCreationDate(d.date)
			p.SetModificationDate(d.date)
		}
		p.SetTitle(d.name, true)
		if d.by != "" {
			p.SetAuthor(d.by, true)
		}
		p.SetCreator("xxgk", true)
	})
}
