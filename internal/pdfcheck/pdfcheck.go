// Package pdfcheck reads a PDF back the way a reviewer with a ruler would, for tests:
// the words poppler's `pdftotext -bbox` finds, grouped into lines, in millimetres from
// the top left corner of the page, and the rules a page's content stream draws. It knows nothing of how xxgk lays pages out; the checks that use it do.
package pdfcheck

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const ptMM = 25.4 / 72

// Word is one word of pdftotext -bbox, in mm.
type Word struct {
	XMin, YMin, XMax, YMax float64
	Text                   string
}

// Line is the words of one page that share a line, left to right.
type Line struct {
	Words                  []Word
	XMin, YMin, XMax, YMax float64
}

// Text is the line's words joined without spaces.
func (l Line) Text() string {
	var b strings.Builder
	for _, w := range l.Words {
		b.WriteString(w.Text)
	}
	return b.String()
}

// Height is the height of the line's box (font ascent to descent), mm.
func (l Line) Height() float64 { return l.YMax - l.YMin }

// Page is one page's lines, top to bottom.
type Page struct {
	Number int
	Lines  []Line
}

var (
	pageRe = regexp.MustCompile(`<page width="`)
	wordRe = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*)</word>`)
)

// Read runs pdftotext -bbox on path.
func Read(path string) ([]Page, error) {
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext -bbox %s: %w", path, err)
	}
	var pages []Page
	var words []Word
	flush := func() {
		if len(pages) > 0 {
			pages[len(pages)-1].Lines = group(words)
		}
		words = nil
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if pageRe.MatchString(line) {
			flush()
			pages = append(pages, Page{Number: len(pages) + 1})
			continue
		}
		m := wordRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
			v[i] *= ptMM
		}
		words = append(words, Word{v[0], v[1], v[2], v[3], html.UnescapeString(m[5])})
	}
	flush()
	return pages, sc.Err()
}

// group puts words whose vertical centres are within 1 mm on one line.
func group(ws []Word) []Line {
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].YMin+ws[i].YMax < ws[j].YMin+ws[j].YMax })
	var lines []Line
	for _, w := range ws {
		c := (w.YMin + w.YMax) / 2
		if n := len(lines); n > 0 && math.Abs(c-(lines[n-1].YMin+lines[n-1].YMax)/2) < 1 {
			l := &lines[n-1]
			l.Words = append(l.Words, w)
			l.XMin, l.XMax = min(l.XMin, w.XMin), max(l.XMax, w.XMax)
			l.YMin, l.YMax = min(l.YMin, w.YMin), max(l.YMax, w.YMax)
			continue
		}
		lines = append(lines, Line{Words: []Word{w}, XMin: w.XMin, YMin: w.YMin, XMax: w.XMax, YMax: w.YMax})
	}
	for i := range lines {
		sort.Slice(lines[i].Words, func(a, b int) bool { return lines[i].Words[a].XMin < lines[i].Words[b].XMin })
	}
	return lines
}

// BodyHeight is the most common height, to 0.1 mm, of the lines that start at the left
// margin or two characters in (paragraphs, not table cells): the body text's.
func BodyHeight(pages []Page) float64 {
	count := map[int]int{}
	for _, p := range pages {
		for _, l := range p.Lines {
			if math.Abs(l.XMin-GBT9704.Left) < 0.3 || math.Abs(l.XMin-GBT9704.Left-2*(GBT9704.Right-GBT9704.Left)/28) < 0.3 {
				count[int(math.Round(l.Height()*10))]++
			}
		}
	}
	best, n := 0, 0
	for h, c := range count {
		if c > n || (c == n && h > best) {
			best, n = h, c
		}
	}
	return float64(best) / 10
}

// IsBody tells whether l is set in the body size (height within 0.2 mm of h).
func IsBody(l Line, h float64) bool { return math.Abs(l.Height()-h) < 0.2 }

// Rule is a straight line a page draws, mm from the top left corner, with its width.
type Rule struct {
	X1, Y1, X2, Y2, Width float64
	Red                   bool
}

var (
	widthRe = regexp.MustCompile(`^([-0-9.]+) w$`)
	rgbRe   = regexp.MustCompile(`^([-0-9.]+) ([-0-9.]+) ([-0-9.]+) RG$`)
	grayRe  = regexp.MustCompile(`^([-0-9.]+) G$`)
	lineRe  = regexp.MustCompile(`^([-0-9.]+) ([-0-9.]+) m ([-0-9.]+) ([-0-9.]+) l S$`)
)

// Rules lists the lines each page's content stream draws (gofpdf writes one operator a
// line: "w", "RG" or "G", "x y m x y l S"), by page number from 1, in mm from the top left
// corner of a page pageH mm high.
func Rules(path string, pageH float64) (map[int][]Rule, error) {
	streams, err := contents(path)
	if err != nil {
		return nil, err
	}
	rules := map[int][]Rule{}
	f := func(v string) float64 { x, _ := strconv.ParseFloat(v, 64); return x }
	for i, body := range streams {
		page := i + 1
		width, red := 0.0, false
		for _, ln := range strings.Split(body, "\n") {
			if v := widthRe.FindStringSubmatch(ln); v != nil {
				width = f(v[1]) * ptMM
			} else if v := rgbRe.FindStringSubmatch(ln); v != nil {
				red = f(v[1]) > 0.5 && f(v[2]) < 0.2 && f(v[3]) < 0.2
			} else if grayRe.MatchString(ln) {
				red = false
			} else if v := lineRe.FindStringSubmatch(ln); v != nil {
				rules[page] = append(rules[page], Rule{f(v[1]) * ptMM, pageH - f(v[2])*ptMM, f(v[3]) * ptMM, pageH - f(v[4])*ptMM, width, red})
			}
		}
	}
	return rules, nil
}

var (
	pageContentsRe = regexp.MustCompile(`/Type /Page\b[^>]*?/Contents (\d+) 0 R`)
	lengthRe       = regexp.MustCompile(`/Length (\d+)`)
)

// contents returns the content stream of every page of a PDF gofpdf wrote, in page
// order, uncompressed: gofpdf writes each page's object, naming its /Contents, in order,
// and the stream either plain or FlateDecode.
func contents(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range pageContentsRe.FindAllSubmatch(b, -1) {
		head := []byte("\n" + string(m[1]) + " 0 obj\n")
		at := bytes.Index(b, head)
		if at < 0 {
			return nil, fmt.Errorf("%s: no object %s", path, m[1])
		}
		obj := b[at+len(head):]
		start := bytes.Index(obj, []byte("stream\n"))
		n := lengthRe.FindSubmatch(obj)
		if start < 0 || n == nil {
			return nil, fmt.Errorf("%s: object %s has no stream", path, m[1])
		}
		size, _ := strconv.Atoi(string(n[1]))
		data := obj[start+len("stream\n"):]
		if size > len(data) {
			return nil, fmt.Errorf("%s: object %s: stream shorter than its /Length", path, m[1])
		}
		data = data[:size]
		if bytes.Contains(obj[:start], []byte("/FlateDecode")) {
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return nil, fmt.Errorf("%s: object %s: %w", path, m[1], err)
			}
			if data, err = io.ReadAll(r); err != nil {
				return nil, fmt.Errorf("%s: object %s: %w", path, m[1], err)
			}
		}
		out = append(out, string(data))
	}
	return out, nil
}
