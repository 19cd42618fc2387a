package main

import (
	"fmt"
	"log"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"xxgk/web"
)

func serveCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "启动网上报送：各单位用访问码登录、下载模板、上传工作簿并立即看到检查结果；办公室查看报送情况、审核、下载报告",
		UsageText: "xxgk serve [--listen 127.0.0.1:8080] [--round ID] [--db …] [--tls-cert 证书 --tls-key 私钥]\n" +
			"   [--max-upload 20MB] [--trust-proxy] [--font 字体文件]",
		Description: "上传的文件与 xxgk import 走同一套检查，结果、版本、退回记录和逾期判定完全相同。\n" +
			"访问码用 xxgk access 生成（各单位一个，办公室一个）。默认只在本机（127.0.0.1）监听；\n" +
			"在内网提供服务时用 --listen 0.0.0.0:8080，并用 --tls-cert/--tls-key 启用 HTTPS，或放在办公室的 HTTPS 反向代理之后并加 --trust-proxy。\n" +
			"按 Ctrl-C 停止：不再接受新的请求，正在上传的文件处理完后退出。",
		Flags: withGlobals(
			&cli.StringFlag{Name: "listen", Value: "127.0.0.1:8080", Usage: "监听地址（主机:端口）"},
			roundFlag(),
			&cli.StringFlag{Name: "tls-cert", Usage: "HTTPS 证书文件（PEM）"},
			&cli.StringFlag{Name: "tls-key", Usage: "HTTPS 私钥文件（PEM）"},
			&cli.StringFlag{Name: "max-upload", Value: "20MB", Usage: "单个上传文件的大小上限，如 20MB、500KB"},
			&cli.BoolFlag{Name: "trust-proxy", Usage: "在办公室的 HTTPS 反向代理之后运行：客户端地址取 X-Forwarded-For，Cookie 只经 HTTPS 发送"},
			fontFlag(),
		),
		Action: func(c *cli.Context) error { return runServe(c, e) },
	}
}

func runServe(c *cli.Context, e *env) error {
	cert, key := c.String("tls-cert"), c.String("tls-key")
	if (cert == "") != (key == "") {
		return failf("--tls-cert 和 --tls-key 要一起给出")
	}
	max, err := parseSize(c.String("max-upload"))
	if err != nil {
		return failf("--max-upload “%s”无法识别，应为如 20MB、500KB 的大小", c.String("max-upload"))
	}
	st, err := openExistingStore(c)
	if err != nil {
		return err
	}
	defer st.Close()
	r, _, err := selectRound(c, st)
	if err != nil {
		return err
	}
	round := c.String("round")
	set, _, fontErr := findFonts(e, c.String("font"))
	if fontErr != nil {
		e.hint("未找到中文字体，网上报送中的 PDF 通报和反馈单暂不可下载；可用 --font 指定字体文件")
		set = nil
	}
	srv, err := web.New(web.Config{
		Store: st, Papers: servePapers{st: st, e: e}, Round: round, MaxUpload: max,
		Secure: cert != "" || c.Bool("trust-proxy"), TrustProxy: c.Bool("trust-proxy"), Fonts: set,
		Now: e.Now, Log: log.New(e.Stderr, "xxgk serve: ", log.LstdFlags),
	})
	if err != nil {
		return failf("%v", err)
	}
	ln, err := net.Listen("tcp", c.String("listen"))
	if err != nil {
		return failf("无法在 %s 上监听：%v（端口被占用时换一个，如 --listen 127.0.0.1:8081）", c.String("listen"), err)
	}
	scheme := "http"
	if cert != "" {
		scheme = "https"
	}
	if !loopback(ln.Addr()) && cert == "" && !c.Bool("trust-proxy") {
		fmt.Fprintln(e.Stderr, "xxgk: 警告：正在非本机地址上以 HTTP（未加密）提供服务，访问码会明文经过网络。请用 --tls-cert/--tls-key 启用 HTTPS，或放在办公室的 HTTPS 反向代理之后并加 --trust-proxy")
	}
	fmt.Fprintf(e.Stdout, "网上报送已启动（轮次 %s）：%s://%s/\n按 Ctrl-C 停止。\n", r.ID, scheme, ln.Addr())
	if err := srv.Serve(c.Context, ln, cert, key, time.Minute); err != nil {
		return failf("%v", err)
	}
	fmt.Fprintln(e.Stdout, "网上报送已停止。")
	return nil
}

// loopback tells an address only this machine can reach.
func loopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// parseSize reads 20MB, 500KB, 1GB or a number of bytes.
func parseSize(s string) (int64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.m
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}
