// Package export writes Documents for other systems and for people:
// JSON and JSON Lines (the output contract, with its JSON Schema), the CSV
// task ledger of SPEC.md (csv.go), an iCalendar of the deadlines (ics.go)
// and a self-contained HTML report (html.go).
//
// The CSV, calendar and HTML writers share one shape, so that a command or
// an HTTP handler can stream a batch through any of them:
//
//	w := export.NewCSV(out) // or NewCalendar(out), NewHTML(out, HTMLOptions{})
//	for doc := range docs {
//		if err := w.Write(doc); err != nil { … }
//	}
//	err := w.Close() // writes what a format needs at the end; never closes out
//
// Each writes its header on the first Write (or on Close when there was
// none), so an empty batch still gives a valid file. ContentType names the
// media type to serve each with.
package export

import (
	"encoding/json"
	"io"

	"github.com/zhengling/zhengling/extract"
)

// ErrorLine is the JSON line a batch prints for an input that failed.
type ErrorLine struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// JSON writes doc as one indented JSON object.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// JSONLine writes v as one compact JSON line.
func JSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Writer is the shape of the streaming writers (CSV, Calendar, HTML): Write
// adds one document, Close finishes the output. Neither closes the
// underlying io.Writer. A Writer is not safe for concurrent use.
type Writer interface {
	Write(doc *extract.Document) error
	Close() error
}

// Media types to serve each format with (RFC 4180, RFC 5545, HTML).
const (
	ContentTypeJSONLines = "application/jsonl; charset=utf-8"
	ContentTypeCSV       = "text/csv; charset=utf-8; header=present"
	ContentTypeCalendar  = "text/calendar; charset=utf-8"
	ContentTypeHTML      = "text/html; charset=utf-8"
)
