package pdfcheck

import (
	"regexp"
	"strconv"
	"strings"
)

// Box is a rectangle a page draws (a table cell), mm from the top left corner.
type Box struct {
	X, Y, W, H float64
}

// Contains tells whether the centre of w lies inside the box.
func (b Box) Contains(w Word) bool {
	cx, cy := (w.XMin+w.XMax)/2, (w.YMin+w.YMax)/2
	return cx > b.X && cx < b.X+b.W && cy > b.Y && cy < b.Y+b.H
}

var rectRe = regexp.MustCompile(`^([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) re [SfB]$`)

// Boxes lists the rectangles each page's content stream draws (gofpdf writes
// "x y w h re S|f|B", h negative, from the page's foot), by page number from 1, in mm
// from the top left corner of a page pageH mm high, top left corner first.
func Boxes(path string, pageH float64) (map[int][]Box, error) {
	streams, err := contents(path)
	if err != nil {
		return nil, err
	}
	boxes := map[int][]Box{}
	f := func(v string) float64 { x, _ := strconv.ParseFloat(v, 64); return x * ptMM }
	for i, body := range streams {
		for _, ln := range strings.Split(body, "\n") {
			if v := rectRe.FindStringSubmatch(ln); v != nil {
				x, y, w, h := f(v[1]), pageH-f(v[2]), f(v[3]), -f(v[4])
				if w < 0 {
					x, w = x+w, -w
				}
				if h < 0 {
					y, h = y+h, -h
				}
				boxes[i+1] = append(boxes[i+1], Box{x, y, w, h})
			}
		}
	}
	return boxes, nil
}
