package xxgk

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Normalize trims a typed value and folds full-width ASCII (digits, letters, punctuation,
// the ideographic space) to half-width, so that what a unit typed on a Chinese keyboard
// compares equal to what we expect. Chinese punctuation such as 、 is kept.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || r == 0xA0:
			r = ' '
		case r == 0x200B || r == 0xFEFF:
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

// ParseOpenStatus reads 是否开设栏目. ok is false for an unknown value; guessed is true
// when a synonym (是/否/…) was mapped, which the importer reports as a warning.
func ParseOpenStatus(raw string) (st OpenStatus, guessed, ok bool) {
	v := strings.ReplaceAll(Normalize(raw), " ", "")
	for _, s := range OpenStatuses {
		if v == string(s) {
			return s, false, true
		}
	}
	switch strings.ToLower(v) {
	case "是", "有", "已开", "开设", "已开通", "已建", "已建设", "已设立", "√", "y", "yes":
		return Opened, true, true
	case "否", "无", "没有", "未开", "未开通", "未建", "未建设", "未设立", "×", "x", "n", "no":
		return NotOpened, true, true
	case "不涉及", "无需", "无需开设", "不需要", "n/a", "na", "/":
		return NotApplicable, true, true
	}
	return "", false, false
}

// Excel stores dates as days since an epoch: 1899-12-30 in the 1900 system (which counts a
// non-existent 1900-02-29, so serials after 60 line up with this base), 1904-01-01 in the
// 1904 system used by old Mac workbooks.
var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// ErrBadDate is wrapped by ParseDate's errors.
var ErrBadDate = errors.New("无法识别的日期")

// SerialDate converts an Excel serial number to a calendar date.
func SerialDate(serial float64, date1904 bool) (time.Time, error) {
	if math.IsNaN(serial) || serial < 1 || serial > 2958465 { // 9999-12-31
		return time.Time{}, ErrBadDate
	}
	base := epoch1900
	if date1904 {
		base = epoch1904
	}
	days := int(math.Floor(serial))
	return base.AddDate(0, 0, days), nil
}

// The years a 最近更新日期 may fall in: the template's data validation allows MinDate()
// to MaxDate(), and CheckRow rejects an earlier date. Anything outside is a typing slip
// (a year of 20 or 2200) or a number mistaken for a date.
const (
	MinDateYear = 2000
	MaxDateYear = 2099
)

// MinDate is the earliest date accepted: 1 January MinDateYear.
func MinDate() time.Time { return time.Date(MinDateYear, 1, 1, 0, 0, 0, 0, time.UTC) }

// MaxDate is the latest date the template accepts: 31 December MaxDateYear.
func MaxDate() time.Time { return time.Date(MaxDateYear, 12, 31, 0, 0, 0, 0, time.UTC) }

// ParseCellDate reads a date as a cell gives it. Only a cell that is a number in the
// sheet XML (numeric is true) may hold an Excel serial: text such as "9.15" or "2020" is
// what the unit typed, not a serial, and must read as a full text date. An 8-digit number
// is read as YYYYMMDD either way (20200915 typed into a General cell).
func ParseCellDate(raw string, numeric, date1904 bool) (time.Time, error) {
	if !numeric {
		return ParseTextDate(raw)
	}
	s := strings.ReplaceAll(Normalize(raw), " ", "")
	if len(s) == 8 && !strings.ContainsAny(s, ".eE+-") {
		if t, err := time.Parse("20060102", s); err == nil {
			return t, nil
		}
		var noDay *NoSuchDay
		if _, err := ParseTextDate(s); errors.As(err, &noDay) {
			return time.Time{}, err // 20261131 typed into a General cell
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return ParseTextDate(raw) // a numeric cell holds a number; be lenient all the same
	}
	return SerialDate(f, date1904)
}

// ParseTextDate reads a date typed as text: 2020-09-15, 2020/9/15, 2020.9.15, 20200915,
// 2020年9月15日, 20/9/15, with full-width digits or spaces anywhere. The time of day, if
// any, is dropped. A plain number other than YYYYMMDD ("44089", "2020", "9.15") is not a
// date: only a numeric cell may hold an Excel serial (see ParseCellDate).
func ParseTextDate(raw string) (time.Time, error) {
	s := Normalize(raw)
	// Drop a time of day written after the date: "2020-09-15 10:30", "2020-09-15T10:30:00".
	if i := strings.IndexAny(s, " T"); i > 0 && strings.Contains(s[i:], ":") {
		s = s[:i]
	}
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return time.Time{}, ErrBadDate
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "eE+-") {
		if len(s) == 8 && !strings.Contains(s, ".") {
			if t, err := time.Parse("20060102", s); err == nil {
				return t, nil
			}
			y, _ := strconv.Atoi(s[:4])
			m, _ := strconv.Atoi(s[4:6])
			d, _ := strconv.Atoi(s[6:])
			if t, err := calendarDate(y, m, d); errors.Is(err, ErrBadDate) && err != ErrBadDate {
				return t, err // 20261131
			}
		}
		if !looksLikeDottedDate(s) {
			return time.Time{}, ErrBadDate
		}
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "日"), "号")
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == '年' || r == '月' || r == '_'
	})
	if len(parts) != 3 {
		return time.Time{}, ErrBadDate
	}
	n := [3]int{}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return time.Time{}, ErrBadDate
		}
		n[i] = v
	}
	y, m, d := n[0], n[1], n[2]
	if len(parts[0]) <= 2 { // 20/9/15
		y += 2000
	} else if len(parts[0]) != 4 {
		return time.Time{}, ErrBadDate
	}
	return calendarDate(y, m, d)
}

