package browser_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
)

var fixtures = filepath.Join("..", "..", "fixtures")

// chromiumPath is the browser to drive: $CHROMIUM, else chromium on $PATH.
// Without one the test skips, or fails when $CI is set (CI installs it).
func chromiumPath(t *testing.T) string {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
		if p, err := exec.LookPath("chromium"); err == nil {
			path = p
		}
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no Chromium at %s, and CI is set: .ci/run must install it (apt-get install -y chromium)", path)
		}
		t.Skipf("no Chromium at %s: install it (apt-get install chromium) or set $CHROMIUM to run the browser test", path)
	}
	return path
}

// browser starts one headless Chromium with a fresh profile and no
// background traffic, for the whole test, and records what its page tells.
func browser(t *testing.T) (context.Context, *page) {
	t.Helper()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTime(); cancel(); cancelAlloc() })
	p := &page{}
	if err := chromedp.Listen(ctx, p.listen); err != nil {
		t.Fatalf("start %s: %v", chromiumPath(t), err)
	}
	return ctx, p
}

// page records what a loaded page told the browser: console errors,
// exceptions, and every request for something other than the page itself.
type page struct {
	mu       sync.Mutex
	url      string
	errors   []string
	requests []string
}

// reset starts the record of the page at file.
func (p *page) reset(file string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.url, p.errors, p.requests = (&url.URL{Scheme: "file", Path: file}).String(), nil, nil
}

func (p *page) listen(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			p.errors = append(p.errors, fmt.Sprintf("console.%s %v", ev.Type, ev.Args))
		}
	case *runtime.EventExceptionThrown:
		p.errors = append(p.errors, "exception: "+ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p.errors = append(p.errors, fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		if ev.Request.URL != p.url {
			p.requests = append(p.requests, ev.Request.URL)
		}
	}
}

// open loads file in the browser and checks that it rendered without a
// console error and without fetching anything.
func open(t *testing.T, ctx context.Context, p *page, file string) {
	t.Helper()
	p.reset(file)
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url), chromedp.WaitReady("footer")); err != nil {
		t.Fatalf("open %s: %v", file, err)
	}
	// The checks below run after the load: give late messages a moment.
	if err := chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	// Copy the record and let go of the lock before talking to the browser:
	// its event loop calls listen, which takes the lock.
	p.mu.Lock()
	errs, reqs := slices.Clone(p.errors), slices.Clone(p.requests)
	p.mu.Unlock()
	for _, e := range errs {
		t.Errorf("%s: console: %s", filepath.Base(file), e)
	}
	for _, r := range reqs {
		t.Errorf("%s: the page requested %s", filepath.Base(file), r)
	}
	// Rendered: the stylesheet applies (a deadline is highlighted) and the
	// page has a real height.
	h, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.scrollHeight`))
	if err != nil || h < 500 {
		t.Errorf("%s: page height %v (%v)", filepath.Base(file), h, err)
	}
	bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('mark.dl, .legend mark.dl')).backgroundColor`))
	if err != nil || bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("%s: highlights have no colour (%q, %v): the CSS did not apply", filepath.Base(file), bg, err)
	}
}

// screenshot writes a PNG of the whole page under the test's temp dir (and
// under $ZHENGLING_SCREENSHOTS when set, to look at it).
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG")) || len(png) < 10_000 {
		t.Fatalf("screenshot of %d bytes is no picture of a page", len(png))
	}
	dirs := []string{t.TempDir()}
	if d := os.Getenv("ZHENGLING_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s (%d bytes)", p, len(png))
	}
}

