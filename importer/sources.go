package importer

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xxgk/internal/oserr"
)

// source is one workbook to read: a file on disk or an entry of a zip archive. Only names
// are held while the batch runs; the bytes are read by the worker that checks the file,
// so memory does not grow with the number of files.
type source struct {
	name     string // display name: the path as given, or archive.zip/entry/path.xlsx
	copyName string // file name for the annotated copy in --errors-dir
	open     func() ([]byte, error)
	problem  string // set when the source cannot be read at all; open is then nil
	// modTime is the file's (or zip entry's) modification time: when the workbook does
	// not record when it was saved, it decides which of a unit's files is newest.
	modTime time.Time
}

// workbookExt are the extensions picked up inside folders and archives: every spreadsheet
// format a unit might save the template as. Only .xlsx/.xlsm (and their template twins)
// can be read; the others are inputs all the same, so that a unit that saved as .xls,
// .et, .ods, .csv or .numbers gets the "save as .xlsx" message instead of being quietly
// missed. Documents, PDFs, images and the like are skipped and listed in Totals.Skipped.
var workbookExt = map[string]bool{
	".xlsx": true, ".xlsm": true, ".xltx": true, ".xltm": true,
	".xls": true, ".xlt": true, ".xlsb": true, ".et": true, ".ett": true,
	".ods": true, ".fods": true, ".ots": true, ".csv": true, ".numbers": true,
}

// lockFile tells Excel's and WPS's ~$name.xlsx, written while a workbook is open.
func lockFile(name string) bool { return strings.HasPrefix(name, "~$") }

// msgLockFile answers a lock file given by name.
const msgLockFile = "这是 Excel 打开文件时产生的临时锁定文件，请报送正式文件"

// sources lists the inputs in a stable order: arguments in the order given, folders and
// archives in name order. A path that does not exist or cannot be read is an error for
// the whole run, since the user asked for something that cannot be done; a broken archive
// is one rejected input among others.
type sources struct {
	list     []source
	skipped  []string // files in folders and archives that are not workbooks
	excluded []string // folders left out because they are the errors dir
	closers  []io.Closer
	lim      Limits
	skipDir  string          // the errors dir, never read back
	seen     map[string]bool // absolute paths of files and archives already listed
}

// once reports whether the file or archive at p is listed for the first time: the same
// path given twice, or a file both named and inside a folder named, is read once.
func (s *sources) once(p string) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = filepath.Clean(p)
	}
	if s.seen[abs] {
		return false
	}
	s.seen[abs] = true
	return true
}

func (s *sources) Close() {
	for _, c := range s.closers {
		c.Close()
	}
}

func collect(paths []string, lim Limits, skipDir string) (*sources, error) {
	s := &sources{lim: lim, skipDir: skipDir, seen: map[string]bool{}}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("无法读取 %s：%w", p, statErr(err))
		}
		switch {
		case fi.IsDir() && strings.EqualFold(filepath.Ext(p), ".numbers"):
			s.numbers(p)
		case fi.IsDir():
			if within(p, skipDir) {
				s.Close()
				return nil, fmt.Errorf("退回文件夹不能与导入文件夹相同：%s 是退回副本的存放位置（--errors-dir %s），其中的文件不会被导入。请用 --errors-dir 另指一个不在导入文件夹中的文件夹", p, skipDir)
			}
			if err := s.dir(p); err != nil {
				s.Close()
				return nil, err
			}
		case !s.once(p):
		case lockFile(filepath.Base(p)):
			s.list = append(s.list, source{name: p, problem: msgLockFile})
		case strings.EqualFold(filepath.Ext(p), ".zip"):
			s.zip(p)
		default:
			s.file(p, filepath.Base(p))
		}
	}
	return s, nil
}

// within tells whether folder p is dir or inside it.
func within(p, dir string) bool {
	if dir == "" {
		return false
	}
	ap, err1 := filepath.Abs(p)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(ad, ap)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// numbers answers an Apple Numbers document, which macOS may store as a folder.
func (s *sources) numbers(p string) {
	if s.once(p) {
		s.list = append(s.list, source{name: p, problem: msgNumbers})
	}
}

// statErr says in Chinese why a path given or found could not be read.
func statErr(err error) error { return oserr.Error(err) }

func (s *sources) file(p, copyName string) {
	var mod time.Time
	if fi, err := os.Stat(p); err == nil {
		mod = fi.ModTime()
	}
	s.list = append(s.list, source{name: p, copyName: copyFileName(copyName), modTime: mod, open: func() ([]byte, error) {
		return readLimited(p, s.lim.MaxFileSize)
	}})
}

// readLimited reads a file, refusing one larger than max without reading it all.
func readLimited(p string, max int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > max {
		return nil, &tooLargeError{size: fi.Size(), max: max}
	}
	return io.ReadAll(io.LimitReader(f, max+1))
}

type tooLargeError struct{ size, max int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("文件过大（%s，上限 %s），不像是填报模板，请检查是否报送错了文件", size(e.size), size(e.max))
}

// hidden tells lock files (~$name.xlsx, written by Excel while a file is open), dot files
// and macOS resource forks, none of which are workbooks a unit sent.
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || name == "__MACOSX" || name == "Thumbs.db" || name == "desktop.ini"
}

