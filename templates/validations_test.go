package templates

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

func TestValidations(t *testing.T) {
	cat := testCatalog(t)
	u := unit(t, cat, "市财政局")
	f := open(t, generate(t, testRound(), cat, u))
	dvs, err := f.GetDataValidations(xxgk.SheetForm)
	if err != nil {
		t.Fatal(err)
	}
	last := rowFirst + len(cat.For(u)) - 1
	byCol := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byCol[dv.Sqref] = dv
	}
	col := func(c int) *excelize.DataValidation {
		t.Helper()
		ref := cell(c+1, rowFirst) + ":" + cell(c+1, last)
		dv := byCol[ref]
		if dv == nil {
			t.Fatalf("no validation on %s (%s); have %v", ref, xxgk.FormColumns[c], keys(byCol))
		}
		return dv
	}
	var statuses []string
	for _, s := range xxgk.OpenStatuses {
		statuses = append(statuses, string(s))
	}
	tests := []struct {
		col        int
		typ, op    string
		f1, f2     string
		errMessage bool
	}{
		{xxgk.ColStatus, "list", "", `"` + strings.Join(statuses, ",") + `"`, "", true},
		{xxgk.ColName, "textLength", "between", "0", "200", true},
		{xxgk.ColURL, "custom", "", `AND(OR(LEFT(I5,7)="http://",LEFT(I5,8)="https://"),NOT(LEN(I5)>2000))`, "", true},
		{xxgk.ColUpdated, "date", "between", "36526", "73050", true}, // 2000-01-01 .. 2099-12-31
		{xxgk.ColCount, "whole", "greaterThanOrEqual", "0", "", true},
		{xxgk.ColRemark, "textLength", "between", "0", "2000", true},
	}
	for _, tt := range tests {
		t.Run(xxgk.FormColumns[tt.col], func(t *testing.T) {
			dv := col(tt.col)
			if dv.Type != tt.typ || dv.Operator != tt.op || dv.Formula1 != tt.f1 || dv.Formula2 != tt.f2 {
				t.Errorf("validation = type %q op %q %q %q, want %q %q %q %q", dv.Type, dv.Operator, dv.Formula1, dv.Formula2, tt.typ, tt.op, tt.f1, tt.f2)
			}
			if !dv.AllowBlank {
				t.Error("blank not allowed: an unfilled row could not be saved")
			}
			checkMessages(t, dv, tt.errMessage)
		})
	}
	if serial(xxgk.MinDate()) != 36526 || serial(xxgk.MaxDate()) != 73050 {
		t.Errorf("date serials %d..%d", serial(xxgk.MinDate()), serial(xxgk.MaxDate()))
	}
	if !strings.Contains(*col(xxgk.ColURL).Prompt, "http://") || !strings.Contains(*col(xxgk.ColURL).Prompt, "https://") {
		t.Errorf("URL prompt %q does not say to start with http:// or https://", *col(xxgk.ColURL).Prompt)
	}
	// The required 报送内容 cells (rows 3 and 4 here) carry their own prompt.
	req := byCol[cell(xxgk.ColReported+1, rowFirst+2)+":"+cell(xxgk.ColReported+1, rowFirst+3)]
	if req == nil {
		t.Fatalf("no prompt on the required 报送内容 cells; have %v", keys(byCol))
	}
	checkMessages(t, req, true)
	// Every 报送内容 cell, required or not, is bounded by the limits table.
	rest := byCol[cell(xxgk.ColReported+1, rowFirst)+":"+cell(xxgk.ColReported+1, rowFirst+1)]
	if rest == nil {
		t.Fatalf("no validation on the other 报送内容 cells; have %v", keys(byCol))
	}
	for _, dv := range []*excelize.DataValidation{req, rest} {
		if dv.Type != "textLength" || dv.Operator != "between" || dv.Formula1 != "0" || dv.Formula2 != "10000" {
			t.Errorf("%s: validation type %q op %q %q..%q, want textLength 0..10000", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2)
		}
	}
	checkMessages(t, rest, true)
	// 填报人 and 联系电话 are bounded by the same table.
	for _, l := range []struct {
		ref, field string
	}{{cell(colFillerLabel+1, rowLabels), xxgk.LabelFiller}, {cell(colPhoneLabel+1, rowLabels), xxgk.LabelPhone}} {
		dv := byCol[l.ref]
		if dv == nil {
			t.Errorf("no validation on %s (%s); have %v", l.ref, l.field, keys(byCol))
			continue
		}
		if dv.Type != "textLength" || dv.Operator != "between" || dv.Formula1 != "0" || dv.Formula2 != "50" || !dv.AllowBlank {
			t.Errorf("%s: validation type %q op %q %q..%q, want textLength 0..50", l.field, dv.Type, dv.Operator, dv.Formula1, dv.Formula2)
		}
		checkMessages(t, dv, true)
	}
}

func checkMessages(t *testing.T, dv *excelize.DataValidation, wantError bool) {
	t.Helper()
	if !dv.ShowInputMessage || dv.Prompt == nil || dv.PromptTitle == nil || !hasCJK(*dv.Prompt) {
		t.Errorf("%s: no Chinese input prompt", dv.Sqref)
	} else if n := len(utf16.Encode([]rune(*dv.Prompt))); n > 255 {
		t.Errorf("%s: prompt is %d characters, Excel allows 255", dv.Sqref, n)
	} else if n := len(utf16.Encode([]rune(*dv.PromptTitle))); n > 32 {
		t.Errorf("%s: prompt title is %d characters, Excel allows 32", dv.Sqref, n)
	}
	if !wantError {
		return
	}
	if !dv.ShowErrorMessage || dv.Error == nil || !hasCJK(*dv.Error) || dv.ErrorStyle == nil || *dv.ErrorStyle != "stop" {
		t.Errorf("%s: no Chinese stop error message", dv.Sqref)
	} else if n := len(utf16.Encode([]rune(*dv.Error))); n > 255 {
		t.Errorf("%s: error message is %d characters, Excel allows 255", dv.Sqref, n)
	}
}

func hasCJK(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

func keys(m map[string]*excelize.DataValidation) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestReportRefs(t *testing.T) {
	mk := func(report ...bool) *book {
		b := &book{}
		for _, r := range report {
			ind := xxgk.Indicator{}
			if r {
				ind.Report = "x"
			}
			b.inds = append(b.inds, ind)
		}
		return b
	}
	tests := []struct {
		report []bool
		want   string
	}{
		{[]bool{false, false}, ""},
		{[]bool{true}, "L5"},
		{[]bool{true, true, false, true}, "L5:L6 L8"},
		{[]bool{false, true, true, true}, "L6:L8"},
	}
	for _, tt := range tests {
		if got := mk(tt.report...).reportRefs(true); got != tt.want {
			t.Errorf("reportRefs(%v, true) = %q, want %q", tt.report, got, tt.want)
		}
		var flip []bool
		for _, r := range tt.report {
			flip = append(flip, !r)
		}
		if got := mk(flip...).reportRefs(false); got != tt.want {
			t.Errorf("reportRefs(%v, false) = %q, want %q", flip, got, tt.want)
		}
	}
}
