package catalog

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"xxgk/internal/oserr"
)

// ReadRows reads the first sheet of an .xlsx/.xlsm file, or a .csv file, as rows of cells.
// CSV may be UTF-8 (with or without BOM) or GB18030/GBK, which is what Excel on Chinese
// Windows writes for "CSV (逗号分隔)". what names the table in the error (指标表, 单位名单).
func ReadRows(path, what string) ([][]string, error) {
	name := filepath.Base(path)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx", ".xlsm":
		rows, err := readXLSX(path)
		if err != nil {
			return nil, fmt.Errorf("无法读取%s文件 %s：%s", what, path, describe(err, true))
		}
		return rows, nil
	case ".csv", ".txt":
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("无法读取%s文件 %s：%s", what, path, describe(err, false))
		}
		rows, err := parseCSV(data)
		if err != nil {
			return nil, fmt.Errorf("无法读取%s文件 %s：%v", what, path, err)
		}
		return rows, nil
	case ".xls", ".et", ".wps", ".ods":
		return nil, fmt.Errorf("无法读取%s文件 %s：不支持 %s 格式，请在 Excel 或 WPS 中另存为 .xlsx 或 .csv", what, name, ext)
	default:
		return nil, fmt.Errorf("无法读取%s文件 %s：只支持 .xlsx 和 .csv 文件", what, path)
	}
}

// describe says in Chinese why a file could not be opened, keeping the system's words
// for anything unexpected.
func describe(err error, xlsx bool) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "文件不存在"
	}
	if xlsx && errors.Is(err, zip.ErrFormat) {
		return "不是有效的 .xlsx 文件（可能已损坏，或是改了扩展名的 .xls/.et 文件）"
	}
	if r := oserr.Reason(err); r != "" {
		return r
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "读取失败：" + oserr.Describe(err)
	}
	return err.Error()
}

func readXLSX(path string) ([][]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("工作簿中没有工作表")
	}
	return f.GetRows(sheets[0])
}

// parseCSV decodes the bytes and splits records. A header row with more tabs than commas
// is read as tab-separated, which is what "Unicode 文本" exports and pasted tables look like.
func parseCSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("文件既不是 UTF-8 也不是 GB18030 编码：%v", err)
		}
		data = dec
	}
	r := csv.NewReader(bytes.NewReader(data))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return readRecords(r)
}

// readRecords keeps blank lines as empty rows: encoding/csv skips them, but Excel shows them
// as rows, and the row numbers in our messages must match what the office sees.
func readRecords(r *csv.Reader) ([][]string, error) {
	var rows [][]string
	lastLine := 0 // line on which the previous record ended
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("CSV 格式错误：%v", err)
		}
		start, _ := r.FieldPos(0)
		for range start - lastLine - 1 {
			rows = append(rows, nil)
		}
		end, _ := r.FieldPos(len(rec) - 1)
		lastLine = end + strings.Count(rec[len(rec)-1], "\n")
		rows = append(rows, rec)
	}
}

func baseName(path string) string { return filepath.Base(path) }
