package extract_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/extract"
)

// threeWaysIn is the README's API snippet: a page served over HTTP, a
// text and a saved file. TestReadmeSnippet keeps the README's copy equal
// to this function.
func threeWaysIn(pageURL, speech, savedFile string) error {
	// A page fetched over HTTP: the charset of its Content-Type counts as declared.
	resp, err := http.Get(pageURL)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	page, err := extract.HTML(resp.Body, extract.Options{URL: pageURL, ContentType: resp.Header.Get("Content-Type")})
	if err != nil {
		return err
	}
	fmt.Println(page.Title, page.Meta.PublishedAt)

	// A text, such as a copied speech: relative deadlines resolve against ReferenceDate.
	ref, err := extract.ParseDate("2022-08-03")
	if err != nil {
		return err
	}
	text, err := extract.Text(speech, extract.Options{ReferenceDate: ref})
	if err != nil {
		return err
	}
	for _, dl := range text.Deadlines {
		fmt.Println(dl.Text, dl.Kind, dl.Date)
	}

	// A saved file, HTML or text in any charset, told apart by its content.
	data, err := os.ReadFile(savedFile)
	if err != nil {
		return err
	}
	saved, err := extract.Bytes(data, extract.Options{})
	if err != nil {
		return err
	}
	fmt.Println(saved.Title, saved.Script, saved.Encoding)
	return nil
}

// The three ways in: a page from a web server (here a test server on this
// machine), a text, and a saved page in Big5.
func Example_threeWaysIn() {
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join("..", "fixtures", "pages", "gov"))))
	defer srv.Close()
	speech := "会议要求，各单位要在8月底前完成自查。"
	err := threeWaysIn(srv.URL+"/cmse-gov-cn.html", speech, filepath.Join("..", "fixtures", "pages", "variants", "trad-big5.html"))
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// 载人航天工程全线备战空间站建造任务 2021-01-05
	// 8月底前 by 2022-08-31
	// 在全區7-8月高質量發展重點工作調度會上的講話 traditional big5
}

// TestReadmeSnippet: the README's Go API snippet is threeWaysIn, word for
// word, so the README shows code that compiles and runs.
func TestReadmeSnippet(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "\n## The Go API\n")
	if !ok {
		t.Fatal("README has no section The Go API")
	}
	_, block, ok := strings.Cut(rest, "```go\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("The Go API section has no go block")
	}
	src, err := os.ReadFile("readme_example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "readme_example_test.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var fn string
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "threeWaysIn" {
			fn = string(src[fset.Position(fd.Type.Pos()).Offset:fset.Position(fd.End()).Offset])
		}
	}
	if fn == "" || !bytes.Contains([]byte(block), []byte(fn)) {
		t.Errorf("README's Go API snippet is not func threeWaysIn of readme_example_test.go; paste it again:\n%s", fn)
	}
}
