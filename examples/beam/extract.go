package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/export"
	"github.com/zhengling/zhengling/segment"
)

// extractFn extracts the Document of each page with the options of the
// command line. Its segmenter is the process's shared one, loaded once per
// worker in Setup rather than on the first page of each bundle.
type extractFn struct {
	Date        string
	ContentType string
	MaxBytes    int64

	seg  *segment.Segmenter
	date extract.Date
}

func (fn *extractFn) Setup() error {
	seg, err := segment.Default()
	if err != nil {
		return fmt.Errorf("load segmenter: %w", err)
	}
	fn.seg = seg
	if fn.Date != "" {
		if fn.date, err = extract.ParseDate(fn.Date); err != nil {
			return fmt.Errorf("date %q: %w", fn.Date, err)
		}
	}
	return nil
}

func (fn *extractFn) ProcessElement(ctx context.Context, p Page, emit func(*extract.Document), dead func(export.ErrorLine)) {
	bytesCounter.Inc(ctx, int64(len(p.Data)))
	start := time.Now()
	doc, err := fn.extract(p)
	pageMicros.Update(ctx, time.Since(start).Microseconds())
	if err != nil {
		deadLetter(ctx, dead, p.Name, err)
		return
	}
	pagesCounter.Inc(ctx, 1)
	directivesCounter.Inc(ctx, int64(countDirectives(doc)))
	deadlinesCounter.Inc(ctx, int64(len(doc.Deadlines)))
	emit(doc)
}

// extract runs the library on one page as the command does. A panic in the
// library is a bug, but it must not fail the job: it is that page's error.
func (fn *extractFn) extract(p Page) (doc *extract.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("internal error: %v\n%s", r, debug.Stack())
		}
	}()
	opts := extract.Options{ReferenceDate: fn.date, URL: p.URL, ContentType: p.ContentType, MaxBytes: fn.MaxBytes, Segmenter: fn.seg}
	if opts.ContentType == "" {
		opts.ContentType = fn.ContentType
	}
	if doc, err = extract.Bytes(p.Data, opts); err != nil {
		return nil, err
	}
	doc.File = p.Name
	return doc, nil
}

// countDirectives counts the directives at every level of the outline.
func countDirectives(doc *extract.Document) int {
	n := 0
	directive.Walk(doc.Directives, func(*extract.Directive) { n++ })
	return n
}
