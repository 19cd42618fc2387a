package pdf

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"xxgk/fonts"
)

// canvas records what a document draws instead of handing it to gofpdf at once. Only
// when the document is finished is it known which characters each face must print; the
// faces are then cut to exactly those glyphs (fonts.Face.Cut) and the drawing is replayed
// into gofpdf. Parsing a cut of a few hundred glyphs instead of a whole Chinese font is
// what lets `feedback` write a thousand letters in seconds, and since every cut is a copy,
// gofpdf's habit of writing into the font bytes it is given cannot reach the shared faces.
type canvas struct {
	ops   []op
	pages int
	// compress says whether page content is compressed. gofpdf sets up a new zlib
	// writer (about 1 MB) for every page; for `feedback`, a thousand letters at once,
	// that was a quarter of the CPU time and most of the garbage, to save about 30 KB
	// a letter. Only the 通报 compresses.
	compress bool
	used     map[*fonts.Face]map[rune]bool
	order    []*fonts.Face // faces in first-use order, for stable font names
}

// op is one recorded drawing call.
type op struct {
	kind       opKind
	x, y, w, h float64
	r, g, b    int
	style, s   string
	face       *fonts.Face
	size       float64
	tc         float64 // character spacing after each glyph of a text, mm (PDF Tc)
}

type opKind uint8

const (
	opPage opKind = iota
	opText
	opRect
	opLine
	opLineWidth
	opDrawColor
	opFillColor
	opTextColor
)

func newCanvas() *canvas { return &canvas{used: map[*fonts.Face]map[rune]bool{}} }

// AddPage starts a page.
func (c *canvas) AddPage() { c.pages++; c.ops = append(c.ops, op{kind: opPage}) }

// PageNo is the number of the current page, from 1.
func (c *canvas) PageNo() int { return c.pages }

// Text draws s in face at size with its left end at x and its baseline at y.
func (c *canvas) Text(face *fonts.Face, size, x, y float64, s string) {
	c.SpacedText(face, size, x, y, s, 0)
}

// SpacedText draws s as Text does, with tc millimetres added after every glyph (negative
// tc draws the glyphs closer): how justified lines fill the text block.
func (c *canvas) SpacedText(face *fonts.Face, size, x, y float64, s string, tc float64) {
	set := c.used[face]
	if set == nil {
		set = map[rune]bool{}
		c.used[face] = set
		c.order = append(c.order, face)
	}
	for _, r := range s {
		set[r] = true
	}
	c.ops = append(c.ops, op{kind: opText, face: face, size: size, x: x, y: y, s: s, tc: tc})
}

// Rect draws a rectangle; style is gofpdf's: D outline, F fill, FD both.
func (c *canvas) Rect(x, y, w, h float64, style string) {
	c.ops = append(c.ops, op{kind: opRect, x: x, y: y, w: w, h: h, style: style})
}

// Line draws a line from (x1, y1) to (x2, y2).
func (c *canvas) Line(x1, y1, x2, y2 float64) {
	c.ops = append(c.ops, op{kind: opLine, x: x1, y: y1, w: x2, h: y2})
}

// SetLineWidth sets the width of lines and outlines in mm.
func (c *canvas) SetLineWidth(w float64) { c.ops = append(c.ops, op{kind: opLineWidth, w: w}) }

// SetDrawColor sets the colour of lines and outlines.
func (c *canvas) SetDrawColor(r, g, b int) {
	c.ops = append(c.ops, op{kind: opDrawColor, r: r, g: g, b: b})
}

// SetTextColor sets the colour of text.
func (c *canvas) SetTextColor(r, g, b int) {
	c.ops = append(c.ops, op{kind: opTextColor, r: r, g: g, b: b})
}

// SetFillColor sets the colour of filled shapes.
func (c *canvas) SetFillColor(r, g, b int) {
	c.ops = append(c.ops, op{kind: opFillColor, r: r, g: g, b: b})
}

// render replays the drawing into a new gofpdf document with each face cut to the
// characters it draws, and writes the PDF to w. gofpdf names an embedded font
// "utf8"+family; the name is swapped for a subset tag of the same length
// ("XXGKAB+" + PostScript name), so that PDF tools know the fonts are subsets and the
// cross-reference offsets still hold.
func (c *canvas) render(w io.Writer, setup func(p *gofpdf.Fpdf)) error {
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(false, marginBottom)
	p.SetCompression(c.compress)
	p.SetCatalogSort(true)
	setup(p)
	families := make(map[*fonts.Face]string, len(c.order))
	tags := map[string]string{}
	for n, f := range c.order {
		runes := make([]rune, 0, len(c.used[f]))
		for r := range c.used[f] {
			runes = append(runes, r)
		}
		sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
		data, err := f.Cut(runes)
		if err != nil {
			return fmt.Errorf("生成 PDF 失败：%w", err)
		}
		ps := psName(f.PostScript)
		fam := fmt.Sprintf("xx%c%s", 'a'+n, strings.ToLower(ps))
		p.AddUTF8FontFromBytes(fam, "", data)
		families[f] = fam
		tags["/utf8"+fam] = fmt.Sprintf("/XXGKA%c+%s", 'A'+n, ps)
	}
	curFam, curSize, curTc := "", 0.0, 0.0
	for _, o := range c.ops {
		switch o.kind {
		case opPage:
			p.AddPage()
			curFam, curSize, curTc = "", 0, 0 // set the font again on every page; Tc starts at 0
		case opText:
			if fam := families[o.face]; fam != curFam || o.size != curSize {
				p.SetFont(fam, "", o.size)
				curFam, curSize = fam, o.size
			}
			if o.tc != curTc {
				// gofpdf has no character spacing of its own; Tc is part of the graphics
				// state, so it holds for every text until set again, in points.
				p.RawWriteStr(fmt.Sprintf("%.4f Tc", o.tc/ptMM))
				curTc = o.tc
			}
			p.Text(o.x, o.y, o.s)
		case opRect:
			p.Rect(o.x, o.y, o.w, o.h, o.style)
		case opLine:
			p.Line(o.x, o.y, o.w, o.h)
		case opLineWidth:
			p.SetLineWidth(o.w)
		case opDrawColor:
			p.SetDrawColor(o.r, o.g, o.b)
		case opFillColor:
			p.SetFillColor(o.r, o.g, o.b)
		case opTextColor:
			p.SetTextColor(o.r, o.g, o.b)
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return fmt.Errorf("生成 PDF 失败：%w", err)
	}
	b := buf.Bytes()
	for from, to := range tags {
		retag(b, from, to)
	}
	_, err := w.Write(b)
	return err
}

// retag overwrites, in place, every name from that ends at a newline, a space or a '>'
// with to, which has the same length (so no copy of the document is made and the
// cross-reference offsets hold).
func retag(b []byte, from, to string) {
	if len(from) != len(to) {
		return // render makes them equal; gofpdf's own name is valid, only less telling
	}
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte(from))
		if j < 0 {
			return
		}
		at := i + j
		i = at + len(from)
		if i < len(b) && (b[i] == '\n' || b[i] == ' ' || b[i] == '>') {
			copy(b[at:], to)
		}
	}
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
