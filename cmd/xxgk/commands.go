package main

import "github.com/urfave/cli/v2"

// commands lists every subcommand; each is built in its own file.
func commands(e *env) []*cli.Command {
	return []*cli.Command{
		indicatorsCommand(e),
		unitsCommand(e),
		templatesCommand(e),
		importCommand(e),
		statusCommand(e),
		exportCommand(e),
		reportCommand(e),
		feedbackCommand(e),
		roundsCommand(e),
		historyCommand(e),
		revertCommand(e),
		withdrawCommand(e),
		rejectionsCommand(e),
		reviewCommand(e),
		accessCommand(e),
		auditCommand(e),
		verifyCommand(e),
		serveCommand(e),
		demoCommand(e),
	}
}
