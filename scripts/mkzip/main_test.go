package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestPack(t *testing.T) {
	dir := t.TempDir()
	readme := filepath.Join(dir, "使用说明.txt")
	if err := os.WriteFile(readme, []byte("xxgk {{VERSION}}（{{PLATFORM}}）\n运行 {{EXE}} demo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		windows     bool
		exe, name   string
		text        string
		nonUTF8Flag bool
	}{
		{true, "xxgk.exe", "\xca\xb9\xd3\xc3\xcb\xb5\xc3\xf7.txt", "\ufeffxxgk 1.0.0（windows/386）\r\n运行 xxgk.exe demo\r\n", true},
		{false, "xxgk", "使用说明.txt", "xxgk 1.0.0（linux/loong64）\n运行 xxgk demo\n", false},
	} {
		bin := filepath.Join(dir, tc.exe)
		if err := os.WriteFile(bin, []byte("binary"), 0o755); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, tc.exe+".zip")
		platform := "linux/loong64"
		if tc.windows {
			platform = "windows/386"
		}
		if err := pack(out, readme, bin, "1.0.0", platform, tc.windows, time.Unix(1700000000, 0)); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.OpenReader(out)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		if len(zr.File) != 2 || zr.File[0].Name != tc.exe || zr.File[0].Mode()&0o111 == 0 {
			t.Fatalf("%s: entries %v", tc.exe, zr.File)
		}
		f := zr.File[1]
		if f.Name != tc.name || f.NonUTF8 != tc.nonUTF8Flag {
			t.Errorf("%s: readme named %q (non-UTF-8 %v)", tc.exe, f.Name, f.NonUTF8)
		}
		if tc.windows {
			if name, _ := simplifiedchinese.GBK.NewDecoder().String(f.Name); name != "使用说明.txt" {
				t.Errorf("GBK name decodes to %q", name)
			}
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: reading the readme: %v", tc.exe, err)
		}
		if string(b) != tc.text {
			t.Errorf("%s: text %q", tc.exe, b)
		}
		if !strings.HasPrefix(f.Modified.UTC().Format(time.RFC3339), "2023-11-14T22:13") {
			t.Errorf("mtime %v", f.Modified)
		}
	}
}
