package xxgk

// Indicator is one content item of the indicator table: a column a unit's website must
// have and what it must publish there.
type Indicator struct {
	Code      string // stable readable code, e.g. CZ-01-2
	Area      string // 一级指标
	SubArea   string // 二级指标; empty where the table has none
	Content   string // 信息公开内容
	Report    string // 需报送信息; empty means nothing to report
	UnitsRaw  string // 建设单位 as written in the table (after inheriting a merged cell)
	Units     []string
	AllDepts  bool   // the list says 各部门
	AllCounty bool   // the list says 各县区
	OpenEnded bool   // the list ends in 等相关职能部门: the office may assign more units
	Frequency string // e.g. 每月 where the table gives one
	Display   string // e.g. 专题 where the table says 以专题形式展现
}

// ReportSameAsContent is how the table says "report what you publish".
const ReportSameAsContent = "此类公开信息报送"

// NeedsReport tells whether units must also send the office something for this item.
func (ind Indicator) NeedsReport() bool { return ind.Report != "" }

// Title is a short human name: the 二级指标, or the 一级指标 where there is none.
func (ind Indicator) Title() string {
	if ind.SubArea != "" {
		return ind.SubArea
	}
	return ind.Area
}

// CountyScope decides which indicators a county must build. The notice tells counties
// "参照《指标》要求规范开设本县区政府网站重点领域信息公开栏目": a county portal follows the
// whole table, so that is the default; the office can narrow counties to the items whose
// unit list names 各县区 (mandatory).
type CountyScope string

const (
	CountyMandatory CountyScope = "mandatory"
	CountyFull      CountyScope = "full"
)

// DefaultCountyScope is the scope of a catalog that does not say otherwise.
const DefaultCountyScope = CountyFull

// AssignedTo tells whether unit u must build ind.
func (ind Indicator) AssignedTo(u Unit, scope CountyScope) bool {
	if u.Kind == County && scope == CountyFull {
		return true
	}
	if (u.Kind == Department && ind.AllDepts) || (u.Kind == County && ind.AllCounty) {
		return true
	}
	for _, c := range ind.Units {
		if c == u.Code {
			return true
		}
	}
	return false
}

// Catalog is an indicator table together with the units it names: what one round sends out.
type Catalog struct {
	Indicators []Indicator
	Units      *Units
	Scope      CountyScope
}

// Indicator finds an indicator by code.
func (c *Catalog) Indicator(code string) (Indicator, bool) {
	for _, ind := range c.Indicators {
		if ind.Code == code {
			return ind, true
		}
	}
	return Indicator{}, false
}

// For lists, in table order, the indicators unit u must build.
func (c *Catalog) For(u Unit) []Indicator {
	var out []Indicator
	for _, ind := range c.Indicators {
		if ind.AssignedTo(u, c.scope()) {
			out = append(out, ind)
		}
	}
	return out
}

// AssignedUnits lists the units that must build ind.
func (c *Catalog) AssignedUnits(ind Indicator) []Unit {
	var out []Unit
	for _, u := range c.Units.All() {
		if ind.AssignedTo(u, c.scope()) {
			out = append(out, u)
		}
	}
	return out
}

func (c *Catalog) scope() CountyScope {
	if c.Scope == "" {
		return DefaultCountyScope
	}
	return c.Scope
}
