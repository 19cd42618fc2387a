package importer

import (
	"context"
	"errors"
	"slices"
	"sync"

	"xxgk"
)

// memSaver is an in-memory store with the Saver contract: a batch is all or nothing, a
// file identical to any stored version is unchanged, as that version. failFrom makes every call from the
// n-th on fail (a database that went down); failSHA fails any batch holding that file.
type memSaver struct {
	mu       sync.Mutex
	calls    int
	failFrom int
	failSHA  string
	versions map[string][]string // round/unit → SHA of each version
}

var errDown = errors.New("connection refused")

func (m *memSaver) SaveSubmissions(_ context.Context, subs []*xxgk.Submission) ([]Saved, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	if m.failFrom > 0 && m.calls >= m.failFrom {
		return nil, errDown
	}
	if m.versions == nil {
		m.versions = map[string][]string{}
	}
	next := map[string][]string{}
	get := func(k string) []string {
		if v, ok := next[k]; ok {
			return v
		}
		return m.versions[k]
	}
	out := make([]Saved, len(subs))
	for i, s := range subs {
		if m.failSHA != "" && s.SHA256 == m.failSHA {
			return nil, errors.New("constraint failed")
		}
		k := s.Round + "/" + s.Unit
		v := get(k)
		if j := slices.Index(v, s.SHA256); j >= 0 {
			out[i] = Saved{Version: j + 1, Unchanged: true, Current: len(v)}
			continue
		}
		next[k] = append(append([]string(nil), v...), s.SHA256)
		out[i] = Saved{Version: len(v) + 1}
	}
	for k, v := range next {
		m.versions[k] = v
	}
	return out, nil
}

func (m *memSaver) stored() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, v := range m.versions {
		n += len(v)
	}
	return n
}
