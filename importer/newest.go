package importer

import (
	"fmt"
	"strings"
	"time"

	"xxgk"
)

// When one import holds several valid files of the same unit (a corrected file next to
// the first one, the same unit in a folder and in a zip), the one saved last is what the
// unit means, whatever order the paths were given in. Files are stored in input order, so
// a file saved EARLIER than one already taken for its unit is not stored (Older): the
// newest is then always the current version. Its result's Note names the file that won
// and why.

// Sources of a file's saved time, as the output names them.
const (
	savedFromProps = "文件属性中的保存时间"
	savedFromMtime = "文件修改时间"
)

// savedTime is when the file was last saved: the workbook's own record
// (docProps/core.xml dcterms:modified), which survives copying, mailing and zipping,
// else the file's modification time.
func savedTime(c Checked, src source) (time.Time, string) {
	if !c.SavedAt.IsZero() {
		return c.SavedAt, savedFromProps
	}
	if !src.modTime.IsZero() {
		return src.modTime, savedFromMtime
	}
	return time.Time{}, ""
}

// newestFiles remembers, per round and unit, the valid file taken so far in one import.
// It is used by the batch's ordering loop alone.
type newestFiles struct {
	taken map[[2]string]takenFile
}

type takenFile struct {
	name string
	at   time.Time
	from string
}

// choose is called in input order for every file before it is stored. A valid file
// saved earlier than the one already taken for its unit becomes Older and is not stored;
// otherwise it is taken, and when it replaces another its Note says so.
func (n *newestFiles) choose(p *parsed) {
	r := &p.res
	if r.Unit.Code == "" || (p.sub == nil && r.Outcome != Valid) {
		return
	}
	if n.taken == nil {
		n.taken = map[[2]string]takenFile{}
	}
	key := [2]string{r.Round, r.Unit.Code}
	prev, seen := n.taken[key]
	cur := takenFile{name: r.Name, at: r.SavedAt, from: r.SavedFrom}
	switch {
	case !seen:
		n.taken[key] = cur
	case cur.at.Before(prev.at):
		r.Outcome, p.sub = Older, nil
		r.Note = fmt.Sprintf("本次导入中%s还有保存时间更晚的文件 %s（%s），以该文件为准；此文件保存于 %s，未写入",
			r.Unit.Short, prev.name, prev.describe(), cur.describe())
	default:
		n.taken[key] = cur
		r.Note = fmt.Sprintf("本次导入中%s还有文件 %s（%s）；此文件保存时间更晚（%s），以此文件为准",
			r.Unit.Short, prev.name, prev.describe(), cur.describe())
	}
}

// describe is "2020-09-25 15:30:00，据文件属性中的保存时间" in China time.
func (f takenFile) describe() string {
	if f.at.IsZero() {
		return "保存时间不详"
	}
	return f.at.In(xxgk.ChinaTime).Format("2006-01-02 15:04:05") + "，据" + f.from
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
			v := strings.TrimSpace(s.textValue())
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
