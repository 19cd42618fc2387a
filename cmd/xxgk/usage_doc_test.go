package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestUsageDocListsEveryCommand: the 使用说明.txt shipped in every release zip lists each
// command once in its command list, and says how to use --round and next year's table.
func TestUsageDocListsEveryCommand(t *testing.T) {
	b, err := os.ReadFile("../../scripts/使用说明.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	list := doc[strings.Index(doc, "二、常用命令"):strings.Index(doc, "轮次：")]
	for _, c := range newApp(newEnv(nil, nil, nil)).Commands {
		if c.Hidden || c.Name == "completion" {
			continue
		}
		n := len(regexp.MustCompile(`(?m)^  xxgk `+c.Name+`\b`).FindAllString(list, -1)) +
			strings.Count(list, "/ xxgk "+c.Name+" ")
		if n != 1 {
			t.Errorf("command %s is listed %d times in 使用说明.txt", c.Name, n)
		}
	}
	for _, want := range []string{"--round 2025", "xxgk indicators --round 2026 --out 指标2027.xlsx", "xxgk units --round 2026 --out", "xxgk rounds delete"} {
		if !strings.Contains(doc, want) {
			t.Errorf("使用说明.txt does not say %q", want)
		}
	}
}
