package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/store"
)

// auditCLI records what the operator did on the command line (reviews, access codes) in
// the audit log, next to what the portal records. The action is already done when this
// runs, so a failure here is said on stderr, not turned into a failed command.
func auditCLI(c *cli.Context, e *env, st *store.Store, action xxgk.AuditAction, round, detail string) {
	err := st.Audit(c.Context, xxgk.AuditEntry{At: e.Now(), Actor: xxgk.Actor{Kind: xxgk.ActorOperator, Name: operatorOf(c, e)},
		Action: action, Outcome: xxgk.AuditSuccess, Round: round, Detail: detail})
	if err != nil {
		fmt.Fprintf(e.Stderr, "警告：操作已完成，但未能写入审计日志：%v\n", err)
	}
}
