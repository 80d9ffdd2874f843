#!/usr/bin/env bash
# Benchmark miyabi-org against a seeded sandbox organization.
#
#   scripts/bench.sh [--accounts 1000] [--ous 50] [--scps 30] [--runs 20]
#                    [--scale-accounts 5000] [--scale-ous 200] [--scale-scps 100]
#                    [--pool-customers 1000] [--silo-customers 100]
#                    [--registry-customers 10000] [--registry-silos 200] [--dry-run-runs 9]
#                    [--sso-accounts 1000] [--worker-customers 1000] [--worker-silos 50]
#                    [--worker-tasks 10000] [--cost-rows 10000000] [--only SECTION[,SECTION...]]
#
# Sections, in order (--only runs the ones named; the default is all):
#  drift     Seeds a throwaway sandbox (free port, always stopped on exit) with
#            scripts/seed_org.py (--accounts, --ous, --scps) plus a matching org repo; runs
#            `drift --output json` once to warm up, then once measured: exit status (0 = clean
#            expected), API calls (total and by operation) against the budget accounts +
#            2 x OUs + 3 x policies + 10 and against the fewest the API allows (lists come in
#            pages of at most 20), wall time and peak RSS (target < 100 MB).
#            Then `scp explain --all-accounts` once in the same org: its API calls by operation
#            and wall time (goal: no more calls than drift, none per account).
#  startup   `--version` and `validate` on a generated repo with 200 policies of mixed types
#            (SCPs, RCPs, tag and AI opt-out policies) and 40 OUs, --runs times each: median and
#            min (targets < 20 ms each).
#  scale     The drift section again in a reset sandbox at --scale-accounts, --scale-ous and
#            --scale-scps (peak RSS target < 150 MB); its lines start with `scale`.
#  tenancy   scripts/bench_tenancy.py: --pool-customers and --silo-customers placed with one
#            apply into an empty organization, then drift.
#  registry  scripts/bench_registry.py: a tenants.toml of --registry-customers pool customers in
#            full pools of 100 plus --registry-silos silos, applied to a reset sandbox; medians
#            of `validate` and `tenant list --output json` (--runs) and of `account create
#            --customer X --dry-run` (--dry-run-runs) with its API calls; a real placement keeps
#            every comment and the order of tenants.toml.
#  sso       scripts/bench_sso.py: --sso-accounts accounts, 20 permission sets and 50 groups in
#            3 OUs each (about 3,000 assignments) behind the fault proxy's delay: the apply from
#            empty (seconds, most assignment requests outstanding, peak memory), then drift's
#            Identity Center reads against the per-pair way (goal: 10x fewer calls).
#  workers   scripts/bench_workers.py: --worker-customers customers (--worker-silos of them in silos,
#            the rest in pools of up to 100), one apply, then behind the fault proxy's delay
#            `worker dispatch` of --worker-tasks tasks from one file (tasks a second, SQS calls per
#            task: goal <= 0.11, all API calls per task, peak memory), the same file again (nothing
#            sent), and `worker status` over every account, 16 at once against one after another.
#  cost      scripts/bench_cost.py: `cost report` over --cost-rows CUR rows (10,000 customers) against
#            DuckDB, then `cost advise --months 3` against `cost report` over the same months.
# The sandbox's calls are signed with an IAM access key of the management account, created in
# the sandbox (seed_org.py --credentials-out): moto finds its account at once, where for the
# placeholder key `testing` it searches every account's IAM on every request.
# Prints `name: value` lines and markdown tables for the README on stdout (progress goes to
# stderr). Exits 1 if any check FAILs.
#
# Env: MIYABI_BIN to use a given binary; otherwise `cargo build --release -q` and
#      $CARGO_TARGET_DIR/release/miyabi-org (CARGO_TARGET_DIR defaults to
#      ~/.cache/miyabi-org/target).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/miyabi-org/target}"
PY="$ROOT/.venv/bin/python"

