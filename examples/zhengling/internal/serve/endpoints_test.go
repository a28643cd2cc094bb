package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// TestHome: GET / is a form posting to /v1/extract; a saved page uploaded,
// or text pasted, as a browser sends them, comes back as the HTML report;
// a wrong date comes back as the report's section for a failed input.
func TestHome(t *testing.T) {
	ts := start(t, Config{})
	r := ts.get(t, "/")
	for _, want := range []string{`action="/v1/extract"`, `enctype="multipart/form-data"`, `name="page"`, `name="text"`, `name="date"`} {
		if !bytes.Contains(r.body, []byte(want)) {
			t.Errorf("the form has no %s", want)
		}
	}
	if r.StatusCode != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Errorf("GET /: %d %q", r.StatusCode, r.Header.Get("Content-Type"))
	}
	browser := "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	page := fixture(t, "pages", govPage)
	seed := fixture(t, "seeds", seedText)
	cases := []struct {
		desc   string
		fields map[string]string
		file   []byte
		status int
		want   string
	}{
		{"a saved page", map[string]string{"date": ""}, page, 200, "<title>"},
		{"pasted text", map[string]string{"text": string(seed), "date": seedDate}, nil, 200, "莱山区政府第八次常务会议"},
		{"nothing", map[string]string{"text": ""}, nil, 422, "extract: empty input"},
		{"a wrong date", map[string]string{"text": string(seed), "date": "tomorrow"}, nil, 400, `date &#34;tomorrow&#34; is not YYYY-MM-DD`},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			if c.file != nil {
				fw, _ := mw.CreateFormFile("page", "kaili.html")
				fw.Write(c.file)
			}
			for k, v := range c.fields {
				mw.WriteField(k, v)
			}
			mw.Close()
			r := ts.post(t, "/v1/extract", body.Bytes(), "Content-Type: "+mw.FormDataContentType(), "Accept: "+browser)
			if r.StatusCode != c.status || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") || !bytes.Contains(r.body, []byte(c.want)) {
				t.Errorf("got %d %q, want %d with %q: %.300s", r.StatusCode, r.Header.Get("Content-Type"), c.status, c.want, r.body)
			}
		})
	}
}

// TestHealthAndMetrics: /healthz answers, and /metrics, in the Prometheus
// text format, counts pages, errors, bytes and latencies.
func TestHealthAndMetrics(t *testing.T) {
	ts := start(t, Config{Workers: 2})
	r := ts.get(t, "/healthz")
	var h map[string]any
	if err := json.Unmarshal(r.body, &h); err != nil || h["status"] != "ok" || h["workers"] != 2.0 {
		t.Errorf("healthz: %d %s", r.StatusCode, r.body)
	}
	page := fixture(t, "seeds", seedText)
	ts.post(t, "/v1/extract", page)
	ts.post(t, "/v1/extract", nil)
	ts.post(t, "/v1/batch", []byte("{\"body\": \"会议强调，一要抓好安全生产。\"}\n"))
	r = ts.get(t, "/metrics")
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(bytes.NewReader(r.body))
	if err != nil {
		t.Fatalf("/metrics is not the Prometheus text format: %v", err)
	}
	value := func(name string, labels ...string) float64 {
		f, ok := families[name]
		if !ok {
			t.Errorf("no %s", name)
			return -1
		}
	metrics:
		for _, m := range f.Metric {
			for i := 0; i < len(labels); i += 2 {
				found := false
				for _, l := range m.Label {
					found = found || (l.GetName() == labels[i] && l.GetValue() == labels[i+1])
				}
				if !found {
					continue metrics
				}
			}
			switch {
			case m.Counter != nil:
				return m.Counter.GetValue()
			case m.Gauge != nil:
				return m.Gauge.GetValue()
			case m.Histogram != nil:
				return float64(m.Histogram.GetSampleCount())
			}
		}
		t.Errorf("no %s%v", name, labels)
		return -1
	}
	checks := []struct {
		name   string
		labels []string
		want   float64
	}{
		{"zhengling_pages_total", []string{"endpoint", "extract"}, 1},
		{"zhengling_pages_total", []string{"endpoint", "batch"}, 1},
		{"zhengling_errors_total", []string{"kind", "bad_input"}, 1},
		{"zhengling_received_bytes_total", nil, float64(len(page) + len("会议强调，一要抓好安全生产。"))},
		{"zhengling_extract_duration_seconds", nil, 3},
		{"zhengling_request_duration_seconds", []string{"handler", "extract", "code", "200"}, 1},
		{"zhengling_request_duration_seconds", []string{"handler", "extract", "code", "422"}, 1},
		{"zhengling_request_duration_seconds", []string{"handler", "batch", "code", "200"}, 1},
		{"zhengling_requests_in_flight", nil, 0},
		{"zhengling_extractions_running", nil, 0},
	}
	for _, c := range checks {
		if got := value(c.name, c.labels...); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	for _, name := range []string{"process_resident_memory_bytes", "go_goroutines"} {
		if _, ok := families[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
}

// TestCommandFlags: the flags of "zhengling serve" and their mistakes.
func TestCommandFlags(t *testing.T) {
	var out bytes.Buffer
	if code := Command([]string{"--help"}, &out); code != 0 || !strings.Contains(out.String(), "POST /v1/batch") {
		t.Errorf("--help: exit %d: %s", code, out.String())
	}
	for _, f := range []string{"-addr", "-workers", "-queue", "-max-bytes", "-timeout", "-read-timeout", "-write-timeout", "-idle-timeout", "-shutdown-grace"} {
		if !strings.Contains(out.String(), f) {
			t.Errorf("--help does not document %s", f)
		}
	}
	for _, args := range [][]string{{"--workers", "0"}, {"--max-bytes", "0"}, {"--queue", "-2"}, {"--timeout", "-1s"}, {"extra"}, {"--no-such-flag"}} {
		out.Reset()
		if code := Command(args, &out); code != 2 {
			t.Errorf("%v: exit %d, want 2: %s", args, code, out.String())
		}
	}
	out.Reset()
	if code := Command([]string{"--addr", "256.0.0.1:99999"}, &out); code != 1 || !strings.Contains(out.String(), "zhengling serve:") {
		t.Errorf("an address that cannot be listened on: exit %d: %s", code, out.String())
	}
}

// TestServeLogs: the address, and the stop, are logged.
func TestServeLogs(t *testing.T) {
	var log strings.Builder
	var mu sync.Mutex
	ts := start(t, Config{Logger: newLogger(&log, &mu)})
	if err := ts.stop(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	sc := bufio.NewScanner(strings.NewReader(log.String()))
	var msgs []string
	for sc.Scan() {
		_, msg, _ := strings.Cut(sc.Text(), "msg=")
		msgs = append(msgs, msg)
	}
	if len(msgs) != 3 || !strings.Contains(msgs[0], "addr="+ts.url) || !strings.HasPrefix(msgs[2], "stopped") {
		t.Errorf("log: %q", msgs)
	}
}
