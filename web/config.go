package web

import (
	"context"
	"io"
	"log"
	"time"

	"xxgk"
	"xxgk/fonts"
	"xxgk/store"
)

// Store is what the portal reads and writes of the database; *store.Store satisfies it.
type Store interface {
	Rounds(ctx context.Context) ([]xxgk.Round, error)
	Round(ctx context.Context, id string) (xxgk.Round, *xxgk.Catalog, error)
	History(ctx context.Context, round, unit string) (xxgk.UnitRecord, error)
	SaveSubmissions(ctx context.Context, subs []*xxgk.Submission) ([]store.SaveResult, error)
	SaveRejections(ctx context.Context, rs []xxgk.Rejection) error
	RejectionFile(ctx context.Context, id int64) ([]byte, error)
	TemplateKey(ctx context.Context) (xxgk.TemplateKey, error)
	Notice(ctx context.Context, round string) (xxgk.Notice, error)

	// The portal's own records (access codes, reviews, the audit log).
	Authenticate(ctx context.Context, code string) (xxgk.CodeHolder, error)
	Review(ctx context.Context, r xxgk.Review) (xxgk.Review, error)
	Audit(ctx context.Context, e xxgk.AuditEntry) error
}

// Papers makes what the CLI prints and writes, in the one place each is defined (the
// command package wires its own functions in), so that the portal's JSON and files are
// the commands' own.
type Papers interface {
	// Summary is the round's status as `xxgk status` computes it.
	Summary(ctx context.Context, round string) (xxgk.Summary, *xxgk.Catalog, error)
	// StatusJSON writes `xxgk status --format json`.
	StatusJSON(w io.Writer, s xxgk.Summary) error
	// HistoryJSON writes `xxgk history --format json` of one unit.
	HistoryJSON(w io.Writer, r xxgk.Round, u xxgk.Unit, rec xxgk.UnitRecord, cat *xxgk.Catalog) error
	// Verify runs `xxgk verify` for the given unit codes (all when empty), reporting
	// progress as it goes.
	Verify(ctx context.Context, round string, units []string, progress func(done, total int)) error
}

// Config sets up a Server.
type Config struct {
	Store  Store
	Papers Papers
	// Round is the round served; empty means the newest at each request.
	Round string
	// MaxUpload caps an uploaded workbook in bytes; default 20 MB.
	MaxUpload int64
	// Secure marks cookies Secure and sends HSTS: the portal is served over TLS, by itself
	// or behind the office's HTTPS proxy (TrustProxy).
	Secure bool
	// TrustProxy takes the client's address from X-Forwarded-For (the last hop, the one
	// the proxy saw) instead of the connection.
	TrustProxy bool
	// Fonts prints the 通报 and the letters; nil: those downloads say fonts are missing.
	Fonts *fonts.Set
	// Limits of sign-in and upload attempts; zero fields take the defaults.
	Limits Limits
	// MaxActive is how many requests are worked on at once (uploads checked, pages
	// read from the database); default twice the CPUs, at least 8.
	MaxActive int
	// RequestTimeout bounds one request's work (an upload's import included); default 2 min.
	RequestTimeout time.Duration
	Now            func() time.Time
	// Log receives one line per failure the user cannot fix (a database error); never a code.
	Log *log.Logger
	// TempDir holds uploads while they are imported; default os.TempDir().
	TempDir string
}

// Limits bound attempts within Window.
type Limits struct {
	Window         time.Duration // default 15 minutes
	FailsPerAddr   int           // failed sign-ins from one address; default 10
	FailsPerCode   int           // failed sign-ins with one code's key id, from anywhere; default 10
	UploadsPerUnit int           // uploads of one holder per Window; default 60
}

func (l Limits) orDefault() Limits {
	if l.Window <= 0 {
		l.Window = 15 * time.Minute
	}
	if l.FailsPerAddr <= 0 {
		l.FailsPerAddr = 10
	}
	if l.FailsPerCode <= 0 {
		l.FailsPerCode = 10
	}
	if l.UploadsPerUnit <= 0 {
		l.UploadsPerUnit = 60
	}
	return l
}
