package importer

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// TestReturnedCopyReplyBy: a refused file returned beside a letter asks, in its 填报说明,
// legend and footer, to be sent back by the letter's deadline, not the round's past one.
func TestReturnedCopyReplyBy(t *testing.T) {
	data := editBook(t, validBook(t), func(f *excelize.File) {
		setCells(t, f, xxgk.SheetForm, map[string]any{"K2": nil})
	})
	ps := readBook(t, "x.xlsx", data).Problems
	due := time.Date(2020, 10, 9, 0, 0, 0, 0, xxgk.ChinaTime)
	out, short, err := ReturnedCopy(data, ps, CopyInfo{ReplyBy: due})
	if err != nil || short {
		t.Fatalf("copy: short %v, %v", short, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range []string{xxgk.SheetGuide, xxgk.SheetForm} {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
		if hf, err := f.GetHeaderFooter(sh); err == nil && hf != nil {
			b.WriteString(hf.OddFooter)
		}
		txt := b.String()
		asked := regexp.MustCompile(`请于(\d{4}年\d{1,2}月\d{1,2}日)前`).FindAllStringSubmatch(txt, -1)
		for _, m := range asked {
			if m[1] != "2020年10月9日" {
				t.Errorf("%s still asks 请于%s前", sh, m[1])
			}
		}
		if !strings.Contains(txt, "2020年10月9日") || len(asked) == 0 {
			t.Errorf("%s of the returned copy does not ask for 2020年10月9日:\n%s", sh, txt)
		}
	}
}
