// Package fonts finds Chinese TrueType fonts for gofpdf and decides, character by
// character, which font draws what, so that nothing prints as an empty box.
package fonts

import (
	"fmt"
	"strings"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Role is what a piece of text is in an official document; each role has its own face
// (GB/T 9704: title 小标宋, headings 黑体, second-level headings 楷体, body 仿宋).
type Role int

const (
	Body       Role = iota // 仿宋: paragraphs and table cells
	Title                  // 小标宋, else 黑体
	Heading                // 黑体: 一、二、… and table headers
	Subheading             // 楷体: (一)(二)…
	roleCount
)

func (r Role) String() string {
	return [...]string{"正文（仿宋）", "标题（小标宋）", "一级标题（黑体）", "二级标题（楷体）"}[r]
}

// Placeholder is printed for a character no font has (e.g. beyond the BMP, which gofpdf
// cannot address); every font in a chain has it.
const Placeholder = '?'

// Set is the fonts of one document: per role, a chain of faces tried in order for each
// character — the Chinese face first, then the Go fonts for Latin letters and digits.
type Set struct {
	chains [roleCount][]*Face
}

// Run is a stretch of text drawn with one face.
type Run struct {
	Face *Face
	Text string
}

// NewSet builds a set from the Chinese face of each role. Missing roles take the body
// face, and a missing body takes any face given; at least one face is required.
func NewSet(byRole map[Role]*Face) (*Set, error) {
	var any *Face
	for r := Role(0); r < roleCount; r++ {
		if f := byRole[r]; f != nil && any == nil {
			any = f
		}
	}
	if any == nil {
		return nil, ErrNoFont
	}
	reg, err := newFace(goregular.TTF, 0, "Go Regular（golang.org/x/image）")
	if err != nil {
		return nil, fmt.Errorf("内置 Go 字体无法读取：%w", err)
	}
	bold, err := newFace(gobold.TTF, 0, "Go Bold（golang.org/x/image）")
	if err != nil {
		return nil, fmt.Errorf("内置 Go 字体无法读取：%w", err)
	}
	reg.fallback, bold.fallback = true, true
	body := byRole[Body]
	if body == nil {
		body = any
	}
	s := &Set{}
	for r := Role(0); r < roleCount; r++ {
		f := byRole[r]
		if f == nil {
			f = body
		}
		latin := reg
		if r == Title || r == Heading {
			latin = bold
		}
		s.chains[r] = []*Face{f, latin, reg}
	}
	return s, nil
}

// Single uses one face for every role (the --font case).
func Single(f *Face) (*Set, error) {
	return NewSet(map[Role]*Face{Body: f})
}

// Face is the Chinese face of a role.
func (s *Set) Face(r Role) *Face { return s.chains[r][0] }

// Faces lists every distinct face the set may draw with, Chinese faces first.
func (s *Set) Faces() []*Face {
	var out []*Face
	seen := map[*Face]bool{}
	for i := 0; i < 3; i++ {
		for r := Role(0); r < roleCount; r++ {
			if f := s.chains[r][i]; !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// pick returns the first face of the role's chain that has r, and the rune to draw:
// control characters become spaces and characters no face has become Placeholder.
func (s *Set) pick(r rune, role Role) (*Face, rune) {
	if r < ' ' || (r >= 0x7F && r < 0xA0) {
		r = ' '
	}
	for _, f := range s.chains[role] {
		if f.Has(r) {
			return f, r
		}
	}
	for _, f := range s.chains[role] {
		if f.Has(Placeholder) {
			return f, Placeholder
		}
	}
	return s.chains[role][0], Placeholder
}

// Runs splits text into stretches each drawn by one face that has every character of it.
func (s *Set) Runs(text string, role Role) []Run {
	var runs []Run
	var cur *Face
	var b strings.Builder
	for _, r := range text {
		f, r := s.pick(r, role)
		if f != cur && b.Len() > 0 {
			runs = append(runs, Run{Face: cur, Text: b.String()})
			b.Reset()
		}
		cur = f
		b.WriteRune(r)
	}
	if b.Len() > 0 {
		runs = append(runs, Run{Face: cur, Text: b.String()})
	}
	return runs
}

// Width is the advance of text at size, in the unit of size (points in, points out).
func (s *Set) Width(text string, role Role, size float64) float64 {
	w := 0
	for _, r := range text {
		f, r := s.pick(r, role)
		w += f.Advance(r)
	}
	return float64(w) * size / 1000
}

// RuneWidth is the advance of one character at size, as Width.
func (s *Set) RuneWidth(r rune, role Role, size float64) float64 {
	f, r := s.pick(r, role)
	return float64(f.Advance(r)) * size / 1000
}

// Describe names the Chinese face of each role, for messages and the PDF's metadata.
func (s *Set) Describe() string {
	var parts []string
	for r := Role(0); r < roleCount; r++ {
		parts = append(parts, r.String()+"："+s.Face(r).String())
	}
	return strings.Join(parts, "；")
}
