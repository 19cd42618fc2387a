package xxgk

import "strings"

// SafeFileName makes s usable as a file name on Windows, where the office works, as well
// as elsewhere: the characters Windows forbids (\ / : * ? " < > |) and control characters
// become _, leading and trailing spaces and dots (which Explorer drops or refuses) are
// removed, and a reserved device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or
// without an extension) gets a leading _. It never returns "": an empty result is "_".
// Templates, feedback PDFs and the importer's annotated copies all name files with it.
func SafeFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F || strings.ContainsRune(`\/:*?"<>|`, r) {
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
