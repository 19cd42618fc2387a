package exporter

import "github.com/xuri/excelize/v2"

// Number formats. The percentage shows one decimal like xxgk.Percent, but the cell holds
// the ratio so that Excel sorts and charts it.
const (
	fmtPercent  = "0.0%"
	fmtDate     = "yyyy-mm-dd"
	fmtDateTime = "yyyy-mm-dd hh:mm"
)

// styles are the workbook's cell styles, created once per file (style ids are per file).
type styles struct {
	title, subtitle int
	note            int // one line of explanation, not wrapped
	header          int
	text, wrap      int
	center, number  int
	percent         int
	date, dateTime  int
	totalText       int
	totalNumber     int
	totalPercent    int
	totalDateTime   int
	missingRow      int // conditional: 未报送
	lateRow         int // conditional: 逾期报送
	low             int // conditional: completion or coverage below threshold
	notOpened       int // conditional: 未开设 in 明细
}

func thinBorder() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "A6A6A6", Style: 1})
	}
	return b
}

// fontFamily is on every Chinese Windows (Excel and WPS); LibreOffice substitutes a CJK
// face. Every style names it: a font without a name falls back to a serif in LibreOffice.
const fontFamily = "宋体"

func newStyles(f *excelize.File) (*styles, error) {
	if err := f.SetDefaultFont(fontFamily); err != nil {
		return nil, err
	}
	s := &styles{}
	border := thinBorder()
	plain := &excelize.Font{Family: fontFamily, Size: 10}
	fmtStr := func(v string) *string { return &v }
	defs := []struct {
		dst *int
		st  *excelize.Style
	}{
		{&s.title, &excelize.Style{Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 16},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.subtitle, &excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 10, Color: "404040"},
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}},
		{&s.note, &excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 10, Color: "404040"}}},
		{&s.header, &excelize.Style{Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 10, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"305496"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Border:    border}},
		{&s.text, &excelize.Style{Font: plain, Border: border, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&s.wrap, &excelize.Style{Font: plain, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&s.center, &excelize.Style{Font: plain, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.number, &excelize.Style{Font: plain, Border: border, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&s.percent, &excelize.Style{Font: plain, Border: border, CustomNumFmt: fmtStr(fmtPercent), Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&s.date, &excelize.Style{Font: plain, Border: border, CustomNumFmt: fmtStr(fmtDate), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.dateTime, &excelize.Style{Font: plain, Border: border, CustomNumFmt: fmtStr(fmtDateTime), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.totalText, &excelize.Style{Border: border, Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 10},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}},
		{&s.totalNumber, &excelize.Style{Border: border, Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 10},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}},
		{&s.totalDateTime, &excelize.Style{Border: border, Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 10}, CustomNumFmt: fmtStr(fmtDateTime),
			Alignment: &excelize.Alignment{Horizontal: "center"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}},
		{&s.totalPercent, &excelize.Style{Border: border, Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 10}, CustomNumFmt: fmtStr(fmtPercent),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.st)
		if err != nil {
			return nil, err
		}
		*d.dst = id
	}
	conds := []struct {
		dst *int
		st  *excelize.Style
	}{
		{&s.missingRow, &excelize.Style{Font: &excelize.Font{Family: fontFamily, Color: "9C0006", Bold: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}}},
		{&s.lateRow, &excelize.Style{Font: &excelize.Font{Family: fontFamily, Color: "7F4F00"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}}}},
		{&s.low, &excelize.Style{Font: &excelize.Font{Family: fontFamily, Color: "C00000", Bold: true}}},
		{&s.notOpened, &excelize.Style{Font: &excelize.Font{Family: fontFamily, Color: "9C0006"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}}},
	}
	for _, d := range conds {
		id, err := f.NewConditionalStyle(d.st)
		if err != nil {
			return nil, err
		}
		*d.dst = id
	}
	return s, nil
}
