package fonts

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Font file names per role, lower case, best first. The first group of each role is the
// face GB/T 9704 asks for (or its usual Windows/macOS equivalent); what follows are
// stand-ins that look alike, then common Chinese fonts of each system.
var (
	officialNames = map[Role][]string{
		Title: {"方正小标宋简体.ttf", "方正小标宋_gbk.ttf", "fzxbsjw.ttf", "fzxbsk.ttf", "fzxbsjw--gb1-0.ttf", "方正小标宋简体.ttc"},
		Heading: {"simhei.ttf", "黑体.ttf", "方正黑体简体.ttf", "方正黑体_gbk.ttf", "fzhtjw.ttf", "fzhtk.ttf",
			"stheiti medium.ttc", "stheiti light.ttc", "stheiti.ttf", "sthei.ttf"},
		Subheading: {"楷体_gb2312.ttf", "kaiti_gb2312.ttf", "simkai.ttf", "楷体.ttf", "方正楷体简体.ttf", "fzktjw.ttf", "stkaiti.ttf", "stkaiti.ttc"},
		Body: {"仿宋_gb2312.ttf", "fangsong_gb2312.ttf", "fs_gb2312.ttf", "simfang.ttf", "仿宋.ttf", "方正仿宋简体.ttf",
			"fzfsjw.ttf", "stfangso.ttf", "stfangsong.ttf"},
	}
	// Stand-ins: Song/Ming for body text, sans for headings, then anything Chinese.
	serifNames = []string{"simsun.ttc", "simsun.ttf", "songti.ttc", "stsong.ttf", "stsong.ttc", "uming.ttc", "ukai.ttc"}
	// 楷体 look-alikes for second-level headings: AR PL UKai (Linux), Kaiti SC (macOS).
	kaiNames  = []string{"ukai.ttc", "kaiti.ttc", "kaiti sc.ttc"}
	sansNames = []string{"msyh.ttc", "msyh.ttf", "msyhbd.ttc", "pingfang.ttc", "hiragino sans gb.ttc",
		"wqy-microhei.ttc", "wqy-zenhei.ttc", "droidsansfallbackfull.ttf", "droidsansfallback.ttf",
		"arial unicode.ttf", "arialuni.ttf"}
)

// SystemDirs lists where each system keeps fonts, user folders included.
func SystemDirs() []string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs := []string{filepath.Join(win, "Fonts")}
		if local := os.Getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	case "darwin":
		return []string{"/System/Library/Fonts", "/System/Library/AssetsV2", "/Library/Fonts", filepath.Join(home, "Library", "Fonts")}
	}
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home != "" {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
	}
	return dirs
}

// Load returns the document fonts: the face named by explicit (--font or XXGK_FONT; see
// ReadFace for FILE:INDEX and FILE#NAME) for every role, or else the best faces found in
// the system's font folders. note is non-empty when the official faces are missing and
// stand-ins are used; the caller prints it once.
func Load(explicit string) (set *Set, note string, err error) {
	if explicit != "" {
		f, err := ReadFace(explicit)
		if err != nil {
			return nil, "", err
		}
		if !chinese(f) {
			return nil, "", &FontError{Path: explicit, Reason: "字体中没有汉字，请指定中文字体"}
		}
		s, err := Single(f)
		return s, "", err
	}
	return Find(SystemDirs())
}

// Find searches dirs (recursively) for Chinese fonts and picks one per role.
func Find(dirs []string) (*Set, string, error) {
	files := index(dirs)
	loaded := map[string]*Face{}
	try := func(name string) *Face {
		path, ok := files[name]
		if !ok {
			return nil
		}
		if f, ok := loaded[path]; ok {
			return f
		}
		f, err := ReadFace(path)
		if err != nil || !chinese(f) {
			f = nil // CFF faces and broken files are skipped: the next candidate may do
		}
		loaded[path] = f
		return f
	}
	first := func(lists ...[]string) *Face {
		for _, l := range lists {
			for _, n := range l {
				if f := try(n); f != nil {
					return f
				}
			}
		}
		return nil
	}
	byRole := map[Role]*Face{}
	var standIns []string
	for _, r := range []Role{Body, Heading, Subheading, Title} {
		if f := first(officialNames[r]); f != nil {
			byRole[r] = f
			continue
		}
		var f *Face
		switch r {
		case Title:
			f = byRole[Heading] // 黑体 where 小标宋 is missing is the standard's own rule
			if f != nil && official(byRole[Heading], Heading) {
				byRole[r] = f
				continue
			}
			f = first(sansNames, serifNames)
		case Heading:
			f = first(sansNames, serifNames)
		case Subheading:
			f = first(kaiNames, serifNames, sansNames)
		default:
			f = first(serifNames, sansNames)
		}
		if f == nil {
			continue
		}
		byRole[r] = f
		standIns = append(standIns, r.String()+"→"+f.Name)
	}
	if len(byRole) == 0 {
		return nil, "", ErrNoFont
	}
	s, err := NewSet(byRole)
	if err != nil {
		return nil, "", err
	}
	note := ""
	if len(standIns) > 0 {
		note = "未安装公文标准字体（方正小标宋简体、黑体、楷体_GB2312、仿宋_GB2312），已改用系统中的字体：" +
			strings.Join(standIns, "，") + "。安装标准字体后重新生成即可按公文格式排版。"
	}
	return s, note, nil
}

// official tells whether f came from the role's official file names.
func official(f *Face, r Role) bool {
	if f == nil {
		return false
	}
	base := strings.ToLower(filepath.Base(f.path))
	for _, n := range officialNames[r] {
		if n == base {
			return true
		}
	}
	return false
}

// chinese tells whether a face has the common hanzi a report needs.
func chinese(f *Face) bool {
	for _, r := range "中国报送情况单位" {
		if !f.Has(r) {
			return false
		}
	}
	return true
}

// index maps lower-case file names to paths under dirs; the first directory wins.
func index(dirs []string) map[string]string {
	files := map[string]string{}
	for _, d := range dirs {
		// The callback never fails (unreadable or missing folders are simply not searched),
		// so WalkDir has no error to report.
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrPermission) && e != nil && e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				return nil
			}
			n := strings.ToLower(e.Name())
			switch filepath.Ext(n) {
			case ".ttf", ".ttc", ".otf":
				if _, ok := files[n]; !ok {
					files[n] = p
				}
			}
			return nil
		})
	}
	return files
}
