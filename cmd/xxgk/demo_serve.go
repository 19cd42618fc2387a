package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"xxgk/store"
	"xxgk/web"
)

// demoServe is the demo's optional last step (demo --serve): the portal on 127.0.0.1
// over the demo's database, with codes for every unit and the office, so a newcomer can
// sign in as a unit and as the office and click through. It runs until Ctrl-C.
func demoServe(ctx context.Context, e *env, db, dir, listen string) error {
	st, err := store.OpenExisting(ctx, db)
	if err != nil {
		return failf("无法打开演示数据库：%v", err)
	}
	defer st.Close()
	by := store.Correction{Operator: "演示", At: e.Now()}
	issued, err := st.EnsureUnitCodes(ctx, "2020", by)
	if err != nil {
		return failf("生成演示访问码失败：%v", err)
	}
	office, err := st.ResetOfficeCode(ctx, by)
	if err != nil {
		return failf("生成演示办公室登录码失败：%v", err)
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil { // 8080 taken: any free port
			return failf("无法在本机监听：%v", err)
		}
	}
	set, _, fontErr := findFonts(e, "")
	if fontErr != nil {
		set = nil
	}
	srv, err := web.New(web.Config{Store: st, Papers: servePapers{st: st, e: e}, Round: "2020", Fonts: set,
		Now: e.Now, Log: log.New(e.Stderr, "xxgk serve: ", log.LstdFlags)})
	if err != nil {
		ln.Close()
		return failf("%v", err)
	}
	var lines []string
	for _, c := range issued {
		lines = append(lines, c.Holder.Unit+","+c.Code)
	}
	codes := filepath.Join(dir, "访问码.csv")
	if err := os.WriteFile(codes, []byte("单位编码,访问码\n"+strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		ln.Close()
		return failf("写入 %s 失败：%v", codes, unwrapPath(err))
	}
	code := map[string]string{}
	for _, c := range issued {
		code[c.Holder.Unit] = c.Code
	}
	_, cat, err := st.Round(ctx, "2020")
	if err != nil {
		ln.Close()
		return failf("读取演示轮次失败：%v", err)
	}
	// One unit of each situation a newcomer may want to try, as the demo planned them.
	examples := map[string]string{"按时报送": "已报送", "填写有误被退回，未再报送": "被退回、未再报送：可上传 2-各单位报送 中它的文件，看退回清单", "未报送": "未报送：可下载模板填写后上传"}
	var shown []string
	fmt.Fprintf(e.Stdout, "网上报送已启动：http://%s/\n", ln.Addr())
	fmt.Fprintf(e.Stdout, "办公室登录码  %s（报送情况、审核、下载报告、核查）\n", office.Code)
	for i, u := range cat.Units.All() {
		note := planFor(i).note
		if what, ok := examples[note]; ok && code[u.Code] != "" {
			delete(examples, note)
			shown = append(shown, fmt.Sprintf("单位访问码    %s（%s，%s）", code[u.Code], u.Label(), what))
		}
	}
	for _, l := range shown {
		fmt.Fprintln(e.Stdout, l)
	}
	fmt.Fprintf(e.Stdout, "全部单位的访问码在 %s。按 Ctrl-C 停止。\n", codes)
	if err := srv.Serve(ctx, ln, "", "", time.Minute); err != nil {
		return failf("%v", err)
	}
	fmt.Fprintln(e.Stdout, "网上报送已停止。")
	return nil
}
