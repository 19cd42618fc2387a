package access

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestNewCodes(t *testing.T) {
	seen := map[Code]bool{}
	counts := map[rune]int{}
	for i := 0; i < 2000; i++ {
		c, err := New()
		if err != nil {
			t.Fatal(err)
		}
		if len(c) != Len || seen[c] {
			t.Fatalf("code %q: length %d or repeated", c, len(c))
		}
		seen[c] = true
		for _, r := range c {
			counts[r]++
		}
		if p, err := Parse(c.String()); err != nil || p != c {
			t.Fatalf("Parse(%q) = %q, %v", c.String(), p, err)
		}
	}
	for _, bad := range "0O1IL" {
		if counts[bad] > 0 {
			t.Errorf("look-alike %q drawn %d times", bad, counts[bad])
		}
	}
	// 32,000 characters over 31 letters: each about 1,032 times.
	for _, r := range Alphabet {
		if n := counts[r]; n < 800 || n > 1300 {
			t.Errorf("character %q drawn %d times, want about 1032", r, n)
		}
	}
}

func TestNewFromIsUnbiased(t *testing.T) {
	// Bytes 248..255 would favour the first 8 characters; they must be skipped.
	src := bytes.Repeat([]byte{255, 0}, 64)
	c, err := newFrom(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := Code(strings.Repeat("2", Len)); c != want {
		t.Errorf("newFrom = %q, want %q", c, want)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Code{
		"K7QX-M4PR-9T2W-HNB3":   "K7QXM4PR9T2WHNB3",
		" k7qx m4pr 9t2w hnb3 ": "K7QXM4PR9T2WHNB3",
		"Ｋ７ＱＸ－Ｍ４ＰＲ９Ｔ２ＷＨＮＢ３":     "K7QXM4PR9T2WHNB3",
	} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "K7QX-M4PR-9T2W-HNB", "K7QX-M4PR-9T2W-HNB33", "K7QX-M4PR-9T2W-HNB0", "K7QX-M4PR-9T2W-HNBO", "码码码码"} {
		if got, err := Parse(in); err != ErrMalformed {
			t.Errorf("Parse(%q) = %q, %v; want ErrMalformed", in, got, err)
		}
	}
	if s := Code("K7QXM4PR9T2WHNB3").String(); s != "K7QX-M4PR-9T2W-HNB3" {
		t.Errorf("String = %q", s)
	}
	if id := Code("K7QXM4PR9T2WHNB3").KeyID(); id != "K7QXM" {
		t.Errorf("KeyID = %q", id)
	}
}

func TestHashVerify(t *testing.T) {
	c, _ := New()
	other, _ := New()
	start := time.Now()
	h, err := Hash(c, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("argon2id with the default parameters: %v", time.Since(start))
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=1,p=1$") || strings.Contains(h, string(c)) {
		t.Errorf("hash %q", h)
	}
	if ok, err := Verify(c, h); !ok || err != nil {
		t.Errorf("Verify(right code) = %v, %v", ok, err)
	}
	if ok, err := Verify(other, h); ok || err != nil {
		t.Errorf("Verify(wrong code) = %v, %v", ok, err)
	}
	h2, _ := Hash(c, DefaultParams())
	if h2 == h {
		t.Error("two hashes of one code are equal: the salt is not random")
	}
	// Costs are read from the hash: a cheap one still verifies.
	cheap, _ := Hash(c, Params{Time: 1, MemoryKiB: 64, Threads: 1})
	if ok, err := Verify(c, cheap); !ok || err != nil {
		t.Errorf("Verify(cheap hash) = %v, %v", ok, err)
	}
	for _, bad := range []string{"", "$2a$10$abc", "$argon2id$v=19$m=0,t=1,p=1$AAAA$AAAA", "$argon2id$v=18$m=64,t=1,p=1$AAAA$AAAA"} {
		if _, err := Verify(c, bad); err == nil {
			t.Errorf("Verify(%q) accepted a hash it did not write", bad)
		}
	}
}
