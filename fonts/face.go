package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"xxgk/internal/oserr"
)

// Face is one TrueType face ready for gofpdf: standalone bytes plus what layout needs
// to know without gofpdf (which characters it has and how wide they are).
type Face struct {
	Name   string // family name as the font states it, e.g. "WenQuanYi Micro Hei"
	Source string // file it came from, with ":INDEX" for a face of a collection; "Go" fonts say so
	// Data is a standalone TrueType file for gofpdf's AddUTF8FontFromBytes.
	Data []byte
	// PostScript is the face's PostScript name, used as the PDF BaseFont.
	PostScript string

	path     string // the file, without the face index
	names    []string
	covered  []uint64 // bitset over the BMP, from the format 4 cmap gofpdf uses
	widths   []uint16 // advance per BMP rune in 1/1000 em, as gofpdf computes it
	glyphs   []uint16 // glyph id per BMP rune, for Subset
	fallback bool     // a Latin-only font used when the CJK face lacks a character

	// The outlines Cut needs, parsed on first use and then shared read-only by every
	// document written with this face (see cut.go).
	once   sync.Once
	out    *outlines
	outErr error
}

// Has tells whether the face draws r. Only the BMP counts: gofpdf reads the format 4
// cmap, so anything beyond it would come out as an empty box.
func (f *Face) Has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	return f.covered[r>>6]&(1<<(uint(r)&63)) != 0
}

// Advance is r's width in 1/1000 em (0 when the face lacks r).
func (f *Face) Advance(r rune) int {
	if !f.Has(r) {
		return 0
	}
	return int(f.widths[r])
}

// Names lists the face's names in every language the font carries.
func (f *Face) Names() []string { return f.names }

func (f *Face) String() string { return f.Name + "（" + f.Source + "）" }

// ReadFace loads a face from a file. spec is FILE, FILE:INDEX (face number in a .ttc,
// from 0) or FILE#NAME (face whose family or full name is NAME, e.g.
// simsun.ttc#NSimSun or simsun.ttc#新宋体). A plain FILE of a collection takes face 0.
func ReadFace(spec string) (*Face, error) {
	path, index, name := splitSpec(spec)
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, syscall.EISDIR) {
			return nil, fmt.Errorf("无法读取字体文件 %s：这是一个文件夹，请指定其中的字体文件", path)
		}
		return nil, fmt.Errorf("无法读取字体文件 %s：%w", path, oserr.Error(err))
	}
	if name != "" {
		n, err := faceCount(b)
		if err != nil {
			return nil, &FontError{Path: path, Reason: err.Error()}
		}
		var found []string
		for i := 0; i < n; i++ {
			s, err := parseFace(b, i)
			if err != nil {
				return nil, &FontError{Path: path, Reason: err.Error()}
			}
			all, _ := s.names()
			for _, nm := range all {
				if strings.EqualFold(nm, name) {
					return newFace(b, i, path)
				}
			}
			if len(all) > 0 {
				found = append(found, fmt.Sprintf("%d=%s", i, all[0]))
			}
		}
		return nil, &FontError{Path: path, Reason: fmt.Sprintf("没有名为“%s”的字体；文件中的字体：%s", name, strings.Join(found, "，"))}
	}
	return newFace(b, index, path)
}

