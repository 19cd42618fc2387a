package fonts

import (
	"errors"
	"fmt"
)

// ErrNoFont means no usable Chinese font was given or found. Its message tells the user
// how to get one; the command prints it as is and exits 2.
var ErrNoFont = errors.New("找不到可用的中文字体，无法生成 PDF。" +
	"Debian/Ubuntu 请执行 sudo apt-get install fonts-wqy-microhei（或 fonts-wqy-zenhei）；" +
	"Fedora/CentOS 请安装 wqy-microhei-fonts；" +
	"Windows 与 macOS 的系统中文字体（宋体、黑体、微软雅黑、华文黑体等）会被自动找到；" +
	"也可以用 --font 文件 或环境变量 XXGK_FONT 指定一个 .ttf 字体，或 .ttc 字体集合中的一个字体（如 simsun.ttc:0）")

// FontError says why one font file cannot be used.
type FontError struct {
	Path   string
	Index  int
	CFF    bool   // PostScript outlines: gofpdf embeds TrueType only
	Reason string // for other problems
}

func (e *FontError) Error() string {
	if e.CFF {
		return fmt.Sprintf("字体 %s 使用 CFF（PostScript）轮廓（常见于 .otf 字体，如思源黑体、Noto Sans CJK），"+
			"PDF 只能嵌入 TrueType 轮廓的字体。请改用 .ttf 字体（如 simhei.ttf、simfang.ttf），"+
			"或 .ttc 字体集合中的一个字体（如 simsun.ttc、msyh.ttc、wqy-microhei.ttc，可写作 文件:编号 选择第几个字体）", e.Path)
	}
	return fmt.Sprintf("字体 %s 无法使用：%s", e.Path, e.Reason)
}
