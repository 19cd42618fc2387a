package templates

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// allText is every cell value of sheet and its footer.
func allText(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "|"))
		b.WriteByte('\n')
	}
	if hf, err := f.GetHeaderFooter(sheet); err == nil && hf != nil {
		b.WriteString(hf.OddFooter)
	}
	return b.String()
}

// TestWriterReplyBy: a template written beside a 催报 letter asks to be returned by the
// letter's deadline, in 填报说明, the legend and the footer, not by the round's past one.
func TestWriterReplyBy(t *testing.T) {
	cat := testCatalog(t)
	u := cat.Units.All()[0]
	w := NewWriter()
	w.ReplyBy = time.Date(2020, 10, 9, 0, 0, 0, 0, xxgk.ChinaTime)
	var buf bytes.Buffer
	if err := w.Write(&buf, testRound(), cat, u); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	for _, sh := range []string{xxgk.SheetGuide, xxgk.SheetForm} {
		txt := allText(t, f, sh)
		if strings.Contains(txt, "2020年9月20日") || !strings.Contains(txt, "2020年10月9日") {
			t.Errorf("%s does not ask for 2020年10月9日 alone:\n%s", sh, txt)
		}
	}
}
