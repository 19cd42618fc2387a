package importer

import (
	"context"
	"errors"
	"fmt"

	"xxgk"
)

// write stores a batch's accepted submissions and then emits its results in order.
func (b *batch) write(ctx context.Context, q []*parsed) error {
	var err error
	for _, p := range q {
		if p.sub != nil {
			err = b.store(ctx, q)
			break
		}
	}
	for _, p := range q {
		b.tot.add(p.res)
		b.done++
		if b.emit != nil {
			b.emit(p.res)
		}
		if b.opts.Progress != nil {
			b.opts.Progress(b.done, len(b.srcs))
		}
	}
	return err
}

// store saves the queued submissions in one transaction. If it fails, each is retried
// alone, so that one bad submission does not sink its batch. A submission refused for its
// content is a rejected file (see DataRefusal); if none can be stored for another reason,
// the database is taken to be down and the run stops.
func (b *batch) store(ctx context.Context, q []*parsed) error {
	var subs []*xxgk.Submission
	var ps []*parsed
	for _, p := range q {
		if p.sub != nil {
			subs = append(subs, p.sub)
			ps = append(ps, p)
		}
	}
	saved, err := b.opts.Saver.SaveSubmissions(ctx, subs)
	if err == nil && len(saved) == len(subs) {
		for i, p := range ps {
			b.stored(p, saved[i])
		}
		return nil
	}
	if err == nil {
		err = fmt.Errorf("数据库返回 %d 条结果，应为 %d 条", len(saved), len(subs))
	}
	if errors.Is(err, ErrStop) {
		for _, p := range ps {
			p.res.Outcome, p.res.Err, p.sub = Failed, errNotSaved, nil
		}
		return err
	}
	ok, down := 0, 0
	var last error = err
	for _, p := range ps {
		s, err := b.opts.Saver.SaveSubmissions(ctx, []*xxgk.Submission{p.sub})
		if err == nil && len(s) == 1 {
			b.stored(p, s[0])
			ok++
			continue
		}
		if dr, refused := refusedData(err); refused {
			b.refuse(p, dr)
			continue
		}
		if err == nil {
			err = fmt.Errorf("数据库没有返回结果")
		}
		last = err
		down++
		p.res.Outcome, p.res.Err, p.sub = Failed, err, nil
	}
	if ok == 0 && down > 0 {
		return fmt.Errorf("数据库写入失败，已停止导入（已写入的文件不受影响，修复后重新运行同一命令即可继续）：%w", last)
	}
	return nil
}

func (b *batch) stored(p *parsed, s Saved) {
	p.res.Version, p.res.Current, p.res.Withdrawn = s.Version, s.Current, s.Withdrawn
	if p.res.Current == 0 {
		p.res.Current = s.Version
	}
	p.sub.Version, p.sub.ID, p.sub.FirstAt = s.Version, s.ID, s.FirstAt
	if s.Unchanged {
		p.res.Outcome = Unchanged
	} else {
		p.res.Outcome = Accepted
	}
	p.sub = nil
}
