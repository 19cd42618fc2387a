// Package catalog loads the indicator table and the unit list, from the built-in 2020 seeds
// or from a user's .xlsx/.csv, and reports every row it cannot understand.
//
// Indicator table columns (header names, English or Chinese, in any order; others ignored):
//
//	code      编码 / 指标编码            required
//	area      一级指标                   required (blank = merged cell, continues the row above)
//	sub_area  二级指标                   blank = continues the row above within the same 一级指标
//	content   信息公开内容               required
//	report    需报送信息                 blank = nothing to report
//	units     建设单位                   required (blank = continues the row above within the same 一级指标)
//	frequency 频次 / 公开频次
//	display   展现形式                   专题 where the table says 以专题形式展现
//
// Unit list columns: code 编码/单位编码 (required, unique), name 全称/单位全称, short
// 简称/单位名称, kind 类型 (department/部门 or county/县区, required), aliases 别名 (separated
// by | or 、). The file needs a short-name or a full-name column. Where it has a short-name
// column, every row must fill it: the short name is printed on every template and table,
// so a blank one is reported rather than silently replaced by the full name. Only a file
// without that column uses its full names as short names. A blank full name takes the
// short name. Codes and names (short, full, aliases) must be unique across the list.
//
// A title or 附件： line above the header is skipped: the header is the first row naming at
// least two known columns. Row numbers in messages are the rows Excel shows.
package catalog

import (
	"xxgk"
	"xxgk/seeds"
)

// Load reads the catalog. Empty paths mean the built-in seeds. A table with any problem
// is refused as a whole; the error is a *LoadError listing every problem. A file that
// cannot be read at all gives a plain error naming it.
func Load(indicatorsPath, unitsPath string) (*xxgk.Catalog, error) {
	irows, iname, err := rowsOf(indicatorsPath, indicatorTable, seeds.Indicators, seeds.IndicatorsFile)
	if err != nil {
		return nil, err
	}
	urows, uname, err := rowsOf(unitsPath, unitTable, seeds.Units, seeds.UnitsFile)
	if err != nil {
		return nil, err
	}
	return Parse(irows, urows, iname, uname)
}

// Parse builds a catalog from rows already read (header row first, as in the files);
// the names are used in problem messages. Tests and other readers feed rows directly.
func Parse(indicatorRows, unitRows [][]string, indicatorsName, unitsName string) (*xxgk.Catalog, error) {
	us, probs, refused := parseUnits(unitRows, unitsName)
	inds, iprobs := parseIndicators(indicatorRows, indicatorsName, us, refused)
	probs = append(probs, iprobs...)
	if len(probs) > 0 {
		return nil, &LoadError{Problems: probs}
	}
	return &xxgk.Catalog{Indicators: inds, Units: us, Scope: xxgk.DefaultCountyScope}, nil
}

// rowsOf reads a user's file, or the embedded seed when path is empty.
func rowsOf(path, what string, seed func() []byte, seedName string) ([][]string, string, error) {
	if path == "" {
		rows, err := parseCSV(seed())
		if err != nil { // the seeds are tested; this would be a broken build
			return nil, "", err
		}
		return rows, seedName, nil
	}
	rows, err := ReadRows(path, what)
	if err != nil {
		return nil, "", err
	}
	return rows, baseName(path), nil
}
