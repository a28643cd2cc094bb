//go:build unix

package main

import (
	"net"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNotRegularFiles: a FIFO between two pages (the hang), a
// socket and a device each get an error line at once; the pages around
// them are read.
func TestNotRegularFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.html": seedText(t, 0), "z.html": seedText(t, 1)})
	if err := syscall.Mkfifo(filepath.Join(dir, "m.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "s.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	out, _, code := runCmd(t, "", dir, "/dev/null")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	files, errs, _ := lineFields(t, out)
	if got := strings.Join(files, " "); got != "a.html m.html s.html z.html null" {
		t.Fatalf("lines for %s, want a.html m.html s.html z.html null", got)
	}
	want := []string{"", "not a regular file: a named pipe (FIFO)", "not a regular file: a socket", "", "not a regular file: a device"}
	if strings.Join(errs, "|") != strings.Join(want, "|") {
		t.Errorf("errors %q, want %q", errs, want)
	}
}
