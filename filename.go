package xxgk

import (
	"strings"
	"unicode/utf8"
)

// SafeFileName makes s usable as a file name on Windows, where the office works, as well
// as elsewhere: the characters Windows forbids (\ / : * ? " < > |), control characters,
// the characters that change how a name shows (HiddenControl: U+202E makes
// "汉阴县\u202Eslx.exe" show as "汉阴县exe.xlsx") and bytes that are not UTF-8
// become _, leading and trailing spaces and dots (which Explorer drops or refuses) are
// removed, and a reserved device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or
// without an extension) gets a leading _. It never returns "": an empty result is "_".
// Templates, feedback PDFs and the importer's annotated copies all name files with it.
func SafeFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F || r == utf8.RuneError || HiddenControl(r) || strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
	s = strings.Trim(s, " .")
	if s == "" {
		return "_"
	}
	stem, _, _ := strings.Cut(s, ".")
	if reservedName(strings.TrimRight(stem, " ")) {
		s = "_" + s
	}
	return s
}

// reservedName tells the device names Windows will not open as files.
func reservedName(stem string) bool {
	u := strings.ToUpper(stem)
	switch u {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '1' && u[3] <= '9'
}

// HiddenControl tells the characters beyond ASCII that a terminal or a file manager does
// not simply draw but that act on the text around them: the C1 controls (U+009B starts
// an escape sequence on some terminals), the line and paragraph separators, and the
// bidirectional embeddings, overrides and isolates, which reorder what is shown. Names
// and values from units' files must not carry them onto a screen or into a file name.
func HiddenControl(r rune) bool {
	return (r >= 0x80 && r <= 0x9F) || r == 0x2028 || r == 0x2029 ||
		(r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}
