package xxgk

import "time"

// FindingKind is a substantive problem with a unit's reported columns: what the office
// asks the unit to put right (整改), as opposed to entries the import corrected by itself.
type FindingKind string

const (
	FindNotAnswered   FindingKind = "not_answered"   // an assigned indicator the submission lacks
	FindNotOpened     FindingKind = "not_opened"     // 未开设
	FindStale         FindingKind = "stale"          // 最近更新日期 older than the staleness rule
	FindEmpty         FindingKind = "empty"          // 已开设 with 0 items published: a blank column (空白栏目)
	FindMissingReport FindingKind = "missing_report" // 已开设 without the 报送内容 the indicator asks for
)

// Label is the Chinese name for tables.
func (k FindingKind) Label() string {
	switch k {
	case FindNotAnswered:
		return "未填报"
	case FindNotOpened:
		return "未开设"
	case FindStale:
		return "长期未更新"
	case FindEmpty:
		return "空白栏目"
	case FindMissingReport:
		return "缺少报送内容"
	}
	return string(k)
}

// Finding is one substantive problem of one indicator in a unit's current submission.
type Finding struct {
	Kind      FindingKind
	Indicator Indicator
	Item      Item // zero for FindNotAnswered
}

// Findings lists the substantive problems of a unit's submission, in the order of the
// unit's indicators: not answered, not opened, opened with nothing published, stale, or
// opened without the 报送内容 the indicator requires. Staleness is judged on day asOf:
// the day a 通报 or letter is written, so both say the same of a column. A nil submission
// (a unit that never reported) has none: that unit is missing, a different matter.
func Findings(inds []Indicator, sub *Submission, asOf time.Time) []Finding {
	if sub == nil {
		return nil
	}
	items := make(map[string]Item, len(sub.Items))
	for _, it := range sub.Items {
		items[it.Code] = it
	}
	var out []Finding
	for _, ind := range inds {
		it, ok := items[ind.Code]
		switch {
		case !ok:
			out = append(out, Finding{Kind: FindNotAnswered, Indicator: ind})
		case it.Status == NotOpened:
			out = append(out, Finding{Kind: FindNotOpened, Indicator: ind, Item: it})
		case it.Status != Opened:
		default:
			if it.Count == 0 {
				out = append(out, Finding{Kind: FindEmpty, Indicator: ind, Item: it})
			}
			if ind.IsStale(it.LastUpdate, asOf) {
				out = append(out, Finding{Kind: FindStale, Indicator: ind, Item: it})
			}
			if ind.NeedsReport() && it.Reported == "" {
				out = append(out, Finding{Kind: FindMissingReport, Indicator: ind, Item: it})
			}
		}
	}
	return out
}

// IsFindingWarning tells an import warning that Findings already covers (a stale date,
// nothing published), so that a letter does not say the same thing twice.
func IsFindingWarning(p Problem) bool {
	return p.Severity == Warning && (p.Field == FormColumns[ColUpdated] || p.Field == FormColumns[ColCount])
}
