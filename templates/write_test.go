package templates

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"xxgk"
)

func TestFileName(t *testing.T) {
	tests := []struct {
		round string
		unit  xxgk.Unit
		want  string
	}{
		{"2020", xxgk.Unit{Code: "czj", Short: "市财政局", Name: "安康市财政局"}, "2020_市财政局_信息公开栏目建设情况填报表.xlsx"},
		{"2021", xxgk.Unit{Code: "x", Name: "安康市某局"}, "2021_安康市某局_信息公开栏目建设情况填报表.xlsx"},
		{"2021/下半年", xxgk.Unit{Code: "x", Short: `a\b:c*d?"e<f>g|h`}, "2021_下半年_a_b_c_d__e_f_g_h_信息公开栏目建设情况填报表.xlsx"},
		{"2020", xxgk.Unit{Code: "kfq", Short: " 高新区. "}, "2020_高新区_信息公开栏目建设情况填报表.xlsx"},
	}
	for _, tt := range tests {
		got := FileName(xxgk.Round{ID: tt.round}, tt.unit)
		if got != tt.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", tt.round, tt.unit.Short, got, tt.want)
		}
		if strings.ContainsAny(got, `\/:*?"<>|`) {
			t.Errorf("%q is not a valid Windows file name", got)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	cat := testCatalog(t)
	idle := xxgk.Unit{Code: "none", Short: "市无关局", Kind: xxgk.Department}
	cat.Indicators = cat.Indicators[1:] // drop the only 各部门 item
	var buf bytes.Buffer
	if err := Write(&buf, testRound(), cat, idle); !errors.Is(err, ErrNoIndicators) {
		t.Errorf("unit without indicators: err = %v, want ErrNoIndicators", err)
	}
	if err := Write(&buf, xxgk.Round{}, cat, unit(t, cat, "市财政局")); err == nil {
		t.Error("round without ID accepted")
	}
	if err := Write(&buf, testRound(), nil, idle); err == nil {
		t.Error("nil catalog accepted")
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written on error", buf.Len())
	}
}

// TestRealCatalog writes every unit's workbook from the built-in 2020 table and checks
// each holds exactly that unit's indicators, in both county scopes.
func TestRealCatalog(t *testing.T) {
	cat := realCatalog(t)
	r := testRound()
	for _, scope := range []xxgk.CountyScope{xxgk.CountyMandatory, xxgk.CountyFull} {
		cat.Scope = scope
		for _, u := range cat.Units.All() {
			want := cat.For(u)
			if len(want) == 0 {
				continue
			}
			f := open(t, generate(t, r, cat, u))
			rows := formGrid(t, f)
			header := findHeader(t, rows)
			body := rows[header:]
			if len(body) != len(want) {
				t.Errorf("%s (%s): %d rows, want %d", u.Short, scope, len(body), len(want))
				continue
			}
			for i, ind := range want {
				if at(body[i], xxgk.ColCode) != ind.Code {
					t.Errorf("%s (%s) row %d: code %q, want %q", u.Short, scope, i+1, at(body[i], xxgk.ColCode), ind.Code)
				}
			}
			metaRows, err := f.GetRows(xxgk.SheetMeta)
			if err != nil {
				t.Fatal(err)
			}
			if m, err := xxgk.ParseTemplateMeta(metaRows); err != nil || len(m.Codes) != len(want) || m.Unit != u.Code {
				t.Errorf("%s (%s): meta %+v, %v", u.Short, scope, m, err)
			}
		}
	}
}

// TestWriterConcurrent shares one Writer (and its compressor pool) between goroutines,
// as the command does; run with -race.
func TestWriterConcurrent(t *testing.T) {
	cat := testCatalog(t)
	w := NewWriter()
	units := cat.Units.All()
	out := make([]bytes.Buffer, 4*len(units))
	errs := make(chan error, len(out))
	for i := range out {
		go func() { errs <- w.Write(&out[i], testRound(), cat, units[i%len(units)]) }()
	}
	for range out {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for i := range out {
		u := units[i%len(units)]
		rows, err := open(t, out[i].Bytes()).GetRows(xxgk.SheetMeta)
		if err != nil {
			t.Fatal(err)
		}
		if m, err := xxgk.ParseTemplateMeta(rows); err != nil || m.Unit != u.Code || len(m.Codes) != len(cat.For(u)) {
			t.Errorf("workbook %d: meta %+v, %v", i, m, err)
		}
	}
}
