package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/importer"
	"xxgk/samples"
)

func decodeResult(t testing.TB, a answer) importer.JSON {
	t.Helper()
	if a.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", a.StatusCode, a.body)
	}
	var j importer.JSON
	if err := json.Unmarshal([]byte(a.body), &j); err != nil {
		t.Fatalf("%v: %s", err, a.body)
	}
	return j
}

// TestAPIUploadOutcomes: the API answers the import's own JSON for each outcome, and
// stores exactly what `xxgk import` stores.
func TestAPIUploadOutcomes(t *testing.T) {
	forEngine(t, func(t *testing.T, dsn string) {
		f := newFixture(t, dsn)
		ctx := context.Background()
		u := f.unit(0)
		code := f.codes[u.Code]

		bad := decodeResult(t, f.apiUpload(code, fileName(u), f.workbook(u, samples.WithErrors, 1)))
		if bad.Outcome != "rejected" || bad.Unit != u.Short || bad.File != fileName(u) {
			t.Fatalf("errors file: %+v", bad)
		}
		cells := 0
		for _, p := range bad.Problems {
			if p.Severity == "error" && p.Sheet == xxgk.SheetForm && p.Cell != "" {
				cells++
			}
		}
		if cells < 3 {
			t.Errorf("rejected with %d located errors: %+v", cells, bad.Problems)
		}
		rej, err := f.st.Rejections(ctx, f.round.ID)
		if err != nil || len(rej) != 1 || rej[0].ImportedBy != uploadedBy || rej[0].Unit != u.Code {
			t.Fatalf("refusal not recorded as import records it: %+v %v", rej, err)
		}
		if data, err := f.st.RejectionFile(ctx, rej[0].ID); err != nil || len(data) == 0 {
			t.Errorf("refused file not kept: %d bytes, %v", len(data), err)
		}

		good := f.workbook(u, samples.Good, 2)
		ok := decodeResult(t, f.apiUpload(code, fileName(u), good))
		if ok.Outcome != "accepted" || ok.Version != 1 {
			t.Fatalf("good file: %+v", ok)
		}
		same := decodeResult(t, f.apiUpload(code, "again.xlsx", good))
		if same.Outcome != "unchanged" || same.Version != 1 {
			t.Fatalf("same file again: %+v", same)
		}
		v2 := decodeResult(t, f.apiUpload(code, fileName(u), f.workbook(u, samples.WithWarnings, 3)))
		if v2.Outcome != "accepted" || v2.Version != 2 || len(v2.Problems) == 0 {
			t.Fatalf("second version: %+v", v2)
		}
		cur, err := f.st.Versions(ctx, f.round.ID, u.Code)
		if err != nil || len(cur) != 2 || cur[1].ImportedBy != uploadedBy || !cur[1].ImportedAt.Equal(testNow) {
			t.Fatalf("versions: %+v %v", cur, err)
		}

		blank := decodeResult(t, f.apiUpload(code, "blank.xlsx", f.template(u)))
		if blank.Outcome != "blank" {
			t.Errorf("blank template: %+v", blank)
		}
		ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
		for name, want := range map[string]string{
			"报送表.xls": "“另存为”Excel 工作簿（*.xlsx）", "报送表.et": "这是 WPS 表格专用格式（.et）", "报送表.wps": "“另存为”Excel 工作簿（*.xlsx）",
		} {
			got := decodeResult(t, f.apiUpload(code, name, ole))
			if got.Outcome != "rejected" || len(got.Problems) != 1 || !strings.Contains(got.Problems[0].Message, want) {
				t.Errorf("%s: %+v", name, got)
			}
		}
		zip := decodeResult(t, f.apiUpload(code, "全部.zip", []byte("PK\x03\x04")))
		if zip.Outcome != "rejected" || !strings.Contains(zip.Problems[0].Message, "不要上传 .zip") {
			t.Errorf(".zip: %+v", zip)
		}
	})
}

