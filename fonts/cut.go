package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// outlines is what cutting needs from a face's glyf table, parsed once per face and then
// only read: glyph i is glyf[loca[i]:loca[i+1]]. Documents written at the same time share
// it; every cut copies the glyphs it keeps into bytes of its own, so nothing a document
// hands to gofpdf (which pads tables with append into the slice it gets) is shared.
type outlines struct {
	tables map[string][]byte // the face's tables, pointing into Face.Data
	loca   []uint32
	numH   int // hhea.numberOfHMetrics
}

// parsedOutlines parses the face's loca table on first use.
func (f *Face) parsedOutlines() (*outlines, error) {
	f.once.Do(func() { f.out, f.outErr = parseOutlines(f.Data) })
	return f.out, f.outErr
}

func parseOutlines(data []byte) (*outlines, error) {
	s, err := parseFace(data, 0)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp, loca := s.tables["head"], s.tables["hhea"], s.tables["maxp"], s.tables["loca"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, fmt.Errorf("字体表损坏")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	o := &outlines{tables: s.tables, loca: make([]uint32, n+1), numH: int(binary.BigEndian.Uint16(hhea[34:]))}
	long := binary.BigEndian.Uint16(head[50:]) == 1
	for i := 0; i <= n; i++ {
		switch {
		case long && 4*i+4 <= len(loca):
			o.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		case !long && 2*i+2 <= len(loca):
			o.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		default:
			return nil, fmt.Errorf("字体 loca 表损坏")
		}
	}
	if glyf := s.tables["glyf"]; int(o.loca[n]) > len(glyf) || o.numH == 0 || 4*o.numH > len(s.tables["hmtx"]) {
		return nil, fmt.Errorf("字体 glyf/hmtx 表损坏")
	}
	return o, nil
}

// glyph returns the outline of glyph g (nil for an empty glyph such as the space).
func (o *outlines) glyph(g int) []byte {
	if g+1 >= len(o.loca) || o.loca[g] >= o.loca[g+1] {
		return nil
	}
	return o.tables["glyf"][o.loca[g]:o.loca[g+1]]
}

// Composite glyph flags (TrueType glyf table).
const (
	argWords      = 0x0001
	haveScale     = 0x0008
	moreParts     = 0x0020
	haveXYScale   = 0x0040
	have2x2       = 0x0080
	compositeMask = 0x8000 // numberOfContours < 0
)

// components lists the glyph ids a composite glyph is built from, with the byte offset of
// each id inside the outline, so a cut can renumber them.
func components(outline []byte) (ids, at []int) {
	if len(outline) < 10 || binary.BigEndian.Uint16(outline)&compositeMask == 0 {
		return nil, nil
	}
	p := 10
	for p+4 <= len(outline) {
		flags := binary.BigEndian.Uint16(outline[p:])
		ids = append(ids, int(binary.BigEndian.Uint16(outline[p+2:])))
		at = append(at, p+2)
		p += 4
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&moreParts == 0 {
			break
		}
	}
	return ids, at
}

// Cut returns a standalone TrueType font holding only the glyphs of the given characters
// (and the parts of composite glyphs), renumbered from 1 after the .notdef glyph, with a
// character map for exactly those characters. A PDF embeds only what it draws, and gofpdf
// parses every glyph of the font it is given: handing it a cut of a few hundred glyphs
// instead of a 30,000-glyph Chinese face is what makes many documents fast. Characters
// the face lacks are left out. The result shares no memory with f.
func (f *Face) Cut(runes []rune) ([]byte, error) {
	o, err := f.parsedOutlines()
	if err != nil {
		return nil, &FontError{Path: f.Source, Reason: err.Error()}
	}
	rs := make([]rune, 0, len(runes))
	for _, r := range runes {
		if f.Has(r) && r != 0xFFFF {
			rs = append(rs, r)
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	// New glyph ids: 0 stays .notdef; then each character's glyph, then composite parts.
	newID := map[int]int{0: 0}
	order := []int{0}
	var add func(g int)
	add = func(g int) {
		if _, ok := newID[g]; ok || g >= len(o.loca)-1 {
			return
		}
		newID[g] = len(order)
		order = append(order, g)
		ids, _ := components(o.glyph(g))
		for _, c := range ids {
			add(c)
		}
	}
	pairs := make([]cmapPair, 0, len(rs))
	for i, r := range rs {
		if i > 0 && rs[i-1] == r {
			continue
		}
		g := int(f.glyphs[r])
		add(g)
		pairs = append(pairs, cmapPair{r, newID[g]})
	}
	n := len(order)
	be := binary.BigEndian
	hmtxIn := o.tables["hmtx"]
	hmtx := make([]byte, 4*n)
	loca := make([]byte, 4*(n+1))
	var glyf []byte
	for i, g := range order {
		h := min(g, o.numH-1)
		copy(hmtx[4*i:], hmtxIn[4*h:4*h+2]) // advance
		lsb := 4*o.numH + 2*(g-o.numH)
		if g < o.numH {
			lsb = 4*g + 2
		}
		if lsb+2 <= len(hmtxIn) {
			copy(hmtx[4*i+2:], hmtxIn[lsb:lsb+2])
		}
		be.PutUint32(loca[4*i:], uint32(len(glyf)))
		start := len(glyf)
		glyf = append(glyf, o.glyph(g)...)
		_, at := components(glyf[start:])
		ids, _ := components(o.glyph(g))
		for k, p := range at {
			be.PutUint16(glyf[start+p:], uint16(newID[ids[k]]))
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	be.PutUint32(loca[4*n:], uint32(len(glyf)))

	cmap, err := cmap4(pairs)
	if err != nil {
		return nil, err
	}
	out := &sfnt{magic: magicTrueType, tables: map[string][]byte{
		"cmap": cmap, "glyf": glyf, "loca": loca, "hmtx": hmtx,
		"head": patch16(o.tables["head"], 50, 1), // long loca offsets
		"hhea": patch16(o.tables["hhea"], 34, n), // every glyph has full metrics
		"maxp": patch16(o.tables["maxp"], 4, n),  // numGlyphs
		"post": postV3(o.tables["post"]),
	}}
	for _, t := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if b, ok := o.tables[t]; ok {
			out.tables[t] = append([]byte(nil), b...)
		}
	}
	for t := range out.tables {
		out.order = append(out.order, t)
	}
	return out.standalone(), nil
}

// patch16 returns a copy of b with the big-endian uint16 at off set to v.
func patch16(b []byte, off, v int) []byte {
	c := append([]byte(nil), b...)
	if off+2 <= len(c) {
		binary.BigEndian.PutUint16(c[off:], uint16(v))
	}
	return c
}

// postV3 is the face's post table as version 3.0: the same italic angle and underline
// metrics, without the glyph names, which are listed by the face's own glyph ids.
func postV3(b []byte) []byte {
	c := append([]byte(nil), b[:min(32, len(b))]...)
	if len(c) >= 4 {
		binary.BigEndian.PutUint32(c, 0x00030000)
	}
	return c
}

// cmapPair maps a character to a glyph id.
type cmapPair struct {
	r rune
	g int
}

// cmap4 builds a cmap table with one Windows Unicode BMP subtable in format 4 (the one
// gofpdf reads) from pairs sorted by character.
func cmap4(pairs []cmapPair) ([]byte, error) {
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, p := range pairs {
		r := int(p.r)
		if k := len(segs); k > 0 && segs[k-1].end == r-1 && (segs[k-1].delta+r)&0xFFFF == p.g {
			segs[k-1].end = r
			continue
		}
		segs = append(segs, seg{r, r, (p.g - r) & 0xFFFF})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	if len(segs) > 0x7FFF {
		return nil, fmt.Errorf("字符映射过于分散，无法生成子集")
	}
	n := len(segs)
	sub := make([]byte, 16+8*n)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	be.PutUint16(sub[8:], uint16(2<<es))
	be.PutUint16(sub[10:], uint16(es))
	be.PutUint16(sub[12:], uint16(2*n-2<<es))
	for i, sg := range segs {
		be.PutUint16(sub[14+2*i:], uint16(sg.end))
		be.PutUint16(sub[16+2*n+2*i:], uint16(sg.start))
		be.PutUint16(sub[16+4*n+2*i:], uint16(sg.delta))
		// idRangeOffset stays 0: glyph = character + delta
	}
	cmap := make([]byte, 12, 12+len(sub))
	be.PutUint16(cmap[2:], 1)
	be.PutUint16(cmap[4:], 3)
	be.PutUint16(cmap[6:], 1)
	be.PutUint32(cmap[8:], 12)
	return append(cmap, sub...), nil
}
