package xxgk

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"strings"
)

// The hidden meta sheet says which unit, round and indicators a workbook answers for. A
// unit can unhide and edit it (LibreOffice shows very hidden sheets; protection has no
// password), so the sheet also carries an integrity code: an HMAC-SHA-256 of the round,
// the unit and the indicator codes under a secret only the office's database holds. The
// code is a plain text value, so it survives every spreadsheet program's save: nothing
// depends on sheet state, styles or document properties.

// TemplateKey is the secret that signs templates, with the rounds recorded before it
// existed. Those rounds' templates were sent out without a code and may still come back
// so; every template of any later round was written with the key, so one of those
// without a code has had it removed.
type TemplateKey struct {
	Secret []byte
	Older  []string // IDs of the rounds recorded before the key was created
}

// AllowsUnsigned tells whether a template of round may lack a code.
func (k TemplateKey) AllowsUnsigned(round string) bool {
	for _, r := range k.Older {
		if r == round {
			return true
		}
	}
	return false
}

// String keeps the secret out of anything printed with %v or %s.
func (k TemplateKey) String() string { return "TemplateKey(secret hidden)" }

// GoString does the same for %#v.
func (k TemplateKey) GoString() string { return k.String() }

// integrityPrefix versions the code, so its input can change without old codes being
// taken for new ones.
const integrityPrefix = "v1-"

// IntegrityCode is the code of the meta's round, unit and indicator codes under secret.
// Each field is length-prefixed, so no two different metas share an input.
func (m TemplateMeta) IntegrityCode(secret []byte) string {
	h := hmac.New(sha256.New, secret)
	field := func(s string) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field("xxgk template meta v1")
	field(m.Round)
	field(m.Unit)
	field(strconv.Itoa(len(m.Codes)))
	for _, c := range m.Codes {
		field(c)
	}
	return integrityPrefix + hex.EncodeToString(h.Sum(nil))
}

// Signed returns the meta carrying its integrity code under secret.
func (m TemplateMeta) Signed(secret []byte) TemplateMeta {
	m.MAC = m.IntegrityCode(secret)
	return m
}

// Intact tells whether the meta's code matches its content under secret, in constant
// time. A meta without a code is not intact; see Unsigned.
func (m TemplateMeta) Intact(secret []byte) bool {
	got := strings.ToLower(strings.TrimSpace(m.MAC))
	return got != "" && hmac.Equal([]byte(got), []byte(m.IntegrityCode(secret)))
}

// Unsigned tells a meta that carries no code at all.
func (m TemplateMeta) Unsigned() bool { return strings.TrimSpace(m.MAC) == "" }

// MetaTampered is the message for a workbook whose hidden sheet does not match its code.
const MetaTampered = "模板的隐藏信息被改动，请使用下发的原模板重新填写"
