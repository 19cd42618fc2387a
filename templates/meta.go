package templates

import (
	"github.com/xuri/excelize/v2"

	"xxgk"
)

// meta writes the very hidden sheet the importer reads to know the round, the unit and
// which indicator each row holds. Every value is a text cell so that "2020" stays a
// string; very hidden sheets survive saves by Excel, WPS and LibreOffice, unlike
// document properties.
func (b *book) meta() error {
	m := xxgk.TemplateMeta{Format: xxgk.TemplateFormat, Round: b.round.ID, Unit: b.unit.Code}
	for _, ind := range b.inds {
		m.Codes = append(m.Codes, ind.Code)
	}
	if len(b.key) > 0 {
		m = m.Signed(b.key)
	}
	rows := m.Rows()
	width := 1
	for i, r := range rows {
		for j, v := range r {
			if err := b.f.SetCellStr(xxgk.SheetMeta, cell(j+1, i+1), v); err != nil {
				return err
			}
		}
		width = max(width, len(r))
	}
	if err := b.f.SetSheetDimension(xxgk.SheetMeta, "A1:"+cell(width, len(rows))); err != nil {
		return err
	}
	return b.f.SetSheetVisible(xxgk.SheetMeta, false, true)
}

// protect applies sheet protection without a password: it guides, it is not security.
// Selecting cells and resizing columns and rows stay allowed; inserting or deleting rows
// does not, because the importer relies on one row per indicator.
func (b *book) protect(sheet string) error {
	return b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
		FormatColumns:       true,
		FormatRows:          true,
	})
}
