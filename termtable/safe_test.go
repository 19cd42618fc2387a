package termtable

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestSafe(t *testing.T) {
	for in, want := range map[string]string{
		"市财政局.xlsx":           "市财政局.xlsx",
		"a\x1b[2Jb":           `a\x1b[2Jb`,
		"备注\r\n✔ 已接收 伪造.xlsx": `备注\r\n✔ 已接收 伪造.xlsx`,
		"tab\there":           `tab\there`,
		"del\x7f":             `del\x7f`,
		"c1\u009b31m":         `c1\u009b31m`,
		"bidi\u202Eslx.exe":   `bidi\u202eslx.exe`,
		"bad\xffutf8":         `bad\xffutf8`,
		"line\u2028sep":       `line\u2028sep`,
		`C:\data\财政.xlsx`:     `C:\data\财政.xlsx`,
		"":                    "",
	} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
	if got := SafeLines("一\n二\x1b]0;title\x07"); got != "一\n二\\x1b]0;title\\x07" {
		t.Errorf("SafeLines = %q", got)
	}
}

// TestTableEscapes: a table cell cannot smuggle a control sequence into the output.
func TestTableEscapes(t *testing.T) {
	tb := New("单位", "状态")
	tb.Row("市财政局\x1b[2J", "已报送")
	var buf bytes.Buffer
	if err := tb.Render(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(buf.String(), 0x1b) || !strings.Contains(buf.String(), `市财政局\x1b[2J`) {
		t.Errorf("table output %q", buf.String())
	}
}

// TestSafeJSON: what encoding/json leaves raw is escaped, and the text still decodes to
// the same value.
func TestSafeJSON(t *testing.T) {
	in := "a\u009b2J\u202e\x7f\u2067b✔"
	raw, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	got := SafeJSON(raw)
	if want := `"a\u009b2J\u202e\u007f\u2067b✔"`; string(got) != want {
		t.Errorf("SafeJSON = %s, want %s", got, want)
	}
	var back string
	if err := json.Unmarshal(got, &back); err != nil || back != in {
		t.Errorf("decodes to %q, %v", back, err)
	}
	if plain := []byte(`{"a":"市财政局"}`); &SafeJSON(plain)[0] != &plain[0] {
		t.Error("clean JSON copied")
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(JSONWriter(&buf)).Encode(map[string]string{"title": in}); err != nil {
		t.Fatal(err)
	}
	if want := `{"title":"a\u009b2J\u202e\u007f\u2067b✔"}` + "\n"; buf.String() != want {
		t.Errorf("JSONWriter wrote %q, want %q", buf.String(), want)
	}
}
