//go:build unix

package main

import (
	"bufio"
	"io"
	"net/http"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeSubcommand runs "zhengling serve" as a user does, on a free
// port of 127.0.0.1, and stops it with SIGTERM: it answers, then exits 0
// after a graceful shutdown.
func TestServeSubcommand(t *testing.T) {
	pr, pw := io.Pipe()
	exit := make(chan int, 1)
	go func() {
		exit <- run([]string{"serve", "--addr", "127.0.0.1:0", "--workers", "1"}, strings.NewReader(""), io.Discard, pw)
		pw.Close()
	}()
	logs := bufio.NewScanner(pr)
	addr := regexp.MustCompile(`addr=(http://127\.0\.0\.1:\d+)`)
	var base string
	for base == "" && logs.Scan() {
		if m := addr.FindStringSubmatch(logs.Text()); m != nil {
			base = m[1] // logged once the server listens and SIGTERM is caught
		}
	}
	if base == "" {
		t.Fatalf("no address logged: %v", logs.Err())
	}
	var rest strings.Builder
	done := make(chan struct{})
	go func() {
		for logs.Scan() {
			rest.WriteString(logs.Text() + "\n")
		}
		close(done)
	}()
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-exit:
		<-done
		if code != 0 || !strings.Contains(rest.String(), "msg=stopped") {
			t.Errorf("exit %d after SIGTERM; log:\n%s", code, rest.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("still serving 60 s after SIGTERM")
	}
}
