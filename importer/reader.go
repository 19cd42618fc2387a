package importer

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"
	"time"

	"xxgk"
)

// Rounds gives a round and the catalog snapshot its templates were made from. It must
// return an error wrapping ErrNotFound for a round it does not know; any other error
// means the source itself failed (the database is down) and stops the import.
type Rounds interface {
	Round(ctx context.Context, id string) (xxgk.Round, *xxgk.Catalog, error)
}

// ErrNotFound is what a Rounds implementation wraps for an unknown round.
var ErrNotFound = errors.New("not found")

// Reader checks workbooks against the rounds it is given. It caches each round's catalog,
// so one Reader serves a whole batch; it is safe for concurrent use.
type Reader struct {
	Rounds Rounds
	Now    func() time.Time // the import time; later 最近更新日期 are errors. Default time.Now
	User   string           // recorded as ImportedBy
	Round  string           // when set, files of any other round are rejected
	Unit   string           // when set, files of any other unit are rejected (see Options.Unit)
	Limits Limits           // zero fields take DefaultLimits
	// Key checks the integrity code of each workbook's hidden sheet (see
	// xxgk.TemplateMeta.IntegrityCode). Without one nothing is checked: tests and tools
	// that read workbooks of no particular database.
	Key xxgk.TemplateKey

	mu     sync.Mutex
	rounds map[string]*roundInfo
}

// roundInfo is a cached round with the indicator lists its units must fill.
type roundInfo struct {
	round   xxgk.Round
	cat     *xxgk.Catalog
	missing bool // the round is unknown

	mu sync.Mutex
	// lists holds one indicator list per distinct assignment, keyed by the positions
	// of its indicators in the catalog: units of a kind share theirs, so memory does not
	// grow with the number of units (10,000 units' copies of a 60-row list were 100 MB).
	lists map[string][]xxgk.Indicator
}

// indicators returns the list u must fill, shared with every unit of the same
// assignment; callers must not modify it.
func (ri *roundInfo) indicators(u xxgk.Unit) []xxgk.Indicator {
	idx := ri.cat.Assigned(u)
	key := make([]byte, 0, 2*len(idx))
	for _, i := range idx {
		key = binary.AppendUvarint(key, uint64(i))
	}
	ri.mu.Lock()
	defer ri.mu.Unlock()
	if inds, ok := ri.lists[string(key)]; ok {
		return inds
	}
	if ri.lists == nil {
		ri.lists = map[string][]xxgk.Indicator{}
	}
	inds := make([]xxgk.Indicator, len(idx))
	for j, i := range idx {
		inds[j] = ri.cat.Indicators[i]
	}
	ri.lists[string(key)] = inds
	return inds
}

// Checked is what reading one workbook found.
type Checked struct {
	Name string // display name, as problems give it
	// Submission is set once the round and unit are identified. It may be stored only
	// when Accepted; its Warnings hold the accepted file's warnings.
	Submission *xxgk.Submission
	Unit       xxgk.Unit
	Counts     xxgk.Counts
	Problems   xxgk.Problems // errors and warnings, in sheet order
	// Readable tells that the bytes opened as a workbook, so an annotated copy can be made.
	Readable bool
	// Blank tells an unfilled template: no input cell holds anything. It is neither
	// accepted nor refused.
	Blank bool
	// SavedAt is when the workbook was last saved, as its document properties
	// (docProps/core.xml dcterms:modified) record it; zero when they do not.
	SavedAt time.Time
	// OtherDatabase is the round of a template made by another database than the
	// Reader's key belongs to (xxgk.TemplateMeta.FromOtherDatabase): not the unit's fault,
	// so neither accepted nor refused.
	OtherDatabase string
}

// Accepted tells whether the submission may be stored: identified, filled in and without
// errors.
func (c *Checked) Accepted() bool {
	return c.Submission != nil && !c.Blank && !c.Problems.HasErrors()
}

