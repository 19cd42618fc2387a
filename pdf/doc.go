// Package pdf writes the printable reports: the round's 通报 for leaders and one feedback
// sheet per unit, laid out after GB/T 9704-2012 (A4, 仿宋 body, 黑体 headings, "— 1 —").
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"xxgk"
	"xxgk/fonts"
)

// Options are what a report needs besides the data.
type Options struct {
	Fonts  *fonts.Set
	Date   time.Time // the report's date, printed under the title and at the end
	Office string    // issuer; defaults to the round's contact office
	Notice xxgk.Notice

	// Beside names the file written next to a unit's letter, which the letter points
	// to: the blank template of a unit that never reported, or the annotated copy of
	// a refused file. Empty when there is none.
	Beside string

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

// doc wraps gofpdf with per-character font runs: every string is drawn run by run, each
// run in a face that has all its characters.
type doc struct {
	pdf      *gofpdf.Fpdf
	fs       *fonts.Set
	families map[*fonts.Face]string
	tags     map[string]string // gofpdf BaseFont → subset-tagged name, see finish
	trace    func(fonts.Run)
	curFam   string
	curSize  float64
	y        float64 // top of the next thing to draw
}

func newDoc(opt Options, title string) *doc {
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(false, marginBottom)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	if !opt.Date.IsZero() {
		p.SetCreationDate(opt.Date)
		p.SetModificationDate(opt.Date)
	}
	p.SetTitle(title, true)
	p.SetCreator("xxgk", true)
	d := &doc{pdf: p, fs: opt.Fonts, families: map[*fonts.Face]string{}, tags: map[string]string{}, trace: opt.trace}
	p.SetFooterFunc(d.pageNumber)
	return d
}

// family registers a face with gofpdf on first use, so that fonts never drawn are not
// embedded at all.
func (d *doc) family(f *fonts.Face) string {
	if fam, ok := d.families[f]; ok {
		return fam
	}
	ps := psName(f.PostScript)
	// gofpdf names the font "utf8"+lower(family); finish swaps that for a subset tag
	// of the same length ("XXGKAB+" + PostScript name) so that offsets stay valid.
	n := len(d.families)
	fam := fmt.Sprintf("xx%c%s", 'a'+n, strings.ToLower(ps))
	// gofpdf pads table data with append while subsetting, which writes into the bytes it
	// was given: each document gets its own copy, or documents written at the same time
	// (feedback runs on every core) would corrupt each other's fonts.
	d.pdf.AddUTF8FontFromBytes(fam, "", bytes.Clone(f.Data))
	d.families[f] = fam
	d.tags["/utf8"+fam] = fmt.Sprintf("/XXGKA%c+%s", 'A'+n, ps)
	return fam
}

// psName keeps the letters, digits and hyphens of a PostScript name.
func psName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Font"
	}
	return b.String()
}

func (d *doc) setFont(f *fonts.Face, size float64) {
	fam := d.family(f)
	if fam != d.curFam || size != d.curSize {
		d.pdf.SetFont(fam, "", size)
		d.curFam, d.curSize = fam, size
	}
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
		d.setFont(r.Face, size)
		d.pdf.Text(x, y, r.Text)
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

// newPage starts a page; the footer of the previous one is drawn by gofpdf.
func (d *doc) newPage() {
	d.pdf.AddPage()
	d.curFam, d.curSize = "", 0 // gofpdf resets the font state on a new page
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
	d.curFam, d.curSize = "", 0
}

// finish writes the document to w, renaming each font to carry a subset tag. gofpdf
// embeds only the glyphs used but names fonts "utf8…", so PDF tools would not know they
// are subsets; the new name has the same length, so the cross-reference offsets hold.
func (d *doc) finish(w io.Writer) error {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("生成 PDF 失败：%w", err)
	}
	b := buf.Bytes()
	for from, to := range d.tags {
		b = bytes.ReplaceAll(b, []byte(from+"\n"), []byte(to+"\n"))
		b = bytes.ReplaceAll(b, []byte(from+" "), []byte(to+" "))
		b = bytes.ReplaceAll(b, []byte(from+">"), []byte(to+">"))
	}
	_, err := w.Write(b)
	return err
}
