package importer

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A small XML tokenizer for the few SpreadsheetML parts the importer reads. encoding/xml
// builds a token, a name and attribute slices for every element and dominated the cost of
// an import; this scanner walks the bytes once and allocates only for the text it returns.
// It understands what spreadsheet writers emit: namespace prefixes (ignored), both quote
// styles, entities, CDATA, comments and processing instructions; anything malformed ends
// the scan with errBadXML.

var errBadXML = errors.New("malformed XML")

type tokKind int

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

type xmlScanner struct {
	b []byte
	i int
	// Of the current token:
	kind  tokKind
	name  []byte // local name of a start or end tag
	attrs []byte // raw attributes of a start tag
	empty bool   // the start tag closes itself (<c/>)
	text  []byte // raw text (entities not yet decoded)
	cdata bool   // text came from a CDATA section and must not be unescaped
	// partial says b is not the whole document: more bytes may follow. A token that
	// runs to the end of b then ends the scan with errNeedMore, consuming nothing.
	partial bool
}

// errNeedMore asks the caller of a partial scan for more input; see streamScanner.
var errNeedMore = errors.New("need more input")

// next advances to the next token; it returns false at the end or on malformed input
// (err tells which).
func (s *xmlScanner) next() (bool, error) {
	for {
		if s.i >= len(s.b) {
			if s.partial {
				return false, errNeedMore
			}
			s.kind = tokEOF
			return false, nil
		}
		if s.b[s.i] != '<' {
			j := bytes.IndexByte(s.b[s.i:], '<')
			if j < 0 {
				if s.partial {
					return false, errNeedMore
				}
				j = len(s.b) - s.i
			}
			s.kind, s.text, s.cdata = tokText, s.b[s.i:s.i+j], false
			s.i += j
			return true, nil
		}
		rest := s.b[s.i:]
		if s.partial && len(rest) < len("<![CDATA[") {
			return false, errNeedMore // too short to tell a comment from a DOCTYPE
		}
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			j := bytes.Index(rest, []byte("?>"))
			if j < 0 {
				return false, s.unterminated()
			}
			s.i += j + 2
			continue
		case bytes.HasPrefix(rest, []byte("<!--")):
			j := bytes.Index(rest, []byte("-->"))
			if j < 0 {
				return false, s.unterminated()
			}
			s.i += j + 3
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			j := bytes.Index(rest, []byte("]]>"))
			if j < 0 {
				return false, s.unterminated()
			}
			s.kind, s.text, s.cdata = tokText, rest[9:j], true
			s.i += j + 3
			return true, nil
		case bytes.HasPrefix(rest, []byte("<!")): // DOCTYPE: not in SpreadsheetML; refuse entity games
			return false, errDoctype
		case len(rest) > 1 && rest[1] == '/':
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return false, s.unterminated()
			}
			s.kind, s.name = tokEnd, local(bytes.TrimSpace(rest[2:j]))
			s.i += j + 1
			return true, nil
		}
		// A start tag: find its end outside quoted attribute values, where > may appear.
		j, q := 1, byte(0)
		for ; j < len(rest); j++ {
			c := rest[j]
			if q != 0 {
				if c == q {
					q = 0
				}
				continue
			}
			if c == '"' || c == '\'' {
				q = c
			} else if c == '>' {
				break
			}
		}
		if j >= len(rest) {
			return false, s.unterminated()
		}
		inner := rest[1:j]
		s.empty = len(inner) > 0 && inner[len(inner)-1] == '/'
		if s.empty {
			inner = inner[:len(inner)-1]
		}
		k := bytes.IndexAny(inner, " \t\r\n")
		if k < 0 {
			k = len(inner)
		}
		s.kind, s.name, s.attrs = tokStart, local(inner[:k]), inner[k:]
		if len(s.name) == 0 {
			return false, errBadXML
		}
		s.i += j + 1
		return true, nil
	}
}

// unterminated is the error for a token without its end: more input may bring it.
func (s *xmlScanner) unterminated() error {
	if s.partial {
		return errNeedMore
	}
	return errBadXML
}

// local drops a namespace prefix: x:row → row.
func local(name []byte) []byte {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// attr returns the decoded value of the attribute with the given local name, and whether
// it is present.
func attr(attrs []byte, name string) (string, bool) {
	a := attrs
	for {
		a = bytes.TrimLeft(a, " \t\r\n")
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return "", false
		}
		key := local(bytes.TrimSpace(a[:eq]))
		a = bytes.TrimLeft(a[eq+1:], " \t\r\n")
		if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
			return "", false
		}
		end := bytes.IndexByte(a[1:], a[0])
		if end < 0 {
			return "", false
		}
		val := a[1 : 1+end]
		a = a[end+2:]
		if string(key) == name {
			v, err := unescape(val)
			return v, err == nil
		}
	}
}

// textValue decodes the current text token. Line ends are normalised as XML requires
// (a literal CR LF or CR is read as LF; &#13; stays a CR); an undefined entity, a bare &
// or a reference to a character XML forbids is malformed XML, not text.
func (s *xmlScanner) textValue() (string, error) {
	t := s.text
	for _, c := range t {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return "", errBadXML // a raw control character is as malformed as &#1;
		}
	}
	if bytes.IndexByte(t, '\r') >= 0 {
		t = bytes.ReplaceAll(bytes.ReplaceAll(t, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	if s.cdata {
		return string(t), nil
	}
	return unescape(t)
}

// unescape decodes the five XML entities and character references.
func unescape(b []byte) (string, error) {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b), nil
	}
	var sb strings.Builder
	sb.Grow(len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			sb.Write(b)
			break
		}
		sb.Write(b[:i])
		b = b[i:]
		j := bytes.IndexByte(b, ';')
		if j < 0 || j > 12 {
			return "", errBadXML
		}
		ent := string(b[1:j])
		switch ent {
		case "amp":
			sb.WriteByte('&')
		case "lt":
			sb.WriteByte('<')
		case "gt":
			sb.WriteByte('>')
		case "quot":
			sb.WriteByte('"')
		case "apos":
			sb.WriteByte('\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return "", errBadXML
			}
			sb.WriteRune(r)
		}
		b = b[j+1:]
	}
	return sb.String(), nil
}

func charRef(ent string) (rune, bool) {
	if !strings.HasPrefix(ent, "#") {
		return 0, false
	}
	base, digits := 10, ent[1:]
	if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) || !xmlChar(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// xmlChar tells the characters XML 1.0 allows in a document (its Char production).
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
