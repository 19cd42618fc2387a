package templates

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"xxgk"
	"xxgk/xlsxlayout"
)

func TestFormContract(t *testing.T) {
	cat := testCatalog(t)
	r := testRound()
	tests := []struct {
		unit  string
		codes []string
	}{
		{"市财政局", []string{"CZ-01-1", "CZ-03-1", "CZ-04-1", "ZD-01-1"}},
		{"审计局", []string{"CZ-01-1", "SJ-01-1"}},                                  // an alias
		{"汉滨区", []string{"CZ-01-1", "CZ-03-1", "CZ-04-1", "SJ-01-1", "ZD-01-1"}}, // a county follows the whole table
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			u := unit(t, cat, tt.unit)
			f := open(t, generate(t, r, cat, u))
			if got, want := f.GetSheetList(), []string{xxgk.SheetGuide, xxgk.SheetForm, xxgk.SheetMeta}; !slices.Equal(got, want) {
				t.Fatalf("sheets = %v, want %v", got, want)
			}
			if got := f.GetSheetName(f.GetActiveSheetIndex()); got != xxgk.SheetGuide {
				t.Errorf("active sheet = %s, want %s", got, xxgk.SheetGuide)
			}
			rows := formGrid(t, f)
			header := findHeader(t, rows)
			if header != rowHeader {
				t.Errorf("header at row %d, want %d", header, rowHeader)
			}
			if got := cellValue(t, f, labelValue(t, f, rows, header, xxgk.LabelUnit)); got != u.Short {
				t.Errorf("填报单位 = %q, want %q", got, u.Short)
			}
			for _, l := range []string{xxgk.LabelFiller, xxgk.LabelPhone} {
				ref := labelValue(t, f, rows, header, l)
				if v := cellValue(t, f, ref); v != "" {
					t.Errorf("%s input %s = %q, want empty", l, ref, v)
				}
			}
			body := rows[header:]
			if len(body) != len(tt.codes) {
				t.Fatalf("%d rows below the header, want %d: %v", len(body), len(tt.codes), body)
			}
			for i, row := range body {
				ind, _ := cat.Indicator(tt.codes[i])
				want := []string{strconv.Itoa(i + 1), ind.Code, ind.Area, ind.SubArea, "", ind.Report}
				for c, w := range want {
					if c == xxgk.ColReport || c == xxgk.ColArea || c == xxgk.ColSubArea {
						if unwrap(at(row, c)) != w {
							t.Errorf("row %d %s = %q, want %q with line breaks", i+1, xxgk.FormColumns[c], at(row, c), w)
						}
						continue
					}
					if c == xxgk.ColContent {
						if !strings.HasPrefix(unwrap(at(row, c)), ind.Content) {
							t.Errorf("row %d 信息公开内容 = %q, want it to start with %q", i+1, at(row, c), ind.Content)
						}
						continue
					}
					if at(row, c) != w {
						t.Errorf("row %d %s = %q, want %q", i+1, xxgk.FormColumns[c], at(row, c), w)
					}
				}
				for c := xxgk.FirstInputCol; c < xxgk.NumCols; c++ {
					if at(row, c) != "" {
						t.Errorf("row %d input %s prefilled with %q", i+1, xxgk.FormColumns[c], at(row, c))
					}
				}
			}
		})
	}
}

// TestFormContentNotes checks that frequency and display form reach the unit.
func TestFormContentNotes(t *testing.T) {
	cat := testCatalog(t)
	rows := formGrid(t, open(t, generate(t, testRound(), cat, unit(t, cat, "市审计局"))))
	got := at(rows[rowFirst], xxgk.ColContent) // second indicator, SJ-01-1
	if !strings.Contains(got, "专题") {
		t.Errorf("信息公开内容 %q does not mention the display form", got)
	}
}

