package exporter

import (
	"sort"
	"strconv"
	"time"

	"xxgk"
)

// DetailColumns are the export's header labels, in order. The issue fixes them: units and
// the office exchange files keyed on these names.
var DetailColumns = []string{
	"单位", "指标编码", "一级指标", "二级指标", "是否开设栏目", "栏目名称", "栏目网址",
	"最近更新日期", "发布信息条数", "报送内容", "备注", "版本", "填报人", "联系电话", "导入时间",
	"核查结果", "核查时间",
}

// Detail is one row of a unit's current submission, joined with its indicator and the
// submission's metadata. Typed fields let the .xlsx writer emit real dates and numbers;
// Record gives the text form used by CSV.
type Detail struct {
	Unit       string // the unit's short name
	Code       string
	Area       string // 一级指标
	SubArea    string // 二级指标
	Status     xxgk.OpenStatus
	ColumnName string
	URL        string
	LastUpdate time.Time // zero when not given
	Count      int       // -1 when not given
	Reported   string
	Remark     string
	Version    int
	Filler     string
	Phone      string
	ImportedAt time.Time // instant of import; rendered in China time
	Check      string    // the latest website check's result label (xxgk verify); empty when not checked
	CheckedAt  time.Time // when that check ran; zero when not checked
}

// Details lists every row of every unit's current submission: units in catalog order (the
// order of s.Units), rows in indicator-table order. Rows whose code the catalog no longer
// knows keep their place after the known ones rather than being dropped.
func Details(s xxgk.Summary, cat *xxgk.Catalog) []Detail {
	order := map[string]int{}
	inds := map[string]xxgk.Indicator{}
	for i, ind := range catalogIndicators(s, cat) {
		order[ind.Code] = i
		inds[ind.Code] = ind
	}
	n := 0
	for _, u := range s.Units {
		if u.Submission != nil {
			n += len(u.Submission.Items)
		}
	}
	out := make([]Detail, 0, n)
	for _, u := range s.Units {
		sub := u.Submission
		if sub == nil {
			continue
		}
		start := len(out)
		for _, it := range sub.Items {
			ind := inds[it.Code]
			out = append(out, Detail{
				Unit: u.Unit.Label(), Code: it.Code, Area: ind.Area, SubArea: ind.SubArea,
				Status: it.Status, ColumnName: it.ColumnName, URL: it.URL,
				LastUpdate: it.LastUpdate, Count: it.Count, Reported: it.Reported, Remark: it.Remark,
				Version: sub.Version, Filler: sub.Filler, Phone: sub.Phone, ImportedAt: sub.ImportedAt,
			})
			addCheck(&out[len(out)-1], u)
		}
		rows := out[start:]
		sort.SliceStable(rows, func(i, j int) bool {
			return rank(order, rows[i].Code) < rank(order, rows[j].Code)
		})
	}
	return out
}

func rank(order map[string]int, code string) int {
	if i, ok := order[code]; ok {
		return i
	}
	return len(order)
}

// catalogIndicators prefers the catalog given; the summary carries the same table.
func catalogIndicators(s xxgk.Summary, cat *xxgk.Catalog) []xxgk.Indicator {
	if cat != nil {
		return cat.Indicators
	}
	out := make([]xxgk.Indicator, len(s.Indicators))
	for i, c := range s.Indicators {
		out[i] = c.Indicator
	}
	return out
}

// Record is the row as text, in DetailColumns order: dates as YYYY-MM-DD, the import
// time in China time as YYYY-MM-DD HH:MM, empty where nothing was given.
func (d Detail) Record() []string {
	return []string{
		d.Unit, d.Code, d.Area, d.SubArea, string(d.Status), d.ColumnName, d.URL,
		xxgk.FormatDate(d.LastUpdate), countText(d.Count), d.Reported, d.Remark,
		strconv.Itoa(d.Version), d.Filler, d.Phone, FormatTime(d.ImportedAt),
		d.Check, FormatTime(d.CheckedAt),
	}
}

// FormatTime renders an instant in China time as YYYY-MM-DD HH:MM; empty for zero.
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(xxgk.ChinaTime).Format("2006-01-02 15:04")
}

func countText(n int) string {
	if n < 0 {
		return ""
	}
	return strconv.Itoa(n)
}
