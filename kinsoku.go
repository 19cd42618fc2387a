package xxgk

import (
	"strings"
	"unicode"
)

// NoLineStart are characters Chinese typesetting keeps off the start of a line (避头点):
// closing punctuation and brackets, half- and full-width. Every place that breaks text
// into lines (the PDF papers, the workbooks' explicit line breaks) applies this one list,
// so a line never opens with “、” or “）” whichever program shows it.
const NoLineStart = "，。、；：？！）》」』】〕〉〗］｝．％…—,.;:?!)]}%’”·"

// NoLineEnd are characters kept off the end of a line (避尾点): opening punctuation.
const NoLineEnd = "（《「『【〔〈〖［｛([{‘“"

// BreakBefore tells whether a line may break between a and b as far as punctuation goes:
// b may start a line and a may end one.
func BreakBefore(a, b rune) bool {
	return !strings.ContainsRune(NoLineStart, b) && !strings.ContainsRune(NoLineEnd, a)
}

// Joined tells whether a line must not break between a and b: inside a Latin word, a
// number, a code (CZ-01-1), or a date, time or count written with digits
// (2020年9月20日, 2020-09-20, 15:30, 36个).
func Joined(a, b rune) bool {
	if isWordRune(a) && isWordRune(b) {
		return true
	}
	// 2020-09-20, CZ-01-1, 15:30
	if (a == '-' && isWordRune(b)) || (isWordRune(a) && b == '-') || (a == ':' && isASCIIDigit(b)) || (isASCIIDigit(a) && b == ':') {
		return true
	}
	return (isASCIIDigit(a) && strings.ContainsRune(numberUnits, b)) || (strings.ContainsRune("年月", a) && isASCIIDigit(b))
}

// numberUnits follow a number without a break.
const numberUnits = "年月日号时分秒个项条家次名"

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// isWordRune tells Latin letters and digits, which break only between words. URL
// punctuation counts as a break opportunity so long links wrap at / and .
func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
