package extract_test

import (
	"fmt"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
)

// A meeting report as a portal prints it: the outline comes out with its
// owners, deadlines resolved against the reference date, and targets.
func Example() {
	report := `区政府召开第五次常务会议
8月2日下午，区长主持召开区政府常务会议。
会议对当前重点工作进行了安排部署：
一要抓好项目建设。区发改局牵头，确保8月底前完成债券资金支出。
二要抓好政务热线工作。确保满意率达到98%以上。`
	ref, _ := extract.ParseDate("2022-08-03")
	doc, err := extract.Text(report, extract.Options{ReferenceDate: ref})
	if err != nil {
		fmt.Println(err)
		return
	}
	directive.Walk(doc.Directives, func(d *extract.Directive) {
		fmt.Println(d.ID, d.Marker, d.Heading, d.Owners)
		for _, dl := range d.Deadlines {
			fmt.Println("  deadline", dl.Text, dl.Kind, dl.Date)
		}
		for _, t := range d.Targets {
			fmt.Println("  target", t.Metric, t.Comparator, t.Value, t.Unit)
		}
	})
	// Output:
	// 1 一要 抓好项目建设 [区发改局]
	//   deadline 8月底前 by 2022-08-31
	// 2 二要 抓好政务热线工作 []
	//   target 满意率 >= 98 %
}
