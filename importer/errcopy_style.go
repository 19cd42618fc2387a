package importer

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// cleanColors makes a style read back with GetStyle safe to pass to NewStyle. excelize
// returns colours as the file spells them and writes them back with "FF" in front: an
// automatic border colour (LibreOffice) comes back empty and is written rgb="FF", an
// aRGB colour (openpyxl writes 00000000) becomes rgb="FF00000000". Excel shrugs, but
// openpyxl refuses such a file, so every colour is brought to six hex digits, and an
// unusable one is dropped (black for a border line, which must name a colour).
func cleanColors(st *excelize.Style) {
	if st.Font != nil {
		st.Font.Color = rgb6(st.Font.Color)
	}
	for i := range st.Border {
		if c := rgb6(st.Border[i].Color); c != "" {
			st.Border[i].Color = c
		} else {
			st.Border[i].Color = "000000"
		}
	}
	colors := st.Fill.Color[:0]
	for _, c := range st.Fill.Color {
		if c = rgb6(c); c != "" {
			colors = append(colors, c)
		}
	}
	st.Fill.Color = colors
}

// rgb6 is colour c as six hex digits (the alpha of an aRGB value dropped), or "" when c
// is not a colour.
func rgb6(c string) string {
	c = strings.TrimPrefix(strings.TrimSpace(c), "#")
	if len(c) == 8 {
		c = c[2:]
	}
	if len(c) != 6 {
		return ""
	}
	for _, r := range c {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return ""
		}
	}
	return strings.ToUpper(c)
}
