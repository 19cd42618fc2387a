package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"xxgk"
	"xxgk/importer"
	"xxgk/importstore"
)

// uploadedBy is the 导入人 of a file handed in through the portal.
const uploadedBy = "网上报送"

// errTooLarge is an upload over MaxUpload (413).
var errTooLarge = errors.New("too large")

// received is an upload saved to a temporary folder, ready for the importer.
type received struct {
	dir, name, path string
	csrf            string // the form's token, read before the file
}

func (rc *received) Close() {
	if rc != nil && rc.dir != "" {
		os.RemoveAll(rc.dir)
	}
}

// receive streams the multipart body's "file" part to disk, never holding it in memory,
// and stops reading past MaxUpload. The CSRF field of a page's form must come before the
// file (the form puts it first), so nothing is written for a forged form.
func (s *Server) receive(w http.ResponseWriter, r *request, wantCSRF bool) (*received, error) {
	max := s.cfg.MaxUpload
	r.Body = http.MaxBytesReader(w, r.Body, max+64<<10) // the file plus the form's other fields
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, fmt.Errorf("bad form: %w", err)
	}
	rc := &received{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			rc.Close()
			return nil, errNoFile
		}
		if err != nil {
			rc.Close()
			return nil, bodyErr(err)
		}
		switch part.FormName() {
		case "csrf":
			b, _ := io.ReadAll(io.LimitReader(part, 256))
			rc.csrf = string(b)
		case "file":
			if wantCSRF && (r.session == nil || !sameToken(r.session.csrf, rc.csrf)) {
				return nil, errCSRF
			}
			err := s.saveFile(rc, part, max)
			part.Close()
			if err != nil {
				rc.Close()
				return nil, err
			}
			return rc, nil
		}
		part.Close()
	}
}

var (
	errNoFile = errors.New("no file part")
	errCSRF   = errors.New("csrf token")
)

func bodyErr(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return errTooLarge
	}
	return fmt.Errorf("reading the upload: %w", err)
}

// saveFile writes the part under its own (cleaned) name in a fresh folder: the importer
// reads the name as `xxgk import` reads a file's.
func (s *Server) saveFile(rc *received, part *multipart.Part, max int64) error {
	dir, err := os.MkdirTemp(s.cfg.TempDir, "xxgk-upload-")
	if err != nil {
		return diskErr{err}
	}
	rc.dir, rc.name = dir, uploadName(part.FileName())
	rc.path = filepath.Join(dir, rc.name)
	f, err := os.OpenFile(rc.path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return diskErr{err}
	}
	n, err := io.Copy(f, io.LimitReader(part, max+1))
	if cerr := f.Close(); err == nil && cerr != nil {
		return diskErr{cerr}
	}
	switch {
	case err != nil && errors.Is(bodyErr(err), errTooLarge):
		return errTooLarge
	case err != nil:
		var pe *os.PathError
		if errors.As(err, &pe) {
			return diskErr{err}
		}
		return bodyErr(err)
	case n > max:
		return errTooLarge
	}
	return nil
}

// diskErr is a failure writing the upload to the server's disk (503).
type diskErr struct{ err error }

func (e diskErr) Error() string { return "saving the upload: " + e.err.Error() }
func (e diskErr) Unwrap() error { return e.err }

// uploadName is the file's own name without any folder a browser sent, control
// characters or an unreasonable length.
func uploadName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '/' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	if rs := []rune(name); len(rs) > 120 {
		ext := filepath.Ext(name)
		name = string(rs[:100]) + ext
	}
	if name == "" || name == "." || name == ".." {
		name = "上传文件.xlsx"
	}
	return name
}

// importFile hands the saved upload to importer.Import, the function `xxgk import` runs,
// with the holder's unit as the only one accepted, and records a refusal as the CLI does.
// The returned error is the database's or the disk's (503); the result's outcome says
// the rest, and Result.Unit another unit's file.
func (s *Server) importFile(ctx context.Context, round string, h *Holder, rc *received) (importer.Result, error) {
	var res importer.Result
	if strings.EqualFold(filepath.Ext(rc.name), ".zip") {
		// The importer would unpack a folder's worth; the portal takes one workbook a time.
		return importer.Result{Name: rc.name, Outcome: importer.Rejected, Problems: xxgk.Problems{{Severity: xxgk.Error, File: rc.name,
			Message: "网上报送每次上传一个 .xlsx 工作簿，请解压后上传本单位的报送表，不要上传 .zip 压缩包"}}}, nil
	}
	key, err := s.cfg.Store.TemplateKey(ctx)
	if err != nil {
		return res, err
	}
	opts := importer.Options{
		Rounds: importstore.Rounds(s.cfg.Store), Saver: importstore.Saver(s.cfg.Store),
		Now: s.cfg.Now, User: uploadedBy, Round: round, Unit: h.Unit.Code, Key: key,
		Workers: 1, BatchSize: 1,
	}
	got := false
	// Not cut off by a client that goes away: a file being stored is stored whole.
	_, err = importer.Import(context.WithoutCancel(ctx), opts, []string{rc.path}, func(r importer.Result) { res, got = r, true })
	if err != nil {
		return res, err
	}
	if !got {
		return res, errors.New("importer returned no result")
	}
	res.Name = rc.name
	if res.Outcome == importer.Failed {
		return res, res.Err
	}
	if res.Recorded() {
		if err := s.cfg.Store.SaveRejections(context.WithoutCancel(ctx), []xxgk.Rejection{res.Rejection(s.cfg.Now(), uploadedBy)}); err != nil {
			// The refusal is shown to the unit all the same; only the record is missing.
			s.cfg.Log.Printf("无法记录被退回的文件 %s：%v", rc.name, err)
		}
	}
	return res, nil
}

// otherUnit tells an upload of a file naming another unit than the holder's.
func otherUnit(h *Holder, res importer.Result) bool {
	return res.Unit.Code != "" && res.Unit.Code != h.Unit.Code
}
