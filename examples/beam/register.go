package main

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
)

// Every DoFn and element type is registered, so that a worker started from
// the staged binary finds them by name and calls them without reflection.
func init() {
	register.DoFn4x0[context.Context, string, func(string), func(export.ErrorLine)](&expandFn{})
	register.DoFn5x0[context.Context, string, func(Page), func(Page), func(export.ErrorLine)](&readFn{})
	register.DoFn4x0[context.Context, Page, func(*extract.Document), func(export.ErrorLine)](&extractFn{})
	register.DoFn1x2[*extract.Document, int, *extract.Document](&shardDocFn{})
	register.DoFn1x2[export.ErrorLine, int, export.ErrorLine](&shardErrorFn{})
	register.DoFn3x1[context.Context, int, func(**extract.Document) bool, error](&writeDocsFn{})
	register.DoFn3x1[context.Context, int, func(*export.ErrorLine) bool, error](&writeErrorsFn{})
	register.Emitter1[string]()
	register.Emitter1[Page]()
	register.Emitter1[*extract.Document]()
	register.Emitter1[export.ErrorLine]()
	register.Iter1[*extract.Document]()
	register.Iter1[export.ErrorLine]()
	beam.RegisterType(reflect.TypeOf((*Page)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*export.ErrorLine)(nil)).Elem())
	beam.RegisterCoder(reflect.TypeOf((*extract.Document)(nil)), encodeDocument, decodeDocument)
}

// A Document crosses a shuffle as its JSON line: the SPEC's own form, which
// decodes to the same Document.
func encodeDocument(doc *extract.Document) ([]byte, error) {
	var b bytes.Buffer
	err := export.JSONLine(&b, doc)
	return b.Bytes(), err
}

func decodeDocument(b []byte) (*extract.Document, error) {
	doc := new(extract.Document)
	return doc, json.Unmarshal(b, doc)
}
