// Package importer reads filled unit workbooks back, checks every cell against the
// round's catalog and the rules of the root package, and hands accepted submissions to a
// store in batches.
//
// Identification (round, unit, which indicator each row holds) comes only from the very
// hidden meta sheet and the 指标编码 column, never from file names or row positions,
// because units rename files, insert rows and move columns. Every problem names the file,
// the sheet, the cell, the value found and what is expected, in Chinese, so that a
// rejected workbook can be sent back as is.
package importer
