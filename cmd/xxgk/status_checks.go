package main

import (
	"context"
	"strconv"

	"xxgk"
	"xxgk/exporter"
	"xxgk/store"
)

// addChecks attaches the round's latest website checks to the summary, so that every
// reading command shows them once `xxgk verify` has run.
func addChecks(ctx context.Context, st *store.Store, s *xxgk.Summary) error {
	checks, err := st.LatestChecks(ctx, s.Round.ID)
	if err != nil {
		return failf("读取轮次“%s”的核查结果失败：%v", s.Round.ID, err)
	}
	s.AddChecks(checks)
	return nil
}

// checkFailures is a unit's 核查异常 cell: the number of its checked columns with a
// finding, "-" for a unit none of whose current columns was checked (nothing to check,
// or it submitted, was withdrawn or changed its addresses after the last check).
func checkFailures(u xxgk.UnitSummary) string {
	if n := checkFailuresJSON(u); n != nil {
		return strconv.Itoa(*n)
	}
	return "-"
}

// checkFailuresJSON is the same for scripts: null when nothing was checked.
func checkFailuresJSON(u xxgk.UnitSummary) *int {
	if len(u.Checks) == 0 {
		return nil
	}
	n := len(u.FailedChecks())
	return &n
}

// checkLegend explains the 核查异常 column and says when the checks ran.
func checkLegend(s xxgk.Summary) string {
	t := s.CheckTally()
	return "核查异常：最近一次 xxgk verify（" + exporter.FormatTime(t.Last) + "）发现问题的栏目数，共 " +
		strconv.Itoa(t.Failed) + "/" + strconv.Itoa(t.Checked) + " 个；“-”为尚未核查（没有可核查的栏目，或核查后才报送、撤回、改了网址）。明细见 xxgk verify 或 export"
}