// calendarDate is y-m-d, or ErrBadDate for numbers that are no date, or a *NoSuchDay for
// a day the month does not have (2026-11-31, 2026-02-29).
func calendarDate(y, m, d int) (time.Time, error) {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, ErrBadDate
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2021-02-30
		return time.Time{}, &NoSuchDay{Year: y, Month: m, Day: d}
	}
	return t, nil
}

// NoSuchDay is a date whose day its month does not have: 2026-11-31, 2026-02-29. It is
// an ErrBadDate, and says what is wrong, instead of asking for a complete date that was
// given.
type NoSuchDay struct{ Year, Month, Day int }

func (e *NoSuchDay) Error() string {
	last := time.Date(e.Year, time.Month(e.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return fmt.Sprintf("%d年%d月只有%d天，没有%d日", e.Year, e.Month, last, e.Day)
}

// Is makes a NoSuchDay match ErrBadDate.
func (e *NoSuchDay) Is(target error) bool { return target == ErrBadDate }

// looksLikeDottedDate tells 2020.9 (a date missing the day) from 43998.5 (a serial with a
// time of day): a dotted date starts with a four-digit year.
func looksLikeDottedDate(s string) bool {
	i := strings.Index(s, ".")
	return i == 4 && (s[0] == '1' || s[0] == '2') && len(s)-i <= 3
}

// ParseCount reads 发布信息条数: a whole number ≥ 0 given as a number or as text ("12",
// "12.0", "１２", "1,200"). A number written with words ("12条", "约100") is not one: see
// ReadCount.
func ParseCount(raw string) (int, bool) {
	s := strings.ReplaceAll(Normalize(raw), " ", "")
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 {
			return 0, false
		}
		return n, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
		return 0, false
	}
	return int(f), true
}

// countPrefixes and countSuffixes are the words units put around a count although the
// template asks for the number alone: a unit (条, 篇) or an estimate (约, 100余, 100多).
var (
	countPrefixes = []string{"大约", "约", "近", "共计", "共", "累计", "合计", "总计"}
	countSuffixes = []string{"余条", "多条", "余篇", "多篇", "条以上", "篇以上", "条左右", "篇左右", "条", "篇", "个", "余", "多", "左右", "以上", "+"}
)

// ReadCount reads 发布信息条数 like ParseCount, and also a number written with the words
// the template says to leave out ("105条", "约100", "100余条"): the number is read, and
// worded tells the caller to warn (a 填报提示), as for other entries read by the import's
// own judgement. ok is false when no number can be read at all ("很多", "若干").
func ReadCount(raw string) (n int, worded, ok bool) {
	if n, ok := ParseCount(raw); ok {
		return n, false, true
	}
	s := strings.ReplaceAll(Normalize(raw), " ", "")
	for _, p := range countPrefixes {
		if rest, cut := strings.CutPrefix(s, p); cut {
			s = rest
			break
		}
	}
	for _, suf := range countSuffixes {
		if rest, cut := strings.CutSuffix(s, suf); cut {
			s = rest
			break
		}
	}
	if s == Normalize(raw) || s == "" {
		return 0, false, false
	}
	n, ok = ParseCount(s)
	return n, ok, ok
}

// ValidPhone accepts landlines with or without area code and extension, and mobiles:
// 7 to 20 digits with - ( ) + and spaces between.
func ValidPhone(raw string) bool {
	s := Normalize(raw)
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("-()（）+ 转", r):
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 20
}
