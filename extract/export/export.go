// Package export writes Documents for other systems: JSON Lines, the CSV
// task ledger of SPEC.md (UTF-8 with a BOM, one row per directive that has an
// owner, a deadline or a target) and iCalendar (RFC 5545, one VTODO per
// deadline-bearing directive).
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
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

// LedgerHeader is the CSV task ledger's header row.
var LedgerHeader = []string{"id", "marker", "heading", "owners", "deadline", "target", "file"}

// utf8BOM makes spreadsheet programs read the ledger as UTF-8.
const utf8BOM = "\ufeff"

// CSV writes the task ledger for a stream of documents: the BOM and header
// on the first Write, then one row per ledger-worthy directive.
type CSV struct {
	w       *csv.Writer
	started bool
	out     io.Writer
}

// NewCSV returns a ledger writer on w.
func NewCSV(w io.Writer) *CSV { return &CSV{w: csv.NewWriter(w), out: w} }

// Write appends doc's rows.
func (c *CSV) Write(doc *extract.Document) error {
	if err := c.start(); err != nil {
		return err
	}
	for _, row := range LedgerRows(doc) {
		if err := c.w.Write(row); err != nil {
			return fmt.Errorf("export: csv: %w", err)
		}
	}
	c.w.Flush()
	return c.w.Error()
}

// Close writes the header if no document was written, and flushes.
func (c *CSV) Close() error {
	if err := c.start(); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

func (c *CSV) start() error {
	if c.started {
		return nil
	}
	c.started = true
	if _, err := io.WriteString(c.out, utf8BOM); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	return c.w.Write(LedgerHeader)
}

// LedgerRows returns one row per directive of doc that has an owner, a
// deadline or a target, in outline order.
func LedgerRows(doc *extract.Document) [][]string {
	var rows [][]string
	directive.Walk(doc.Directives, func(d *extract.Directive) {
		if len(d.Owners) == 0 && len(d.Deadlines) == 0 && len(d.Targets) == 0 {
			return
		}
		rows = append(rows, []string{
			d.ID, d.Marker, d.Heading, strings.Join(d.Owners, "、"),
			joinDeadlines(d.Deadlines), joinTargets(d.Targets), doc.File,
		})
	})
	return rows
}

// joinDeadlines gives each deadline as its date, or its event when the date
// is unknown, or its text.
func joinDeadlines(dls []extract.Deadline) string {
	parts := make([]string, 0, len(dls))
	for _, dl := range dls {
		switch {
		case !dl.Date.IsZero():
			parts = append(parts, dl.Date.String())
		case dl.Event != "":
			parts = append(parts, dl.Event)
		default:
			parts = append(parts, dl.Text)
		}
	}
	return strings.Join(parts, "；")
}

func joinTargets(ts []extract.Target) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		parts = append(parts, t.Text)
	}
	return strings.Join(parts, "；")
}
