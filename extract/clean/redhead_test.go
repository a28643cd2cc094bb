package clean

import (
	"strings"
	"testing"
)

// bozhouPage is a 信息公开 page of 亳州市人民政府 saved as text: the
// metadata table, the full title, then the red head (issuer, the title
// wrapped over two lines, the 文号) repeated above the addressee.
const bozhouPage = `当前位置: 网站首页 > 政府信息公开 > 市政府办 > 其他文件
索引号: 1134160073302996XP/202501-00038 组配分类: 其他文件
发布机构: 亳州市人民政府办公室 主题分类: 综合政务 / 公民 / 通知
有效性: 有效 关键词:
名称: 亳州市人民政府办公室关于印发2025年政府工作报告主要目标任务分解的通知 文号: 亳政办〔2025〕1号
发文日期: 2025-01-14 发布日期: 2025-01-21
亳州市人民政府办公室关于印发2025年政府工作报告主要目标任务分解的通知
发布时间:2025-01-21 09:24 信息来源:亳州市人民政府办公室 浏览次数: 字体:[ ]

 亳州市人民政府办公室

关于印发2025年政府工作报告主要目标

任务分解的通知

亳政办〔2025〕1号

各县、区人民政府,亳州高新区管委会、亳芜现代产业园区管委会,市政府各部门、各直属机构:

2025年《政府工作报告》已经市五届人大四次会议审议通过,为确保重点工作落到实处,经市政府同意,现将主要目标任务分解下发,请认真抓好落实。

一、强化责任意识,以讲政治高度抓落实。各地各单位要深入落实习近平总书记考察安徽重要讲话精神。
`

const bozhouTitle = "亳州市人民政府办公室关于印发2025年政府工作报告主要目标任务分解的通知"

func TestTextRedHead(t *testing.T) {
	p := Text(bozhouPage)
	if p.Title != bozhouTitle {
		t.Errorf("title %q, want %q", p.Title, bozhouTitle)
	}
	wantBody := []string{
		"各县、区人民政府,亳州高新区管委会、亳芜现代产业园区管委会,市政府各部门、各直属机构:",
		"2025年《政府工作报告》已经市五届人大四次会议审议通过,为确保重点工作落到实处,经市政府同意,现将主要目标任务分解下发,请认真抓好落实。",
		"一、强化责任意识,以讲政治高度抓落实。各地各单位要深入落实习近平总书记考察安徽重要讲话精神。",
	}
	if strings.Join(p.Paragraphs, "|") != strings.Join(wantBody, "|") {
		t.Errorf("body %q\nwant %q", p.Paragraphs, wantBody)
	}
	want := Meta{IndexNo: "1134160073302996XP/202501-00038", DocNo: "亳政办〔2025〕1号", Publisher: "亳州市人民政府办公室",
		Source: "亳州市人民政府办公室", Category: "其他文件", WrittenDate: "2025-01-14", PublishedAt: "2025-01-21T09:24:00+08:00"}
	if p.Meta != want {
		t.Errorf("meta\n got %+v\nwant %+v", p.Meta, want)
	}
}

// TestTextRedHeadVariants: the same page without parts of its table.
func TestTextRedHeadVariants(t *testing.T) {
	const (
		cell      = " 文号: 亳政办〔2025〕1号"
		docLine   = "\n亳政办〔2025〕1号\n"
		fullLine  = "\n" + bozhouTitle + "\n发布时间"
		nameCells = "名称: " + bozhouTitle + " 文号: 亳政办〔2025〕1号\n"
	)
	cases := []struct {
		name         string
		replace      []string // from, to, from, to … applied to bozhouPage
		title, docNo string
	}{
		{"no 文号 cell: the red-head line fills doc_no", []string{cell, ""}, bozhouTitle, "亳政办〔2025〕1号"},
		{"broken 文号 line: the cell wins", []string{docLine, "\n亳政办〔20251\n"}, bozhouTitle, "亳政办〔2025〕1号"},
		{"broken 文号 line, no cell", []string{cell, "", docLine, "\n亳政办〔20251\n"}, bozhouTitle, "亳政办〔20251"},
		{"no full title line: the 名称 value", []string{fullLine, "\n发布时间"}, bozhouTitle, "亳政办〔2025〕1号"},
		{"neither full title nor 名称: the last red-head line",
			[]string{nameCells, "", fullLine, "\n发布时间"}, "任务分解的通知", "亳政办〔2025〕1号"},
	}
	for _, c := range cases {
		in := bozhouPage
		for i := 0; i+1 < len(c.replace); i += 2 {
			if !strings.Contains(in, c.replace[i]) {
				t.Fatalf("%s: %q not in the page", c.name, c.replace[i])
			}
			in = strings.Replace(in, c.replace[i], c.replace[i+1], 1)
		}
		p := Text(in)
		if p.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.name, p.Title, c.title)
		}
		if p.Meta.DocNo != c.docNo {
			t.Errorf("%s: doc_no %q, want %q", c.name, p.Meta.DocNo, c.docNo)
		}
		if len(p.Paragraphs) == 0 || !strings.HasPrefix(p.Paragraphs[0], "各县、区人民政府") {
			t.Errorf("%s: body starts %q", c.name, p.Paragraphs)
		}
	}
}

