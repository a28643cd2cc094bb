package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/hanzi"
)

// Chrome by kind, not by site: the buttons and links every portal prints
// (a table of UI words), and shapes of lines that need no word list — a
// line of file names or URLs, the leftovers of a CMS template, a line of
// separators alone. Each row quotes the real line it was written for.

// uiWords are the words of a page's buttons and links. A line made only of
// them, with brackets, counts and separators, is chrome ("[打印此页] [关闭本页]",
// "评论 |"); a sentence that mentions one is not.
var uiWords = []string{
	"打印", "关闭", // 打印 / 关闭 (fgw.zj.gov.cn)
	"打印此页", "关闭本页", // [打印此页] [关闭本页] (xinhuaqu.gov.cn)
	"打印本页", "关闭窗口", // 打印本页 关闭窗口
	"打印正文", "打印文章", "关闭此页", // 【打印正文】 / [打印文章] [关闭此页]
	"收藏", "收藏本页", "加入收藏", // 收藏 (163.com)
	"分享", "分享到", // 分享 (shanxi.gov.cn)
	"评论", "发表评论", "我要评论", "跟贴", // 评论 | (nzgx.org), 评论 (163.com)
	"回复", "举报", "关注", "点赞", "发表", "取消", // 回复 / 举报 (163.com), 关注 (csdn.net), 发表 (guancha.cn), 取消 (gamersky.com)
	"收起", "展开", // 收起 (dongzhi.gov.cn, under 扫一扫在手机打开当前页)
	"更多", "查看更多", "查看全部", // 更多 / 查看全部 (163.com)
	"返回", "返回顶部", "返回列表", "顶部", // 返回顶部 (kaili.gov.cn)
	"纠错", "我要纠错", // [纠错]
	"登录", "注册", "退出", // 登录 注册 退出 (gov.cn)
	"设为首页",                     // 设为首页 (baijiahao.baidu.com)
	"微信", "微博", "QQ空间", "复制链接", // 分享到：微信 微博 QQ空间
	"微信扫一扫", "扫一扫", // 微信扫一扫 (ednchina.com, WeChat articles)
	"下载", "下载本文", "下载文档", "收藏本文", "打印本文", // 下载本文 (essay sites, under the text)
	"上一版", "下一版", "上一期", "下一期", "版面导航", "返回目录", // 上一版  下一版 (e-papers)
	"全文", // 全文 (the link under a plan's title on a traditional mirror)
}

// uiLineRE is a line of UI words only.
var uiLineRE = regexp.MustCompile(uiLineExpr)

// uiFirst holds the first runes of the UI words and of the brackets a
// button may open with: a line that opens with none is no line of buttons.
var uiFirst = func() map[rune]bool {
	m := map[rune]bool{'[': true, '【': true, '(': true}
	for _, w := range uiWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	return m
}()

// maxUILine bounds a line of buttons.
const maxUILine = 40

// uiLine reports a line of UI words only ([打印此页] [关闭本页], 评论 |, 收起).
func uiLine(v string) bool {
	t := strings.TrimLeft(v, " |丨/·•:-")
	r, _ := utf8.DecodeRuneInString(t)
	return uiFirst[r] && utf8.RuneCountInString(v) <= maxUILine && uiLineRE.MatchString(v)
}

// uiLineExpr is the expression of uiLineRE.
var uiLineExpr = func() string {
	words := append([]string(nil), uiWords...)
	// longest first, so that 打印此页 is one word, not 打印 and a rest
	for i := range words {
		for j := i + 1; j < len(words); j++ {
			if len(words[j]) > len(words[i]) {
				words[i], words[j] = words[j], words[i]
			}
		}
	}
	button := `(?:[\[【(]\s*)?(?:` + strings.Join(words, "|") + `)(?:\s*[\]】)])?(?:\(\d*\)|\d+)?`
	sep := `[\s|丨/·•:-]*`
	return `^` + sep + `(?:` + button + sep + `)+$`
}()

// separatorRE is a line of separators alone: the | left between two links
// that were not saved (nzgx.org: "评论 |" then "|").
var separatorRE = regexp.MustCompile(`^[|丨/\\·•_=*~—-]+(?:\s+[|丨/\\·•_=*~—-]+)*$`)

// webExt are the extensions of files a page shows but a text never names
// alone: images, pages, site maps. Documents (.doc, .pdf) are attachments
// and stay (附件4：减免报名费申请.doc).
const webExt = `s?html?|php|aspx?|jsp|xml|json|css|js|jpe?g|png|gif|bmp|webp|svg|ico`

// fileTokenRE is one token that is a file name or an address:
// 微信图片_20230303170500.jpg, d7d1bb3e276440db7543b3acef375f8.jpg,
// sitemap.xml, content_265474.html, http://…, www.….
var fileTokenRE = regexp.MustCompile(`(?i)^(?:(?:https?://|www\.)\S+|[^\s，。,;；:：]+\.(?:` + webExt + `))$`)

