package xxgk

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Review (审核): the office reads a unit's current version and either approves it (通过) or
// returns it for changes (退回修改) with a comment. A review belongs to one version: the
// unit's next accepted file is a new version nobody has reviewed yet, so it is 待审核 again.
// Reviews are events like the corrections (EventApprove, EventReturn), never deletions.

// ReviewDecision is what the office decided about one version.
type ReviewDecision string

const (
	ReviewApprove ReviewDecision = "approve" // 通过
	ReviewReturn  ReviewDecision = "return"  // 退回修改
)

// EventKind is the unit event that records the decision.
func (d ReviewDecision) EventKind() EventKind { return EventKind(d) }

// reviewDecisionOf tells a review event from a correction.
func reviewDecisionOf(k EventKind) (ReviewDecision, bool) {
	switch k {
	case EventApprove:
		return ReviewApprove, true
	case EventReturn:
		return ReviewReturn, true
	}
	return "", false
}

// ReviewFromEvent reads a review event; ok is false for a correction.
func ReviewFromEvent(e UnitEvent) (r Review, ok bool) {
	d, ok := reviewDecisionOf(e.Kind)
	if !ok {
		return Review{}, false
	}
	return Review{Round: e.Round, Unit: e.Unit, Version: e.Version, Decision: d, Comment: e.Note, Operator: e.Operator, At: e.At}, true
}

// Label is the Chinese word for the decision.
func (d ReviewDecision) Label() string {
	switch d {
	case ReviewApprove:
		return "通过"
	case ReviewReturn:
		return "退回修改"
	}
	return string(d)
}

// ReviewState is where a unit stands in the review.
type ReviewState string

const (
	ReviewNone     ReviewState = ""         // no current version: nothing to review
	ReviewPending  ReviewState = "pending"  // 待审核: the current version has no review yet
	ReviewApproved ReviewState = "approved" // 已通过
	ReviewReturned ReviewState = "returned" // 已退回（需修改）
)

// Label is the Chinese name of the state; "" for ReviewNone.
func (s ReviewState) Label() string {
	switch s {
	case ReviewPending:
		return "待审核"
	case ReviewApproved:
		return "已通过"
	case ReviewReturned:
		return "已退回（需修改）"
	}
	return ""
}

// ReviewCommentMax bounds a review's comment, in characters (as 备注).
const ReviewCommentMax = 2000

// Review is one decision about one version of a unit's submission.
type Review struct {
	Round, Unit string
	Version     int // the version reviewed
	Decision    ReviewDecision
	Comment     string // required when returned
	Operator    string
	At          time.Time
}

// ErrReviewComment is wrapped when a return has no comment or a comment is too long.
var ErrReviewComment = errors.New("审核意见不符合要求")

// Check tells whether a review can be recorded: a known decision, a comment for a return
// (the unit must know what to change), an operator.
func (r Review) Check() error {
	switch r.Decision {
	case ReviewApprove, ReviewReturn:
	default:
		return errors.New("审核结论只能是“通过”或“退回修改”")
	}
	if tc := CheckText("", r.Comment); tc.Error != "" {
		return errors.Join(ErrReviewComment, errors.New("审核意见"+tc.Error))
	}
	c := strings.TrimSpace(r.Comment)
	if r.Decision == ReviewReturn && c == "" {
		return errors.Join(ErrReviewComment, errors.New("退回修改必须写明意见：单位要知道改什么"))
	}
	if n := utf8.RuneCountInString(c); n > ReviewCommentMax {
		return errors.Join(ErrReviewComment, fmt.Errorf("审核意见过长（%d 字，最多 %d 字）", n, ReviewCommentMax))
	}
	if strings.TrimSpace(r.Operator) == "" {
		return errors.New("记录审核：缺少操作人")
	}
	return nil
}

// CleanReviewComment is a comment as it is stored and printed: runs of white space
// (line breaks typed in a form or a shell) become one space, so the comment reads as one
// sentence in status, the 通报 and the letter.
func CleanReviewComment(s string) string { return strings.Join(strings.Fields(s), " ") }

// ReviewStateOf is the one rule for a unit's review state: nothing to review without a
// current version (current == 0: none, or withdrawn); otherwise the latest review decides
// if it is about the current version, and the current version is 待审核 if not.
func ReviewStateOf(current int, latest *Review) ReviewState {
	switch {
	case current == 0:
		return ReviewNone
	case latest == nil || latest.Version != current:
		return ReviewPending
	case latest.Decision == ReviewApprove:
		return ReviewApproved
	case latest.Decision == ReviewReturn:
		return ReviewReturned
	}
	return ReviewPending
}

// UnitReview is a unit's review state in a round.
type UnitReview struct {
	Unit    string
	Current int // the current version; 0 when none or withdrawn
	State   ReviewState
	Latest  *Review // the latest review of any version; nil when never reviewed
}

// Returned is the review that returned the current version, or nil when it is not
// returned: what the status, the reports and the unit's letter count as a problem.
func (u UnitReview) Returned() *Review {
	if u.State == ReviewReturned {
		return u.Latest
	}
	return nil
}

// NewUnitReview applies ReviewStateOf.
func NewUnitReview(unit string, current int, latest *Review) UnitReview {
	return UnitReview{Unit: unit, Current: current, State: ReviewStateOf(current, latest), Latest: latest}
}
