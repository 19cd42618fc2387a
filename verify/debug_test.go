package verify

import (
	"os"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestDebugPage(t *testing.T) {
	f := os.Getenv("DEBUG_PAGE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	doc, _ := html.Parse(decode(b, "text/html; charset=utf-8"))
	m := newModel(doc, time.Now())
	t.Logf("title %q crumbs %q body %d", m.title, m.breadcrumb(), m.bodyText())
	for _, r := range m.regions() {
		r.heading = m.headingOf(r)
		t.Logf("region %s.%s entries %d merged %v widget %v heading %q newest %s", r.node.Data, attr(r.node, "class"), len(r.entries), r.merged, m.isWidget(r.node, r.heading, nil), r.heading, r.newest().Format("2006-01-02"))
	}
	for _, h := range m.hits {
		n := m.hitNode[h]
		t.Logf("hit %s usable %v dom %v pub %v clock %v widget %v in %s.%s %q", h.day.Format("2006-01-02"), h.usable(), h.dominant, h.pub, h.clock, m.inWidget(n.Parent), n.Parent.Data, attr(n.Parent, "class"), n.Data)
	}
}
