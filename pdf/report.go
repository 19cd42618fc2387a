package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"xxgk"
	"xxgk/fonts"
)

// Report writes the round's 通报, laid out as an official document (GB/T 9704): the 版头
// with the issuer and document number, the title, the addressees, an opening paragraph,
// the numbered sections of report.sections, the 附件 note, the issuer and date, and the
// 附件 各单位未开设栏目清单 on pages of its own.
func Report(w io.Writer, s xxgk.Summary, cat *xxgk.Catalog, opt Options) error {
	if opt.Fonts == nil {
		return ErrNoFonts
	}
	opt = defaults(opt, s.Round)
	r := newReport(s, cat, opt)
	title := reportTitle(s.Round)
	d := layoutDoc(opt, title, func(d *doc) {
		d.pdf.compress = true
		d.names = cat.Names()
		d.newPage()
		d.redHead(opt.Office, opt.Notice.DocNumber)
		d.title(title)
		d.flush("各县区人民政府，市级各有关部门：")
		d.para(r.opening())
		for i, sec := range r.sections() {
			d.heading(chineseNumber(i+1) + "、" + sec.title)
			sec.write(d, r)
		}
		annex := r.unopenedRows(d)
		if len(annex) > 0 {
			d.gap(1)
			d.para("附件：" + annexTitle)
		}
		d.signature(opt.Office, r.issued)
		if len(annex) > 0 {
			d.newPage()
			d.paraRole("附件", fonts.Heading, 0)
			d.gap(0.5)
			d.title(annexTitle)
			d.annexTable(annex)
		}
		d.colophon(opt.Notice.CC, opt.Office, r.issued)
	})
	return d.finish(w)
}

// section is one numbered part of the 通报 (一、二、…). Sections are listed in one place,
// report.sections, so that a new finding (website verification, say) is one more entry.
type section struct {
	title string
	write func(d *doc, r *report)
}

// sections lists the parts of the 通报 in order.
func (r *report) sections() []section {
	secs := []section{
		{"总体情况", (*doc).overview},
		{"各单位栏目建设情况", (*doc).ranking},
		{"存在的主要问题", (*doc).findings},
	}
	if r.s.Checked() { // once `xxgk verify` has run
		secs = append(secs, section{"网站核查情况", (*doc).checks})
	}
	return append(secs, section{"工作要求", (*doc).requirements})
}

// report is what the sections of a 通报 share.
type report struct {
	s      xxgk.Summary
	cat    *xxgk.Catalog
	opt    Options
	asOf   time.Time // statistics as of this moment (China time)
	issued time.Time // 成文日期
}

func newReport(s xxgk.Summary, cat *xxgk.Catalog, opt Options) *report {
	return &report{s: s, cat: cat, opt: opt, asOf: opt.asOf(), issued: opt.issued()}
}

// defaults fills the date and issuer.
func defaults(opt Options, r xxgk.Round) Options {
	if opt.Date.IsZero() {
		opt.Date = time.Now()
	}
	if opt.Office == "" {
		opt.Office = opt.Notice.IssuerFor(r)
	}
	return opt
}

// annexTitle is the title of the 通报's attachment.
const annexTitle = "各单位未开设栏目清单"

// theme is the round's subject without a trailing 报送: "…栏目建设情况".
func theme(r xxgk.Round) string {
	t := strings.TrimSpace(r.Title)
	if t == "" {
		return "信息公开栏目建设情况"
	}
	return strings.TrimSuffix(t, "报送")
}

// reportTitle is the 通报's title: 关于2020年度…的通报.
func reportTitle(r xxgk.Round) string {
	return "关于" + r.YearLabel() + theme(r) + "的通报"
}

// chineseNumber writes 1…99 as 一…九十九, for headings.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// opening is the paragraph before the sections.
func (r *report) opening() string {
	return fmt.Sprintf("为推进全市政府网站重点领域信息公开栏目规范建设，%s组织开展了%s%s报送工作，报送截止日期为%s。现将有关情况通报如下：",
		r.opt.Office, r.s.Round.YearLabel(), theme(r.s.Round), xxgk.ChineseDate(r.s.Round.Deadline))
}

func contactText(c xxgk.Contact) string {
	var parts []string
	if c.Office != "" {
		parts = append(parts, "联系单位："+c.Office)
	}
	if c.People != "" {
		parts = append(parts, "联系人："+strings.Join(strings.Fields(c.People), "、"))
	}
	if c.Phone != "" {
		parts = append(parts, "电话："+c.Phone)
	}
	if c.Email != "" {
		parts = append(parts, "邮箱："+c.Email)
	}
	return strings.Join(parts, "；") + "。"
}

// maxInText is how many units a list names: all of them up to 20; past that the first
// 20 and the exact count ("…等36个单位"), not a page of names at province scale (the
// ranked table lists them all).
const maxInText = 20

// names joins unit names with 、 (xxgk.ListNames), naming at most maxInText.
func names(us []xxgk.UnitSummary, label func(xxgk.UnitSummary) string) string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = label(u)
	}
	return xxgk.ListNames(out, maxInText)
}

func short(u xxgk.UnitSummary) string { return u.Unit.Short }
