package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"
)

// oleMagic starts every OLE2 compound file: .xls, WPS .et, and encrypted .xlsx, which
// Office wraps in an OLE container holding EncryptionInfo and EncryptedPackage.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// encryptionInfo is the stream name "EncryptionInfo" in UTF-16LE, as it appears in the
// OLE directory of a password-protected workbook.
var encryptionInfo = utf16le("EncryptionInfo")

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// sniff decides, before any spreadsheet parser sees the bytes, whether they can be an
// .xlsx workbook at all and whether unpacking them stays within the limits. It returns a
// Chinese message saying what the file is and what to do, or "" when the file may be read.
// Checking the declared sizes is enough: Go's zip reader refuses to inflate an entry past
// its declared size.
func sniff(name string, data []byte, lim Limits) (*zip.Reader, string) {
	msg := sniffMsg(name, data, lim)
	if msg != "" {
		return nil, msg
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, msgBroken
	}
	return zr, ""
}

// msgNumbers answers an Apple Numbers document.
const msgNumbers = "这是苹果 Numbers 文件，无法读取。请在 Numbers 中选择“文件 > 导出为 > Excel”，保存为 .xlsx 后再报送"

// formatAdvice is what to say, by extension, of a spreadsheet format that is not .xlsx,
// when the content does not tell better; "" for other extensions.
func formatAdvice(ext string) string {
	switch ext {
	case ".numbers":
		return msgNumbers
	case ".xlsb":
		return "这是 Excel 二进制工作簿（.xlsb），无法读取。请在 Excel 中“另存为”Excel 工作簿（*.xlsx）后再报送"
	case ".ods", ".fods", ".ots":
		return msgODS
	case ".et", ".ett":
		return msgET
	}
	return ""
}

const (
	msgODS = "这是 OpenDocument 文件（如 .ods），请在 LibreOffice 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再报送"
	msgET  = "这是 WPS 表格专用格式（.et），无法读取。请在 WPS 中“另存为”Excel 工作簿（*.xlsx）后再报送"
)

// msgBroken is the message for a zip that cannot be read.
const msgBroken = "文件不完整或已损坏（可能下载、拷贝或压缩时中断），无法打开。请在 Excel 或 WPS 中重新保存后再报送"

func sniffMsg(name string, data []byte, lim Limits) string {
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))
	switch {
	case len(data) == 0:
		return "文件为空（0 字节），请重新保存后再报送"
	case int64(len(data)) > lim.MaxFileSize:
		return fmt.Sprintf("文件过大（%s，上限 %s），不像是填报模板，请检查是否报送错了文件", size(int64(len(data))), size(lim.MaxFileSize))
	case bytes.HasPrefix(data, oleMagic):
		switch {
		case bytes.Contains(data, encryptionInfo):
			return "文件设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再报送"
		case ext == ".et" || ext == ".ett":
			return msgET
		default:
			return "这是旧版 Excel 97-2003 工作簿（.xls）或其他旧格式，无法读取。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再报送"
		}
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "这是 PDF 文件，不是 Excel 工作簿。请报送填写好的 .xlsx 模板"
	case !bytes.HasPrefix(data, []byte("PK")):
		if msg := formatAdvice(ext); msg != "" {
			return msg
		}
		if looksLikeText(data) {
			return "这是文本文件，不是 Excel 工作簿（.xlsx）。请使用下发的模板填报，不要另存为 CSV 或文本"
		}
		return "不是 Excel 工作簿（.xlsx），无法读取。请使用下发的模板填报并以 .xlsx 格式保存"
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if msg := formatAdvice(ext); msg != "" {
			return msg // not .xlsx whether broken or not
		}
		return msgBroken
	}
	if len(zr.File) > lim.MaxParts {
		return fmt.Sprintf("文件内部结构异常（包含 %d 个部件），已拒绝读取", len(zr.File))
	}
	var total uint64
	hasWorkbook, hasRels, other := false, false, false
	for _, f := range zr.File {
		n := partName(f.Name) // as openBook keys parts
		switch {
		case n == "xl/workbook.xml":
			hasWorkbook = true
		case n == "_rels/.rels":
			hasRels = true // the workbook may live elsewhere; openBook follows the relationship
		case n == "word/document.xml", n == "ppt/presentation.xml", n == "content.xml":
			other = true
		case n == "encryptedpackage":
			return "文件设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再报送"
		}
		total += f.UncompressedSize64
		if f.UncompressedSize64 > uint64(lim.MaxPart) {
			// Name the limit that was passed: a 55 MB worksheet in a 56 MB file is not
			// "over 100 MB".
			return fmt.Sprintf("文件中的一个部件解压后超过 %s（可能是异常或恶意构造的文件，或表格中有大量多余的行），已拒绝读取。请检查是否报送错了文件", size(lim.MaxPart))
		}
		if total > uint64(lim.MaxUnzipped) {
			return fmt.Sprintf("文件解压后超过 %s（可能是异常或恶意构造的文件），已拒绝读取", size(lim.MaxUnzipped))
		}
	}
	if !hasWorkbook && !(hasRels && !other) {
		if msg := formatAdvice(ext); msg != "" {
			return msg
		}
		for _, f := range zr.File {
			switch strings.ToLower(f.Name) {
			case "word/document.xml":
				return "这是 Word 文档，不是 Excel 工作簿。请报送填写好的 .xlsx 模板"
			case "ppt/presentation.xml":
				return "这是 PowerPoint 演示文稿，不是 Excel 工作簿。请报送填写好的 .xlsx 模板"
			case "content.xml":
				return msgODS
			}
		}
		return "这是 zip 压缩包，不是 Excel 工作簿（缺少 xl/workbook.xml）。若其中有多个模板，请解压后导入，或直接导入 .zip 文件"
	}
	return ""
}

// looksLikeText tells a CSV or text export from binary junk: valid UTF-8 or GBK-ish bytes
// without control characters other than tab and newlines.
func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 4096)]
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			ctl++
		}
	}
	return ctl == 0 || (utf8.Valid(head) && ctl*100 < len(head))
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}
