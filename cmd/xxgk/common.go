package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/catalog"
	"xxgk/store"
	"xxgk/termtable"
)

// openStore opens the database named by --db; failure means nothing can be done (exit 2).
// The DSN is printed redacted, never with its password.
func openStore(c *cli.Context) (*store.Store, error) { return openWith(c, store.Open) }

// openWith opens --db with store.Open or store.OpenExisting.
func openWith(c *cli.Context, open func(context.Context, string) (*store.Store, error)) (*store.Store, error) {
	dsn := value(c, "db")
	st, err := open(c.Context, dsn)
	if errors.Is(err, store.ErrBadDSN) {
		return nil, failf("%v。请检查 --db 参数或环境变量 XXGK_DB", err)
	}
	if err != nil {
		return nil, failf("无法打开数据库 %s：%v", store.Redact(dsn), err)
	}
	return st, nil
}

// openExistingStore is openStore for the commands that only make sense on a database that
// holds a round: a mistyped SQLite path or MySQL database name must not quietly create an
// empty database and then reject every file as if the units were at fault, or leave an
// empty database behind on the server after a status.
func openExistingStore(c *cli.Context) (*store.Store, error) {
	dsn := value(c, "db")
	if path, ok := strings.CutPrefix(dsn, "sqlite:"); ok {
		path, _, _ = strings.Cut(strings.TrimPrefix(path, "//"), "?")
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, failf("数据库文件 %s 不存在。请先用 xxgk templates 生成模板（会创建数据库并登记轮次），或检查 --db 参数、环境变量 XXGK_DB 和当前目录", path)
		}
	}
	return openWith(c, store.OpenExisting)
}

// loadCatalog loads the indicator table and unit list named by --indicators and --units,
// or the built-in 2020 ones.
func loadCatalog(c *cli.Context) (*xxgk.Catalog, error) {
	cat, err := catalog.Load(value(c, "indicators"), value(c, "units"))
	if err != nil {
		return nil, failf("%v", err)
	}
	return cat, nil
}

// roundFlag is the --round flag of the commands that read a round; empty means the
// default one (defaultRound).
func roundFlag() cli.Flag {
	return &cli.StringFlag{Name: "round", Usage: "轮次编号，默认为最近创建的、已有单位报送的轮次（都没有报送时为最近创建的轮次）"}
}

// defaultRound is the round used without --round: the newest created that units have
// reported in, else the newest created. A round recorded by mistake (--round 2027) must
// not silently become every command's round. rs is newest created first; why says which
// rule chose it.
func defaultRound(rs []store.RoundInfo) (store.RoundInfo, string) {
	for _, r := range rs {
		if r.Submitted > 0 {
			return r, "最近创建的、已有单位报送的轮次"
		}
	}
	return rs[0], "最近创建的轮次，还没有单位报送"
}

// selectRound loads the round named by --round, or the default one (defaultRound), with
// its catalog. When the database holds several rounds, which one is used is said on
// stderr, once.
func selectRound(c *cli.Context, st *store.Store) (xxgk.Round, *xxgk.Catalog, error) {
	id := c.String("round")
	if id == "" {
		rounds, err := st.RoundOverview(c.Context)
		if err != nil {
			return xxgk.Round{}, nil, failf("读取轮次失败：%v", err)
		}
		if len(rounds) == 0 {
			return xxgk.Round{}, nil, failf("数据库中还没有任何轮次。请先运行 xxgk templates 生成模板（会同时登记轮次）")
		}
		r, why := defaultRound(rounds)
		id = r.ID
		if len(rounds) > 1 {
			if e := envOf(c); e != nil {
				e.hint(fmt.Sprintf("未给 --round，使用轮次 %s（%s）；数据库中共有 %d 个轮次，见 xxgk rounds", id, why, len(rounds)))
			}
		}
	}
	r, cat, err := st.Round(c.Context, id)
	if errors.Is(err, store.ErrNotFound) {
		return r, nil, failf("数据库中没有轮次“%s”。请用 xxgk templates --round %s --deadline 截止日期 登记，或检查 --round 参数（已有的轮次见 xxgk rounds）", id, id)
	}
	if err != nil {
		return r, nil, failf("读取轮次“%s”失败：%v", id, err)
	}
	return r, cat, nil
}

// readSummary opens the database, summarises the round named by --round (or the newest)
// and closes the database again: what the reading commands (status, export, report,
// feedback) all start with.
func readSummary(c *cli.Context) (xxgk.Summary, *xxgk.Catalog, error) {
	st, err := openExistingStore(c)
	if err != nil {
		return xxgk.Summary{}, nil, err
	}
	defer st.Close()
	return loadSummary(c, st)
}

// loadSummary reads the round and every unit's current submission and summarises them.
func loadSummary(c *cli.Context, st *store.Store) (xxgk.Summary, *xxgk.Catalog, error) {
	r, cat, err := selectRound(c, st)
	if err != nil {
		return xxgk.Summary{}, nil, err
	}
	s, err := summarize(c.Context, st, r, cat)
	return s, cat, err
}

// summarize is the round's summary every reading command and the portal start from.
func summarize(ctx context.Context, st *store.Store, r xxgk.Round, cat *xxgk.Catalog) (xxgk.Summary, error) {
	current, err := st.Current(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, failf("读取轮次“%s”的报送数据失败：%v", r.ID, err)
	}
	rejections, err := st.Rejections(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, failf("读取轮次“%s”的退回记录失败：%v", r.ID, err)
	}
	reviews, err := st.Reviews(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, failf("读取轮次“%s”的审核记录失败：%v", r.ID, err)
	}
	s := xxgk.Summarize(r, cat, current)
	s.AddRejections(rejections)
	s.AddReviews(reviews)
	if err := addChecks(ctx, st, &s); err != nil {
		return xxgk.Summary{}, err
	}
	return s, nil
}

// jsonTime is how --format json writes an instant: RFC 3339 in China time
// (2020-09-18T10:30:00+08:00), the offset saying which time zone the office reads.
func jsonTime(t time.Time) string { return t.In(xxgk.ChinaTime).Format(time.RFC3339) }

// encodeJSON writes v as every --format json does: indented, <>& left as they are, and
// control characters a unit typed escaped (termtable.JSONWriter).
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(termtable.JSONWriter(w))
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
