package docgen

import "strings"

// artefactsSection is the part of docs/format.md on the artefacts section:
// where archvet finds the repository's Terraform, manifests and API specs,
// the claims it checks against them and the facts it derives from them.
// Written with ‘ for the backquote, which a raw string cannot hold.
func artefactsSection() string {
	return strings.ReplaceAll(`## Artefacts

‘artefacts‘ names where the repository's own artefacts are: the Terraform
that creates the service's stores, the Kubernetes manifests that run it and
the OpenAPI specs of its APIs. archvet reads them (never evaluating
anything: a Terraform expression is *unknown*, a Helm template is skipped
with a note) and checks the review's claims against them.

‘‘‘yaml
artefacts:
  terraform: [infra/]
  kubernetes: [deploy/]
  openapi: [api/checkout-web.openapi.yaml]
‘‘‘

‘‘‘hcl
artefacts {
  terraform  = ["infra/"]
  kubernetes = ["deploy/"]
  openapi    = ["api/checkout-web.openapi.yaml"]
}
‘‘‘

Paths are relative to the review and must stay inside its repository, as
imports do: a path outside it, or one that does not exist, is an error at
its entry. When the section, or one of its lists, is absent, the
conventional places are read, those that exist: ‘infra/‘ and
‘terraform/‘ for Terraform; ‘deploy/‘, ‘k8s/‘ and ‘manifests/‘ for
Kubernetes; every ‘apis[].spec‘ that names a file for OpenAPI. An empty
list (‘terraform: []‘) reads nothing.

**Claims.** The claim rules (‘CL‘ ids) compare what the review states with
what the artefacts say. Each claim is *verified* (an artefact agrees),
*contradicted* (an artefact disagrees: the rule fails at the artefact's
line, with the review's field as a related location, and says both
values) or *unverified* (no artefact speaks to it). A fact imported from
Score, OpenSLO or Backstage is verified at the file it came from. Every
document the review cites is a claim too: a runbook, a threat model or a
plan that is a non-empty regular file inside the repository is verified
there; a path outside the repository, a directory, an empty or a missing
file contradicts it (and fails PR600); a URL is unverified, since archvet
never fetches one.
‘archvet claims FILE‘ lists the ledger; every report shows the *trust*
figure, verified ÷ checkable claims, beside the score and completeness.

**Derived facts.** A field the review leaves out and an artefact states
is filled in, as imports do, and indexed at the artefact: a finding about
it points there, and it counts as a verified claim. A field the review
states is never replaced. Only values the artefact writes are used: a
Terraform expression (*unknown*) or a setting left to its default fills
nothing.

| artefact | review field |
|---|---|
| the Deployment or StatefulSet named like ‘service.name‘ (else the only one): ‘spec.replicas‘, or its HorizontalPodAutoscaler's ‘minReplicas‘ | ‘processes.scaling.min_replicas‘ |
| that HorizontalPodAutoscaler's ‘maxReplicas‘ | ‘processes.scaling.max_replicas‘ |
| its liveness and readiness probes, on every container (the field then names the probe: ‘the livenessProbe of Deployment/checkout‘) | ‘processes.health_checks.liveness‘, ‘.readiness‘ |
| its ‘terminationGracePeriodSeconds‘ | ‘processes.shutdown.grace_period_seconds‘ |
| the Terraform store a ‘data_stores‘ entry names by address (‘terraform: aws_db_instance.orders‘), else the one named like it: backups taken | ‘data_stores[].backups.enabled‘ |
| its backup retention | ‘data_stores[].backups.retention_days‘ |
| its point-in-time recovery | ‘data_stores[].backups.point_in_time‘ |
| its multi-AZ deployment | ‘data_stores[].replication.multi_az‘ |
| its cross-region replica | ‘data_stores[].replication.cross_region‘ |
| its encryption at rest | ‘data_stores[].encryption_at_rest‘ |
| its deletion protection (‘deletion_protection‘, ‘deletion_protection_enabled‘, an S3 Object Lock, an Azure ‘CanNotDelete‘ lock) or ‘lifecycle { prevent_destroy = true }‘ | ‘data_stores[].deletion_protection‘ |
| the OpenAPI spec an ‘apis‘ entry names: a version in ‘servers‘ or paths | ‘apis[].versioning‘: ‘url‘ |
| the one kind of security scheme its operations require (‘oauth2‘, ‘openIdConnect‘ as ‘oidc‘, ‘mutualTLS‘ as ‘mtls‘, bearer ‘http‘ as ‘jwt‘, ‘apiKey‘ as ‘api-key‘) | ‘apis[].authentication‘ |
| the largest page size its list operations allow | ‘apis[].max_page_size‘ |

**Drafts.** ‘archvet init --from DIR‘ writes a review from what DIR holds:
the imports it finds (‘catalog-info.yaml‘, ‘score.yaml‘, OpenSLO files),
the artefacts at their conventional places and the OpenAPI specs under
‘api/‘, with a ‘data_stores‘ entry per Terraform store (a read replica
is part of its source's) and an ‘apis‘ entry per spec; the derived facts
above; and what a check does not derive, each only as a file writes it:

| file | draft field |
|---|---|
| Terraform at all | ‘deployment.infrastructure_as_code‘ |
| a provider's ‘default_tags‘ naming the service and its owner (on every provider), its cost-center tag | ‘cost.tagging‘, ‘cost.cost_center‘ |
| an ‘aws_budgets_budget‘ in USD per month, its notifications | ‘cost.monthly_budget_usd‘, ‘cost.budget_alerts‘ |
| the ‘pagerduty_schedule‘ and ‘pagerduty_escalation_policy‘ named like the service (else the only one): its name, a layer without restrictions, a second rule | ‘operations.on_call.rotation‘, ‘.hours‘: ‘24x7‘, ‘.escalation‘ |
| a HorizontalPodAutoscaler | ‘processes.scaling.autoscaling‘, ‘horizontal‘, ‘autoscaling_metric‘ |
| the Deployments and StatefulSets | ‘processes.process_types‘ |
| the service's workload: on Kubernetes, its ‘strategy.type‘, its preStop sleep, the ‘kubernetes.io/arch‘ it is pinned to | ‘deployment.platform‘, ‘deployment.strategy‘, ‘processes.shutdown.pre_stop_seconds‘, ‘capacity.compute‘ |
| its image pulled by digest, a read-only root file system on every container | ‘build.artifact.immutable‘, ‘build.runtime_code_changes‘: false |
| an env var named after a store, from a Secret or ConfigMap or holding a URL | ‘data_stores[].attached_by‘: ‘url-in-config‘ |
| the PodDisruptionBudget selecting it; a NetworkPolicy selecting it; an Istio PeerAuthentication in STRICT mode | ‘deployment.disruption_budget.max_unavailable‘; ‘security.network_acls‘; ‘security.tls.internal‘: ‘mtls‘ |
| a Job running its image | ‘processes.admin_tasks.mode‘: ‘one-off-process‘, ‘.same_release‘ |
| PrometheusRule alerts: name, a ‘severity‘ label of page, ticket or info, an ‘slo‘ label naming an SLO (a symptom alert), a ‘runbook_url‘ inside the repository | ‘observability.alerts‘ |
| the Ingress routing an API's server host: ingress-nginx ‘proxy-body-size‘ and ‘proxy-read-timeout‘ | ‘apis[].max_request_bytes‘, ‘apis[].timeout_ms‘ |
| the spec: every operation answers 429 with Retry-After; cursor or offset parameters; every write requires an Idempotency-Key header (or there is no write) | ‘apis[].rate_limit‘, ‘apis[].pagination‘, ‘apis[].idempotency‘: ‘keys‘ (‘read-only‘) |
| the workload spreads over zones and every store is multi-AZ | ‘disaster_recovery.multi_az‘ |
| CI (GitHub Actions workflows, ‘.gitlab-ci.yml‘): a deploy step (‘kubectl apply‘ or ‘set image‘, ‘helm upgrade‘, ‘argocd app sync‘...), the environments of its deploy jobs | ‘deployment.automated‘, ‘environments‘ (‘deployed_by: pipeline‘) |
| CI: a vulnerability scanner, a SAST tool, an SBOM, ‘cosign sign‘ with ‘cosign verify‘, Pact, tests in a job with service containers, image tags of the commit | ‘build.dependency_scanning‘, ‘build.static_analysis‘, ‘build.artifact.sbom‘, ‘build.artifact.signed‘, ‘build.tests.contract‘, ‘build.tests.integration‘, ‘build.release_id‘: ‘git-sha‘ |
| the dependency manifest and lockfile; its OpenTelemetry SDK; a Dockerfile, whose last stage is ‘scratch‘ or distroless | ‘build.manifest‘, ‘build.lockfile‘; ‘observability.tracing‘; ‘build.artifact.kind‘, ‘build.system_tools‘: ‘[]‘ |
| dashboards kept as Grafana JSON (‘dashboards/‘, ‘grafana/‘) | ‘observability.dashboards‘ |
| the documents under ‘docs/‘: runbooks, a threat model, recovery and capacity plans, a security incident playbook, an incident process | the fields citing them, ‘operations.incident_process‘ |
| their labelled statements: ‘RTO 10 minutes‘, ‘RPO: 5 minutes‘, ‘Strategy: warm standby‘, ‘Last exercised 2026-08-30‘ (recovery plan); ‘Last reviewed DATE‘ (threat model); ‘Last tabletop exercise DATE‘ (playbook); ‘Peak: 1,200 requests per second‘, ‘Load tested to N (3x) on DATE‘ (capacity plan) | ‘disaster_recovery.*‘, ‘security.threat_model_updated‘, ‘security.incident_response.last_exercise‘, ‘capacity.peak_rps‘, ‘capacity.load_test.*‘ |

Each filled field names its file and line in a comment; the rest are
commented placeholders. A setting left to its default, an expression, or
a value a file only suggests fills nothing.

**Gates.** ‘--require-verified backups,replicas,authentication‘, or
‘gate.require_verified‘ in ‘.archvet.yaml‘ (also per tier), fails the
gate when a claim of those categories is not verified. A category names
the claims whose path has a key containing it, singular or plural:
‘backups‘ covers ‘data_stores[].backups.*‘, ‘replicas‘ covers
‘processes.scaling.min_replicas‘ and ‘data_stores[].replication.*‘,
‘authentication‘ covers ‘apis[].authentication‘. By default a tier-0
service must have its backup claims verified when archvet reads
Terraform for it, its replica claims when it reads Terraform or
manifests, and its authentication claims when it reads an API spec: a
claim that no artefact of the repository could verify shows unverified
in the trust figure, and only an explicit
‘--require-verified‘ or ‘gate.require_verified‘ holds them against the
gate. A service that states none of them has nothing to verify.

`, "‘", "`")
}
