package store

import (
	"context"
	"fmt"

	"xxgk"
)

// Summary reads what every reading command and the portal show about round r and
// summarises it: the current submissions, the refusals that count, the reviews and the
// latest website checks. One function, so that status, the papers and the portal count the
// same things (a review added to one is in all).
func (s *Store) Summary(ctx context.Context, r xxgk.Round, cat *xxgk.Catalog) (xxgk.Summary, error) {
	current, err := s.Current(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, fmt.Errorf("读取轮次“%s”的报送数据失败：%w", r.ID, err)
	}
	rejections, err := s.Rejections(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, fmt.Errorf("读取轮次“%s”的退回记录失败：%w", r.ID, err)
	}
	reviews, err := s.Reviews(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, fmt.Errorf("读取轮次“%s”的审核记录失败：%w", r.ID, err)
	}
	checks, err := s.LatestChecks(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, fmt.Errorf("读取轮次“%s”的核查结果失败：%w", r.ID, err)
	}
	sum := xxgk.Summarize(r, cat, current)
	sum.AddRejections(rejections)
	sum.AddReviews(reviews)
	sum.AddChecks(checks)
	return sum, nil
}
