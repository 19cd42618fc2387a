package pdf

import (
	"fmt"
	"strings"

	"xxgk"
)

// returned is 经审核需修改后重报 in 存在的主要问题: the units whose current version the
// office returned for changes (xxgk review --return), each with the office's comment.
// The 通报 names units and comments only; access codes never appear in it.
func (d *doc) returned(units []xxgk.UnitSummary) {
	d.para(fmt.Sprintf("经审核，以下%d个单位报送的内容需修改后重新报送：", len(units)))
	texts := make([]string, len(units))
	for i, u := range units {
		rv := u.ReturnedReview()
		texts[i] = u.Unit.Short + "：" + strings.TrimRight(rv.Comment, "。.") + "。"
	}
	d.numbered(texts)
}
