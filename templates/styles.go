package templates

import (
	"github.com/xuri/excelize/v2"
)

// Colours. Grey marks what the office wrote (locked), white what the unit fills in,
// yellow the 报送内容 cells that are required once a column is open.
const (
	colorLocked     = "F2F2F2"
	colorHeadLocked = "D9D9D9"
	colorHeadInput  = "BDD7EE"
	colorRequired   = "FFF2CC"
	colorBorder     = "808080"
	colorInputEdge  = "2F5597"
)

// Font faces present on Chinese Windows (Excel, WPS); LibreOffice substitutes its own CJK
// face where they are missing.
const (
	faceBody  = "宋体"
	faceTitle = "黑体"
)

// styles holds the style IDs used by one workbook.
type styles struct {
	title, legend                      int
	label, unitValue, input            int
	headLocked, headInput              int
	seq, code, locked                  int
	status, text, date, count, require int

	guideTitle, guideSub, guideHead, guideKey, guideText int
}

// dateFormat is the number format of 最近更新日期: unambiguous and what the guide asks for.
const dateFormat = "yyyy-mm-dd"

func newStyles(f *excelize.File) (*styles, error) {
	var s styles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	border := func(color string) []excelize.Border {
		return []excelize.Border{
			{Type: "left", Color: color, Style: 1},
			{Type: "right", Color: color, Style: 1},
			{Type: "top", Color: color, Style: 1},
			{Type: "bottom", Color: color, Style: 1},
		}
	}
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: faceBody, Size: size, Bold: bold}
	}
	wrap := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	top := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "top", WrapText: true}
	}
	locked := &excelize.Protection{Locked: true}
	open := &excelize.Protection{Locked: false}
	dateFmt := dateFormat

	add(&s.title, &excelize.Style{Font: &excelize.Font{Family: faceTitle, Size: 16, Bold: true},
		Alignment: wrap("center"), Protection: locked})
	add(&s.legend, &excelize.Style{Font: &excelize.Font{Family: faceBody, Size: bodyFont, Color: "404040"},
		Alignment: wrap("left"), Protection: locked})
	add(&s.label, &excelize.Style{Font: font(bodyFont+1, true),
		Alignment:  &excelize.Alignment{Horizontal: "right", Vertical: "center", Indent: 1},
		Protection: locked})
	add(&s.unitValue, &excelize.Style{Font: font(bodyFont+1, true), Alignment: wrap("left"),
		Fill: fill(colorLocked), Border: border(colorBorder), Protection: locked})
	add(&s.input, &excelize.Style{Font: font(bodyFont+1, false), Alignment: wrap("left"),
		Border: border(colorInputEdge), Protection: open})
	add(&s.headLocked, &excelize.Style{Font: font(bodyFont, true), Alignment: wrap("center"),
		Fill: fill(colorHeadLocked), Border: border(colorBorder), Protection: locked})
	add(&s.headInput, &excelize.Style{Font: font(bodyFont, true), Alignment: wrap("center"),
		Fill: fill(colorHeadInput), Border: border(colorBorder), Protection: locked})
	add(&s.seq, &excelize.Style{Font: font(bodyFont, false), Alignment: top("center"),
		Fill: fill(colorLocked), Border: border(colorBorder), Protection: locked})
	add(&s.code, &excelize.Style{Font: font(bodyFont, false), Alignment: top("left"),
		Fill: fill(colorLocked), Border: border(colorBorder), Protection: locked})
	add(&s.locked, &excelize.Style{Font: font(bodyFont, false), Alignment: top("left"),
		Fill: fill(colorLocked), Border: border(colorBorder), Protection: locked})
	add(&s.status, &excelize.Style{Font: font(bodyFont, false), Alignment: top("center"),
		Border: border(colorBorder), Protection: open})
	add(&s.text, &excelize.Style{Font: font(bodyFont, false), Alignment: top("left"),
		Border: border(colorBorder), Protection: open})
	add(&s.date, &excelize.Style{Font: font(bodyFont, false), Alignment: top("center"),
		Border: border(colorBorder), Protection: open, CustomNumFmt: &dateFmt})
	add(&s.count, &excelize.Style{Font: font(bodyFont, false), Alignment: top("center"),
		Border: border(colorBorder), Protection: open, NumFmt: 1})
	add(&s.require, &excelize.Style{Font: font(bodyFont, false), Alignment: top("left"),
		Fill: fill(colorRequired), Border: border(colorBorder), Protection: open})

	add(&s.guideTitle, &excelize.Style{Font: &excelize.Font{Family: faceTitle, Size: 18, Bold: true},
		Alignment: wrap("center"), Protection: locked})
	add(&s.guideSub, &excelize.Style{Font: &excelize.Font{Family: faceTitle, Size: 14},
		Alignment: wrap("center"), Protection: locked})
	add(&s.guideHead, &excelize.Style{Font: &excelize.Font{Family: faceTitle, Size: guideFont + 1, Bold: true},
		Alignment: &excelize.Alignment{Vertical: "bottom", WrapText: true}, Protection: locked})
	add(&s.guideKey, &excelize.Style{Font: font(guideFont, true), Alignment: top("right"),
		Protection: locked})
	add(&s.guideText, &excelize.Style{Font: font(guideFont, false), Alignment: top("left"),
		Protection: locked})
	if err != nil {
		return nil, err
	}
	return &s, nil
}
