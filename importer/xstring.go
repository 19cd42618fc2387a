package importer

import (
	"strings"
	"unicode/utf16"
)

// Cell text goes through two decodings after XML's own. Spreadsheet text is an
// ST_Xstring: characters XML 1.0 cannot hold are written _xHHHH_ (Excel writes a carriage
// return pasted from Word as _x000D_), and a literal "_x" sequence has its underscore
// escaped as _x005F_. Then line endings are folded to "\n", so that a remark typed on
// Windows and one typed on a Mac store the same text and compare equal on re-import.

// cellText decodes a text value read from a shared string, an inline string or a
// formula's string result.
func cellText(s string) string {
	return foldNewlines(decodeXstring(s))
}

// decodeXstring replaces each _xHHHH_ escape with its character, reading left to right so
// that _x005F_x000D_ is the literal text "_x000D_". A UTF-16 surrogate pair written as two
// escapes is one character; a lone surrogate cannot be a character and is left as written.
func decodeXstring(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, ok := xescape(s, i)
		if !ok {
			b.WriteByte(s[i])
			i++
			continue
		}
		if utf16.IsSurrogate(rune(r)) {
			if r2, ok2 := xescape(s, i+7); ok2 && r < 0xDC00 {
				if c := utf16.DecodeRune(rune(r), rune(r2)); c != '\uFFFD' {
					b.WriteRune(c)
					i += 14
					continue
				}
			}
			b.WriteString(s[i : i+7])
			i += 7
			continue
		}
		b.WriteRune(rune(r))
		i += 7
	}
	return b.String()
}

// xescape reads an _xHHHH_ escape at s[i:].
func xescape(s string, i int) (uint16, bool) {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	var v uint16
	for _, c := range []byte(s[i+2 : i+6]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint16(c)
	}
	return v, true
}

// foldNewlines turns "\r\n" and a lone "\r" into "\n".
func foldNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
