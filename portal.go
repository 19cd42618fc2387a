package xxgk

import (
	"errors"
	"net/url"
	"strings"
)

// PortalLink is the address a unit is given to hand in through the portal (xxgk serve):
// the round's portal address as the office set it, "" when none. One link serves every
// unit: the unit's access code says who it is, so the link itself carries no secret and
// may be printed in the 通报 too; the code is printed only in the unit's own letter.
func (n Notice) PortalLink() string { return strings.TrimSpace(n.PortalURL) }

// CheckPortalURL tells whether s can be printed as the portal's address: an http or
// https URL with a host, nothing a reader could mistake.
func CheckPortalURL(s string) error {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return errors.New("网上报送地址应是以 http:// 或 https:// 开头的完整网址，如 https://xxgk.example.gov.cn/")
	}
	return nil
}
