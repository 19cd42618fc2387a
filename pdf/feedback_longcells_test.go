package pdf

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"xxgk"
	"xxgk/internal/pdfcheck"
)

// longCells is a fixture round whose submitted units wrote far more than a cell holds:
// addresses of some 300 characters, 报送内容 of several hundred, long 备注 and column
// names, on every third row, and the last unit on every row.
func longCells(tb testing.TB) (xxgk.Summary, *xxgk.Catalog) {
	s, cat := fixture(tb, 12, 0)
	long := strings.Repeat("已于9月8日通过电子邮件报送设计文件审批结果、项目核准结果、节能审查意见等信息，并在栏目中逐条公开，", 8)
	for k, u := range s.Units {
		if u.Submission == nil {
			continue
		}
		sub := *u.Submission
		sub.Items = append([]xxgk.Item(nil), sub.Items...)
		for j := range sub.Items {
			if j%3 != k%3 && k != len(s.Units)-1 {
				continue
			}
			it := &sub.Items[j]
			if it.Status == xxgk.Opened {
				it.URL = "http://www.ankang.gov.cn/xxgk/zdly/" + strings.Repeat("channel/sub-column-name/", 12) + "index.html?id=123456&page=2"
				it.ColumnName = "重大建设项目批准服务信息及批准结果信息公开专栏（" + strings.Repeat("含审批、核准、备案", 4) + "）"
			}
			it.Reported = long
			it.Remark = strings.Repeat("栏目正在改版，部分信息暂存于市政府门户网站统一发布，", 5)
		}
		s.Units[k].Submission = &sub
	}
	return s, cat
}

// headingRe matches a heading of a letter: 一、… or （一）….
var headingRe = regexp.MustCompile(`^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)`)

// TestItemTableLongCells renders letters whose units wrote very long addresses and
// 报送内容 and reads them back: no table cell holds more than four lines, cut text says
// where the whole of it is, the header (both its rows) heads every page the table is
// on, and no page ends in a heading.
func TestItemTableLongCells(t *testing.T) {
	s, cat := longCells(t)
	opt := Options{Fonts: testFonts(t), Date: testDate, Notice: testNotice}
	letters := 0
	for _, u := range s.Units {
		if u.Submission == nil {
			continue
		}
		path := letterFile(t, s, u, cat, opt)
		if dir := os.Getenv("LT_KEEP"); dir != "" {
			b, _ := os.ReadFile(path)
			_ = os.WriteFile(filepath.Join(dir, filepath.Base(path)), b, 0o644)
		}
		pages := readPDF(t, path)
		boxes, err := pdfcheck.Boxes(path, pageH)
		if err != nil {
			t.Fatal(err)
		}
		name := u.Unit.Short
		tablePages, cut := 0, 0
		for _, p := range pages {
			all := p.Text()
			cut += strings.Count(all, "（全文见填报表）")
			bs := boxes[p.Number]
			if len(bs) == 0 {
				continue
			}
			tablePages++
			for _, b := range bs {
				if n := linesIn(p, b); n > maxCellLines {
					t.Errorf("%s page %d: the cell at (%.1f, %.1f) %.1f×%.1f mm holds %d lines", name, p.Number, b.X, b.Y, b.W, b.H, n)
				}
			}
			rows := boxRows(bs)
			if len(rows) < 3 {
				t.Errorf("%s page %d: %d rows of cells, want the two header rows and a record (%s)", name, p.Number, len(rows), path)
				continue
			}
			if got := textIn(p, rows[0]); got != "编码指标及栏目名称是否开设最近更新条数" {
				t.Errorf("%s page %d: the table's first row is %q, want the header", name, p.Number, got)
			}
			if got := textIn(p, rows[1]); got != itemSpanHead {
				t.Errorf("%s page %d: the table's second row is %q, want %q", name, p.Number, got, itemSpanHead)
			}
		}
		if tablePages < 2 {
			t.Errorf("%s: the 填报明细 is on %d pages; the fixture should run it over two at least", name, tablePages)
		}
		if cut == 0 {
			t.Errorf("%s: no cell was cut with “…（全文见填报表）”", name)
		}
		checkNoHeadingLast(t, name, pages)
		letters++
	}
	if letters == 0 {
		t.Fatal("no letters checked")
	}
}

// TestPapersHeadingNotLast: in every letter of the 40-unit round no page ends in a heading.
func TestPapersHeadingNotLast(t *testing.T) {
	_, letters := papers(t)
	for _, l := range letters {
		checkNoHeadingLast(t, l, readPDF(t, l))
	}
}

// checkNoHeadingLast fails when the last line of a page's text block is a heading.
func checkNoHeadingLast(t *testing.T, name string, pages []pdfcheck.Page) {
	t.Helper()
	for _, p := range pages[:len(pages)-1] {
		var last *pdfcheck.Line
		for i := range p.Lines {
			if p.Lines[i].YMax < block.Bottom+1 {
				last = &p.Lines[i]
			}
		}
		if last != nil && headingRe.MatchString(last.Text()) {
			t.Errorf("%s page %d ends in the heading %q", name, p.Number, last.Text())
		}
	}
}

// linesIn counts the lines of text whose words lie inside b.
func linesIn(p pdfcheck.Page, b pdfcheck.Box) int {
	var ys []float64
	for _, l := range p.Lines {
		for _, w := range l.Words {
			if !b.Contains(w) {
				continue
			}
			c := (w.YMin + w.YMax) / 2
			seen := false
			for _, y := range ys {
				if math.Abs(y-c) < 1 {
					seen = true
				}
			}
			if !seen {
				ys = append(ys, c)
			}
		}
	}
	return len(ys)
}

// boxRows groups a page's cells into rows by their tops, top to bottom.
func boxRows(bs []pdfcheck.Box) [][]pdfcheck.Box {
	sorted := append([]pdfcheck.Box(nil), bs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Y < sorted[j].Y })
	var rows [][]pdfcheck.Box
	for _, b := range sorted {
		if n := len(rows); n > 0 && math.Abs(rows[n-1][0].Y-b.Y) < 0.1 {
			rows[n-1] = append(rows[n-1], b)
			continue
		}
		rows = append(rows, []pdfcheck.Box{b})
	}
	return rows
}

// textIn is the text inside a row of cells, top to bottom and left to right.
func textIn(p pdfcheck.Page, row []pdfcheck.Box) string {
	var b strings.Builder
	for _, l := range p.Lines {
		for _, w := range l.Words {
			for _, c := range row {
				if c.Contains(w) {
					b.WriteString(w.Text)
					break
				}
			}
		}
	}
	return b.String()
}
