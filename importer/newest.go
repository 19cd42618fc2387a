package importer

import (
	"fmt"
	"strings"
	"time"

	"xxgk"
)

// When one import holds several valid files of the same unit (a corrected file next to
// the first one, the same unit in a folder and in a zip), the one saved last is what the
// unit means, whatever order the paths were given in. Files are stored in input order, a
// batch at a time: a file saved EARLIER than one already taken for its unit is not stored
// (Older), and neither is a file taken first and replaced by a later one while both wait in
// the same batch. Either way only the newest is stored, as a new version or as unchanged,
// and the results' Notes name the file that won and why. Memory is one entry per unit, so
// the import still streams.

// The two clocks a file's age is read from, as the output names them.
const (
	savedFromProps = "文件属性中的保存时间"
	savedFromMtime = "文件修改时间"
)

// newestFiles remembers, per round and unit, the valid file taken so far in one import.
// It is used by the batch's ordering loop alone.
type newestFiles struct {
	taken map[[2]string]takenFile
	// waiting are the units whose taken file waits in the batch being filled.
	waiting [][2]string
}

type takenFile struct {
	name         string
	saved, mtime time.Time
	p            *parsed // the file's entry while it waits in the batch being filled, else nil
}

// later compares two files of a unit: > 0 when a was saved after b, < 0 before, 0 when
// it cannot be told. The workbook's own record (docProps/core.xml dcterms:modified)
// survives copying, mailing and zipping, so it decides when both files carry different
// ones; otherwise (missing, or equal because both still carry the template's) the file
// times decide. by names the clock that decided.
func later(a, b takenFile) (cmp int, by string) {
	if !a.saved.IsZero() && !b.saved.IsZero() && !a.saved.Equal(b.saved) {
		return a.saved.Compare(b.saved), savedFromProps
	}
	if !a.mtime.IsZero() && !b.mtime.IsZero() && !a.mtime.Equal(b.mtime) {
		return a.mtime.Compare(b.mtime), savedFromMtime
	}
	return 0, ""
}

// when is the time the clock named by "by" gives for f, in China time.
func (f takenFile) when(by string) string {
	t := f.mtime
	if by == savedFromProps {
		t = f.saved
	}
	return t.In(xxgk.ChinaTime).Format("2006-01-02 15:04:05")
}

// choose is called in input order for every file before it is stored. A valid file
// saved earlier than the one already taken for its unit becomes Older and is not stored;
// otherwise it is taken (a tie goes to the file listed later), and when it replaces
// another its Note says so. The file it replaces is made Older too when it still waits
// in the same batch (it returns true then: one submission fewer to store), so that which
// file is stored does not depend on the order of the paths. Only a replaced file already
// stored in an earlier batch (the two were more than a batch apart) stays in the
// history, as the version before this one; were this one then the same as an older
// version, that file would stay current.
func (n *newestFiles) choose(p *parsed) (dropped bool) {
	r := &p.res
	if r.Unit.Code == "" || (p.sub == nil && r.Outcome != Valid) {
		return false
	}
	if n.taken == nil {
		n.taken = map[[2]string]takenFile{}
	}
	key := [2]string{r.Round, r.Unit.Code}
	prev, seen := n.taken[key]
	cur := takenFile{name: r.Name, saved: r.SavedAt, mtime: r.ModTime, p: p}
	take := func() {
		if !seen || prev.p == nil { // not yet listed for sent
			n.waiting = append(n.waiting, key)
		}
		n.taken[key] = cur
	}
	if !seen {
		take()
		return false
	}
	cmp, by := later(cur, prev)
	if cmp < 0 {
		r.Outcome, p.sub = Older, nil
		r.Note = olderNote(r.Unit.Short, prev, cur, by)
		if prev.p != nil && prev.p.res.Note == "" {
			prev.p.res.Note = wonNote(r.Unit.Short, prev, cur, by) // not printed yet
		}
		return false
	}
	take()
	if cmp > 0 {
		r.Note = wonNote(r.Unit.Short, cur, prev, by)
	} else {
		r.Note = fmt.Sprintf("本次导入中%s还有文件 %s；两者的保存时间无法区分，以后列出的此文件为准",
			r.Unit.Short, prev.name)
	}
	if prev.p == nil {
		return false
	}
	q := &prev.p.res
	dropped = prev.p.sub != nil
	q.Outcome, prev.p.sub = Older, nil
	if cmp > 0 {
		q.Note = olderNote(q.Unit.Short, cur, prev, by)
	} else {
		q.Note = fmt.Sprintf("本次导入中%s还有文件 %s，两者的保存时间无法区分，以后列出的该文件为准；此文件未写入",
			q.Unit.Short, cur.name)
	}
	return dropped
}

// wonNote is the Note of file won, saved after file f by the clock named by.
func wonNote(unit string, won, f takenFile, by string) string {
	return fmt.Sprintf("本次导入中%s还有文件 %s；按%s此文件较晚（%s，该文件为 %s），以此文件为准",
		unit, f.name, by, won.when(by), f.when(by))
}

// sent is called when the batch being filled goes to be stored: its files can no longer
// give way, and their entries are let go (memory stays one small entry per unit).
func (n *newestFiles) sent() {
	for _, k := range n.waiting {
		if t, ok := n.taken[k]; ok {
			t.p = nil
			n.taken[k] = t
		}
	}
	n.waiting = n.waiting[:0]
}

// olderNote is the Note of file f that is not stored because the import holds won, saved
// later by the clock named by.
func olderNote(unit string, won, f takenFile, by string) string {
	return fmt.Sprintf("本次导入中%s还有文件 %s，按%s它较晚（%s，此文件为 %s），以该文件为准；此文件未写入",
		unit, won.name, by, won.when(by), f.when(by))
}

// savedAt reads dcterms:modified from the document properties; zero when the part or
// the element is missing or unreadable (some writers drop document properties).
func (b *book) savedAt() time.Time {
	data, err := b.part("docprops/core.xml")
	if err != nil {
		return time.Time{}
	}
	s := &xmlScanner{b: data}
	in := false
	for {
		ok, err := s.next()
		if err != nil || !ok {
			return time.Time{}
		}
		switch {
		case s.kind == tokStart && string(s.name) == "modified":
			in = !s.empty
		case s.kind == tokText && in:
			raw, err := s.textValue()
			if err != nil {
				return time.Time{}
			}
			v := strings.TrimSpace(raw)
			for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05"} {
				if t, err := time.Parse(layout, v); err == nil {
					return t
				}
			}
			return time.Time{}
		case s.kind == tokEnd:
			in = false
		}
	}
}
