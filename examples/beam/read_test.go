package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/zhengling/zhengling/extract/export"
)

// tree makes files (and empty folders, named with a trailing /) under a
// temporary folder and returns it.
func tree(t *testing.T, names ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, name := range names {
		path := filepath.Join(root, name)
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("关于做好防汛工作的通知\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestExpand(t *testing.T) {
	root := tree(t, "crawl/a.html", "crawl/b/c.html", "crawl/b/d/e.txt", "top.html", "empty/")
	tests := []struct {
		desc, pattern string
		want          []string
		err           string
	}{
		{"a folder is walked recursively, as by the command", "crawl",
			[]string{"crawl/a.html", "crawl/b/c.html", "crawl/b/d/e.txt"}, ""},
		{"** crosses folders", "crawl/**",
			[]string{"crawl/a.html", "crawl/b/c.html", "crawl/b/d/e.txt"}, ""},
		{"** then a name pattern keeps the files it names", "crawl/**/*.html",
			[]string{"crawl/a.html", "crawl/b/c.html"}, ""},
		{"* stays in its folder", "*.html", []string{"top.html"}, ""},
		{"a folder matched by * is walked", "crawl/*",
			[]string{"crawl/a.html", "crawl/b/c.html", "crawl/b/d/e.txt"}, ""},
		{"a file", "top.html", []string{"top.html"}, ""},
		// negative rows: nothing to read is a dead letter, not a failed job
		{"a missing file", "missing.html", nil, "open: no file matches"},
		{"a pattern that names nothing", "crawl/**/*.pdf", nil, "open: no file matches"},
		{"an empty folder", "empty", nil, "open: no file matches"},
		{"a malformed pattern", "crawl/[a", nil, "pattern: syntax error in pattern"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			var got []string
			var dead []export.ErrorLine
			pattern := filepath.Join(root, tc.pattern)
			(&expandFn{}).ProcessElement(context.Background(), pattern,
				func(f string) { got = append(got, strings.TrimPrefix(f, root+"/")) },
				func(e export.ErrorLine) { dead = append(dead, e) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			switch {
			case tc.err == "" && len(dead) > 0:
				t.Errorf("dead letters %v, want none", dead)
			case tc.err != "" && (len(dead) != 1 || dead[0] != export.ErrorLine{File: pattern, Error: tc.err}):
				t.Errorf("dead letters %v, want one for %s: %q", dead, pattern, tc.err)
			}
		})
	}
}

// TestReadFile reads files as the command does: whole, within --max-bytes,
// and only regular ones (a FIFO would block the worker for ever).
func TestReadFile(t *testing.T) {
	root := tree(t, "page.html")
	fifo := filepath.Join(root, "pipe.html")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	tests := []struct {
		desc, name string
		maxBytes   int64
		pages      int
		err        string
	}{
		{"a page", "page.html", 1 << 20, 1, ""},
		{"a page at the limit", "page.html", 34, 1, ""},
		{"a page over the limit", "page.html", 33, 0, "larger than --max-bytes 33"},
		{"a FIFO", "pipe.html", 1 << 20, 0, "not a regular file (p---------)"},
		{"a file gone since the match", "gone.html", 1 << 20, 0, "open: no such file or directory"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			fn := &readFn{MaxBytes: tc.maxBytes}
			fn.Setup()
			var pages []Page
			var dead []export.ErrorLine
			path := filepath.Join(root, tc.name)
			fn.ProcessElement(context.Background(), path,
				func(p Page) { pages = append(pages, p) },
				func(p Page) { t.Errorf("record %s from a file that is no archive", p.Name) },
				func(e export.ErrorLine) { dead = append(dead, e) })
			if err := fn.Teardown(); err != nil {
				t.Fatal(err)
			}
			if len(pages) != tc.pages {
				t.Errorf("%d pages, want %d", len(pages), tc.pages)
			}
			for _, p := range pages {
				if p.Name != path || string(p.Data) != "关于做好防汛工作的通知\n" {
					t.Errorf("page %q %q, want %q and the file's bytes", p.Name, p.Data, path)
				}
			}
			if tc.err == "" && len(dead) > 0 || tc.err != "" && (len(dead) != 1 || dead[0] != export.ErrorLine{File: path, Error: tc.err}) {
				t.Errorf("dead letters %v, want %q", dead, tc.err)
			}
		})
	}
}

func TestUnwrapPath(t *testing.T) {
	_, err := os.Open("/nonexistent/page.html")
	if got := unwrapPath(err).Error(); got != "no such file or directory" {
		t.Errorf("got %q", got)
	}
	plain := errors.New("read: short")
	if got := unwrapPath(plain); got != plain {
		t.Errorf("got %v, want the error unchanged", got)
	}
}

// TestWalk: a folder that cannot be read is reported, and the walk goes on
// past it (the command does the same).
func TestWalk(t *testing.T) {
	root := tree(t, "a/1.html", "b/2.html", "c/3.html")
	var failed []string
	fail := func(name string, err error) {
		failed = append(failed, strings.TrimPrefix(name, root+"/")+": "+err.Error())
	}

	walk(filepath.Join(root, "missing"), func(string) { t.Error("a file under a missing folder") }, fail)
	if want := []string{"missing: walk: no such file or directory"}; !slices.Equal(failed, want) {
		t.Errorf("failures %q, want %q", failed, want)
	}

	if os.Geteuid() == 0 {
		t.Skip("root reads a folder whatever its mode")
	}
	if err := os.Chmod(filepath.Join(root, "b"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(root, "b"), 0o755)
	failed = nil
	var files []string
	walk(root, func(f string) { files = append(files, strings.TrimPrefix(f, root+"/")) }, fail)
	if want := []string{"a/1.html", "c/3.html"}; !slices.Equal(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	if want := []string{"b: walk: permission denied"}; !slices.Equal(failed, want) {
		t.Errorf("failures %q, want %q", failed, want)
	}
}
