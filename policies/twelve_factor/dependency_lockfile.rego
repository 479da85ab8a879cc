# METADATA
# title: Dependencies are declared in a manifest and pinned by a lockfile
# description: |-
#   Dependencies the build does not declare are found by accident on the
#   build host. A manifest usually names version ranges, so two builds of the same commit
#   can pull different transitive dependencies. A lockfile pins the exact
#   versions (and ideally their checksums), which makes builds repeatable,
#   lets a rollback rebuild what actually ran, and keeps an unreviewed
#   upstream release from slipping into production.
# related_resources:
#   - ref: https://12factor.net/dependencies
#     description: Twelve-Factor App, II. Dependencies
#   - ref: https://sre.google/sre-book/release-engineering/
#     description: Google SRE book, Release Engineering (hermetic, repeatable builds)
# custom:
#   id: TF005
#   severity: medium
#   level: reactive
#   check: reasoning
#   frameworks:
#     twelve-factor: dependencies
#     production-readiness: change-management
#   remediation: |-
#     Commit the lockfile your package manager produces (go.sum,
#     package-lock.json, poetry.lock, Cargo.lock ...), build with it in
#     frozen mode, and record it in `build.lockfile`.
#   applicability: Every service.
#   example: |-
#     build:
#       manifest: go.mod
#       lockfile: go.sum
package archvet.rules.twelve_factor.dependency_lockfile

import rego.v1

import data.archvet.lib

manifest := trim_space(object.get(input, ["build", "manifest"], ""))

lockfile := trim_space(object.get(input, ["build", "lockfile"], ""))

unanswered contains lib.finding(msg, "build.manifest") if {
	manifest == ""
	msg := "the design does not name a dependency manifest"
}

unanswered contains lib.finding(msg, "build.lockfile") if {
	lockfile == ""
	msg := "the design does not name a lockfile that pins exact dependency versions"
}

# Naming the manifest again as the lockfile pins nothing.
deny contains lib.finding(msg, "build.lockfile") if {
	lockfile != ""
	lockfile == manifest
	msg := sprintf("the lockfile %q is the manifest itself, so exact versions are not pinned", [lockfile])
}
