package main

import (
	"bytes"
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
	}
	return jsonSink{w: w, pretty: cfg.pretty()}
}

// jsonSink writes one indented Document, or one compact line per result.
type jsonSink struct {
	w      io.Writer
	pretty bool
}

func (s jsonSink) write(r result) error {
	b := r.json
	if r.err != nil {
		var err error
		if b, err = encodeJSON(export.ErrorLine{File: r.in.name, Error: r.err.Error()}, s.pretty); err != nil {
			return err
		}
	}
	_, err := s.w.Write(b)
	return err
}

// encodeJSON encodes v as one indented JSON document or one compact line.
func encodeJSON(v any, pretty bool) ([]byte, error) {
	var b bytes.Buffer
	encode := export.JSONLine
	if pretty {
		encode = export.JSON
	}
	if err := encode(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
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
