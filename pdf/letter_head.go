package pdf

import (
	"xxgk"
)

// letterHead sets what a unit's letter opens with, as a 公文 does: the office's 版头 (the
// letter has no 发文字号 of its own), the title, the unit as 主送 and a first paragraph
// naming the round's 通报 with its 发文字号, which the letter follows up.
func (l letter) letterHead(title string) {
	d := l.d
	d.redHead(l.opt.Office, "")
	d.title(title)
	name := l.u.Unit.Name
	if name == "" {
		name = l.u.Unit.Label()
	}
	d.flush(name + "：")
	d.para(l.reference())
}

// reference is the letter's first sentence: 根据《…的通报》（安电政办字〔2020〕6号），….
func (l letter) reference() string {
	ref := "根据《" + reportTitle(l.s.Round) + "》"
	if n := l.opt.Notice.DocNumber; n != "" {
		ref += "（" + n + "）"
	}
	if l.u.State == xxgk.Missing {
		return ref + "，现将你单位补报有关事项通知如下："
	}
	return ref + "，现将你单位报送情况反馈如下："
}
