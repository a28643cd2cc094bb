package main

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// options configure one run; they travel to the workers inside the DoFns.
type options struct {
	Inputs      []string
	Output      string
	Shards      int
	Date        string
	MaxBytes    int64
	ContentType string
	// SpreadRecords reshuffles the records of WARC archives, so that one
	// large archive is extracted on every worker.
	SpreadRecords bool
}

// extracted are the two products of the extraction: the Documents
// (PCollection<*extract.Document>) and the dead letters, one error line per
// input that failed (PCollection<export.ErrorLine>).
type extracted struct {
	Docs, DeadLetters beam.PCollection
}

// extractAll reads every input and extracts its Document:
//  1. expand the patterns into files;
//  2. reshuffle the files, so that reading spreads over the workers;
//  3. read each file: a saved page or text file is one page, extracted
//     where it was read; a WARC archive is split into its HTML response
//     records, which are reshuffled (opts.SpreadRecords), so that the
//     records of one large archive are extracted on every worker;
//  4. extract each page with the worker's segmenter.
//
// Only records cross the second shuffle: saved pages are already spread by
// the first, and a shuffle of page bodies is costly (Prism holds it in
// memory).
//
// An input that fails at any step becomes a dead letter, never a failed job.
func extractAll(s beam.Scope, opts options) extracted {
	s = s.Scope("extract")
	patterns := beam.CreateList(s, opts.Inputs)
	files, unmatched := beam.ParDo2(s, &expandFn{}, patterns)
	files = beam.Reshuffle(s, files)
	pages, records, unread := beam.ParDo3(s, &readFn{MaxBytes: opts.MaxBytes}, files)
	if opts.SpreadRecords {
		records = beam.Reshuffle(s, records)
	}
	fn := &extractFn{Date: opts.Date, ContentType: opts.ContentType, MaxBytes: opts.MaxBytes}
	pageDocs, pageErrs := beam.ParDo2(s, fn, pages)
	recordDocs, recordErrs := beam.ParDo2(s, fn, records)
	return extracted{
		Docs:        beam.Flatten(s, pageDocs, recordDocs),
		DeadLetters: beam.Flatten(s, unmatched, unread, pageErrs, recordErrs),
	}
}

// write writes the Documents and the CSV ledger, and the dead letters, in
// opts.Shards shards each under opts.Output.
func write(s beam.Scope, opts options, ex extracted) {
	s = s.Scope("write")
	docs := beam.GroupByKey(s, beam.ParDo(s, &shardDocFn{Shards: opts.Shards}, ex.Docs))
	beam.ParDo0(s, &writeDocsFn{Dir: opts.Output, Shards: opts.Shards}, docs)
	dead := beam.GroupByKey(s, beam.ParDo(s, &shardErrorFn{Shards: opts.Shards}, ex.DeadLetters))
	beam.ParDo0(s, &writeErrorsFn{Dir: opts.Output, Shards: opts.Shards}, dead)
}
