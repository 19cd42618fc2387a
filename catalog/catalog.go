// Package catalog loads the indicator table and the unit list, from the built-in 2020 seeds
// or from a user's .xlsx/.csv, and reports every row it cannot understand.
package catalog

import (
	"errors"

	"xxgk"
)

// Load reads the catalog. Empty paths mean the built-in seeds. A table with any problem
// is refused as a whole; the error is a *LoadError listing every problem.
func Load(indicatorsPath, unitsPath string) (*xxgk.Catalog, error) {
	return nil, errors.New("not implemented")
}
