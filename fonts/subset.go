package fonts

import (
	"encoding/binary"
	"fmt"
)

// Subset returns a copy of f whose character map keeps only the characters keep
// accepts; the glyphs stay, they are just unreachable. It exists to build fonts with
// gaps — a Chinese face without Latin letters, as many are — and prove that the fallback
// chain still prints every character.
func Subset(f *Face, keep func(rune) bool) (*Face, error) {
	s, err := parseFace(f.Data, 0)
	if err != nil {
		return nil, err
	}
	type seg struct{ start, end, delta int }
	var segs []seg
	for r := 1; r < 0xFFFF; r++ {
		if !f.Has(rune(r)) || !keep(rune(r)) {
			continue
		}
		g := int(f.glyphs[r])
		if n := len(segs); n > 0 && segs[n-1].end == r-1 && (segs[n-1].delta+r)&0xFFFF == g {
			segs[n-1].end = r
			continue
		}
		segs = append(segs, seg{r, r, (g - r) & 0xFFFF})
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
		// idRangeOffset stays 0: glyph = rune + delta
	}
	cmap := make([]byte, 12, 12+len(sub))
	be.PutUint16(cmap[2:], 1)
	be.PutUint16(cmap[4:], 3)
	be.PutUint16(cmap[6:], 1)
	be.PutUint32(cmap[8:], 12)
	cmap = append(cmap, sub...)
	s.tables["cmap"] = cmap
	return newFace(s.standalone(), 0, f.Source+"（子集）")
}
