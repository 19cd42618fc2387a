package importer

import (
	"bytes"

	"golang.org/x/text/encoding/unicode"
)

// toUTF8 returns a part as UTF-8. XML parts may be UTF-16 (with a byte order mark, or
// starting "<?xml" in UTF-16 without one); LibreOffice and Excel read them, so the
// importer does too. A UTF-8 byte order mark is dropped.
func toUTF8(data []byte) ([]byte, error) {
	if bytes.HasPrefix(data, utf8BOM) {
		return data[len(utf8BOM):], nil
	}
	e, ok := utf16Start(data)
	if !ok {
		return data, nil
	}
	out, err := unicode.UTF16(e, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err == nil {
		return out, nil
	}
	out, err = unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	if err != nil {
		return nil, errEncoding
	}
	return out, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// utf16Start tells a part that starts as UTF-16 does, with a byte order mark or with
// "<" as a 16-bit character, and in which byte order.
func utf16Start(data []byte) (unicode.Endianness, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{'<', 0}):
		return unicode.LittleEndian, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0, '<'}):
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}
