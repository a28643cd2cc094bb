package clean

import (
	"strings"
	"testing"
	"time"
)

// TestParseTitleNote is a corpus of the notes under titles and of lines of
// the same shape that are no notes.
func TestParseTitleNote(t *testing.T) {
	cases := []struct {
		line          string
		date, meeting string // date "" = no note
	}{
		{"（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）", "2007-06-29", "第十届全国人民代表大会常务委员会第二十八次会议"}, // gov.cn 公报
		{"(2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过)", "2007-06-29", "第十届全国人民代表大会常务委员会第二十八次会议"},
		{"（2007年6月29日第十屆全國人民代表大會常務委員會第二十八次會議通過）", "2007-06-29", "第十届全国人民代表大会常务委员会第二十八次会议"},
		{"（1989年12月26日第七届全国人民代表大会常务委员会第十一次会议通过　2014年4月24日第十二届全国人民代表大会常务委员会第八次会议修订）",
			"2014-04-24", "第十二届全国人民代表大会常务委员会第八次会议"},
		{"（2000年3月15日第九届全国人民代表大会第三次会议通过　根据2015年3月15日第十二届全国人民代表大会第三次会议《关于修改〈中华人民共和国立法法〉的决定》修正）",
			"2015-03-15", "第十二届全国人民代表大会第三次会议"},
		{"（2023年5月10日国务院第5次常务会议通过　2023年5月26日中华人民共和国国务院令第761号公布　自2023年7月1日起施行）",
			"2023-05-26", "国务院第5次常务会议"},
		{"（2023年10月9日）", "2023-10-09", ""}, // a speech's date under its title
		{"(2023年10月9日)", "2023-10-09", ""},
		{"2011年 3月2日在禹王台区第一届人民代表大会第五次会议上", "2011-03-02", "禹王台区第一届人民代表大会第五次会议"}, // yuwangtai.gov.cn
		{"（2023年1月5日在全县经济工作会议上的讲话）", "2023-01-05", "全县经济工作会议"},
		{"（2023年1月5日在县委党校的讲话）", "", ""},
		{"民國100年1月27日第3232次會議", "2011-01-27", "第3232次会议"}, // under 行政院第3232次院會決議 (ey.gov.tw)
		{"2024年3月5日第十四届全国人民代表大会第二次会议", "2024-03-05", "第十四届全国人民代表大会第二次会议"},
		// not notes
		{"2024年3月5日召开全县经济工作会议", "", ""},
		{"市政府召开第3232次会议", "", ""},
		{"2023年12月12日区政府召开第62次常务会议", "", ""}, // a headline that reports the meeting
		{"2024年3月5日县政府举行第8次常务会议", "", ""},
		{"2023年1月5日在全县经济工作会议上,县长作了讲话。", "", ""},
		{"（记者 钱敏）", "", ""},
		{"(文章来源:南方财经网)", "", ""},
		{"（撰稿：汪有民 审核：徐海燕）", "", ""},
		{"（2023年10月9日 星期一）", "", ""},
		{"（自2023年7月1日起施行）", "", ""},
		{"2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过", "", ""},
		{"（2023年13月9日）", "", ""},
	}
	for _, c := range cases {
		l := newLine(c.line)
		n, ok := parseTitleNote(l.text, l.view)
		if ok != (c.date != "") || n.Date != c.date || n.Meeting != c.meeting {
			t.Errorf("parseTitleNote(%q) = %+v %v, want %s %q", c.line, n, ok, c.date, c.meeting)
		}
	}
}

