package verify

import (
	"context"
	"net/url"
	"strings"
	"sync"

	"xxgk"
)

// Target is one reported column to check.
type Target struct {
	Round, Unit string // unit code
	Item        xxgk.Item
	Indicator   xxgk.Indicator
}

// Targets lists the columns of a round's current submissions that can be checked: every
// 已开设 row with a 栏目网址, of the units named in only (all when empty).
func Targets(s xxgk.Summary, cat *xxgk.Catalog, only map[string]bool) []Target {
	inds := make(map[string]xxgk.Indicator, len(cat.Indicators)) // a lookup per row would scan the catalog
	for _, ind := range cat.Indicators {
		inds[ind.Code] = ind
	}
	var out []Target
	for _, u := range s.Units {
		if u.Submission == nil || len(only) > 0 && !only[u.Unit.Code] {
			continue
		}
		for _, it := range u.Submission.Items {
			if it.Status != xxgk.Opened || strings.TrimSpace(it.URL) == "" {
				continue
			}
			// The import keeps only rows of the round's own catalog, so the code is
			// always there.
			out = append(out, Target{Round: s.Round.ID, Unit: u.Unit.Code, Item: it, Indicator: inds[it.Code]})
		}
	}
	return out
}

// Check fetches and judges one column.
func (c *Checker) Check(ctx context.Context, t Target) xxgk.Check {
	p := c.Fetch(ctx, t.Item.URL)
	if c.browser != nil && wantsRender(p) { // after Fetch gave back its host slot
		p = c.render(ctx, p)
	}
	now := c.cfg.Now()
	res, finding := xxgk.Judge(p, t.Item, t.Indicator, now)
	host := hostOf(p.FinalURL)
	if host == "" {
		host = hostOf(t.Item.URL)
	}
	return xxgk.Check{
		Round: t.Round, Unit: t.Unit, Code: t.Item.Code, URL: t.Item.URL, Page: p,
		Result: res, Finding: finding, GovDomain: xxgk.GovDomain(host), CheckedAt: now,
		Rushed: xxgk.RushedWarning(res, p.Dates, now),
	}
}

// Run checks every target, Concurrency at a time overall and PerHost per host, and
// returns the checks in the targets' order. progress, when not nil, is called after each
// check with how many are done. A cancelled ctx stops the run; the checks not made are
// left out of the result.
func (c *Checker) Run(ctx context.Context, ts []Target, progress func(done, total int)) []xxgk.Check {
	out := make([]xxgk.Check, len(ts))
	made := make([]bool, len(ts))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < min(c.cfg.Concurrency, len(ts)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				ch := c.Check(ctx, ts[i])
				if ctx.Err() != nil {
					continue
				}
				out[i], made[i] = ch, true
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(ts))
				}
				mu.Unlock()
			}
		}()
	}
	for _, i := range interleave(ts) {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	kept := out[:0]
	for i, ch := range out {
		if made[i] {
			kept = append(kept, ch)
		}
	}
	return kept
}

// interleave orders the targets host by host in turn, so that the workers spread over
// the hosts instead of queueing on one site's per-host limit.
func interleave(ts []Target) []int {
	byHost := map[string][]int{}
	var hosts []string
	for i, t := range ts {
		h := strings.ToLower(hostOf(t.Item.URL))
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], i)
	}
	out := make([]int, 0, len(ts))
	for len(out) < len(ts) {
		for _, h := range hosts {
			if q := byHost[h]; len(q) > 0 {
				out = append(out, q[0])
				byHost[h] = q[1:]
			}
		}
	}
	return out
}

func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return u.Host
}
