package pdf

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

var update = flag.Bool("update", false, "rewrite testdata/sentences.golden")

// sentenceFiles are the sources whose Chinese literals the papers print: this package,
// the Excel report, and the root package's wording for findings and checks.
var sentenceFiles = []string{"*.go", "../exporter/*.go", "../check.go", "../check_words.go", "../findings.go", "../names_list.go", "../notice.go"}

// TestSentencesGolden collects every fixed Chinese text of the papers — each string
// literal with a Chinese character in the sources the 通报, the letters and the Excel
// report are written from — into testdata/sentences.golden, so that a reviewer proof-reads
// them in one place and a change of wording shows in the diff (go test -run
// TestSentencesGolden -update rewrites it). It also rejects wording once found wrong.
func TestSentencesGolden(t *testing.T) {
	var lines []string
	for _, pat := range sentenceFiles {
		files, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || !hasHan(s) {
					return true
				}
				lines = append(lines, filepath.ToSlash(file)+"\t"+strings.ReplaceAll(s, "\n", `\n`))
				return true
			})
		}
	}
	got := strings.Join(lines, "\n") + "\n"
	for _, bad := range []string{"按照按月", "尚未改正后", "建设情况报送》", "早于 ", "--", "Not Found"} {
		for _, l := range lines {
			if strings.Contains(l, bad) {
				t.Errorf("wording %q in %s", bad, l)
			}
		}
	}
	path := filepath.Join("testdata", "sentences.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pdf -run TestSentencesGolden -update)", err)
	}
	if string(want) != got {
		t.Errorf("the papers' fixed sentences changed: review them and run go test ./pdf -run TestSentencesGolden -update\n%s", firstLineDiff(string(want), got))
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// firstLineDiff shows the first line that differs.
func firstLineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "golden: " + x + "\nnow:    " + y
		}
	}
	return ""
}