// Read checks one workbook given as bytes; name is how problems refer to it. The
// returned error is only for a failing Rounds source: every problem with the file itself
// is in Checked.Problems. Read never panics: an unexpected failure inside the spreadsheet
// library becomes an internal-error problem for this file alone.
func (r *Reader) Read(ctx context.Context, name string, data []byte) (c Checked, err error) {
	c = Checked{Name: name}
	defer func() {
		if v := recover(); v != nil {
			c = Checked{Name: name, Problems: xxgk.Problems{{
				Severity: xxgk.Error, File: name,
				Message: fmt.Sprintf("读取文件时发生内部错误（%v），请在 Excel 或 WPS 中重新保存后再试；若仍失败，请将此文件发给技术人员", v),
			}}}
			err = nil
		}
	}()
	rd := &read{r: r, lim: r.Limits.orDefault(), c: &c, data: data}
	err = rd.run(ctx)
	return c, err
}

// read is the state of one Read call.
type read struct {
	r    *Reader
	lim  Limits
	c    *Checked
	data []byte
	b    *book
	cat  *xxgk.Catalog
}

func (rd *read) fail(sheet, cell, value, msg string, args ...any) {
	rd.c.Problems = append(rd.c.Problems, xxgk.Problem{
		Severity: xxgk.Error, File: rd.c.Name, Sheet: sheet, Cell: cell, Value: value,
		Message: fmt.Sprintf(msg, args...),
	})
}

func (rd *read) warn(sheet, cell, value, msg string, args ...any) {
	rd.c.Problems = append(rd.c.Problems, xxgk.Problem{
		Severity: xxgk.Warning, File: rd.c.Name, Sheet: sheet, Cell: cell, Value: value,
		Message: fmt.Sprintf(msg, args...),
	})
}

func (rd *read) run(ctx context.Context) error {
	zr, msg := sniff(rd.c.Name, rd.data, rd.lim)
	if msg != "" {
		rd.fail("", "", "", "%s", msg)
		return nil
	}
	b, err := openBook(zr, rd.lim)
	if err != nil {
		rd.failCorrupt(err)
		return nil
	}
	rd.b = b
	rd.c.Readable = true
	rd.c.SavedAt = b.savedAt()

	meta, ok, err := rd.meta(ctx)
	if err != nil || !ok {
		return err
	}
	ri, err := rd.r.round(ctx, meta.Round)
	if err != nil {
		return err
	}
	if ri.missing {
		rd.fail(xxgk.SheetMeta, "", meta.Round, "数据库中没有轮次“%s”，无法导入。请确认该轮模板是由本系统生成的，或先创建该轮次", meta.Round)
		return nil
	}
	u, ok := ri.cat.Units.Lookup(meta.Unit)
	if !ok {
		rd.fail(xxgk.SheetMeta, "", meta.Unit, "模板中的单位编码不在轮次“%s”的单位名单中，无法确定填报单位，请使用下发给本单位的模板", meta.Round)
		return nil
	}
	if !rd.unsigned(meta, ri.round) {
		return nil
	}
	rd.c.Unit = u
	if rd.r.Unit != "" && u.Code != rd.r.Unit {
		rd.fail(xxgk.SheetMeta, "", "", "本文件是%s的报送表，不是本单位的。请上传本单位的报送表", u.Label())
		return nil
	}
	rd.cat = ri.cat
	if rd.c.SavedAt.Before(ri.round.Created) {
		// Saved before its template was made: the time is the spreadsheet library's
		// default (excelize writes 2006-09-16), kept by a script that filled the
		// template, and says nothing about when the unit saved it.
		rd.c.SavedAt = time.Time{}
	}
	now := time.Now
	if rd.r.Now != nil {
		now = rd.r.Now
	}
	sum := sha256.Sum256(rd.data)
	sub := &xxgk.Submission{
		Round:      ri.round.ID,
		Unit:       u.Code,
		FileName:   strings.ToValidUTF8(baseName(rd.c.Name), "\uFFFD"), // a name in no encoding cannot be stored as text
		FileSize:   int64(len(rd.data)),
		SHA256:     hex.EncodeToString(sum[:]),
		ImportedAt: now(),
		ImportedBy: rd.r.User,
	}
	rd.c.Submission = sub
	rd.checkFileName(ri.cat.Units, u)

	inds := ri.indicators(u)
	chk := xxgk.Checker{Round: ri.round, Today: sub.ImportedAt, Date1904: b.date1904}
	rd.form(chk, inds, sub)
	rd.c.Counts = xxgk.CountItems(len(inds), sub.Items)
	sub.Warnings = storable(rd.c.Problems.Only(xxgk.Warning))
	return nil
}

