package web

import (
	"context"
	"time"

	"xxgk"
)

// Access is what the portal needs of the access codes and the audit log, kept by the
// store (see accessStore for the adapter over *store.Store).
type Access interface {
	// Identify tells whose code it is in a round: the office, or a unit (its code). ok
	// is false when the code is nobody's. The comparison is the store's slow hash.
	Identify(ctx context.Context, round, code string) (office bool, unit string, ok bool, err error)
	// Audit records one event; a failure is reported, never hidden.
	Audit(ctx context.Context, e AuditEvent) error
}

// AuditEvent is one line of the audit log: who did what from where, with what outcome.
type AuditEvent struct {
	At     time.Time
	Round  string
	Actor  string // unit code, or "office"; empty when no code was recognised
	Action string // signin, upload, review, download, verify
	Result string // ok, failed, denied, or the import outcome
	Detail string // file name, download kind, comment: never a code
	Remote string
}

// Holder is who a request comes from, once its code or session is recognised.
type Holder struct {
	Office bool
	Unit   xxgk.Unit // the unit, when not Office
}

// actor names the holder in the audit log.
func (h *Holder) actor() string {
	switch {
	case h == nil:
		return ""
	case h.Office:
		return "office"
	}
	return h.Unit.Code
}
