package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strings"
)

// book is a read-only view of an .xlsx package: its sheets in order, the date system and
// shared strings, read straight from the zip with the scanner in xmlscan.go. It reads
// only the parts the importer needs, each at most once.
type book struct {
	files  map[string]*zip.File // part name, lower-cased, without a leading slash
	sheets []sheetRef
	// unlinked are sheets the workbook lists whose relationship id is empty or names no
	// part: they are missing, never guessed from their position (that part may be
	// another sheet's).
	unlinked []string
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
		if strings.HasSuffix(f.Name, "/") {
			continue // a folder entry, no part
		}
		key := partName(f.Name)
		if prev, ok := b.files[key]; ok {
			// OPC part names compare case-insensitively: which one a program reads is
			// up to the program, so the file says two things at once.
			reason := "在压缩包中出现了两次"
			if prev.Name != f.Name {
				reason = "与 " + f.Name + " 重名，只有大小写不同"
			}
			return nil, &partError{part: prev.Name, reason: reason, err: errDuplicatePart}
		}
		b.files[key] = f
	}
	wbPath, err := b.workbookPath()
	if err != nil {
		return nil, err
	}
	wb, err := b.part(wbPath)
	if err != nil {
		return nil, err
	}
	dir, base := path.Split(wbPath)
	rels, err := b.rels(dir+"_rels/"+base+".rels", dir)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/sharedStrings") {
			b.sstPath = r.target
		}
	}
	if b.sstPath == "" {
		b.sstPath = dir + "sharedstrings.xml"
	}
	s := &xmlScanner{b: wb}
	for {
		ok, err := s.next()
		if err != nil {
			return nil, b.corrupt(wbPath, err)
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
			name, _ := attr(s.attrs, "name")
			id, _ := attr(s.attrs, "id")
			state, _ := attr(s.attrs, "state")
			r, ok := rels[id]
			if !ok || id == "" || r.target == "" {
				b.unlinked = append(b.unlinked, name)
				continue
			}
			b.sheets = append(b.sheets, sheetRef{name: name, path: r.target, hidden: state == "hidden" || state == "veryHidden"})
		}
	}
	if len(b.sheets) == 0 && len(b.unlinked) == 0 {
		return nil, errNoWorkbook
	}
	return b, nil
}

// partName is how parts are keyed: lower-cased, forward slashes, no leading slash.
// Part names in OPC compare case-insensitively.
func partName(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// workbookPath finds the workbook part the way Office does, through the package's
// officeDocument relationship in _rels/.rels (Strict OOXML and some .NET writers do not
// use xl/workbook.xml); a package without one is taken to use the usual name.
func (b *book) workbookPath() (string, error) {
	const usual = "xl/workbook.xml"
	if _, ok := b.files["_rels/.rels"]; !ok {
		return usual, nil
	}
	rels, err := b.rels("_rels/.rels", "")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			if _, ok := b.files[r.target]; ok {
				return r.target, nil
			}
		}
	}
	return usual, nil
}

// rel is one relationship of a part: its type and the target's part name.
type rel struct{ typ, target string }

// rels reads a relationships part; relative targets resolve against dir, the folder of
// the part the relationships belong to. A missing part has no relationships.
func (b *book) rels(name, dir string) (map[string]rel, error) {
	out := map[string]rel{}
	if _, ok := b.files[name]; !ok {
		return out, nil
	}
	data, err := b.part(name)
	if err != nil {
		return nil, err
	}
	s := &xmlScanner{b: data}
	for {
		ok, err := s.next()
		if err != nil {
			return nil, b.corrupt(name, err)
		}
		if !ok {
			return out, nil
		}
		if s.kind != tokStart || string(s.name) != "Relationship" {
			continue
		}
		if mode, _ := attr(s.attrs, "TargetMode"); mode == "External" {
			continue
		}
		id, _ := attr(s.attrs, "Id")
		target, _ := attr(s.attrs, "Target")
		typ, _ := attr(s.attrs, "Type")
		p := target
		if !strings.HasPrefix(p, "/") {
			p = "/" + dir + p
		}
		out[id] = rel{typ: typ, target: partName(path.Clean(p))}
	}
}

// part reads one part, refusing anything larger than the per-part limit, and returns it
// as UTF-8. Every error is a partError naming the part.
func (b *book) part(name string) ([]byte, error) {
	f, ok := b.files[name]
	if !ok {
		return nil, b.corrupt(name, errMissingPart)
	}
	if f.UncompressedSize64 > uint64(b.maxPart) {
		return nil, b.corrupt(name, errPartTooLarge)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, b.corrupt(name, err)
	}
	defer rc.Close()
	// The declared size is trustworthy as a bound: the zip reader fails an entry that
	// inflates past it, or short of it, or whose checksum differs.
	buf := bytes.NewBuffer(make([]byte, 0, f.UncompressedSize64+1))
	if _, err = buf.ReadFrom(io.LimitReader(rc, b.maxPart+1)); err != nil {
		return nil, b.corrupt(name, sizeErr(err))
	}
	data, err := toUTF8(buf.Bytes())
	if err != nil {
		return nil, b.corrupt(name, err)
	}
	return data, nil
}

func (b *book) sheetNames() []string {
	out := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		out[i] = s.name
	}
	return out
}

// isUnlinked tells whether the workbook lists sheet name without a part for it.
func (b *book) isUnlinked(name string) bool {
	for _, s := range b.unlinked {
		if s == name {
			return true
		}
	}
	return false
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
	if _, ok := b.files[b.sstPath]; !ok {
		return nil, nil // a workbook without text cells has no table
	}
	data, err := b.part(b.sstPath)
	if err != nil {
		return nil, err
	}
	s := &xmlScanner{b: data}
	var cur strings.Builder
	inSI, inT, phonetic := false, false, 0
	for {
		ok, err := s.next()
		if err != nil {
			return nil, b.corrupt(b.sstPath, err)
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
					b.sst = append(b.sst, cellText(cur.String()))
				}
				inSI = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case tokText:
			if inSI && inT && phonetic == 0 {
				t, err := s.textValue()
				if err != nil {
					return nil, b.corrupt(b.sstPath, err)
				}
				cur.WriteString(t)
			}
		}
	}
	return b.sst, nil
}

// corrupt is the package-level corrupt with the part named as the zip spells it.
func (b *book) corrupt(name string, err error) error {
	if f, ok := b.files[name]; ok {
		name = strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")
	}
	return corrupt(name, err)
}
