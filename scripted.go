package xxgk

// ScriptedFinding is the sentence for a column whose list a script draws: what was seen,
// and that the check could not judge it. Units read it in their letter, so it names no
// command; the terminal tells the operator about --browser.
func ScriptedFinding(p Page) string {
	s := "栏目内容由脚本加载"
	if p.Scripted != "" {
		s += "（" + p.Scripted + "）"
	}
	if p.Rendered {
		return s + "，用浏览器打开后仍未能取得列表，无法判断是否空白、是否按时更新"
	}
	return s + "，未用浏览器打开核查，无法判断是否空白、是否按时更新"
}
