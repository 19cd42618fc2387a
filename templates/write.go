package templates

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/xlsxlayout"
)

// ErrNoIndicators means the unit has nothing to build in this catalog, so no workbook is
// written for it.
var ErrNoIndicators = errors.New("该单位没有需要建设的指标")

// Write writes the unit's workbook for round r to w. cat.For(u) gives its indicators in
// table order.
func Write(w io.Writer, r xxgk.Round, cat *xxgk.Catalog, u xxgk.Unit) error {
	return NewWriter().Write(w, r, cat, u)
}

// Writer writes workbooks and keeps compressors between them: compressing is half the
// cost of a workbook, and a compressor is large to allocate. A Writer is safe for
// concurrent use; the zero value is not, use NewWriter.
type Writer struct {
	deflaters *sync.Pool
	// Now, when set, is the clock for the workbooks' creation time (document
	// properties); default time.Now.
	Now func() time.Time
	// Key signs each workbook's hidden sheet with an integrity code (the database's
	// template key, see xxgk.TemplateMeta.IntegrityCode). Without one the workbook
	// carries no code and imports with a warning. Set it before the first Write.
	Key []byte
	// Issuer, when set, names the workbook's maker instead of the round's contact
	// office: `feedback` sends a template beside a letter signed by the round's
	// remembered issuer. The 填报说明 still names the contact office to send it to.
	Issuer string
	// PortalURL, when set, is the intake portal's address (xxgk.Notice.PortalLink): the
	// 填报说明 tells the unit it may also upload the workbook there with its access code.
	PortalURL string
}

// NewWriter returns a Writer for any number of workbooks.
func NewWriter() *Writer {
	return &Writer{deflaters: &sync.Pool{}}
}

// Write writes the unit's workbook for round r to out, as the package-level Write does.
func (w *Writer) Write(out io.Writer, r xxgk.Round, cat *xxgk.Catalog, u xxgk.Unit) error {
	if cat == nil {
		return errors.New("templates: nil catalog")
	}
	if u.Code == "" || r.ID == "" {
		return fmt.Errorf("templates: unit code and round ID are required (unit %q, round %q)", u.Code, r.ID)
	}
	inds := cat.For(u)
	if len(inds) == 0 {
		return fmt.Errorf("%s：%w", u.Short, ErrNoIndicators)
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(w.zipWriter)
	now := time.Now
	if w.Now != nil {
		now = w.Now
	}
	b := &book{f: f, round: r, unit: u, inds: inds, now: now(), key: w.Key, issuer: w.Issuer, portal: w.PortalURL}
	if err := b.build(); err != nil {
		return fmt.Errorf("生成 %s 的模板：%w", u.Short, err)
	}
	if _, err := f.WriteTo(out); err != nil {
		return fmt.Errorf("写出 %s 的模板：%w", u.Short, err)
	}
	return nil
}

// zipWriter deflates at the fastest level, reusing the Writer's compressors; the few
// extra kilobytes do not matter for an e-mail attachment.
func (w *Writer) zipWriter(out io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, func(dst io.Writer) (io.WriteCloser, error) {
		if fw, ok := w.deflaters.Get().(*flate.Writer); ok {
			fw.Reset(dst)
			return &pooled{fw: fw, pool: w.deflaters}, nil
		}
		fw, err := flate.NewWriter(dst, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		return &pooled{fw: fw, pool: w.deflaters}, nil
	})
	return zw
}

// pooled returns its compressor to the pool when the zip entry is closed.
type pooled struct {
	fw   *flate.Writer
	pool *sync.Pool
}

func (p *pooled) Write(b []byte) (int, error) { return p.fw.Write(b) }

func (p *pooled) Close() error {
	err := p.fw.Close()
	p.pool.Put(p.fw)
	p.fw = nil
	return err
}

// FileName is the workbook's file name, carrying the round and the unit's name, e.g.
// "2020_市财政局_信息公开栏目建设情况填报表.xlsx"; safe on Windows.
func FileName(r xxgk.Round, u xxgk.Unit) string {
	return xxgk.SafeFileName(r.ID) + "_" + xxgk.SafeFileName(u.Label()) + "_信息公开栏目建设情况填报表.xlsx"
}

// book is one workbook being built.
type book struct {
	f     *excelize.File
	st    *styles
	round xxgk.Round
	unit  xxgk.Unit
	inds  []xxgk.Indicator
	now   time.Time // when the workbook is written
	key   []byte    // signs the meta sheet when set
	// issuer names the maker in the document properties; empty: the contact office
	issuer string
	portal string // the portal's address for 填报说明; empty: none
}

func (b *book) build() error {
	if err := b.f.SetDefaultFont(faceBody); err != nil {
		return err
	}
	st, err := newStyles(b.f)
	if err != nil {
		return err
	}
	b.st = st
	// Sheet order is the contract's: guide first (active on open), then the form, then
	// the very hidden meta sheet.
	if err := b.f.SetSheetName(b.f.GetSheetName(0), xxgk.SheetGuide); err != nil {
		return err
	}
	for _, name := range []string{xxgk.SheetForm, xxgk.SheetMeta} {
		if _, err := b.f.NewSheet(name); err != nil {
			return err
		}
	}
	for _, step := range []func() error{b.guide, b.form, b.meta} {
		if err := step(); err != nil {
			return err
		}
	}
	b.f.SetActiveSheet(0)
	if err := b.props(); err != nil {
		return err
	}
	// Locking the structure keeps sheets from being renamed, deleted or unhidden by
	// accident; without a password it only guides.
	return b.f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true})
}

// cell names a cell by 1-based column and row.
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// colName names a 1-based column.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// footerText escapes & for header/footer codes.
func footerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

func itoa(i int) string { return strconv.Itoa(i) }

// props names the issuing office as the workbook's maker (Excel's 属性, Explorer's
// tooltip), the unit and form as its title and the round as its subject.
func (b *book) props() error {
	return xlsxlayout.Set(b.f, xlsxlayout.Props{
		Creator: xxgk.Notice{Issuer: b.issuer}.IssuerFor(b.round), Title: b.unit.Short + " " + b.round.TitleOrDefault() + "填报表", Subject: b.round.YearLabel(), Created: b.now, Now: b.now,
	})
}
