package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	xsfnt "golang.org/x/image/font/sfnt"
)

const wqyPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

// needWQY skips without the font, except in CI where it must be installed.
func needWQY(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(wqyPath); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s is required in CI (apt-get install fonts-wqy-microhei)", wqyPath)
		}
		tb.Skipf("skipping: %s not installed (apt-get install fonts-wqy-microhei)", wqyPath)
	}
}

func TestSplitSpec(t *testing.T) {
	for _, tc := range []struct {
		spec, path string
		index      int
		name       string
	}{
		{`/usr/share/fonts/wqy-microhei.ttc`, `/usr/share/fonts/wqy-microhei.ttc`, 0, ""},
		{`/usr/share/fonts/wqy-microhei.ttc:1`, `/usr/share/fonts/wqy-microhei.ttc`, 1, ""},
		{`C:\Windows\Fonts\simsun.ttc`, `C:\Windows\Fonts\simsun.ttc`, 0, ""},
		{`C:\Windows\Fonts\simsun.ttc:1`, `C:\Windows\Fonts\simsun.ttc`, 1, ""},
		{`C:\Windows\Fonts\simsun.ttc#NSimSun`, `C:\Windows\Fonts\simsun.ttc`, 0, "NSimSun"},
		{`simsun.ttc#新宋体`, `simsun.ttc`, 0, "新宋体"},
		{`/fonts/c#/x.ttf`, `/fonts/c#/x.ttf`, 0, ""},
	} {
		p, i, n := splitSpec(tc.spec)
		if p != tc.path || i != tc.index || n != tc.name {
			t.Errorf("splitSpec(%q) = %q, %d, %q; want %q, %d, %q", tc.spec, p, i, n, tc.path, tc.index, tc.name)
		}
	}
}

// TestTTCFaceExtraction takes each face out of the WenQuanYi collection and checks the
// result with a second parser (x/image/font/sfnt) and with gofpdf itself.
func TestTTCFaceExtraction(t *testing.T) {
	needWQY(t)
	for _, spec := range []string{wqyPath, wqyPath + ":0", wqyPath + ":1", wqyPath + "#WenQuanYi Micro Hei Mono", wqyPath + "#文泉驿等宽微米黑"} {
		t.Run(filepath.Base(spec), func(t *testing.T) {
			f, err := ReadFace(spec)
			if err != nil {
				t.Fatal(err)
			}
			if got := binary.BigEndian.Uint32(f.Data); got != magicTrueType {
				t.Fatalf("extracted face starts with %08x, want a plain TrueType header", got)
			}
			assertChecksums(t, f.Data)
			sf, err := xsfnt.Parse(f.Data)
			if err != nil {
				t.Fatalf("x/image/font/sfnt rejects the extracted face: %v", err)
			}
			var buf xsfnt.Buffer
			for _, r := range "中国安康2020" {
				gi, err := sf.GlyphIndex(&buf, r)
				if err != nil || gi == 0 {
					t.Errorf("glyph for %q: %d, %v", r, gi, err)
				}
				if !f.Has(r) {
					t.Errorf("Has(%q) = false", r)
				}
			}
			p := gofpdf.New("P", "mm", "A4", "")
			p.AddUTF8FontFromBytes("x", "", f.Data)
			p.AddPage()
			p.SetFont("x", "", 12)
			p.Text(20, 20, "中国安康 2020")
			var out bytes.Buffer
			if err := p.Output(&out); err != nil {
				t.Fatalf("gofpdf: %v", err)
			}
		})
	}
	mono, err := ReadFace(wqyPath + "#WenQuanYi Micro Hei Mono")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(mono.Source, ":1") {
		t.Errorf("face by name came from %s, want face 1", mono.Source)
	}
	_, err = ReadFace(wqyPath + ":7")
	if err == nil || !strings.Contains(err.Error(), "只有 2 个字体") {
		t.Errorf("face 7 of 2: %v", err)
	}
	_, err = ReadFace(wqyPath + "#SimSun")
	if err == nil || !strings.Contains(err.Error(), "0=WenQuanYi Micro Hei") {
		t.Errorf("unknown face name: %v", err)
	}
}

