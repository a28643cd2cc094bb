// Package quantity recognises the quantities of government text — targets it
// sets (满意率达到98%以上, 压减20%以上, 完成投资500亿元以上), figures it reports
// (同比增长2.3%, 新增规上工业企业34家) and every percent expression — with
// Chinese and Arabic numerals, units, comparators and change.
package quantity

import (
	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/extract/timex"
)

// Comparators of Target.
const (
	CmpGE      = ">="
	CmpGT      = ">"
	CmpLE      = "<="
	CmpLT      = "<"
	CmpEQ      = "="
	CmpBetween = "between"
	CmpApprox  = "~"
)

// Changes of Target.
const (
	ChangeNone     = ""
	ChangeIncrease = "increase"
	ChangeDecrease = "decrease"
)

// Target is a quantity the document sets as a goal; the same type carries a
// reported figure, which also fills Period.
type Target struct {
	Text       string          `json:"text"`       // as written, source script
	Metric     string          `json:"metric"`     // what it measures, simplified script
	Comparator string          `json:"comparator"` // CmpGE …
	Value      float64         `json:"value"`      // normalised: 万/亿 multiplied out, % as a percent value
	Max        *float64        `json:"max"`        // upper bound of CmpBetween, else null
	Unit       string          `json:"unit"`       // base unit: %, 个百分点, 元, 人, 家, …
	Change     string          `json:"change"`     // ChangeIncrease/ChangeDecrease for the size of a change
	Approx     bool            `json:"approx"`     // 多/余/近/约/左右
	Deadline   *timex.Deadline `json:"deadline"`   // the deadline governing it, or its period for a figure
	Period     string          `json:"period"`     // figures: the reported period (1-8月份, 截至8月底)
	Para       int             `json:"para"`
	Start      int             `json:"start"`
	End        int             `json:"end"`
}

// Percentage is one percent expression of the body, goal or not.
type Percentage struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"` // % or 个百分点 (千分之 gives ‰)
	Para  int     `json:"para"`
	Start int     `json:"start"`
	End   int     `json:"end"`
}

// Context tells the recogniser what the rest of the pipeline knows about a
// paragraph.
type Context struct {
	// Instructing reports whether the rune offset lies inside a directive
	// item that instructs (a 要/确保 item rather than a report); may be nil.
	Instructing func(offset int) bool
	// Times are the paragraph's time expressions, for a target's deadline
	// and a figure's period.
	Times []timex.Expr
}

// Result is what Find returns for one paragraph.
type Result struct {
	Targets     []Target
	Figures     []Target
	Percentages []Percentage
	Warnings    []string // placeholder: …
}

// Find returns the quantities of one paragraph.
func Find(p *para.Paragraph, ctx Context) Result {
	return Result{}
}