// markupTokenRE is a token with the remains of markup or a template
// (/enpproperty-->, <!--, </p>, &nbsp;, {$title}, ${content}, {{ body }}).
var markupTokenRE = regexp.MustCompile(`-->|<!--|</?[A-Za-z]|/>|&[a-z]{2,6};|^/[A-Za-z]|\{\$|\$\{|\{\{|\}\}`)

// fileLine reports a line whose every token is a file name or an address
// (an image's name printed where the image was, a site map's links).
func fileLine(v string) bool {
	if strings.HasPrefix(v, "附件") {
		return false // 附件1.jpg: a notice's attachment
	}
	if !strings.Contains(v, ".") {
		return false // every file name and address has a dot
	}
	for f := range strings.FieldsSeq(v) {
		if !fileTokenRE.MatchString(f) {
			return false
		}
	}
	return true
}

// leftoverLine reports the remains of a CMS template printed as text: a
// line without sentence punctuation, with a file name, address or markup
// among its tokens, most of which hold no Han (今日龙游 e-paper:
// "2022-09-05 14 14 今日龙游 content_265474.html 1 3 县十四届…召开 /enpproperty-->").
func leftoverLine(v string) bool {
	if !strings.ContainsAny(v, "./<>&{}") {
		return false // a file name, an address or markup has one of these
	}
	code, bare, n := 0, 0, 0
	for f := range strings.FieldsSeq(v) {
		n++
		if fileTokenRE.MatchString(f) || markupTokenRE.MatchString(f) {
			code++
		}
		if hanCount(f) == 0 {
			bare++
		}
	}
	return code > 0 && bare*2 > n
}

// maxShapeBytes bounds the lines the shape tests look at (about 200
// Chinese characters): a paragraph of text is longer.
const maxShapeBytes = 600

// viewSentencePunct is the sentence punctuation of a view, where ，；！？
// are folded to ASCII: none of the shapes has any.
const viewSentencePunct = "。,;!?"

// chromeShape reports a line that is chrome by its shape alone.
func chromeShape(v string) bool {
	if v == "" || len(v) > maxShapeBytes || strings.ContainsAny(v, viewSentencePunct) {
		return false
	}
	return uiLine(v) || separatorRE.MatchString(v) || fileLine(v) || leftoverLine(v) || creditLine(v)
}

// creditItemRE is one credit of the people who wrote, shot or checked an
// article: "区政府办供稿", "摄影/张艳", "一审:王某". A byline without a mark
// (新京报记者 陆一夫) is no credit: goldens keep it as the article's.
var creditItemRE = regexp.MustCompile(`^(?:[^,。;!?:/|丨]{2,20}(?:供稿|供图|来稿)|(?:供稿|供图|撰稿|摄影|摄|文|文图|图文|编辑|责编|责任编辑|本版责编|本版编辑|美编|图片编辑|制图|版式|审核|审校|校对|责任校对|监制|[一二三]审|初审|复审|终审|记者|通讯员|作者)[:/|丨][^,。;!?\s]{1,20})$`)

// creditLine reports a line of credits only (zyyfy.com: "医技药剂党支部、药剂科供稿
// 摄影/张艳 编辑/苏芳"; bagongshan.gov.cn: "区政府办 供稿"; pos111.cn:
// "區委新聞辦供圖"), also in brackets; a sentence that mentions 供稿 has
// punctuation and stays. A field that is no credit alone may be one with
// the field after it ("区政府办 供稿", "摄影/ 张艳").
func creditLine(v string) bool {
	if !strings.ContainsAny(v, "稿图编:/|丨审") || utf8.RuneCountInString(v) > maxCredits {
		return false
	}
	n, held := 0, ""
	for f := range strings.FieldsSeq(strings.Trim(v, "()[]【】 ")) {
		if held != "" {
			f, held = held+f, ""
			if !creditItemRE.MatchString(f) {
				return false
			}
		} else if !creditItemRE.MatchString(f) {
			held = f
			continue
		}
		n++
	}
	return n > 0 && held == ""
}

// maxCredits bounds a line of credits.
const maxCredits = 80

// lostIndentRE is a paragraph indent of ideographic spaces that a lossy
// conversion turned into question marks (德州 mirror: "??? 德州新聞網訊…").
var lostIndentRE = regexp.MustCompile(`^\?{2,}\s*`)

// trailingBarRE is a separator left after a paragraph's last sentence
// (huxianbbs: "…保障换届工作平稳、有序开展。 |").
var trailingBarRE = regexp.MustCompile(`([。！？!?”])\s+[|丨]+$`)

// tidyEdges removes a lost indent and a trailing separator from a line.
func tidyEdges(s string) string {
	if strings.HasPrefix(s, "??") {
		if t := lostIndentRE.ReplaceAllString(s, ""); opensText(firstRune(t)) {
			s = t
		}
	}
	if strings.HasSuffix(s, "|") || strings.HasSuffix(s, "丨") {
		s = trailingBarRE.ReplaceAllString(s, "$1")
	}
	return s
}

