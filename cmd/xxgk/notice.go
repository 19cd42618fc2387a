package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/store"
)

// noticeFlags are the paper settings `report` and `feedback` share (xxgk.Notice). Each
// is remembered with the round, so the office gives it once; a flag given again wins.
func noticeFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "doc-number", Usage: "发文字号，印在通报版头下，如 安电政办字〔2020〕6号（本轮次记住，给空值清除）"},
		&cli.StringFlag{Name: "issuer", Usage: "发文机关，默认为轮次的联系单位（本轮次记住）"},
		&cli.StringFlag{Name: "date", Usage: "成文日期，如 2020-09-25，默认为生成当天（本轮次记住，给空值恢复默认）"},
		&cli.StringFlag{Name: "reply-by", Usage: "补报、整改的截止日期，如 2020-10-09，写入通报和各单位反馈（本轮次记住，给空值清除）"},
		&cli.StringFlag{Name: "as-of", Usage: "统计截至日期：按这一天统计、判断栏目是否长期未更新，如 2020-09-28；默认为成文日期，未设成文日期时为当天（本轮次记住，给空值恢复默认）"},
		&cli.StringFlag{Name: "cc", Usage: "抄送机关，印在通报版记中，如 市政府办公室（本轮次记住，给空值清除）"},
		&cli.StringFlag{Name: "portal-url", Usage: "网上报送地址，印在模板、催报和反馈中，如 https://xxgk.example.gov.cn/（本轮次记住，给空值清除）"},
	}
}

// noReplyByHint is said once when the papers will carry no deadline.
const noReplyByHint = "未设置补报、整改期限，通报和反馈中将不写截止日期。如需写明，请加 --reply-by 日期（如 --reply-by 2020-10-09），本轮次会记住，以后不必再给"

// resolveNotice returns round r's paper settings: what is stored for the round, with the
// flags given on this command line put over it and saved back, so they are remembered.
// When papers (PDFs) are about to be written without a reply-by date, it says so once.
func resolveNotice(c *cli.Context, e *env, st *store.Store, r xxgk.Round, papers bool) (xxgk.Notice, error) {
	n, err := st.Notice(c.Context, r.ID)
	if err != nil {
		return n, failf("读取轮次“%s”的发文设置失败：%v", r.ID, err)
	}
	changed, err := applyNoticeFlags(c, &n)
	if err != nil {
		return n, err
	}
	if len(changed) > 0 {
		if err := st.SaveNotice(c.Context, r.ID, n); err != nil {
			return n, failf("保存轮次“%s”的发文设置失败：%v", r.ID, err)
		}
		fmt.Fprintf(e.Stdout, "已记住轮次 %s 的发文设置：%s\n", r.ID, strings.Join(changed, "；"))
	}
	if papers && !n.HasReplyBy() {
		e.hint(noReplyByHint)
	}
	if papers && n.HasReplyBy() && xxgk.FormatDate(n.ReplyBy.In(xxgk.ChinaTime)) < xxgk.FormatDate(e.Now().In(xxgk.ChinaTime)) {
		e.hint(fmt.Sprintf("补报、整改期限 %s 已经过去，通报和反馈中仍会这样写。如需更改，请用 --reply-by 给出新的日期",
			xxgk.ChineseDate(n.ReplyBy.In(xxgk.ChinaTime))))
	}
	return n, nil
}

// applyNoticeFlags puts the flags given over n and describes each change for the user.
func applyNoticeFlags(c *cli.Context, n *xxgk.Notice) (changed []string, err error) {
	text := func(flag, label string, field *string) {
		if c.IsSet(flag) {
			*field = strings.TrimSpace(c.String(flag))
			if *field == "" {
				changed = append(changed, label+"已清除")
			} else {
				changed = append(changed, label+"“"+*field+"”")
			}
		}
	}
	text("doc-number", "发文字号", &n.DocNumber)
	text("issuer", "发文机关", &n.Issuer)
	text("cc", "抄送", &n.CC)
	text("portal-url", "网上报送地址", &n.PortalURL)
	if c.IsSet("portal-url") && n.PortalURL != "" {
		if err := xxgk.CheckPortalURL(n.PortalURL); err != nil {
			return nil, failf("--portal-url 的值“%s”不对：%v", xxgk.Visible(n.PortalURL, 200), err)
		}
	}
	for _, d := range []struct {
		flag, label string
		field       *time.Time
	}{{"date", "成文日期", &n.Date}, {"reply-by", "补报、整改期限", &n.ReplyBy}, {"as-of", "统计截至日期", &n.AsOf}} {
		if !c.IsSet(d.flag) {
			continue
		}
		raw := strings.TrimSpace(c.String(d.flag))
		if raw == "" {
			*d.field = time.Time{}
			changed = append(changed, d.label+"已清除")
			continue
		}
		t, err := xxgk.ParseTextDate(raw)
		if err != nil {
			return nil, failf("--%s 的值“%s”不是有效日期，请写成 2020-10-09 的形式", d.flag, raw)
		}
		*d.field = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, xxgk.ChinaTime)
		changed = append(changed, d.label+" "+xxgk.ChineseDate(t))
	}
	return changed, nil
}
