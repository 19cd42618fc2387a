package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/urfave/cli/v2"

	"xxgk/fonts"
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
// run never leaves a half-written report where the old one was. File system errors come
// back in Chinese, without the temporary file's name.
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
		return err
	}
	if err := f.Close(); err != nil {
		return unwrapPath(err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil { // CreateTemp makes it private
		return unwrapPath(err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return unwrapPath(err)
	}
	return nil
}

// unwrapPath says in Chinese why a file operation failed, without repeating the path the
// message already names.
func unwrapPath(err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return errors.New("没有写入权限")
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("路径不存在")
	case errors.Is(err, syscall.ENOTDIR):
		return errors.New("路径中的某一级是文件而不是目录")
	case errors.Is(err, syscall.EROFS):
		return errors.New("只读文件系统")
	case errors.Is(err, syscall.ENOSPC):
		return errors.New("磁盘空间不足")
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

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
