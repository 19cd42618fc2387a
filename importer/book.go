package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// book is a read-only view of an .xlsx package: its sheets in order, the date system and
// shared strings, read straight from the zip with the scanner in xmlscan.go. It reads
// only the parts the importer needs, each at most once.
type book struct {
	files    map[string]*zip.File // part name, lower-cased, without a leading slash
	sheets   []sheetRef
	date1904 bool
	sstPath  string
	sst      []string
	sstRead  bool
	maxPart  int64
}

type sheetRef struct {
	name, path string
	hidden     bool
}

var errNoWorkbook = errors.New("no workbook part")

func openBook(zr *zip.Reader, lim Limits) (*book, error) {
	b := &book{files: make(map[string]*zip.File, len(zr.File)), maxPart: lim.MaxPart}
	for _, f := range zr.File {
		b.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))] = f
	}
	wb, err := b.part("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels := map[string]string{}
	if data, err := b.part("xl/_rels/workbook.xml.rels"); err == nil {
		s := &xmlScanner{b: data}
		for {
			ok, err := s.next()
			if err != nil {
				return nil, err
			}
			if !ok {
				break
			}
			if s.kind == tokStart && string(s.name) == "Relationship" {
				id, _ := attr(s.attrs, "Id")
				target, _ := attr(s.attrs, "Target")
				typ, _ := attr(s.attrs, "Type")
				p := target
				if !strings.HasPrefix(p, "/") {
					p = "xl/" + p
				}
				p = strings.ToLower(strings.TrimPrefix(path.Clean("/"+p), "/"))
				rels[id] = p
				if strings.HasSuffix(typ, "/sharedStrings") {
					b.sstPath = p
				}
			}
		}
	}
	if b.sstPath == "" {
		b.sstPath = "xl/sharedstrings.xml"
	}
	s := &xmlScanner{b: wb}
	n := 0
	for {
		ok, err := s.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if s.kind != tokStart {
			continue
		}
		switch string(s.name) {
		case "workbookPr":
			v, _ := attr(s.attrs, "date1904")
			b.date1904 = v == "1" || strings.EqualFold(v, "true")
		case "sheet":
			n++
			name, _ := attr(s.attrs, "name")
			id, _ := attr(s.attrs, "id")
			state, _ := attr(s.attrs, "state")
			p, ok := rels[id]
			if !ok { // writers without rels follow the default naming
				p = fmt.Sprintf("xl/worksheets/sheet%d.xml", n)
			}
			b.sheets = append(b.sheets, sheetRef{name: name, path: p, hidden: state == "hidden" || state == "veryHidden"})
		}
	}
	if len(b.sheets) == 0 {
		return nil, errNoWorkbook
	}
	return b, nil
}

// part reads one part, refusing anything larger than the per-part limit.
func (b *book) part(name string) ([]byte, error) {
	f, ok := b.files[name]
	if !ok {
		return nil, fmt.Errorf("missing part %s", name)
	}
	if f.UncompressedSize64 > uint64(b.maxPart) {
		return nil, fmt.Errorf("part %s too large", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// The declared size is trustworthy as a bound: the zip reader fails an entry that
	// inflates past it.
	buf := bytes.NewBuffer(make([]byte, 0, f.UncompressedSize64+1))
	_, err = buf.ReadFrom(io.LimitReader(rc, b.maxPart+1))
	return buf.Bytes(), err
}

func (b *book) sheetNames() []string {
	out := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		out[i] = s.name
	}
	return out
}

func (b *book) sheet(name string) (sheetRef, bool) {
	for _, s := range b.sheets {
		if s.name == name {
			return s, true
		}
	}
	return sheetRef{}, false
}

// sharedStrings loads the shared string table once. Phonetic runs (<rPh>) are not part
// of a string's text.
func (b *book) sharedStrings() ([]string, error) {
	if b.sstRead {
		return b.sst, nil
	}
	b.sstRead = true
	data, err := b.part(b.sstPath)
	if err != nil {
		if _, ok := b.files[b.sstPath]; !ok {
			return nil, nil // a workbook without text cells has no table
		}
		return nil, err
	}
	s := &xmlScanner{b: data}
	var cur strings.Builder
	inSI, inT, phonetic := false, false, 0
	for {
		ok, err := s.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		switch s.kind {
		case tokStart:
			switch string(s.name) {
			case "si":
				inSI = true
				cur.Reset()
				if s.empty {
					b.sst = append(b.sst, "")
					inSI = false
				}
			case "t":
				inT = !s.empty
			case "rPh":
				if !s.empty {
					phonetic++
				}
			}
		case tokEnd:
			switch string(s.name) {
			case "si":
				if inSI {
					b.sst = append(b.sst, cur.String())
				}
				inSI = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case tokText:
			if inSI && inT && phonetic == 0 {
				cur.WriteString(s.textValue())
			}
		}
	}
	return b.sst, nil
}
