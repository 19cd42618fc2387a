package xxgk

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sort"
	"strconv"
)

// ContentHash is a stable digest of what a submission says: its round, unit, contact and
// every item's checked, normalised values, in indicator-code order. Excel, WPS and
// LibreOffice rewrite every byte of a workbook they save, so the file's SHA-256 changes
// when nothing the unit wrote did; this hash does not, and it is what decides that a file
// is the same submission as a stored version. File names, import times and warnings are
// not part of it (warnings follow from the values and the day of import).
func (s *Submission) ContentHash() string {
	h := sha256.New()
	field := func(v string) {
		// Length-prefixed, so no two different lists of fields write the same bytes.
		io.WriteString(h, strconv.Itoa(len(v)))
		io.WriteString(h, ":")
		io.WriteString(h, v)
	}
	field("xxgk-content-v1")
	field(s.Round)
	field(s.Unit)
	field(s.Filler)
	field(s.Phone)
	items := append([]Item(nil), s.Items...)
	sort.SliceStable(items, func(i, j int) bool { return items[i].Code < items[j].Code })
	field(strconv.Itoa(len(items)))
	for _, it := range items {
		last, count := FormatDate(it.LastUpdate), ""
		if it.Count >= 0 {
			count = strconv.Itoa(it.Count)
		}
		for _, v := range []string{it.Code, string(it.Status), it.ColumnName, it.URL, last, count, it.Reported, it.Remark} {
			field(v)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
