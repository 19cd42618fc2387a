package importer

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"xxgk"
)

// Options configure a batch import.
type Options struct {
	Rounds Rounds
	Saver  Saver // not needed for a dry run
	Now    func() time.Time
	User   string
	Round  string // when set, only files of this round are accepted
	// Unit, when set, is the only unit whose files are accepted: the web portal's upload,
	// where a unit's code may hand in its own workbook only. Another unit's file is refused
	// with Result.Unit naming it, and nothing is kept of it (no Submission, no File).
	Unit      string
	DryRun    bool   // check only; store nothing
	ErrorsDir string // when set, annotated copies of rejected workbooks are written here
	Workers   int    // parallel readers; default GOMAXPROCS
	BatchSize int    // submissions per database transaction; default 100
	Progress  func(done, total int)
	Limits    Limits
	Key       xxgk.TemplateKey // see Reader.Key
}

// Import reads every workbook under paths (files, folders searched recursively, .zip
// archives), checks them in parallel, stores the accepted ones in batches and calls emit
// once per file, in input order, after the file's fate is settled (stored or not). emit
// and Options.Progress are called from one goroutine at a time, never concurrently.
//
// The returned error means the run could not start (no input, an unreadable path) or had
// to stop (the database failed); emit has then been called for every file whose fate is
// known, and Totals.NotProcessed counts the rest. Each submission is stored whole or not
// at all, so rerunning the same command completes the batch: what was stored reports
// Unchanged.
func Import(ctx context.Context, opts Options, paths []string, emit func(Result)) (Totals, error) {
	var tot Totals
	switch {
	case len(paths) == 0:
		return tot, errors.New("没有指定要导入的文件、文件夹或 .zip 压缩包")
	case opts.Rounds == nil:
		return tot, errors.New("importer: Options.Rounds is nil")
	case opts.Saver == nil && !opts.DryRun:
		return tot, errors.New("importer: Options.Saver is nil")
	}
	lim := opts.Limits.orDefault()
	srcs, err := collect(paths, lim, opts.ErrorsDir)
	if err != nil {
		return tot, err
	}
	defer srcs.Close()
	tot.Files, tot.Skipped = len(srcs.list), srcs.skipped
	if len(srcs.list) == 0 {
		return tot, noWorkbooks(paths, srcs)
	}
	var copies *errorCopies
	if opts.ErrorsDir != "" {
		if copies, err = newErrorCopies(opts.ErrorsDir); err != nil {
			return tot, err
		}
		copyNames(srcs.list)
	}
	b := &batch{
		opts:  opts,
		srcs:  srcs.list,
		emit:  emit,
		tot:   &tot,
		copy:  copies,
		read:  &Reader{Rounds: opts.Rounds, Now: opts.Now, User: opts.User, Round: opts.Round, Unit: opts.Unit, Limits: lim, Key: opts.Key},
		size:  opts.BatchSize,
		works: opts.Workers,
	}
	if b.size <= 0 {
		b.size = 100
	}
	if b.works <= 0 {
		b.works = runtime.GOMAXPROCS(0)
	}
	err = b.run(ctx)
	tot.NotProcessed = tot.Files - b.done
	return tot, err
}

// batch is one Import run.
type batch struct {
	opts  Options
	srcs  []source
	emit  func(Result)
	tot   *Totals
	copy  *errorCopies
	read  *Reader
	size  int
	works int

	done int // results emitted; written by the writer goroutine only
	// newest is the file taken for each unit so far; used by run's ordering loop only.
	newest newestFiles
}

// parsed is a worker's answer for source idx.
type parsed struct {
	idx   int
	res   Result
	sub   *xxgk.Submission // to store; nil when rejected or dry run
	fatal error            // the round source failed; the run stops
}

