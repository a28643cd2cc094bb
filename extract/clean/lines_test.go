package clean

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClassify is a corpus of real lines from the seeds, the gov pages and
// the news pages, with the kind each must get.
func TestClassify(t *testing.T) {
	cases := []struct {
		line string
		want lineKind
	}{
		// navigation
		{"首页", kindChrome},
		{">政府信息公开>政务专题>会议公开>区政府会议", kindChrome},
		{"首页 > 国务院公报 > 2007年第23号", kindChrome},
		{"当前位置：首页 >发展改革工作 >投资管理和项目推进 >投资运行", kindChrome},
		{"您当前所在位置： 首页 >> 新闻中心 >> 通知公告", kindChrome},
		{"网站首页  |  关于我们  |  联系方式  |  使用说明  |  隐私政策  |  免责声明  |  网站地图  |   |  粤ICP备05102027号", kindChrome},
		// footers
		{"Produced By 大汉网络 大汉版通发布系统", kindChrome},
		{"粤公网安备 44040202001358号", kindChrome},
		{"网站标识码bm01000001 京ICP备05070218号", kindChrome},
		{"版权所有：中国载人航天工程官方网站", kindChrome},
		{"主办单位：国务院办公厅 运行维护单位：中国政府网运行中心", kindChrome},
		{"技术支持：浙江省经济信息中心", kindChrome},
		{"推荐使用1920*1080分辨率", kindChrome},
		{"地址：凯里市行政中心C座3楼", kindChrome},
		{"无障碍浏览版", kindChrome},
		{"切換到繁體", kindChrome},
		{"您是本站第 123456 位访客", kindChrome},
		{"我为政府网站找错", kindChrome},
		{"本网站支持IPv6", kindChrome},
		{"建议使用IE8以上版本浏览器", kindChrome},
		// account menus, promos, players, credits and captions of news pages
		{"1、回复【公租房】查看最新消息", kindChrome},
		{"3、回复【社保】查询广州社保缴纳记录", kindChrome},
		{"5、回复【美图】看看广州有多惊艳", kindChrome},
		{"回复群众关切，查看整改情况。", kindBody},
		{"责编|陈梦莹", kindChrome},
		{"来源|广州参考、广州南沙发布、羊城晚报", kindChrome},
		{"新酷产品第一时间免费试玩，还有众多优质达人分享独到生活经验，快来新浪众测，体验各领域最前沿、最有趣、最好玩的产品吧~！下载客户端还能获得专享福利哦！", kindChrome},
		{"自动播放 苹果发布新iPhone 11：配6种颜色", kindChrome},
		{"相关新闻：", kindChrome},
		{"“救命啊SOS”纸团。沙坪坝区公安分局供图 华龙网", kindChrome},
		{"天降“救命啊SOS”纸团。沙坪坝区公安分局供图 华龙网发", kindChrome},
		{"会议要求，各单位供图、供稿要及时准确。", kindBody},
		{"信息来源于网络", kindChrome},
		{"经过文刃重新编排", kindChrome},
		{"部分图片来源于网络，如有侵权请联系删除", kindChrome},
		{"经研究，决定对以下事项进行重新整理。", kindBody},
		// prompts, disclaimers
		{"打开网易新闻 查看精彩图片", kindChrome},
		{"扫一扫在手机打开当前页", kindChrome},
		{"免责声明:本网转载自其它媒体的文章,目的在于弘扬科技创新精神,传递更多科技创新信息,并不代表本网赞同其观点和对其真实性负责。", kindChrome},
		{"核心提示:5月7日下午,开发区召开区党工委(扩大)会暨疫情防控工作领导小组会议,市委常委、区党工委书记商振江出席", kindChrome},
		{"安装新浪财经客户端第一时间接收最全面的市场资讯→【下载地址】", kindChrome},
		{"更多猛料！欢迎扫描左方二维码关注新浪新闻官方微信（xinlang-xinwen）", kindChrome},
		{"本文仅代表作者观点，不代表澎湃新闻的观点或立场", kindChrome},
		// widgets
		{"字号:[ ]", kindChrome},
		{"字体：放大 正常 缩小", kindChrome},
		{"[打印]", kindChrome},
		{"打印本页 关闭窗口", kindChrome},
		{"【打印】 【关闭】", kindChrome},
		{"【打印本页】【关闭窗口】", kindChrome},
		{"分享到：", kindChrome},
		{"上一篇： 凯里市2024年生产障碍耕地治理项目（招标代理）询价公告", kindChrome},
		{"相关稿件", kindChrome},
		{"更多>同类资讯", kindChrome},
		{"（责任编辑：周雁）", kindChrome},
		{"【编辑：姚昊】", kindChrome},
		{"本文来源：新京报 责任编辑：杜硕_NB12556", kindChrome},
		{"（原标题：姚明对周琦说了啥？周琦上下半场判若两人）", kindChrome},
		{"收藏《在全區(qū)7-8月高質量發(fā)展重點工作調度會上的講話》)", kindChrome},
		{"【1】【2】【3】【4】", kindChrome},
		{"上一页 1/2 下一页", kindChrome},
		{"#天文航天#月球#中国航天 #嫦娥五号", kindChrome},
		{"20190926|国贸|增长率|全球经济", kindChrome},
		{"评论（0）", kindChrome},
		{"共享充电宝。视觉中国 资料", kindChrome},
		{"姚明场边支招周琦。视频截图", kindChrome},
		{"加拿大大叔Gweilo （视频截图）", kindChrome},
		{"编辑 刘晓阳 校对 李铭", kindChrome},
		// paywalls
		{"……(新文秘網http://m.120pk.cn省略897字,正式會員可完整閱讀)……", kindTruncated},
		// body lines that look a little like chrome
		{"8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。", kindBody},
		{"会议强调:", kindBody},
		{"一、会议传达学习了习近平总书记重要讲话和重要指示精神", kindBody},
		{"要加快建设无障碍设施，确保残疾人出行便利。", kindBody},
		{"网站点击量持续增长，全年达到100万次。", kindBody},
		{"附件4：减免报名费申请.doc", kindBody},
		{"咨询电话：0855-8225253、0855-8223107", kindBody},
		{"同志們:", kindBody},
		{"特此通知。", kindBody},
	}
	for _, c := range cases {
		if got := classify(view(collapseSpace(c.line))); got != c.want {
			t.Errorf("classify(%q) = %d, want %d", c.line, got, c.want)
		}
	}
}

