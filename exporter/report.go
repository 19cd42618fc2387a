package exporter

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/xlsxlayout"
)

// Sheet names of the consolidated report, in workbook order.
const (
	SheetSummary  = "汇总"
	SheetChart    = "图表"
	SheetCoverage = "指标覆盖"
	SheetMissing  = "未报送单位"
	SheetProblems = "问题清单"
)

// ReportSheets lists the report's sheets in order.
var ReportSheets = []string{SheetSummary, SheetChart, SheetCoverage, SheetMissing, SheetProblems, SheetDetails}

// LowCompletion is the completion (and coverage) below which the report flags a value.
const LowCompletion = 0.6

// ReportOption adjusts ReportXLSX.
type ReportOption func(*reportConfig)

type reportConfig struct {
	date   time.Time
	asOf   time.Time // the 截至 day; zero: date
	issuer string
	round  xxgk.Round
}

// WithDate sets the report date printed under the title and the workbook's creation
// time (default: now). Commands pass their injected clock so that output is
// reproducible in tests.
func WithDate(t time.Time) ReportOption {
	return func(c *reportConfig) { c.date = t }
}

// WithAsOf sets the day the report counts as of (its 统计截至 line), the run's
// xxgk.Notice.AsOfDay, so the workbook states the day the 通报 and letters state.
func WithAsOf(t time.Time) ReportOption {
	return func(c *reportConfig) { c.asOf = t }
}

// WithIssuer names the office the workbook says made it (document property 作者);
// default the round's contact office.
func WithIssuer(office string) ReportOption {
	return func(c *reportConfig) { c.issuer = office }
}

// WithRound names the round of an export (WriteDetailsXLSX), for its title and subject;
// ReportXLSX takes the round from the summary.
func WithRound(r xxgk.Round) ReportOption {
	return func(c *reportConfig) { c.round = r }
}

func newConfig(opts []ReportOption) reportConfig {
	cfg := reportConfig{date: time.Now()}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.asOf.IsZero() {
		cfg.asOf = cfg.date
	}
	return cfg
}

// props are the document properties of a workbook about cfg's round: made by the
// issuing office, about the round, created when written.
func (c reportConfig) props(what string) xlsxlayout.Props {
	r := c.round
	title := what
	if r.ID != "" || r.Title != "" {
		title = r.TitleOrDefault() + what
	}
	return xlsxlayout.Props{Creator: xxgk.Notice{Issuer: c.issuer}.IssuerFor(r), Title: title, Subject: r.YearLabel(), Created: c.date, Now: c.date}
}

// ReportXLSX writes the consolidated workbook for a round: 汇总 (one row per unit, problems
// first, totals), 图表 (completion by unit), 指标覆盖, 未报送单位, 问题清单 and 明细, then
// 核查结果 once a website check (xxgk verify) exists.
func ReportXLSX(w io.Writer, s xxgk.Summary, cat *xxgk.Catalog, opts ...ReportOption) error {
	cfg := newConfig(opts)
	cfg.round = s.Round
	f := excelize.NewFile()
	defer f.Close()
	// Create every sheet first: defined names (print titles, filters) refer to sheets by
	// position, which must not move afterwards.
	if err := f.SetSheetName("Sheet1", ReportSheets[0]); err != nil {
		return err
	}
	for _, name := range ReportSheets[1:] {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	title := s.Round.TitleOrDefault()
	units := s.ProblemsFirst()
	steps := []func() error{
		func() error { return writeSummarySheet(f, st, s, units, title, cfg) },
		func() error { return writeChartSheet(f, st, s.Units, title) }, // ranked: catalog order breaks ties, as in the 通报
		func() error { return writeCoverageSheet(f, st, s, title) },
		func() error { return writeMissingSheet(f, st, s, title) },
		func() error { return writeProblemsSheet(f, st, s, title) },
		func() error { return writeDetailsSheet(f, st, Details(s, cat), title) },
		func() error { return writeChecksSheet(f, st, s, title) }, // only once xxgk verify has run
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	// 汇总 is active as the first sheet of a new file. Do not call SetActiveSheet: it reads
	// every worksheet back, streamed ones included, and the save then re-encodes them all
	// (most of the run time at 1,000 units).
	if err := xlsxlayout.Set(f, cfg.props("汇总")); err != nil {
		return err
	}
	return writeFile(f, w)
}

// str leaves empty text cells empty rather than holding an empty string, so that Excel's
// COUNTA and "blanks" filter treat them as blank.
func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}
