// Package importstore binds the importer to the store: the importer knows only its own
// interfaces (importer.Rounds, importer.Saver) and errors, the store only its own, and
// both `xxgk import` and the portal's upload (web) go through these two adapters.
package importstore

import (
	"context"
	"errors"
	"fmt"

	"xxgk"
	"xxgk/importer"
	"xxgk/store"
)

// Store is what an import needs of the store (*store.Store has it).
type Store interface {
	Round(ctx context.Context, id string) (xxgk.Round, *xxgk.Catalog, error)
	SaveSubmissions(ctx context.Context, subs []*xxgk.Submission) ([]store.SaveResult, error)
}

// Rounds is st as the importer's source of rounds: a round the store does not know is
// the importer's ErrNotFound.
func Rounds(st Store) importer.Rounds { return rounds{st} }

// Saver is st as the importer's saver: a database locked by another import stops the
// run (importer.Stop) rather than failing file after file.
func Saver(st Store) importer.Saver { return saver{st} }

type rounds struct{ st Store }

func (a rounds) Round(ctx context.Context, id string) (xxgk.Round, *xxgk.Catalog, error) {
	r, cat, err := a.st.Round(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("%w: %w", importer.ErrNotFound, err)
	}
	return r, cat, err
}

type saver struct{ st Store }

func (a saver) SaveSubmissions(ctx context.Context, subs []*xxgk.Submission) ([]importer.Saved, error) {
	res, err := a.st.SaveSubmissions(ctx, subs)
	if errors.Is(err, store.ErrBusy) {
		err = importer.Stop(err)
	}
	out := make([]importer.Saved, len(res))
	for i, r := range res {
		out[i] = importer.Saved{Version: r.Version, Unchanged: r.Unchanged, ID: r.ID, FirstAt: r.FirstAt, Current: r.Current, Withdrawn: r.Withdrawn}
	}
	return out, err
}