ACCOUNTS=1000
OUS=50
SCPS=30
RUNS=20
POOL_CUSTOMERS=1000
COST_ROWS=10000000
SILO_CUSTOMERS=100
SCALE_ACCOUNTS=5000
SCALE_OUS=200
SCALE_SCPS=100
SCALE_RSS_LIMIT_MB=150
REGISTRY_CUSTOMERS=10000
REGISTRY_SILOS=200
DRY_RUN_RUNS=9
SSO_ACCOUNTS=1000
WORKER_CUSTOMERS=1000
WORKER_SILOS=50
WORKER_TASKS=10000
SECTIONS="drift,startup,scale,tenancy,registry,sso,workers,cost"
FAILED=()
VALIDATE_SCPS=200
VALIDATE_OUS=40
RSS_LIMIT_MB=100
VERSION_TARGET_MS=20
VALIDATE_TARGET_MS=20

BIN=""
TMP=""

# ---------------------------------------------------------------- helpers

step() { printf '==> %s\n' "$*" >&2; }
die()  { printf 'bench: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,47p' "$ROOT/scripts/bench.sh" | sed 's/^# \{0,1\}//' >&2
    exit 64
}


cleanup() {
    local status=$?
    stop_started_sandbox
    [[ -n "$TMP" ]] && rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

parse_args() {
    while (( $# )); do
        case "$1" in
            --accounts) ACCOUNTS="${2:-}"; shift 2 || usage ;;
            --ous)      OUS="${2:-}";      shift 2 || usage ;;
            --scps)     SCPS="${2:-}";     shift 2 || usage ;;
            --runs)     RUNS="${2:-}";     shift 2 || usage ;;
            --pool-customers) POOL_CUSTOMERS="${2:-}"; shift 2 || usage ;;
            --silo-customers) SILO_CUSTOMERS="${2:-}"; shift 2 || usage ;;
            --cost-rows) COST_ROWS="${2:-}"; shift 2 || usage ;;
            --scale-accounts) SCALE_ACCOUNTS="${2:-}"; shift 2 || usage ;;
            --scale-ous)      SCALE_OUS="${2:-}";      shift 2 || usage ;;
            --scale-scps)     SCALE_SCPS="${2:-}";     shift 2 || usage ;;
            --registry-customers) REGISTRY_CUSTOMERS="${2:-}"; shift 2 || usage ;;
            --registry-silos) REGISTRY_SILOS="${2:-}"; shift 2 || usage ;;
            --dry-run-runs)   DRY_RUN_RUNS="${2:-}";   shift 2 || usage ;;
            --sso-accounts)   SSO_ACCOUNTS="${2:-}";   shift 2 || usage ;;
            --worker-customers) WORKER_CUSTOMERS="${2:-}"; shift 2 || usage ;;
            --worker-silos)   WORKER_SILOS="${2:-}";   shift 2 || usage ;;
            --worker-tasks)   WORKER_TASKS="${2:-}";   shift 2 || usage ;;
            --only)           SECTIONS="${2:-}";       shift 2 || usage ;;
            --accounts=*) ACCOUNTS="${1#*=}"; shift ;;
            --ous=*)      OUS="${1#*=}";      shift ;;
            --scps=*)     SCPS="${1#*=}";     shift ;;
            --runs=*)     RUNS="${1#*=}";     shift ;;
            -h|--help) usage ;;
            *) echo "bench: unknown argument: $1" >&2; usage ;;
        esac
    done
    local v
    for v in "$ACCOUNTS" "$OUS" "$SCPS" "$RUNS" "$POOL_CUSTOMERS" "$SILO_CUSTOMERS" "$COST_ROWS" \
             "$SCALE_ACCOUNTS" "$SCALE_OUS" "$SCALE_SCPS" "$REGISTRY_CUSTOMERS" "$REGISTRY_SILOS" "$DRY_RUN_RUNS" "$SSO_ACCOUNTS" \
             "$WORKER_CUSTOMERS" "$WORKER_SILOS" "$WORKER_TASKS"; do
        [[ "$v" =~ ^[0-9]+$ ]] || die "not a non-negative integer: '$v'"
    done
    (( RUNS >= 1 && DRY_RUN_RUNS >= 1 )) || die "--runs and --dry-run-runs must be at least 1"
    (( WORKER_SILOS < WORKER_CUSTOMERS && WORKER_TASKS >= 1 )) ||
        die "--worker-silos must be below --worker-customers, and --worker-tasks at least 1"
    local section
    for section in ${SECTIONS//,/ }; do
        [[ ",drift,startup,scale,tenancy,registry,sso,workers,cost," == *",$section,"* ]] || die "unknown section: '$section'"
    done
}

