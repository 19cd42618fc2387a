package xxgk

import (
	"fmt"
	"strings"
)

// ListNames joins names with 、 for papers: all of them when there are at most max,
// else the first max followed by the exact total ("…、白河县等36个单位"), so that a list
// says exactly how many it stands for and never ends in a stray 、.
func ListNames(names []string, max int) string {
	if len(names) <= max || max <= 0 {
		return strings.Join(names, "、")
	}
	return strings.Join(names[:max], "、") + fmt.Sprintf("等%d个单位", len(names))
}
