package export

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
)

// ProductID names zhengling in the calendars it writes.
const ProductID = "-//zhengling//zhengling 1.0//ZH"

var beijing = time.FixedZone("CST", 8*3600)

// Calendar collects the VTODOs of a stream of documents into one calendar.
type Calendar struct {
	cal *ics.Calendar
	// Stamp is the DTSTAMP of every VTODO; set it for reproducible output.
	Stamp time.Time
}

// NewCalendar returns an empty calendar stamped now.
func NewCalendar() *Calendar {
	cal := ics.NewCalendarFor("zhengling")
	cal.SetProductId(ProductID)
	cal.SetMethod(ics.MethodPublish)
	return &Calendar{cal: cal, Stamp: time.Now().UTC()}
}

// Add adds one VTODO per directive of doc that has a dated or event deadline.
// The due date is the directive's last dated deadline.
func (c *Calendar) Add(doc *extract.Document) {
	directive.Walk(doc.Directives, func(d *extract.Directive) {
		due, ok := dueDate(d.Deadlines)
		if !ok {
			return
		}
		todo := c.cal.AddTodo(uid(doc, d))
		todo.SetDtStampTime(c.Stamp)
		todo.SetAllDayDueAt(due.Time(beijing))
		todo.SetSummary(summary(d))
		todo.SetDescription(description(doc, d))
		if len(d.Owners) > 0 {
			todo.AddProperty(ics.ComponentPropertyCategories, strings.Join(d.Owners, ","))
		}
	})
}

// WriteTo serialises the calendar.
func (c *Calendar) WriteTo(w io.Writer) (int64, error) {
	s := c.cal.Serialize()
	n, err := io.WriteString(w, s)
	if err != nil {
		return int64(n), fmt.Errorf("export: ics: %w", err)
	}
	return int64(n), nil
}

// dueDate is the latest resolved date among the deadlines.
func dueDate(dls []extract.Deadline) (extract.Date, bool) {
	var due extract.Date
	for _, dl := range dls {
		if !dl.Date.IsZero() && (due.IsZero() || due.Before(dl.Date)) {
			due = dl.Date
		}
	}
	return due, !due.IsZero()
}

func summary(d *extract.Directive) string {
	if d.Heading != "" {
		return d.Marker + d.Heading
	}
	return d.Marker
}

func description(doc *extract.Document, d *extract.Directive) string {
	var b strings.Builder
	b.WriteString(d.Text)
	for _, dl := range d.Deadlines {
		fmt.Fprintf(&b, "\n期限: %s (%s)", dl.Text, dl.Date)
	}
	if doc.Title != "" {
		fmt.Fprintf(&b, "\n来源: %s", doc.Title)
	}
	if doc.URL != "" {
		fmt.Fprintf(&b, " %s", doc.URL)
	}
	return b.String()
}

// uid is stable across runs: the same directive of the same page gets the
// same UID, so a calendar client updates rather than duplicates it.
func uid(doc *extract.Document, d *extract.Directive) string {
	h := sha1.Sum([]byte(doc.File + "\x00" + doc.URL + "\x00" + doc.Title + "\x00" + d.ID + "\x00" + d.Heading))
	return hex.EncodeToString(h[:10]) + "@zhengling"
}
