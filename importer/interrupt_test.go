package importer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"xxgk"
	"xxgk/samples"
)

// cancellingSaver stops the run (as Ctrl-C does) while its first batch is being stored.
type cancellingSaver struct {
	memSaver
	cancel context.CancelFunc
}

func (c *cancellingSaver) SaveSubmissions(ctx context.Context, subs []*xxgk.Submission) ([]Saved, error) {
	c.cancel()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return c.memSaver.SaveSubmissions(ctx, subs)
}

// TestImportInterruptedWhileStoring: the batch being stored when the run is stopped is
// stored whole and reported accepted (not "failed"); nothing after it is read or stored,
// and every file is either emitted or counted as not processed.
func TestImportInterruptedWhileStoring(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	units := []string{"市财政局", "市卫健委", "汉滨区", "汉阴县", "市财政局", "市卫健委", "汉滨区", "汉阴县"}
	for i, u := range units {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%02d.xlsx", i)), filled(t, cat, u, samples.Good, uint64(i+1)))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &cancellingSaver{cancel: cancel}
	opts := testOptions(t, s)
	opts.BatchSize, opts.Workers = 2, 1
	var res []Result
	tot, err := Import(ctx, opts, []string{dir}, func(r Result) { res = append(res, r) })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if s.stored() != 2 || tot.Accepted != 2 || tot.Failed != 0 {
		t.Errorf("stored %d, totals %+v; want the first batch of 2 stored and accepted", s.stored(), tot)
	}
	if len(res) != 2 || res[0].Outcome != Accepted || res[1].Outcome != Accepted {
		t.Errorf("emitted %s", outcomes(res))
	}
	if tot.NotProcessed != len(units)-2 || tot.Files != len(units) {
		t.Errorf("totals %+v: want %d files, %d not processed", tot, len(units), len(units)-2)
	}
}
