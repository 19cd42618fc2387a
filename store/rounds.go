package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"xxgk"
)

// maxKey is the length of keys (round ids, unit and indicator codes): VARCHAR(64) on MySQL.
const maxKey = 64

// dateLayout stores calendar dates as text that sorts and compares correctly everywhere.
const dateLayout = "2006-01-02"

// SaveRound records round r with the catalog it was sent out with: it upserts cat's units
// into units, the round row, and replaces the round's catalog snapshot (round_units in
// catalog order, round_indicators in table order, the county scope). Once a round has
// submissions its snapshot is frozen: saving the same snapshot again only updates title,
// deadline and contact; a different one returns ErrRoundInUse. r.Created is kept from the
// first save (the store's clock when zero). An empty cat.Scope is stored as xxgk.DefaultCountyScope.
func (s *Store) SaveRound(ctx context.Context, r xxgk.Round, cat *xxgk.Catalog) error {
	if err := validRound(r, cat); err != nil {
		return err
	}
	created := r.Created
	if created.IsZero() {
		created = s.now()
	}
	snap := snapshotOf(cat)
	return s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			for _, u := range snap.units {
				if _, err := tx.ExecContext(ctx, s.d.upsertUnit, u.Code, u.Name, u.Short, string(u.Kind), aliasesJSON(u.Aliases)); err != nil {
					return fmt.Errorf("保存单位 %s：%w", u.Short, err)
				}
			}
			old, exists, err := loadSnapshot(ctx, tx, r.ID)
			if err != nil {
				return err
			}
			same := exists && reflect.DeepEqual(old, snap)
			if exists && !same {
				var one int
				err := tx.QueryRowContext(ctx, `SELECT 1 FROM submissions WHERE round_id = ? LIMIT 1`, r.ID).Scan(&one)
				if err == nil {
					return fmt.Errorf("轮次“%s”%w（单位、指标或县区范围与已发出的模板不同），请使用新的轮次编号", r.ID, ErrRoundInUse)
				}
				if !errors.Is(err, sql.ErrNoRows) {
					return err
				}
			}
			if err := saveRoundRow(ctx, tx, r, snap.scope, created, exists); err != nil {
				return err
			}
			if same {
				return nil
			}
			return saveSnapshot(ctx, tx, r.ID, snap, exists)
		})
	})
}

// validRound checks what the schema would otherwise reject less clearly.
func validRound(r xxgk.Round, cat *xxgk.Catalog) error {
	if cat == nil || cat.Units == nil {
		return errors.New("保存轮次：缺少指标目录")
	}
	if r.ID == "" || len([]rune(r.ID)) > maxKey {
		return fmt.Errorf("轮次编号“%s”无效：须为 1 至 %d 个字符", r.ID, maxKey)
	}
	for _, u := range cat.Units.All() {
		if u.Code == "" || len([]rune(u.Code)) > maxKey || strings.Contains(u.Code, ",") {
			return fmt.Errorf("单位“%s”的编码“%s”无效：须为 1 至 %d 个字符且不含逗号", u.Short, u.Code, maxKey)
		}
	}
	for _, ind := range cat.Indicators {
		if ind.Code == "" || len([]rune(ind.Code)) > maxKey {
			return fmt.Errorf("指标编码“%s”无效：须为 1 至 %d 个字符", ind.Code, maxKey)
		}
	}
	return nil
}

// snapshot is a round's catalog in the shape it is stored, for comparison.
type snapshot struct {
	units      []xxgk.Unit
	indicators []xxgk.Indicator
	scope      xxgk.CountyScope
}

// snapshotOf normalises a catalog so that equal catalogs compare equal after a round trip
// (nil and empty slices, an empty scope meaning the default).
func snapshotOf(cat *xxgk.Catalog) snapshot {
	s := snapshot{scope: cat.Scope}
	if s.scope == "" {
		s.scope = xxgk.DefaultCountyScope
	}
	for _, u := range cat.Units.All() {
		u.Aliases = nonNil(u.Aliases)
		s.units = append(s.units, u)
	}
	for _, ind := range cat.Indicators {
		ind.Units = nonNil(ind.Units)
		s.indicators = append(s.indicators, ind)
	}
	return s
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func saveRoundRow(ctx context.Context, tx *sql.Tx, r xxgk.Round, scope xxgk.CountyScope, created time.Time, exists bool) error {
	c := r.Contact
	deadline := r.Deadline.Format(dateLayout)
	var err error
	if exists {
		_, err = tx.ExecContext(ctx, `UPDATE rounds SET title = ?, deadline = ?, contact_office = ?, contact_people = ?,
contact_phone = ?, contact_email = ?, county_scope = ? WHERE id = ?`,
			r.Title, deadline, c.Office, c.People, c.Phone, c.Email, string(scope), r.ID)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO rounds (id, title, deadline, contact_office, contact_people,
contact_phone, contact_email, county_scope, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ID, r.Title, deadline, c.Office, c.People, c.Phone, c.Email, string(scope), created.UnixMicro())
	}
	if err != nil {
		return fmt.Errorf("保存轮次“%s”：%w", r.ID, err)
	}
	return nil
}

// saveSnapshot replaces the round's units and indicators with multi-row inserts.
func saveSnapshot(ctx context.Context, tx *sql.Tx, round string, snap snapshot, exists bool) error {
	if exists {
		// Refused files of a round without submissions were made from the templates being
		// replaced; they go with the old snapshot (and would block it by foreign key).
		// So do corrections of them (only refusals can be cleared without a submission).
		for _, q := range []string{
			`DELETE FROM unit_events WHERE round_id = ?`,
			`DELETE FROM rejection_problems WHERE rejection_id IN (SELECT id FROM rejections WHERE round_id = ?)`,
			`DELETE FROM rejection_files WHERE rejection_id IN (SELECT id FROM rejections WHERE round_id = ?)`,
			`DELETE FROM rejections WHERE round_id = ?`, `DELETE FROM round_units WHERE round_id = ?`, `DELETE FROM round_indicators WHERE round_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, round); err != nil {
				return err
			}
		}
	}
	us := newBulk(tx, "round_units", "round_id", "seq", "unit_code", "name", "short", "kind", "aliases")
	defer us.close()
	for i, u := range snap.units {
		if err := us.add(ctx, round, i+1, u.Code, u.Name, u.Short, string(u.Kind), aliasesJSON(u.Aliases)); err != nil {
			return err
		}
	}
	if err := us.flush(ctx); err != nil {
		return err
	}
	is := newBulk(tx, "round_indicators", "round_id", "seq", "code", "area", "sub_area", "content", "report",
		"units_raw", "units", "all_depts", "all_county", "open_ended", "frequency", "display")
	defer is.close()
	for i, ind := range snap.indicators {
		if err := is.add(ctx, round, i+1, ind.Code, ind.Area, ind.SubArea, ind.Content, ind.Report, ind.UnitsRaw,
			strings.Join(ind.Units, ","), ind.AllDepts, ind.AllCounty, ind.OpenEnded, ind.Frequency, ind.Display); err != nil {
			return err
		}
	}
	return is.flush(ctx)
}

// aliasesJSON stores aliases as a JSON array: names are free text and may hold any separator.
func aliasesJSON(aliases []string) string {
	b, _ := json.Marshal(nonNil(aliases))
	return string(b)
}

func parseAliases(s string) ([]string, error) {
	out := []string{}
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, fmt.Errorf("单位别名数据损坏：%w", err)
	}
	return out, nil
}
