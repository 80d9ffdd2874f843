#!/usr/bin/env bash
# End-to-end demo of miyabi-org against the local sandbox (a moto server).
#
#   scripts/demo.sh
#
# Builds the tool, starts a throwaway sandbox on a free port (always stopped on
# exit), creates an empty organization, applies this repo's example org to it,
# changes the organization behind the tool's back, shows that `drift` catches
# it (exit 2), repairs it with `apply --yes` and checks that `drift` is clean
# (exit 0); grants IAM Identity Center access from [sso] and with `sso assign`,
# dispatches agent-worker tasks to the customers' accounts, then reports cost per customer.  The repo's own files are not modified.
#
# Env: CARGO_TARGET_DIR (default ~/.cache/miyabi-org/target); MIYABI_BIN to use
# an already built binary instead of building one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/miyabi-org/target}"
BIN="${MIYABI_BIN:-$CARGO_TARGET_DIR/debug/miyabi-org}"
PY="$ROOT/.venv/bin/python"
REPO_SNAPSHOT=""

# ---------------------------------------------------------------- helpers

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die()  { printf '\ndemo: FAILED: %s\n' "$*" >&2; exit 1; }

# Runs the tool, echoing the command line first.
miyabi() {
    printf '$ miyabi-org %s\n' "$*"
    "$BIN" "$@"
}

# Runs inline python (stdin) with boto3 from the sandbox venv.
py() { "$PY" - "$@"; }


# Checksums of the org repo's files (not src/ etc., which may be edited meanwhile).
repo_snapshot() {
    find miyabi-org.toml tenants.toml policies account-templates -type f -print0 2>/dev/null \
        | LC_ALL=C sort -z | xargs -0 sha256sum
}

