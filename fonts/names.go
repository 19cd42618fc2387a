package fonts

import (
	"encoding/binary"
	"unicode/utf16"
)

// Name IDs of the sfnt 'name' table that identify a face.
const (
	nameFamily     = 1
	nameFull       = 4
	namePostScript = 6
	nameTypoFamily = 16
)

// names returns every family, full and typographic-family name of the face in every
// language the table carries (so both "SimSun" and "宋体" match), plus the PostScript
// name. Windows (platform 3) and Unicode (0) records are UTF-16BE; Mac (1) records are
// read as ASCII.
func (f *sfnt) names() (all []string, postscript string) {
	b := f.tables["name"]
	if len(b) < 6 {
		return nil, ""
	}
	count := int(binary.BigEndian.Uint16(b[2:]))
	strOff := int(binary.BigEndian.Uint16(b[4:]))
	seen := map[string]bool{}
	for i := 0; i < count; i++ {
		rec := 6 + 12*i
		if rec+12 > len(b) {
			break
		}
		platform := binary.BigEndian.Uint16(b[rec:])
		id := binary.BigEndian.Uint16(b[rec+6:])
		length := int(binary.BigEndian.Uint16(b[rec+8:]))
		off := strOff + int(binary.BigEndian.Uint16(b[rec+10:]))
		if off+length > len(b) {
			continue
		}
		var s string
		switch platform {
		case 0, 3:
			s = decodeUTF16(b[off : off+length])
		case 1:
			s = asciiOnly(b[off : off+length])
		default:
			continue
		}
		if s == "" {
			continue
		}
		switch id {
		case nameFamily, nameFull, nameTypoFamily:
			if !seen[s] {
				seen[s] = true
				all = append(all, s)
			}
		case namePostScript:
			if postscript == "" {
				postscript = s
			}
		}
	}
	return all, postscript
}

func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

func asciiOnly(b []byte) string {
	for _, c := range b {
		if c >= 0x80 || c < 0x20 {
			return ""
		}
	}
	return string(b)
}
