// Package extract turns Chinese government web pages and texts into typed
// directives: the numbered instructions of a meeting report or speech, with
// their owners, deadlines and targets, and the figures and percentages the
// text reports.
//
// The pipeline, in order: decode and clean the page (package clean), detect
// the script and build a simplified, rune-aligned view (hanzi), segment it
// (segment), find the outline of directives (directive), the meeting and the
// reference date, the time expressions (timex) and the quantities (quantity),
// then attach each deadline and target to the innermost item that holds it.
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/clause"
	"github.com/zhengling/zhengling/extract/clean"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/hanzi"
	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/extract/quantity"
	"github.com/zhengling/zhengling/extract/timex"
	"github.com/zhengling/zhengling/segment"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// Meta is the page's metadata (索引号, 发布机构, 成文日期, …).
type Meta = clean.Meta

// Meeting is the meeting a report describes: date, name, host and host title.
type Meeting = timex.Meeting

// Directive is one instruction item with its sub-items.
type Directive = directive.Directive

// Deadline is a resolved time expression that sets when something is due.
type Deadline = timex.Deadline

// Target is a quantity the document sets as a goal.
type Target = quantity.Target

// Figure is a quantity the document reports; it has Target's fields and a Period.
type Figure = quantity.Target

// Percentage is one percent expression of the body.
type Percentage = quantity.Percentage

// Date is a calendar day; the zero Date marshals to null.
type Date = timex.Date

