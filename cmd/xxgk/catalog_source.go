package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/catalog"
)

// listedCatalog is the table `indicators` and `units` show or write: the files named by
// --indicators/--units (to check next year's table before it is used), else the round
// named by --round, else, when the database exists and holds a round, the default round
// (defaultRound) — what the office's templates were made from — and only without any
// database the built-in 2020 table. The second value says which, for the operator, as a
// prefix of 指标表 or 单位名单: "轮次 2020 登记的", "内置的 2020 年", "文件中的".
func listedCatalog(c *cli.Context) (*xxgk.Catalog, string, error) {
	files := isSet(c, "indicators") || isSet(c, "units")
	if files && c.IsSet("round") {
		return nil, "", failf("--round 与 --indicators、--units 不能同时使用：前者读取数据库中登记的表，后者读取文件")
	}
	if !files && (c.IsSet("round") || databaseExists(c)) {
		cat, src, err := roundCatalog(c)
		if err != nil || cat != nil {
			return cat, src, err
		}
	}
	cat, err := loadCatalog(c)
	if err != nil {
		return nil, "", err
	}
	if err := applyCountyScope(c, cat); err != nil {
		return nil, "", err
	}
	if files {
		return cat, "文件中的", nil
	}
	return cat, "内置的 2020 年", nil
}

// roundCatalog reads the round's stored catalog; nil without an error when the database
// holds no round and none was asked for.
func roundCatalog(c *cli.Context) (*xxgk.Catalog, string, error) {
	st, err := openExistingStore(c)
	if err != nil {
		return nil, "", err
	}
	defer st.Close()
	if !c.IsSet("round") {
		rs, err := st.Rounds(c.Context)
		if err != nil {
			return nil, "", failf("读取轮次失败：%v", err)
		}
		if len(rs) == 0 {
			return nil, "", nil
		}
	}
	r, cat, err := selectRound(c, st)
	if err != nil {
		return nil, "", err
	}
	if c.IsSet("county-scope") {
		if err := applyCountyScope(c, cat); err != nil {
			return nil, "", err
		}
	}
	return cat, fmt.Sprintf("轮次 %s 登记的", r.ID), nil
}

// databaseExists tells whether --db names a database that may hold rounds: a SQLite
// file that exists, or any MySQL database (which openExistingStore then checks).
func databaseExists(c *cli.Context) bool {
	dsn := value(c, "db")
	path, ok := strings.CutPrefix(dsn, "sqlite:")
	if !ok {
		return true
	}
	path, _, _ = strings.Cut(strings.TrimPrefix(path, "//"), "?")
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// tableOutFlag is --out of `indicators` and `units`; flag is the option that reads the
// file back (indicators, units).
func tableOutFlag(what, flag string) cli.Flag {
	return &cli.StringFlag{Name: "out", Usage: "把" + what + "写到文件（.xlsx 或 .csv），格式与 --" + flag + " 读取的相同：下一年的表可从今年的改起"}
}

// roundListFlag is --round of `indicators` and `units`.
func roundListFlag() cli.Flag {
	return &cli.StringFlag{Name: "round", Usage: "列出该轮次登记的表；默认为数据库中的默认轮次（见 xxgk rounds），没有数据库时为内置的 2020 年表"}
}

// writeTableOut writes rows to --out, and says where and what to do next.
func writeTableOut(c *cli.Context, e *env, what, flag string, rows [][]string, src string) error {
	path := c.String("out")
	format := catalog.TableFormat(path)
	if format == "" {
		return failf("--out 文件须以 .xlsx 或 .csv 结尾，例如 --out %s.xlsx", what)
	}
	if err := writeFileAtomic(path, func(f *os.File) error { return catalog.WriteTable(f, format, what, rows) }); err != nil {
		return failf("无法写出 %s：%v", path, err)
	}
	_, err := fmt.Fprintf(e.Stdout, "已把%s%s（%d 行）写到 %s。修改后先用 xxgk %s --%s %s 检查，再用 xxgk templates --%s %s … 生成下一轮模板\n",
		src, what, len(rows)-1, path, flag, flag, path, flag, path)
	return err
}
