package pdf

import "strings"

// urlBreaks are the characters after which a web address may be broken across lines.
const urlBreaks = "/?&."

// isURLRune tells the characters a web address is written with.
func isURLRune(r rune) bool { return r > ' ' && r < 0x7f }

// urlBreak moves a break before rs[n] that falls inside a web address (a run of ASCII
// holding "://") to just after one of its / ? & . — never inside "http://" itself —
// or before the whole address when no such place fits. ok is false when rs[n] is not
// inside an address, or the address starts the line and has no place to break: the
// ordinary rules then apply.
func urlBreak(rs []rune, n int) (int, bool) {
	if n <= 0 || n >= len(rs) || !isURLRune(rs[n-1]) || !isURLRune(rs[n]) {
		return n, false
	}
	start, end := n, n
	for start > 0 && isURLRune(rs[start-1]) {
		start--
	}
	for end < len(rs) && isURLRune(rs[end]) {
		end++
	}
	i := strings.Index(string(rs[start:end]), "://")
	if i < 0 {
		return n, false
	}
	floor := start + len([]rune(string(rs[start:end])[:i])) + 3 // after "http://"
	for k := n; k > floor; k-- {
		if strings.ContainsRune(urlBreaks, rs[k-1]) {
			return k, true
		}
	}
	if start > 0 {
		return start, true
	}
	return n, false
}
