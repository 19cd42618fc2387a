package exporter

import (
	"slices"
	"strings"
	"testing"
)

func TestDetailsOrderAndText(t *testing.T) {
	s, cat := fixtureSummary(t)
	rows := Details(s, cat)
	// 市财政局 18 rows, 市审计局 18, 汉滨区 8; missing units contribute nothing.
	if len(rows) != 44 {
		t.Fatalf("got %d rows, want 44", len(rows))
	}
	var units []string
	for _, r := range rows {
		if len(units) == 0 || units[len(units)-1] != r.Unit {
			units = append(units, r.Unit)
		}
	}
	if want := []string{"市财政局", "市审计局", "汉滨区"}; !slices.Equal(units, want) {
		t.Errorf("unit order %v, want catalog order %v", units, want)
	}
	// Rows in table order within a unit, although the fixture stores them reversed.
	if rows[0].Code != "T-01" || rows[17].Code != "T-18" || rows[36].Code != "T-13" {
		t.Errorf("row order: %s %s %s", rows[0].Code, rows[17].Code, rows[36].Code)
	}
	tests := []struct {
		row  int
		want []string
	}{
		{0, []string{"市财政局", "T-01", "领域1", "子项1", "已开设", "子项1专栏", "http://www.ankang.gov.cn/col/T-01",
			"2020-09-01", "10", "", "", "1", "张三", "0915-3201058", "2020-09-18 09:30", "", ""}},
		{4, []string{"市财政局", "T-05", "领域2", "", "未开设", "", "", "", "", "", "正在建设", "1", "张三", "0915-3201058", "2020-09-18 09:30", "", ""}},
		{18, []string{"市审计局", "T-01", "领域1", "子项1", "已开设", "=cmd|' /C calc'!A0", "http://www.ankang.gov.cn/col/T-01",
			"2020-09-01", "10", "-2+3", "+SUM(1,2)", "2", "张三", "0915-3201058", "2020-09-22 16:05", "", ""}},
	}
	for _, tt := range tests {
		if got := rows[tt.row].Record(); !slices.Equal(got, tt.want) {
			t.Errorf("row %d:\n got %q\nwant %q", tt.row, got, tt.want)
		}
	}
	if len(DetailColumns) != 17 || strings.Join(DetailColumns, ",") !=
		"单位,指标编码,一级指标,二级指标,是否开设栏目,栏目名称,栏目网址,最近更新日期,发布信息条数,报送内容,备注,版本,填报人,联系电话,导入时间,核查结果,核查时间" {
		t.Errorf("DetailColumns = %v", DetailColumns)
	}
}

func TestDetailsNilCatalogUsesSummary(t *testing.T) {
	s, cat := fixtureSummary(t)
	a, b := Details(s, cat), Details(s, nil)
	if !slices.EqualFunc(a, b, func(x, y Detail) bool { return slices.Equal(x.Record(), y.Record()) }) {
		t.Error("Details(s, nil) differs from Details(s, cat)")
	}
}
