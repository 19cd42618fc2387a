package templates

import (
	"strings"
	"testing"

	"xxgk"
)

func TestGuide(t *testing.T) {
	cat := testCatalog(t)
	u := unit(t, cat, "市财政局")
	r := testRound()
	r.Contact.Email = "office@example.gov.cn"
	f := open(t, generate(t, r, cat, u))
	rows, err := f.GetRows(xxgk.SheetGuide)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, row := range rows {
		text.WriteString(unwrap(strings.Join(row, "\t")) + "\n")
	}
	all := text.String()
	if rows[0][0] != r.Title {
		t.Errorf("guide title = %q, want %q", rows[0][0], r.Title)
	}
	want := []string{
		u.Short, u.Name, r.ID, "2020年9月20日", // the unit, round and deadline
		r.Contact.Office, r.Contact.People, r.Contact.Phone, r.Contact.Email,
		"http://", "https://", "2020-09-15", ".xlsx", ".xls", ".et", "插入", "删除", "工作表名称",
		"黄色", "共 4 项指标", "其中 2 项需报送信息",
		"最多 200 个字符", "最多 2000 个字符", "最多 10000 个字符", "纯文本粘贴", // the limits the import applies
	}
	for _, s := range xxgk.OpenStatuses {
		want = append(want, string(s))
	}
	want = append(want, xxgk.FormColumns[xxgk.FirstInputCol:]...)
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("guide does not mention %q", w)
		}
	}
	for i := range rows {
		h, err := f.GetRowHeight(xxgk.SheetGuide, i+1)
		if err != nil {
			t.Fatal(err)
		}
		if h < 15 {
			t.Errorf("guide row %d height %.1f", i+1, h)
		}
	}
	view, err := f.GetSheetView(xxgk.SheetGuide, 0)
	if err != nil {
		t.Fatal(err)
	}
	if view.ShowGridLines == nil || *view.ShowGridLines {
		t.Error("guide shows grid lines")
	}
}
