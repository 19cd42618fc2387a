package web

import "net/http"

// rule is who may use a route.
type rule int

const (
	public      rule = iota // anyone: the sign-in page, the style sheet
	unitOnly                // a unit, for its own data (the unit is the holder's)
	officeOnly              // the office
	officeOrOwn             // the office, or the unit the path names ({unit})
)

// authorize is the one decision on every request: nil holder is no (or a wrong) code.
// target is the unit code the path names, for officeOrOwn. It answers 0 when the request
// may go on, else the HTTP status to refuse it with: 401 without a holder, 403 with the
// wrong one.
func authorize(h *Holder, r rule, target string) int {
	if r == public {
		return 0
	}
	if h == nil {
		return http.StatusUnauthorized
	}
	switch r {
	case unitOnly:
		if !h.Office && h.Unit.Code != "" {
			return 0
		}
	case officeOnly:
		if h.Office {
			return 0
		}
	case officeOrOwn:
		if h.Office || (h.Unit.Code != "" && h.Unit.Code == target) {
			return 0
		}
	}
	return http.StatusForbidden
}
