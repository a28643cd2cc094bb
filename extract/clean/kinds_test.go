package clean

import (
	"strings"
	"testing"
)

// TestChromeKinds is the corpus of the chrome kinds (kinds.go and the rows
// of chromeRules added with them): real lines that must go, and body lines
// of the same shapes that must stay, in both scripts and with full-width
// or ASCII-folded punctuation.
func TestChromeKinds(t *testing.T) {
	cases := []struct {
		line string
		want lineKind
	}{
		// UI words alone
		{"[打印此页] [关闭本页]", kindChrome}, // xinhuaqu.gov.cn
		{"［打印此页］　［关闭本页］", kindChrome},
		{"评论 |", kindChrome}, // nzgx.org
		{"收起", kindChrome},   // dongzhi.gov.cn
		{"【打印】 【关闭】", kindChrome},
		{"打印本页 关闭窗口", kindChrome},
		{"返回頂部", kindChrome},
		{"评论（0）", kindChrome},
		{"登录 | 注册", kindChrome},
		{"- 下一篇:新任区长供职", kindChrome}, // huaboedu.com
		{"- 下一篇：新任区长供职", kindChrome},
		// UI words inside sentences stay
		{"会议强调，要认真听取群众评论和意见。", kindBody},
		{"会议强调,要认真听取群众评论和意见。", kindBody},
		{"本报评论员", kindBody},
		{"要把分散的资源收起来、用起来。", kindBody},
		{"关注民生，回应关切。", kindBody},
		// separators alone
		{"|", kindChrome}, // nzgx.org
		{"丨", kindChrome},
		{"——", kindChrome},
		// file names and addresses alone
		{"微信图片_20230303170500.jpg", kindChrome},                            // jaqzx.gov.cn
		{"d7d1bb3e276440db7543b3acef375f8.jpg", kindChrome},                // xinhuaqu.gov.cn
		{"2eba8e0d337d49868a4aa42818e4b06a.png", kindChrome},               // mingshan.gov.cn
		{"sitemap.xml sitemap2.xml sitemap3.xml sitemap4.xml", kindChrome}, // zt1388.com
		{"http://www.gov.cn/zhengce/content/2023-08/01/content_5895790.htm", kindChrome},
		// … but not attachments, labelled addresses or file numbers
		{"附件4：减免报名费申请.doc", kindBody},
		{"附件1.jpg", kindBody},
		{"网址：http://www.kaili.gov.cn", kindBody},
		{"网址:http://www.kaili.gov.cn", kindBody},
		{"国办发〔2024〕12号", kindBody},
		{"请登录www.gov.cn查询详细信息。", kindBody},
		// template leftovers
		{"2022-09-05 14 14 今日龙游 content_265474.html 1 3 县十四届政府第二次全会暨廉政工作会议召开 /enpproperty-->", kindChrome},
		{"合计 1200 3400 5600", kindBody},
		{"2024年 1.5 2.3 4.5", kindBody},
		// greetings and preambles of sites
		{"欢迎进入洛阳市偃师区人民政府网站!", kindChrome}, // yanshi.gov.cn
		{"欢迎访问东至县人民政府网站！", kindChrome},
		{"歡迎進入偃師區人民政府網站！", kindChrome},
		{"前言:本站为你精心整理了县经济发展情势会上县长发言范文,希望能为你的创作提供参考价值,我们的客服老师可以帮助你提供个性化的参考范文,欢迎咨询。", kindChrome}, // 1mishu.com
		{"请点击👉 mbgs777 👈联系老师", kindChrome}, // huaboedu.com
		{"欢迎来到美丽的莱山，欢迎各位客商投资兴业。", kindBody},
		{"欢迎广大市民积极参与。", kindBody},
		{"本站监测数据显示，空气质量持续向好。", kindBody},
		{"要多联系群众，多听取意见。", kindBody},
		// credits
		{"区政府办 供稿", kindChrome}, // bagongshan.gov.cn
		{"區委新聞辦供圖", kindChrome}, // pos111.cn (梅縣區 mirror)
		{"会议要求，各单位供图、供稿要及时准确。", kindBody},
		{"各单位要做好信息供稿。", kindBody},
		{"医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳", kindChrome}, // zyyfy.com
		{"医技药剂党支部、药剂科供稿　摄影/ 张艳　编辑/苏芳", kindChrome},
		{"（撰稿：汪有民 审核：徐海燕）", kindChrome},
		{"一审：王华 二审：李明 三审：张强", kindChrome},
		{"新京报记者 陆一夫", kindBody}, // a byline: the article's
		{"记者：您如何看待当前的经济形势？", kindBody},
		{"一审判决后，被告人提出上诉。", kindBody},
		{"文图并茂，通俗易懂", kindBody},
		// date widgets, share and scan prompts
		{"今天是：2024年3月4日 星期一", kindChrome},
		{"今天是2024年3月4日，我们在这里召开全县经济工作会议。", kindBody},
		{"扫一扫，用手机看新闻！", kindChrome}, // qq.com
		{"微信扫一扫赞赏作者", kindChrome},   // WeChat article
		{"微信扫一扫", kindChrome},
		{"扫一扫 关注我", kindChrome},              // sina.com.cn
		{"微信扫一扫关注，或者搜索（驱动之家）关注", kindChrome}, // mydrivers.com
		{"群众只需扫一扫二维码即可办理。", kindBody},
		{"[ 打印 ] [ 关闭 ]", kindChrome},
		{"分享到：微信 微博 QQ空间", kindChrome},
		{"设为首页 | 加入收藏", kindChrome},
		{"{$content}", kindChrome},
		{"您好，欢迎访问莱山区人民政府网站！", kindChrome},
		{"本版责编：王五 美编：赵六", kindChrome},
		{"下载本文", kindChrome},
		{"上一版  下一版", kindChrome},
		{"（此文档为word格式，可任意修改编辑！）", kindChrome},
		{"会议要求，各单位要按照文档格式要求报送材料。", kindBody},
		{"本篇文章434字,读完约1分钟", kindChrome}, // shcafe.org
		{"本篇文章共1434字，预计阅读时间约5分钟。", kindChrome},
		{"查看隐藏内容(*)需先登录", kindChrome}, // caigoupt.com
		{"会议用时约30分钟，研究了5项议题。", kindBody},
		// an e-paper's page label
		{"第01版:头版", kindChrome}, // 今日龙游
		{"第03版：要闻", kindChrome},
		{"第3版修订", kindBody},
	}
	for _, c := range cases {
		if got := classify(view(collapseSpace(c.line))); got != c.want {
			t.Errorf("classify(%q) = %d, want %d", c.line, got, c.want)
		}
	}
}

