package timex

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/para"
)

// FuzzFind: Find, FindMeeting and FirstDate never panic, and every
// expression points at its own text inside the paragraph.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。",
		"确保8月底前完成债券资金支出,9 月中旬前全部完成,限期至2011年10月底前动工。",
		"报名时间为2024年7月8日09：00至2024年7月10日17：00，截止2024年7月7日前。",
		"9月*日至10月*日,xx月底前,××月××日前,9-10月份,5月、6月,9月和12月。",
		"在國慶節前,春节后,中秋、国庆假期,必须在 10 月中旬省环保督察回头看前。",
		"1-8 月份同比增长2.3%,截至8月底,前8个月,每周,一周内,100 天,从 3 月份到 4、5 月份。",
		"二〇二四年十二月三十一日前,明年3月底前,本月底,下月底前,年内,前三季度,第四季度。",
		"9999年13月40日, 0年0月0日, 1357年6月10日, 2月30日, 至至至, 前前前, 在在前",
		"本周五前,下周一,上周,季末前,本季度末,年初,明年年中,2023年中国,20日前,31号前后,每月5日前,6月15日24时前。",
		"汛期前,入汛前,9月开学前,十一前,十一月,第十一届,春节前后,10月20日左右,下半月,9月上半月,大年初一。",
		"据悉，9月28日已完成。预计11月底冬季前线将推进到江南。他表示，将于11月17日开港。合肥(常年11月19日)",
	} {
		f.Add(s, "2022-08-03")
	}
	f.Add("春节前", "")
	f.Add("1000年春节前,2999年中秋节前", "2999-12-31")
	f.Fuzz(func(t *testing.T, s, refText string) {
		if !utf8.ValidString(s) {
			return
		}
		ref, _ := ParseDate(refText)
		ps := make([]*para.Paragraph, 0, 2)
		for i, line := range strings.SplitN(s, "\n", 2) {
			ps = append(ps, para.New(i, line, line, nil, nil))
		}
		exprs, _ := Find(ps, ref)
		for _, e := range exprs {
			p := ps[e.Para]
			if e.Start < 0 || e.Start > e.End || e.End > p.Len() {
				t.Fatalf("%q: offsets %d..%d outside 0..%d", s, e.Start, e.End, p.Len())
			}
			if got := p.Text(e.Start, e.End); got != e.Text {
				t.Fatalf("%q: text %q at %d..%d reads %q", s, e.Text, e.Start, e.End, got)
			}
			if !e.From.IsZero() && !e.Date.IsZero() && e.Date.Before(e.From) {
				t.Fatalf("%q: %s ends %s before it starts %s", s, e.Text, e.Date, e.From)
			}
		}
		FindMeeting(ps, ref.Year)
		FirstDate(ps)
	})
}

// BenchmarkFind reads a 64 KB compilation of five government speeches and
// reports (testdata/seed002.txt).
func BenchmarkFind(b *testing.B) {
	raw, err := os.ReadFile("testdata/seed002.txt")
	if err != nil {
		b.Fatal(err)
	}
	var ps []*para.Paragraph
	for i, line := range strings.Split(string(raw), "\n") {
		ps = append(ps, paragraph(b, i, line))
	}
	ref, _ := ParseDate("2020-08-31")
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Find(ps, ref)
		FindMeeting(ps, ref.Year)
	}
}
