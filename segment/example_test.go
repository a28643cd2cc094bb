package segment_test

import (
	"fmt"

	"github.com/zhengling/zhengling/segment"
)

func ExampleSegmenter_Tokens() {
	seg, err := segment.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range seg.Tokens("由李学文副镇长负责,8月底前完成。") {
		fmt.Printf("%s/%s[%d,%d) ", t.Text, t.Pos(), t.Start, t.End)
	}
	fmt.Println()
	// Output:
	// 由/p[0,1) 李学文/nr[1,4) 副镇长/nnt[4,7) 负责/v[7,9) ,/x[9,10) 8/x[10,11) 月底前/t[11,14) 完成/v[14,16) 。/x[16,17)
}

func ExampleBoundary() {
	seg, _ := segment.Default()
	toks := seg.Tokens("统一是行动的前提")
	// "一是" at offset 1 starts inside 统一: not a numbering marker.
	fmt.Println(segment.Boundary(toks, 1), segment.Boundary(toks, 2))
	// Output: false true
}

func ExampleClassOf() {
	fmt.Println(segment.ClassOf("州发改委"), segment.ClassOf("副镇长"), segment.IsOrgSuffix("管委会"))
	// Output: org title true
}
