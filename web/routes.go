package web

// register lists every route with its rule; authorize decides each request from it.
func (s *Server) register() {
	s.handle("GET /assets/style.css", public, s.style)
	s.handle("GET /{$}", public, s.root)
	s.handle("GET /login", public, s.loginPage)
	s.handle("POST /login", public, s.login)
	s.handle("POST /logout", public, s.logout)
	s.handle("/", public, s.notFound)

	s.handle("GET /unit", unitOnly, s.unitPage)
	s.handle("POST /unit/upload", unitOnly, s.unitUpload)
	s.handle("GET /unit/template", unitOnly, s.unitTemplate)
	s.handle("GET /unit/returned", unitOnly, s.unitReturned)
	s.handle("GET /unit/letter", unitOnly, s.unitLetter)

	s.handle("GET /office", officeOnly, s.officePage)
	s.handle("GET /office/units/{unit}", officeOnly, s.officeUnit)
	s.handle("GET /office/units/{unit}/letter", officeOnly, s.officeLetter)
	s.handle("GET /office/units/{unit}/returned", officeOnly, s.officeReturned)
	s.handle("GET /office/download/{kind}", officeOnly, s.officeDownload)
	s.handle("POST /office/units/{unit}/review", officeOnly, s.review)
	s.handle("POST /office/verify", officeOnly, s.startVerify)
	s.handle("GET /office/verify", officeOnly, s.verifyPage)

	s.handle("POST /api/upload", unitOnly, s.apiUpload)
	s.handle("GET /api/status", officeOnly, s.apiStatus)
	s.handle("GET /api/units/{unit}/history", officeOrOwn, s.apiHistory)
}
