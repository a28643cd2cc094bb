package clean

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// A sentence of seed 000 and its traditional form (seed 004 style).
const (
	simpText = "8月2日下午，区委副书记、区长蒋海华主持召开区政府常务会议。会议强调，要确保各项工作不撒不漏。"
	tradText = "今天的會議，主要任務是安排部署9-10月份重點工作，以平穩健康的經濟環境迎接黨的二十大勝利召開。"
)

func TestDecode(t *testing.T) {
	gbk := encode(t, simplifiedchinese.GBK, simpText)
	big5 := encode(t, traditionalchinese.Big5, tradText)
	cases := []struct {
		name        string
		in          []byte
		contentType string
		want        string
		enc         string
	}{
		{"plain utf-8", []byte(simpText), "", simpText, EncUTF8},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, simpText...), "", simpText, EncUTF8},
		{"gbk undeclared", gbk, "", simpText, EncGBK},
		{"big5 undeclared", big5, "", tradText, EncBig5},
		{"gbk by content-type", gbk, "text/html; charset=GB2312", simpText, EncGBK},
		{"big5 by content-type", big5, "text/plain; charset=big5", tradText, EncBig5},
		{"gbk declared utf-8 (wrong)", gbk, "text/html; charset=utf-8", simpText, EncGBK},
		{"utf-8 declared gbk (re-saved)", []byte(simpText), "text/html; charset=gbk", simpText, EncUTF8},
		{"gbk declared latin-1 (wrong)", append(gbk, gbk...), "text/html; charset=iso-8859-1", simpText + simpText, EncGBK},
		{"meta charset gbk", append([]byte(`<meta charset="gbk">`), gbk...), "", `<meta charset="gbk">` + simpText, EncGBK},
		{"http-equiv big5", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=big5">`), big5...), "",
			`<meta http-equiv="Content-Type" content="text/html; charset=big5">` + tradText, EncBig5},
		{"gb18030 four-byte", encode(t, simplifiedchinese.GB18030, simpText+"€𠀀"), "", simpText + "€𠀀", EncGB18030},
		{"ascii", []byte("hello"), "", "hello", EncUTF8},
		{"utf-8 declared latin-1", []byte("<p>hello world, a long English page with one 会议 word</p>"), "text/html; charset=iso-8859-1",
			"<p>hello world, a long English page with one 会议 word</p>", EncUTF8},
		{"latin-1 declared and meant", []byte("caf\xe9"), "text/html; charset=iso-8859-1", "café", "iso-8859-1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, enc, err := Decode(c.in, c.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want || enc != c.enc {
				t.Errorf("Decode = %q (%s), want %q (%s)", got, enc, c.want, c.enc)
			}
		})
	}
	if _, _, err := Decode(nil, ""); err == nil {
		t.Error("Decode(nil) gave no error")
	}
}

