package main

import (
	"fmt"
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
		return &csvSink{w: export.NewCSV(w)}
	case "ics":
		return &icsSink{cal: export.NewCalendar(), w: w}
	case "jsonl":
		return jsonSink{w: w}
	case "json":
		return jsonSink{w: w, pretty: cfg.single}
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

// csvSink writes the task ledger; failed inputs are reported on stderr by
// process, since a ledger row has no place for them.
type csvSink struct {
	w *export.CSV
}

func (s *csvSink) write(r result) error {
	if r.err != nil {
		return nil
	}
	return s.w.Write(r.doc)
}

func (s *csvSink) close() error { return s.w.Close() }

type icsSink struct {
	cal *export.Calendar
	w   io.Writer
}

func (s *icsSink) write(r result) error {
	if r.err == nil {
		s.cal.Add(r.doc)
	}
	return nil
}

func (s *icsSink) close() error {
	_, err := s.cal.WriteTo(s.w)
	if err != nil {
		return fmt.Errorf("ics: %w", err)
	}
	return nil
}
