// Package access makes, reads, hashes and checks the portal's access codes (访问码).
//
// A code is 16 characters from an alphabet without look-alikes, printed in groups of four
// (K7QX-M4PR-9T2W-HNB3). Its first KeyIDLen characters are a public key id, stored in
// plain text, so that a code presented alone finds its one stored hash with one indexed
// lookup instead of trying every hash; the whole code is stored only as a slow argon2id
// hash and compared in constant time. A code that is malformed, or whose key id is
// unknown, is refused without computing any hash: wrong codes are cheap to turn away
// (rate limiting is the portal's).
package access

import (
	"crypto/rand"
	"errors"
	"io"
	"strings"
)

// Alphabet has no look-alikes: no 0/O, no 1/I/L. Codes are read case-insensitively.
const Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

const (
	// KeyIDLen is the length of the public key id that starts every code.
	KeyIDLen = 5
	// SecretLen is the length of the secret part: 11 × log2(31) ≈ 54 bits.
	SecretLen = 11
	// Len is a code's length without separators.
	Len = KeyIDLen + SecretLen
)

// Code is an access code in its canonical form (upper case, no separators).
type Code string

// ErrMalformed is returned by Parse for text that cannot be a code.
var ErrMalformed = errors.New("访问码格式不对：应为 16 位字母和数字（可带短横线）")

// New draws a fresh code from crypto/rand.
func New() (Code, error) { return newFrom(rand.Reader) }

// newFrom draws a code from r by rejection sampling, so every character is equally likely.
func newFrom(r io.Reader) (Code, error) {
	out := make([]byte, 0, Len)
	buf := make([]byte, 32)
	limit := byte(256 - 256%len(Alphabet)) // bytes at or above it would bias the draw
	for len(out) < Len {
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", err
		}
		for _, b := range buf {
			if b < limit && len(out) < Len {
				out = append(out, Alphabet[int(b)%len(Alphabet)])
			}
		}
	}
	return Code(out), nil
}

// Parse reads a code as a person types or pastes it: any case, with spaces or dashes
// (half- or full-width) between the groups, full-width letters and digits.
func Parse(s string) (Code, error) {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			r -= 0xFEE0
		}
		switch r {
		case ' ', '-', '\t', 0x3000, 0x2014, 0x2013, 0x2212:
			continue
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		if r > 0x7F || !strings.ContainsRune(Alphabet, r) {
			return "", ErrMalformed
		}
		b.WriteRune(r)
		if b.Len() > Len {
			return "", ErrMalformed
		}
	}
	if b.Len() != Len {
		return "", ErrMalformed
	}
	return Code(b.String()), nil
}

// KeyID is the code's public part: what the store looks the code up by.
func (c Code) KeyID() string { return string(c[:KeyIDLen]) }

// String prints the code in groups of four, as it is shown to people.
func (c Code) String() string {
	var b strings.Builder
	for i := 0; i < len(c); i += 4 {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(string(c[i:min(i+4, len(c))]))
	}
	return b.String()
}
