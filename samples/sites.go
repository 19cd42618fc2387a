package samples

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// countySites are the portals of Ankang's counties and districts; city departments publish
// under the city portal.
var countySites = map[string]string{
	"汉滨区": "www.hanbin.gov.cn",
	"汉阴县": "www.hanyin.gov.cn",
	"石泉县": "www.shiquan.gov.cn",
	"宁陕县": "www.ningshan.gov.cn",
	"紫阳县": "www.zyx.gov.cn",
	"岚皋县": "www.langao.gov.cn",
	"平利县": "www.pingli.gov.cn",
	"镇坪县": "www.zhenping.gov.cn",
	"旬阳县": "www.xunyang.gov.cn",
	"白河县": "www.baihe.gov.cn",
}

// site is the host a unit's columns live under.
func site(unit string) string {
	for name, host := range countySites {
		if strings.Contains(unit, name) {
			return host
		}
	}
	return "www.ankang.gov.cn"
}

// columnURL is a plausible column address: http://www.ankang.gov.cn/Node-12345.html on the
// city portal, a path under the county portal otherwise.
func columnURL(host, code string, rnd *rand.Rand) string {
	if host == "www.ankang.gov.cn" {
		return fmt.Sprintf("http://%s/Node-%d.html", host, 10000+rnd.IntN(90000))
	}
	return fmt.Sprintf("http://%s/xxgk/%s/index.html", host, strings.ToLower(strings.ReplaceAll(code, "-", "")))
}

var surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
var given = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华", "小红"}

func personName(rnd *rand.Rand) string {
	return string(surnames[rnd.IntN(len(surnames))]) + given[rnd.IntN(len(given))]
}

func phone(rnd *rand.Rand) string {
	if rnd.IntN(3) == 0 {
		return fmt.Sprintf("13%d%08d", rnd.IntN(10), rnd.IntN(100000000))
	}
	return fmt.Sprintf("0915-%07d", 3200000+rnd.IntN(100000))
}

var notOpenedReasons = []string{
	"本单位暂无该类信息，栏目正在建设中，拟于10月底前开设",
	"相关信息在市政府门户网站统一发布，本单位网站未单独开设",
	"网站改版中，栏目已规划，待上线后补报",
}

var notApplicableReasons = []string{
	"本单位无此项职能",
	"该事项由市级主管部门统一公开，本单位不涉及",
}

// columnName derives a column title from the row's description, as a webmaster would.
func columnName(sub, area string, rnd *rand.Rand) string {
	base := sub
	if base == "" || strings.Contains(base, "专题") {
		base = area
	}
	suffix := []string{"", "公开", "专栏", "信息"}[rnd.IntN(4)]
	if strings.HasSuffix(base, suffix) {
		suffix = ""
	}
	return base + suffix
}
