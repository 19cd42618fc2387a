package catalog

import (
	"fmt"
	"strings"

	"xxgk"
)

// assignment is what a 建设单位 text means.
type assignment struct {
	codes     []string // named units, in the order written
	allDepts  bool     // 各部门
	allCounty bool     // 各县区
	openEnded bool     // 等相关职能部门: the office may add units
}

// collective names stand for every unit of a kind rather than for one unit.
func collective(name string) (xxgk.UnitKind, bool) {
	switch xxgk.FoldName(name) {
	case "各部门", "市级各部门", "市政府各部门", "市直各部门", "各市直部门", "市直各单位", "各相关部门":
		return xxgk.Department, true
	case "各县区", "各县(区)", "各县区政府", "各县(区)政府", "各县市区", "各区县":
		return xxgk.County, true
	}
	return "", false
}

func isAllUnits(name string) bool {
	_, ok := collective(name)
	return ok
}

// unitIssue is one thing wrong in a 建设单位 cell. unknown is the name as written when the
// issue is a name missing from the unit list: the same name on other rows is the same
// fault, and the caller reports it once for all of them.
type unitIssue struct {
	unknown string
	msg     string
}

// resolveUnits reads a 建设单位 cell. Only this cell is read: "市政府" inside the content
// text is the subject of the disclosure, not a unit that builds a column. Every name that
// is not in the unit list yields an issue; nothing is dropped silently.
func resolveUnits(raw string, us *xxgk.Units) (assignment, []unitIssue) {
	var a assignment
	var msgs []unitIssue
	seen := map[string]bool{}
	for _, tok := range splitNames(raw, "、，,;；\n") {
		// These end a list the office may extend; longest first so that 等相关职能部门
		// is not cut as 等.
		for _, suf := range []string{"等相关职能部门", "等相关部门", "等职能部门", "等有关部门", "等部门", "等单位", "等"} {
			if strings.HasSuffix(tok, suf) {
				tok = strings.TrimSuffix(tok, suf)
				a.openEnded = true
				break
			}
		}
		switch tok {
		case "", "相关职能部门", "相关部门", "其他相关部门":
			a.openEnded = true
			continue
		}
		if k, ok := collective(tok); ok {
			if k == xxgk.Department {
				a.allDepts = true
			} else {
				a.allCounty = true
			}
			continue
		}
		u, ok := us.Lookup(tok)
		if !ok {
			msg := fmt.Sprintf("建设单位“%s”不在单位名单中", tok) + us.ClosestHint(tok)
			msgs = append(msgs, unitIssue{unknown: tok, msg: msg})
			continue
		}
		if !seen[u.Code] {
			seen[u.Code] = true
			a.codes = append(a.codes, u.Code)
		}
	}
	if len(msgs) == 0 && len(a.codes) == 0 && !a.allDepts && !a.allCounty {
		msgs = append(msgs, unitIssue{msg: fmt.Sprintf("建设单位“%s”没有列出任何单位", raw)})
	}
	return a, msgs
}