// Document is everything zhengling extracts from one page, as SPEC.md fixes it.
type Document struct {
	File          string       `json:"file"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	Encoding      string       `json:"encoding"`
	Script        string       `json:"script"`
	Meta          Meta         `json:"meta"`
	ReferenceDate Date         `json:"reference_date"`
	Meeting       *Meeting     `json:"meeting"`
	Paragraphs    []string     `json:"paragraphs"`
	Directives    []*Directive `json:"directives"`
	Targets       []Target     `json:"targets"`
	Figures       []Figure     `json:"figures"`
	Percentages   []Percentage `json:"percentages"`
	Deadlines     []Deadline   `json:"deadlines"`
	Warnings      []string     `json:"warnings"`
}

// Errors for inputs that are not pages.
var (
	// ErrEmpty is returned for an input with no content but white space.
	ErrEmpty = errors.New("extract: empty input")
	// ErrBinary is returned for bytes that are neither text nor HTML (an
	// image, a PDF, an archive saved by mistake).
	ErrBinary = errors.New("extract: binary content, not a page or text")
	// ErrTooLarge is returned for an input over Options.MaxBytes.
	ErrTooLarge = errors.New("extract: input larger than the limit")
)

// Options configure one extraction. The zero Options are valid.
type Options struct {
	// ReferenceDate, when set, resolves relative deadlines and wins over
	// every date of the page.
	ReferenceDate Date
	// URL is the page's address; it fills Document.URL.
	URL string
	// ContentType is the HTTP Content-Type the page was served with, if
	// known; its charset counts as a declaration.
	ContentType string
	// Segmenter is the segmenter to use; nil means segment.Default().
	Segmenter *segment.Segmenter
	// Lexicon is the language knowledge every recogniser reads (cue words,
	// headings, punctuation classes); nil means lexicon.Default(). A caller
	// may extend it with Lexicon.With.
	Lexicon *lexicon.Lexicon
	// MaxBytes is the largest input accepted: HTML reads at most
	// MaxBytes+1 bytes of its reader, and a larger input of any function
	// gives ErrTooLarge. 0 means DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is the input limit of the zero Options: saved pages are
// rarely over 2 MB, WeChat pages with inline images reach 8.
const DefaultMaxBytes = 32 << 20

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// tooLarge is the error for an input over the limit.
func tooLarge(max int64) error { return fmt.Errorf("%w (%d bytes)", ErrTooLarge, max) }

// HTML extracts a Document from a saved HTML page in any charset.
func HTML(r io.Reader, opts Options) (*Document, error) {
	return HTMLContext(context.Background(), r, opts)
}

// HTMLContext is HTML under ctx: see ctxErr for what cancellation does.
func HTMLContext(ctx context.Context, r io.Reader, opts Options) (*Document, error) {
	max := opts.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("extract: read: %w", err)
	}
	if int64(len(b)) > max {
		return nil, tooLarge(max)
	}
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	page, err := clean.HTMLBytes(b, opts.ContentType)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return build(ctx, page, opts)
}

// Text extracts a Document from plain text (a page saved as text, a copied
// speech). Its first line may be the title and metadata lines may appear.
func Text(s string, opts Options) (*Document, error) {
	return TextContext(context.Background(), s, opts)
}

// TextContext is Text under ctx: see ctxErr for what cancellation does.
func TextContext(ctx context.Context, s string, opts Options) (*Document, error) {
	if max := opts.maxBytes(); int64(len(s)) > max {
		return nil, tooLarge(max)
	}
	if strings.TrimSpace(s) == "" {
		return nil, ErrEmpty
	}
	return build(ctx, clean.Text(s), opts)
}

// outlineSections are the items of the outline as sections for the clause
// reading, their headings in the simplified view.
func outlineSections(outline []*Directive) []clause.Section {
	var out []clause.Section
	directive.Walk(outline, func(d *Directive) {
		out = append(out, clause.Section{Para: d.Para, Start: d.Start, EndPara: d.LastPara(), End: d.End,
			Heading: hanzi.View(d.Heading)})
	})
	return out
}

// inspectReading, when set by a test, sees the paragraphs with their
// clause reading.
var inspectReading func([]*para.Paragraph)

func build(ctx context.Context, page *clean.Page, opts Options) (*Document, error) {
	return buildInParts(ctx, page, opts, partBudget)
}

// buildInParts is build reading the paragraphs in parts of at most budget
// (see parts).
func buildInParts(ctx context.Context, page *clean.Page, opts Options, budget int) (*Document, error) {
	seg := opts.Segmenter
	if seg == nil {
		var err error
		if seg, err = segment.Default(); err != nil {
			return nil, fmt.Errorf("extract: %w", err)
		}
	}
	doc := &Document{
		URL:        firstNonEmpty(opts.URL, page.URL),
		Title:      page.Title,
		Encoding:   page.Encoding,
		Script:     hanzi.Detect(page.Paragraphs),
		Meta:       page.Meta,
		Paragraphs: page.Paragraphs,
		Warnings:   page.Warnings,
	}
	var genre *string
	for _, pt := range parts(page.Paragraphs, budget) {
		paras, err := views(ctx, page.Paragraphs[pt.lo:pt.hi], seg, opts.Lexicon)
		if err != nil {
			return nil, err
		}
		if pt.lo == 0 {
			doc.Meeting = timex.FindMeeting(paras, meetingYear(opts, page.Meta, paras))
			if doc.Meeting == nil {
				doc.Meeting = noteMeeting(page.TitleNote)
			}
			doc.ReferenceDate = referenceDate(opts, page.Meta, doc.Meeting, page.TitleNote, paras)
		}
		r, g, err := readPart(ctx, doc, paras, genre, opts.Lexicon)
		if err != nil {
			return nil, err
		}
		genre = &g
		doc.add(r, pt.lo)
	}
	attach(doc)
	if len(doc.Paragraphs) == 0 {
		doc.Warnings = append(doc.Warnings, "empty: no body text found")
	}
	finish(doc)
	return doc, nil
}

// part is a run of paragraphs read together, [lo, hi).
type part struct{ lo, hi int }

// partBudget bounds the views of a part, all of which live at once, as
// estimated by viewCost: 8 MB keeps a 1 MB input within 50 MB + 20 × its
// size whatever its shape. Documents under about 700 KB of Chinese text,
// every real report and plan seen, are read as one part.
const partBudget = 8 << 20

// viewCost estimates the bytes of a paragraph's view (runes, tokens,
// clauses), measured on the shapes of internal/hostile: some 300 of its
// own, 10 a byte of Chinese text (a token of 32 bytes for every four or
// five bytes) and 30 a byte of ASCII, where a token may be one byte
// (y<br>y<br>…).
func viewCost(p string) int {
	ascii := 0
	for i := 0; i < len(p); i++ {
		if p[i] < utf8.RuneSelf {
			ascii++
		}
	}
	return 300 + 10*len(p) + 20*ascii
}

// parts splits the paragraphs into the runs read one after the other, each
// within budget unless it is a single paragraph, so that the views of a huge
// input never all live at once. What spans a cut is read as two: an item
// running on past it ends there, and the part after it starts a new
// top-level item with the next marker. The meeting, the reference date and
// the genre are read from the first part.
func parts(paragraphs []string, budget int) []part {
	var out []part
	lo, cost := 0, 0
	for i, s := range paragraphs {
		c := viewCost(s)
		if cost += c; cost > budget && i > lo {
			out = append(out, part{lo, i})
			lo, cost = i, c
		}
	}
	return append(out, part{lo, len(paragraphs)})
}

// readPart reads one part of the document: its outline, time expressions,
// clause reading and quantities, with paragraph indices local to the part.
// genre is the genre read from the document's first part, nil for that
// part itself; readPart returns the genre it used.
func readPart(ctx context.Context, doc *Document, paras []*para.Paragraph, genre *string, lx *lexicon.Lexicon) (*Document, string, error) {
	r := &Document{Directives: directive.Parse(paras)}
	if err := ctxErr(ctx); err != nil {
		return nil, "", err
	}
	exprs, warns := timex.Find(paras, doc.ReferenceDate)
	r.Warnings = warns
	if err := ctxErr(ctx); err != nil {
		return nil, "", err
	}
	g := clause.Read(clause.Document{Title: doc.Title, Paras: paras, Times: exprs, Ref: doc.ReferenceDate,
		Sections: clause.Sections(outlineSections(r.Directives), paras, lx), Lexicon: lx, Genre: genre})
	if inspectReading != nil {
		inspectReading(paras)
	}
	r.Deadlines = deadlines(exprs)
	if err := recognizeQuantities(ctx, r, paras, exprs); err != nil {
		return nil, "", err
	}
	return r, g, nil
}

// add appends what a part found, its paragraph indices moved by lo to the
// whole document's.
func (doc *Document) add(r *Document, lo int) {
	directive.Shift(r.Directives, lo, len(doc.Directives))
	doc.Directives = append(doc.Directives, r.Directives...)
	doc.Deadlines = append(doc.Deadlines, shiftPara(r.Deadlines, lo, func(d *Deadline) *int { return &d.Para })...)
	doc.Targets = append(doc.Targets, shiftPara(r.Targets, lo, func(t *Target) *int { return &t.Para })...)
	doc.Figures = append(doc.Figures, shiftPara(r.Figures, lo, func(f *Figure) *int { return &f.Para })...)
	doc.Percentages = append(doc.Percentages, shiftPara(r.Percentages, lo, func(p *Percentage) *int { return &p.Para })...)
	doc.Warnings = append(doc.Warnings, r.Warnings...)
}

// shiftPara adds lo to the paragraph index field of every element.
func shiftPara[T any](s []T, lo int, field func(*T) *int) []T {
	for i := range s {
		*field(&s[i]) += lo
	}
	return s
}

// binarySample is how many leading bytes isBinary reads.
const binarySample = 4096

// binarySignatures start the files saved by mistake among pages (the
// WHATWG MIME sniffing standard's image and archive patterns, and PDF).
var binarySignatures = []string{
	"\x89PNG\r\n\x1a\n", "GIF87a", "GIF89a", "\xff\xd8\xff", "%PDF-",
	"PK\x03\x04", "\x1f\x8b\x08", "Rar!\x1a\x07", "7z\xbc\xaf\x27\x1c", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
	"\x00\x00\x01\x00", "wOFF", "wOF2",
}

// isBinary reports bytes that are no text nor HTML: a known binary
// signature, or control bytes that no text holds (the "binary data bytes"
// of the WHATWG MIME sniffing standard: NUL, 0x01–0x08, 0x0B, 0x0E–0x1A,
// 0x1C–0x1F) making over 1 % of the first 4 KB. A stray NUL in a page that
// is otherwise text is tolerated; GBK and Big5 bytes are all ≥ 0x40, and
// UTF-16 with a byte order mark is text.
func isBinary(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return false
	}
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(b, []byte(sig)) {
			return true
		}
	}
	sample := b[:min(len(b), binarySample)]
	n := 0
	for _, c := range sample {
		if c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F) {
			n++
		}
	}
	return n*100 > len(sample)
}

// views builds the simplified, segmented view of every paragraph.
func views(ctx context.Context, paragraphs []string, seg *segment.Segmenter, lx *lexicon.Lexicon) ([]*para.Paragraph, error) {
	out := make([]*para.Paragraph, len(paragraphs))
	for i, s := range paragraphs {
		if err := ctxErr(ctx); err != nil {
			return nil, err
		}
		v := hanzi.View(s)
		out[i] = para.New(i, s, v, seg.Tokens(v), lx)
	}
	return out, nil
}

func deadlines(exprs []timex.Expr) []Deadline {
	var out []Deadline
	for _, e := range exprs {
		if e.Role == timex.RoleDeadline {
			out = append(out, e.Deadline)
		}
	}
	return out
}

// recognizeQuantities runs the quantity recogniser paragraph by paragraph,
// telling it which offsets lie inside instructing directives.
func recognizeQuantities(ctx context.Context, doc *Document, paras []*para.Paragraph, exprs []timex.Expr) error {
	byPara := make(map[int][]timex.Expr)
	for _, e := range exprs {
		byPara[e.Para] = append(byPara[e.Para], e)
	}
	for _, p := range paras {
		if err := ctxErr(ctx); err != nil {
			return err
		}
		idx := p.Index
		ctx := quantity.Context{
			Times: byPara[idx],
			Instructing: func(off int) bool {
				d := directive.At(doc.Directives, idx, off)
				return d != nil && d.Instructs
			},
		}
		r := quantity.Find(p, ctx)
		doc.Targets = append(doc.Targets, r.Targets...)
		doc.Figures = append(doc.Figures, r.Figures...)
		doc.Percentages = append(doc.Percentages, r.Percentages...)
		doc.Warnings = append(doc.Warnings, r.Warnings...)
	}
	return nil
}

// attach gives each directive the deadlines and targets of its own text.
func attach(doc *Document) {
	for _, dl := range doc.Deadlines {
		if d := directive.At(doc.Directives, dl.Para, dl.Start); d != nil {
			d.Deadlines = append(d.Deadlines, dl)
		}
	}
	for _, t := range doc.Targets {
		if d := directive.At(doc.Directives, t.Para, t.Start); d != nil {
			d.Targets = append(d.Targets, t)
		}
	}
}

// referenceDate applies SPEC.md's order: --date, the written or published
// date, the meeting date, a date in the text — first the date of the note
// under the title (（2023年10月9日）), then one of the body.
func referenceDate(opts Options, m Meta, meeting *Meeting, note *clean.TitleNote, paras []*para.Paragraph) Date {
	if !opts.ReferenceDate.IsZero() {
		return opts.ReferenceDate
	}
	for _, s := range []string{m.WrittenDate, m.PublishedAt} {
		if d, err := timex.ParseDate(datePart(s)); err == nil {
			return d
		}
	}
	if meeting != nil && !meeting.Date.IsZero() {
		return meeting.Date
	}
	if note != nil {
		if d, err := timex.ParseDate(note.Date); err == nil {
			return d
		}
	}
	return timex.FirstDate(paras)
}

// noteMeeting is the meeting the note under a title names (（2007年6月29日
// 第十届全国人民代表大会常务委员会第二十八次会议通过）), or nil.
func noteMeeting(n *clean.TitleNote) *Meeting {
	if n == nil || n.Meeting == "" {
		return nil
	}
	d, _ := timex.ParseDate(n.Date) // clean writes YYYY-MM-DD
	return &Meeting{Date: d, Name: n.Meeting}
}

// meetingYear is the year a meeting opening without one (8月2日下午，…主持召开)
// takes: the page's dates, else the caller's reference date, else the first
// full date of the text; 0 when there is none.
func meetingYear(opts Options, m Meta, paras []*para.Paragraph) int {
	if y := pageYear(m); y != 0 {
		return y
	}
	if !opts.ReferenceDate.IsZero() {
		return opts.ReferenceDate.Year
	}
	return timex.FirstDate(paras).Year
}

// pageYear is the year of the page's own dates, 0 when it shows none.
func pageYear(m Meta) int {
	for _, s := range []string{m.WrittenDate, m.PublishedAt} {
		if d, err := timex.ParseDate(datePart(s)); err == nil {
			return d.Year
		}
	}
	return 0
}

func datePart(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// finish makes every list non-nil, so that JSON prints [] for none, and
// removes repeated warnings.
func finish(doc *Document) {
	doc.Paragraphs = nonNil(doc.Paragraphs)
	doc.Directives = nonNil(doc.Directives)
	doc.Targets = nonNil(doc.Targets)
	doc.Figures = nonNil(doc.Figures)
	doc.Percentages = nonNil(doc.Percentages)
	doc.Deadlines = nonNil(doc.Deadlines)
	doc.Warnings = unique(doc.Warnings)
	directive.Walk(doc.Directives, func(d *Directive) {
		d.Owners = nonNil(d.Owners)
		d.Deadlines = nonNil(d.Deadlines)
		d.Targets = nonNil(d.Targets)
		d.Children = nonNil(d.Children)
	})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func unique(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := []string{}
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// Bytes extracts a Document from a saved page or text file, telling HTML
// from plain text by its content, never by a file name.
func Bytes(b []byte, opts Options) (*Document, error) {
	return BytesContext(context.Background(), b, opts)
}

// BytesContext is Bytes under ctx: see ctxErr for what cancellation does.
func BytesContext(ctx context.Context, b []byte, opts Options) (*Document, error) {
	if max := opts.maxBytes(); int64(len(b)) > max {
		return nil, tooLarge(max)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, ErrEmpty
	}
	if isBinary(b) {
		return nil, ErrBinary
	}
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	page, err := clean.Bytes(b, opts.ContentType)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return build(ctx, page, opts)
}

// ParseDate reads a YYYY-MM-DD date, for Options.ReferenceDate.
func ParseDate(s string) (Date, error) { return timex.ParseDate(s) }
