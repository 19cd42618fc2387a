package main

import (
	"os"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"

	"xxgk/verify"
)

// browserAuto is the value a bare --browser gets: find the browser in its usual places.
const browserAuto = "auto"

// browserFlag is verify's --browser [PATH]: render the pages whose list a script draws.
func browserFlag() cli.Flag {
	return &cli.StringFlag{
		Name:    "browser",
		EnvVars: []string{"XXGK_BROWSER"},
		Usage: "用本机浏览器（无界面）打开由脚本加载列表的栏目页面后再核查；不带路径时自动查找 Edge、Chrome 或 Chromium，" +
			"也可给出浏览器程序的路径",
	}
}

// optionalBrowserValue lets --browser stand alone: urfave/cli wants a value for a string
// option, so a bare --browser (last, or followed by another option) becomes --browser=auto.
// verify takes no arguments, so a word after --browser is always its path.
func optionalBrowserValue(args []string) []string {
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if (a == "--browser" || a == "-browser") && (i+1 == len(args) || isOption(args[i+1])) {
			a = "--browser=" + browserAuto
		}
		out = append(out, a)
	}
	return out
}

// browserPath resolves --browser: "" when not given; the first browser found in the usual
// places for auto; the path given, when it exists. A browser asked for and not found
// stops the run before anything is checked (exit 2): the operator wanted the script-drawn
// pages judged, and a run without would report them all as 栏目内容由脚本加载 again.
func browserPath(value string) (string, error) {
	value = strings.TrimSpace(value)
	switch value {
	case "":
		return "", nil
	case browserAuto:
		p, looked := verify.FindBrowser(runtime.GOOS, os.Getenv)
		if p == "" {
			return "", failf("没有找到可用的浏览器（--browser 需要 Microsoft Edge、Google Chrome 或 Chromium），查找过：\n  %s\n"+
				"请安装其中一个，或用 --browser 浏览器程序路径 指定（如 --browser \"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\"）",
				strings.Join(looked, "\n  "))
		}
		return p, nil
	}
	fi, err := os.Stat(value)
	if err != nil || fi.IsDir() {
		return "", failf("--browser 指定的浏览器程序“%s”不存在；请给出 msedge.exe、chrome.exe 或 chromium 的完整路径，或只写 --browser 自动查找", value)
	}
	return value, nil
}
