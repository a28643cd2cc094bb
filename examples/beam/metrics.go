package main

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/zhengling/zhengling/extract/export"
)

// The job's metrics, all in the "zhengling" namespace.
var (
	pagesCounter      = beam.NewCounter("zhengling", "pages")      // Documents extracted
	errorsCounter     = beam.NewCounter("zhengling", "errors")     // dead letters
	directivesCounter = beam.NewCounter("zhengling", "directives") // directives at every level
	deadlinesCounter  = beam.NewCounter("zhengling", "deadlines")  // Document.Deadlines
	bytesCounter      = beam.NewCounter("zhengling", "bytes")      // bytes of the pages extracted or tried
	pageMicros        = beam.NewDistribution("zhengling", "page_micros")
)

// deadLetter emits the command's error line for file and counts it.
func deadLetter(ctx context.Context, emit func(export.ErrorLine), file string, err error) {
	errorsCounter.Inc(ctx, 1)
	emit(export.ErrorLine{File: file, Error: err.Error()})
}
