package samples

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"time"
)

// shellHTML is a column page as 信息公开 platforms send it: the frame and an empty list
// that a script fills from a JSON address. Read without a browser it has no entries.
func shellHTML(title, host, dataPath string) string {
	t := html.EscapeString(title)
	return fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s - %s</title></head><body>`+
		`<div class="position">当前位置：首页 &gt; 信息公开 &gt; %s</div>`+
		`<ul id="infoList" class="list"></ul><div id="pager" class="pagination"></div>`+
		`<noscript>请开启浏览器的 JavaScript 功能以浏览本栏目</noscript>`+
		`<script>var x = new XMLHttpRequest(); x.open('GET', %q);`+
		`x.onload = function () { var ul = document.getElementById('infoList');`+
		` JSON.parse(x.responseText).list.forEach(function (e) { var li = document.createElement('li');`+
		` li.innerHTML = '<a href="' + e.url + '">' + e.title + '</a><span>' + e.date + '</span>'; ul.appendChild(li); }); };`+
		`x.send();</script>`+
		`<div class="footer">主办：安康市人民政府办公室</div></body></html>`, t, host, t, dataPath)
}

// listJSON is the data shellHTML's script fetches.
func listJSON(title string, dates []time.Time) []byte {
	type entry struct {
		Title string `json:"title"`
		URL   string `json:"url"`
		Date  string `json:"date"`
	}
	out := struct {
		List []entry `json:"list"`
	}{List: []entry{}}
	for i, d := range dates {
		out.List = append(out.List, entry{fmt.Sprintf("关于做好%s第%d期工作的通知", title, len(dates)-i), fmt.Sprintf("./%d.html", i), d.Format("2006-01-02")})
	}
	b, _ := json.Marshal(out) // strings and a slice: cannot fail
	return b
}

// articleHTML is one article (详情页) of the column: a unit reported its address instead of
// the column's. One title, a publication line, a body, and no list of dated links.
func articleHTML(column, host string, published time.Time) string {
	c := html.EscapeString(column)
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于公开%s有关情况的说明 - %s</title></head><body>`, c, host)
	fmt.Fprintf(&b, `<div class="position">当前位置：首页 &gt; 信息公开 &gt; %s &gt; 正文</div>`, c)
	fmt.Fprintf(&b, `<div class="article"><h1>关于公开%s有关情况的说明</h1>`, c)
	fmt.Fprintf(&b, `<div class="info">发布时间：%s　来源：安康市人民政府办公室　浏览次数：128</div><div class="content">`, published.Format("2006-01-02 15:04"))
	for _, p := range []string{
		"根据《中华人民共和国政府信息公开条例》和省、市关于做好重点领域信息公开工作的要求，现将有关情况说明如下。",
		"一、公开范围。本栏目公开本单位依法应当主动公开的" + c + "相关信息，包括政策文件、工作动态和办理结果。",
		"二、公开方式。相关信息通过本网站及时发布，公众也可通过政务服务大厅查阅。",
		"三、监督方式。对公开工作有意见建议的，可拨打监督电话0915-3212345。",
	} {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString(`</div><div class="share">分享到：</div></div><div class="footer">主办：安康市人民政府办公室</div></body></html>`)
	return b.String()
}
