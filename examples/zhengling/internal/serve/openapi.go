package serve

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/zhengling/zhengling/extract/export"
)

// openapiTemplate is the OpenAPI document without the Document's schemas,
// which come from export.Schema, generated from the Go types: the API's
// document cannot drift from its output.
//
//go:embed openapi.tmpl.json
var openapiTemplate []byte

// OpenAPI returns the OpenAPI 3.1 document of the API (served at
// /openapi.json; docs/openapi.json is a copy).
var OpenAPI = sync.OnceValues(func() ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(openapiTemplate, &doc); err != nil {
		return nil, fmt.Errorf("serve: openapi template: %w", err)
	}
	raw, err := export.Schema()
	if err != nil {
		return nil, err
	}
	// The schema's definitions become components: its references move
	// from #/$defs/ to #/components/schemas/.
	raw = []byte(strings.ReplaceAll(string(raw), `"#/$defs/`, `"#/components/schemas/`))
	var schema struct {
		Defs map[string]any `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		return nil, fmt.Errorf("serve: document schema: %w", err)
	}
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	for name, def := range schema.Defs {
		if _, dup := schemas[name]; dup {
			return nil, fmt.Errorf("serve: openapi: schema %s defined twice", name)
		}
		schemas[name] = def
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("serve: openapi: %w", err)
	}
	return append(b, '\n'), nil
})

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, err := OpenAPI()
	if err != nil {
		s.fail(w, "", err) // cannot happen with the embedded template; the tests load it
		return
	}
	w.Header().Set("Content-Type", mediaJSON)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}
