package importer

import (
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// TestUnitCell: the visible 填报单位 (C2 of the 市财政局 template) must name the unit the
// hidden sheet names; any of its spellings will do.
func TestUnitCell(t *testing.T) {
	cases := []struct {
		value string
		want  []string
	}{
		{"市财政局", nil},
		{"安康市财政局", nil},
		{" 安康市 财政局（盖章）", nil},
		{"市卫健委", []string{"错误 填报表!C2 “市卫健委” “填报单位”写的是“市卫健委”，但本模板是下发给“市财政局”的。请使用下发给本单位的模板填报，不要修改填报单位或复制其他单位的模板内容"}},
		{"安康市卫生健康委（盖章）", []string{"错误 填报表!C2 “安康市卫生健康委（盖章）” “填报单位”写的是“市卫健委”，但本模板是下发给“市财政局”的。请使用下发给本单位的模板填报，不要修改填报单位或复制其他单位的模板内容"}},
		{"", []string{"错误 填报表!C2 “” “填报单位”被清空，应为“市财政局”。请使用下发给本单位的模板填报，不要修改填报单位"}},
		{"某某公司", []string{"错误 填报表!C2 “某某公司” “填报单位”不是本模板的单位，应为“市财政局”。请使用下发给本单位的模板填报，不要修改填报单位"}},
	}
	for _, c := range cases {
		t.Run(c.value, func(t *testing.T) {
			data := editBook(t, validBook(t), func(f *excelize.File) {
				var v any = c.value
				if c.value == "" {
					v = nil
				}
				setCells(t, f, xxgk.SheetForm, map[string]any{"C2": v})
			})
			got := problemLines(readBook(t, "2020_市财政局.xlsx", data).Problems)
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestUnitCellAgainstCopiedMeta: the 市财政局 workbook with 市卫健委's code in its hidden
// sheet is refused at the unit cell, naming both units.
func TestUnitCellAgainstCopiedMeta(t *testing.T) {
	data := editBook(t, validBook(t), func(f *excelize.File) { setCells(t, f, xxgk.SheetMeta, map[string]any{"B3": "WJW"}) })
	c := readBook(t, "2020_市财政局.xlsx", data)
	want := "错误 填报表!C2 “市财政局” “填报单位”写的是“市财政局”，但本模板是下发给“市卫健委”的。请使用下发给本单位的模板填报，不要修改填报单位或复制其他单位的模板内容"
	if c.Accepted() || !slices.Contains(problemLines(c.Problems), want) {
		t.Errorf("got %q", problemLines(c.Problems))
	}
}
