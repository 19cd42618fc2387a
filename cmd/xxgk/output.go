package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"xxgk/fonts"
	"xxgk/internal/oserr"
)

// fontFlag is --font, shared by the commands that write PDF.
func fontFlag() cli.Flag {
	return &cli.StringFlag{
		Name:    "font",
		EnvVars: []string{"XXGK_FONT"},
		Usage:   "中文字体文件（.ttf，或 .ttc 中的一个字形），默认自动查找系统中的中文字体",
	}
}

// writeFileAtomic writes path through a temporary file in the same folder, so a failed
// run never leaves a half-written report where the old one was, nor a temporary file.
// File system errors come back in Chinese (oserr), without the temporary file's name; a
// file held open by Excel or WPS is said to be so, not "no permission".
func writeFileAtomic(path string, write func(f *os.File) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return unwrapPath(err)
	}
	f, err := os.CreateTemp(dir, ".xxgk-*"+filepath.Ext(path))
	if err != nil {
		return unwrapPath(err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		var pe *fs.PathError
		if errors.As(err, &pe) || oserr.Known(err) { // the temporary file's own error: disk full
			return unwrapPath(err)
		}
		return err
	}
	if err := f.Close(); err != nil {
		return unwrapPath(err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil { // CreateTemp makes it private
		return unwrapPath(err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return unwrapPath(oserr.Blame(path, err))
	}
	return nil
}

// unwrapPath says in Chinese why a file operation failed, without repeating the path the
// message already names (oserr.Error).
func unwrapPath(err error) error { return oserr.Error(err) }

// pdfFonts loads the fonts for PDF output from --font / XXGK_FONT or the system, prints
// the stand-in note once, and turns a missing font into exit 2 with instructions.
func pdfFonts(e *env, explicit string) (*fonts.Set, error) {
	set, note, err := findFonts(e, explicit)
	if err != nil {
		return nil, failf("%v", err)
	}
	if note != "" {
		e.hint(note)
	}
	return set, nil
}

// findFonts takes the font named by --font, or searches e.FontDirs.
func findFonts(e *env, explicit string) (*fonts.Set, string, error) {
	if explicit != "" || e.FontDirs == nil {
		return fonts.Load(explicit)
	}
	return fonts.Find(e.FontDirs)
}
