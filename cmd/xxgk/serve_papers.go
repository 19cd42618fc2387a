package main

import (
	"context"
	"io"

	"xxgk"
	"xxgk/store"
	"xxgk/verify"
)

// servePapers gives the portal the commands' own summary, JSON and verify run, so the
// API answers exactly what `status`, `history` and `verify` do.
type servePapers struct {
	st *store.Store
	e  *env
}

func (p servePapers) Summary(ctx context.Context, round string) (xxgk.Summary, *xxgk.Catalog, error) {
	r, cat, err := p.st.Round(ctx, round)
	if err != nil {
		return xxgk.Summary{}, nil, err
	}
	s, err := summarize(ctx, p.st, r, cat)
	return s, cat, err
}

func (p servePapers) StatusJSON(w io.Writer, s xxgk.Summary) error { return writeStatusJSON(w, s) }

func (p servePapers) HistoryJSON(w io.Writer, r xxgk.Round, u xxgk.Unit, rec xxgk.UnitRecord, cat *xxgk.Catalog) error {
	return writeHistoryJSON(w, r, u, rec, rec.Timeline(cat.For(u)))
}

// Verify is `xxgk verify` with its default settings for the given units (all when none).
func (p servePapers) Verify(ctx context.Context, round string, units []string, progress func(done, total int)) error {
	s, cat, err := p.Summary(ctx, round)
	if err != nil {
		return err
	}
	only := map[string]bool{}
	for _, u := range units {
		only[u] = true
	}
	targets := verify.Targets(s, cat, only)
	progress(0, len(targets))
	if len(targets) == 0 {
		return nil
	}
	cfg := verify.Config{Concurrency: verify.DefaultConcurrency, PerHost: verify.DefaultPerHost, Timeout: verify.DefaultTimeout,
		UserAgent: "xxgk-verify/" + buildVersion(), Now: p.e.Now}
	if p.e.VerifyNet != nil {
		cfg.LookupIP, cfg.Dial, cfg.AllowHosts = p.e.VerifyNet.LookupIP, p.e.VerifyNet.Dial, p.e.VerifyNet.AllowHosts
	}
	checker := verify.New(cfg)
	defer checker.Close()
	checks := checker.Run(ctx, targets, progress)
	return p.st.SaveChecks(context.WithoutCancel(ctx), checks)
}
