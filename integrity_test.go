package xxgk

import (
	"fmt"
	"strings"
	"testing"
)

func TestIntegrityCode(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	m := TemplateMeta{Format: TemplateFormat, Round: "2020", Unit: "CZJ", Codes: []string{"CZ-01-1", "CZ-01-2"}}.Signed(secret)
	if !strings.HasPrefix(m.MAC, "v1-") || len(m.MAC) != 3+64 {
		t.Fatalf("code %q", m.MAC)
	}
	back, err := ParseTemplateMeta(m.Rows())
	if err != nil || back.MAC != m.MAC || !back.Intact(secret) || back.Unsigned() {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
	upper := back
	upper.MAC = " " + strings.ToUpper(back.MAC) + " " // a program that upper-cases text
	if !upper.Intact(secret) {
		t.Error("case or spaces around the code must not matter")
	}
	tampered := map[string]func(m *TemplateMeta){
		"round":           func(m *TemplateMeta) { m.Round = "2021" },
		"unit":            func(m *TemplateMeta) { m.Unit = "WJW" },
		"code dropped":    func(m *TemplateMeta) { m.Codes = m.Codes[:1] },
		"code added":      func(m *TemplateMeta) { m.Codes = append(m.Codes, "JY-01-1") },
		"codes reordered": func(m *TemplateMeta) { m.Codes = []string{m.Codes[1], m.Codes[0]} },
		"fields shifted":  func(m *TemplateMeta) { m.Round, m.Unit = "2020C", "ZJ" },
		"code garbled":    func(m *TemplateMeta) { m.MAC = m.MAC[:len(m.MAC)-1] + "0" },
	}
	for name, edit := range tampered {
		c := back
		c.Codes = append([]string(nil), back.Codes...)
		edit(&c)
		if c.Intact(secret) {
			t.Errorf("%s: still intact", name)
		}
	}
	if back.Intact([]byte("another database's secret")) {
		t.Error("intact under another secret")
	}
	old := TemplateMeta{Format: TemplateFormat, Round: "2020", Unit: "CZJ", Codes: []string{"CZ-01-1"}}
	parsed, err := ParseTemplateMeta(old.Rows())
	if err != nil || !parsed.Unsigned() || parsed.Intact(secret) {
		t.Errorf("unsigned meta: %+v, %v", parsed, err)
	}
}

func TestTemplateKeyIsNeverPrinted(t *testing.T) {
	k := TemplateKey{Secret: []byte("SECRET-BYTES"), Older: []string{"2020"}}
	if !k.AllowsUnsigned("2020") || k.AllowsUnsigned("2021") {
		t.Error("AllowsUnsigned")
	}
	for _, f := range []string{"%v", "%+v", "%s", "%#v"} {
		if s := fmt.Sprintf(f, k); strings.Contains(s, "SECRET") || strings.Contains(s, "83 69 67") {
			t.Errorf("%s prints the secret: %s", f, s)
		}
	}
}