// opensText: a rune a paragraph may open with (a character, a digit, an
// opening quote or bracket), not a question mark of the sentence before.
func opensText(r rune) bool {
	return hanzi.IsHan(r) || r >= '0' && r <= '9' || strings.ContainsRune("“‘《（(【", r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// previewEndExpr ends a document site's free preview; what follows is the
// site's offer, not the text (huaboedu.com: "预览结束,免费获取全文或定制代笔此类文章!").
const previewEndExpr = `^(预览|试读|试看)(已)?结束|免费(获取|下载|阅读)全文`

var previewEndRE = regexp.MustCompile(previewEndExpr)

// maxPreviewEnd bounds a preview's end line.
const maxPreviewEnd = 60

// cutAtPreviewEnd drops the end of a preview and every line after it,
// when it comes after most of the text (late, see latterHalf), with a
// warning "truncated: <line>".
func cutAtPreviewEnd(lines []line, late []bool, warnings *[]string) []line {
	for i, l := range lines {
		if late[i] && !l.blank && utf8.RuneCountInString(l.view) <= maxPreviewEnd && previewEndRE.MatchString(l.view) {
			*warnings = append(*warnings, "truncated: "+l.text)
			return lines[:i]
		}
	}
	return lines
}

// siteEchoes marks, from line from on, the lines that repeat the page's
// strings instead of adding text: the title printed again inside or under
// the article, and, after the last paragraph of prose, a line printed
// twice there (zt1388.com: "杭州:到2025年 基本建成…" once more above the
// site map; huaboedu.com: the same contact line twice). A signature that
// repeats the issuer of a red head above the text stays. lastProse is the
// last line of prose (see lastProse); tail counts the lines of the page's
// tail, nil to count them in lines.
func siteEchoes(lines []line, from int, titleView string, lastProse int, tail map[string]int) []bool {
	if tail == nil {
		tail = countTail(lines[lastProse+1:], nil)
	}
	echo := make([]bool, len(lines))
	for i := from; i < len(lines); i++ {
		l := lines[i]
		if l.blank || hanCount(l.view) == 0 {
			continue
		}
		c := compact(l.view)
		echo[i] = titleView != "" && c == titleView || i > lastProse && tail[c] > 1
	}
	return echo
}

// countTail adds to counts (nil: a new map) how often each line of the
// page's tail with Chinese text is printed: only those can be echoes.
func countTail(tail []line, counts map[string]int) map[string]int {
	if counts == nil {
		counts = make(map[string]int)
	}
	for _, l := range tail {
		if !l.blank && hanCount(l.view) > 0 {
			counts[compact(l.view)]++
		}
	}
	return counts
}

// lastProse is the index of the last line of running text from line from
// on (from-1 when there is none): what follows it is the page's tail.
func lastProse(lines []line, from int) int {
	last := from - 1
	for i := from; i < len(lines); i++ {
		if l := lines[i]; !l.blank && l.kind == kindBody && looksBody(l.view) {
			last = i
		}
	}
	return last
}

// idTokenRE is a token of a machine's making: letters and digits joined
// by marks no text uses (an ad slot ad9_210*60, a template variable
// page_id=12), or a lower-case handle with a number (mbgs777). Indicators
// and models (PM2.5, 5G, H7N9, ISO9001, COVID-19) are none.
var idTokenRE = regexp.MustCompile(`^(?:[A-Za-z\d]+[_*=#][A-Za-z\d_*=#]*|[a-z]{2,}\d{3,})$`)

// edgeKind judges a line at the body's edge (above its first or under its
// last paragraph) whose tokens are mostly not Chinese and that has no
// sentence punctuation: chrome when a token is a machine's identifier
// (taiwan.cn: "ad9_210*60"); doubt when it holds no Han at all and is no
// date or number (an English word under a Chinese article): kept, with a
// warning; else body.
func edgeKind(v string) (chrome, doubt bool) {
	if strings.ContainsAny(v, viewSentencePunct) {
		return false, false
	}
	bare, n, id := 0, 0, false
	for f := range strings.FieldsSeq(v) {
		n++
		if hanCount(f) == 0 {
			bare++
			id = id || idTokenRE.MatchString(f)
		}
	}
	if n == 0 || bare*2 <= n {
		return false, false
	}
	if id {
		return true, false
	}
	return false, hanCount(v) == 0 && mostlyLetters(v)
}

// mostlyLetters: more Latin letters than digits (a word, not a date, a
// number or a row of figures such as "PM2.5 32 28").
func mostlyLetters(v string) bool {
	letters, digits := 0, 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r < 0x80 && r|0x20 >= 'a' && r|0x20 <= 'z':
			letters++
		}
	}
	return letters > digits
}
