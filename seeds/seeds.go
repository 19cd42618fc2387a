// Package seeds holds the 2020 indicator table of the Ankang notice (安电政办字〔2020〕5号)
// and the unit list it names, as UTF-8 CSV embedded in the binary, so that xxgk works on a
// fresh machine with no files around. The catalog package parses them; a user's .xlsx or
// .csv in the same shape replaces them for later years.
//
// indicators2020.csv has one row per content item of the table; its units column is the
// raw 建设单位 text after a merged (blank) cell has inherited the text above it within the
// same 一级指标. Resolving that text to units is the loader's job, not the data's.
package seeds

import _ "embed"

// File names of the embedded seeds, used in messages that point at a row.
const (
	IndicatorsFile = "indicators2020.csv"
	UnitsFile      = "units.csv"
)

//go:embed indicators2020.csv
var indicators []byte

//go:embed units.csv
var units []byte

// Indicators returns the 2020 indicator table as UTF-8 CSV with an English header row:
// code, area, sub_area, content, report, units, frequency, display.
func Indicators() []byte { return append([]byte(nil), indicators...) }

// Units returns the unit list as UTF-8 CSV with an English header row:
// code, name, short, kind, aliases (aliases separated by |).
func Units() []byte { return append([]byte(nil), units...) }