func (s *sources) dir(root string) error {
	skip, _ := filepath.Abs(s.skipDir)
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return fmt.Errorf("无法读取 %s：%w", p, statErr(err))
			}
			s.list = append(s.list, source{name: p, open: func() ([]byte, error) { return nil, err }}) // Unreadable
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && hidden(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if d.IsDir() {
			if abs, _ := filepath.Abs(p); s.skipDir != "" && abs == skip {
				s.excluded = append(s.excluded, p)
				return fs.SkipDir
			}
			if ext == ".numbers" {
				s.numbers(p)
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case !s.once(p):
		case ext == ".zip":
			s.zip(p)
		case workbookExt[ext]:
			s.file(p, d.Name())
		default:
			s.skipped = append(s.skipped, p)
		}
		return nil
	})
}

// zip lists an archive's workbooks. Entry names are UTF-8 when the archive says so or when
// they decode as UTF-8; otherwise they are GBK, as Chinese Windows writes them.
func (s *sources) zip(p string) {
	zr, err := zip.OpenReader(p)
	if systemError(err) { // held open, no permission: not the archive's fault
		s.list = append(s.list, source{name: p, open: func() ([]byte, error) { return nil, err }})
		return
	}
	if err != nil {
		s.list = append(s.list, source{name: p, problem: "压缩包已损坏或不是 zip 格式，无法解开。请重新压缩后再导入，或解压后导入文件夹"})
		return
	}
	s.closers = append(s.closers, zr)
	stem := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
	type entry struct {
		name string
		f    *zip.File
	}
	var entries []entry
	for _, f := range zr.File {
		entries = append(entries, entry{entryName(f), f})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].name < entries[j].name })
	for _, e := range entries {
		name := strings.TrimLeft(path.Clean("/"+strings.ReplaceAll(e.name, `\`, "/")), "/")
		if e.f.FileInfo().IsDir() || strings.HasSuffix(e.name, "/") {
			continue
		}
		if hiddenPath(name) {
			continue
		}
		// Named like a path into the archive, in the system's own separators: on Windows
		// C:\报送\第二批.zip\报送\汉阴县.xlsx, as Explorer shows a zip's content.
		display := p + string(filepath.Separator) + filepath.FromSlash(name)
		ext := strings.ToLower(path.Ext(name))
		f := e.f
		switch {
		case ext == ".zip":
			s.list = append(s.list, source{name: display, problem: "压缩包中又套有压缩包，请先解开里层的压缩包再导入"})
		case !workbookExt[ext]:
			s.skipped = append(s.skipped, display)
		case f.UncompressedSize64 > uint64(s.lim.MaxFileSize):
			s.list = append(s.list, source{name: display, problem: (&tooLargeError{size: int64(min(f.UncompressedSize64, 1<<62)), max: s.lim.MaxFileSize}).Error()})
		default:
			max := s.lim.MaxFileSize
			s.list = append(s.list, source{
				name:     display,
				copyName: copyFileName(stem + "_" + name),
				modTime:  f.Modified,
				open: func() ([]byte, error) {
					rc, err := f.Open()
					if err != nil {
						return nil, err
					}
					defer rc.Close()
					b, err := io.ReadAll(io.LimitReader(rc, max+1))
					if err != nil {
						return nil, fmt.Errorf("压缩包中的文件已损坏（%v），请重新压缩后再导入", err)
					}
					return b, nil
				},
			})
		}
	}
}

func hiddenPath(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if hidden(part) {
			return true
		}
	}
	return false
}

// entryName decodes a zip entry's name. Go's reader leaves the bytes as they are when the
// UTF-8 flag (bit 11) is clear; names that are not valid UTF-8 are then GBK (a superset of
// GB2312, what Chinese Windows' built-in zip and WinRAR write).
func entryName(f *zip.File) string {
	if f.Flags&0x800 != 0 || utf8.ValidString(f.Name) {
		return f.Name
	}
	if s, err := simplifiedchinese.GB18030.NewDecoder().String(f.Name); err == nil {
		return s
	}
	return strings.ToValidUTF8(f.Name, "?")
}
