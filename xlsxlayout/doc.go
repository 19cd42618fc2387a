// Package xlsxlayout holds what every workbook the tool writes needs to print and read
// well in Excel, WPS and LibreOffice alike: row heights for wrapped text (no spreadsheet
// program fits them when it opens a file, and LibreOffice prints wrapped text over the
// next row when a row has no height) and the document properties a reader sees in
// Excel's 属性 dialog or Explorer's tooltip.
package xlsxlayout
