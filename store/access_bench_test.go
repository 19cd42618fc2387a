package store

import (
	"context"
	"testing"
)

// BenchmarkAuthenticate verifies a right code with the default argon2id costs, many at
// once (b.RunParallel): the store lets GOMAXPROCS hashes run together, so this measures
// what the portal can sign in per second. BenchmarkAuthenticateWrongKey is an unknown key
// id: no hash at all.
func BenchmarkAuthenticate(b *testing.B) {
	s := open(b, freshSQLite(b))
	ctx := context.Background()
	if err := s.SaveRound(ctx, round2020, smallCatalog(b)); err != nil {
		b.Fatal(err)
	}
	issued, err := s.EnsureUnitCodes(ctx, "2020", Correction{Operator: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	code := issued[0].Code
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := s.Authenticate(ctx, code); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkAuthenticateWrongKey(b *testing.B) {
	s := open(b, freshSQLite(b))
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Authenticate(ctx, "ZZZZ-Z222-2222-2222"); err == nil {
			b.Fatal("an unknown code was accepted")
		}
	}
}
