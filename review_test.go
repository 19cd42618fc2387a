package xxgk

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestReviewStateOf(t *testing.T) {
	ret := &Review{Version: 2, Decision: ReviewReturn, Comment: "改"}
	ok := &Review{Version: 2, Decision: ReviewApprove}
	for _, c := range []struct {
		current int
		latest  *Review
		want    ReviewState
		label   string
	}{
		{0, nil, ReviewNone, ""},
		{0, ret, ReviewNone, ""}, // withdrawn after a return: nothing to review
		{1, nil, ReviewPending, "待审核"},
		{2, ret, ReviewReturned, "已退回（需修改）"},
		{2, ok, ReviewApproved, "已通过"},
		{3, ret, ReviewPending, "待审核"}, // the unit uploaded again
		{3, ok, ReviewPending, "待审核"},
	} {
		if got := ReviewStateOf(c.current, c.latest); got != c.want || got.Label() != c.label {
			t.Errorf("ReviewStateOf(%d, %+v) = %q (%s), want %q (%s)", c.current, c.latest, got, got.Label(), c.want, c.label)
		}
	}
}

func TestReviewCheck(t *testing.T) {
	base := Review{Round: "2020", Unit: "CZJ", Operator: "李四"}
	for _, c := range []struct {
		r    Review
		want string
	}{
		{Review{Decision: ReviewApprove}, ""},
		{Review{Decision: ReviewReturn, Comment: "请改网址"}, ""},
		{Review{Decision: ReviewReturn, Comment: " \n "}, "审核意见不符合要求\n退回修改必须写明意见：单位要知道改什么"},
		{Review{Decision: ReviewReturn, Comment: strings.Repeat("长", ReviewCommentMax+1)}, "审核意见不符合要求\n审核意见过长（2001 字，最多 2000 字）"},
		{Review{Decision: "maybe"}, "审核结论只能是“通过”或“退回修改”"},
		{Review{Decision: ReviewReturn, Comment: "请改\x1b[2J"}, "审核意见不符合要求\n审核意见含有不可见的控制字符（U+001B），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴"},
	} {
		r := c.r
		r.Round, r.Unit, r.Operator = base.Round, base.Unit, base.Operator
		err := r.Check()
		if got := ""; err != nil {
			got = err.Error()
			if got != c.want {
				t.Errorf("Check(%+v) = %q, want %q", c.r.Decision, got, c.want)
			}
		} else if c.want != "" {
			t.Errorf("Check(%+v) passed, want %q", c.r.Decision, c.want)
		}
	}
	if err := (Review{Decision: ReviewReturn, Comment: "x"}).Check(); err == nil || errors.Is(err, ErrReviewComment) {
		t.Errorf("review without operator: %v", err)
	}
}

func TestAddReviews(t *testing.T) {
	cat := testCatalog(t)
	r := Round{ID: "2020", Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)}
	at := time.Date(2020, 9, 18, 10, 0, 0, 0, ChinaTime)
	s := Summarize(r, cat, []Submission{
		{Unit: "CZJ", Version: 2, FirstAt: at, ImportedAt: at},
		{Unit: "SJJ", Version: 1, FirstAt: at, ImportedAt: at},
	})
	s.AddReviews([]UnitReview{
		{Unit: "CZJ", Latest: &Review{Unit: "CZJ", Version: 2, Decision: ReviewReturn, Comment: "网址错误"}},
		{Unit: "SJJ", Latest: &Review{Unit: "SJJ", Version: 1, Decision: ReviewApprove}},
		{Unit: "610902", Latest: &Review{Unit: "610902", Version: 1, Decision: ReviewReturn, Comment: "旧"}}, // withdrawn since
		{Unit: "NOPE"},
	})
	got := map[string]ReviewState{}
	for _, u := range s.Units {
		got[u.Unit.Code] = u.Review.State
	}
	if got["CZJ"] != ReviewReturned || got["SJJ"] != ReviewApproved || got["610902"] != ReviewNone {
		t.Errorf("states = %v", got)
	}
	if s.Returned != 1 || s.Approved != 1 || !s.Reviewed {
		t.Errorf("Returned %d, Approved %d, Reviewed %v", s.Returned, s.Approved, s.Reviewed)
	}
	if list := s.ReturnedUnits(); len(list) != 1 || list[0].ReturnedReview().Comment != "网址错误" {
		t.Errorf("ReturnedUnits = %+v", list)
	}
	// Among submitted units, a returned one comes first (市审计局 is after 市财政局 in the catalog).
	s.AddReviews([]UnitReview{
		{Unit: "CZJ", Latest: &Review{Unit: "CZJ", Version: 2, Decision: ReviewApprove}},
		{Unit: "SJJ", Latest: &Review{Unit: "SJJ", Version: 1, Decision: ReviewReturn, Comment: "缺栏目"}},
	})
	if order := s.ProblemsFirst(); order[0].Unit.Code != "610902" || order[1].Unit.Code != "SJJ" || s.Returned != 1 {
		t.Errorf("ProblemsFirst = %s, %s; Returned %d", order[0].Unit.Code, order[1].Unit.Code, s.Returned)
	}
}

func TestCleanReviewComment(t *testing.T) {
	if got := CleanReviewComment("  第一条：网址错误；\r\n\t第二条：补充条数  "); got != "第一条：网址错误； 第二条：补充条数" {
		t.Errorf("CleanReviewComment = %q", got)
	}
}
