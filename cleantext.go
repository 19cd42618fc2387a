package xxgk

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Free text travels from a unit's cell to the database, exports, PDFs and the terminal.
// Bytes that are not UTF-8 and control characters have no meaning there: stored, they
// differ between engines (MySQL refuses what SQLite keeps) and printed, they can clear a
// screen or break a PDF. So they are refused, cell by cell, before anything is stored;
// only the breaks that word processors paste (Word's manual line break is a vertical tab)
// are turned into line breaks, with a warning so the unit knows its text changed.

// TextCheck is what checking one free-text value found.
type TextCheck struct {
	Text    string // the value with line breaks folded to \n; "" when Error is set
	Error   string // why the value cannot be stored, or ""
	Warning string // what was changed, or ""
}

// CheckText checks a free-text value against its field's limit (MaxTextLen; 0 means
// none). The length is counted after trimming, in characters. Carriage returns
// (\r\n, \r) fold to \n silently: that is only how Windows ends lines.
func CheckText(field, raw string) TextCheck {
	if !utf8.ValidString(raw) {
		return TextCheck{Error: "含有无法识别的字符（不是有效的 UTF-8 文本），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴"}
	}
	var b strings.Builder
	b.Grow(len(raw))
	folded := false
	for i, r := range raw {
		switch {
		case r == '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				continue
			}
			r = '\n'
		case r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			r, folded = '\n', true
		case r == '\t' || r == '\n':
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			return TextCheck{Error: fmt.Sprintf("含有不可见的控制字符（%s），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴", codePoint(r))}
		}
		b.WriteRune(r)
	}
	c := TextCheck{Text: b.String()}
	if folded {
		c.Warning = "含有分页符、软回车等特殊换行符，已换成普通换行，请核对内容"
	}
	if max := MaxTextLen(field); max > 0 {
		if n := utf8.RuneCountInString(strings.TrimSpace(c.Text)); n > max {
			return TextCheck{Error: fmt.Sprintf("内容过长：共 %d 个字符，“%s”最多 %d 个字符，请精简后再报送", n, field, max)}
		}
	}
	return c
}

// codePoint names a character as U+001B.
func codePoint(r rune) string { return fmt.Sprintf("U+%04X", r) }

// Visible shows a value in a message without what it cannot safely show: control
// characters and bytes that are not UTF-8 become \x1b-style escapes, and it is cut to
// n characters.
func Visible(s string, n int) string {
	var b strings.Builder
	count := 0
	for i := 0; i < len(s); {
		if count == n {
			b.WriteString("…")
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' || r == '\t':
			b.WriteRune(' ')
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
		i += size
		count++
	}
	return b.String()
}
