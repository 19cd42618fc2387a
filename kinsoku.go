package xxgk

import "strings"

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
