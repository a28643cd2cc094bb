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

	"github.com/zhengling/zhengling/extract/warc"
)

// input is one page to process: its name for the "file" field and its bytes,
// or the error that kept them from being read.
type input struct {
	name        string
	url         string // from a WARC record's target URI
	contentType string // from a WARC record's HTTP header
	data        []byte
	err         error
}

// enumerate sends every input named by paths to out, in order, and closes it.
// Directories are walked recursively in lexical order; WARC files yield one
// input per HTML response record.
func enumerate(ctx context.Context, paths []string, maxBytes int64, stdin *bufio.Reader, out chan<- *input) {
	defer close(out)
	send := func(in *input) bool {
		select {
		case out <- in:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, p := range paths {
		if !enumeratePath(p, maxBytes, stdin, send) {
			return
		}
	}
}

func enumeratePath(p string, maxBytes int64, stdin *bufio.Reader, send func(*input) bool) bool {
	if p == "-" {
		return enumerateStream("-", stdin, maxBytes, send)
	}
	st, err := os.Stat(p)
	if err != nil {
		return send(&input{name: p, err: fmt.Errorf("open: %w", unwrapPath(err))})
	}
	if !st.IsDir() {
		return enumerateFile(p, maxBytes, send)
	}
	ok := true
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			ok = send(&input{name: path, err: fmt.Errorf("walk: %w", unwrapPath(err))})
		} else if !d.IsDir() {
			ok = enumerateFile(path, maxBytes, send)
		}
		if !ok {
			return filepath.SkipAll
		}
		if err != nil && d != nil && d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	})
	if walkErr != nil && ok {
		ok = send(&input{name: p, err: fmt.Errorf("walk: %w", walkErr)})
	}
	return ok
}

// enumerateFile sends one file, or the records of a WARC file. Only
// regular files are read: a FIFO, a device or a socket gets its error line
// at once (opening a FIFO would wait for a writer forever).
func enumerateFile(path string, maxBytes int64, send func(*input) bool) bool {
	f, size, err := openRegular(path)
	if err != nil {
		return send(&input{name: path, err: err})
	}
	defer f.Close()
	r := bufio.NewReader(f)
	if size > maxBytes && !warc.Sniff(r) {
		return send(&input{name: path, err: errTooLarge(maxBytes)}) // refused unread
	}
	return enumerateStream(path, r, maxBytes, send)
}

// openRegular opens a regular file and returns its size. The file is
// checked before it is opened, and again once open, through the open file,
// in case another took its place in between; it is opened non-blocking
// so that even then a FIFO cannot hang the batch.
func openRegular(path string) (*os.File, int64, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, 0, fmt.Errorf("open: %w", unwrapPath(err))
	}
	if err := regular(st); err != nil {
		return nil, 0, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("open: %w", unwrapPath(err))
	}
	if st, err = f.Stat(); err == nil {
		err = regular(st)
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

// regular refuses what is not a regular file, naming what it is.
func regular(st fs.FileInfo) error {
	m := st.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m&fs.ModeNamedPipe != 0:
		return errors.New("not a regular file: a named pipe (FIFO)")
	case m&fs.ModeSocket != 0:
		return errors.New("not a regular file: a socket")
	case m&fs.ModeDevice != 0:
		return errors.New("not a regular file: a device")
	case m.IsDir():
		return errors.New("not a regular file: a directory")
	}
	return fmt.Errorf("not a regular file (%s)", m.Type())
}

// enumerateStream sends one page read from r, or, when r holds a WARC
// archive (told by content), each HTML page and damaged stretch of it.
func enumerateStream(name string, r *bufio.Reader, maxBytes int64, send func(*input) bool) bool {
	if !warc.Sniff(r) {
		data, err := readLimited(r, maxBytes)
		return send(&input{name: name, data: data, err: err})
	}
	for rec, err := range warc.Records(r, name, warc.Options{MaxBytes: maxBytes}) {
		if errors.Is(err, warc.ErrTooLarge) {
			err = errTooLarge(maxBytes)
		}
		in := &input{name: rec.Name, url: rec.URL, contentType: rec.ContentType, data: rec.Body, err: err}
		if !send(in) {
			return false
		}
	}
	return true
}

// readLimited reads all of r, failing when it holds more than max bytes:
// it never reads more than max+1.
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

func errTooLarge(max int64) error { return fmt.Errorf("larger than --max-bytes %d", max) }

// isWARC reports whether the regular file at path holds a WARC archive.
func isWARC(path string) bool {
	f, _, err := openRegular(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return warc.Sniff(bufio.NewReader(f))
}

// unwrapPath drops the *PathError's path and operation: the "file" field
// names the path, and the caller says what it was doing.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