// assertChecksums verifies every table checksum and the whole-file checksum of a
// rebuilt font.
func assertChecksums(tb testing.TB, b []byte) {
	tb.Helper()
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if off%4 != 0 {
			tb.Errorf("table %q at unaligned offset %d", tag, off)
		}
		data := append([]byte(nil), b[off:off+length]...)
		if tag == "head" {
			binary.BigEndian.PutUint32(data[8:], 0)
		}
		if got, want := checksum(data), binary.BigEndian.Uint32(rec[4:]); got != want {
			tb.Errorf("table %q checksum %08x, directory says %08x", tag, got, want)
		}
	}
	if sum := checksum(b); sum != 0xB1B0AFBA {
		tb.Errorf("file checksum %08x, want B1B0AFBA", sum)
	}
}

// cffFont crafts the smallest files that claim PostScript outlines.
func cffFont(magic uint32, tag string) []byte {
	b := make([]byte, 12+16+4)
	binary.BigEndian.PutUint32(b, magic)
	binary.BigEndian.PutUint16(b[4:], 1)
	copy(b[12:], tag)
	binary.BigEndian.PutUint32(b[20:], 28)
	binary.BigEndian.PutUint32(b[24:], 4)
	return b
}

func TestRejectCFF(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"NotoSansCJKsc-Regular.otf": cffFont(magicOTTO, "CFF "),
		"odd.ttf":                   cffFont(magicTrueType, "CFF "),
		"variable.otf":              cffFont(magicOTTO, "CFF2"),
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := Load(path)
		var fe *FontError
		if !errors.As(err, &fe) || !fe.CFF {
			t.Fatalf("%s: err = %v, want a CFF FontError", name, err)
		}
		want := "字体 " + path + " 使用 CFF（PostScript）轮廓（常见于 .otf 字体，如思源黑体、Noto Sans CJK），PDF 只能嵌入 TrueType 轮廓的字体。" +
			"请改用 .ttf 字体（如 simhei.ttf、simfang.ttf），或 .ttc 字体集合中的一个字体（如 simsun.ttc、msyh.ttc、wqy-microhei.ttc，可写作 文件:编号 选择第几个字体）"
		if err.Error() != want {
			t.Errorf("message:\n%s\nwant\n%s", err, want)
		}
	}
}

func TestNoFont(t *testing.T) {
	empty := t.TempDir()
	// a CFF font alone is no font at all: discovery skips it
	if err := os.WriteFile(filepath.Join(empty, "notosanscjk-regular.ttc"), cffFont(magicOTTO, "CFF "), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := Find([]string{empty, filepath.Join(empty, "does-not-exist")})
	if !errors.Is(err, ErrNoFont) {
		t.Fatalf("err = %v, want ErrNoFont", err)
	}
	for _, want := range []string{"apt-get install fonts-wqy-microhei", "Windows 与 macOS 的系统中文字体", "--font", "XXGK_FONT"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%s", want, err)
		}
	}
	if _, _, err := Load(filepath.Join(empty, "missing.ttf")); err == nil || !strings.Contains(err.Error(), "无法读取字体文件") {
		t.Errorf("missing file: %v", err)
	}
}

