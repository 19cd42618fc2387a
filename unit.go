package xxgk

import (
	"sort"
	"strings"
)

// UnitKind tells city departments from county governments; the indicator table assigns
// work to "各部门" and "各县区" by kind.
type UnitKind string

const (
	Department UnitKind = "department"
	County     UnitKind = "county"
)

// Label is the Chinese word used in reports.
func (k UnitKind) Label() string {
	switch k {
	case Department:
		return "市级部门"
	case County:
		return "县区"
	}
	return string(k)
}

// ParseUnitKind accepts the English code or the Chinese label.
func ParseUnitKind(s string) (UnitKind, bool) {
	switch strings.TrimSpace(s) {
	case "department", "部门", "市级部门", "市直部门", "单位", "市级单位":
		return Department, true
	case "county", "县区", "区县", "县", "区", "市区", "县市区":
		return County, true
	}
	return "", false
}

// Unit is a body that must build website columns and report them.
type Unit struct {
	Code    string   // stable identifier, travels in templates and the database
	Name    string   // full official name, e.g. 安康市卫生健康委员会
	Short   string   // the name people use, e.g. 市卫健委; used in file names and tables
	Kind    UnitKind // department or county
	Aliases []string // other spellings found in indicator tables
}

// Label is the name papers and file names use: the short name, else the full name, else
// the code.
func (u Unit) Label() string {
	switch {
	case strings.TrimSpace(u.Short) != "":
		return u.Short
	case strings.TrimSpace(u.Name) != "":
		return u.Name
	}
	return u.Code
}

// Names lists every spelling that identifies the unit.
func (u Unit) Names() []string {
	names := []string{u.Short, u.Name, u.Code}
	return append(names, u.Aliases...)
}

// Units is an ordered unit list with lookup by any of a unit's names.
type Units struct {
	list   []Unit
	byName map[string]int
}

// NewUnits indexes units; it reports the first name claimed by two units.
func NewUnits(list []Unit) (*Units, error) {
	us := &Units{list: append([]Unit(nil), list...), byName: map[string]int{}}
	for i, u := range us.list {
		for _, n := range u.Names() {
			k := FoldName(n)
			if k == "" {
				continue
			}
			if j, ok := us.byName[k]; ok && j != i {
				return nil, &DuplicateNameError{Name: n, First: us.list[j].Short, Second: u.Short}
			}
			us.byName[k] = i
		}
	}
	return us, nil
}

// DuplicateNameError says two units claim the same name or code.
type DuplicateNameError struct{ Name, First, Second string }

func (e *DuplicateNameError) Error() string {
	return "名称“" + e.Name + "”同时属于“" + e.First + "”和“" + e.Second + "”"
}

// All returns the units in list order.
func (us *Units) All() []Unit { return us.list }

// Len is the number of units.
func (us *Units) Len() int { return len(us.list) }

// Lookup finds a unit by code, short name, full name or alias, ignoring spaces and
// full-width forms.
func (us *Units) Lookup(name string) (Unit, bool) {
	i, ok := us.byName[FoldName(name)]
	if !ok {
		return Unit{}, false
	}
	return us.list[i], true
}

// Closest suggests the known name nearest to an unknown one, for error messages, or ""
// when none is actually close: a suggestion of 市财政局 for 某某公司 misleads more than it
// helps. Close means at most half the characters differ (edit distance) and at least two
// are shared (one for a one- or two-character name).
func (us *Units) Closest(name string) string {
	key := []rune(FoldName(name))
	best, bestD := "", -1
	names := make([]string, 0, len(us.byName))
	for n := range us.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		r := []rune(n)
		d := editDistance(key, r)
		if 2*d > max(len(key), len(r)) || sharedRunes(key, r) < min(2, len(key)) {
			continue
		}
		if bestD < 0 || d < bestD {
			best, bestD = us.list[us.byName[n]].Short, d
		}
	}
	return best
}

// ClosestHint is "，最接近的是“X”" for Closest's suggestion, or "" when there is none.
func (us *Units) ClosestHint(name string) string {
	if c := us.Closest(name); c != "" {
		return "，最接近的是“" + c + "”"
	}
	return ""
}

// sharedRunes counts the characters a and b have in common, each counted as often as it
// occurs in both.
func sharedRunes(a, b []rune) int {
	count := map[rune]int{}
	for _, r := range a {
		count[r]++
	}
	n := 0
	for _, r := range b {
		if count[r] > 0 {
			count[r]--
			n++
		}
	}
	return n
}

// FoldName is the one way names are compared: Normalize (full-width forms folded, ends
// trimmed), then every space and line break dropped, so " 市 财政局" and "市财政局" match.
// Units.Lookup, the catalog's duplicate check and the importer's text comparisons all use
// it; folding differently in one place would let a name match there and not here.
func FoldName(s string) string {
	return strings.Join(strings.Fields(Normalize(s)), "")
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
