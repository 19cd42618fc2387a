package store

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
)

// TestTemplateKey: one secret per database, made on first use, the same for every
// process that asks, kept across reopening.
func TestTemplateKey(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		dsn := e.fresh(t)
		a, b := open(t, dsn), open(t, dsn)
		if err := a.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
			t.Fatal(err)
		}
		keys := make([]xxgk.TemplateKey, 8)
		var wg sync.WaitGroup
		for i := range keys {
			s := a
			if i%2 == 1 {
				s = b
			}
			wg.Go(func() {
				k, err := s.TemplateKey(ctx)
				if err != nil {
					t.Error(err)
				}
				keys[i] = k
			})
		}
		wg.Wait()
		if len(keys[0].Secret) != 32 || !slices.Equal(keys[0].Older, []string{"2020"}) {
			t.Fatalf("key: %d bytes, older rounds %v, want [2020]", len(keys[0].Secret), keys[0].Older)
		}
		for i, k := range keys {
			if !bytes.Equal(k.Secret, keys[0].Secret) || !slices.Equal(k.Older, keys[0].Older) {
				t.Errorf("caller %d got another key", i)
			}
		}
		// A round recorded after the key is not an older one.
		r := round2020
		r.ID = "2021"
		if err := a.SaveRound(ctx, r, smallCatalog(t)); err != nil {
			t.Fatal(err)
		}
		if k, err := a.TemplateKey(ctx); err != nil || !k.AllowsUnsigned("2020") || k.AllowsUnsigned("2021") {
			t.Errorf("older rounds %v, %v", k.Older, err)
		}
		a.Close()
		again, err := open(t, dsn).TemplateKey(ctx)
		if err != nil || !bytes.Equal(again.Secret, keys[0].Secret) {
			t.Errorf("after reopening: %v", err)
		}
		if other, err := open(t, e.fresh(t)).TemplateKey(ctx); err != nil || bytes.Equal(other.Secret, keys[0].Secret) {
			t.Errorf("a new database must get its own secret (%v)", err)
		}
	})
}

// TestTextLimitsFitSchema: every free-text field holds its limit in 4-byte characters on
// both engines, and one character more is a *DataError naming the field on both engines.
func TestTextLimitsFitSchema(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		s := open(t, e.fresh(t))
		if err := s.SaveRound(ctx, round2020, catalogOf(t, 1, 3)); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2020, 9, 18, 2, 0, 0, 0, time.UTC)
		set := func(sub *xxgk.Submission, field, v string) {
			switch field {
			case xxgk.LabelFiller:
				sub.Filler = v
			case xxgk.LabelPhone:
				sub.Phone = v
			case xxgk.FormColumns[xxgk.ColName]:
				sub.Items[0].ColumnName = v
			case xxgk.FormColumns[xxgk.ColURL]:
				sub.Items[0].URL = v
			case xxgk.FormColumns[xxgk.ColReported]:
				sub.Items[0].Reported = v
			case xxgk.FormColumns[xxgk.ColRemark]:
				sub.Items[0].Remark = v
			default:
				t.Fatalf("no field %s", field)
			}
		}
		for _, l := range xxgk.TextLimits() {
			full := strings.Repeat("𠀀", l.Max)
			sub := newSub("2020", "U0000", "full "+l.Field, 3, at)
			set(sub, l.Field, full)
			if _, err := s.SaveSubmissions(ctx, []*xxgk.Submission{sub}); err != nil {
				t.Errorf("%s at its limit of %d: %v", l.Field, l.Max, err)
				continue
			}
			var got string
			if err := s.db.QueryRowContext(ctx, `SELECT `+l.SQL+` FROM `+l.Table+` WHERE `+
				map[bool]string{true: "id", false: "submission_id"}[l.Table == "submissions"]+` = ? `+
				map[bool]string{true: "", false: "AND seq = 1"}[l.Table == "submissions"], sub.ID).Scan(&got); err != nil || got != full {
				t.Errorf("%s: stored %d characters (%v), want %d", l.Field, len([]rune(got)), err, l.Max)
			}

			over := newSub("2020", "U0000", "over "+l.Field, 3, at)
			set(over, l.Field, full+"a")
			_, err := s.SaveSubmissions(ctx, []*xxgk.Submission{over})
			var de *DataError
			if !errors.As(err, &de) || de.Field != l.Field {
				t.Errorf("%s over its limit: %v, want a DataError naming the field", l.Field, err)
			}
		}
	})
}

// TestMySQLDataErrors: what MariaDB refuses because of a value is a DataError naming the
// field; a closed connection is not.
func TestMySQLDataErrors(t *testing.T) {
	ctx := context.Background()
	s := open(t, freshMySQL(t))
	if err := s.SaveRound(ctx, round2020, catalogOf(t, 1, 1)); err != nil {
		t.Fatal(err)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO submissions (round_id, unit_code, version, filler, phone, file_name,
file_size, sha256, imported_at, imported_by) VALUES ('2020', 'U0000', 1, ?, '', '', 0, ?, 0, '')`, strings.Repeat("张", 30000), sha("x"))
	de := asDataError(err)
	if de == nil || de.Field != xxgk.LabelFiller || !strings.Contains(de.Error(), "1406") {
		t.Fatalf("1406 classified as %v (from %v)", de, err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO submission_items (submission_id, seq, code, status, column_name, url,
reported, remark, item_count) VALUES (1, 1, 'X', 'x', ?, '', '', '', 1)`, "bad\xff")
	if de := asDataError(err); de == nil || de.Field != "栏目名称" {
		t.Errorf("invalid UTF-8 classified as %v (from %v)", de, err)
	}
	s.db.Close()
	_, err = s.db.ExecContext(ctx, `SELECT 1`)
	if err == nil || asDataError(err) != nil {
		t.Errorf("a closed database is not a data error: %v", err)
	}
}

// TestRejectionFileNameNotUTF8: a refused file whose name is in no encoding is recorded
// the same on both engines (MySQL would refuse the raw bytes; SQLite would keep them).
func TestRejectionFileNameNotUTF8(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		s := open(t, e.fresh(t))
		if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveRejections(ctx, []xxgk.Rejection{{Round: "2020", Unit: "CZJ", FileName: "报送\xff\xfe.xlsx", SHA256: sha("r"), Errors: 1}}); err != nil {
			t.Fatal(err)
		}
		rs, err := s.Rejections(ctx, "2020")
		if err != nil || len(rs) != 1 || rs[0].FileName != "报送\uFFFD.xlsx" {
			t.Errorf("recorded %+v, %v", rs, err)
		}
	})
}
