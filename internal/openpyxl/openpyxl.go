// Package openpyxl loads workbooks with openpyxl, a strict second reader (it refuses an
// aRGB colour that is not 8 hex digits, which Excel shrugs off), so that tests prove what
// the tool writes opens everywhere. Without python3 and openpyxl the checks skip with a
// message, except under CI=true, where they fail.
package openpyxl

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Book is what openpyxl read from one workbook.
type Book struct {
	Path   string
	Error  string // empty when openpyxl loaded the file
	Props  Props
	Sheets []Sheet
}

// Props are the core document properties as openpyxl reads them.
type Props struct {
	Creator, Title, Subject, LastModifiedBy string
	Created, Modified                       string // ISO 8601, as openpyxl prints them
}

// Sheet is one worksheet's print set-up.
type Sheet struct {
	Name        string
	PrintTitles string // e.g. $4:$4
	PrintArea   string // e.g. $A$1:$M$24
	Orientation string
	PaperSize   string
	Header      string // odd page header, all three parts joined
	Footer      string
	MaxRow      int
	MaxColumn   int
}

// script loads every file named on the command line, reads every cell (so that styles
// and shared strings are parsed) and prints one JSON object per file.
const script = `
import json, sys, warnings
warnings.simplefilter("ignore")
import openpyxl
out = []
for p in sys.argv[1:]:
    b = {"Path": p, "Error": "", "Props": {}, "Sheets": []}
    try:
        wb = openpyxl.load_workbook(p)
        pr = wb.properties
        b["Props"] = {"Creator": pr.creator or "", "Title": pr.title or "", "Subject": pr.subject or "",
            "LastModifiedBy": pr.lastModifiedBy or "",
            "Created": pr.created.isoformat() if pr.created else "",
            "Modified": pr.modified.isoformat() if pr.modified else ""}
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    c.value, c.font, c.fill, c.border
            hf = ws.oddHeader
            ff = ws.oddFooter
            part = lambda h: "|".join((x.text or "") for x in (h.left, h.center, h.right))
            b["Sheets"].append({"Name": ws.title,
                "PrintTitles": ws.print_title_rows or "",
                "PrintArea": ws.print_area if isinstance(ws.print_area, str) else ",".join(ws.print_area or []),
                "Orientation": ws.page_setup.orientation or "",
                "PaperSize": str(ws.page_setup.paperSize or ""),
                "Header": part(hf), "Footer": part(ff),
                "MaxRow": ws.max_row, "MaxColumn": ws.max_column})
    except Exception as e:
        b["Error"] = "%s: %s" % (type(e).__name__, e)
    out.append(b)
json.dump(out, sys.stdout, ensure_ascii=False)
`

// Load reads files with openpyxl and fails the test for each one it cannot load.
func Load(t testing.TB, files ...string) []Book {
	t.Helper()
	books := Read(t, files...)
	for _, b := range books {
		if b.Error != "" {
			t.Errorf("openpyxl cannot load %s: %s", b.Path, b.Error)
		}
	}
	return books
}

// Read reads files with openpyxl and returns what it saw, load errors included.
func Read(t testing.TB, files ...string) []Book {
	t.Helper()
	python := pythonWithOpenpyxl(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, append([]string{"-c", script}, files...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, stderr.String())
	}
	var books []Book
	if err := json.Unmarshal(out, &books); err != nil {
		t.Fatalf("openpyxl output: %v\n%s", err, out)
	}
	return books
}

// pythonWithOpenpyxl finds a python3 that can import openpyxl, or skips (fails in CI).
func pythonWithOpenpyxl(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(p)
		if err != nil {
			continue
		}
		if exec.Command(path, "-c", "import openpyxl").Run() == nil {
			return path
		}
	}
	msg := "openpyxl not found: install python3-openpyxl to check workbooks with a strict second reader"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}
