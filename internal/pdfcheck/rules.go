package pdfcheck

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// Block is the text block of a page, mm from the top left corner, and the pitch of its
// body lines.
type Block struct {
	Left, Right, Top, Bottom, Pitch float64
}

// GBT9704 is the text block of GB/T 9704 on A4: 156×225 mm, 28 mm from the left and
// 37 mm from the top, 22 lines.
var GBT9704 = Block{Left: 28, Right: 184, Top: 37, Bottom: 262, Pitch: 225.0 / 22}

// bodyLines lists each page's lines in the body size.
func bodyLines(pages []Page) [][]Line {
	h := BodyHeight(pages)
	out := make([][]Line, len(pages))
	for i, p := range pages {
		for _, l := range p.Lines {
			if IsBody(l, h) {
				out[i] = append(out[i], l)
			}
		}
	}
	return out
}

// FullLine is a body line that a continuation line follows (the next body line starts
// at the left margin, one pitch below or at the top of the next page): a line that is not
// the last of its paragraph.
type FullLine struct {
	Page int
	Line Line
	Next Line // the line after it, which starts at the left margin
}

// FullLines finds the full lines of a document and every body line that runs past the
// right edge by more than tol.
func FullLines(pages []Page, b Block, tol float64) (full []FullLine, over []string) {
	body := bodyLines(pages)
	atLeft := func(l Line) bool { return math.Abs(l.XMin-b.Left) < 0.3 }
	for i, ls := range body {
		for j, l := range ls {
			if l.XMax > b.Right+tol {
				over = append(over, fmt.Sprintf("page %d: %q ends at %.2f mm, past the right edge %.2f", i+1, l.Text(), l.XMax, b.Right))
			}
			var next *Line
			switch {
			case j+1 < len(ls) && math.Abs(ls[j+1].YMin-l.YMin-b.Pitch) < 1:
				next = &ls[j+1]
			case j+1 == len(ls) && l.YMax > b.Bottom-b.Pitch-1 && i+1 < len(body) && len(body[i+1]) > 0 && body[i+1][0].YMin < b.Top+b.Pitch:
				next = &body[i+1][0]
			}
			if next != nil && atLeft(*next) {
				full = append(full, FullLine{i + 1, l, *next})
			}
		}
	}
	return full, over
}

var dateLine = regexp.MustCompile(`^\d{4}年\d{1,2}月\d{1,2}日$`)

// Signature finds the 成文日期 (a line holding only a date, at the right of the text
// block) and the 署名 above it: the last such pair in the document.
func Signature(pages []Page, b Block) (page int, office, date Line, ok bool) {
	for i := len(pages) - 1; i >= 0; i-- {
		ls := pages[i].Lines
		for j := len(ls) - 1; j > 0; j-- {
			if dateLine.MatchString(ls[j].Text()) && ls[j].XMin > (b.Left+b.Right)/2 {
				return i + 1, ls[j-1], ls[j], true
			}
		}
	}
	return 0, Line{}, Line{}, false
}

// SignatureProblems checks GB/T 9704 7.3.5 on the 署名 page: it carries body text above
// the 署名, and a seal of diameter seal mm centred on the 署名 and date, with the two a
// little below its centre, touches no line of text above and starts within one line of
// it. It returns what is wrong, or nothing.
func SignatureProblems(pages []Page, b Block, seal float64) []string {
	page, office, date, ok := Signature(pages, b)
	if !ok {
		return []string{"no 署名 and 成文日期 found"}
	}
	h := BodyHeight(pages)
	var above *Line
	for _, l := range pages[page-1].Lines {
		if l.YMax < office.YMin-0.1 && IsBody(l, h) {
			l := l
			above = &l
		}
	}
	if above == nil {
		return []string{fmt.Sprintf("page %d holds only the 署名 and the date (GB/T 9704 7.3.5)", page)}
	}
	centre := (office.YMin+date.YMax)/2 - 2 // the 署名 and date a little below the centre
	top := centre - seal/2
	var probs []string
	if gap := top - above.YMax; gap < 1 {
		probs = append(probs, fmt.Sprintf("page %d: a %.0f mm seal over the 署名 would start %.1f mm below %q: it touches the text", page, seal, gap, above.Text()))
	} else if gap > b.Pitch+2 {
		probs = append(probs, fmt.Sprintf("page %d: a %.0f mm seal would start %.1f mm below the text, more than a line (GB/T 9704 7.3.5.1)", page, seal, gap))
	}
	if centre+seal/2 > b.Bottom+5 {
		probs = append(probs, fmt.Sprintf("page %d: the seal would run off the text block", page))
	}
	return probs
}

// Text is a page's lines joined, for messages.
func (p Page) Text() string {
	var s []string
	for _, l := range p.Lines {
		s = append(s, l.Text())
	}
	return strings.Join(s, "\n")
}

// Filled is how much of the text block's height a page uses: from its top to the
// bottom of the lowest line of text inside it (the page number below is not counted),
// as a fraction.
func Filled(p Page, b Block) float64 {
	low := b.Top
	for _, l := range p.Lines {
		if l.YMax <= b.Bottom+0.5 {
			low = max(low, l.YMax)
		}
	}
	return (low - b.Top) / (b.Bottom - b.Top)
}
