package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"xxgk"
)

// Set by release builds (scripts/release.sh) with
// -ldflags "-X main.version=1.0.0 -X main.commit=abc1234 -X main.date=2026-11-30T16:00:00Z".
// The linker writes them; nothing assigns them at run time.
var (
	version string
	commit  string
	date    string
)

// buildInfo is what `xxgk version` prints: the linker's values when a release build set
// them, else what the Go toolchain recorded (module version, VCS revision and time).
type buildInfo struct {
	Version, Commit, Date, Go, Platform string
	Modified                            bool
}

func currentBuild() buildInfo {
	b := buildInfo{Version: version, Commit: commit, Date: date, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b.withDefaults()
	}
	if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if b.Commit == "" {
				b.Commit = s.Value
			}
		case "vcs.time":
			if b.Date == "" {
				b.Date = s.Value
			}
		case "vcs.modified":
			b.Modified = b.Modified || (s.Value == "true" && version == "")
		}
	}
	return b.withDefaults()
}

// devVersion is the version shown for a build that has none (go run, go test, go build
// outside a tagged module).
const devVersion = "开发版"

func (b buildInfo) withDefaults() buildInfo {
	if b.Version == "" {
		b.Version = devVersion
	}
	if len(b.Commit) > 12 {
		b.Commit = b.Commit[:12]
	}
	return b
}

// String is one line, so that a user can paste it into a message to the office.
func (b buildInfo) String() string {
	parts := []string{}
	if b.Commit != "" {
		c := b.Commit
		if b.Modified {
			c += "（含未提交的修改）"
		}
		parts = append(parts, "提交 "+c)
	}
	if b.Date != "" {
		parts = append(parts, "构建于 "+chinaBuildTime(b.Date))
	}
	parts = append(parts, b.Go+" "+b.Platform)
	return fmt.Sprintf("xxgk 版本 %s（%s）", b.Version, strings.Join(parts, "，"))
}

// chinaBuildTime shows the build time (RFC 3339, UTC as the linker or the toolchain
// records it) in China time, the office's clock; anything else is shown as it is.
func chinaBuildTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.In(xxgk.ChinaTime).Format("2006-01-02 15:04") + "（北京时间）"
}

func versionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "version",
		Usage:     "显示版本、提交和构建日期（同 xxgk --version）",
		UsageText: "xxgk version",
		Action: func(*cli.Context) error {
			fmt.Fprintln(e.Stdout, currentBuild())
			return nil
		},
	}
}
