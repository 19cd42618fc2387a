package importer

import (
	"context"
	"slices"
	"time"

	"xxgk"
)

// Saver stores accepted submissions. Each call is one transaction per batch in which
// every submission is all or nothing; a submission with the same values
// (xxgk.Submission.ContentHash, not the file bytes, which any re-save changes) as ANY
// stored version of its unit is reported Unchanged, as that version, and stores nothing:
// an old file re-imported must not become the newest version. Results are in input order.
type Saver interface {
	SaveSubmissions(ctx context.Context, subs []*xxgk.Submission) ([]Saved, error)
}

// Saved is what the store did with one submission.
type Saved struct {
	Version   int // stored, or, when Unchanged, the stored version that is the same file
	Unchanged bool
	ID        int64
	FirstAt   time.Time
	Current   int  // the unit's current version after the call; 0 means Version
	Withdrawn bool // Unchanged, and the unit's submission is withdrawn: it stays 未报送
}

// Outcome is what became of one file.
type Outcome int

const (
	Accepted  Outcome = iota // stored as a new version
	Unchanged                // identical to a stored version (see Result.Version); nothing stored
	Rejected                 // has errors (or could not be read); nothing stored
	Valid                    // dry run: would be accepted; nothing stored
	Failed                   // valid, but the database refused it; nothing stored, rerun
	// Blank is a template with no input in any input cell: skipped, neither stored nor
	// a refusal, so status and feedback do not change.
	Blank
	// Older is a valid file of a unit for which the same import holds a file saved
	// later (see Result.Note): the newest one is current, this one is not stored.
	Older
	// OtherDatabase is a file whose template another database made (see
	// Checked.OtherDatabase and Result.Round): the operator's --db is wrong, the unit is
	// not at fault, nothing is stored or recorded.
	OtherDatabase
	// Unreadable is a file the system would not let us read (held open by Excel or WPS,
	// no permission, gone): nothing is known of its content, so it is no refusal of the
	// unit; the office fixes the cause and reruns.
	Unreadable
)

// Label is the Chinese word printed on result lines.
func (o Outcome) Label() string {
	switch o {
	case Accepted:
		return "已接收"
	case Unchanged:
		return "未变化"
	case Rejected:
		return "已退回"
	case Valid:
		return "检查通过"
	case Failed:
		return "保存失败"
	case Blank:
		return "空白模板（未填写）"
	case Older:
		return "未采用"
	case OtherDatabase:
		return "未导入（模板由另一个数据库生成）"
	case Unreadable:
		return "未能读取"
	}
	return "?"
}

func (o Outcome) String() string {
	return [...]string{"accepted", "unchanged", "rejected", "valid", "failed", "blank", "older", "other_database", "unreadable"}[o]
}

// Result is the outcome of one input file.
type Result struct {
	Name    string // as given: a path, or archive.zip/entry.xlsx
	Outcome Outcome
	Unit    xxgk.Unit // zero when the file could not be identified
	Round   string
	SHA256  string // hex digest of the file, once identified
	Version int    // the stored version (Accepted) or the stored version it is identical to (Unchanged)
	Current int    // the unit's current version once stored; above Version when an old file came again
	// Withdrawn: Unchanged, and the unit's submission is withdrawn, so it stays 未报送.
	Withdrawn bool
	Counts    xxgk.Counts
	Problems  xxgk.Problems // errors and warnings, located
	// ErrorCopy is the annotated copy written to Options.ErrorsDir for a rejected file;
	// NoCopy says why there is none when one was asked for.
	ErrorCopy string
	NoCopy    string
	Err       error // Failed: why the database refused the file
	// File is a rejected file's content, for the caller to keep with the refusal (see
	// xxgk.Rejection.File); set only when the unit and round were identified and the file
	// is within xxgk.RejectionKeepMax.
	File []byte
	// SavedAt is when the workbook was last saved as its document properties record it,
	// ModTime the file's (or zip entry's) modification time; either may be zero.
	SavedAt, ModTime time.Time
	// Note says, when the import holds several files of the unit, which one is current
	// and why.
	Note string
}

// Warnings counts the result's warnings.
func (r Result) Warnings() int { return len(r.Problems.Only(xxgk.Warning)) }

// Totals sums up a run.
type Totals struct {
	Files                                        int // inputs found
	Accepted, Unchanged, Rejected, Valid, Failed int
	Blank                                        int      // unfilled templates skipped
	Older                                        int      // files of a unit the import holds a newer file of
	OtherDatabase                                int      // files whose templates another database made
	OtherRounds                                  []string // their rounds, in order of first appearance
	Unreadable                                   int      // files the system would not let us read
	NotProcessed                                 int      // left undone when the run stopped on an error
	Warnings                                     int      // warnings over all files
	Skipped                                      []string // non-workbook files in folders and archives
}

func (t *Totals) add(r Result) {
	switch r.Outcome {
	case Accepted:
		t.Accepted++
	case Unchanged:
		t.Unchanged++
	case Rejected:
		t.Rejected++
	case Valid:
		t.Valid++
	case Failed:
		t.Failed++
	case Blank:
		t.Blank++
	case Older:
		t.Older++
	case OtherDatabase:
		t.OtherDatabase++
		if !slices.Contains(t.OtherRounds, r.Round) {
			t.OtherRounds = append(t.OtherRounds, r.Round)
		}
	case Unreadable:
		t.Unreadable++
	}
	t.Warnings += r.Warnings()
}
