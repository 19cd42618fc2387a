package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/catalog"
	"xxgk/pdf"
	"xxgk/store"
)

const feedbackFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

// feedbackDB stores the built-in catalog as round 2020 with submissions from the first
// three units (the third late) and returns the DSN and the summary to expect.
func feedbackDB(t *testing.T) (string, xxgk.Summary) {
	t.Helper()
	ctx := context.Background()
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "xxgk.db")
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cat, err := catalog.Load("", "")
	if err != nil {
		t.Fatal(err)
	}
	r := xxgk.Round{ID: "2020", Title: xxgk.DefaultRoundTitle, Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC),
		Contact: xxgk.DefaultContact, Created: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)}
	if err := st.SaveRound(ctx, r, cat); err != nil {
		t.Fatal(err)
	}
	var subs []*xxgk.Submission
	for i, u := range cat.Units.All()[:3] {
		sub := &xxgk.Submission{Round: "2020", Unit: u.Code, Filler: "张三", Phone: "0915-3201058",
			FileName: u.Short + ".xlsx", SHA256: strings.Repeat(fmt.Sprint(i), 64),
			ImportedAt: time.Date(2020, 9, 18+2*i, 10, 0, 0, 0, xxgk.ChinaTime)}
		for j, ind := range cat.For(u) {
			it := xxgk.Item{Code: ind.Code, Status: xxgk.Opened, ColumnName: ind.Title(), URL: "http://www.ankang.gov.cn/xxgk/", Count: 5,
				LastUpdate: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)}
			if j%4 == 0 {
				it = xxgk.Item{Code: ind.Code, Status: xxgk.NotOpened, Count: -1, Remark: "建设中"}
			}
			sub.Items = append(sub.Items, it)
		}
		subs = append(subs, sub)
	}
	if _, err := st.SaveSubmissions(ctx, subs); err != nil {
		t.Fatal(err)
	}
	cur, err := st.Current(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	r2, cat2, err := st.Round(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	return dsn, xxgk.Summarize(r2, cat2, cur)
}

func TestFeedbackCommand(t *testing.T) {
	if _, err := os.Stat(feedbackFont); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fonts-wqy-microhei is required in CI")
		}
		t.Skip("skipping: fonts-wqy-microhei not installed")
	}
	dsn, s := feedbackDB(t)
	out := filepath.Join(t.TempDir(), "反馈")
	code, stdout, stderr := runCatalogCmd(t, "feedback", "--db", dsn, "--out", out, "--font", feedbackFont)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(s.Units)+1 {
		t.Fatalf("%d lines, want one per unit and a summary:\n%s", len(lines), stdout)
	}
	for i, u := range s.Units {
		path := filepath.Join(out, pdf.FeedbackFileName(s.Round, u.Unit))
		want := fmt.Sprintf("%s\t%s\t%s\t%s", u.Unit.Short, u.State.Label(), u.Rate(), path)
		if u.State == xxgk.Missing {
			want += "\t" + filepath.Join(out, pdf.TemplateFileName(u.Unit))
		}
		if lines[i] != want {
			t.Errorf("line %d = %q, want %q", i, lines[i], want)
		}
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", path, err)
		}
	}
	wantSummary := fmt.Sprintf("%d 份反馈已生成到 %s（2020年度：已报送 3 个，其中逾期 1 个；未报送 %d 个，已生成催报通知并附填报模板或退回文件）", len(s.Units), out, len(s.Units)-3)
	if last := lines[len(lines)-1]; last != wantSummary {
		t.Errorf("summary %q\nwant    %q", last, wantSummary)
	}
	if stderr != "提示："+noReplyByHint+"\n" { // the only thing said: no --reply-by was given
		t.Errorf("stderr with an explicit font: %q", stderr)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil && os.Getenv("CI") == "true" {
		t.Fatal("pdftotext is required in CI (apt-get install poppler-utils)")
	} else if err == nil {
		missing := s.Units[len(s.Units)-1]
		txt, err := exec.Command("pdftotext", filepath.Join(out, pdf.FeedbackFileName(s.Round, missing.Unit)), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(txt), "催报通知") {
			t.Errorf("missing unit's file is not a reminder:\n%s", txt)
		}
	}
}

func TestFeedbackCommandFails(t *testing.T) {
	dir := t.TempDir()
	otf := filepath.Join(dir, "SourceHanSans.otf")
	if err := os.WriteFile(otf, []byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00CFF \x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"cff font", []string{"--font", otf}, "使用 CFF（PostScript）轮廓"},
		{"missing font file", []string{"--font", filepath.Join(dir, "none.ttf")}, "无法读取字体文件"},
		{"unknown round", []string{"--round", "1999", "--font", feedbackFont}, "1999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "unknown round" {
				if _, err := os.Stat(feedbackFont); err != nil {
					t.Skip("fonts-wqy-microhei not installed")
				}
			}
			db := emptyDB(t)
			args := append([]string{"feedback", "--db", db, "--out", filepath.Join(dir, "out")}, tc.args...)
			code, _, stderr := runCatalogCmd(t, args...)
			if code != exitFailed || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 mentioning %q", code, stderr, tc.want)
			}
		})
	}
}
