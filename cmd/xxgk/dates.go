package main

import (
	"errors"

	"xxgk"
)

// badDateFlag refuses a date typed on the command line. what names it ("截止日期",
// "--reply-by 的值"); example is a date in the round's year. A day its month does not
// have (2026-11-31) is said as such: asking for a complete date that was given only
// confuses.
func badDateFlag(what, raw string, err error, example string) error {
	var noDay *xxgk.NoSuchDay
	if errors.As(err, &noDay) {
		return failf("%s“%s”这一天不存在：%v。请检查日期", what, raw, noDay)
	}
	if what == "截止日期" {
		return failf("截止日期“%s”无法识别，请写成 %s 的形式", raw, example)
	}
	return failf("%s“%s”不是有效日期，请写成 %s 的形式", what, raw, example)
}
