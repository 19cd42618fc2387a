package samples

import "testing"

// TestReportSummary: sample 报送内容 are whole phrases, never cut mid-list.
func TestReportSummary(t *testing.T) {
	for req, want := range map[string]string{
		"建筑企业施工资质审批意见公示，申报要求、申报材料清单":                 "建筑企业施工资质审批意见公示等信息",
		"合同订立及备案情况、招标投标违法行为处罚信息":                     "合同订立及备案情况、招标投标违法行为处罚信息",
		"大气污染防治、重点流域污染防治、黑臭水体治理、土壤污染治理修复以及固体废物整治等信息": "大气污染防治、重点流域污染防治、黑臭水体治理等信息",
		"此类公开信息报送": "本栏目公开的信息",
	} {
		if got := reportSummary(req); got != want {
			t.Errorf("reportSummary(%q) = %q, want %q", req, got, want)
		}
	}
}
