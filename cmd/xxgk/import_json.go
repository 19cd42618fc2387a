package main

import (
	"encoding/json"
	"fmt"

	"xxgk"
	"xxgk/importer"
	"xxgk/termtable"
)

// importJSON is one line of `xxgk import --format json` (NDJSON). The keys are a
// documented interface for scripts: add, never rename.
type importJSON struct {
	File    string `json:"file"`
	Unit    string `json:"unit"`    // short name; empty when the file could not be identified
	Outcome string `json:"outcome"` // accepted, unchanged, rejected, blank, older, valid (dry run), failed, other_database, unreadable
	Version int    `json:"version"` // stored version, or the one it equals; 0 when none
	// Current is the unit's current version once the file is stored (above Version when an
	// older file was imported again); 0 when nothing of the unit was stored.
	Current   int           `json:"current,omitempty"`
	Note      string        `json:"note,omitempty"`      // several files of the unit: which one won and why
	Withdrawn bool          `json:"withdrawn,omitempty"` // unchanged, and the unit's submission is withdrawn: still 未报送
	Problems  []problemJSON `json:"problems"`
	ErrorCopy string        `json:"error_copy,omitempty"` // annotated copy in --errors-dir
	Error     string        `json:"error,omitempty"`      // failed: why the database refused it
	NoCopy    string        `json:"no_copy,omitempty"`    // rejected without an annotated copy: why
}

type problemJSON struct {
	Severity string `json:"severity"` // error or warning
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Code     string `json:"code,omitempty"` // indicator code of the row
	Value    string `json:"value,omitempty"`
	Message  string `json:"message"`
}

func (p *importPrinter) writeJSON(r importer.Result) {
	j := importJSON{File: r.Name, Unit: r.Unit.Short, Outcome: r.Outcome.String(), Version: r.Version,
		Current: r.Current, Note: r.Note, Withdrawn: r.Withdrawn, Problems: []problemJSON{}, ErrorCopy: r.ErrorCopy, NoCopy: r.NoCopy}
	if r.Err != nil {
		j.Error = r.Err.Error()
	}
	for _, pr := range r.Problems {
		sev := "error"
		if pr.Severity == xxgk.Warning {
			sev = "warning"
		}
		j.Problems = append(j.Problems, problemJSON{Severity: sev, Sheet: pr.Sheet, Cell: pr.Cell, Code: pr.Code, Value: pr.Value, Message: pr.Message})
	}
	b, err := json.Marshal(j)
	if err != nil { // cannot happen with strings and ints; say so rather than drop a file
		fmt.Fprintf(p.errw, "xxgk: 无法输出 %s 的结果：%v\n", r.Name, err)
		return
	}
	// Names and values come from units' files: nothing in them may reach the terminal raw.
	fmt.Fprintln(p.out, string(termtable.SafeJSON(b)))
}
