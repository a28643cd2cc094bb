package directive

import (
	"fmt"
	"strings"
	"testing"
)

// markerCorpus: paragraphs (one a line) and the items found in them, as
// marker/style/ordinal. Real sentences of the seeds, the gold pages and
// speeches of the same kind; every false-marker guard has a row.
var markerCorpus = []struct {
	name, text string
	want       []string
}{
	// Every style.
	{"chapter", "一、会议传达学习了习近平总书记重要讲话和重要指示精神\n二、会议分别听取了关于起草说明的汇报",
		[]string{"一、/chapter/1", "二、/chapter/2"}},
	{"chapter before a year", "一、2024年工作开展情况\n二、2025年工作计划", []string{"一、/chapter/1", "二、/chapter/2"}},
	{"chapter eleven", "十、纪律监督\n十一、本《实施方案》及未尽事宜由凯里市事业单位招聘工作领导小组办公室解释。",
		[]string{"十、/chapter/10", "十一、/chapter/11"}},
	{"paren full-width", "（一）招聘对象（满足下列相关条件）\n（二）招聘条件",
		[]string{"（一）/paren/1", "（二）/paren/2"}},
	{"paren half-width run in", "一、坚持问题导向,紧盯目标,确保完成全年各项工作任务 (一)扬优势、补短板。自今年疫情开始以来,我们主要做了以下工作。\n(二)抓关键、破瓶颈。",
		[]string{"一、/chapter/1", "(一)/paren/1", "(二)/paren/2"}},
	{"yao", "一要抓好上半年工作总结分析。以半年模拟考核为基础。\n二要谋划好下半年和明年重点项目、重点工作。",
		[]string{"一要/yao/1", "二要/yao/2"}},
	{"yao run in", "会议强调,要统筹兼顾、重点突破,推动三年行动首战告捷。一要紧扣全年目标任务。要坚持目标不变。二要紧抓重大项目建设。",
		[]string{"要/bare/0", "一要/yao/1", "二要/yao/2"}},
	{"shi run in", "二要谋划好下半年和明年重点项目、重点工作。一是加快债券建设支出进度。全面梳理。二是抓紧筛选明年重点项目。三是全面谋划布局项目。",
		[]string{"二要/yao/2", "一是/shi/1", "二是/shi/2", "三是/shi/3"}},
	{"shi traditional", "因此,在下步工作中,要做到“三個切實”。一是要切實開展安全生產大排查大整治活動。二是要切實加強重點行業安全監管。",
		[]string{"一是/shi/1", "二是/shi/2"}},
	{"shi across a wrapped line", "但目前金融服务企业发展方面存在的问题主要有两个:一是企业中长期贷款较\n少,二是企业无还本续贷和还款延期展期诉求高。",
		[]string{"一是/shi/1", "二是/shi/2"}},
	{"di", "第一,要全力以赴抓招商、引項目。\n第二，要防患未然，坚决筑牢安全生产防线。\n第三、要盯死看牢。",
		[]string{"第一/di/1", "第二/di/2", "第三/di/3"}},
	{"arabic", "1．具有国家承认的学历。\n2．部分岗位定向招聘应届毕业生。\n3、近期同底免冠一寸彩色证件照片3张。\n4.报考岗位要求的其他资格证书。",
		[]string{"1．/arabic/1", "2．/arabic/2", "3、/arabic/3", "4./arabic/4"}},
	{"paren arabic", "（1）仍在岗服务的“四项目人员”报考的须提供主管部门出具的同意报考证明。\n(2)定向招聘在指定乡镇服务满12个月及以上的乡镇服务人员。",
		[]string{"（1）/paren-arabic/1", "(2)/paren-arabic/2"}},
	{"circled", "三要抓好升规纳统工作。①做好业务培训,打造业务过硬统计队伍;②每月将新注册企业推送到各行业主管部门和各街区。",
		[]string{"三要/yao/3", "①/circled/1", "②/circled/2"}},
	{"closing bracket only", "1）统筹推进复工复产；2）抓好安全生产。\n⑴做好培训。⑵定期走访。",
		[]string{"1）/paren-arabic/1", "2）/paren-arabic/2", "⑴/paren-arabic/1", "⑵/paren-arabic/2"}},
	{"dingbat circled", "❶做好业务培训；❷每月推送名单。", []string{"❶/circled/1", "❷/circled/2"}},
	{"invisible marks before a marker", "\ufeff一、总体要求\n\u200b　二、主要任务", []string{"一、/chapter/1", "二、/chapter/2"}},
	{"chapter with a dot", "一．总体要求\n二．主要任务", []string{"一．/chapter/1", "二．/chapter/2"}},
	{"sequence", "首先，要提高政治站位。其次要压实工作责任。最后，要强化督查问责。",
		[]string{"首先/sequence/1", "其次/sequence/2", "最后/sequence/3"}},
	{"bare after cue", "会议强调:\n要慎终如始抓好疫情防控。全区上下要认真学习领会。\n要持之以恒强化廉政建设。",
		[]string{"要/bare/0", "要/bare/0"}},
	{"bare series after a cued bare paragraph", "会议强调，要进一步提高政治站位，科学谋划重大项目。\n要聚焦群众急难愁盼问题，谋划实施一批重大项目。\n会议还研究了其他事项。\n要做好保密工作。",
		[]string{"要/bare/0", "要/bare/0"}},
	{"bare by the host", "黄腾要求，要对号入座，逐项整改到位。", []string{"要/bare/0"}},
	{"bare with subject", "会议强调，各级各部门要压实责任，转变作风。", []string{"要/bare/0"}},
	{"bare after a topic clause", "针对《政府工作报告》任务分解情况,黄腾要求,要对号入座,抓好落实。各街道、各单位要对照自身任务建立台账。\n对于一季度大气污染防治工作情况,黄腾强调,大气污染防治形势依然严峻,要深入持久。\n就做好“三年行动”相关工作,周大庆强调,要提高政治站位。",
		[]string{"要/bare/0", "要/bare/0"}},
	{"bare after a report sentence", "会议传达学习贯彻习近平总书记关于防汛救灾工作的重要指示精神。会议强调,要立足于“防大汛、抗大灾、抢大险”,坚持预防预备和应急处突相结合。",
		[]string{"要/bare/0"}},
	{"bare after several report sentences", "会议传达学习全市工业企业复工复产动员部署会议精神,并听取全区工业企业复工复产情况汇报。截至8月底,全区工业企业复工复产率达99.6%。会议强调,相关部门要精心组织,推动企业有序复工复产。",
		[]string{"要/bare/0"}},
	{"bare after a 会前 report, long subject", "会前学习了《四川省城乡规划条例》。会议要求,全县各级各部门要进一步深入学习条例。\n会议审议了《丹棱县2018年度经济社会发展主要目标及分解表》。会议强调,各乡镇、各园区及县级有关部门要进一步强化目标意识。",
		[]string{"要/bare/0", "要/bare/0"}},
	{"bare with a bracketed subject", "卢杜林要求,各乡(镇)、各部门(单位)要高度重视,强化红线意识。", []string{"要/bare/0"}},
	{"the meeting's cue as a clause of its own in its report (lcxw.cn)", "会议专题调度了国庆节、中秋节“双节”期间重点工作筹备情况,强调,要抓好经济运行,加强分析监测。\n会议听取了关于全市耕地保护工作情况汇报,并强调,各县区要压实耕地保护责任。",
		[]string{"要/bare/0", "要/bare/0"}},
	{"a bystander's clause inside a report is no cue", "会议听取了全区经济运行情况汇报,专家指出,要理性看待。", nil},
	{"a quoted speaker inside a report is no cue", "会议听取了全区经济运行情况汇报。据统计,全区增长5%。专家指出,要理性看待。", nil},
	{"bare, traditional", "會議強調,要全力貫徹中央經濟工作會議部署,積極謀劃區域經濟發展策略。\n溫助民強調,各級各部門要認真學習領會習近平總書記重要講話。",
		[]string{"要/bare/0", "要/bare/0"}},
	{"cue sentence that is not an instruction", "會議指出,四季度是收官收口、實現目標的關鍵季。要全面盤點工作進度。\n会议传达学习习近平总书记重要指示精神,强调要扛牢作风建设政治责任。", nil},

	// Markers of no words.
	{"markers with nothing between them", "①②③④⑤⑥⑦⑧⑨⑩", nil},
	{"items cited by their markers", "有本办法第十条（一）（二）项所列情形之一的，不予受理。", nil},
	{"a heading on the line after its marker", "（一）\n加强组织领导。各部门要高度重视。\n（二）\n强化督查考核。", []string{"（一）/paren/1", "（二）/paren/2"}},

	// False markers.
	{"统一是", "全面构建亲清统一是新型政商关系的根本。", nil},
	{"进一步要", "各部门进一步要加大工作力度，确保各项工作落地。", nil},
	{"一要素", "把数据作为一要素纳入统计，二要素另行说明。", nil},
	{"第一方阵", "确保三季度、全年指标都大幅提升,主要经济指标增速位居全市第一方阵。", nil},
	{"第一议题", "坚持把学习贯彻习近平总书记重要讲话作为区政府常务会议第一议题,着力在深学细研上下功夫。", nil},
	{"一是一、二是二", "坚持一是一、二是二，实事求是反映情况。", nil},
	{"10个招商局", "分管县级领导要积极带头开展走请活动,10个招商局要切实发挥招商引资主力军的作用。", nil},
	{"years", "会议分别听取了关于《营商环境创新2022年行动计划》的汇报。2022年,全区完成投资1.56万亿元。", nil},
	{"periods", "1-8 月份,全市规模以上工业增加值同比增长2.3%。1-4月份全区信访工作情况。", nil},
	{"month list", "九、十月份正是企业产销两旺、全区经济发力赶超的重要时段。", nil},
	{"lone run-in 一是", "这项工作之所以滞后，原因一是认识不到位，要引起重视。", nil},
	{"lone paragraph 一是 opens an item", "一是持续抓好安全教育培训。组织开展好专项行动。", []string{"一是/shi/1"}},
	{"最后一公里", "坚决打通政策落实的“最后一公里”。最后关头更要绷紧思想之弦。", nil},
	{"cue without 要", "会议决定:由宿建军副镇长负责,联系京石二通道大石窝镇内各标段负责人。\n会议指出,年初以来,我们要以“等不起”的紧迫感推进工作。", nil},
	{"a long host clause", "市委副书记、市长张建华在讲话中强调，要坚决扛起安全生产政治责任。", []string{"要/bare/0"}},
	{"advice of a bystander", "专家指出，要科学佩戴口罩。\n业内人士表示，要理性看待短期波动。", nil},
	{"要求 is not 要", "会议强调，要求各地加快进度。", nil},
	{"a 要 line that is not after a cue", "第五,要开源节流确保收支平衡。一要多措并举组织收入。要加大财税征管力度,\n要着力提升财税质量,不折不扣落实减税降费政策。二要严格落实新预算法。",
		[]string{"第五/di/5", "一要/yao/1", "二要/yao/2"}},
	{"a 2 far away, in the same container", "第一,要全力以赴抓招商。一要聚焦目标抓攻坚。\n要紧盯产业链方向。\n要深入分析发展趋势。\n要瞄准目标企业。\n要找准合作契机。\n要加强跟踪对接。\n二要聚焦龙头抓对接。",
		[]string{"第一/di/1", "一要/yao/1", "二要/yao/2"}},
	{"the container moves on before a 2", "第一,要全力以赴抓招商,一要聚焦目标。\n第二,要防患未然,二要加强监管。",
		[]string{"第一/di/1", "第二/di/2"}},
	{"a sentence opening with a low number whose predecessors were lost", "要全力保障要素供给。三是坚持用改革的办法激发活力和动力。",
		[]string{"三是/shi/3"}},
	{"decimal", "1.5亿元用于项目建设,2.3万人实现就业。", nil},
	{"run-in list of grades", "项目分为一、二、三类。这一、二季度的数据。", nil},
	{"run-in chapter without its 二、", "会议议定以下事项：一、同意区住建局提出的改造计划。", nil},
	{"law articles", "第一条 为了深化国家监察体制改革，制定本法。\n第二条 坚持中国共产党对国家监察工作的领导。", nil},
	{"第一时间", "各单位要第一时间响应，第二时间复盘。", nil},
	{"two months", "3、4月份全区完成投资12亿元。\n5、6号楼已经完工。", nil},
	{"an item that opens with a number (tainan.gov.tw)", "(一)申請資格\n1、55歲以上原住民長者。\n2、年滿40歲以上未滿55歲之中低收入、低收入戶原住民。",
		[]string{"(一)/paren/1", "1、/arabic/1", "2、/arabic/2"}},
	{"a list of numbers opening a paragraph", "1、2、3号楼已经完工。", nil},
	{"run-in chapter after a colon", "会议议定以下事项：一、同意区住建局提出的改造计划，由区住建局负责组织实施。二、原则同意《方案》。",
		[]string{"一、/chapter/1", "二、/chapter/2"}},
	{"paren with spaces inside", "（ 一 ）工作目标\n（ 二 ）重点任务", []string{"（ 一 ）/paren/1", "（ 二 ）/paren/2"}},
}

func TestMarkerCorpus(t *testing.T) {
	for _, c := range markerCorpus {
		t.Run(c.name, func(t *testing.T) {
			ps := testParas(t, c.text)
			var got []string
			for _, m := range newDoc(ps).candidates() {
				got = append(got, fmt.Sprintf("%s/%s/%d", ps[m.para].Text(m.start, m.end), m.style, m.ordinal))
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("got  %v\nwant %v", got, c.want)
			}
		})
	}
}

func TestReadHanNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "九": 9, "十": 10, "十一": 11, "二十": 20, "二十三": 23, "十十": 0, "一二": 0, "": 0} {
		if n, _ := readHanNumber([]rune(s), 0); n != want {
			t.Errorf("readHanNumber(%q) = %d, want %d", s, n, want)
		}
	}
}