// run reads on b.works goroutines, puts the results back in input order on this one,
// and hands full batches to a writer goroutine, so that parsing goes on while a batch is
// being stored.
func (b *batch) run(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	window := b.works * 4 // files read ahead of the oldest unsettled one
	tokens := make(chan struct{}, window)
	jobs := make(chan int)
	out := make(chan *parsed, window)
	go func() {
		defer close(jobs)
		for i := range b.srcs {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range b.works {
		wg.Go(func() {
			for i := range jobs {
				out <- b.work(ctx, i)
			}
		})
	}
	go func() { wg.Wait(); close(out) }()

	// The writer finishes the batch it is storing when the caller stops the run (Ctrl-C):
	// a transaction cut off halfway would report its files as failed although nothing
	// was wrong with them. It starts no batch after the stop; those files count as not
	// processed, and rerunning the same command stores them. Its failure stops the readers.
	batches := make(chan []*parsed, 1)
	wrote := make(chan error, 1)
	go func() {
		var err error
		for q := range batches {
			if err == nil && parent.Err() != nil {
				err = parent.Err() // interrupted: store nothing more
			}
			if err == nil {
				if err = b.write(context.WithoutCancel(parent), q); err != nil {
					cancel()
				}
			}
		}
		wrote <- err
	}()

	var fatal error
	next := 0
	ahead := make(map[int]*parsed, window)
	var queue []*parsed
	pending := 0
	for p := range out {
		if fatal != nil || ctx.Err() != nil {
			continue // drain so the workers can finish
		}
		ahead[p.idx] = p
		for q, ok := ahead[next]; ok && fatal == nil; q, ok = ahead[next] {
			delete(ahead, next)
			next++
			<-tokens
			if q.fatal != nil {
				fatal = q.fatal
				cancel()
				break
			}
			if b.newest.choose(q) {
				pending-- // an earlier file of the unit in this batch gave way to q
			}
			queue = append(queue, q)
			if q.sub != nil {
				pending++
			}
			// Rejected results wait behind accepted ones so that emit sees the input
			// order; the queue is bounded so a long run of rejected files does not pile up.
			if pending >= b.size || len(queue) >= 4*b.size {
				batches <- queue
				queue, pending = nil, 0
				b.newest.sent()
			}
		}
	}
	if len(queue) > 0 {
		batches <- queue
	}
	close(batches)
	werr := <-wrote
	switch {
	case werr != nil:
		return werr
	case fatal != nil:
		return fatal
	case parent.Err() != nil:
		return parent.Err()
	}
	return nil
}

// work reads and checks one source; it runs on a worker goroutine.
func (b *batch) work(ctx context.Context, i int) *parsed {
	src := b.srcs[i]
	p := &parsed{idx: i, res: Result{Name: src.name, Outcome: Rejected}}
	if ctx.Err() != nil {
		p.fatal = ctx.Err()
		return p
	}
	if src.problem != "" {
		p.res.Problems = xxgk.Problems{{Severity: xxgk.Error, File: src.name, Message: src.problem}}
		return p
	}
	data, err := src.open()
	if err != nil {
		if systemError(err) {
			p.res.Outcome = Unreadable
			p.res.Problems = xxgk.Problems{{Severity: xxgk.Error, File: src.name, Message: unreadableMessage(err)}}
			return p
		}
		p.res.Problems = xxgk.Problems{{Severity: xxgk.Error, File: src.name, Message: err.Error()}}
		return p
	}
	c, err := b.read.Read(ctx, src.name, data)
	if err != nil {
		p.fatal = err
		return p
	}
	p.res.Unit, p.res.Counts, p.res.Problems = c.Unit, c.Counts, c.Problems
	p.res.SavedAt, p.res.ModTime = c.SavedAt, src.modTime
	if c.Submission != nil {
		p.res.Round, p.res.SHA256 = c.Submission.Round, c.Submission.SHA256
		if !c.Accepted() && !c.Blank && len(data) <= xxgk.RejectionKeepMax {
			p.res.File = data // kept with the refusal (Result.File); a blank is no refusal
		}
	}
	switch {
	case c.OtherDatabase != "":
		p.res.Outcome, p.res.Round = OtherDatabase, c.OtherDatabase
	case c.Blank:
		p.res.Outcome = Blank
	case c.Accepted() && b.opts.DryRun:
		p.res.Outcome = Valid
	case c.Accepted():
		p.sub = c.Submission
		p.res.Outcome = Accepted
	case b.copy != nil && !c.Readable:
		p.res.NoCopy = "文件未能作为工作簿读取（原因见上），未生成批注副本"
	case b.copy != nil:
		path, err := b.copy.writeWithin(src, data, c.Problems)
		if err != nil {
			p.res.NoCopy = fmt.Sprintf("未能生成批注副本：%v", err)
		} else {
			p.res.ErrorCopy = path
		}
	}
	return p
}

// noWorkbooks says why a run found nothing to read, naming the paths as typed and what
// was left out: the errors folder, files that are not workbooks.
func noWorkbooks(paths []string, srcs *sources) error {
	msg := fmt.Sprintf("在 %s 中没有找到 Excel 工作簿（.xlsx）", strings.Join(paths, "、"))
	if len(srcs.excluded) > 0 {
		msg += fmt.Sprintf("。其中的 %s 是退回文件夹（--errors-dir），里面的退回副本不会被导入", strings.Join(srcs.excluded, "、"))
	}
	if n := len(srcs.skipped); n > 0 {
		msg += fmt.Sprintf("。跳过了 %d 个不是工作簿的文件：%s", n, listNames(srcs.skipped, 5))
	}
	return errors.New(msg)
}

// listNames joins up to max names with 、 and says how many more there are.
func listNames(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, "、")
	}
	return fmt.Sprintf("%s 等 %d 个", strings.Join(names[:max], "、"), len(names))
}
