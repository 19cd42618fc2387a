package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/fonts"
)

// TestLetterFaces: a letter embeds the faces of the title, the headings and the body,
// and no 楷体 (a whole face embedded per letter was a third of `feedback`'s time), while
// the 通报 still sets its (一)(二) headings in 楷体. The 楷体 role is played here by the
// second face of the WenQuanYi collection, so that the two can be told apart.
func TestLetterFaces(t *testing.T) {
	testFonts(t) // skips (or fails in CI) without the Chinese font
	hei, err := fonts.ReadFace(wqyPath)
	if err != nil {
		t.Fatal(err)
	}
	kai, err := fonts.ReadFace(wqyPath + ":1")
	if err != nil {
		t.Fatal(err)
	}
	if kai.PostScript == hei.PostScript {
		t.Fatalf("both faces are %s", hei.PostScript)
	}
	set, err := fonts.NewSet(map[fonts.Role]*fonts.Face{fonts.Body: hei, fonts.Title: hei, fonts.Heading: hei, fonts.Subheading: kai})
	if err != nil {
		t.Fatal(err)
	}
	s, cat := fixture(t, 12, 0)
	opt := Options{Fonts: set, Date: testDate}
	path := filepath.Join(t.TempDir(), "letter.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Feedback(f, s, s.Units[0], cat, opt); err != nil {
		t.Fatal(err)
	}
	f.Close()
	names := assertFonts(t, path, 1)
	if len(names) != 1 || !strings.HasSuffix(names[0], "+"+hei.PostScript) {
		t.Errorf("letter embeds %q, want %s alone", names, hei.PostScript)
	}
	names = assertFonts(t, render(t, s, cat, opt), 2)
	if !strings.Contains(strings.Join(names, " "), "+"+kai.PostScript) {
		t.Errorf("通报 embeds %q, want %s among them for its 楷体 headings", names, kai.PostScript)
	}
}
