package importer

import (
	"path/filepath"
	"time"

	"xxgk"
)

// JSON is one file's result as `xxgk import --format json` prints it and the web
// portal's POST /api/upload answers it. The keys are a documented interface for scripts:
// add, never rename.
type JSON struct {
	File    string `json:"file"`
	Unit    string `json:"unit"`    // short name; empty when the file could not be identified
	Outcome string `json:"outcome"` // accepted, unchanged, rejected, blank, older, valid (dry run), failed, other_database, unreadable
	Version int    `json:"version"` // stored version, or the one it equals; 0 when none
	// Current is the unit's current version once the file is stored (above Version when an
	// older file was imported again); 0 when nothing of the unit was stored.
	Current   int           `json:"current,omitempty"`
	Note      string        `json:"note,omitempty"`      // several files of the unit: which one won and why
	Withdrawn bool          `json:"withdrawn,omitempty"` // unchanged, and the unit's submission is withdrawn: still 未报送
	Problems  []ProblemJSON `json:"problems"`
	ErrorCopy string        `json:"error_copy,omitempty"` // annotated copy in --errors-dir
	Error     string        `json:"error,omitempty"`      // failed: why the database refused it
	NoCopy    string        `json:"no_copy,omitempty"`    // rejected without an annotated copy: why
}

// ProblemJSON is one problem of a JSON result.
type ProblemJSON struct {
	Severity string `json:"severity"` // error or warning
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Code     string `json:"code,omitempty"` // indicator code of the row
	Value    string `json:"value,omitempty"`
	Message  string `json:"message"`
}

// JSON is the result in its scripts' form, File named as given.
func (r Result) JSON() JSON {
	j := JSON{File: r.Name, Unit: r.Unit.Short, Outcome: r.Outcome.String(), Version: r.Version,
		Current: r.Current, Note: r.Note, Withdrawn: r.Withdrawn, Problems: []ProblemJSON{}, ErrorCopy: r.ErrorCopy, NoCopy: r.NoCopy}
	if r.Err != nil {
		j.Error = r.Err.Error()
	}
	for _, pr := range r.Problems {
		sev := "error"
		if pr.Severity == xxgk.Warning {
			sev = "warning"
		}
		j.Problems = append(j.Problems, ProblemJSON{Severity: sev, Sheet: pr.Sheet, Cell: pr.Cell, Code: pr.Code, Value: pr.Value, Message: pr.Message})
	}
	return j
}

// Recorded tells a rejected file whose unit and round were identified: its refusal is
// kept (Rejection), so that status and the unit's letter know it tried and its file can
// be returned annotated. Both `xxgk import` and the web portal record refusals so.
func (r Result) Recorded() bool {
	return r.Outcome == Rejected && r.Unit.Code != "" && r.Round != "" && r.SHA256 != ""
}

// Rejection is the refusal to record for a Recorded result.
func (r Result) Rejection(at time.Time, by string) xxgk.Rejection {
	return xxgk.Rejection{
		Round: r.Round, Unit: r.Unit.Code, FileName: filepath.Base(r.Name), SHA256: r.SHA256,
		At: at, ImportedBy: by, Errors: len(r.Problems.Only(xxgk.Error)),
		Problems: r.Problems, File: r.File,
	}
}
