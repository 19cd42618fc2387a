package importer

// Limits bound what one workbook may cost to read. A real filled template is 20–100 KB
// and unzips to well under 1 MB; the limits leave a wide margin while keeping a zip bomb
// or a sheet with a million rows from exhausting memory when many files are read at once.
type Limits struct {
	MaxFileSize  int64 // bytes of the .xlsx itself
	MaxUnzipped  int64 // total uncompressed bytes of all its parts
	MaxPart      int64 // uncompressed bytes of any one part (a worksheet, shared strings)
	MaxParts     int   // number of parts in the package
	MaxRows      int   // rows of 填报表 read; content below is an error
	MaxCols      int   // columns of 填报表 read
	MaxMetaCodes int   // indicator codes listed in the meta sheet
}

// DefaultLimits suit the templates this tool writes.
func DefaultLimits() Limits {
	return Limits{
		MaxFileSize:  20 << 20,
		MaxUnzipped:  100 << 20,
		MaxPart:      50 << 20,
		MaxParts:     2000,
		MaxRows:      5000,
		MaxCols:      100,
		MaxMetaCodes: 5000,
	}
}

func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = d.MaxFileSize
	}
	if l.MaxUnzipped <= 0 {
		l.MaxUnzipped = d.MaxUnzipped
	}
	if l.MaxPart <= 0 {
		l.MaxPart = d.MaxPart
	}
	if l.MaxPart > l.MaxUnzipped {
		l.MaxPart = l.MaxUnzipped
	}
	if l.MaxParts <= 0 {
		l.MaxParts = d.MaxParts
	}
	if l.MaxRows <= 0 {
		l.MaxRows = d.MaxRows
	}
	if l.MaxCols <= 0 {
		l.MaxCols = d.MaxCols
	}
	if l.MaxMetaCodes <= 0 {
		l.MaxMetaCodes = d.MaxMetaCodes
	}
	return l
}
