package timex

import (
	"testing"

	"github.com/zhengling/zhengling/extract/para"
)

func TestFindMeeting(t *testing.T) {
	tests := []struct {
		name     string
		paras    []string
		pageYear int
		want     *Meeting
	}{
		{"host presides (seed000)", []string{"8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。"}, 2022,
			&Meeting{Date: d(2022, 8, 2), Name: "区政府常务会议", Host: "蒋海华", HostTitle: "区委副书记、区长"}},
		{"host attends (seed001)", []string{"核心提示:5月7日下午,开发区召开区党工委(扩大)会暨疫情防控工作领导小组会议,市委常委、区党工委书记商振江出席会议并讲话。"}, 2022,
			&Meeting{Date: d(2022, 5, 7), Name: "区党工委(扩大)会暨疫情防控工作领导小组会议", Host: "商振江", HostTitle: "市委常委、区党工委书记"}},
		{"no host (seed003)", []string{"10月23日,阜新市海州区召开全面振兴新突破三年行动领导小组(扩大)会议暨决战四季度决胜首战年工作推进会议。"}, 2023,
			&Meeting{Date: d(2023, 10, 23), Name: "全面振兴新突破三年行动领导小组(扩大)会议暨决战四季度决胜首战年工作推进会议"}},
		{"full date, later paragraph", []string{"大石窝镇会议纪要", "2011年6月7日9:00,大石窝镇党委、政府在镇机关二楼大会议室召开镇2011年重点项目(工程)工作会,听取相关负责人汇报。"}, 0,
			&Meeting{Date: d(2011, 6, 7), Name: "镇2011年重点项目(工程)工作会"}},
		{"traditional script", []string{"9月5日上午,區委書記王明主持召開區委常委會會議。"}, 2022,
			&Meeting{Date: d(2022, 9, 5), Name: "区委常委会会议", Host: "王明", HostTitle: "区委书记"}},
		{"no page year", []string{"8月2日下午,区长蒋海华主持召开区政府常务会议。"}, 0,
			&Meeting{Name: "区政府常务会议", Host: "蒋海华", HostTitle: "区长"}},
		{"host in the next sentence", []string{"8月2日下午,区政府召开第八次常务会议。区长蒋海华主持会议。"}, 2022,
			&Meeting{Date: d(2022, 8, 2), Name: "第八次常务会议", Host: "蒋海华", HostTitle: "区长"}},
		{"由…主持 (seed002)", []string{"4月27日,市科协召开了第一季度工作汇报会,科协全体机关干部职工参加会议,会议由市科协党组书记、主席方杰主持。"}, 2013,
			&Meeting{Date: d(2013, 4, 27), Name: "第一季度工作汇报会", Host: "方杰", HostTitle: "市科协党组书记、主席"}},
		{"the meeting named before 召开 (an e-paper)", []string{"6月6日,区政府第70次常务会议召开。区委副书记、区长宋华东主持;副区长王胜男、李强出席。"}, 2025,
			&Meeting{Date: d(2025, 6, 6), Name: "区政府第70次常务会议", Host: "宋华东", HostTitle: "区委副书记、区长"}},
		{"undated opening", []string{"近日,市长李明主持召开市政府第十次常务会议,研究部署近期重点工作。"}, 2024,
			&Meeting{Name: "市政府第十次常务会议", Host: "李明", HostTitle: "市长"}},
		{"bracketed byline first", []string{"(秦州区外宣办 辛志锋)12月4日下午,秦州区人民政府区长周继军主持召开市政府工作目标管理责任完成情况专题会议。"}, 2010,
			&Meeting{Date: d(2010, 12, 4), Name: "市政府工作目标管理责任完成情况专题会议", Host: "周继军", HostTitle: "秦州区人民政府区长"}},
		{"a paper's dateline and its reporters first", []string{"本报讯 (记者 林金彦 黄涛) 9月25日上午,市委副书记、市长张百顺主持召开市政府常务会议,研究部署“双节”期间重点工作等。"}, 2025,
			&Meeting{Date: d(2025, 9, 25), Name: "市政府常务会议", Host: "张百顺", HostTitle: "市委副书记、市长"}},
		{"a paper's name with 讯", []string{"西江日報訊(記者 陸志鋒)9月29日,市長許曉雄主持召開市政府常務會議,對國慶假期的疫情防控作出部署。"}, 2022,
			&Meeting{Date: d(2022, 9, 29), Name: "市政府常务会议", Host: "许晓雄", HostTitle: "市长"}},
		{"a place between the host and the verb", []string{"12月5日上午,縣長、縣政府黨組書記梁永勤在政府常務會議室主持召開縣政府第25次常務會議。"}, 2024,
			&Meeting{Date: d(2024, 12, 5), Name: "县政府第25次常务会议", Host: "梁永勤", HostTitle: "县长、县政府党组书记"}},
		{"name with 同志", []string{"3月2日,区委副书记、区政府区长张强同志主持召开区政府第63次常务会议。"}, 2021,
			&Meeting{Date: d(2021, 3, 2), Name: "区政府第63次常务会议", Host: "张强", HostTitle: "区委副书记、区政府区长"}},
		{"host in a later sentence", []string{"9月23日上午,我县召开全县安全生产工作会议。会议通报了全县安全生产大检查开展情况。各乡(镇)分管负责同志共60余人参加了会议,县政府副县长卢杜林出席会议并讲话。"}, 2023,
			&Meeting{Date: d(2023, 9, 23), Name: "全县安全生产工作会议", Host: "卢杜林", HostTitle: "县政府副县长"}},
		{"three-character name with 同志", []string{"8月13日下午,市住建局党组书记、局长张卫强同志主持召开局长办公会,局领导张永飚参加会议。"}, 2021,
			&Meeting{Date: d(2021, 8, 13), Name: "局长办公会", Host: "张卫强", HostTitle: "市住建局党组书记、局长"}},
		{"speech opening with 今天,我们", []string{"同志们:", "今天,我们在这里召开全县“奋战四季度、决胜全年红”工作推进会。"}, 2023, nil},
		{"undated opening with a part of day", []string{"今天上午,嘉定区召开疫情防控工作领导小组电视电话会议,贯彻落实中央决策。区委书记章曦主持会议并强调,要巩固防控成果。"}, 2020,
			&Meeting{Name: "疫情防控工作领导小组电视电话会议", Host: "章曦", HostTitle: "区委书记"}},
		{"speech, no meeting", []string{"同志们:", "今天召开这个会议,主要目的通过汇报点评,对第一季度重点项目进行总结。"}, 2013, nil},
		{"date not at the start", []string{"会议要求,9月1日前召开专题会议。"}, 2022, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps []*para.Paragraph
			for i, s := range tt.paras {
				ps = append(ps, paragraph(t, i, s))
			}
			got := FindMeeting(ps, tt.pageYear)
			switch {
			case got == nil && tt.want == nil:
			case got == nil || tt.want == nil:
				t.Fatalf("got %+v, want %+v", got, tt.want)
			case *got != *tt.want:
				t.Fatalf("got  %+v\nwant %+v", *got, *tt.want)
			}
		})
	}
}

func TestFirstDate(t *testing.T) {
	tests := []struct {
		paras []string
		want  Date
	}{
		{[]string{"（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）"}, d(2007, 6, 29)},
		{[]string{"8月2日下午,区长主持召开会议。", "会议要求2022年9月1日前完成。"}, d(2022, 9, 1)},
		{[]string{"二〇二四年六月二十七日"}, d(2024, 6, 27)},
		{[]string{"发布时间：2024-06-27 16:18"}, d(2024, 6, 27)},
		{[]string{"2024年应届毕业生", "9月*日至10月*日"}, Date{}},
		{nil, Date{}},
	}
	for _, tt := range tests {
		var ps []*para.Paragraph
		for i, s := range tt.paras {
			ps = append(ps, paragraph(t, i, s))
		}
		if got := FirstDate(ps); got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.paras, got, tt.want)
		}
	}
}
