package fonts

// Subset returns a copy of f whose character map keeps only the characters keep
// accepts; the glyphs stay, they are just unreachable. It exists to build fonts with
// gaps — a Chinese face without Latin letters, as many are — and prove that the fallback
// chain still prints every character.
func Subset(f *Face, keep func(rune) bool) (*Face, error) {
	s, err := parseFace(f.Data, 0)
	if err != nil {
		return nil, err
	}
	var pairs []cmapPair
	for r := 1; r < 0xFFFF; r++ {
		if f.Has(rune(r)) && keep(rune(r)) {
			pairs = append(pairs, cmapPair{rune(r), int(f.glyphs[r])})
		}
	}
	cmap, err := cmap4(pairs)
	if err != nil {
		return nil, err
	}
	s.tables["cmap"] = cmap
	return newFace(s.standalone(), 0, f.Source+"（子集）")
}
