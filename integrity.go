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

// Signed returns the meta carrying its integrity code under secret, and the secret's key
// id (KeyID), which tells a template of another database from a tampered one.
func (m TemplateMeta) Signed(secret []byte) TemplateMeta {
	m.MAC = m.IntegrityCode(secret)
	m.Key = KeyID(secret)
	return m
}

// keyIDPrefix versions the key id like integrityPrefix versions the code.
const keyIDPrefix = "k1-"

// KeyID names a database's template secret without revealing it: a short hash written
// beside the integrity code. A template whose key id is not the database's own was made
// by another database (the default ./xxgk.db of another folder, another --db): its code
// cannot match, and the unit did nothing wrong. The id is not part of the code, so
// templates signed before it existed keep their codes; a unit that edits it only gets
// its file turned away as another database's, never recorded.
func KeyID(secret []byte) string {
	h := sha256.New()
	h.Write([]byte("xxgk template key id v1\x00"))
	h.Write(secret)
	return keyIDPrefix + hex.EncodeToString(h.Sum(nil)[:8])
}

// ID is the key id of the key's secret (KeyID).
func (k TemplateKey) ID() string { return KeyID(k.Secret) }

// FromOtherDatabase tells whether a template with this meta was made by a database other
// than the one holding key: its key id is another's, or (templates without a key id) the
// database does not know its round. knowsRound is asked only when needed.
func (m TemplateMeta) FromOtherDatabase(k TemplateKey, knowsRound func() bool) bool {
	if len(k.Secret) == 0 {
		return false
	}
	if id := strings.TrimSpace(m.Key); id != "" {
		return id != k.ID()
	}
	return !knowsRound()
}

// OtherDatabase is the message for a workbook whose template another database made. The
// unit is not at fault; the operator imports into the wrong database.
func OtherDatabase(round string, roundKnown bool) string {
	also := ""
	if roundKnown {
		also = "（本数据库虽也有轮次“" + round + "”，但不是它下发的模板）"
	}
	return "此文件的模板由另一个数据库生成" + also + "，无法在本数据库核对，未导入，也不记为该单位的退回。" +
		"请用生成轮次“" + round + "”模板的数据库导入（--db）"
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