func TestFormLocking(t *testing.T) {
	cat := testCatalog(t)
	u := unit(t, cat, "市财政局")
	data := generate(t, testRound(), cat, u)
	f := open(t, data)
	rows := formGrid(t, f)
	header := findHeader(t, rows)
	if ref := labelValue(t, f, rows, header, xxgk.LabelUnit); !locked(styleOf(t, f, xxgk.SheetForm, ref)) {
		t.Errorf("unit cell %s is unlocked", ref)
	}
	for _, l := range []string{xxgk.LabelFiller, xxgk.LabelPhone} {
		ref := labelValue(t, f, rows, header, l)
		st := styleOf(t, f, xxgk.SheetForm, ref)
		if locked(st) {
			t.Errorf("%s input %s is locked", l, ref)
		}
		if len(st.Border) == 0 {
			t.Errorf("%s input %s has no border marking it as input", l, ref)
		}
	}
	for row := header; row <= len(rows); row++ {
		for c := range xxgk.NumCols {
			ref := cell(c+1, row)
			st := styleOf(t, f, xxgk.SheetForm, ref)
			wantLocked := row == header || c < xxgk.FirstInputCol
			if locked(st) != wantLocked {
				t.Errorf("%s (%s) locked = %v, want %v", ref, xxgk.FormColumns[c], locked(st), wantLocked)
			}
			if row > header && c < xxgk.FirstInputCol && fillColor(st) != colorLocked {
				t.Errorf("%s: locked cell fill %q, want %s", ref, fillColor(st), colorLocked)
			}
			if row > header && st.Alignment != nil && !st.Alignment.WrapText {
				t.Errorf("%s does not wrap", ref)
			}
		}
	}
	xml := sheetPart(t, data, xxgk.SheetForm)
	for _, want := range []string{`sheet="true"`, `insertRows="true"`, `deleteRows="true"`, `formatColumns="false"`, `formatRows="false"`, `selectLockedCells="false"`, `selectUnlockedCells="false"`} {
		if !strings.Contains(xml, want) {
			t.Errorf("sheetProtection lacks %s", want)
		}
	}
	if strings.Contains(xml, "password=") || strings.Contains(xml, "hashValue=") {
		t.Error("sheet protection has a password")
	}
	prot, err := f.GetSheetProtection(xxgk.SheetForm)
	if err != nil {
		t.Fatal(err)
	}
	if prot.InsertRows || prot.DeleteRows || !prot.FormatColumns || !prot.SelectUnlockedCells {
		t.Errorf("sheet protection options = %+v", prot)
	}
}

func TestFormStyles(t *testing.T) {
	cat := testCatalog(t)
	u := unit(t, cat, "市财政局")
	f := open(t, generate(t, testRound(), cat, u))
	for i, ind := range cat.For(u) {
		row := rowFirst + i
		st := styleOf(t, f, xxgk.SheetForm, cell(xxgk.ColReported+1, row))
		if shaded := fillColor(st) == colorRequired; shaded != ind.NeedsReport() {
			t.Errorf("%s 报送内容 shaded = %v, want %v", ind.Code, shaded, ind.NeedsReport())
		}
		date := styleOf(t, f, xxgk.SheetForm, cell(xxgk.ColUpdated+1, row))
		if date.CustomNumFmt == nil || *date.CustomNumFmt != dateFormat {
			t.Errorf("%s 最近更新日期 number format = %v, want %s", ind.Code, date.CustomNumFmt, dateFormat)
		}
		h, err := f.GetRowHeight(xxgk.SheetForm, row)
		if err != nil {
			t.Fatal(err)
		}
		if want := xlsxlayout.Height(xlsxlayout.Lines(ind.Content, formWidths()[xxgk.ColContent], bodyFont), bodyFont); h < want {
			t.Errorf("%s row height %.1f < %.1f needed for its content", ind.Code, h, want)
		}
	}
	// The long ZD-01-1 content needs a much taller row than the short ones.
	short, _ := f.GetRowHeight(xxgk.SheetForm, rowFirst)
	long, _ := f.GetRowHeight(xxgk.SheetForm, rowFirst+3)
	if long < 3*short {
		t.Errorf("row heights %.1f (long content) vs %.1f (short): not fitted", long, short)
	}
}

// at returns row[i] or "" past the end (excelize trims trailing empty cells).
func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// unwrap is a description cell's text without the line breaks the template adds.
func unwrap(s string) string { return strings.ReplaceAll(s, "\n", "") }
