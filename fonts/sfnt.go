package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// Magic numbers at the start of a font file.
const (
	magicTrueType = 0x00010000
	magicTrue     = 0x74727565 // 'true', old Apple TrueType
	magicOTTO     = 0x4F54544F // 'OTTO', OpenType with CFF outlines
	magicTTC      = 0x74746366 // 'ttcf', a collection of faces
)

// sfnt is one face's tables, parsed from a .ttf or from one face of a .ttc.
type sfnt struct {
	magic  uint32
	tables map[string][]byte
	order  []string // tags as listed in the directory
}

// faceCount tells how many faces a file holds: 1 for a plain font, n for a collection.
func faceCount(b []byte) (int, error) {
	if len(b) < 12 {
		return 0, fmt.Errorf("文件太短，不是字体文件")
	}
	if binary.BigEndian.Uint32(b) != magicTTC {
		return 1, nil
	}
	n := int(binary.BigEndian.Uint32(b[8:]))
	if n <= 0 || 12+4*n > len(b) {
		return 0, fmt.Errorf("字体集合（.ttc）文件头损坏")
	}
	return n, nil
}

// parseFace reads the table directory of face index (0 for a plain font). Table data
// slices point into b; nothing is copied.
func parseFace(b []byte, index int) (*sfnt, error) {
	n, err := faceCount(b)
	if err != nil {
		return nil, err
	}
	if index < 0 || index >= n {
		return nil, fmt.Errorf("字体集合只有 %d 个字体（编号 0 至 %d），没有编号 %d", n, n-1, index)
	}
	off := 0
	if binary.BigEndian.Uint32(b) == magicTTC {
		off = int(binary.BigEndian.Uint32(b[12+4*index:]))
	}
	if off+12 > len(b) {
		return nil, fmt.Errorf("字体文件损坏：表目录越界")
	}
	f := &sfnt{magic: binary.BigEndian.Uint32(b[off:]), tables: map[string][]byte{}}
	switch f.magic {
	case magicTrueType, magicTrue, magicOTTO:
	default:
		return nil, fmt.Errorf("不是 TrueType/OpenType 字体（文件头 %08x）", f.magic)
	}
	num := int(binary.BigEndian.Uint16(b[off+4:]))
	if off+12+16*num > len(b) {
		return nil, fmt.Errorf("字体文件损坏：表目录越界")
	}
	for i := 0; i < num; i++ {
		rec := b[off+12+16*i:]
		tag := string(rec[:4])
		start := int(binary.BigEndian.Uint32(rec[8:]))
		length := int(binary.BigEndian.Uint32(rec[12:]))
		if start < 0 || length < 0 || start+length > len(b) {
			return nil, fmt.Errorf("字体文件损坏：表 %q 越界", tag)
		}
		f.tables[tag] = b[start : start+length]
		f.order = append(f.order, tag)
	}
	return f, nil
}

// cff tells whether the face has PostScript (CFF) outlines, which gofpdf cannot embed.
func (f *sfnt) cff() bool {
	_, c1 := f.tables["CFF "]
	_, c2 := f.tables["CFF2"]
	return f.magic == magicOTTO || c1 || c2
}

// standalone writes the face as a self-contained TrueType file: a fresh table directory
// with offsets recalculated, tables 4-byte aligned, checksums and head.checkSumAdjustment
// recomputed. This is how one face of a .ttc becomes something gofpdf accepts.
func (f *sfnt) standalone() []byte {
	tags := append([]string(nil), f.order...)
	sort.Strings(tags) // the directory must be sorted by tag
	num := len(tags)
	size := 12 + 16*num
	for _, t := range tags {
		size += pad4(len(f.tables[t]))
	}
	out := make([]byte, size)
	entrySelector := 0
	for 1<<(entrySelector+1) <= num {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16
	binary.BigEndian.PutUint32(out, magicTrueType)
	binary.BigEndian.PutUint16(out[4:], uint16(num))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(num*16-searchRange))
	pos := 12 + 16*num
	headAt := -1
	for i, t := range tags {
		data := f.tables[t]
		copy(out[pos:], data)
		if t == "head" && len(data) >= 12 {
			headAt = pos
			binary.BigEndian.PutUint32(out[pos+8:], 0) // checkSumAdjustment is computed last
		}
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(out[pos:pos+pad4(len(data))]))
		binary.BigEndian.PutUint32(rec[8:], uint32(pos))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		pos += pad4(len(data))
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func pad4(n int) int { return (n + 3) &^ 3 }

// checksum is the sfnt table checksum: the sum of big-endian uint32 words.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	if r := len(b) % 4; r != 0 {
		var last [4]byte
		copy(last[:], b[len(b)-r:])
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
