package store

import (
	"errors"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/go-sql-driver/mysql"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"xxgk"
)

// DataError is a submission the store refused because of what it holds (a value too long
// or not valid text for its column), not because the database is unreachable. Storing
// it again would fail again: the importer refuses such a file like one with cell errors
// (annotated copy, recorded refusal) instead of saying "重新运行即可".
type DataError struct {
	Field string // the label the unit sees (填报人, 栏目名称…), "" when unknown
	Err   error
}

func (e *DataError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("数据库拒绝保存“%s”的内容：%v", e.Field, e.Err)
	}
	return fmt.Sprintf("数据库拒绝保存本文件的内容：%v", e.Err)
}

func (e *DataError) Unwrap() error { return e.Err }

// RefusedField names the field the database refused; it marks the error for the
// importer, which knows no store types.
func (e *DataError) RefusedField() string { return e.Field }

// mysqlDataErrors are the server errors a value causes: 1048 NULL in a NOT NULL column,
// 1153 packet over max_allowed_packet, 1264 out of range, 1265 truncated, 1292 and 1366
// incorrect value, 1300 invalid character string, 1367 illegal value, 1406 too long,
// 3819 (MySQL) and 4025 (MariaDB) CHECK constraint failed.
var mysqlDataErrors = map[uint16]bool{1048: true, 1153: true, 1264: true, 1265: true, 1292: true,
	1300: true, 1366: true, 1367: true, 1406: true, 3819: true, 4025: true}

// mysqlColumn finds the column a message names: MySQL's "… for column 'filler' at row 1"
// or MariaDB's "… for column `db`.`submissions`.`filler` at row 1"; the last name counts.
var mysqlColumn = regexp.MustCompile("column ['`]?(?:[^'` ]+['`]?\\.['`]?)*([^'`. ]+)['`]?")

// asDataError classifies err; it returns nil when err is not caused by the data.
func asDataError(err error) *DataError {
	var de *DataError
	if errors.As(err, &de) {
		return de
	}
	var me *mysql.MySQLError
	if errors.As(err, &me) && mysqlDataErrors[me.Number] {
		field := ""
		if m := mysqlColumn.FindStringSubmatch(me.Message); m != nil {
			field = fieldOf(m[1])
		}
		return &DataError{Field: field, Err: err}
	}
	if errors.Is(err, mysql.ErrPktTooLarge) {
		return &DataError{Err: err}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_TOOBIG, sqlite3.SQLITE_MISMATCH, sqlite3.SQLITE_CONSTRAINT_CHECK,
			sqlite3.SQLITE_CONSTRAINT_NOTNULL, sqlite3.SQLITE_CONSTRAINT_DATATYPE:
			return &DataError{Err: err}
		}
	}
	return nil
}

// fieldOf names a submission column by the label the unit sees.
func fieldOf(column string) string {
	for _, l := range xxgk.TextLimits() {
		if l.SQL == column {
			return l.Field
		}
	}
	return ""
}

// checkText applies xxgk's text limits to what a submission would store, so that SQLite
// refuses what MySQL's columns would: the two engines never disagree on a file. The
// importer's checks refuse such text first, cell by cell; this is the store's own guard.
func checkText(sub *xxgk.Submission) error {
	check := func(field, v string) error {
		max := xxgk.MaxTextLen(field)
		switch {
		case !utf8.ValidString(v):
			return &DataError{Field: field, Err: errors.New("不是有效的 UTF-8 文本")}
		case max > 0 && utf8.RuneCountInString(v) > max:
			return &DataError{Field: field, Err: fmt.Errorf("%d 个字符，最多 %d 个", utf8.RuneCountInString(v), max)}
		}
		return nil
	}
	if !utf8.ValidString(sub.FileName + sub.ImportedBy) {
		return &DataError{Err: errors.New("文件名或导入人不是有效的 UTF-8 文本")}
	}
	if err := check(xxgk.LabelFiller, sub.Filler); err != nil {
		return err
	}
	if err := check(xxgk.LabelPhone, sub.Phone); err != nil {
		return err
	}
	for _, p := range sub.Warnings {
		if !utf8.ValidString(p.Sheet+p.Cell+p.Code+p.Field+p.Value+p.Message) || utf8.RuneCountInString(p.Sheet) > xxgk.MaxSheetName {
			return &DataError{Field: p.Field, Err: errors.New("警告信息中含有无效文本")}
		}
	}
	for _, it := range sub.Items {
		for _, f := range [...]struct {
			col int
			v   string
		}{{xxgk.ColName, it.ColumnName}, {xxgk.ColURL, it.URL}, {xxgk.ColReported, it.Reported}, {xxgk.ColRemark, it.Remark}} {
			if err := check(xxgk.FormColumns[f.col], f.v); err != nil {
				return err
			}
		}
	}
	return nil
}
