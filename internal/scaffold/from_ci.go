package scaffold

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/diag"
)

// What a draft takes from the repository's CI configuration (GitHub
// Actions workflows, .gitlab-ci.yml): the steps a change goes through,
// each read from the command or action the configuration runs, at its
// line. A tool that only could run somewhere else (a cluster admission
// policy, a repository setting) is not in the file and fills nothing.

// ciStep is one command or action of a job, as text: a step's run or
// script, or the action it uses with its inputs (key: value lines).
type ciStep struct {
	text string
	at   diag.Range
}

// ciJob is one job: the environment it deploys to, whether it starts
// service containers (backing services for its tests), and its steps.
type ciJob struct {
	environment string
	envAt       diag.Range
	services    bool
	steps       []ciStep
}

// gitlabReserved are the top-level keys of .gitlab-ci.yml that are not jobs.
var gitlabReserved = map[string]bool{"stages": true, "variables": true, "default": true, "include": true, "workflow": true, "image": true, "services": true, "before_script": true, "after_script": true, "cache": true}

// ciJobs reads the jobs of the CI files, in file and job-name order. A
// file that does not parse gives none.
func ciJobs(files []string, f *finder) []ciJob {
	var out []ciJob
	budget := fact.DefaultLimits().MaxDocuments
	for _, rel := range files {
		path := filepath.Join(f.dir, filepath.FromSlash(rel))
		src := f.sniff(path)
		if src == nil {
			continue
		}
		docs, ds := fact.LoadYAML(path, src, fact.DefaultLimits(), &budget)
		if ds.HasErrors() || len(docs) == 0 {
			continue
		}
		root := fact.Root(docs[0])
		jobs, gitlab := root.Key("jobs"), false
		if !jobs.Present() {
			jobs, gitlab = root, true
		}
		names := make([]string, 0, len(jobs.Map()))
		for name := range jobs.Map() {
			if !gitlab || !gitlabReserved[name] && !strings.HasPrefix(name, ".") {
				names = append(names, name)
			}
		}
		sort.Strings(names)
		globalServices := gitlab && len(root.Key("services").Items()) > 0
		for _, name := range names {
			j := jobs.Key(name)
			if j.Map() == nil {
				continue
			}
			job := ciJob{services: globalServices || len(j.Key("services").Map()) > 0 || len(j.Key("services").Items()) > 0}
			env := j.Key("environment")
			if env.Map() != nil {
				env = env.Key("name")
			}
			if env.String() != "" {
				job.environment, job.envAt = env.String(), rangeAt(env.At())
			}
			for _, s := range j.Key("steps").Items() {
				job.steps = append(job.steps, stepOf(s))
			}
			for _, key := range []string{"before_script", "script", "after_script"} {
				sc := j.Key(key)
				if sc.String() != "" {
					job.steps = append(job.steps, ciStep{text: sc.String(), at: rangeAt(sc.At())})
				}
				for _, line := range sc.Items() {
					job.steps = append(job.steps, ciStep{text: line.String(), at: rangeAt(line.At())})
				}
			}
			out = append(out, job)
		}
	}
	return out
}

func rangeAt(a fact.At) diag.Range {
	p := diag.Pos{Line: a.Line, Column: a.Column}
	return diag.Range{Filename: a.File, Start: p, End: p}
}

// stepOf is a GitHub Actions step as text: its run script, or its action
// and the inputs given to it.
func stepOf(s fact.Node) ciStep {
	if run := s.Key("run"); run.String() != "" {
		return ciStep{text: run.String(), at: rangeAt(run.At())}
	}
	uses := s.Key("uses")
	var b strings.Builder
	b.WriteString("uses: " + uses.String() + "\n")
	with := s.Key("with").Map()
	keys := make([]string, 0, len(with))
	for k := range with {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if v, ok := with[k].(string); ok {
			b.WriteString(k + ": " + v + "\n")
		} else if v, ok := with[k].(bool); ok && v {
			b.WriteString(k + ": true\n")
		}
	}
	return ciStep{text: b.String(), at: rangeAt(uses.At())}
}

