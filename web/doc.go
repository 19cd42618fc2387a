// Package web is the intake portal (`xxgk serve`): units sign in with their access code,
// download their template, upload the filled workbook and see at once what the importer
// made of it; the office watches the round's status, downloads the papers, runs verify
// and reviews (审核) each unit's current version.
//
// It is built on net/http and html/template with every page and asset embedded, so it
// works offline on an intranet and without JavaScript. It adds no validation of its own:
// an upload goes through importer.Import exactly as `xxgk import` does. Every request is
// decided by one function, authorize, from the route's rule and the signed-in holder.
package web
