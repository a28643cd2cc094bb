package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/segment"
)

// result is the outcome of one input.
type result struct {
	in   *input
	size int // len(in.data), which extractOne lets go of
	doc  *extract.Document
	json []byte // the Document as the JSON formats print it, encoded by the worker
	err  error
}

type task struct {
	in  *input
	out chan<- result
}

// process runs every input through a bounded pool of workers and writes the
// results in input order. It returns how many inputs failed.
func process(ctx context.Context, cfg *config, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	seg, err := segment.Default()
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := bufio.NewReader(stdin)
	cfg.single = single(cfg.paths, in) // before enumerate reads stdin
	inputs := make(chan *input, cfg.workers)
	go enumerate(ctx, cfg.paths, cfg.maxBytes, in, inputs)

	// order holds one result channel per input, in input order; its capacity
	// bounds how many pages are in flight, so memory does not grow with the batch.
	order := make(chan chan result, 4*cfg.workers)
	work := make(chan task)
	mem := newBudget()
	go func() {
		defer close(order)
		defer close(work)
		for in := range inputs {
			mem.add(len(in.data))
			rc := make(chan result, 1)
			order <- rc
			work <- task{in, rc}
		}
	}()
	for range cfg.workers {
		go func() {
			for t := range work {
				t.out <- extractOne(cfg, seg, t.in)
			}
		}()
	}
	out := newSink(cfg, stdout)
	pr := startProgress(ctx, stderr, showProgress(cfg, stdout, stderr), cfg.paths)
	failed := 0
	var writeErr error
	for rc := range order {
		r := <-rc
		pr.finished(r.err != nil)
		if r.err != nil {
			failed++
			if !cfg.jsonOutput() {
				fmt.Fprintf(stderr, "zhengling: %s: %v\n", r.in.name, r.err)
			}
		}
		if writeErr == nil {
			writeErr = out.write(r)
		}
		mem.add(-r.size)
	}
	pr.stop()
	if writeErr == nil {
		writeErr = out.close()
	}
	if writeErr != nil {
		return failed, fmt.Errorf("write output: %w", writeErr)
	}
	return failed, nil
}

// extractOne turns one input into a result. A panic inside the library is a
// bug, but it must not end a batch: it becomes that input's error.
func extractOne(cfg *config, seg *segment.Segmenter, in *input) (r result) {
	r.in, r.size = in, len(in.data)
	if in.err != nil {
		r.err = in.err
		return r
	}
	defer func() {
		if p := recover(); p != nil {
			r.doc, r.err = nil, fmt.Errorf("internal error: %v\n%s", p, debug.Stack())
		}
	}()
	opts := cfg.options(in)
	opts.Segmenter = seg
	// The page's bytes are garbage once cleaned: nothing else holds them
	// while the rest of the pipeline runs (8 MB of a 30 MB page's peak).
	data := in.data
	in.data = nil
	doc, err := extract.Bytes(data, opts)
	if err != nil {
		r.err = err
		return r
	}
	doc.File = in.name
	r.doc = doc
	return encodeResult(cfg, r)
}

// encodeResult encodes a document for the JSON formats in the worker, in
// parallel and before anything is printed: a document that cannot be
// encoded gets its error line instead.
func encodeResult(cfg *config, r result) result {
	if !cfg.jsonOutput() || r.doc == nil {
		return r
	}
	var err error
	if r.json, err = encodeJSON(r.doc, cfg.pretty()); err != nil {
		r.json, r.err = nil, fmt.Errorf("encode: %w", err)
	}
	r.doc = nil
	return r
}