// splitSpec separates FILE:INDEX and FILE#NAME. Only a trailing ":digits" is an index,
// so Windows paths such as C:\Windows\Fonts\simsun.ttc stay whole.
func splitSpec(spec string) (path string, index int, name string) {
	if i := strings.LastIndex(spec, "#"); i > 0 && !strings.ContainsAny(spec[i+1:], `/\`) {
		return spec[:i], 0, spec[i+1:]
	}
	if i := strings.LastIndex(spec, ":"); i > 0 && i < len(spec)-1 {
		n := 0
		for _, c := range spec[i+1:] {
			if c < '0' || c > '9' {
				return spec, 0, ""
			}
			n = n*10 + int(c-'0')
		}
		return spec[:i], n, ""
	}
	return spec, 0, ""
}

// newFace checks that face index of b is something gofpdf can embed and prepares it.
func newFace(b []byte, index int, path string) (*Face, error) {
	fail := func(reason string) error { return &FontError{Path: path, Index: index, Reason: reason} }
	s, err := parseFace(b, index)
	if err != nil {
		return nil, fail(err.Error())
	}
	if s.cff() {
		return nil, &FontError{Path: path, Index: index, CFF: true}
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "cmap", "glyf", "loca", "post", "name"} {
		if _, ok := s.tables[t]; !ok {
			return nil, fail("缺少 " + t + " 表，不是完整的 TrueType 字体")
		}
	}
	if os2 := s.tables["OS/2"]; len(os2) >= 10 {
		fs := binary.BigEndian.Uint16(os2[8:])
		if fs == 0x0002 || fs&0x0300 != 0 {
			return nil, fail("字体授权禁止嵌入或禁止子集化（OS/2 fsType），请换用其他字体")
		}
	}
	f := &Face{Source: path, path: path}
	if n, _ := faceCount(b); n > 1 {
		f.Source = fmt.Sprintf("%s:%d", path, index)
	}
	f.names, f.PostScript = s.names()
	if len(f.names) > 0 {
		f.Name = f.names[0]
	} else {
		f.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	if err := f.readMetrics(s); err != nil {
		return nil, fail(err.Error())
	}
	if binary.BigEndian.Uint32(b) == magicTTC || s.magic != magicTrueType {
		f.Data = s.standalone()
	} else {
		f.Data = b
	}
	return f, nil
}

// readMetrics fills coverage and widths from the format 4 cmap and hmtx, choosing the
// cmap subtable the way gofpdf does (first Windows Unicode BMP or Unicode-platform
// subtable in format 4), so that coverage here is coverage in the PDF.
func (f *Face) readMetrics(s *sfnt) error {
	head, hhea, hmtx, cmap := s.tables["head"], s.tables["hhea"], s.tables["hmtx"], s.tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || len(cmap) < 4 {
		return fmt.Errorf("字体表损坏")
	}
	upem := float64(binary.BigEndian.Uint16(head[18:]))
	if upem == 0 {
		return fmt.Errorf("字体表损坏（unitsPerEm 为 0）")
	}
	numH := int(binary.BigEndian.Uint16(hhea[34:]))
	if numH == 0 || 4*numH > len(hmtx) {
		return fmt.Errorf("字体 hmtx 表损坏")
	}
	sub := -1
	for i, n := 0, int(binary.BigEndian.Uint16(cmap[2:])); i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		pid, eid := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if ((pid == 3 && eid == 1) || pid == 0) && off+14 <= len(cmap) && binary.BigEndian.Uint16(cmap[off:]) == 4 {
			sub = off
			break
		}
	}
	if sub < 0 {
		return fmt.Errorf("字体没有 Unicode 字符映射表（cmap 格式 4）")
	}
	f.covered = make([]uint64, 1024)
	f.widths = make([]uint16, 65536)
	f.glyphs = make([]uint16, 65536)
	c := cmap[sub:]
	segs := int(binary.BigEndian.Uint16(c[6:])) / 2
	if 16+8*segs > len(c) {
		return fmt.Errorf("字体 cmap 表损坏")
	}
	u16 := func(p int) int {
		if p+2 > len(c) {
			return 0
		}
		return int(binary.BigEndian.Uint16(c[p:]))
	}
	endAt, startAt := 14, 16+2*segs
	deltaAt, rangeAt := startAt+2*segs, startAt+4*segs
	for i := 0; i < segs; i++ {
		end, start := u16(endAt+2*i), u16(startAt+2*i)
		delta, ro := u16(deltaAt+2*i), u16(rangeAt+2*i)
		for r := start; r <= end && r < 0xFFFF; r++ {
			gid := 0
			if ro == 0 {
				gid = (r + delta) & 0xFFFF
			} else if g := u16(rangeAt + 2*i + ro + 2*(r-start)); g != 0 {
				gid = (g + delta) & 0xFFFF
			}
			if gid == 0 || r == 0 {
				continue
			}
			h := min(gid, numH-1)
			adv := float64(binary.BigEndian.Uint16(hmtx[4*h:]))
			f.covered[r>>6] |= 1 << (uint(r) & 63)
			f.widths[r] = uint16(math.Round(adv * 1000 / upem))
			f.glyphs[r] = uint16(gid)
		}
	}
	return nil
}
