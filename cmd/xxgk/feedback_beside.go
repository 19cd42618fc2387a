package main

import (
	"context"
	"fmt"
	"os"

	"xxgk"
	"xxgk/importer"
	"xxgk/pdf"
	"xxgk/templates"
)

// rejectionFiles gives back a refused file the import kept (the store does).
type rejectionFiles interface {
	RejectionFile(ctx context.Context, id int64) ([]byte, error)
}

// besideFile decides what goes next to a unit's letter, so the unit has what it needs to
// answer it: the annotated copy of its latest refused file when the import kept it,
// else for a unit that never reported its blank template, else nothing. It returns the
// file's name, whether it is the short copy (the problem list alone), and how to write
// it. opt gives the issuing office and the time the copy
// says it was made by; tw signs the template with the database's key, like the ones
// `templates` sent out.
func besideFile(ctx context.Context, s xxgk.Summary, cat *xxgk.Catalog, u xxgk.UnitSummary, files rejectionFiles, tw *templates.Writer, opt pdf.Options) (name string, listOnly bool, write func(*os.File) error, err error) {
	if u.RefusedLatest() && u.Rejected.Last.ID != 0 {
		last := u.Rejected.Last
		data, err := files.RejectionFile(ctx, last.ID)
		if err != nil {
			return "", false, nil, err
		}
		// A kept file that cannot be annotated (it was refused for being unreadable) is
		// not returned: the letter still lists the errors, and a unit with nothing
		// accepted gets a fresh template below. A file past the limits of an annotated
		// copy goes back as the short copy, as from import --errors-dir.
		if data != nil {
			if copy, short, err := importer.ReturnedCopy(data, last.Problems, importer.CopyInfo{Office: opt.Office, Now: opt.Date, ReplyBy: opt.Notice.ReplyBy}); err == nil {
				return pdf.ReturnedFileName(u.Unit), short, func(f *os.File) error {
					_, err := f.Write(copy)
					return err
				}, nil
			}
		}
	}
	if u.State != xxgk.Missing {
		return "", false, nil, nil
	}
	return pdf.TemplateFileName(u.Unit), false, func(f *os.File) error {
		if err := tw.Write(f, s.Round, cat, u.Unit); err != nil {
			return fmt.Errorf("生成填报模板：%w", err)
		}
		return nil
	}, nil
}
