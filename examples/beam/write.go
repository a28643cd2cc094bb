package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
)

// shardOf picks the shard of an input by its name, so that a retried
// bundle puts every element where its first attempt did.
func shardOf(name string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32() % uint32(shards))
}

// shardName is the file of one shard: documents-00001-of-00004.jsonl.
func shardName(dir, kind string, shard, shards int, ext string) string {
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	return fmt.Sprintf("%s%s-%05d-of-%05d.%s", dir, kind, shard, shards, ext)
}

type shardDocFn struct{ Shards int }

func (fn *shardDocFn) ProcessElement(doc *extract.Document) (int, *extract.Document) {
	return shardOf(doc.File, fn.Shards), doc
}

type shardErrorFn struct{ Shards int }

func (fn *shardErrorFn) ProcessElement(e export.ErrorLine) (int, export.ErrorLine) {
	return shardOf(e.File, fn.Shards), e
}

// writeDocsFn writes one shard of Documents as JSON Lines and its task
// ledger as CSV, each file with its own BOM and header.
type writeDocsFn struct {
	Dir    string
	Shards int
}

func (fn *writeDocsFn) ProcessElement(ctx context.Context, shard int, docs func(**extract.Document) bool) error {
	jsonl, err := create(ctx, shardName(fn.Dir, "documents", shard, fn.Shards, "jsonl"))
	if err != nil {
		return err
	}
	ledgerFile, err := create(ctx, shardName(fn.Dir, "ledger", shard, fn.Shards, "csv"))
	if err != nil {
		return errors.Join(err, jsonl.abort())
	}
	ledger := export.NewCSV(ledgerFile)
	var doc *extract.Document
	for docs(&doc) && err == nil {
		if err = export.JSONLine(jsonl, doc); err == nil {
			err = ledger.Write(doc)
		}
	}
	if err == nil {
		err = ledger.Close()
	}
	return errors.Join(err, jsonl.finish(err), ledgerFile.finish(err))
}

// writeErrorsFn writes one shard of dead letters as JSON Lines.
type writeErrorsFn struct {
	Dir    string
	Shards int
}

func (fn *writeErrorsFn) ProcessElement(ctx context.Context, shard int, lines func(*export.ErrorLine) bool) error {
	w, err := create(ctx, shardName(fn.Dir, "errors", shard, fn.Shards, "jsonl"))
	if err != nil {
		return err
	}
	var line export.ErrorLine
	for lines(&line) && err == nil {
		err = export.JSONLine(w, line)
	}
	return errors.Join(err, w.finish(err))
}

// shardFile writes one shard so that a reader never sees half of it: an
// object store (gs://, s3://) shows an object only once its upload is
// complete; on a local disk the shard is written under a hidden name and
// renamed into place. A retried bundle replaces its first attempt's file.
type shardFile struct {
	*bufio.Writer
	ctx       context.Context
	fsys      filesystem.Interface
	wc        io.WriteCloser
	tmp, path string
}

func create(ctx context.Context, path string) (*shardFile, error) {
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	f := &shardFile{ctx: ctx, fsys: fsys, path: path, tmp: path}
	if _, ok := fsys.(filesystem.Renamer); ok && !strings.Contains(path, "://") {
		f.tmp = tempName(path)
	}
	if f.wc, err = fsys.OpenWrite(ctx, f.tmp); err != nil {
		fsys.Close()
		return nil, fmt.Errorf("create %s: %w", f.tmp, err)
	}
	f.Writer = bufio.NewWriterSize(f.wc, 256<<10)
	return f, nil
}

// tempName hides the shard being written behind a dot: readers globbing
// documents-* skip it.
func tempName(path string) string {
	i := strings.LastIndex(path, "/") + 1
	return path[:i] + ".tmp-" + path[i:]
}

// finish flushes and commits the shard, or removes it when writing failed.
func (f *shardFile) finish(failed error) error {
	if failed != nil {
		return f.abort()
	}
	err := errors.Join(f.Flush(), f.wc.Close())
	if err == nil && f.tmp != f.path {
		err = f.fsys.(filesystem.Renamer).Rename(f.ctx, f.tmp, f.path)
	}
	if err != nil {
		err = fmt.Errorf("write %s: %w", f.path, err)
	}
	return errors.Join(err, f.fsys.Close())
}

// abort closes the shard and removes what was written of it.
func (f *shardFile) abort() error {
	err := f.wc.Close()
	if rm, ok := f.fsys.(filesystem.Remover); ok {
		err = errors.Join(err, rm.Remove(f.ctx, f.tmp))
	}
	return errors.Join(err, f.fsys.Close())
}
