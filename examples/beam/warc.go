package main

import (
	"bufio"
	"context"
	"errors"

	"github.com/zhengling/zhengling/extract/export"
	"github.com/zhengling/zhengling/extract/warc"
)

// readWARC splits an archive into its HTML response records, as the
// command does: each record a page named ARCHIVE#N with the record's URL
// and Content-Type, each damaged stretch a dead letter. The archive is read
// once, front to back, on one worker; the records are then spread.
func readWARC(ctx context.Context, path string, br *bufio.Reader, maxBytes int64, record func(Page), dead func(export.ErrorLine)) {
	for rec, err := range warc.Records(br, path, warc.Options{MaxBytes: maxBytes}) {
		if errors.Is(err, warc.ErrTooLarge) {
			err = errTooLarge(maxBytes)
		}
		if err != nil {
			deadLetter(ctx, dead, rec.Name, err)
			continue
		}
		record(Page{Name: rec.Name, URL: rec.URL, ContentType: rec.ContentType, Data: rec.Body})
	}
}
