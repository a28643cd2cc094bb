package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/bmatcuk/doublestar/v4"

	"github.com/zhengling/zhengling/extract/export"
	"github.com/zhengling/zhengling/extract/warc"
)

// Page is one input to extract: a saved page or text file, or the HTML
// response record of a WARC archive.
type Page struct {
	Name        string // the Document's "file": the path, or ARCHIVE#N for a record
	URL         string // a record's target URI
	ContentType string // a record's HTTP Content-Type
	Data        []byte
}

// expandFn turns a file pattern into the files it names, in lexical order.
// A pattern that names nothing is a dead letter.
type expandFn struct{}

func (fn *expandFn) ProcessElement(ctx context.Context, pattern string, emit func(string), dead func(export.ErrorLine)) {
	files := expand(ctx, pattern, func(name string, err error) { deadLetter(ctx, dead, name, err) })
	for _, f := range files {
		emit(f)
	}
}

var errNoMatch = errors.New("open: no file matches")

// expand lists the files of a pattern; what cannot be listed goes to fail,
// and listing goes on. Remote patterns go to Beam's filesystem of their
// scheme (gs:// understands **; s3:// matches with path.Match, whose *
// stops at /). Local ones are globbed with ** crossing folders, and a
// folder is walked recursively, as the command does.
func expand(ctx context.Context, pattern string, fail func(name string, err error)) []string {
	files, err := list(ctx, pattern, fail)
	switch {
	case err != nil:
		fail(pattern, err)
	case len(files) == 0:
		fail(pattern, errNoMatch)
	}
	slices.Sort(files)
	return files
}

func list(ctx context.Context, pattern string, fail func(name string, err error)) ([]string, error) {
	if strings.Contains(pattern, "://") {
		fsys, err := filesystem.New(ctx, pattern)
		if err != nil {
			return nil, fmt.Errorf("open: %w", err)
		}
		defer fsys.Close()
		files, err := fsys.List(ctx, pattern)
		if err != nil {
			return nil, fmt.Errorf("list: %w", err)
		}
		return files, nil
	}
	matches, err := doublestar.FilepathGlob(pattern)
	if err != nil {
		return nil, fmt.Errorf("pattern: %w", err)
	}
	seen := map[string]bool{}
	var files []string
	for _, m := range matches {
		walk(m, func(path string) {
			if !seen[path] {
				seen[path] = true
				files = append(files, path)
			}
		}, fail)
	}
	return files, nil
}

// walk calls add for root, or for every file under the folder root. A
// folder that cannot be read goes to fail, and the walk goes on past it.
func walk(root string, add func(string), fail func(name string, err error)) {
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			fail(path, fmt.Errorf("walk: %w", unwrapPath(err)))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
		case !d.IsDir():
			add(path)
		}
		return nil
	})
}

// readFn reads a file into its pages. The filesystems it opens are kept
// for the life of the DoFn: a gs:// or s3:// client is costly to make.
type readFn struct {
	MaxBytes int64

	filesystems map[string]filesystem.Interface
}

func (fn *readFn) Setup() { fn.filesystems = map[string]filesystem.Interface{} }

func (fn *readFn) Teardown() error {
	var err error
	for _, fsys := range fn.filesystems {
		err = errors.Join(err, fsys.Close())
	}
	return err
}

// ProcessElement emits a saved page or text file as one page, or the HTML
// records of a WARC archive as records and its damage as dead letters.
func (fn *readFn) ProcessElement(ctx context.Context, path string, page, record func(Page), dead func(export.ErrorLine)) {
	if err := fn.read(ctx, path, page, record, dead); err != nil {
		deadLetter(ctx, dead, path, err)
	}
}

// read reads one file; the error it returns is the whole file's.
func (fn *readFn) read(ctx context.Context, path string, page, record func(Page), dead func(export.ErrorLine)) error {
	rc, err := fn.open(ctx, path)
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	if warc.Sniff(br) {
		readWARC(ctx, path, br, fn.MaxBytes, record, dead)
		return nil
	}
	data, err := readLimited(br, fn.MaxBytes)
	if err != nil {
		return err
	}
	page(Page{Name: path, Data: data})
	return nil
}

// open opens a regular file (a FIFO or a device would block or never end).
func (fn *readFn) open(ctx context.Context, path string) (io.ReadCloser, error) {
	if !strings.Contains(path, "://") {
		st, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("open: %w", unwrapPath(err))
		}
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
		}
	}
	scheme, _, _ := strings.Cut(path, "://")
	fsys := fn.filesystems[scheme]
	if fsys == nil {
		var err error
		if fsys, err = filesystem.New(ctx, path); err != nil {
			return nil, fmt.Errorf("open: %w", err)
		}
		fn.filesystems[scheme] = fsys
	}
	rc, err := fsys.OpenRead(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open: %w", unwrapPath(err))
	}
	return rc, nil
}

// readLimited reads all of r, failing when it holds more than max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", unwrapPath(err))
	}
	if int64(len(data)) > max {
		return nil, errTooLarge(max)
	}
	return data, nil
}

// errTooLarge is the command's error for a page over --max-bytes.
func errTooLarge(max int64) error { return fmt.Errorf("larger than --max-bytes %d", max) }

// unwrapPath drops an *fs.PathError's path and operation: the "file"
// field names the path, and the caller says what it was doing.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
