package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// cancelAfter is a context that is done from its n-th Err call on (0: at
// once): it finds every point where the pipeline checks its context.
type cancelAfter struct {
	context.Context
	n     int64
	calls atomic.Int64
}

func (c *cancelAfter) Err() error {
	if c.calls.Add(1) > c.n {
		return context.Canceled
	}
	return nil
}

func readFixture(t *testing.T, parts ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{"..", "fixtures"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestContextIsCheckedThroughout runs a real page under a context that
// never ends, counting the checks, then under contexts that end at a
// spread of those checks: each must stop the extraction with an error
// wrapping context.Canceled, and the last check passed must give the
// whole Document.
func TestContextIsCheckedThroughout(t *testing.T) {
	page := readFixture(t, "pages", "gov", "shanxi-gov-cn.html")
	want, err := Bytes(page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	never := &cancelAfter{Context: context.Background(), n: 1 << 62}
	if _, err := BytesContext(never, page, Options{}); err != nil {
		t.Fatal(err)
	}
	checks := never.calls.Load()
	// Segmentation and quantities check before each paragraph.
	if min := int64(2 * len(want.Paragraphs)); checks < min {
		t.Fatalf("%d context checks for %d paragraphs, want at least %d", checks, len(want.Paragraphs), min)
	}
	for _, n := range []int64{0, 1, 2, checks / 4, checks / 2, checks/2 + 1, 3 * checks / 4, checks - 1} {
		ctx := &cancelAfter{Context: context.Background(), n: n}
		doc, err := BytesContext(ctx, page, Options{})
		if !errors.Is(err, context.Canceled) || doc != nil {
			t.Errorf("cancelled at check %d of %d: got (%v, %v), want (nil, context.Canceled)", n, checks, doc != nil, err)
		}
	}
	doc, err := BytesContext(&cancelAfter{Context: context.Background(), n: checks}, page, Options{})
	if err != nil || !bytes.Equal(marshal(t, doc), marshal(t, want)) {
		t.Errorf("with every check passed: err %v, or a Document unlike Bytes'", err)
	}
}

func marshal(t *testing.T, doc *Document) []byte {
	t.Helper()
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestContextVariants checks that each entry point honours a context
// that is already over, with the error its cause gives.
func TestContextVariants(t *testing.T) {
	page := readFixture(t, "seeds", "000_89870a89919acc8f.txt")
	expired, cancel := context.WithTimeout(context.Background(), -time.Second)
	defer cancel()
	calls := []struct {
		desc string
		run  func(context.Context) (*Document, error)
	}{
		{"HTMLContext", func(ctx context.Context) (*Document, error) {
			return HTMLContext(ctx, bytes.NewReader(page), Options{})
		}},
		{"TextContext", func(ctx context.Context) (*Document, error) { return TextContext(ctx, string(page), Options{}) }},
		{"BytesContext", func(ctx context.Context) (*Document, error) { return BytesContext(ctx, page, Options{}) }},
	}
	for _, c := range calls {
		t.Run(c.desc, func(t *testing.T) {
			if doc, err := c.run(expired); !errors.Is(err, context.DeadlineExceeded) || doc != nil {
				t.Errorf("expired context: got (%v, %v), want (nil, context.DeadlineExceeded)", doc != nil, err)
			}
			doc, err := c.run(context.Background())
			if err != nil || len(doc.Directives) == 0 {
				t.Errorf("live context: got (%d directives, %v), want the seed's directives", len(doc.Directives), err)
			}
		})
	}
}
