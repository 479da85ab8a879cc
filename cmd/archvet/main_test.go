package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run archvet in-process as the `archvet` command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"archvet": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end tests in testdata/script: each .txtar
// holds the commands, their input files and the output a user sees.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		UpdateScripts: os.Getenv("ARCHVET_UPDATE_SCRIPTS") == "1",
		Cmds:          scriptCmds,
	})
}
