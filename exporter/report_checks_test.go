package exporter

import (
	"slices"
	"testing"
	"time"

	"xxgk"
)

func TestReportChecksSheet(t *testing.T) {
	s, cat := fixtureSummary(t)
	at := time.Date(2020, 9, 28, 9, 0, 0, 0, xxgk.ChinaTime)
	var cs []xxgk.Check
	for _, u := range s.Units {
		if u.Submission == nil {
			continue
		}
		for i, it := range u.Submission.Items {
			if it.Status != xxgk.Opened {
				continue
			}
			c := xxgk.Check{Round: s.Round.ID, Unit: u.Unit.Code, Code: it.Code, URL: it.URL, Result: xxgk.CheckOK,
				Page: xxgk.Page{HTTPStatus: 200, Title: "栏目", Entries: 5, Newest: time.Date(2020, 9, 15, 0, 0, 0, 0, time.UTC)}, GovDomain: true, CheckedAt: at}
			if i%3 == 0 {
				c.Result, c.Finding, c.Page = xxgk.CheckUnreachable, "网站返回 HTTP 404 Not Found", xxgk.Page{HTTPStatus: 404, ErrorKind: "http_status"}
			}
			if i%3 == 1 && len(cs) < 3 {
				c.Rushed = "2020年9月21日至2020年9月27日集中发布了3条信息，此前6个月没有发布信息，疑似突击更新"
			}
			cs = append(cs, c)
		}
	}
	s.AddChecks(cs)
	tally := s.CheckTally()

	f := openXLSX(t, writeReport(t, s, cat))
	if got := f.GetSheetList(); !slices.Equal(got, append(slices.Clone(ReportSheets), SheetChecks)) {
		t.Fatalf("sheets %v: 核查结果 must come after the others", got)
	}
	rs := rows(t, f, SheetChecks)
	if len(rs) != 1+tally.Checked {
		t.Fatalf("核查结果 has %d rows, want header + %d", len(rs), tally.Checked)
	}
	if !slices.Equal(rs[0], CheckColumns) {
		t.Errorf("header %v", rs[0])
	}
	// Findings first, then the columns found in order.
	first, last := rs[1], rs[len(rs)-1]
	if first[3] != "无法访问" || first[4] != "网页不存在（HTTP 404）" || first[7] != "404" || first[6] != "" {
		t.Errorf("first row %q", first)
	}
	if last[3] != "正常" || last[5] != "2020-09-15" || last[6] != "5" || last[9] != "是" || last[10] != "2020-09-28 09:00" {
		t.Errorf("last row %q", last)
	}
	if n := tally.ByResult[xxgk.CheckUnreachable]; n == 0 || rs[n][3] != "无法访问" || rs[n+1][3] != "正常" {
		t.Errorf("findings are not grouped first (%d unreachable)", n)
	}
	// A rushed update is a warning in 提示, the result stays 正常.
	rushed := 0
	for _, r := range rs[1:] {
		if len(r) > 11 && r[11] != "" {
			rushed++
			if r[3] != "正常" || r[11] != "2020年9月21日至2020年9月27日集中发布了3条信息，此前6个月没有发布信息，疑似突击更新" {
				t.Errorf("rushed row %q", r)
			}
		}
	}
	if rushed == 0 {
		t.Error("no rushed-update warning in 提示")
	}

	// No check, no sheet.
	plain, cat2 := fixtureSummary(t)
	if got := openXLSX(t, writeReport(t, plain, cat2)).GetSheetList(); !slices.Equal(got, ReportSheets) {
		t.Errorf("sheets %v without any check", got)
	}
}
