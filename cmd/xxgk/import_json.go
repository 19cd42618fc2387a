package main

import (
	"encoding/json"
	"fmt"

	"xxgk/importer"
	"xxgk/termtable"
)

func (p *importPrinter) writeJSON(r importer.Result) {
	b, err := json.Marshal(r.JSON())
	if err != nil { // cannot happen with strings and ints; say so rather than drop a file
		fmt.Fprintf(p.errw, "xxgk: 无法输出 %s 的结果：%v\n", r.Name, err)
		return
	}
	// Names and values come from units' files: nothing in them may reach the terminal raw.
	fmt.Fprintln(p.out, string(termtable.SafeJSON(b)))
}