func TestIsMenuLine(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"氢能科技 沙蓬绿色种养产业模式 联源科技 超联科技 园区 园区 园区 园区 园区", true},
		{"首页 新闻 政务公开 办事服务 互动交流", true},
		{"参会人员:李光明 薛满德 张福利", false},
		{"科技是第一生产力、人才是第一资源、创新是第一动力 加快建设科技强国,实现高水平科技自立自强", false},
	}
	for _, c := range cases {
		if got := isMenuLine(c.line); got != c.want {
			t.Errorf("isMenuLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

func TestParseMetaLine(t *testing.T) {
	cases := []struct {
		line   string
		strict bool
		want   []pair
	}{
		{"索引号: 113706130042791846/2022-03924 成文日期: 2022-08-03", false,
			[]pair{{fIndexNo, "113706130042791846/2022-03924"}, {fWritten, "2022-08-03"}}},
		{"发布机构: 莱山区政府办 组配分类: 区政府会议", false,
			[]pair{{fPublisher, "莱山区政府办"}, {fCategory, "区政府会议"}}},
		{"发布日期: 2022- 08- 03 16: 42 信息来源: 莱山区政府办 访问次数: 字号:[ ]", false,
			[]pair{{fPublished, "2022- 08- 03 16: 42"}, {fSource, "莱山区政府办"}, {fNone, ""}, {fNone, ""}}},
		{"来源： 凯里市人力资源和社会保障局 发布时间： 2024-06-27 16:18", false,
			[]pair{{fSource, "凯里市人力资源和社会保障局"}, {fPublished, "2024-06-27 16:18"}}},
		{"时间：2019-09-18 06:23 来源： 山西日报", false,
			[]pair{{fPublished, "2019-09-18 06:23"}, {fSource, "山西日报"}}},
		{"发布日期：2016-11-22 浏览次数： 信息来源：省发改委", false,
			[]pair{{fPublished, "2016-11-22"}, {fNone, ""}, {fSource, "省发改委"}}},
		{"2019-09-26 12:11来源：证券时报网作者：李在山", false,
			[]pair{{fPublished, "2019-09-26 12:11"}, {fSource, "证券时报网"}, {fAuthor, "李在山"}}},
		{"发文字号：烟莱政办字〔2024〕5号", true, []pair{{fDocNo, "烟莱政办字〔2024〕5号"}}},
		{"来源: 新京报 举报", false, []pair{{fSource, "新京报"}}},
		{"信息来源：莱山区政府办 【打印】", false, []pair{{fSource, "莱山区政府办"}}},
		{"阅读次数: 信息来源:木塔乡人民政府 发布时间: 2025-09-25 08:35", false, // dongzhi.gov.cn
			[]pair{{fNone, ""}, {fSource, "木塔乡人民政府"}, {fPublished, "2025-09-25 08:35"}}},
		{"来源 : 偃师融媒     发布日期:2025-03-04     点击次数:347", false, // yanshi.gov.cn
			[]pair{{fSource, "偃师融媒"}, {fPublished, "2025-03-04"}, {fNone, "347"}}},
		{"信息名称: 明山区召开区政府党组(扩大)学习会议 主题分类: 政府常务会议", false, // mingshan.gov.cn
			[]pair{{fTitle, "明山区召开区政府党组(扩大)学习会议"}, {fCategory, "政府常务会议"}}},
		{"來源:大觀新聞網 發布時間:2023-02-13 12:26 瀏覽:1447次", false, // velyka.cn, pinyin stripped
			[]pair{{fSource, "大觀新聞網"}, {fPublished, "2023-02-13 12:26"}, {fNone, "1447次"}}},
		{"字数：3000字 发布人：admin 发布时间：2023-01-05", false,
			[]pair{{fNone, "3000字"}, {fNone, "admin"}, {fPublished, "2023-01-05"}}},
		{"• 发布日期:2023-12-12", false, []pair{{fPublished, "2023-12-12"}}}, // a portal's metadata list saved as text
		{"● 索引号:11370613MB1234567X/2023-00123", false, []pair{{fIndexNo, "11370613MB1234567X/2023-00123"}}},
		// not metadata
		{"• 加强领导:各部门要落实责任", false, nil},
		{"时间：2024年7月8日9:00-11:00", true, nil},
		{"会议强调:", false, nil},
		{"8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。", false, nil},
		{"（一）报名时间：2024年7月8日至7月10日", false, nil},
	}
	for _, c := range cases {
		got, ok := parseMetaLine(c.line, c.strict)
		if ok != (c.want != nil) || !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseMetaLine(%q) = %v %v, want %v", c.line, got, ok, c.want)
		}
	}
}

func TestNormDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2022- 08- 03 16: 42", "2022-08-03T16:42:00+08:00"},
		{"2016-11-22 09:53", "2016-11-22T09:53:00+08:00"},
		{"2024-06-27  16:18:03", "2024-06-27T16:18:03+08:00"},
		{"2021-01-05", "2021-01-05"},
		{"2024年3月1日", "2024-03-01"},
		{"2019/9/18", "2019-09-18"},
		{"2007-08-20-23:59:59", "2007-08-20T23:59:59+08:00"},
		{"2022-13-03", ""},
		{"无日期", ""},
		{"107-04-12", "2018-04-12"},   // 日期:107-04-12 (ey.gov.tw, Republic of China era)
		{"民國100年1月27日", "2011-01-27"}, // the era named
		{"99-12-31", ""},              // two digits without 民国: maybe 1999
		{"107-13-12", ""},
	}
	for _, c := range cases {
		if got, _ := normDate(c.in); got != c.want {
			t.Errorf("normDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPublishedAtPrefersShownTime(t *testing.T) {
	cases := []struct {
		visible, tag, want string
	}{
		{"2016-11-22", "2016-11-22T09:53:00+08:00", "2016-11-22T09:53:00+08:00"}, // fgw.zj.gov.cn
		{"2024-06-27T16:18:00+08:00", "", "2024-06-27T16:18:00+08:00"},           // kaili.gov.cn
		{"2021-01-05", "", "2021-01-05"},                                         // cmse.gov.cn
		{"", "2019-09-18T06:23:00+08:00", "2019-09-18T06:23:00+08:00"},
		{"2019-09-17", "2019-09-18T06:23:00+08:00", "2019-09-17"}, // another day: the shown one
	}
	for _, c := range cases {
		ms := metaSet{tagPub: c.tag}
		ms.visible.PublishedAt = c.visible
		if got := ms.result().PublishedAt; got != c.want {
			t.Errorf("visible %q tag %q: %q, want %q", c.visible, c.tag, got, c.want)
		}
	}
}

func TestStripPinyin(t *testing.T) {
	cases := []struct{ in, want string }{
		{"在全區(qū)7-8月高質量發(fā)展", "在全區7-8月高質量發展"},
		{"經(jīng)濟要穩(wěn)住", "經濟要穩住"},
		{"決戰（zhàn）階段", "決戰階段"},
		{"核酸检测(PCR)阳性", "核酸检测(PCR)阳性"},
		{"方案(a)和方案(b)", "方案(a)和方案(b)"},
		{"(qū)开头", "(qū)开头"},
		{"社會(huì )保障和聯絡(luò )員", "社會保障和聯絡員"}, // a space before the bracket (chengdu.gov.cn mirror)
		{"方案( a )", "方案( a )"},
	}
	for _, c := range cases {
		if got := stripPinyin(c.in); got != c.want {
			t.Errorf("stripPinyin(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJoinWrapped(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"hard wrap inside a sentence (seed 004)",
			[]string{"今天的會議,主要任務是安排部署9-10月份重點工作,以平穩健康的經濟環境迎接黨的", "二十大勝利召開。"},
			[]string{"今天的會議,主要任務是安排部署9-10月份重點工作,以平穩健康的經濟環境迎接黨的二十大勝利召開。"}},
		{"wrapped heading, then body (seed 002)",
			[]string{"二、落实好“一联三帮”机制,确保完成“六稳”“六保”任务,促进民", "营经 济“两个健康”发展", "省委省政府实施的“一联三帮”保企稳业专项行动。"},
			[]string{"二、落实好“一联三帮”机制,确保完成“六稳”“六保”任务,促进民营经 济“两个健康”发展", "省委省政府实施的“一联三帮”保企稳业专项行动。"}},
		{"heading then numbered item",
			[]string{"二、要以一抓到底的決心穩住經濟大盤", "第一，要全力以赴抓招商、引項目。"},
			[]string{"二、要以一抓到底的決心穩住經濟大盤", "第一，要全力以赴抓招商、引項目。"}},
		{"a cue line ends its paragraph",
			[]string{"会议强调:", "要慎终如始抓好疫情防控。"}, []string{"会议强调:", "要慎终如始抓好疫情防控。"}},
		{"label line starts a paragraph",
			[]string{"七、会议对“新农居建设”、“泉水和治理”等项目进展情况进行了通报", "参会人员:李光明 薛满德"},
			[]string{"七、会议对“新农居建设”、“泉水和治理”等项目进展情况进行了通报", "参会人员:李光明 薛满德"}},
		{"a wrapped one-character line",
			[]string{"今年第一季度,在区委区政府的领导下,现将第一季度重点工作完成情况总结如", "下:"},
			[]string{"今年第一季度,在区委区政府的领导下,现将第一季度重点工作完成情况总结如下:"}},
		{"a numbered heading with commas before its paragraph",
			[]string{"一、认真总结成绩,准确把握态势,始终保持加快发展的劲头", "全县上下努力克服疫情影响,经济运行稳中有进。"},
			[]string{"一、认真总结成绩,准确把握态势,始终保持加快发展的劲头", "全县上下努力克服疫情影响,经济运行稳中有进。"}},
		{"a numbered heading wrapped inside a word (seed 002)",
			[]string{"二、落实好“一联三帮”机制,确保完成“六稳”“六保”任务,促进民", "营经 济“两个健康”发展"},
			[]string{"二、落实好“一联三帮”机制,确保完成“六稳”“六保”任务,促进民营经 济“两个健康”发展"}},
		{"a numbered sentence wrapped after a verb (seed 004)",
			[]string{"第二,要防患未然,堅決筑牢", "安全生產防線。九、十月份正是企業產銷兩旺的重要時段。"},
			[]string{"第二,要防患未然,堅決筑牢安全生產防線。九、十月份正是企業產銷兩旺的重要時段。"}},
		{"a numbered item wrapped before a particle",
			[]string{"1、各乡镇要加强对重点企业,重点项目", "的帮扶和服务。"},
			[]string{"1、各乡镇要加强对重点企业,重点项目的帮扶和服务。"}},
		{"a wrapped item with a full stop inside (seed 002)",
			[]string{"(三)加快推动重大项目建设。一是加快推进机场建设。目前,商丘机场", "已经按省发改委要求编制新的可研报告,等待国家民航局重新审批。"},
			[]string{"(三)加快推动重大项目建设。一是加快推进机场建设。目前,商丘机场已经按省发改委要求编制新的可研报告,等待国家民航局重新审批。"}},
		{"a numbered line wrapped before an adverb",
			[]string{"一是加快推进机场建设,目前商丘机场", "已经按省发改委要求编制新的可研报告。"},
			[]string{"一是加快推进机场建设,目前商丘机场已经按省发改委要求编制新的可研报告。"}},
		{"blank lines separate",
			[]string{"一要抓好上半年工作总结分析", "", "二要谋划好下半年"}, []string{"一要抓好上半年工作总结分析", "二要谋划好下半年"}},
	}
	for _, c := range cases {
		var ls []line
		for _, s := range c.lines {
			ls = append(ls, newLine(s))
		}
		if got := joinWrapped(ls); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	in := "\u3000\u3000会议 \n\t指出，\u00a0要\u200b全面\ue602加强 "
	if got, want := collapseSpace(in), "会议 指出， 要 全面 加强"; got != want {
		t.Errorf("collapseSpace = %q, want %q", got, want)
	}
	if strings.Contains(collapseSpace("a\u3000b"), "\u3000") {
		t.Error("U+3000 kept")
	}
}

// TestPrefiltersAreSound checks, for every chrome rule, that a line the
// rule's regexp matches passes its prefilter, on the classify corpus and
// on the rules' own example lines; and that most rules got a prefilter.
func TestPrefiltersAreSound(t *testing.T) {
	lines := []string{"首页", "Produced By 大汉网络", "©2024", "(c) 2020", "推荐使用1920*1080分辨率", "QQ空间",
		"【1】【2】", "1 / 2 下一页", "#天文航天#月球", "a|b|c", "评论(3)", "视频截图", "(截图)", "编辑 刘晓阳 校对 李铭"}
	withPre := 0
	for _, ru := range chromeRules {
		if ru.pre.any != nil {
			withPre++
		}
		for _, l := range lines {
			v := view(collapseSpace(l))
			if ru.re.MatchString(v) && !ru.pre.mayMatch(v) {
				t.Errorf("rule %s matches %q but its prefilter %q rejects it", ru.re, v, ru.pre.any)
			}
		}
	}
	if withPre*10 < len(chromeRules)*9 {
		t.Errorf("only %d of %d rules have a prefilter", withPre, len(chromeRules))
	}
}

// FuzzClassify checks that the prefilters never change a line's kind.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"首页 > 国务院公报 > 2007年第23号", "【打印】 【关闭】", "(C) 2024", "编辑 刘晓阳 校对 李铭", "20190926|国贸|增长率"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := view(collapseSpace(s))
		if got, want := classify(v), classifySlow(v); got != want {
			t.Fatalf("classify(%q) = %d, without prefilters %d", v, got, want)
		}
	})
}

// classifySlow is classify without the prefilters.
func classifySlow(view string) lineKind {
	n := utf8.RuneCountInString(view)
	for _, ru := range chromeRules {
		if n <= ru.maxLen && ru.re.MatchString(view) {
			return ru.kind
		}
	}
	if chromeShape(view) {
		return kindChrome
	}
	return kindBody
}

// pipeRowCorpus: metadata tables saved with | between their cells, and rows
// that are no metadata.
var pipeRowCorpus = []struct {
	in   string
	want map[field]string // nil: no metadata line
}{
	{"有效性 | 有效 | 公开日期: | 2025-04-15 14:43 |", map[field]string{fPublished: "2025-04-15 14:43"}},        // ankang.gov.cn
	{"文号 | 成文日期: | 2025年04月15日 | |", map[field]string{fWritten: "2025年04月15日"}},                        // an empty 文号, then a label
	{"来源: | 发布时间: 2018-05-17 | 浏览次数: 2168", map[field]string{fPublished: "2018-05-17", fNone: "2168"}}, // sxmu.edu.cn: a label and its value in one cell
	{"项目 | 责任单位 | 完成时限", nil},
	{"道路改造 | 市住建局 | 9月底前", nil},
}

func TestParsePipeRow(t *testing.T) {
	for _, c := range pipeRowCorpus {
		pairs, ok := parsePipeRow(c.in, view(c.in), false)
		if ok != (c.want != nil) {
			t.Errorf("%q: ok %v, want %v", c.in, ok, c.want != nil)
			continue
		}
		got := map[field]string{}
		for _, p := range pairs {
			if p.value != "" {
				got[p.field] = p.value
			}
		}
		for f, v := range c.want {
			if got[f] != v {
				t.Errorf("%q: field %v = %q, want %q (pairs %v)", c.in, f, got[f], v, pairs)
			}
		}
	}
}
