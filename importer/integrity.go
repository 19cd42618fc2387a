package importer

import (
	"context"

	"xxgk"
)

// otherDatabase turns away a workbook whose template another database made (see
// xxgk.TemplateMeta.FromOtherDatabase) before its code is checked: under this
// database's secret the code of such a file cannot match, and saying 被改动 would blame
// the unit for the operator's --db. The problem is an error, so nothing is stored; the
// batch reports it as OtherDatabase, not as a refusal.
func (rd *read) otherDatabase(ctx context.Context, m xxgk.TemplateMeta) (bool, error) {
	var ri *roundInfo
	var err error
	known := func() bool {
		if ri == nil && err == nil {
			ri, err = rd.r.round(ctx, m.Round)
		}
		return err == nil && !ri.missing
	}
	other := m.FromOtherDatabase(rd.r.Key, known)
	if err != nil {
		return false, err
	}
	if other {
		rd.c.OtherDatabase = m.Round
		rd.fail("", "", "", "%s", xxgk.OtherDatabase(m.Round, known()))
	}
	return other, err
}

// intact refuses a workbook whose hidden sheet no longer matches its integrity code: a
// unit edited it to claim another unit, round or set of indicators. It runs before the
// round and unit are looked up, so a forged round is reported as forged, not as unknown.
func (rd *read) intact(m xxgk.TemplateMeta) bool {
	if len(rd.r.Key.Secret) == 0 || m.Unsigned() || m.Intact(rd.r.Key.Secret) {
		return true
	}
	rd.fail("", "", "", "%s", xxgk.MetaTampered)
	return false
}

// unsigned handles a hidden sheet without a code. Templates written before codes existed
// still import, with a warning; but every template of a round recorded after the key was
// written with a code, so there a missing code was removed, and the file is refused.
func (rd *read) unsigned(m xxgk.TemplateMeta, r xxgk.Round) bool {
	k := rd.r.Key
	if len(k.Secret) == 0 || !m.Unsigned() {
		return true
	}
	if !k.AllowsUnsigned(r.ID) {
		rd.fail("", "", "", "%s", xxgk.MetaTampered)
		return false
	}
	rd.warn("", "", "", "此模板由旧版本程序生成，没有防篡改校验码，无法确认隐藏信息未被改动；以后请使用新生成的模板")
	return true
}
