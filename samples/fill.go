package samples

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// Fill fills a template written by the templates package like a unit would and returns
// the saved workbook. The same rnd seed gives the same workbook. Dates fall in the 30 days
// before 10 September of the round's year (the round ID, when it is a year; 2020
// otherwise), so Good workbooks carry no stale-date warning for a deadline that autumn.
func Fill(template []byte, p Profile, rnd *rand.Rand) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		return nil, fmt.Errorf("samples: open template: %w", err)
	}
	defer f.Close()
	metaRows, err := f.GetRows(xxgk.SheetMeta)
	if err != nil {
		return nil, fmt.Errorf("samples: template has no %s sheet: %w", xxgk.SheetMeta, err)
	}
	meta, err := xxgk.ParseTemplateMeta(metaRows)
	if err != nil {
		return nil, fmt.Errorf("samples: %w", err)
	}
	rows, err := f.GetRows(xxgk.SheetForm, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("samples: %w", err)
	}
	fm, err := locate(rows)
	if err != nil {
		return nil, err
	}
	props, _ := f.GetWorkbookProps()
	w := &filler{
		f: f, rnd: rnd, p: p, fm: fm,
		host:     site(fm.unit),
		base:     baseDate(meta.Round),
		date1904: props.Date1904 != nil && *props.Date1904,
	}
	if err := w.contact(); err != nil {
		return nil, err
	}
	for i, r := range fm.rows {
		if err := w.row(i, r, rows[r]); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("samples: save: %w", err)
	}
	return buf.Bytes(), nil
}

// form is where the template put things (0-based rows and columns).
type form struct {
	col           map[int]int // form column index → sheet column
	rows          []int       // indicator rows
	filler, phone [2]int      // value cells of the labels
	unit          string
}

func locate(rows [][]string) (form, error) {
	fm := form{col: map[int]int{}, filler: [2]int{-1, -1}, phone: [2]int{-1, -1}}
	header := -1
	for r, row := range rows {
		for c, v := range row {
			switch strings.TrimSpace(v) {
			case xxgk.LabelUnit:
				for cc := c + 1; cc < len(row); cc++ {
					if strings.TrimSpace(row[cc]) != "" {
						fm.unit = row[cc]
						break
					}
				}
			case xxgk.LabelFiller:
				fm.filler = [2]int{r, c + 1}
			case xxgk.LabelPhone:
				fm.phone = [2]int{r, c + 1}
			}
			for i, l := range xxgk.FormColumns {
				if header < 0 && strings.TrimSpace(v) == l {
					fm.col[i] = c
				}
			}
		}
		if _, ok := fm.col[xxgk.ColCode]; ok && header < 0 {
			header = r
			continue
		}
		if header >= 0 && r > header {
			if c, ok := fm.col[xxgk.ColCode]; ok && c < len(row) && strings.TrimSpace(row[c]) != "" {
				fm.rows = append(fm.rows, r)
			}
		}
	}
	if header < 0 || len(fm.col) != xxgk.NumCols || fm.filler[0] < 0 || fm.phone[0] < 0 {
		return fm, errors.New("samples: the template's 填报表 lacks its header or label cells")
	}
	return fm, nil
}

func baseDate(round string) time.Time {
	y, err := strconv.Atoi(round)
	if err != nil || y < 2000 || y > 2100 {
		y = 2020
	}
	return time.Date(y, 9, 10, 0, 0, 0, 0, time.UTC)
}

// filler writes one workbook.
type filler struct {
	f        *excelize.File
	rnd      *rand.Rand
	p        Profile
	fm       form
	host     string
	base     time.Time
	date1904 bool
}

func (w *filler) set(r, c int, v any) error {
	cell, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return err
	}
	switch v := v.(type) {
	case string:
		return w.f.SetCellStr(xxgk.SheetForm, cell, v)
	case int:
		return w.f.SetCellInt(xxgk.SheetForm, cell, int64(v))
	case time.Time: // a real date cell: the serial number under the column's date format
		return w.f.SetCellFloat(xxgk.SheetForm, cell, w.serial(v), -1, 64)
	}
	return fmt.Errorf("samples: cannot write %T", v)
}

func (w *filler) serial(t time.Time) float64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if w.date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return float64(t.Sub(epoch) / (24 * time.Hour))
}

func (w *filler) contact() error {
	if err := w.set(w.fm.filler[0], w.fm.filler[1], personName(w.rnd)); err != nil {
		return err
	}
	if w.p == WithErrors { // the classic omission
		return nil
	}
	return w.set(w.fm.phone[0], w.fm.phone[1], phone(w.rnd))
}