wanted() { [[ ",$SECTIONS," == *",$1,"* ]]; }

# Runs a section; a failed check is remembered and the next section still runs.
section() {
    wanted "$1" || return 0
    "${@:2}" || FAILED+=("$1")
}

# ---------------------------------------------------------------- steps

build() {
    if [[ -n "${MIYABI_BIN:-}" ]]; then
        BIN="$MIYABI_BIN"
        step "using MIYABI_BIN=$BIN"
    else
        step "building miyabi-org (release)"
        cargo build --release -q
        BIN="$CARGO_TARGET_DIR/release/miyabi-org"
    fi
    [[ -x "$BIN" ]] || die "binary not found or not executable: $BIN"
}


# seed LABEL ACCOUNTS OUS SCPS: a reset sandbox seeded, with a repo that declares it, in $TMP/LABEL-repo;
# the tool's calls are then signed with the sandbox's own IAM key ($TMP/LABEL-credentials).
seed() {
    local label="$1" accounts="$2" ous="$3" scps="$4" t0=$SECONDS
    step "seeding $accounts accounts, $ous OUs, $scps SCPs"
    "$ROOT/scripts/sandbox.sh" reset "${AWS_ENDPOINT_URL##*:}" 2>/dev/null &&
    "$PY" scripts/seed_org.py --endpoint-url "$AWS_ENDPOINT_URL" --accounts "$accounts" --ous "$ous" --scps "$scps" \
        --repo "$TMP/$label-repo" --credentials-out "$TMP/$label-credentials" >&2 &&
    echo "$(( SECONDS - t0 ))" > "$TMP/$label-seed-seconds"
}

