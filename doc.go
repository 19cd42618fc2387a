// Package xxgk holds the domain of the information-disclosure column survey run by the
// Ankang city e-government office: units, indicators and who must build them, collection
// rounds, submissions and the rules a submitted row must follow.
//
// Every rule that more than one part of the tool needs (who builds what, what a valid row
// is, how completion is computed) lives here, so the template writer, the importer and the
// exporters cannot disagree. The package uses the standard library only.
package xxgk
