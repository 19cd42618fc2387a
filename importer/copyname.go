package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
	"unicode/utf8"

	"xxgk"
)

// Limits of an annotated copy's file name. Linux allows 255 bytes in a name (a Chinese
// character is 3), and Windows without long-path support 260 characters for the whole
// path, the errors folder's included: 80 characters leave the folder room.
const (
	copyNameMaxRunes = 80
	copyNameMaxBytes = 180
)

// copyFileName turns the name a file had (for a zip entry, the archive's stem and the
// entry's path) into a file name for its annotated copy that any file system takes: no
// folder separators, control characters or characters that reorder what is shown, and
// short enough. A shortened name ends in a digest of the whole name, so two long names
// that share their beginning still get different copies.
func copyFileName(name string) string {
	name = xxgk.SafeFileName(name)
	if utf8.RuneCountInString(name) <= copyNameMaxRunes && len(name) <= copyNameMaxBytes {
		return name
	}
	ext := path.Ext(name)
	if len(ext) > 8 || strings.ContainsRune(ext, ' ') {
		ext = ""
	}
	sum := sha256.Sum256([]byte(name))
	tail := "~" + hex.EncodeToString(sum[:4]) + ext
	stem := strings.TrimSuffix(name, ext)
	runes, bytes := 0, 0
	cut := 0
	for i, r := range stem {
		n := utf8.RuneLen(r)
		if runes+1 > copyNameMaxRunes-len(tail) || bytes+n > copyNameMaxBytes-len(tail) {
			break
		}
		runes, bytes, cut = runes+1, bytes+n, i+n
	}
	return strings.TrimRight(stem[:cut], " .") + tail
}