# measure_drift LABEL ACCOUNTS OUS SCPS RSS_LIMIT_MB: drift once to warm up, then once under
# wait4() for wall time and peak RSS; writes $TMP/LABEL-result.json.
measure_drift() {
    local label="$1"
    step "drift --output json at $2 accounts (1 warm-up run, 1 measured run)"
    (
        # shellcheck disable=SC1090
        source "$TMP/$label-credentials"
        "$PY" - "$BIN" "$TMP/$label-repo" "$TMP" "$@" <<'PY'
import json, math, os, subprocess, sys, time

bin_, repo, tmp, label, accounts, ous, scps, rss_limit = sys.argv[1:]
accounts, ous, scps, rss_limit = int(accounts), int(ous), int(scps), float(rss_limit)
cmd = [bin_, "--config", repo, "drift", "--output", "json"]
out_path, err_path = os.path.join(tmp, label + ".out"), os.path.join(tmp, label + ".err")

def run():
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, wall, usage.ru_maxrss  # KiB on Linux

warm_status, warm_wall, _ = run()
print("    warm-up: exit %d in %.2f s" % (warm_status, warm_wall), file=sys.stderr)
status, wall, maxrss_kib = run()

raw = open(out_path, encoding="utf-8", errors="replace").read()
try:
    doc = json.loads(raw)
except ValueError:
    doc = None
    print("bench: drift did not print JSON (exit %d); stdout:\n%s\nstderr:\n%s"
          % (status, raw[-4000:], open(err_path, errors="replace").read()[-4000:]), file=sys.stderr)

# The fewest calls the API allows for the seeded org: one tag read per account and per
# customer-managed policy, its document and targets, and every list in pages of at most 20
# (moto returns a policy's targets in one page).
pages = lambda n: max(1, math.ceil(n / 20.0))
per_ou = [accounts // ous + (1 if k < accounts % ous else 0) for k in range(ous)] if ous else []
fewest = {
    "ListTagsForResource": accounts + 1 + scps,
    "DescribePolicy": scps,
    "ListTargetsForPolicy": scps + 1,
    "ListOrganizationalUnitsForParent": pages(ous) + ous,
    "ListAccountsForParent": pages(1 + (0 if ous else accounts)) + sum(pages(n) for n in per_ou),
    "ListPolicies": pages(scps + 1) + 1,
    "DescribeOrganization": 1, "ListRoots": 1, "GetCallerIdentity": 1, "DescribeBudgets": 1,
}
stats = (doc or {}).get("stats", {})
budget = (accounts + 1) + 2 * (ous + 1) + 3 * (scps + 1) + 10
calls = stats.get("api_calls")
rss_mb = maxrss_kib / 1024.0
result = {
    "accounts": accounts, "ous": ous, "scps": scps, "rss_limit": rss_limit,
    "seed_seconds": int(open(os.path.join(tmp, label + "-seed-seconds")).read()),
    "drift_exit": status,
    "drift_clean": status == 0 and doc is not None and doc.get("drift") is False,
    "drift_json": doc,
    "api_calls": calls,
    "api_calls_by_operation": stats.get("api_calls_by_operation", {}),
    "fewest": sum(fewest.values()),
    "fewest_by_operation": fewest,
    "retries": stats.get("retries"),
    "tool_seconds": stats.get("seconds"),
    "budget": budget,
    "budget_pass": calls is not None and calls <= budget,
    "fewest_pass": calls is not None and calls <= max(budget, sum(fewest.values())),
    "wall_s": wall,
    "rss_mb": rss_mb,
    "rss_pass": rss_mb < rss_limit,
}
json.dump(result, open(os.path.join(tmp, label + "-result.json"), "w"))
PY
    )
}

# report_drift LABEL PREFIX: the `name: value` lines and the table rows of one drift measure;
# fails if a check failed.
report_drift() {
    "$PY" - "$TMP/$1-result.json" "$2" <<'PY'
import json, sys

d, prefix = json.load(open(sys.argv[1])), sys.argv[2]
ok = lambda b: "PASS" if b else "FAIL"
accounts, ous, scps = d["accounts"], d["ous"], d["scps"]
n_acc, n_ou, n_pol = accounts + 1, ous + 1, scps + 1
p = lambda line: print((prefix + " " + line) if prefix else line)
p("org: %d accounts (+ management), %d OUs (+ root), %d SCPs (+ FullAWSAccess); seeded in %d s"
  % (accounts, ous, scps, d["seed_seconds"]))
p("drift exit status: %d (%s, expected 0 = clean)" % (d["drift_exit"], ok(d["drift_clean"])))
p("drift api calls: %s" % d["api_calls"])
for op, n in sorted(d["api_calls_by_operation"].items()):
    p("drift api calls %s: %s (fewest the API allows: %s)" % (op, n, d["fewest_by_operation"].get(op, 0)))
over = (d["api_calls"] or 0) - d["budget"]
p("drift api call budget: %d = %d accounts + 2 x %d OUs + 3 x %d policies + 10 (%s)"
  % (d["budget"], n_acc, n_ou, n_pol, "PASS" if d["budget_pass"] else "MISSED by %d" % over))
p("drift api calls the API allows at fewest (lists in pages of at most 20): %d (%s: no more than that or the budget)"
  % (d["fewest"], ok(d["fewest_pass"])))
p("drift retries: %s" % d["retries"])
p("drift wall seconds: %.2f (tool's own stats: %s)" % (d["wall_s"], d["tool_seconds"]))
p("drift peak memory MB: %.1f (target < %g MB: %s)" % (d["rss_mb"], d["rss_limit"], ok(d["rss_pass"])))
doc = d.get("drift_json")
if not d["drift_clean"] and doc is not None:
    for key in ("changes", "unmanaged", "warnings", "summary"):
        p("drift %s: %s" % (key, json.dumps(doc.get(key), indent=2)))
print()
print("| Measure (%d accounts, %d OUs, %d SCPs) | Result | Target |" % (accounts, ous, scps))
print("|---|---|---|")
print("| `drift` API calls | %s | <= %d = %d accounts + 2 x %d OUs + 3 x %d policies + 10 (%s); fewest the API allows: %d |"
      % (d["api_calls"], d["budget"], n_acc, n_ou, n_pol,
         "PASS" if d["budget_pass"] else "MISSED by %d" % over, d["fewest"]))
print("| `drift` wall time | %.2f s | |" % d["wall_s"])
print("| `drift` peak memory | %.1f MB | < %g MB (%s) |" % (d["rss_mb"], d["rss_limit"], ok(d["rss_pass"])))
print()
sys.exit(0 if d["drift_clean"] and d["fewest_pass"] and d["rss_pass"] else 1)
PY
}

# (Inside `section`, set -e does not apply: each step is chained with &&.)
# `scp explain --all-accounts` in the seeded org: calls by operation against drift's, wall time.
measure_explain() {
    step "scp explain --all-accounts --output json at $ACCOUNTS accounts"
    (
        # shellcheck disable=SC1090
        source "$TMP/drift-credentials"
        "$PY" - "$BIN" "$TMP/drift-repo" "$TMP/drift-result.json" <<'PY'
import json, subprocess, sys, time

bin_, repo, drift_path = sys.argv[1:]
drift = json.load(open(drift_path))
cmd = [bin_, "--config", repo, "scp", "explain", "--all-accounts", "--action", "ec2:DeleteVpc", "--output", "json"]
t0 = time.perf_counter()
p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
wall = time.perf_counter() - t0
doc = json.loads(p.stdout) if p.returncode == 0 else {}
stats = doc.get("stats", {})
calls, by_op = stats.get("api_calls"), stats.get("api_calls_by_operation", {})
ok = calls is not None and calls <= drift["api_calls"] and all(n <= drift["api_calls_by_operation"].get(op, 0) for op, n in by_op.items())
print("explain --all-accounts exit status: %d" % p.returncode)
print("explain --all-accounts accounts: %s, not allowed: %s" % (doc.get("accounts"), len(doc.get("not_allowed", []))))
print("explain --all-accounts api calls: %s (drift: %s; %s: no more than drift of any operation, none per account)"
      % (calls, drift["api_calls"], "PASS" if ok else "FAIL"))
for op, n in sorted(by_op.items()):
    print("explain --all-accounts api calls %s: %s (drift: %s)" % (op, n, drift["api_calls_by_operation"].get(op, 0)))
print("explain --all-accounts wall seconds: %.2f" % wall)
print()
print("| `scp explain --all-accounts` | %s API calls, %.2f s | no more than drift's %s, none per account (%s) |"
      % (calls, wall, drift["api_calls"], "PASS" if ok else "FAIL"))
print()
if p.returncode != 0:
    print(p.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
sys.exit(0 if ok and p.returncode == 0 else 1)
PY
    )
}

drift_section() {
    seed drift "$ACCOUNTS" "$OUS" "$SCPS" &&
        measure_drift drift "$ACCOUNTS" "$OUS" "$SCPS" "$RSS_LIMIT_MB" &&
        report_drift drift "" &&
        measure_explain
}

scale_section() {
    seed scale "$SCALE_ACCOUNTS" "$SCALE_OUS" "$SCALE_SCPS" &&
        measure_drift scale "$SCALE_ACCOUNTS" "$SCALE_OUS" "$SCALE_SCPS" "$SCALE_RSS_LIMIT_MB" &&
        report_drift scale scale
}

# A repo with VALIDATE_SCPS small policies of mixed types (3 in 5 SCPs, then RCPs, tag and AI
# opt-out policies in turn) and VALIDATE_OUS OUs, each OU carrying FullAWSAccess and up to 4
# distinct SCPs and one policy of each other type (the rest stay unattached).
make_validate_repo() {
    step "generating a repo with $VALIDATE_SCPS policies of mixed types and $VALIDATE_OUS OUs"
    "$PY" - "$TMP/validate-repo" "$VALIDATE_SCPS" "$VALIDATE_OUS" <<'PY'
import json, os, sys

repo, n_policies, n_ous = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per_ou = 4
kinds = {"scp": [], "rcp": [], "tag": [], "ai-opt-out": []}
for i in range(n_policies):
    kind = "scp" if i % 5 < 3 else ["rcp", "tag", "ai-opt-out"][(i // 5 + i % 5) % 3]
    name = "bench-%03d" % (i + 1)
    kinds[kind].append(name)
    if kind == "scp":
        doc = {"Version": "2012-10-17",
               "Statement": [{"Sid": "DenyBench%03d" % (i + 1), "Effect": "Deny", "Action": "ec2:DeleteVpc", "Resource": "*",
                              "Condition": {"StringEquals": {"aws:ResourceTag/bench": str(i + 1)}}}]}
    elif kind == "rcp":
        doc = {"Version": "2012-10-17",
               "Statement": [{"Sid": "DenyBench%03d" % (i + 1), "Effect": "Deny", "Principal": "*", "Action": "s3:DeleteBucket",
                              "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "${aws:ResourceOrgID}"}}}]}
    elif kind == "tag":
        doc = {"tags": {"bench%03d" % (i + 1): {"tag_key": {"@@assign": "Bench%03d" % (i + 1)}}}}
    else:
        doc = {"services": {"default": {"opt_out_policy": {"@@assign": "optOut"}}}}
    os.makedirs(os.path.join(repo, "policies", kind), exist_ok=True)
    with open(os.path.join(repo, "policies", kind, name + ".json"), "w") as f:
        f.write(json.dumps(doc, indent=2) + "\n")
lines = ["[organization]", 'name = "bench"', 'home_region = "us-east-1"']
keys = {"rcp": "rcps", "tag": "tag_policies", "ai-opt-out": "ai_opt_out_policies"}
for k in range(n_ous):
    scps = ["FullAWSAccess"] + kinds["scp"][k * per_ou:(k + 1) * per_ou]
    lines += ["", '[ou."OU-%02d"]' % (k + 1), "scps = [%s]" % ", ".join('"%s"' % s for s in scps)]
    for kind, key in keys.items():
        if k < len(kinds[kind]):
            lines.append('%s = ["%s"]' % (key, kinds[kind][k]))
with open(os.path.join(repo, "miyabi-org.toml"), "w") as f:
    f.write("\n".join(lines) + "\n")
PY
}

# Times `--version` and `validate` RUNS times each (after one untimed run).
measure_startup() {
    step "timing --version and validate ($RUNS runs each)"
    "$PY" - "$BIN" "$TMP/validate-repo" "$RUNS" "$TMP" <<'PY'
import json, os, statistics, subprocess, sys, time

bin_, repo, runs, tmp = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
cases = {"version": [bin_, "--version"], "validate": [bin_, "--config", repo, "validate"]}
result = {}
for name, cmd in cases.items():
    first = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
    if first.returncode != 0:
        print("bench: %s exited %d:\n%s%s" % (" ".join(cmd), first.returncode,
              first.stdout.decode(errors="replace"), first.stderr.decode(errors="replace")),
              file=sys.stderr)
    times, failures = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
        times.append((time.perf_counter() - t0) * 1000.0)
        failures += p.returncode != 0
    result[name] = {"median_ms": statistics.median(times), "min_ms": min(times),
                    "failures": failures, "first_exit": first.returncode,
                    "first_output": first.stdout.decode(errors="replace").strip()}
json.dump(result, open(os.path.join(tmp, "startup-result.json"), "w"))
PY
}

# Prints the `name: value` lines and the table rows of the startup section; exits 1 if a check failed.
report_startup() {
    "$PY" - "$TMP" "$BIN" "$RUNS" "$VALIDATE_SCPS" "$VALIDATE_OUS" "$VERSION_TARGET_MS" "$VALIDATE_TARGET_MS" <<'PY'
import json, os, sys

tmp, bin_ = sys.argv[1], sys.argv[2]
runs, v_scps, v_ous = map(int, sys.argv[3:6])
version_ms, validate_ms = map(float, sys.argv[6:8])
s = json.load(open(os.path.join(tmp, "startup-result.json")))
ok = lambda b: "PASS" if b else "FAIL"
ver, val = s["version"], s["validate"]
ver_pass = ver["median_ms"] < version_ms and ver["failures"] == 0 and ver["first_exit"] == 0
val_pass = val["median_ms"] < validate_ms and val["failures"] == 0 and val["first_exit"] == 0
print("binary: %s (%s)" % (bin_, ver["first_output"]))
print("version median ms: %.1f (target < %g ms: %s)" % (ver["median_ms"], version_ms, ok(ver_pass)))
print("version min ms: %.1f" % ver["min_ms"])
print("validate (%d policies of mixed types, %d OUs) median ms: %.1f (target < %g ms: %s)"
      % (v_scps, v_ous, val["median_ms"], validate_ms, ok(val_pass)))
print("validate min ms: %.1f" % val["min_ms"])
print("runs: %d" % runs)
if ver["failures"] or val["failures"]:
    print("failed runs: version %d, validate %d" % (ver["failures"], val["failures"]))
print()
print("| Measure | Result | Target |")
print("|---|---|---|")
print("| `--version` | %.1f ms median, %.1f ms min | < %g ms (%s) |"
      % (ver["median_ms"], ver["min_ms"], version_ms, ok(ver_pass)))
print("| `validate`, %d policies of mixed types / %d OUs | %.1f ms median, %.1f ms min | < %g ms (%s) |"
      % (v_scps, v_ous, val["median_ms"], val["min_ms"], validate_ms, ok(val_pass)))
print()
sys.exit(0 if ver_pass and val_pass else 1)
PY
}

startup_section() {
    make_validate_repo && measure_startup && report_startup
}

# The account factory: customers placed with one apply into a fresh organization (the sandbox is reset).
measure_tenancy() {
    step "tenancy: $POOL_CUSTOMERS pool and $SILO_CUSTOMERS silo customers with one apply, then drift"
    "$PY" scripts/bench_tenancy.py --bin "$BIN" --endpoint-url "$AWS_ENDPOINT_URL" \
        --pool-customers "$POOL_CUSTOMERS" --silo-customers "$SILO_CUSTOMERS"
}

# A registry of REGISTRY_CUSTOMERS customers plus REGISTRY_SILOS silos (the sandbox is reset).
measure_registry() {
    step "registry: $REGISTRY_CUSTOMERS pool customers and $REGISTRY_SILOS silos; validate, tenant list, account create"
    BENCH_REGISTRY_JSON="$TMP/registry-result.json" "$PY" scripts/bench_registry.py --bin "$BIN" \
        --endpoint-url "$AWS_ENDPOINT_URL" --pool-customers "$REGISTRY_CUSTOMERS" \
        --silo-customers "$REGISTRY_SILOS" --runs "$RUNS" --dry-run-runs "$DRY_RUN_RUNS"
}

# Identity Center at 1,000 accounts and ~3,000 assignments (the sandbox is reset).
measure_sso() {
    step "sso: $SSO_ACCOUNTS accounts, 20 permission sets, 50 groups: apply from empty, then drift against the per-pair reads"
    "$PY" scripts/bench_sso.py --bin "$BIN" --endpoint-url "$AWS_ENDPOINT_URL" --accounts "$SSO_ACCOUNTS"
}

# Agent workers: dispatch from one file and status over every account (the sandbox is reset).
measure_workers() {
    step "workers: $WORKER_TASKS tasks for $WORKER_CUSTOMERS customers ($WORKER_SILOS in silos): dispatch, dispatch again, status at once and one account after another"
    "$PY" scripts/bench_workers.py --bin "$BIN" --endpoint-url "$AWS_ENDPOINT_URL" --customers "$WORKER_CUSTOMERS" \
        --silos "$WORKER_SILOS" --tasks "$WORKER_TASKS"
}

# The local cost engine against DuckDB on the same CUR 2.0 files.
measure_cost() {
    step "cost: $COST_ROWS CUR rows, the local engine against DuckDB"
    "$PY" scripts/bench_cost.py --bin "$BIN" --rows "$COST_ROWS"
}

main() {
    parse_args "$@"
    build
    TMP="$(mktemp -d "${TMPDIR:-/tmp}/miyabi-bench.XXXXXX")"
    if wanted drift || wanted scale || wanted tenancy || wanted registry || wanted sso || wanted workers; then
        start_sandbox
    fi
    section drift drift_section
    section startup startup_section
    section scale scale_section
    section tenancy measure_tenancy
    section registry measure_registry
    section sso measure_sso
    section workers measure_workers
    section cost measure_cost
    if (( ${#FAILED[@]} )); then
        echo "bench: FAILED: ${FAILED[*]}" >&2
        exit 1
    fi
}

main "$@"
