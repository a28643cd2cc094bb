package serve

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestOpenAPIDocument: the document loads and validates as OpenAPI 3.1
// (kin-openapi), names every route the server has and no other, and
// docs/openapi.json is its copy (go test -update rewrites it).
func TestOpenAPIDocument(t *testing.T) {
	b, err := OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := apiDoc(); err != nil {
		t.Fatalf("kin-openapi: %v", err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatal(err)
	}
	if !doc.IsOpenAPI31OrLater() || doc.IsOpenAPI32OrLater() {
		t.Errorf("openapi %q, want 3.1", doc.OpenAPI)
	}
	var got []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			got = append(got, method+" "+path)
		}
	}
	slices.Sort(got)
	want := []string{"GET /", "GET /healthz", "GET /metrics", "GET /openapi.json", "POST /v1/batch", "POST /v1/extract"}
	if !slices.Equal(got, want) {
		t.Errorf("operations %v, want the server's %v", got, want)
	}
	ts := start(t, Config{})
	if r := ts.get(t, "/openapi.json"); r.StatusCode != 200 || !bytes.Equal(r.body, b) {
		t.Errorf("GET /openapi.json: %d, %d bytes, want the document's %d", r.StatusCode, len(r.body), len(b))
	}
	copyPath := filepath.Join(root, "docs", "openapi.json")
	if *update {
		if err := os.WriteFile(copyPath, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if saved, err := os.ReadFile(copyPath); err != nil || !bytes.Equal(saved, b) {
		t.Errorf("docs/openapi.json is not the served document (go test -update): %v", err)
	}
}

// TestOpenAPIRejects: the validation of the other tests can fail — answers
// that break the document are caught.
func TestOpenAPIRejects(t *testing.T) {
	extractReq := httptest.NewRequest(http.MethodPost, "/v1/extract", nil)
	batchReq := httptest.NewRequest(http.MethodPost, "/v1/batch", nil)
	json := http.Header{"Content-Type": {"application/json"}}
	cases := []struct {
		desc   string
		req    *http.Request
		status int
		header http.Header
		body   string
	}{
		{"a Document missing its fields", extractReq, 200, json, `{"file": "a.html"}`},
		{"an error line without error", extractReq, 422, json, `{"file": "a.html", "error": ""}`},
		{"a status the document does not list", extractReq, 418, json, `{"file": "", "error": "teapot"}`},
		{"429 without Retry-After", extractReq, 429, json, `{"file": "", "error": "overloaded"}`},
		{"a batch line that is neither", batchReq, 200, http.Header{"Content-Type": {"application/jsonl"}}, "{\"file\": \"a\", \"error\": \"x\"}\n{\"oops\": 1}\n"},
		{"a format not offered", extractReq, 200, http.Header{"Content-Type": {"application/xml"}}, "<a/>"},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			if errs := checkExchange(c.req, c.status, c.header, []byte(c.body)); len(errs) == 0 {
				t.Error("accepted")
			} else if testing.Verbose() {
				t.Log(strings.Split(errs[0].Error(), "\n")[0])
			}
		})
	}
}
