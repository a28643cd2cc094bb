package segment

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// checkCover fails unless toks are contiguous, cover text and carry its
// substrings: the invariants every recogniser relies on.
func checkCover(t testing.TB, text string, toks []Token) {
	t.Helper()
	var b strings.Builder
	var at int32
	for i, tk := range toks {
		if tk.Start != at || tk.End <= tk.Start {
			t.Fatalf("%q: token %d %+v does not start at %d or is empty", text, i, tk, at)
		}
		if n := int32(utf8.RuneCountInString(tk.Text)); n != tk.End-tk.Start {
			t.Fatalf("%q: token %d %+v spans %d runes, has %d", text, i, tk, tk.End-tk.Start, n)
		}
		if tk.Pos() == "" && ClassOf(tk.Text) == 0 {
			// gse's own entries all have a POS; pseudo tokens are "x".
			t.Fatalf("%q: token %d %+v has no POS", text, i, tk)
		}
		at = tk.End
		b.WriteString(tk.Text)
	}
	if int(at) != len([]rune(text)) || b.String() != text {
		t.Fatalf("%q: tokens cover %d runes %q, want %d", text, at, b.String(), len([]rune(text)))
	}
}

func TestTokensOffsets(t *testing.T) {
	s := mustDefault(t)
	for _, tc := range []struct {
		desc, text string
		want       []string // the token texts
	}{
		{"empty", "", nil},
		{"ASCII case kept", "4S店项目", []string{"4S店", "项目"}},
		{"decimal split", "增长1.56%", []string{"增长", "1", ".", "56", "%"}},
		{"full-width digits", "１０个招商局", []string{"１", "０", "个", "招商局"}},
		{"full-width punctuation", "会议指出：要（一）", []string{"会议", "指出", "：", "要", "（", "一", "）"}},
		{"emoji", "确保👍完成", []string{"确保", "👍", "完成"}},
		{"invalid UTF-8", "确保\xff\xfe完成", []string{"确保", "\xff", "\xfe", "完成"}},
		{"truncated rune", "完成\xe4\xb8", []string{"完成", "\xe4", "\xb8"}},
		{"Latin-1 letters join ASCII", "café会议", []string{"café", "会议"}},
		{"traditional script", "二是要切實加強", []string{"二是", "要", "切", "實", "加", "強"}},
		{"spaces and newline", "9 月底前\n完成", []string{"9", " ", "月底前", "\n", "完成"}},
		{"combining mark", "e\u0301会议", []string{"e", "\u0301", "会议"}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			toks := s.Tokens(tc.text)
			checkCover(t, tc.text, toks)
			var got []string
			for _, tk := range toks {
				got = append(got, tk.Text)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Tokens(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestTokensCoverCorpus(t *testing.T) {
	s := mustDefault(t)
	for _, name := range corpusFiles {
		text := readTestdata(t, name)
		for _, line := range strings.Split(text, "\n") {
			checkCover(t, line, s.Tokens(line))
		}
	}
}

func TestBoundaryAndTokenAt(t *testing.T) {
	s := mustDefault(t)
	toks := s.Tokens("统一是10个招商局") // 统一|是|10|个|招商局
	for _, tc := range []struct {
		at       int
		boundary bool
		token    string
	}{
		{-1, false, ""},
		{0, true, "统一"},
		{1, false, "统一"}, // inside 统一: "一是" here is no marker
		{2, true, "是"},
		{3, true, "10"},
		{4, false, "10"},
		{5, true, "个"},
		{6, true, "招商局"},
		{7, false, "招商局"},
		{9, true, ""}, // the end of the text
		{10, false, ""},
	} {
		if got := Boundary(toks, tc.at); got != tc.boundary {
			t.Errorf("Boundary(%d) = %v, want %v", tc.at, got, tc.boundary)
		}
		tk, ok := TokenAt(toks, tc.at)
		if ok != (tc.token != "") || tk.Text != tc.token {
			t.Errorf("TokenAt(%d) = %q, %v; want %q", tc.at, tk.Text, ok, tc.token)
		}
		if i := Index(toks, tc.at); (i >= 0) != ok {
			t.Errorf("Index(%d) = %d, TokenAt found %v", tc.at, i, ok)
		}
	}
	if !Boundary(nil, 0) || Boundary(nil, 1) {
		t.Error("Boundary(nil): only 0 is a boundary of the empty text")
	}
}

// Tokens from many goroutines at once (run with -race).
func TestConcurrentTokens(t *testing.T) {
	s := mustDefault(t)
	lines := strings.Split(readTestdata(t, "002_1821f895a3fc65c9.txt"), "\n")
	want := make([][]Token, len(lines))
	for i, l := range lines {
		want[i] = s.Tokens(l)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := g; i < len(lines); i += 2 {
				if d := diffTokens(s.Tokens(lines[i]), want[i]); d != "" {
					t.Errorf("goroutine %d, line %d: %s", g, i, d)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestDefaultShared(t *testing.T) {
	Preload()
	a, b := mustDefault(t), mustDefault(t)
	if a != b {
		t.Fatal("Default returned two segmenters")
	}
}

func FuzzTokens(f *testing.F) {
	for _, seed := range []string{"", "统一是", "4S店1.56%", "确保\xff完成", "👍１０个招商局", "café e\u0301"} {
		f.Add(seed)
	}
	for _, tc := range lexiconCorpus {
		f.Add(tc.text)
	}
	for _, line := range strings.Split(readTestdata(f, "000_89870a89919acc8f.txt"), "\n") {
		f.Add(line)
	}
	s, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	g := oracle(f)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		toks := s.Tokens(text)
		checkCover(t, text, toks)
		if d := diffTokens(toks, gseTokens(g, text)); d != "" {
			t.Fatalf("%q: differs from gse: %s", text, d)
		}
	})
}

// A text longer than the pooled scratch (which then bypasses the pool) is
// cut like any other.
func TestTokensLongText(t *testing.T) {
	s := mustDefault(t)
	text := strings.Repeat("确保8月底前完成债券资金支出。", maxPooledUnits/10)
	toks := s.Tokens(text)
	checkCover(t, text, toks)
	if want := 8 * (maxPooledUnits / 10); len(toks) != want {
		t.Errorf("%d tokens, want %d", len(toks), want)
	}
}

// A document keeps a Token for every word: its size is the segmenter's
// share of a document's memory (issue 14).
func TestTokenIs32Bytes(t *testing.T) {
	if n := unsafe.Sizeof(Token{}); n != 32 {
		t.Errorf("Token is %d bytes, want 32", n)
	}
}

func TestTokenJSONAndPos(t *testing.T) {
	seg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := seg.Tokens("市住建局牵头，9月底前完成。")
	b, err := json.Marshal(toks[:2])
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"text":"市住建局","pos":"nt","start":0,"end":4},{"text":"牵头","pos":"v","start":4,"end":6}]`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
	if p := (Token{}).Pos(); p != "" {
		t.Errorf("zero Token's Pos = %q, want \"\"", p)
	}
}
