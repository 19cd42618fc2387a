package xxgk

import (
	"testing"
	"time"
)

func TestParseCellDate(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		raw      string
		numeric  bool // the cell is a number in the sheet XML
		date1904 bool
		want     time.Time
		bad      bool
	}{
		{raw: "2020-09-15", want: d(2020, 9, 15)},
		{raw: "2020/9/15", want: d(2020, 9, 15)},
		{raw: "2020.9.15", want: d(2020, 9, 15)},
		{raw: "2020年9月15日", want: d(2020, 9, 15)},
		{raw: "２０２０年９月１５日", want: d(2020, 9, 15)},
		{raw: " 2020 - 09 - 15 ", want: d(2020, 9, 15)},
		{raw: "20200915", want: d(2020, 9, 15)},
		{raw: "20200915", numeric: true, want: d(2020, 9, 15)}, // typed into a General cell
		{raw: "2020-09-15 10:30:00", want: d(2020, 9, 15)},
		{raw: "2020-09-15T10:30:00Z", want: d(2020, 9, 15)},
		{raw: "20/9/15", want: d(2020, 9, 15)},
		{raw: "44089", numeric: true, want: d(2020, 9, 15)},                 // 1900 system serial
		{raw: "44089.75", numeric: true, want: d(2020, 9, 15)},              // serial with a time of day
		{raw: "42627", numeric: true, date1904: true, want: d(2020, 9, 15)}, // 1904 system serial
		{raw: "61", numeric: true, want: d(1900, 3, 1)},
		// Text that looks like a number is what the unit typed, never a serial.
		{raw: "44089", bad: true},
		{raw: "9.15", bad: true}, // not 1900-01-08
		{raw: "2020", bad: true}, // not 1905-07-12
		{raw: "０９.１５", bad: true},
		{raw: "2020.9", bad: true}, // the day is missing
		{raw: "2020年9月", bad: true},
		{raw: "2021-02-30", bad: true},
		{raw: "020-09-15", bad: true},
		{raw: "昨天", bad: true},
		{raw: "", bad: true},
		{raw: "-5", bad: true},
		{raw: "-5", numeric: true, bad: true},
		{raw: "1e5", bad: true},
		{raw: "2020-13-01", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseCellDate(tt.raw, tt.numeric, tt.date1904)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseCellDate(%q, numeric=%v) = %v, want an error", tt.raw, tt.numeric, got)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseCellDate(%q, numeric=%v, 1904=%v) = %v, %v; want %v", tt.raw, tt.numeric, tt.date1904, got, err, tt.want)
		}
		if !tt.numeric {
			if got2, err2 := ParseTextDate(tt.raw); err2 != nil || !got2.Equal(got) {
				t.Errorf("ParseTextDate(%q) = %v, %v; want %v", tt.raw, got2, err2, got)
			}
		}
	}
	// ParseDate (the old name) reads text only: "2020" as a deadline is not 1905.
	if got, err := ParseTextDate("2020"); err == nil {
		t.Errorf("ParseTextDate(\"2020\") = %v, want an error", got)
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		raw  string
		want int
		ok   bool
	}{
		{"12", 12, true}, {"１２", 12, true}, {"12.0", 12, true}, {"12条", 0, false},
		{"0", 0, true}, {" 7 ", 7, true}, {"1,200", 1200, true},
		{"-1", 0, false}, {"1.5", 0, false}, {"很多", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseCount(tt.raw)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseCount(%q) = %d, %v; want %d, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
}

// TestReadCount: a count written with a unit or as an estimate is read, and said to be.
func TestReadCount(t *testing.T) {
	tests := []struct {
		raw        string
		want       int
		worded, ok bool
	}{
		{"105", 105, false, true}, {"１２", 12, false, true},
		{"105条", 105, true, true}, {"约100", 100, true, true}, {"１２条", 12, true, true}, {"100余条", 100, true, true},
		{"共 37 篇", 37, true, true}, {"大约50条左右", 50, true, true}, {"50左右", 50, true, true},
		{"很多", 0, false, false}, {"若干条", 0, false, false}, {"条", 0, false, false}, {"-3条", 0, false, false}, {"1.5条", 0, false, false},
	}
	for _, tt := range tests {
		n, worded, ok := ReadCount(tt.raw)
		if n != tt.want || worded != tt.worded || ok != tt.ok {
			t.Errorf("ReadCount(%q) = %d, %v, %v; want %d, %v, %v", tt.raw, n, worded, ok, tt.want, tt.worded, tt.ok)
		}
	}
}

func TestParseOpenStatus(t *testing.T) {
	tests := []struct {
		raw     string
		want    OpenStatus
		guessed bool
		ok      bool
	}{
		{"已开设", Opened, false, true},
		{" 未开设 ", NotOpened, false, true},
		{"不 适用", NotApplicable, false, true},
		{"是", Opened, true, true},
		{"否", NotOpened, true, true},
		{"不涉及", NotApplicable, true, true},
		{"开了一半", "", false, false},
	}
	for _, tt := range tests {
		got, guessed, ok := ParseOpenStatus(tt.raw)
		if got != tt.want || guessed != tt.guessed || ok != tt.ok {
			t.Errorf("ParseOpenStatus(%q) = %q, %v, %v; want %q, %v, %v", tt.raw, got, guessed, ok, tt.want, tt.guessed, tt.ok)
		}
	}
}

func TestValidPhone(t *testing.T) {
	for _, s := range []string{"0915-3201058", "3201058", "13800000000", "（0915）3201058", "0915-3201058转8001", "+86 138 0000 0000"} {
		if !ValidPhone(s) {
			t.Errorf("ValidPhone(%q) = false", s)
		}
	}
	for _, s := range []string{"", "123", "张三", "0915-320105x", "12345678901234567890123"} {
		if ValidPhone(s) {
			t.Errorf("ValidPhone(%q) = true", s)
		}
	}
}

func TestNormalize(t *testing.T) {
	if got := Normalize("\u3000ＡＢＣ１２３，\u00a0"); got != "ABC123," {
		t.Errorf("Normalize = %q", got)
	}
	if got := Normalize("市财政局、各县区"); got != "市财政局、各县区" {
		t.Errorf("Normalize changed Chinese punctuation: %q", got)
	}
}
