package numeral

import (
	"math"
	"strings"
	"testing"
)

// parseCorpus: whole numbers as government pages and the Recognizers-Text
// NumberModel suite write them.
var parseCorpus = []struct {
	in   string
	want float64
}{
	{"64", 64},
	{"６４", 64},
	{"246.79", 246.79},
	{"２．４", 2.4},
	{"1.56万", 15600},          // 我州1.56万剩余贫困人口
	{"64 亿", 6400000000},      // 确保省重点项目完成投资 64 亿元以上
	{"5000多亿", 500000000000},  // 总投资 5000多亿元
	{"100多亿", 10000000000},    // 签约资金100多亿元
	{"1000 多", 1000},          // 共谋划了 1000 多个项目
	{"4.78万亿", 4780000000000}, // NumberModel
	{"10万万", 1000000000},
	{"15500亿", 1550000000000},     // 批准发行15500亿元特别国债
	{"53365.53亿", 5336553000000},  // 国债余额限额调整为53365.53亿元
	{"1,050,000,000", 1050000000}, // thousands separators
	{"４，５６５", 4565},               // full-width separators
	{"40k", 40000},                // NumberModel
	{"7 2", 72},                   // 7 2 折: digits spaced out
	{"万余", 10000},                 // 发放各类宣传资料万余份
	{"十", 10},                     // NumberModel
	{"十五", 15},                    // “十五条硬措施”
	{"一百五十二", 152},
	{"一百 五 十 二", 152},
	{"两千四百五", 2450},
	{"两千 四 百 五", 2450},
	{"四百五", 450},
	{"一千零一", 1001},
	{"一千零五", 1005},
	{"一千陆", 1600},
	{"一万三", 13000},
	{"九十二万四", 924000},
	{"一百零一万一千", 1011000},
	{"一千两百三十四万", 12340000},
	{"五亿零六", 500000006},
	{"七十八万五佰零六", 780506},
	{"肆佰陸拾", 460},
	{"壹佰伍拾", 150},
	{"倆千两百贰拾二", 2222},
	{"兩千兩百貳拾二", 2222},
	{"拾万零五十六", 100056},
	{"拾萬零五十六點叁叁", 100056.33},
	{"四亿五千六百四十二万零一十五", 456420015},
	{"四万万", 400000000},
	{"百三", 0},         // a lone 百 is not a numeral start: see TestScanRejects
	{"两万", 20000},     // 近两万公里
	{"一百二十点五", 120.5}, // 百分之一百二十点五
	{"四点 五", 4.5},     // 四点 五个百分点
	{"三千 八百 九十六 万 四千 九百 六十五", 38964965},
	{"八千 三百 八十五 万 二千 三百 二十六 点三三", 83852326.33},
	{"十余万", 100000}, // NumberModel 十 余 万
	{"一千多万", 10000000},
	{"二〇二〇", 2020},
	{"九九", 99},        // 九 九 折
	{"三八", 38},        // 三八折
	{"一半", 0},         // 半 is read by the quantity recogniser, not here
	{"20多万", 200000},  // 圣保罗有20多万华商
	{"5万4千6百", 54600}, // Arabic digits in a Chinese numeral
	{"7 万5 千4 百", 75400},
	{"1千零20", 1020},
	{"3万4000", 34000},
	{"一万零十二", 10012},
	{"十 余 万", 100000},
	{"三分之一", 1.0 / 3}, // 约占三分之一
	{"五 分之 一", 0.2},
	{"一百分之二", 0.02},
	{"三百五十又3分之1", 350 + 1.0/3},
}