func TestLooksLikeHTML(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html><head>", true},
		{"\n\n  <html lang=\"zh\">", true},
		{"<!--http://www.cmse.gov.cn/xwzx/zhxw/202101/t20210106_47506.html-->\n<!DOCTYPE html><html>", true},
		{"<div class=\"TRS_Editor\"><p>正文</p></div>", true},
		{"\xEF\xBB\xBF<html>", true},
		{"首页\n>政府信息公开>政务专题>会议公开>区政府会议\n索引号: 113706130042791846/2022-03924", false},
		{"8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。", false},
		{"一、数量<5的项目\n二、比例>3的项目", false},
		{"", false},
	}
	for _, c := range cases {
		if got := LooksLikeHTML([]byte(c.in)); got != c.want {
			t.Errorf("LooksLikeHTML(%.40q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestSameParagraphsAcrossCharsets encodes one real page in every charset
// and checks that the paragraphs, title and metadata do not change.
func TestSameParagraphsAcrossCharsets(t *testing.T) {
	raw, err := os.ReadFile("../../fixtures/pages/gov/shanxi-gov-cn.html")
	if err != nil {
		t.Fatal(err)
	}
	// the page's own characters are all in GBK except the dash of "中国（山西）－巴西"
	page := strings.Replace(string(raw), `<meta charset="utf-8">`, "", 1)
	base, err := Bytes([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	encs := map[string]encoding.Encoding{EncGBK: simplifiedchinese.GBK, EncGB18030: simplifiedchinese.GB18030}
	for name, e := range encs {
		// characters outside GBK become &#…; references, as browsers save them
		b, err := encoding.HTMLEscapeUnsupported(e.NewEncoder()).Bytes([]byte(page))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := Bytes(b, "")
		if err != nil {
			t.Fatal(err)
		}
		if got.Encoding != name && !(name == EncGB18030 && got.Encoding == EncGBK) {
			t.Errorf("%s: detected %s", name, got.Encoding)
		}
		samePage(t, name, base, got)
	}
	trad := `<html><head><meta charset="utf-8"><title>在全區7-8月高質量發展重點工作調度會上的講話_新文秘網</title></head><body>
<div class="content"><p>` + tradText + `</p><p>第二，要防患未然，堅決筑牢安全生產防線。九、十月份正是企業產銷兩旺、全區經濟發力趕超的重要時段。</p></div></body></html>`
	base, _ = Bytes([]byte(trad), "")
	b := encode(t, traditionalchinese.Big5, strings.Replace(trad, `<meta charset="utf-8">`, "", 1))
	got, _ := Bytes(b, "")
	if got.Encoding != EncBig5 {
		t.Errorf("big5: detected %s", got.Encoding)
	}
	samePage(t, "big5", base, got)
	if len(base.Paragraphs) != 2 {
		t.Errorf("traditional page: %d paragraphs, want 2", len(base.Paragraphs))
	}
}

// TestPlainTextCharsets: a text file saved in GBK or Big5 cleans like its
// UTF-8 original.
func TestPlainTextCharsets(t *testing.T) {
	raw, err := os.ReadFile("../../fixtures/seeds/000_89870a89919acc8f.txt")
	if err != nil {
		t.Skip(err)
	}
	base, _ := Bytes(raw, "")
	got, err := Bytes(encode(t, simplifiedchinese.GBK, string(raw)), "")
	if err != nil || got.Encoding != EncGBK {
		t.Fatalf("gbk text: %v %s", err, got.Encoding)
	}
	samePage(t, "gbk text", base, got)
	trad := "在全區7-8月高質量發展重點工作調度會上的講話\n同志們：\n" + tradText + "\n第二，要防患未然，堅決筑牢安全生產防線。\n"
	base, _ = Bytes([]byte(trad), "")
	got, err = Bytes(encode(t, traditionalchinese.Big5, trad), "")
	if err != nil || got.Encoding != EncBig5 {
		t.Fatalf("big5 text: %v %s", err, got.Encoding)
	}
	samePage(t, "big5 text", base, got)
}

func samePage(t *testing.T, name string, want, got *Page) {
	t.Helper()
	if !reflect.DeepEqual(want.Paragraphs, got.Paragraphs) || want.Title != got.Title || want.Meta != got.Meta {
		t.Errorf("%s: page differs:\n got %q %+v %q\nwant %q %+v %q", name, got.Title, got.Meta, got.Paragraphs,
			want.Title, want.Meta, want.Paragraphs)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(simpText), "")
	f.Add([]byte{0xFF, 0xFE, 0x41, 0x00}, "")
	f.Add([]byte(`<meta charset="x-unknown">ab`), "text/html; charset=bogus")
	f.Add([]byte{0x81, 0x30, 0x81, 0x30, 0xB0}, "")
	f.Fuzz(func(t *testing.T, b []byte, ct string) {
		s, enc, err := Decode(b, ct)
		if err != nil {
			return
		}
		if enc == "" {
			t.Error("no encoding name")
		}
		if !utf8Valid(s) {
			t.Errorf("invalid UTF-8 out of Decode")
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func BenchmarkDecodeGBK(b *testing.B) {
	raw, err := os.ReadFile("../../fixtures/pages/variants/shanxi-undeclared-gbk.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Decode(raw, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDecodeLargeInputIsBounded: detecting and decoding 2.6 MB of GBK costs
// a few copies of it (bytes allocated, not wall time, is asserted).
func TestDecodeLargeInputIsBounded(t *testing.T) {
	big := bytes.Repeat(encode(t, simplifiedchinese.GBK, simpText), 20000) // ~2.6 MB
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, enc, err := Decode(big, ""); err != nil || enc != EncGBK {
		t.Fatalf("Decode: %v %s", err, enc)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*uint64(len(big)) {
		t.Errorf("Decode of %d bytes allocated %d", len(big), alloc)
	}
}

// TestScoreBytes: scoring raw bytes equals scoring their ToValidUTF8 text.
func TestScoreBytes(t *testing.T) {
	gbk := encode(t, simplifiedchinese.GBK, simpText)
	for _, b := range [][]byte{nil, []byte("abc"), []byte(simpText), gbk, append([]byte("\xff\xfe\xfd中\uFFFD"), gbk...), []byte("x\xe4\xb8")} {
		if got, want := scoreBytes(b), scoreText(string(bytes.ToValidUTF8(b, []byte("\uFFFD")))); got != want {
			t.Errorf("scoreBytes(%q) = %d, want %d", b, got, want)
		}
	}
}

// TestDecodeOwnsItsText: the text of valid UTF-8 is a copy; changing the
// input afterwards leaves it alone.
func TestDecodeOwnsItsText(t *testing.T) {
	for _, in := range []string{"会议强调", "\xEF\xBB\xBF会议强调"} {
		b := []byte(in)
		s, _, err := Decode(b, "")
		if err != nil {
			t.Fatal(err)
		}
		for i := range b {
			b[i] = 'x'
		}
		if s != "会议强调" {
			t.Errorf("Decode(%q) text changed with its input: %q", in, s)
		}
	}
}

// twice decodes UTF-8 text as if it were in charset e, as a GBK page does
// to a UTF-8 title.
func twice(t testing.TB, e encoding.Encoding, s string) string {
	t.Helper()
	b, err := e.NewDecoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDoubleDecoded: titles decoded twice (UTF-8 read as GBK or Big5) are
// told, with the text they were; real titles and lines are not.
func TestDoubleDecoded(t *testing.T) {
	for _, c := range []struct {
		desc, title string
		e           encoding.Encoding
	}{
		// seed 000's title: 6 Han, 18 UTF-8 bytes, pairs aligned.
		{"GBK, aligned", "莱山区政府第八次常务会议", simplifiedchinese.GBK},
		// seed 001's: an odd byte count, pairs misaligned.
		{"GBK, misaligned", "连云港开发区召开区党工委(扩大)会暨疫情防控工作领导小组会议", simplifiedchinese.GBK},
	} {
		garbled := twice(t, c.e, c.title)
		once, ok := doubleDecoded(garbled)
		if !ok {
			t.Errorf("%s: %s not told", c.desc, garbled)
			continue
		}
		same := 0
		for _, r := range once {
			if strings.ContainsRune(c.title, r) {
				same++
			}
		}
		if same < utf8.RuneCountInString(c.title)*2/3 {
			t.Errorf("%s: once %q, want most of %q", c.desc, once, c.title)
		}
	}
	// No real line is taken for one: the seeds and the fixture pages' titles.
	var lines []string
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "seeds", "*.txt"))
	for _, f := range seeds {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	pages, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "pages", "*", "*.html"))
	for _, f := range pages {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if p, err := Bytes(data, ""); err == nil {
			lines = append(lines, p.Title)
		}
	}
	if len(lines) < 100 {
		t.Fatalf("only %d lines to check", len(lines))
	}
	for _, l := range lines {
		if once, ok := doubleDecoded(l); ok {
			t.Errorf("%q taken for a title decoded twice (once: %q)", l, once)
		}
	}
}

// TestTitleMojibakeWarning: a GBK page with a UTF-8 title, as a CMS
// template in UTF-8 around GBK articles makes, warns about its title.
func TestTitleMojibakeWarning(t *testing.T) {
	title := "连云港开发区召开区党工委(扩大)会暨疫情防控工作领导小组会议"
	var b bytes.Buffer
	b.WriteString(`<html><head><meta charset="gbk"><title>`)
	b.WriteString(title) // UTF-8 bytes
	b.WriteString(`</title></head><body>`)
	b.Write(encode(t, simplifiedchinese.GBK, "<p>"+simpText+"</p><p>"+simpText+"</p>"))
	b.WriteString(`</body></html>`)
	p, err := Bytes(b.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Warnings) == 0 || !strings.HasPrefix(p.Warnings[0], "mojibake: title looks decoded twice: ") {
		t.Errorf("warnings %q, want the title's", p.Warnings)
	}
}
