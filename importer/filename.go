package importer

import (
	"path"
	"strings"

	"xxgk"
)

// checkFileName warns when the file name names another unit than the hidden sheet: a
// unit may have filled a colleague's template, or the office saved a file under the wrong
// name. The hidden sheet decides; the warning lets a person look.
func (rd *read) checkFileName(units *xxgk.Units, own xxgk.Unit) {
	base := baseName(rd.c.Name)
	base = xxgk.FoldName(strings.TrimSuffix(base, path.Ext(base)))
	if base == "" {
		return
	}
	longest := func(u xxgk.Unit) int {
		n := 0
		for _, name := range u.Names() {
			if name == u.Code { // codes are short ASCII and match by accident
				continue
			}
			k := xxgk.FoldName(name)
			if len([]rune(k)) >= 2 && strings.Contains(base, k) {
				n = max(n, len(k))
			}
		}
		return n
	}
	if longest(own) > 0 {
		return
	}
	var other xxgk.Unit
	best := 0
	for _, u := range units.All() {
		if u.Code == own.Code {
			continue
		}
		if n := longest(u); n > best {
			other, best = u, n
		}
	}
	if best > 0 {
		rd.warn("", "", baseName(rd.c.Name), "文件名指向“%s”，但模板属于“%s”（以模板隐藏信息为准，已按“%s”处理），请核对是否报送错了文件", other.Short, own.Short, own.Short)
	}
}
