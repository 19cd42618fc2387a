package termtable

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"xxgk"
)

// Safe returns s fit to print on a terminal as one line: control characters (C0, DEL,
// C1, which include the escape that starts cursor and colour sequences), line and
// paragraph separators, the bidirectional overrides that reorder what is shown, and bytes
// that are not UTF-8 are shown escaped (\n, \r, \t, \x1b, \u202e, \xff). Cell values,
// file names and zip entry names come from units' files: a crafted one must not clear the
// screen, move the cursor or forge a result line.
func Safe(s string) string { return escape(s, false) }

// SafeLines is Safe for text of several lines: "\n" is kept, everything else escaped.
func SafeLines(s string) string { return escape(s, true) }

func escape(s string, keepNewline bool) string {
	if clean(s, keepNewline) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' && keepNewline:
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\x%02x`, r)
		case xxgk.HiddenControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// clean tells whether s can be printed as it is, the usual case, without allocating.
func clean(s string, keepNewline bool) bool {
	for _, r := range s {
		if (r < 0x20 && !(keepNewline && r == '\n')) || r == 0x7F || r == utf8.RuneError || xxgk.HiddenControl(r) {
			return false
		}
	}
	return true
}

// SafeJSON is encoded JSON fit to print on a terminal: encoding/json escapes C0 controls
// and the line separators but writes DEL, the C1 controls and the bidirectional
// overrides as they are. Those can only stand inside strings, where a \u escape reads
// back as the same character, so the output stays the same JSON.
func SafeJSON(b []byte) []byte {
	s := string(b)
	if clean(s, false) {
		return b
	}
	var out strings.Builder
	out.Grow(len(s) + 8)
	for _, r := range s {
		if r == 0x7F || xxgk.HiddenControl(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return []byte(out.String())
}

// JSONWriter applies SafeJSON to what a json.Encoder writes to w. The encoder writes each
// value whole in one call, so no character is split between two.
func JSONWriter(w io.Writer) io.Writer { return jsonWriter{w} }

type jsonWriter struct{ w io.Writer }

func (j jsonWriter) Write(b []byte) (int, error) {
	if _, err := j.w.Write(SafeJSON(b)); err != nil {
		return 0, err
	}
	return len(b), nil
}