// TestAPIUploadOtherUnit: a file naming another unit is 403, stores nothing, and is in
// the audit log.
func TestAPIUploadOtherUnit(t *testing.T) {
	forEngine(t, func(t *testing.T, dsn string) {
		f := newFixture(t, dsn)
		a, b := f.unit(0), f.unit(1)
		for _, p := range []samples.Profile{samples.Good, samples.WithErrors} {
			got := f.apiUpload(f.codes[a.Code], fileName(b), f.workbook(b, p, 4))
			if got.StatusCode != http.StatusForbidden || !strings.Contains(got.body, b.Short) {
				t.Fatalf("%v: %d %s", p, got.StatusCode, got.body)
			}
		}
		ctx := context.Background()
		for _, u := range []xxgk.Unit{a, b} {
			if vs, _ := f.st.Versions(ctx, f.round.ID, u.Code); len(vs) != 0 {
				t.Errorf("%s has %d versions", u.Short, len(vs))
			}
		}
		if rej, _ := f.st.Rejections(ctx, f.round.ID); len(rej) != 0 {
			t.Errorf("refusals recorded: %+v", rej)
		}
		denied := 0
		for _, e := range f.audit(t) {
			if e.Action == xxgk.AuditUpload && e.Outcome == xxgk.AuditDenied && e.Actor.Unit == a.Code && strings.Contains(e.Detail, b.Short) {
				denied++
			}
		}
		if denied != 2 {
			t.Errorf("%d denied uploads audited, want 2: %+v", denied, f.audit(t))
		}
	})
}

// TestAPIUploadRefusals: no code, a wrong code, over the size cap, too many uploads.
func TestAPIUploadRefusals(t *testing.T) {
	f := newFixture(t, testdbSQLite(t), func(c *Config) {
		c.MaxUpload = 64 << 10
		c.Limits = Limits{UploadsPerUnit: 3, Window: time.Hour}
	})
	u := f.unit(0)
	data := f.workbook(u, samples.Good, 5)
	if got := f.apiUpload("", fileName(u), data); got.StatusCode != 401 {
		t.Errorf("no code: %d", got.StatusCode)
	}
	if got := f.apiUpload("ABCDE-FGHJ-KMNP-QRST", fileName(u), data); got.StatusCode != 401 || !strings.Contains(got.body, "访问码") {
		t.Errorf("wrong code: %d %s", got.StatusCode, got.body)
	}
	big := append(bytes.Repeat([]byte("x"), 70<<10), data...)
	if got := f.apiUpload(f.codes[u.Code], "big.xlsx", big); got.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(got.body, "64 KB") {
		t.Errorf("over the cap: %d %s", got.StatusCode, got.body)
	}
	if vs, _ := f.st.Versions(context.Background(), f.round.ID, u.Code); len(vs) != 0 {
		t.Errorf("stored %d versions", len(vs))
	}
	codes := []int{}
	for range 3 {
		codes = append(codes, f.apiUpload(f.codes[u.Code], fileName(u), data).StatusCode)
	}
	if codes[0] != 200 || codes[1] != 200 || codes[2] != 429 {
		t.Errorf("uploads within and past the limit: %v (the big one counted)", codes)
	}
	if got := f.apiUpload(f.codes[f.unit(1).Code], fileName(f.unit(1)), f.workbook(f.unit(1), samples.Good, 6)); got.StatusCode != 200 {
		t.Errorf("another unit is not limited by the first: %d", got.StatusCode)
	}
}

// TestUploadFailures: the server's disk or database failing answers 503 in Chinese and
// stores nothing.
func TestUploadFailures(t *testing.T) {
	f := newFixture(t, testdbSQLite(t), func(c *Config) { c.TempDir = "/nonexistent/xxgk-uploads" })
	u := f.unit(0)
	data := f.workbook(u, samples.Good, 7)
	got := f.apiUpload(f.codes[u.Code], fileName(u), data)
	if got.StatusCode != http.StatusServiceUnavailable || !strings.Contains(got.body, "服务器磁盘已满或无法写入，本次上传没有保存任何内容") {
		t.Errorf("disk failure: %d %s", got.StatusCode, got.body)
	}

	g := newFixture(t, testdbSQLite(t))
	code, wb := g.codes[g.unit(0).Code], g.workbook(g.unit(0), samples.Good, 8)
	c := g.client()
	c.signIn(code)
	g.st.Close() // the database goes away
	if got := g.apiUpload(code, fileName(g.unit(0)), wb); got.StatusCode != http.StatusServiceUnavailable || !strings.Contains(got.body, "系统暂时无法核对访问码，请稍后重试") {
		t.Errorf("database failure, API: %d %s", got.StatusCode, got.body)
	}
	if got := c.upload(fileName(g.unit(0)), wb); got.StatusCode != http.StatusServiceUnavailable || !strings.Contains(got.body, "数据库或磁盘故障），本次操作没有保存任何内容") {
		t.Errorf("database failure, page: %d %s", got.StatusCode, got.body)
	}
}
