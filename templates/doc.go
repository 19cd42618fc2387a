// Package templates writes the per-unit Excel workbooks that units fill in: a guide sheet,
// the form with that unit's indicators, and a very hidden sheet that tells the importer
// which round, unit and rows the file was made for. The workbook contract (sheet names,
// labels, header columns, meta encoding) lives in the root package's sheet.go; this
// package only lays it out so that people can fill and print it.
package templates