// writeReport extracts the files and writes their report and JSON Lines
// into dir; it returns the report's path and the JSON of each document.
func writeReport(t *testing.T, dir, name string, ref extract.Date, files ...string) (string, [][]byte) {
	t.Helper()
	var html, jsonl bytes.Buffer
	w := export.NewHTML(&html, export.HTMLOptions{})
	var docs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Bytes(data, extract.Options{ReferenceDate: ref})
		if err != nil {
			t.Fatal(err)
		}
		doc.File = filepath.Base(f)
		if err := w.Write(doc); err != nil {
			t.Fatal(err)
		}
		start := jsonl.Len()
		if err := export.JSONLine(&jsonl, doc); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, bytes.Clone(jsonl.Bytes()[start:]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path, err := filepath.Abs(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, html.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, docs
}

// jsonDoc is what the checks read of a document's JSON.
type jsonDoc struct {
	Directives                               []jsonItem
	Deadlines, Targets, Figures, Percentages []struct{ Text string }
}

type jsonItem struct {
	ID, Marker, Heading string
	Children            []jsonItem
}

func walk(items []jsonItem, fn func(jsonItem)) {
	for _, it := range items {
		fn(it)
		walk(it.Children, fn)
	}
}

// shown is what the browser shows of one document of a report.
type shown struct {
	Outline []struct{ ID, Marker, Heading string }
	Marks   []struct{ ID, Class, Text, Title string }
}

const readDoc = `(() => {
  const doc = document.getElementById(%q);
  return {
    Outline: [...doc.querySelectorAll('li[data-id]')].map(li => ({
      ID: li.dataset.id,
      Marker: li.querySelector(':scope > a .marker').textContent,
      Heading: li.querySelector(':scope > a .heading').textContent })),
    Marks: [...doc.querySelectorAll('.text mark')].map(m => ({
      ID: m.id, Class: m.className, Text: m.textContent, Title: m.title })),
  };
})()`

// TestSeedReportInBrowser opens the report of seed 002 (a township's
// 113-item work report): every directive is in the outline with its marker
// and heading, and every highlight reads the JSON text of what it marks.
func TestSeedReportInBrowser(t *testing.T) {
	ctx, p := browser(t)
	dir := t.TempDir()
	path, docs := writeReport(t, dir, "seed-002.html", extract.Date{Year: 2020, Month: 8, Day: 31},
		filepath.Join(fixtures, "seeds", "002_1821f895a3fc65c9.txt"))
	open(t, ctx, p, path)
	var want jsonDoc
	if err := json.Unmarshal(docs[0], &want); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[shown](fmt.Sprintf(readDoc, "d1")))
	if err != nil {
		t.Fatal(err)
	}

	outline := map[string][2]string{}
	for _, it := range got.Outline {
		outline[it.ID] = [2]string{it.Marker, it.Heading}
	}
	n := 0
	walk(want.Directives, func(it jsonItem) {
		n++
		if o, ok := outline[it.ID]; !ok {
			t.Errorf("directive %s %s is not in the outline", it.ID, it.Marker)
		} else if o != [2]string{it.Marker, it.Heading} {
			t.Errorf("directive %s shows %q, JSON %q %q", it.ID, o, it.Marker, it.Heading)
		}
	})
	if n < 100 || len(got.Outline) != n {
		t.Errorf("outline has %d items, JSON %d directives", len(got.Outline), n)
	}

	texts := map[string][]struct{ Text string }{"dl": want.Deadlines, "tg": want.Targets, "fg": want.Figures, "pc": want.Percentages}
	count := map[string]int{}
	for _, m := range got.Marks {
		if m.Class == "ow" {
			if m.Title != "责任："+m.Text { // seed 002 is simplified: the owner is as written
				t.Errorf("owner highlight %q titled %q", m.Text, m.Title)
			}
			count["ow"]++
			continue
		}
		kind := m.Class
		i, err := strconv.Atoi(strings.TrimPrefix(m.ID, "d1"+kind))
		if err != nil || i >= len(texts[kind]) {
			t.Errorf("highlight %s (%s) stands for nothing in the JSON", m.ID, m.Class)
			continue
		}
		if m.Text != texts[kind][i].Text {
			t.Errorf("highlight %s reads %q, JSON text %q", m.ID, m.Text, texts[kind][i].Text)
		}
		count[kind]++
	}
	t.Logf("highlights: %v; JSON: %d deadlines, %d targets, %d figures, %d percentages",
		count, len(want.Deadlines), len(want.Targets), len(want.Figures), len(want.Percentages))
	if count["dl"] != len(want.Deadlines) || count["tg"] != len(want.Targets) || count["ow"] == 0 {
		t.Errorf("not every deadline, target or owner is highlighted")
	}
	screenshot(t, ctx, "seed-002.png")
}

// TestGovReportInBrowser opens the report of the five government pages of
// fixtures/pages/gov as one batch: it renders without console errors, its
// contents list leads to each document, and it is under 3 × the JSON.
func TestGovReportInBrowser(t *testing.T) {
	ctx, p := browser(t)
	files, _ := filepath.Glob(filepath.Join(fixtures, "pages", "gov", "*.html"))
	if len(files) != 5 {
		t.Fatalf("%d government pages", len(files))
	}
	path, docs := writeReport(t, t.TempDir(), "gov.html", extract.Date{}, files...)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	t.Logf("report %d bytes, JSON Lines %d bytes (%.2f×)", st.Size(), size, float64(st.Size())/float64(size))
	if st.Size() >= 3*int64(size) {
		t.Errorf("the report is %d bytes, 3 × the JSON is %d", st.Size(), 3*size)
	}
	open(t, ctx, p, path)
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('#toc a')].map(a => document.getElementById(a.hash.slice(1)) ? a.hash : 'broken ' + a.hash)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != len(files) {
		t.Errorf("contents list has %d entries, want %d", len(links), len(files))
	}
	for _, l := range links {
		if strings.HasPrefix(l, "broken") {
			t.Errorf("contents link %s leads nowhere", l)
		}
	}
	// The contents list comes first on the screen, though last in the file.
	above, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`document.getElementById('toc').getBoundingClientRect().top < document.getElementById('d1').getBoundingClientRect().top`))
	if err != nil || !above {
		t.Errorf("the contents list is not shown before the documents (%v)", err)
	}
	screenshot(t, ctx, "gov.png")
}

// TestBrowserSeesErrors makes sure the checks of open can fail: a page that
// logs an error and fetches an image (from a closed port of this machine)
// is caught on both counts.
func TestBrowserSeesErrors(t *testing.T) {
	ctx, p := browser(t)
	path, err := filepath.Abs(filepath.Join(t.TempDir(), "bad.html"))
	if err != nil {
		t.Fatal(err)
	}
	bad := `<!DOCTYPE html><title>x</title><script>console.error("broken")</script><img src="http://127.0.0.1:9/x.png"><footer></footer>`
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	p.reset(path)
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url), chromedp.WaitReady("footer"), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.errors) == 0 || len(p.requests) == 0 {
		t.Errorf("errors %q, requests %q: the page's faults went unseen", p.errors, p.requests)
	}
}
