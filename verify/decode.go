package verify

import (
	"bytes"
	"io"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// metaCharset is a charset declaration in a <meta> element, either form:
// <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gbk">.
var metaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// headEnd finds where a page's head ends: a declaration after it is not the page's.
var headEnd = regexp.MustCompile(`(?i)</head\s*>|<body[\s>]`)

// decoder picks the page's character encoding: a byte-order mark, else the Content-Type
// header's charset, else a <meta> declaration anywhere in the <head> (pages that begin
// with kilobytes of blank lines or an injected script put it after the first kilobyte,
// where the standard pre-scan stops looking), else UTF-8 when the bytes are valid UTF-8,
// else GB18030, the superset of GBK and GB2312 that undeclared government pages use.
func decoder(body []byte, contentType string) encoding.Encoding {
	enc, _, certain := charset.DetermineEncoding(body, contentType)
	if certain {
		return enc
	}
	head := body
	if loc := headEnd.FindIndex(body); loc != nil {
		head = body[:loc[0]]
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		if e, _ := charset.Lookup(string(m[1])); e != nil {
			return e
		}
	}
	if utf8.Valid(body) {
		return encoding.Nop
	}
	return simplifiedchinese.GB18030
}

// decode is the page as UTF-8 text.
func decode(body []byte, contentType string) io.Reader {
	return decoder(body, contentType).NewDecoder().Reader(bytes.NewReader(body))
}

// isHTML tells a web page from a document, image or download by its Content-Type. A
// missing type is sniffed from the first bytes, and content that reads as HTML (an
// <html>, <head>, <body> or <title> tag early on) is a page even when sniffing says plain
// text: pages saved by tools begin with a comment such as <!--http://…--> that the
// standard sniffer does not take for HTML.
func isHTML(contentType string, body []byte) bool {
	if contentType == "" {
		contentType = http.DetectContentType(body)
		if strings.HasPrefix(contentType, "text/plain") && looksLikeHTML(body) {
			return true
		}
	}
	ct := strings.ToLower(contentType)
	return strings.Contains(ct, "text/html") || strings.Contains(ct, "application/xhtml")
}

// htmlTags are the tags that make content HTML when they appear in its first kilobytes.
var htmlTags = regexp.MustCompile(`(?i)<(html|head|body|title)[\s>]`)

func looksLikeHTML(body []byte) bool {
	return htmlTags.Match(body[:min(len(body), 4096)])
}
