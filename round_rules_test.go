package xxgk

import (
	"strings"
	"testing"
	"time"
)

func TestDefaultRoundIDIsChinaYear(t *testing.T) {
	// 31 December 20:00 UTC is already 1 January in Ankang.
	if got := DefaultRoundID(time.Date(2025, 12, 31, 20, 0, 0, 0, time.UTC)); got != "2026" {
		t.Errorf("DefaultRoundID = %s, want 2026", got)
	}
	if got := DefaultRoundID(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)); got != "2026" {
		t.Errorf("DefaultRoundID = %s, want 2026", got)
	}
}

func TestRoundYear(t *testing.T) {
	for id, want := range map[string]int{"2020": 2020, "2021-2": 2021, "2021年": 2021, "20201": 0, "春季": 0, "12": 0, "0001": 0} {
		if got := RoundYear(id); got != want {
			t.Errorf("RoundYear(%q) = %d, want %d", id, got, want)
		}
	}
}

func TestCheckDeadline(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, ChinaTime)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		id       string
		deadline time.Time
		warn     string // substring; "" = no warning
		err      string // substring; "" = accepted
	}{
		{"2026", day(2026, 9, 20), "", ""},
		{"2026", day(2026, 3, 1), "", ""}, // today is not past
		{"2026", day(2026, 2, 28), "截止日期 2026年2月28日 已过", ""},
		{"2020", day(2020, 9, 20), "已过", ""}, // the 2020 round keeps working
		{"2026", day(2025, 12, 31), "", "截止日期 2025年12月31日 早于轮次 2026 所在的 2026 年"},
		{"2026", day(2028, 3, 1), "", ""},
		{"2026", day(2028, 3, 2), "", "距今超过 2 年"},
		{"春季", day(2025, 1, 1), "已过", ""}, // no year in the id: only the horizon and the past apply
	}
	for _, tt := range tests {
		warn, err := CheckDeadline(tt.id, tt.deadline, now)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s %v: err = %v, want %q", tt.id, tt.deadline, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %v: refused: %v", tt.id, tt.deadline, err)
		}
		if (tt.warn == "") != (warn == "") || !strings.Contains(warn, tt.warn) {
			t.Errorf("%s %v: warning %q, want %q", tt.id, tt.deadline, warn, tt.warn)
		}
	}
}

func TestYearLabel(t *testing.T) {
	for id, want := range map[string]string{"2020": "2020年度", "2021-2": "2021-2", "2021年": "2021年", "春季": "春季", "0001": "0001", "20201": "20201"} {
		if got := (Round{ID: id}).YearLabel(); got != want {
			t.Errorf("YearLabel(%q) = %q, want %q", id, got, want)
		}
	}
}
