package xxgk

// The longest text a unit may type into each free-text field, in characters (Unicode
// code points, the unit MySQL's VARCHAR and Excel's text-length validation count in).
// This one table bounds the row checks (CheckRow, CheckContact), the templates' data
// validation and the store: the database columns are sized to hold at least this much
// (a store test checks it on both engines), so a row the checks accept can always be
// stored, on SQLite as on MySQL. Without a bound a 350,000-character 填报人 passed every
// check and then failed on MySQL alone, on every re-run.

// TextLimit is the bound of one free-text field.
type TextLimit struct {
	Field  string // the label the unit sees: a FormColumns entry, LabelFiller or LabelPhone
	Column int    // the form column (a Col constant), or -1 for the label cells above the table
	Table  string // where the store keeps the value
	SQL    string // the column there
	Max    int    // characters
}

// textLimits is the table. Sizes leave room for what units really write: a column name
// is a few words, an address rarely passes a few hundred characters, 报送内容 may list
// many documents with their numbers.
var textLimits = [...]TextLimit{
	{Field: FormColumns[ColName], Column: ColName, Table: "submission_items", SQL: "column_name", Max: 200},
	{Field: FormColumns[ColURL], Column: ColURL, Table: "submission_items", SQL: "url", Max: 2000},
	{Field: FormColumns[ColReported], Column: ColReported, Table: "submission_items", SQL: "reported", Max: 10000},
	{Field: FormColumns[ColRemark], Column: ColRemark, Table: "submission_items", SQL: "remark", Max: 2000},
	{Field: LabelFiller, Column: -1, Table: "submissions", SQL: "filler", Max: 50},
	{Field: LabelPhone, Column: -1, Table: "submissions", SQL: "phone", Max: 50},
}

// TextLimits returns the table, a copy, in a fixed order.
func TextLimits() []TextLimit { return append([]TextLimit(nil), textLimits[:]...) }

// MaxTextLen is the limit of a field named by its label, or 0 when the field is not free
// text (its value is parsed instead: a status, a date, a count).
func MaxTextLen(field string) int {
	for _, l := range textLimits {
		if l.Field == field {
			return l.Max
		}
	}
	return 0
}

// MaxSheetName bounds a sheet name the importer repeats in what it stores and prints.
// Excel allows 31 characters; LibreOffice more, so the margin is wide.
const MaxSheetName = 100