// What CI steps do, by the commands and actions that do it.
var (
	ciDeploys  = regexp.MustCompile(`(?i)\b(kubectl(\s+-{1,2}\S+(\s+[^-\s]\S*)?)*\s+(apply|set\s+image|replace)|helm(\s+-{1,2}\S+(\s+[^-\s]\S*)?)*\s+(upgrade|install)|argocd\s+app\s+(sync|set)|flux\s+reconcile|skaffold\s+(run|deploy)|gcloud\s+(run|app)\s+deploy|aws\s+ecs\s+update-service|aws\s+lambda\s+update-function-code|az\s+webapp\s+deploy)\b|uses: (azure/k8s-deploy|google-github-actions/deploy-cloudrun|aws-actions/amazon-ecs-deploy-task-definition|azure/webapps-deploy)@`)
	ciScans    = regexp.MustCompile(`(?i)\b(govulncheck|trivy\s+(image|fs|repo|rootfs)|grype|snyk\s+(test|container\s+test)|osv-scanner|npm\s+audit|yarn\s+audit|pnpm\s+audit|pip-audit|cargo\s+audit|dependency-check)\b|uses: (aquasecurity/trivy-action|anchore/scan-action|snyk/actions/[a-z]+|golang/govulncheck-action|google/osv-scanner-action|actions/dependency-review-action)@`)
	ciSAST     = regexp.MustCompile(`(?i)\b(gosec|semgrep\s+(scan|ci)|bandit\s+-r|brakeman|sonar-scanner)\b|uses: (github/codeql-action/analyze|securego/gosec|semgrep/semgrep-action|returntocorp/semgrep-action|sonarsource/sonarqube-scan-action|sonarsource/sonarcloud-github-action)@`)
	ciSBOM     = regexp.MustCompile(`(?i)\b(syft\s+\S|cyclonedx-\w+|--sbom(=true)?\b)|uses: anchore/sbom-action@|^sbom: true$`)
	ciSign     = regexp.MustCompile(`\b(cosign|notation)\s+sign\b`)
	ciVerify   = regexp.MustCompile(`\b(cosign|notation)\s+verify\b`)
	ciContract = regexp.MustCompile(`(?i)\bpact(-broker|flow|\s+verify|\s+publish)?\b|\bcan-i-deploy\b|uses: pactflow/`)
	ciTest     = regexp.MustCompile(`\b(go test|npm test|npm run test|yarn test|pnpm test|mvn\b[^\n]*\b(test|verify)|gradle\w*\s+test|\./gradlew\s+test|cargo test|pytest)\b`)
	// An end-to-end suite: a test run that names itself so, or a browser
	// test runner.
	ciE2E       = regexp.MustCompile(`(?i)\b(e2e|end-to-end|end_to_end)\b|\b(playwright test|cypress run|npx playwright|npx cypress)\b`)
	ciCommitTag = regexp.MustCompile(`:\$\{\{\s*github\.sha\s*\}\}|:\$\{?(GITHUB_SHA|CI_COMMIT_SHA|CI_COMMIT_SHORT_SHA)\}?`)
)

// environmentKinds are the environment names that say their own kind.
var environmentKinds = map[string]bool{"development": true, "test": true, "staging": true, "production": true}

// ciFacts fills, from every CI file, what a change goes through: a
// deploy by the pipeline (and the environments its deploy jobs name),
// dependency and image scanning, static security analysis, a software
// bill of materials, signing with verification before deploy, contract
// tests, integration tests (tests in a job that starts service
// containers), end-to-end tests (a test run named so, or a browser test
// runner), and release images tagged with the commit.
func (d *drafter) ciFacts(f *finder, files []string) {
	var signed diag.Range
	verified := false
	first := func(keys []string, re *regexp.Regexp, v any, jobs []ciJob) {
		for _, j := range jobs {
			for _, s := range j.steps {
				if re.MatchString(s.text) {
					d.set(keys, v, s.at)
					return
				}
			}
		}
	}
	jobs := ciJobs(files, f)
	first([]string{"build", "dependency_scanning"}, ciScans, true, jobs)
	first([]string{"build", "static_analysis"}, ciSAST, true, jobs)
	first([]string{"build", "artifact", "sbom"}, ciSBOM, true, jobs)
	first([]string{"build", "tests", "contract"}, ciContract, true, jobs)
	first([]string{"build", "release_id"}, ciCommitTag, "git-sha", jobs)
	for _, j := range jobs {
		deploys := false
		for _, s := range j.steps {
			switch {
			case ciSign.MatchString(s.text):
				if signed.Filename == "" {
					signed = s.at
				}
			case ciVerify.MatchString(s.text):
				verified = true
			}
			if ciDeploys.MatchString(s.text) {
				deploys = true
				d.set([]string{"deployment", "automated"}, true, s.at)
			}
			if ciE2E.MatchString(s.text) && (ciTest.MatchString(s.text) || strings.Contains(strings.ToLower(s.text), "playwright") || strings.Contains(strings.ToLower(s.text), "cypress")) {
				d.set([]string{"build", "tests", "end_to_end"}, true, s.at)
			}
			if j.services && ciTest.MatchString(s.text) {
				d.set([]string{"build", "tests", "integration"}, true, s.at)
			}
		}
		if j.environment != "" && deploys {
			i, _ := d.entry("environments", j.environment, j.envAt)
			if i < 0 {
				continue
			}
			if environmentKinds[strings.ToLower(j.environment)] {
				d.setEntry("environments", i, "kind", strings.ToLower(j.environment), j.envAt)
			}
			d.setEntry("environments", i, "deployed_by", "pipeline", j.envAt)
		}
	}
	if signed.Filename != "" && verified {
		d.set([]string{"build", "artifact", "signed"}, true, signed)
	}
}