// TestTitleBlock: the title block read whole, in text and in HTML — the
// note under the title (also in the title's own <p> or line) gives the
// written date, the title stays the title, and neither is body.
func TestTitleBlock(t *testing.T) {
	const body = "第十届全国人民代表大会常务委员会第二十八次会议，听取了财政部部长金人庆代表国务院对议案作的说明，并对议案进行了审议。"
	const title = "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议"
	const note = "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）"
	pages := map[string]*Page{
		"text, note on its line":                   Text(title + "\n" + note + "\n" + body),
		"text, note on the title":                  Text(title + note + "\n" + body),
		"html, note after <br>":                    htmlPage(t, `<html><head><title>`+title+`_国务院公报_中国政府网</title></head><body><div id="UCAP-CONTENT"><p align="center"><strong>全国人民代表大会常务委员会<br>关于批准财政部发行特别国债购买外汇及<br>调整2007年末国债余额限额的决议</strong><br>`+note+`</p><p>`+body+`</p></div></body></html>`),
		"html, note and speaker under the heading": htmlPage(t, `<html><head><title>`+title+`</title></head><body><div id="UCAP-CONTENT"><h1>`+title+`</h1><p>`+note+`</p><p>全国人民代表大会常务委员会委员长 吴邦国</p><p>`+body+`</p></div></body></html>`),
		"html, note in the title's <p>":            htmlPage(t, `<html><head><title>`+title+`</title></head><body><div id="UCAP-CONTENT"><p>`+title+note+`</p><p>`+body+`</p></div></body></html>`),
	}
	for name, p := range pages {
		if p.Title != title {
			t.Errorf("%s: title %q", name, p.Title)
		}
		if strings.Join(p.Paragraphs, "|") != body {
			t.Errorf("%s: paragraphs %q", name, p.Paragraphs)
		}
		if p.TitleNote == nil || p.TitleNote.Date != "2007-06-29" || p.TitleNote.Meeting != "第十届全国人民代表大会常务委员会第二十八次会议" {
			t.Errorf("%s: note %+v", name, p.TitleNote)
		}
		if p.Meta.WrittenDate != "" {
			t.Errorf("%s: written date %q: the page shows none", name, p.Meta.WrittenDate)
		}
	}
	// a speech: the date under the title
	p := Text("在全区经济工作会议上的讲话\n（2023年10月9日）\n同志们：\n今天召开全区经济工作会议，主要任务是总结工作、部署任务。")
	if p.Title != "在全区经济工作会议上的讲话" || p.TitleNote == nil || p.TitleNote.Date != "2023-10-09" || p.Paragraphs[0] != "同志们：" {
		t.Errorf("speech: title %q, note %+v, body %q", p.Title, p.TitleNote, p.Paragraphs)
	}
	// a report's title block: letter-spaced title, the session it was given
	// at, the speaker (yuwangtai.gov.cn)
	p = Text("2011年政府工作报告\n时间:2011-03-16 来源:未知\n政 府 工 作 报 告\n2011年 3月2日在禹王台区第一届人民代表大会第五次会议上\n禹王台区人民政府区长  陈  良\n \n各位代表:\n现在,我代表区人民政府,向大会作政府工作报告,请予审议,并请区政协委员提出意见。")
	if p.Title != "2011年政府工作报告" || p.TitleNote == nil || p.TitleNote.Meeting != "禹王台区第一届人民代表大会第五次会议" || p.Paragraphs[0] != "各位代表:" {
		t.Errorf("report: title %q, note %+v, body %q", p.Title, p.TitleNote, p.Paragraphs)
	}
}

func htmlPage(t *testing.T, s string) *Page {
	t.Helper()
	p, err := Bytes([]byte(s), "")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// FuzzParseTitleNote: any line reads without panic; a note has a valid
// date and a meeting taken from the line itself.
func FuzzParseTitleNote(f *testing.F) {
	for _, s := range []string{"（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）", "（2023年10月9日）", "(记者 钱敏)",
		"（2023年5月10日国务院第5次常务会议通过　2023年5月26日中华人民共和国国务院令第761号公布　自2023年7月1日起施行）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := newLine(s)
		n, ok := parseTitleNote(l.text, l.view)
		if !ok {
			return
		}
		if _, err := time.Parse("2006-01-02", n.Date); err != nil {
			t.Errorf("note %q: date %q", s, n.Date)
		}
		if !strings.Contains(l.view, n.Meeting) {
			t.Errorf("note %q: meeting %q not in the line", s, n.Meeting)
		}
	})
}

func TestSpeakerLine(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"禹王台区人民政府区长  陈  良", true}, // yuwangtai.gov.cn
		{"县委书记 张三", true},
		{"縣委書記 張三豐", true},
		{"区政府召开县长办公会议", false},
		{"县长 办公会议研究部署近期工作", false},
		{"县长张三", false},
	}
	for _, c := range cases {
		if got := speakerLine(view(collapseSpace(c.line))); got != c.want {
			t.Errorf("speakerLine(%q) = %v", c.line, got)
		}
	}
}

// TestSplitDocNo: a title line that carries its document number is two
// lines, in the order they stand; a line that is no formal title is left.
func TestSplitDocNo(t *testing.T) {
	for _, c := range []struct{ line, first, second string }{
		{"鞍立政发〔2023〕2号立山区人民政府关于印发立山区政府2023年重点工作任务分解和责任分工方案的通知",
			"鞍立政发〔2023〕2号", "立山区人民政府关于印发立山区政府2023年重点工作任务分解和责任分工方案的通知"},
		{"關于印發2023年《政府工作報告》重點任務分解落實方案的通知 常政發〔2023〕1號 |",
			"關于印發2023年《政府工作報告》重點任務分解落實方案的通知", "常政發〔2023〕1號"},
		{"关于做好防汛工作的通知 县政办发[2024]12号", "关于做好防汛工作的通知", "县政办发[2024]12号"},
		// left as they are
		{"关于做好防汛工作的通知", "", ""},
		{"县政办发〔2024〕12号", "", ""},
		{"县政办发〔2024〕12号 关于做好防汛工作", "", ""}, // no genre word: not a formal title
		{"根据县政办发〔2024〕12号文件要求,各乡镇要做好防汛工作。", "", ""},
	} {
		a, b, ok := splitDocNo(newLine(c.line))
		if ok != (c.first != "") || ok && (a.text != c.first || b.text != c.second) {
			t.Errorf("splitDocNo(%q) = %q, %q, %v; want %q, %q", c.line, a.text, b.text, ok, c.first, c.second)
		}
	}
}
