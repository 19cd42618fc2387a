package web

import "xxgk"

// Holder is who a request comes from, once its code or session is recognised.
type Holder struct {
	Office bool
	Unit   xxgk.Unit // the unit, when not Office
}

// actor names the holder in the audit log; nil is nobody (a wrong or no code).
func (h *Holder) actor() xxgk.Actor {
	switch {
	case h == nil:
		return xxgk.Actor{Kind: xxgk.ActorAnonymous}
	case h.Office:
		return xxgk.Actor{Kind: xxgk.ActorOffice}
	}
	return xxgk.Actor{Kind: xxgk.ActorUnit, Unit: h.Unit.Code}
}

// key names the holder for the upload counter.
func (h *Holder) key() string {
	if h.Office {
		return "office"
	}
	return "unit:" + h.Unit.Code
}
