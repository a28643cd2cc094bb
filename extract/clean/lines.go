package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/hanzi"
)

// lineKind classifies one line (plain text) or block (HTML) of a page.
type lineKind int

const (
	kindBody      lineKind = iota
	kindChrome             // navigation, widgets, footers, prompts: dropped
	kindTruncated          // paywall / "未完" lines: dropped with a warning
)

// rule is one pattern of chrome, matched on the simplified, width-folded
// view of a line (so 正式會員可完整閱讀 matches 正式会员可完整阅读).
type rule struct {
	re *regexp.Regexp
	// pre skips the regexp on lines without the literals it requires.
	pre prefilter
	// maxLen: the rule applies only to lines of at most this many runes,
	// so that a body sentence quoting 版权所有 stays.
	maxLen int
	kind   lineKind
}

func r(expr string, maxLen int, kind lineKind) rule {
	return rule{regexp.MustCompile(expr), newPrefilter(expr), maxLen, kind}
}

// chromeRules: each with a real line it removes.
var chromeRules = []rule{
	// navigation and breadcrumbs
	r(`^(网站)?首页$`, 8, kindChrome),                                        // 首页
	r(`^(首页)?\s*[>»›]`, 120, kindChrome),                                 // >政府信息公开>政务专题>会议公开>区政府会议
	r(`^(首页\s*)?([^>»]{1,12}\s*[>»›]\s*){2,}`, 120, kindChrome),          // 首页 > 国务院公报 > 2007年第23号
	r(`^(您|你)?(当前|现在)?的?(所在)?位置\s*[:>]`, 160, kindChrome),                // 当前位置:首页>发展改革工作
	r(`^您当前所在位置`, 160, kindChrome),                                       // 您当前所在位置: 首页 >> 新闻中心
	r(`(^|\s)(网站首页|关于我们|联系我们|网站地图|使用说明|隐私政策)(\s|\||$)`, 200, kindChrome), // 网站首页 | 关于我们 | 联系方式
	// footers
	r(`(?i)produced\s+by`, 120, kindChrome),                                    // Produced By 大汉网络 大汉版通发布系统
	r(`ICP备|ICP证|公网安备|网站标识码|网站识别码`, 200, kindChrome),                           // 粤ICP备05102027号 / 网站标识码bm01000001
	r(`版权所有|Copyright|©|\(C\)\s*\d{4}`, 160, kindChrome),                       // 版权所有：中国载人航天工程官方网站
	r(`^(主办|承办|协办|技术支持|维护)(单位)?\s*[:：]`, 200, kindChrome),                      // 主办单位：国务院办公厅
	r(`^(地址|邮编|联系电话|传真|电子邮箱)\s*[:：].{0,60}$`, 80, kindChrome),                  // 地址：凯里市行政中心C座3楼
	r(`推荐.{0,16}分辨率|分辨率.{0,6}(浏览|访问)|浏览器.{0,6}(访问|浏览)本站`, 80, kindChrome),      // 推荐使用1920*1080分辨率
	r(`^(无障碍|适老化|长者模式|切换到繁体|繁体|简体|English|手机版|移动版|政务微博|政务微信)`, 24, kindChrome), // 无障碍浏览版
	r(`即将离开|您访问的链接`, 80, kindChrome),                                           // 您访问的链接即将离开…
	// prompts and disclaimers
	r(`打开.{0,6}(App|APP|app|客户端)|打开(网易|腾讯|搜狐|新浪|凤凰|澎湃|今日头条|人民日报).{0,4}新闻|下载.{0,8}(App|APP|客户端)`, 60, kindChrome), // 打开网易新闻 查看精彩图片
	r(`查看精彩图片|^扫一扫|扫描二维码|在手机打开|手机扫码|长按识别`, 60, kindChrome),                                                       // 扫一扫在手机打开当前页
	r(`^免责声明|^声明\s*[:：]|不代表本(网|站|平台)|本网转载|如有侵权|侵犯了您的版权`, 400, kindChrome),                                        // 免责声明:本网转载自其它媒体的文章…
	r(`^(核心提示|导读|摘要)\s*[:：]`, 300, kindChrome),                                                                   // 核心提示:5月7日下午,开发区召开…
	// widgets
	r(`字号\s*[:：]|字体\s*[:：]|^\[?(大|中|小)\]?\s*\[?(大|中|小)\]`, 80, kindChrome), // 字号:[ ]  字体：放大 正常 缩小
	r(`(访问|浏览|阅读|点击)(次数|量|数)\s*([:：]|$)`, 60, kindChrome),                  // 浏览次数：
	r(`[\[【](打印|关闭|打印本页|关闭窗口)[\]】]`, 40, kindChrome),                       // 【打印本页】【关闭窗口】
	r(`^(分享到?|分享至|转发|微信|微博|QQ空间)\s*[:：]?$`, 8, kindChrome),                 // 分享到：
	r(`^([-·•*]\s*)?(上一篇|下一篇|上一条|下一条)\s*[:：]?`, 200, kindChrome),           // 上一篇： 凯里市2024年…询价公告 / - 下一篇:新任区长供职
	r(`^(本文)?相关(稿件|新闻|阅读|链接|文章|推荐)\s*[:：]?$|^推荐内容$|^(推荐图文|推荐资讯|推荐阅读|点击排行|热门搜索|热点新闻|猜你喜欢|友情链接)`, 40, kindChrome), // 相关稿件 / 本文相关新闻 / 推荐内容 (under a report's text)
	r(`^更多\s*[>»]|更多>同类资讯`, 40, kindChrome),                                             // 更多>同类资讯
	r(`^[(（]?(责任编辑|责编|编辑|审核|校对|来源|作者|记者)\s*[:：|丨][^。?？!！]{1,40}[)）]?$`, 60, kindChrome), // （责任编辑：周雁） / 责编|陈梦莹 / 来源|广州参考、广州南沙发布、羊城晚报
	r(`^收藏(《|$)`, 200, kindChrome),                                                      // 收藏《在全区7-8月…讲话》
	r(`位访客|访问(量|人次)\s*[:：]|建议使用.{0,24}(浏览器|分辨率)|政府网站找错|^党政机关$|支持\s*IPv6|^网站(声明|纠错|导航)$`, 60, kindChrome), // 您是本站第123456位访客 / 我为政府网站找错 / 本网站支持IPv6
	r(`^[(（]原题为?[《“]`, 80, kindChrome), // （原题为《是“收割韭菜”还是“回归理性”》）
	r(`^点击菜单栏|解锁更多服务|点击.{0,6}(关注我们|阅读原文)|长按.{0,6}(二维码|识别)`, 40, kindChrome),                                  // 点击菜单栏【便民服务】解锁更多服务！
	r(`发送邮件至.{0,40}申请|申请加入.{0,10}(号|媒体团)|点.{0,2}[【\[]?在看[】\]]?|^看都看完了`, 60, kindChrome),                      // 发送邮件至zhengwu@thepaper.cn申请加入澎湃政务号或媒体团 / 看都看完了，点【在看】试试
	r(`^([^,，。|]{1,16}\|){2,}[^,，。|]{1,16}$`, 80, kindChrome),                                                // 20190926|国贸|增长率|全球经济 / 产品答疑|网站律师|SINA English
	r(`[【\[]点击.{1,6}[】\]]`, 120, kindChrome),                                                                 // …评选”火热进行中！【点击投票】Pick你心目中的商业领袖
	r(`^(特别声明|声明|免责声明)$|公众号$|^(文章)?(关键词|关键字|标签|Tags?)\s*[:：]`, 24, kindChrome),                               // 特别声明 / 新浪新闻公众号 / 文章关键词： 辟谣 外泄 账号
	r(`^视频[-:：]|安装.{0,10}客户端|^我要(反馈|跟帖|评论|纠错)$`, 60, kindChrome),                                             // 视频-陈同佳出狱 鞠躬说“对不起” / 安装新浪财经客户端第一时间接收… / 我要跟帖
	r(`扫描.{0,6}二维码|关注.{0,12}官方(微信|微博|公众号)`, 80, kindChrome),                                                  // 更多猛料！欢迎扫描左方二维码关注新浪新闻官方微信
	r(`^(编辑|责编|记者)\s+\S{2,4}(\s+(校对|审核|监制|编辑)\s+\S{2,4})+$`, 30, kindChrome),                                 // 编辑 刘晓阳 校对 李铭
	r(`仅代表.{0,6}(作者|本人).{0,10}观点|不代表.{0,12}(观点|立场)|申请.{0,6}号请用电脑访问`, 200, kindChrome),                        // 本文仅代表作者观点，不代表澎湃新闻的观点或立场
	r(`^.{1,20}[。,，\s](视觉中国|东方IC|图虫创意|IC photo|新华社发|资料图|资料|供图|视频截图|截图)$|[(（](视频)?截图[)）]$`, 40, kindChrome),   // 共享充电宝。视觉中国 资料
	r(`^[(（【\[]?(本文)?原标题\s*[:：]`, 120, kindChrome),                                                           // （原标题：多地项目连环爆雷 狂奔的龙湖集团“暗伤”曝露？）
	r(`(本文|文章)来源\s*[:：].{0,30}责任编辑|^[(（【\[]?(责任编辑|责编)\s*[:：]|[【\[]纠错[】\]]`, 80, kindChrome),                  // 本文来源：新京报 责任编辑：杜硕_NB12556 / 【纠错】 责任编辑： 尹世杰
	r(`^[【\[(（]?(编辑|审核|校对|审校|监制)\s*[:：/|丨][^,，。?？!！;；]{1,20}[】\])）]?$`, 40, kindChrome),                      // 【编辑：姚昊】
	r(`^[【\[(（]?([初二三终复]审)?(责任编辑|责编|编辑|审核|校对|审校|监制)\s*[:：]\s*[】\])）]?$`, 12, kindChrome),                     // 初审编辑: (a credit whose name was not filled in)
	r(`未经(允许|授权|许可)不得转载|转载请(注明|联系)|版权声明\s*[:：]`, 120, kindChrome),                                            // 未经允许不得转载，如需转载请联系market#csdn.net
	r(`^相关(资讯|推荐|报道|专题)|^(延伸阅读|推荐阅读|热门推荐|热门文章|精彩推荐)`, 60, kindChrome),                                        // 相关资讯请关注:逆水寒专区
	r(`^(点击|戳)(进入|这里|查看|阅读).{0,20}(>>|》》|→)?$|>>$|^返回.{0,8}首页`, 30, kindChrome),                              // 点击进入“文艺星青年”>>
	r(`^([\[【]\d+[\]】]\s*)+$|^上一页|下一页$|^\d+\s*/\s*\d+\s*下一页`, 60, kindChrome),                                // 【1】【2】【3】【4】 / 上一页 1/2 下一页
	r(`^(#[^#\s]{1,20}#?\s*){2,}$`, 80, kindChrome),                                                          // #天文航天#月球#中国航天 #嫦娥五号
	r(`^\+?关注$|^(已关注|取消关注|举报|点赞|在看|赞赏|评论\s*\(?\d*\)?)$|^已输入\d+字`, 12, kindChrome),                            // 关注 / 评论（0） / 已输入0字
	r(`^(图集|组图|视频|音频)$|^[(（]?(摄影|图片|图|摄)\s*[:：/][^,，。?？!！;；]{1,20}[)）]?$`, 30, kindChrome),                   // 图集 / 摄影：产品经理
	r(`^(微信|微博|QQ|QQ空间|朋友圈|分享)(\s+(微信|微博|QQ|QQ空间|朋友圈|复制链接))+$|^分享至好友和朋友圈`, 40, kindChrome),                   // 微信 微博
	r(`山西省人民政府网提示|温馨提示\s*[:：]?$`, 80, kindChrome),                                                            // 山西省人民政府网提示
	r(`^(下午好|上午好|晚上好|你好|您好)[,，].{0,8}(登录|注册)`, 40, kindChrome),                                               // 下午好，请登录
	r(`^\d{1,2}\s*[、.]\s*回复\s*[【\[「“]?[^】\]」”]{1,12}[】\]」”]?\s*(查看|查询|获取|了解|看看|领取)`, 40, kindChrome),         // 1、回复【公租房】查看最新消息 (an account's keyword menu)
	r(`下载.{0,8}(App|APP|app|客户端).{0,12}(福利|红包|优惠|特权|奖励)`, 120, kindChrome),                                   // …快来新浪众测，体验各领域最前沿…的产品吧~！下载客户端还能获得专享福利哦！
	r(`^(自动播放|连播)(\s|$)`, 60, kindChrome),                                                                    // 自动播放 苹果发布新iPhone 11：配6种颜色 (a video player's controls)
	r(`[。\s][^,，。\s]{1,16}供图(\s\S{1,6})?$`, 60, kindChrome),                                                  // “救命啊SOS”纸团。沙坪坝区公安分局供图 华龙网发
	r(`^(本文)?(信息|图片|内容|文章|素材|部分图片)(均)?(来源|来自|选自)于?网络|^经.{1,8}(重新)?(编排|整理|编辑)$`, 30, kindChrome),              // 信息来源于网络 / 经过文刃重新编排
	r(`^(您好[,!]?\s*)?欢迎(您)?(进入|访问|来到|光临|登录)[^,。]{0,30}(网站|网|平台|主页|门户|频道|官网)[!。]?$`, 40, kindChrome),          // 欢迎进入洛阳市偃师区人民政府网站!
	r(`^今天是\s*:?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周)[一二三四五六日天]`, 40, kindChrome),                // 今天是:2024年3月4日 星期一 (a portal's date widget)
	r(`^(微信|手机|请用手机)?扫一扫[,，\s]*(用手机看|关注|赞赏|分享)`, 40, kindChrome),                                             // 扫一扫，用手机看新闻！(qq.com) / 微信扫一扫赞赏作者 / 微信扫一扫关注，或者搜索（驱动之家）关注
	r(`(本站|本网|小编)为(你|您|大家)(精心)?(整理|收集|搜集|准备|推荐)`, 200, kindChrome),                                           // 前言:本站为你精心整理了县经济发展情势会上县长发言范文,…我们的客服老师可以帮助你…
	r(`文档为word格式|可任意(修改|编辑)|word版(本)?下载`, 60, kindChrome),                                                    // （此文档为word格式，可任意修改编辑！） (essay and document sites)
	r(`^本篇文章(共)?\d+字|^本文字数\s*[:：]?\s*\d+|读完(约|大约)?需?\d+分钟|(预计|阅读)(时间|时长|用时)?(约|大约)?需?\d+分钟`, 40, kindChrome), // 本篇文章434字,读完约1分钟 (shcafe.org) / 本文字数:516 (an e-paper)
	r(`^[■□◆●]\s*(本报)?(记者|通讯员|见习记者)?\s*\p{Han}{2,4}(\s+\p{Han}{2,4}){0,3}$`, 24, kindChrome),                 // ■田冲 (an e-paper's byline)
	r(`查看隐藏内容|需先登录|需要先登录|登录后(查看|可见|阅读)|阅读全部.{0,4}内容`, 40, kindChrome),                                        // 查看隐藏内容(*)需先登录 (caigoupt.com) / (阅读全部图文内容,您需要先登录!)
	r(`^请?(点击|添加|加|扫码).{0,20}(联系|咨询)(老师|客服)`, 40, kindChrome),                                                // 请点击👉 mbgs777 👈联系老师
	r(`^第\s*[0-9A-Z]{1,3}\s*版\s*:`, 30, kindChrome),                                                          // 第01版:头版 (an e-paper's page label)
	// paywalls and cut texts: warning "truncated: <line>"
	r(`未完.{0,4}全文共\s*\d+\s*字|当前仅显示\d+字|正式会员可完整阅读|省略\d+字|余下全文|阅读全文|剩余\d+%未读`, 200, kindTruncated), // ……(未完,全文共7174字,当前仅显示2519字…
	r(previewEndExpr, maxPreviewEnd, kindTruncated), // 预览结束,免费获取全文或定制代笔此类文章!
}

