package main

import (
	"io"

	"github.com/zhengling/zhengling/extract/export"
)

// sink writes results in one output format.
type sink interface {
	write(result) error
	close() error
}

func newSink(cfg *config, w io.Writer) sink {
	switch cfg.format {
	case "csv":
		return docSink{export.NewCSV(w)}
	case "ics":
		return docSink{export.NewCalendar(w)}
	case "html":
		return htmlSink{export.NewHTML(w, export.HTMLOptions{})}
	case "jsonl":
		return jsonSink{w: w}
	}
	return jsonSink{w: w, pretty: cfg.single}
}

// jsonSink writes one indented Document, or one compact line per result.
type jsonSink struct {
	w      io.Writer
	pretty bool
}

func (s jsonSink) write(r result) error {
	var v any = r.doc
	if r.err != nil {
		v = export.ErrorLine{File: r.in.name, Error: r.err.Error()}
	}
	if s.pretty {
		return export.JSON(s.w, v)
	}
	return export.JSONLine(s.w, v)
}

func (jsonSink) close() error { return nil }

// docSink streams documents through one of export's writers; failed inputs
// are reported on stderr by process, since a ledger row or a VTODO has no
// place for them.
type docSink struct {
	w export.Writer
}

func (s docSink) write(r result) error {
	if r.err != nil {
		return nil
	}
	return s.w.Write(r.doc)
}

func (s docSink) close() error { return s.w.Close() }

// htmlSink writes the report; a failed input gets its own short section.
type htmlSink struct {
	w *export.HTML
}

func (s htmlSink) write(r result) error {
	if r.err != nil {
		return s.w.WriteError(r.in.name, r.err)
	}
	return s.w.Write(r.doc)
}

func (s htmlSink) close() error { return s.w.Close() }
