package importer

import (
	"xxgk"
)

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
