// Package exporter writes what the office takes away from a round: the flat export of every
// current row (CSV or .xlsx) and the consolidated Excel report.
//
// Everything here formats a xxgk.Summary; completion, lateness and ordering are decided in
// the root package and only rendered here, so the CLI, the Excel report and the PDF agree.
//
// Large sheets are written with excelize's StreamWriter. Each streamed sheet declares its
// final size before the first row (see sheetWriter), because the <dimension> element is
// emitted up front and streaming readers trust it (DESIGN §4).
package exporter