// storable makes the warnings stored with a submission valid text: a file or sheet name
// they repeat may be in no encoding, which MySQL would refuse and SQLite keep.
func storable(ps xxgk.Problems) xxgk.Problems {
	v := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	for i, p := range ps {
		ps[i] = xxgk.Problem{Severity: p.Severity, File: v(p.File), Sheet: v(p.Sheet), Cell: v(p.Cell), Code: v(p.Code),
			Field: v(p.Field), Value: v(p.Value), Message: v(p.Message)}
	}
	return ps
}

// failUnlinked refuses a workbook whose sheet name is listed without a part: the file
// was damaged or written by a broken program, and no part may be guessed for it.
func (rd *read) failUnlinked(name string) {
	rd.fail(name, "", "", "文件已损坏：工作簿中列有工作表“%s”，但找不到它的内容（xl/workbook.xml 中该表的关系编号为空或无效），无法读取。请在 Excel 或 WPS 中打开、另存为 .xlsx 后再报送；若无法打开，请使用下发的模板重新填写", name)
}

// meta reads the very hidden sheet; without it nothing identifies the file. The error
// is only for a failing Rounds source.
func (rd *read) meta(ctx context.Context) (xxgk.TemplateMeta, bool, error) {
	var m xxgk.TemplateMeta
	ref, ok := rd.b.sheet(xxgk.SheetMeta)
	if !ok && rd.b.isUnlinked(xxgk.SheetMeta) {
		rd.failUnlinked(xxgk.SheetMeta)
		return m, false, nil
	}
	if !ok {
		rd.fail("", "", "", "找不到模板的隐藏信息（工作表 %s），无法确定轮次和单位。请使用本轮下发的模板填报，不要把内容复制到新建的工作簿中", xxgk.SheetMeta)
		return m, false, nil
	}
	g, err := rd.b.grid(ref, rd.lim.MaxMetaCodes+10, 64)
	if err != nil && err != errTooWide {
		rd.failCorrupt(err)
		return m, false, nil
	}
	m, err = xxgk.ParseTemplateMeta(g.rows)
	if err != nil {
		rd.fail(xxgk.SheetMeta, "", "", "%v", err)
		return m, false, nil
	}
	if other, err := rd.otherDatabase(ctx, m); other || err != nil {
		return m, false, err
	}
	if !rd.intact(m) {
		return m, false, nil
	}
	if rd.r.Round != "" && m.Round != rd.r.Round {
		rd.fail(xxgk.SheetMeta, "", m.Round, "本文件属于轮次“%s”，本次导入只接收轮次“%s”", m.Round, rd.r.Round)
		return m, false, nil
	}
	return m, true, nil
}

// round returns the cached round, asking the source once per round ID.
func (r *Reader) round(ctx context.Context, id string) (*roundInfo, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ri, ok := r.rounds[id]; ok {
		return ri, nil
	}
	if r.Rounds == nil {
		return nil, errors.New("importer: Reader.Rounds is nil")
	}
	rnd, cat, err := r.Rounds.Round(ctx, id)
	ri := &roundInfo{round: rnd, cat: cat}
	switch {
	case errors.Is(err, ErrNotFound):
		ri.missing = true
	case err != nil:
		return nil, fmt.Errorf("读取轮次“%s”：%w", id, err)
	case cat == nil || cat.Units == nil:
		return nil, fmt.Errorf("读取轮次“%s”：没有指标表", id)
	}
	if r.rounds == nil {
		r.rounds = map[string]*roundInfo{}
	}
	r.rounds[id] = ri
	return ri, nil
}

// baseName is the last element of a display name, which may be a path or a zip entry.
func baseName(name string) string {
	return path.Base(strings.ReplaceAll(name, `\`, "/"))
}
