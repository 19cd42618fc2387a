package xxgk

// Assigned returns the positions in c.Indicators of the indicators u must fill, in
// order: the same list as For, without copying the indicators. Units of one kind mostly
// share an assignment, so a caller holding many units can keep one list per distinct
// assignment instead of one copy per unit.
func (c *Catalog) Assigned(u Unit) []int {
	var out []int
	for i, ind := range c.Indicators {
		if ind.AssignedTo(u, c.scope()) {
			out = append(out, i)
		}
	}
	return out
}
