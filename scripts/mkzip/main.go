// Command mkzip packs one release: the xxgk binary and the Chinese 使用说明.txt, with the
// version and platform filled in. scripts/release.sh calls it once per target.
//
// It exists because a zip made by a general tool names 使用说明.txt in UTF-8 only, which
// zip programs on Chinese Windows that ignore the UTF-8 flag show as garbage (DESIGN.md
// §4, the same trap as the units' GBK zips in the other direction).
// For Windows the entry name is written in GBK without the UTF-8 flag, as Chinese Windows
// writes it, which Explorer, 7-Zip and WinRAR on Chinese Windows all read; the text gets
// a BOM and CRLF line ends so that old Notepad reads it. (The Info-ZIP Unicode Path field
// would carry the UTF-8 name as well, but Debian's unzip then refuses the archive as
// "overlapped components", so it is left out.)
package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	out := flag.String("o", "", "zip file to write")
	readme := flag.String("readme", "", "使用说明 template; {{VERSION}}, {{PLATFORM}} and {{EXE}} are filled in")
	version := flag.String("version", "", "release version")
	platform := flag.String("platform", "", "GOOS/GOARCH")
	windows := flag.Bool("windows", false, "GBK entry names, BOM and CRLF for Windows")
	mtime := flag.Int64("mtime", 0, "modification time of the entries, Unix seconds (SOURCE_DATE_EPOCH)")
	flag.Parse()
	if *out == "" || *readme == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: mkzip -o OUT.zip -readme 使用说明.txt -version V -platform OS/ARCH [-windows] BINARY")
		os.Exit(2)
	}
	if err := pack(*out, *readme, flag.Arg(0), *version, *platform, *windows, time.Unix(*mtime, 0).UTC()); err != nil {
		fmt.Fprintln(os.Stderr, "mkzip:", err)
		os.Exit(1)
	}
}

func pack(out, readme, binary, version, platform string, windows bool, mtime time.Time) error {
	tmpl, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	exe, err := os.ReadFile(binary)
	if err != nil {
		return err
	}
	text := strings.NewReplacer("{{VERSION}}", version, "{{PLATFORM}}", platform, "{{EXE}}", filepath.Base(binary)).Replace(string(tmpl))
	if windows {
		text = "\ufeff" + strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if err := add(zw, filepath.Base(binary), exe, 0o755, windows, mtime); err != nil {
		return err
	}
	if err := add(zw, filepath.Base(readme), []byte(text), 0o644, windows, mtime); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func add(zw *zip.Writer, name string, data []byte, mode os.FileMode, windows bool, mtime time.Time) error {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mtime}
	h.SetMode(mode)
	if windows && !isASCII(name) {
		gbk, err := simplifiedchinese.GBK.NewEncoder().String(name)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		h.Name, h.NonUTF8 = gbk, true
	}
	w, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
