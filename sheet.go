package xxgk

import (
	"fmt"
	"strconv"
	"strings"
)

// The workbook contract shared by the template writer and the importer. Anything the
// import relies on is here, so both sides change together.

// TemplateFormat is bumped whenever the contract below changes incompatibly.
const TemplateFormat = 1

// Sheet names. The meta sheet is very hidden: it survives saves by Excel, WPS and
// LibreOffice, which may drop document properties.
const (
	SheetGuide = "填报说明"
	SheetForm  = "填报表"
	SheetMeta  = "xxgk_meta"
)

// Labels of the cells near the top of 填报表; the value sits in the cell to the right.
const (
	LabelUnit   = "填报单位"
	LabelFiller = "填报人"
	LabelPhone  = "联系电话"
)

// Columns of 填报表's header row, in order.
const (
	ColSeq = iota
	ColCode
	ColArea
	ColSubArea
	ColContent
	ColReport
	ColStatus
	ColName
	ColURL
	ColUpdated
	ColCount
	ColReported
	ColRemark
	NumCols
)

// FormColumns are the header labels, indexed by the Col constants.
var FormColumns = [NumCols]string{
	"序号", "指标编码", "一级指标", "二级指标", "信息公开内容", "需报送信息",
	"是否开设栏目", "栏目名称", "栏目网址", "最近更新日期", "发布信息条数", "报送内容", "备注",
}

// FirstInputCol is the first column units fill in; columns before it are locked.
const FirstInputCol = ColStatus

// TemplateMeta is what the very hidden sheet records.
type TemplateMeta struct {
	Format int
	Round  string
	Unit   string // unit code
	Codes  []string
	// MAC is the integrity code (see IntegrityCode); "" in templates written before it
	// existed.
	MAC string
	// Key is the key id of the secret that made MAC (KeyID); "" in templates written
	// before it existed.
	Key string
}

// Meta sheet keys, one per row in column A with the value in column B; the indicator codes
// follow the row holding metaCodes, one per row.
const (
	metaFormat = "format"
	metaRound  = "round"
	metaUnit   = "unit"
	metaCodes  = "codes"
	metaMAC    = "mac"
	metaKey    = "key"
)

// Rows encodes the meta sheet as rows of text cells.
func (m TemplateMeta) Rows() [][]string {
	rows := [][]string{
		{metaFormat, strconv.Itoa(m.Format)},
		{metaRound, m.Round},
		{metaUnit, m.Unit},
	}
	if m.MAC != "" {
		// Before the codes: readers stop at the end of the code list.
		rows = append(rows, []string{metaMAC, m.MAC})
	}
	if m.Key != "" {
		rows = append(rows, []string{metaKey, m.Key})
	}
	rows = append(rows, []string{metaCodes, strconv.Itoa(len(m.Codes))})
	for _, c := range m.Codes {
		rows = append(rows, []string{c})
	}
	return rows
}

// ParseTemplateMeta decodes the meta sheet. Spreadsheet programs may turn "2020" into a
// number or pad rows; values are read as text and trimmed.
func ParseTemplateMeta(rows [][]string) (TemplateMeta, error) {
	var m TemplateMeta
	cell := func(r []string, i int) string {
		if i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	n := -1
	for i, r := range rows {
		switch cell(r, 0) {
		case metaFormat:
			f, err := strconv.Atoi(strings.TrimSuffix(cell(r, 1), ".0"))
			if err != nil {
				return m, fmt.Errorf("模板格式版本“%s”无法识别", cell(r, 1))
			}
			m.Format = f
		case metaRound:
			m.Round = strings.TrimSuffix(cell(r, 1), ".0")
		case metaUnit:
			m.Unit = cell(r, 1)
		case metaMAC:
			m.MAC = cell(r, 1)
		case metaKey:
			m.Key = cell(r, 1)
		case metaCodes:
			c, err := strconv.Atoi(strings.TrimSuffix(cell(r, 1), ".0"))
			if err != nil || c < 0 || i+1+c > len(rows) {
				return m, fmt.Errorf("模板指标清单不完整")
			}
			n = c
			for _, rr := range rows[i+1 : i+1+c] {
				m.Codes = append(m.Codes, cell(rr, 0))
			}
		}
		if n >= 0 {
			break
		}
	}
	switch {
	case m.Format == 0:
		return m, fmt.Errorf("缺少模板格式版本")
	case m.Format != TemplateFormat:
		return m, fmt.Errorf("模板格式版本为 %d，本程序只能读取版本 %d，请使用本轮下发的模板重新填报", m.Format, TemplateFormat)
	case m.Round == "" || m.Unit == "":
		return m, fmt.Errorf("模板缺少轮次或单位信息")
	case n < 0:
		return m, fmt.Errorf("模板缺少指标清单")
	}
	return m, nil
}
