package pdf

import (
	"io"

	"xxgk"
)

// Feedback writes one unit's letter. A unit that submitted gets its standing, the
// substantive problems it must put right (整改), a short note on entries the import
// corrected by itself, and every row it reported. A unit that has not gets a reminder
// (催报) listing what it must build and where its template is; a unit whose file was
// refused is told why, error by error. Every letter ends with the deadline for 补报 or
// 整改 (Options.Notice.ReplyBy), how to resubmit, and the office's contact.
func Feedback(w io.Writer, s xxgk.Summary, u xxgk.UnitSummary, cat *xxgk.Catalog, opt Options) error {
	if opt.Fonts == nil {
		return ErrNoFonts
	}
	opt = defaults(opt, s.Round)
	title := FeedbackTitle(s.Round, u)
	inds := cat.For(u.Unit)
	d := layoutDoc(opt, title, func(d *doc) {
		d.names = cat.Names()
		d.newPage()
		l := letter{d: d, s: s, u: u, inds: inds, opt: opt, n: new(int)}
		l.letterHead(title)
		if u.State == xxgk.Missing {
			l.reminder()
		} else {
			l.feedback()
		}
		d.signature(opt.Office, opt.issued())
	})
	return d.finish(w)
}

// FeedbackTitle is …情况反馈 for a unit that submitted and …催报通知 for one that has not.
func FeedbackTitle(r xxgk.Round, u xxgk.UnitSummary) string {
	if u.State == xxgk.Missing {
		return theme(r) + "催报通知"
	}
	return theme(r) + "反馈"
}

// FeedbackFileName names a unit's feedback file after the round and the unit's short
// name, with characters Windows forbids in file names replaced.
func FeedbackFileName(r xxgk.Round, u xxgk.Unit) string {
	return xxgk.SafeFileName(r.ID) + "_" + xxgk.SafeFileName(u.Label()) + "_反馈.pdf"
}

// TemplateFileName names the blank template written beside a reminder.
func TemplateFileName(u xxgk.Unit) string {
	return xxgk.SafeFileName(u.Label()) + "_填报模板.xlsx"
}

// ReturnedFileName names the annotated copy of a refused file written beside its letter.
func ReturnedFileName(u xxgk.Unit) string {
	return xxgk.SafeFileName(u.Label()) + "_退回修改.xlsx"
}
