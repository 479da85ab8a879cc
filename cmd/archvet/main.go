// Command archvet vets a service's design review against architecture
// checklists written as OPA policies.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