func TestDocNoLine(t *testing.T) {
	corpus := []struct {
		in   string
		want bool
	}{
		{"亳政办〔2025〕1号", true},
		{"鲁政办字〔2022〕1号", true},
		{"国办发〔2024〕12号", true},
		{"国发[2023]5号", true},
		{"莱政发(2023)5号", true},
		{"苏政办发【2021】3号", true},
		{"亳政办〔20251", true}, // 〕 and 号 lost
		{"亳政办〔2025〕1", true},
		{"亳州市人民政府办公室", false},
		{"关于印发2025年政府工作报告主要目标", false},
		{"根据《国务院办公厅关于…的通知》(国办发〔2024〕12号)要求", false},
		{"〔2025〕1号", false},
		{"2025年1号", false},
	}
	for _, c := range corpus {
		if got := docNoLine(view(c.in)); got != c.want {
			t.Errorf("docNoLine(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestIsTitleFragment(t *testing.T) {
	title := compact(view(bozhouTitle))
	corpus := []struct {
		in   string
		want bool
	}{
		{"亳州市人民政府办公室", true},
		{"关于印发2025年政府工作报告主要目标", true},
		{"任务分解的通知", true},
		{bozhouTitle, true},
		{"通知", false}, // too short to tell
		{"各县、区人民政府", false},
		{"亳州市人民政府办公室文件", false},
	}
	for _, c := range corpus {
		if got := isTitleFragment(view(c.in), title); got != c.want {
			t.Errorf("isTitleFragment(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	if isTitleFragment("任务分解的通知", "") {
		t.Error("fragment of no title")
	}
}

func TestWithTime(t *testing.T) {
	corpus := []struct{ first, later, want string }{
		{"2025-01-21", "2025-01-21T09:24:00+08:00", "2025-01-21T09:24:00+08:00"},
		{"2025-01-21", "2025-01-22T09:24:00+08:00", "2025-01-21"}, // another day
		{"2025-01-21T08:00:00+08:00", "2025-01-21T09:24:00+08:00", "2025-01-21T08:00:00+08:00"},
		{"2025-01-21", "", "2025-01-21"},
	}
	for _, c := range corpus {
		if got := withTime(c.first, c.later); got != c.want {
			t.Errorf("withTime(%q, %q) = %q, want %q", c.first, c.later, got, c.want)
		}
	}
}

func TestMetaDateLabels(t *testing.T) {
	corpus := []struct {
		in   string
		want Meta
	}{
		{"发文日期: 2025-01-14 发布日期: 2025-01-21", Meta{WrittenDate: "2025-01-14", PublishedAt: "2025-01-21"}},
		{"印发日期：2023-05-10", Meta{WrittenDate: "2023-05-10"}},
		{"成文日期: 2022-08-03", Meta{WrittenDate: "2022-08-03"}},
	}
	for _, c := range corpus {
		var ms metaSet
		if !readHeaderLine(newLine(c.in), &ms) {
			t.Errorf("%q: not a metadata line", c.in)
			continue
		}
		if got := ms.result(); got != c.want {
			t.Errorf("%q: %+v, want %+v", c.in, got, c.want)
		}
	}
}
