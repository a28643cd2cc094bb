package export

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/hanzi"
	"github.com/zhengling/zhengling/extract/quantity"
	"github.com/zhengling/zhengling/extract/timex"
)

// SchemaID is the $id of the Document schema, docs/document.schema.json.
const SchemaID = "https://github.com/zhengling/zhengling/docs/document.schema.json"

// LineSchemaID is the schema of one object of the command's output (a line
// of JSON Lines, or the one object for a single input): a Document, or the
// ErrorLine of an input that failed. It is a definition of the same file.
const LineSchemaID = SchemaID + "#/$defs/Line"

// Schema returns the JSON Schema (draft 2020-12) of extract.Document,
// generated from the Go types so that it cannot drift from the output:
// every field is required (SPEC.md: use null, "" or [] when nothing was
// found), no other field is allowed, a pointer field may be null and a
// Date is "YYYY-MM-DD" or null. Its definition Line (LineSchemaID) is one
// object of a stream: a Document or an ErrorLine. docs/document.schema.json
// is this output.
func Schema() ([]byte, error) {
	r := &jsonschema.Reflector{Mapper: mapType}
	s := r.Reflect(&extract.Document{})
	s.ID = SchemaID
	s.Title = "zhengling Document"
	s.Description = "Everything zhengling extracts from one page (SPEC.md, output contract v1). " +
		"For the lines of a stream (--format jsonl), where an input that failed gives {\"file\", \"error\"}, use #/$defs/Line."
	if err := allowNull(s, reflect.TypeFor[extract.Document]()); err != nil {
		return nil, err
	}
	if err := addEnums(s); err != nil {
		return nil, err
	}
	addLine(r, s)
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("export: schema: %w", err)
	}
	return append(b, '\n'), nil
}

// addLine adds the definitions of ErrorLine and of Line, the oneOf of a
// Document and an ErrorLine (they cannot both match: each allows none of
// the other's required fields).
func addLine(r *jsonschema.Reflector, root *jsonschema.Schema) {
	errLine := r.Reflect(&ErrorLine{}).Definitions["ErrorLine"]
	errLine.Description = "The line of an input that failed: its file and the error."
	errLine.Properties.Value("error").MinLength = &one
	root.Definitions["ErrorLine"] = errLine
	root.Definitions["Line"] = &jsonschema.Schema{
		Description: "One object of the command's output: a Document, or an ErrorLine for an input that failed.",
		OneOf: []*jsonschema.Schema{
			{Ref: "#/$defs/Document"},
			{Ref: "#/$defs/ErrorLine"},
		},
	}
}

var one = uint64(1)

var dateType = reflect.TypeFor[timex.Date]()

// mapType gives the types with their own JSON encoding their schema.
func mapType(t reflect.Type) *jsonschema.Schema {
	if t == dateType {
		return &jsonschema.Schema{
			AnyOf: []*jsonschema.Schema{
				{Type: "string", Format: "date", Pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`},
				{Type: "null"},
			},
			Description: "a calendar day, YYYY-MM-DD; null when unknown",
		}
	}
	return nil
}

// allowNull lets every pointer field of t, and of the structs it reaches,
// be null, since encoding/json writes a nil pointer as null; a field with
// omitempty is left out instead and keeps its schema.
func allowNull(root *jsonschema.Schema, t reflect.Type) error {
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type) error
	visit = func(t reflect.Type) error {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == dateType || seen[t] {
			return nil
		}
		seen[t] = true
		def, ok := root.Definitions[t.Name()]
		if !ok {
			return fmt.Errorf("export: schema: no definition for %s", t)
		}
		for i := range t.NumField() {
			f := t.Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || !f.IsExported() {
				continue
			}
			if f.Type.Kind() == reflect.Pointer && !strings.Contains(opts, "omitempty") {
				prop, ok := def.Properties.Get(name)
				if !ok {
					return fmt.Errorf("export: schema: %s has no property %q", t, name)
				}
				def.Properties.Set(name, &jsonschema.Schema{AnyOf: []*jsonschema.Schema{prop, {Type: "null"}}})
			}
			if err := visit(f.Type); err != nil {
				return err
			}
		}
		return nil
	}
	return visit(t)
}

// enums are the closed vocabularies SPEC.md fixes, taken from the
// packages' own constants: definition → property → values.
var enums = map[string]map[string][]any{
	"Document": {"script": {hanzi.Simplified, hanzi.Traditional}},
	"Directive": {"style": {
		directive.StyleChapter, directive.StyleParen, directive.StyleYao, directive.StyleShi,
		directive.StyleDi, directive.StyleArabic, directive.StyleParenArabic,
		directive.StyleCircled, directive.StyleSequence, directive.StyleBare,
	}},
	"Deadline": {
		"kind": {timex.KindBy, timex.KindOn, timex.KindDuring},
		"precision": {
			timex.PrecisionDay, timex.PrecisionXun, timex.PrecisionMonth, timex.PrecisionQuarter,
			timex.PrecisionHalf, timex.PrecisionYear, timex.PrecisionEvent,
		},
	},
	"Target": {
		"comparator": {
			quantity.CmpGE, quantity.CmpGT, quantity.CmpLE, quantity.CmpLT,
			quantity.CmpEQ, quantity.CmpBetween, quantity.CmpApprox,
		},
		"change": {quantity.ChangeNone, quantity.ChangeIncrease, quantity.ChangeDecrease},
	},
}

// addEnums restricts the properties of enums to their values.
func addEnums(root *jsonschema.Schema) error {
	for defName, props := range enums {
		def, ok := root.Definitions[defName]
		if !ok {
			return fmt.Errorf("export: schema: no definition %s", defName)
		}
		for name, values := range props {
			prop, ok := def.Properties.Get(name)
			if !ok {
				return fmt.Errorf("export: schema: %s has no property %q", defName, name)
			}
			prop.Enum = values
		}
	}
	return nil
}
