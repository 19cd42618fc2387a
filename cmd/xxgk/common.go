package main

import (
	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/catalog"
	"xxgk/store"
)

// openStore opens the database named by --db; failure means nothing can be done (exit 2).
// The DSN is printed redacted, never with its password.
func openStore(c *cli.Context) (*store.Store, error) {
	dsn := value(c, "db")
	st, err := store.Open(c.Context, dsn)
	if err != nil {
		return nil, failf("无法打开数据库 %s：%v。请检查 --db 参数或 XXGK_DB 环境变量，确认数据库服务已启动", store.Redact(dsn), err)
	}
	return st, nil
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