// classify returns the kind of a line, given its simplified view. Every
// rule has a length bound and a literal prefilter, and most lines are long
// prose without a rule's keywords, so few lines reach a regexp.
func classify(view string) lineKind {
	n := utf8.RuneCountInString(view)
	for _, ru := range chromeRules {
		if n > ru.maxLen {
			continue
		}
		if ru.pre.mayMatch(view) && ru.re.MatchString(view) {
			return ru.kind
		}
	}
	if chromeShape(view) {
		return kindChrome
	}
	return kindBody
}

// isMenuLine reports a line of many short space- or bar-separated items
// (氢能科技 沙蓬绿色种养产业模式 联源科技 超联科技 园区 园区): a menu.
func isMenuLine(view string) bool {
	fields := strings.FieldsFunc(view, func(r rune) bool { return unicode.IsSpace(r) || r == '|' || r == '丨' })
	if len(fields) < 4 {
		return false
	}
	short := 0
	for _, f := range fields {
		if utf8.RuneCountInString(f) <= 10 && !strings.ContainsAny(f, "，。,；;：") {
			short++
		}
	}
	return short*4 >= len(fields)*3
}

// collapseSpace collapses runs of white space (also U+3000, no-break and
// zero-width spaces, icon glyphs) to one space and trims the ends.
func collapseSpace(s string) string {
	if collapsed(s) {
		return s // block texts are collapsed once and read again as lines
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isCollapsible(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isCollapsible: white space, and private-use runes, which are icon-font
// glyphs (a share button's 微信 icon).
func isCollapsible(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' || r == '\ufeff' || r >= 0xE000 && r <= 0xF8FF
}

// collapsed reports whether collapseSpace would return s unchanged: valid
// UTF-8, no white space but single inner ASCII spaces.
func collapsed(s string) bool {
	prevSpace := true // a leading space is not collapsed
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case r == utf8.RuneError, isCollapsible(r):
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// view is the simplified, width-folded form lines are classified on.
func view(s string) string { return hanzi.View(s) }
