package warc_test

import (
	"fmt"
	"strings"

	"github.com/zhengling/zhengling/extract/warc"
)

// record is one WARC response record around an HTTP response.
func record(uri, length, body string) string {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
	if length == "" {
		length = fmt.Sprint(len(block))
	}
	return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2022-08-03T08:42:00Z\r\n" +
		"WARC-Target-URI: " + uri + "\r\nContent-Type: application/http;msgtype=response\r\n" +
		"Content-Length: " + length + "\r\n\r\n" + block + "\r\n\r\n"
}

// Three pages, the second with a Content-Length that lies: it costs its own
// record, and the third is read.
func ExampleRecords() {
	archive := record("http://www.example.gov.cn/a.html", "", "<p>会议强调</p>") +
		record("http://www.example.gov.cn/b.html", "-5", "<p>坏的记录</p>") +
		record("http://www.example.gov.cn/c.html", "", "<p>要统筹兼顾</p>")
	for rec, err := range warc.Records(strings.NewReader(archive), "crawl.warc", warc.Options{}) {
		if err != nil {
			fmt.Println(rec.Name, err)
			continue
		}
		fmt.Println(rec.Name, rec.URL, rec.Date.Format("2006-01-02"), string(rec.Body))
	}
	// Output:
	// crawl.warc#1 http://www.example.gov.cn/a.html 2022-08-03 <p>会议强调</p>
	// crawl.warc#2 warc: Content-Length "-5" is not a length
	// crawl.warc#3 http://www.example.gov.cn/c.html 2022-08-03 <p>要统筹兼顾</p>
}