func TestParse(t *testing.T) {
	for _, c := range parseCorpus {
		got, err := Parse(c.in)
		if c.want == 0 {
			if err == nil {
				t.Errorf("Parse(%q) = %v, want an error", c.in, got)
			}
			continue
		}
		if err != nil || math.Abs(got-c.want) > 1e-6*math.Max(1, c.want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

// exactCorpus: values to the last bit, as the decimal written reads
// (strconv.ParseFloat of the digits, the point moved by the multipliers),
// not a product's or a rounding's.
var exactCorpus = []struct {
	in   string
	want float64
}{
	{"1234567890123", 1234567890123},         // 投资1234567890123元: all 13 digits
	{"12345678901234567", 12345678901234567}, // past 2^53: the nearest float64
	{"0.1234567890123456", 0.1234567890123456},
	{"1.56万", 15600},       // 1.56 * 1e4 is 15600.000000000002
	{"39.66亿", 3966000000}, // 39.66 * 1e8 is 3965999999.9999995
	{"4.78万亿", 4.78e12},
	{"1.1k", 1100}, // 1.1 * 1000 is 1100.0000000000002
	{"0.7千万", 7e6},
	{"5000多亿", 5e11},
	{"拾萬零五十六點叁叁", 100056.33}, // decimals read as written
	{"三点一", 3.1},
	{"零点三", 0.3},
	{"一百分之五十五点五七九", 0.55579}, // a ratio over 100 moves the point
	{"一千分之三", 0.003},
}

func TestExact(t *testing.T) {
	for _, c := range exactCorpus {
		if got, err := Parse(c.in); err != nil || got != c.want {
			t.Errorf("Parse(%q) = %v, %v; want exactly %v", c.in, got, err, c.want)
		}
	}
}

func TestShift(t *testing.T) {
	for _, c := range []struct {
		v      float64
		places int
		want   float64
	}{
		{0.3, -1, 0.03}, // 0.3*0.1 is 0.030000000000000002
		{7.3, 1, 73},
		{1.7977e306, 1, 1.7977e307},
		{1.7977e306, 3, math.Inf(1)},
		{-2.5, 2, -250},
		{0, 5, 0},
	} {
		if got := Shift(c.v, c.places); got != c.want {
			t.Errorf("Shift(%v, %d) = %v, want %v", c.v, c.places, got, c.want)
		}
	}
}

// scanCorpus: where a number found inside running text ends.
var scanCorpus = []struct {
	text   string
	at     int
	value  float64
	end    int
	approx bool
	vague  bool
}{
	{"34家", 0, 34, 2, false, false},
	{"2019 134 个", 0, 2019, 4, false, false}, // two groups never join
	{"1-8月份", 0, 1, 1, false, false},
	{"100千瓦", 0, 100, 3, false, false},         // 千瓦 is a unit, not 千
	{"完成自产黄金79万两", 6, 790000, 9, false, false}, // dev 022: 两 (liang) after an Arabic number is a unit
	{"3万5千人", 0, 35000, 4, false, false},       // a digit with its place stays
	{"七十百分位", 0, 70, 2, false, false},          // 百分位 is not 百
	{"5000多亿元", 0, 500000000000, 6, true, false},
	{"30KB", 0, 30, 2, false, false}, // K begins a unit here
	{"二三十个百分点", 0, 30, 3, false, true},
	{"统一", 1, 1, 2, false, false},
	{"1,2,3", 0, 1, 1, false, false}, // a list, not 1,2
	{"3.5成", 0, 3.5, 3, false, false},
	{"万家灯火", 0, 0, 0, false, false}, // no number: a lone 万
	{"十分重要", 0, 0, 0, false, false}, // 十分 (very) is no number
	{"2019 134 万", 0, 2019, 4, false, false},
}

func TestScan(t *testing.T) {
	for _, c := range scanCorpus {
		rs := []rune(c.text)
		n, ok := Scan(rs, c.at)
		if c.end == 0 {
			if ok {
				t.Errorf("Scan(%q, %d) = %+v, want none", c.text, c.at, n)
			}
			continue
		}
		if !ok || n.Value != c.value || n.End != c.end || n.Approx != c.approx || n.Vague != c.vague {
			t.Errorf("Scan(%q, %d) = %+v %v; want value %v end %d approx %v vague %v",
				c.text, c.at, n, ok, c.value, c.end, c.approx, c.vague)
		}
	}
}

// overflowCorpus: numbers beyond float64 found in running text. Scan gives
// no value, ok false and Overflow with the number's extent.
var overflowCorpus = []struct {
	text    string
	at, end int
}{
	{"17977" + strings.Repeat("0", 300) + "亿亿亿", 0, 308}, // 1.8e304 × 1e24
	{strings.Repeat("9", 400) + "元", 0, 400},             // beyond float64 as written
	{"投资1" + strings.Repeat("0", 300) + "万亿元", 2, 305},
	{"一" + strings.Repeat("亿", 40) + "元", 0, 41}, // 1e320 in Chinese
	{strings.Repeat("九", 400), 0, 400},           // digits read one by one
}

func TestScanOverflow(t *testing.T) {
	for _, c := range overflowCorpus {
		n, ok := Scan([]rune(c.text), c.at)
		if ok || !n.Overflow || n.Start != c.at || n.End != c.end || n.Value != 0 {
			t.Errorf("Scan(%.20q…, %d) = %+v %v; want an overflow over [%d, %d)", c.text, c.at, n, ok, c.at, c.end)
		}
	}
	// Underflow is no overflow: the value is 0.
	if n, ok := Scan([]rune("0."+strings.Repeat("0", 400)+"1"), 0); !ok || n.Overflow || n.Value != 0 {
		t.Errorf("Scan(0.0…01) = %+v %v, want 0", n, ok)
	}
}

func FuzzScan(f *testing.F) {
	for _, c := range parseCorpus {
		f.Add(c.in, 0)
	}
	for _, c := range scanCorpus {
		f.Add(c.text, c.at)
	}
	for _, c := range overflowCorpus {
		f.Add(c.text, c.at)
	}
	f.Fuzz(func(t *testing.T, s string, at int) {
		rs := []rune(s)
		n, ok := Scan(rs, at)
		if !ok {
			return
		}
		if n.Start != at || n.End <= n.Start || n.End > len(rs) {
			t.Fatalf("Scan(%q, %d) = %+v: bad offsets", s, at, n)
		}
		if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
			t.Fatalf("Scan(%q, %d) = NaN", s, at)
		}
		_, _ = Parse(s)
	})
}

func BenchmarkScan(b *testing.B) {
	rs := []rune("确保省重点项目完成投资 64 亿元以上、州重点项目完成投资500亿元以上，两千四百五十万")
	b.SetBytes(int64(len(string(rs))))
	b.ReportAllocs()
	for b.Loop() {
		for i := range rs {
			Scan(rs, i)
		}
	}
}

// tensCorpus: the numerals of items, months and days (一要, 第十二, 十二月二十日).
var tensCorpus = []struct {
	in       string
	value, n int // n: runes read
	ok       bool
}{
	{"一要", 1, 1, true},
	{"十二月", 12, 2, true},
	{"二十日", 20, 2, true},
	{"二十一、", 21, 3, true},
	{"九十九条", 99, 3, true},
	{"十、", 10, 1, true},
	{"一二三", 0, 0, false}, // a run of digits is no item number
	{"十十", 0, 0, false},
	{"二十一二", 0, 0, false}, // runs on
	{"两个", 0, 0, false},   // 两 numbers no item
	{"〇", 0, 0, false},
	{"壹", 0, 0, false}, // financial forms write amounts
	{"要", 0, 0, false},
	{"", 0, 0, false},
}

func TestTens(t *testing.T) {
	for _, tt := range tensCorpus {
		v, end, ok := Tens([]rune(tt.in), 0)
		if v != tt.value || end != tt.n || ok != tt.ok {
			t.Errorf("Tens(%q) = %d, %d, %v; want %d, %d, %v", tt.in, v, end, ok, tt.value, tt.n, tt.ok)
		}
	}
}