// fontDir links the WenQuanYi collection under the given file names.
func fontDir(tb testing.TB, names ...string) string {
	tb.Helper()
	dir := tb.TempDir()
	for _, n := range names {
		p := filepath.Join(dir, "sub", n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.Symlink(wqyPath, p); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func TestFindRoles(t *testing.T) {
	needWQY(t)
	t.Run("stand-ins", func(t *testing.T) {
		s, note, err := Find([]string{fontDir(t, "wqy-microhei.ttc")})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"未安装公文标准字体", "正文（仿宋）→WenQuanYi Micro Hei", "标题（小标宋）→WenQuanYi Micro Hei"} {
			if !strings.Contains(note, want) {
				t.Errorf("note lacks %q: %s", want, note)
			}
		}
		if len(s.Faces()) != 3 { // one Chinese face, Go Regular, Go Bold
			t.Errorf("faces = %d, want 3", len(s.Faces()))
		}
	})
	t.Run("kai stand-in for second-level headings", func(t *testing.T) {
		s, note, err := Find([]string{fontDir(t, "uming.ttc", "ukai.ttc", "wqy-microhei.ttc")})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSuffix(filepath.Base(s.Face(Subheading).Source), ":0"); got != "ukai.ttc" {
			t.Errorf("楷体 role from %s, want ukai.ttc", got)
		}
		if got := strings.TrimSuffix(filepath.Base(s.Face(Body).Source), ":0"); got != "uming.ttc" {
			t.Errorf("body from %s, want uming.ttc", got)
		}
		if strings.Count(note, "未安装公文标准字体") != 1 || !strings.Contains(note, "二级标题（楷体）→") {
			t.Errorf("one notice listing the roles that fell back, got %q", note)
		}
	})
	t.Run("official", func(t *testing.T) {
		s, note, err := Find([]string{fontDir(t, "SimHei.ttf", "simfang.ttf", "simkai.ttf", "wqy-zenhei.ttc")})
		if err != nil {
			t.Fatal(err)
		}
		if note != "" {
			t.Errorf("note with official faces installed: %s", note)
		}
		for role, file := range map[Role]string{Body: "simfang.ttf", Heading: "SimHei.ttf", Subheading: "simkai.ttf", Title: "SimHei.ttf"} {
			if got := strings.TrimSuffix(filepath.Base(s.Face(role).Source), ":0"); got != file {
				t.Errorf("%v from %s, want %s", role, got, file)
			}
		}
	})
}

// cjkOnly is the WenQuanYi face with every character below U+2E80 removed from its
// character map, like the many Chinese fonts that carry no Latin letters.
func cjkOnly(tb testing.TB) *Face {
	tb.Helper()
	needWQY(tb)
	f, err := ReadFace(wqyPath)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := Subset(f, func(r rune) bool { return r >= 0x2E80 })
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range "1A %" {
		if c.Has(r) {
			tb.Fatalf("subset still has %q", r)
		}
	}
	if !c.Has('中') || !c.Has('，') {
		tb.Fatal("subset lost Chinese")
	}
	return c
}

func TestRunsFallBackPerCharacter(t *testing.T) {
	cjk := cjkOnly(t)
	s, err := Single(cjk)
	if err != nil {
		t.Fatal(err)
	}
	type run struct{ face, text string }
	for _, tc := range []struct {
		text string
		role Role
		want []run
	}{
		{"市12345热线办", Body, []run{{"cjk", "市"}, {"GoRegular", "12345"}, {"cjk", "热线办"}}},
		{"完成率87.5%，URL http://a.gov.cn", Body, []run{{"cjk", "完成率"}, {"GoRegular", "87.5%"}, {"cjk", "，"}, {"GoRegular", "URL http://a.gov.cn"}}},
		{"第2版", Heading, []run{{"cjk", "第"}, {"Go-Bold", "2"}, {"cjk", "版"}}},
		{"表\t情😀", Body, []run{{"cjk", "表"}, {"GoRegular", " "}, {"cjk", "情"}, {"GoRegular", "?"}}},
		{"", Body, nil},
	} {
		var got []run
		for _, r := range s.Runs(tc.text, tc.role) {
			name := r.Face.PostScript
			if r.Face == cjk {
				name = "cjk"
			}
			got = append(got, run{name, r.Text})
			for _, c := range r.Text {
				if !r.Face.Has(c) {
					t.Errorf("%q: %s draws %q without a glyph for it", tc.text, name, c)
				}
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("Runs(%q) = %v, want %v", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Runs(%q) = %v, want %v", tc.text, got, tc.want)
				break
			}
		}
	}
}

// TestEveryCharacterHasAGlyph runs a broad sample through both a complete font and a
// font without Latin letters: whatever face a run lands on has every one of its runes.
func TestEveryCharacterHasAGlyph(t *testing.T) {
	cjk := cjkOnly(t)
	full, err := ReadFace(wqyPath)
	if err != nil {
		t.Fatal(err)
	}
	sample := "安康市电子政务办公室 2020年9月20日 — 1 — ABCxyz 0123456789 %().,;:!?“”《》（）、。℃№①ⅠÅé©®™€£¥ 𠀀\u0007"
	for _, f := range []*Face{cjk, full} {
		s, err := Single(f)
		if err != nil {
			t.Fatal(err)
		}
		for role := Role(0); role < roleCount; role++ {
			n := 0
			for _, r := range s.Runs(sample, role) {
				for _, c := range r.Text {
					n++
					if !r.Face.Has(c) || unicode.IsControl(c) {
						t.Errorf("%s/%v: %q drawn by %s which lacks it", f.Name, role, c, r.Face.Name)
					}
				}
			}
			if n != len([]rune(sample)) {
				t.Errorf("%s/%v: %d runes drawn, want %d (one per input character)", f.Name, role, n, len([]rune(sample)))
			}
		}
	}
}

func TestWidth(t *testing.T) {
	needWQY(t)
	f, err := ReadFace(wqyPath)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Single(f)
	// a CJK character is one em wide: 16 pt at 16 pt
	if got := s.Width("中", Body, 16); got != 16 {
		t.Errorf("width of 中 at 16pt = %v, want 16", got)
	}
	if got, want := s.Width("中中", Body, 10), 2*s.RuneWidth('中', Body, 10); got != want {
		t.Errorf("Width = %v, want %v", got, want)
	}
}

// TestCut: a cut holds exactly the characters asked for (those the face has), with the
// face's widths, renumbered glyphs that gofpdf-style readers accept, and leaves the
// shared face untouched.
func TestCut(t *testing.T) {
	needWQY(t)
	f, err := ReadFace(wqyPath)
	if err != nil {
		t.Fatal(err)
	}
	before := append([]byte(nil), f.Data...)
	text := "关于安康市政府网站重点领域信息公开栏目建设情况的通报 2020年9月 http://www.ankang.gov.cn/ ÀÉ（）—"
	cut, err := f.Cut(append([]rune(text), 0x10000, 0xE000))
	if err != nil {
		t.Fatal(err)
	}
	assertChecksums(t, cut)
	c, err := newFace(cut, 0, "cut")
	if err != nil {
		t.Fatalf("cut does not read back: %v", err)
	}
	for _, r := range text {
		if c.Has(r) != f.Has(r) || c.Advance(r) != f.Advance(r) {
			t.Errorf("%q: cut has=%v width=%d, face has=%v width=%d", r, c.Has(r), c.Advance(r), f.Has(r), f.Advance(r))
		}
	}
	for _, r := range "表模板单" {
		if c.Has(r) {
			t.Errorf("cut has %q, which was not asked for", r)
		}
	}
	if len(cut) > len(f.Data)/20 {
		t.Errorf("cut of %d characters is %d bytes, face is %d", len([]rune(text)), len(cut), len(f.Data))
	}
	// Scribbling over a cut (gofpdf pads tables in place) must not reach the face.
	for i := range cut {
		cut[i] = 0xFF
	}
	if !bytes.Equal(before, f.Data) {
		t.Error("cutting changed the face's bytes")
	}
	if again, err := f.Cut([]rune(text)); err != nil || len(again) == 0 {
		t.Errorf("second cut: %v", err)
	}
}