// TestTidyEdges: a lost indent and a trailing separator leave the line;
// question marks inside it and a bar inside a sentence stay.
func TestTidyEdges(t *testing.T) {
	cases := []struct{ in, want string }{
		{"??? 德州新聞網訊(記者 尹元渤)3月4日,縣政府全體會議召開。", "德州新聞網訊(記者 尹元渤)3月4日,縣政府全體會議召開。"}, // jiexigoutong.com
		{"???王勝強指出,縣政府的主要任務就是貫徹落實。", "王勝強指出,縣政府的主要任務就是貫徹落實。"},
		{"再落實??h委副書記、縣長王勝強主持會議。", "再落實??h委副書記、縣長王勝強主持會議。"},
		{"??? 3月4日上午,縣長張三主持召開縣政府常務會議。", "3月4日上午,縣長張三主持召開縣政府常務會議。"},
		{"?? abc", "?? abc"},
		{"保障换届工作平稳、有序开展。 |", "保障换届工作平稳、有序开展。"}, // huxianbbs.com
		{"保障换届工作平稳、有序开展。 丨", "保障换届工作平稳、有序开展。"},
		{"产品答疑 | 网站律师 |", "产品答疑 | 网站律师 |"},
		{"甲 | 乙", "甲 | 乙"},
	}
	for _, c := range cases {
		if got := tidyEdges(c.in); got != c.want {
			t.Errorf("tidyEdges(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestEdgeKind: lines at the body's edge that are mostly not Chinese.
func TestEdgeKind(t *testing.T) {
	cases := []struct {
		line          string
		chrome, doubt bool
	}{
		{"ad9_210*60", true, false}, // taiwan.cn
		{"mbgs777", true, false},
		{"ad9_210*60 300x250", true, false},
		{"Powered by", false, true},
		{"END", false, true},
		// body lines of the same shape
		{"2024-03-01", false, false},
		{"2 0 2 4", false, false},
		{"PM2.5 32 28", false, false},
		{"5G ISO9001 H7N9", false, false},
		{"合计 1200 3400 5600", false, false},
		{"COVID-19", false, true},
		{"凯里市人民政府办公室", false, false},
		{"PM2.5年均浓度下降9.1%,ad_1", false, false},
	}
	for _, c := range cases {
		chrome, doubt := edgeKind(view(c.line))
		if chrome != c.chrome || doubt != c.doubt {
			t.Errorf("edgeKind(%q) = %v %v, want %v %v", c.line, chrome, doubt, c.chrome, c.doubt)
		}
	}
}

// TestTextTail: under the last paragraph a machine's identifier goes, an
// English word stays with a warning, a signature and its date stay.
func TestTextTail(t *testing.T) {
	p := Text("会议强调，要确保各项工作不撒不漏。\n会议要求，各单位要对照任务清单逐项落实。\n莱山区人民政府办公室\n2024-03-01\nad9_210*60\nPowered by\n\n首页 新闻中心 政务公开 办事服务 互动交流\n\n出席：张三 李四 王五 赵六")
	want := "会议强调，要确保各项工作不撒不漏。|会议要求，各单位要对照任务清单逐项落实。|莱山区人民政府办公室|2024-03-01|Powered by|首页 新闻中心 政务公开 办事服务 互动交流|出席：张三 李四 王五 赵六"
	if got := strings.Join(p.Paragraphs, "|"); got != want {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
	if strings.Join(p.Warnings, "|") != "maybe chrome: Powered by|maybe chrome: 首页 新闻中心 政务公开 办事服务 互动交流" {
		t.Errorf("warnings %q", p.Warnings)
	}
}

// negativeText is a notice whose body holds the shapes of chrome inside real
// text: a sentence that mentions 评论 and 扫一扫, a file name inside a
// sentence, a file number on a line of its own, attachments, a labelled
// address, a line of figures, a short last paragraph, a signature — in both
// scripts and with full-width and ASCII punctuation.
var negativeText = []string{
	"各乡镇人民政府，区政府各部门：",
	"为做好今年防汛工作，现将有关事项通知如下。",
	"一、加强组织领导。各单位要认真听取群众评论和意见，及时回应关切。",
	"二、會議要求,各單位要認真聽取群眾評論和意見,群眾只需扫一扫二维码即可反映问题。",
	"三、做好信息报送。请各单位于6月1日前将方案报送至区应急管理局，文件名统一为“单位名称+防汛方案.docx”。",
	"国办发〔2024〕12号",
	"网址：http://www.laishan.gov.cn",
	"合计 1200 3400 5600",
	"附件：1.防汛责任人名单.xlsx",
	"附件1.jpg",
	"特此通知。",
	"莱山区人民政府办公室",
	"2024年3月1日",
}

func TestNegativeCorpusText(t *testing.T) {
	p := Text("关于做好2024年防汛工作的通知\n" + strings.Join(negativeText, "\n\n"))
	if got := strings.Join(p.Paragraphs, "\n"); got != strings.Join(negativeText, "\n") {
		t.Errorf("body lost text:\n got %q\nwant %q", p.Paragraphs, negativeText)
	}
	if len(p.Warnings) > 0 {
		t.Errorf("warnings %q", p.Warnings)
	}
}

func TestNegativeCorpusHTML(t *testing.T) {
	page := `<html><head><title>关于做好2024年防汛工作的通知</title></head><body><div class="TRS_Editor"><p>` +
		strings.Join(negativeText, "</p><p>") + `</p></div></body></html>`
	p := htmlPage(t, page)
	if got := strings.Join(p.Paragraphs, "\n"); got != strings.Join(negativeText, "\n") {
		t.Errorf("body lost text:\n got %q\nwant %q", p.Paragraphs, negativeText)
	}
}