cleanup() {
    local status=$?
    stop_started_sandbox
    [[ -n "${ORG_DIR:-}" ]] && rm -rf "$ORG_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- steps

build() {
    if [[ -n "${MIYABI_BIN:-}" ]]; then
        step "using MIYABI_BIN (no build)"
    else
        step "building miyabi-org (debug)"
        cargo_build
    fi
    [[ -x "$BIN" ]] || die "binary not found at $BIN"
    note "$("$BIN" --version) at $BIN"
}

cargo_build() {
    if [[ -f Cargo.lock ]]; then
        cargo build --locked -q
    else
        cargo build -q
    fi
}


create_organization() {
    step "creating an empty organization (boto3)"
    py <<'PY'
import boto3
org = boto3.client("organizations")
o = org.create_organization(FeatureSet="ALL")["Organization"]
root = org.list_roots()["Roots"][0]
print("    organization %s, root %s, management account %s"
      % (o["Id"], root["Id"], o["MasterAccountId"]))
PY
}

# The tool edits the org repo it places customers in: the demo works on a copy made by `init`.
init_org_repo() {
    ORG_DIR="$(mktemp -d)"
    step "miyabi-org init: a copy of this repo's example org in $ORG_DIR"
    miyabi -q init "$ORG_DIR/org"
    cd "$ORG_DIR/org"
}

apply_example_org() {
    step "validate, plan and apply the example org"
    miyabi validate
    echo
    miyabi plan
    echo
    miyabi apply --yes
    echo
    step "the organization as the tool sees it"
    miyabi org tree
}

place_customers() {
    step "placing customers: two in shared pool 1, one in a silo of its own"
    miyabi account create --customer ACME --budget-usd 50 --yes
    echo
    miyabi account create --pool 1 --customer Globex --yes
    echo
    miyabi account create --silo --customer Initech --yes
    echo
    miyabi account create --customer ACME --yes
    echo
    miyabi tenant list
    miyabi account list
    step "the registry the tool wrote (tenants.toml)"
    cat tenants.toml
}

tamper() {
    step "changing the organization behind the tool's back (boto3)"
    py <<'PY'
import json
import boto3

org = boto3.client("organizations")
SCP = "SERVICE_CONTROL_POLICY"

root_id = org.list_roots()["Roots"][0]["Id"]
ous = {ou["Name"]: ou["Id"]
       for page in org.get_paginator("list_organizational_units_for_parent").paginate(ParentId=root_id)
       for ou in page["OrganizationalUnits"]}
workloads = ous["Workloads"]

# 1. A hand-made, untagged SCP attached to Workloads.
doc = {"Version": "2012-10-17",
       "Statement": [{"Sid": "DenyDeleteBucket", "Effect": "Deny",
                      "Action": "s3:DeleteBucket", "Resource": "*"}]}
pol = org.create_policy(Name="hand-made", Description="made by hand in the console",
                        Type=SCP, Content=json.dumps(doc))["Policy"]["PolicySummary"]
org.attach_policy(PolicyId=pol["Id"], TargetId=workloads)
print("    created SCP hand-made (%s) and attached it to Workloads (%s)" % (pol["Id"], workloads))

# 2. Edit the managed SCP region-guard: drop the last allowed region.
policies = {p["Name"]: p["Id"]
            for page in org.get_paginator("list_policies").paginate(Filter=SCP)
            for p in page["Policies"]}
pid = policies["region-guard"]
content = json.loads(org.describe_policy(PolicyId=pid)["Policy"]["Content"])
regions = None
for st in content["Statement"]:
    cond = st.get("Condition", {}).get("StringNotEquals", {})
    if isinstance(cond.get("aws:RequestedRegion"), list):
        regions = cond["aws:RequestedRegion"]
        break
if not regions:
    raise SystemExit("region-guard has no aws:RequestedRegion list to edit")
dropped = regions.pop()
org.update_policy(PolicyId=pid, Content=json.dumps(content, separators=(",", ":")))
print("    removed %s from region-guard (%s); allowed regions now %s"
      % (dropped, pid, ", ".join(regions)))
PY
}

expect_drift() {
    step "drift must exit 2 and name hand-made and region-guard"
    local out status=0
    out="$(miyabi drift 2>&1)" || status=$?
    printf '%s\n' "$out"
    note "exit status: $status"
    (( status == 2 )) || die "drift exited $status, expected 2"
    local name
    for name in hand-made region-guard; do
        grep -q -- "$name" <<<"$out" || die "drift output does not mention $name"
        note "drift names $name: ok"
    done
}

repair() {
    step "apply --yes puts the organization back"
    miyabi apply --yes
}

expect_clean() {
    step "drift must now exit 0"
    local status=0
    miyabi drift || status=$?
    note "exit status: $status"
    (( status == 0 )) || die "drift exited $status after apply, expected 0"
    note "(hand-made stays in the organization as an unmanaged policy, detached)"
}

identity_center() {
    step "IAM Identity Center: groups in the identity store (boto3), then [sso] in miyabi-org.toml"
    py <<'PY'
import boto3, os
kw = dict(endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
store = boto3.client("sso-admin", **kw).list_instances()["Instances"][0]["IdentityStoreId"]
for name in ["PlatformAdmins", "Support"]:
    boto3.client("identitystore", **kw).create_group(IdentityStoreId=store, DisplayName=name)
PY
    cat >> miyabi-org.toml <<'TOML'

[sso]
[sso.permission_set."PlatformAdmin"]
description = "Full access for the platform team"
session_duration = "PT4H"
managed_policies = ["arn:aws:iam::aws:policy/AdministratorAccess"]
[sso.permission_set."ReadOnly"]
description = "Read everything, change nothing"
managed_policies = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]

[[sso.assignment]]
group = "PlatformAdmins"
permission_set = "PlatformAdmin"
ous = ["Workloads"]
accounts = ["Miyabi Security"]
TOML
    tail -16 miyabi-org.toml
    miyabi sso plan
    miyabi sso apply --yes
    step "sso assign: Support reads every pool account (edits miyabi-org.toml, then applies that grant)"
    miyabi sso assign --group Support --permission-set ReadOnly --tier pool --yes
    miyabi sso list
    local status=0
    miyabi drift --only sso || status=$?
    note "exit status: $status"
    (( status == 0 )) || die "drift --only sso exited $status after sso apply, expected 0"
}

agent_workers() {
    step "agent workers: the queues and tables account create made with pool 1 and the silo, then tasks"
    miyabi drift --only workers
    note "exit status: 0 (the ECS service is the application's own deployment: warned about, never created)"
    miyabi worker dispatch --customer ACME --issue acme-corp/app#12
    miyabi worker dispatch --customer ACME --issue https://github.com/acme-corp/app/issues/12
    miyabi worker dispatch --customer Initech --issue initech/tps#7 --kind review --priority high
    miyabi worker status
    miyabi worker tasks --customer ACME
}

worker_scaling() {
    step "worker scaling: the application deploys its ECS service in Pool-1 (boto3), then [workers.scaling] is installed"
    py <<'PY'
import boto3
org = boto3.client("organizations")
pool = next(a["Id"] for a in org.list_accounts()["Accounts"] if a["Name"] == "Pool-1")
creds = boto3.client("sts").assume_role(RoleArn="arn:aws:iam::%s:role/OrganizationAccountAccessRole" % pool,
                                        RoleSessionName="demo")["Credentials"]
ecs = boto3.client("ecs", aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                   aws_session_token=creds["SessionToken"])
ecs.create_cluster(clusterName="miyabi-cluster")
ecs.create_service(cluster="miyabi-cluster", serviceName="agent-worker-service", desiredCount=2)
print("    created ECS service agent-worker-service in Pool-1 (%s), 2 tasks" % pool)
PY
    local status=0
    miyabi drift --only workers || status=$?
    note "exit status: $status (the scalable target, two step policies and two alarms to install)"
    (( status == 2 )) || die "drift --only workers exited $status with the service deployed, expected 2"
    miyabi apply --only workers --yes
    miyabi drift --only workers
    step "worker autoscale: the step rule on Pool-1's live queue (a plan), then drain and resume"
    miyabi worker autoscale --pool 1
    miyabi worker scale --pool 1 --desired 4 --yes
    miyabi worker status --pool 1
    miyabi worker drain --pool 1 --timeout 10s --interval 1 --yes || note "exit status: $? (tasks are still queued: the pool stays drained)"
    miyabi worker dispatch --customer ACME --issue acme-corp/app#13 || note "exit status: $? (dispatch to a drained pool is refused)"
    miyabi worker resume --pool 1 --yes
}

cost_report() {
    local month
    month="$(date -u +%Y-%m)"
    step "cost per customer for $month from a generated CUR 2.0 (the local engine)"
    miyabi cost generate --out cur --from "$month" --to "$month" --rows-per-month 20000
    miyabi cost report --by customer --month "$month"
    echo
    miyabi cost report --by tier --month "$month"
}

cost_advice() {
    local month
    month="$(date -u +%Y-%m)"
    # The customers were placed today: this month is the only one they can be judged on.
    step "cost advise: a month in which Globex costs far more than a pool customer and Initech's silo idles"
    miyabi cost generate --out cur-advice --from "$month" --to "$month" --rows-per-month 200 --scale ACME=0.05 --scale Initech=0.02
    miyabi cost report --path cur-advice --month "$month" --chart
    miyabi cost advise --path cur-advice --months 1 --to "$month" || note "exit status: $? (2: there is advice; nothing was moved)"
}

check_repo_untouched() {
    [[ "$(repo_snapshot)" == "$REPO_SNAPSHOT" ]] || die "the demo modified the org repo's files"
}

main() {
    REPO_SNAPSHOT="$(repo_snapshot)"
    build
    start_sandbox
    note "AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL"
    create_organization
    init_org_repo
    apply_example_org
    place_customers
    tamper
    expect_drift
    repair
    expect_clean
    identity_center
    agent_workers
    worker_scaling
    cost_report
    cost_advice
    cd "$ROOT"
    check_repo_untouched
    step "demo finished: example org applied, customers placed in a pool and a silo, drift detected (exit 2) and repaired (exit 0), Identity Center access granted, tasks dispatched to the customers' accounts and their workers' scaling installed, cost reported per customer and turned into placement advice"
}

main "$@"
