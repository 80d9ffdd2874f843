#!/usr/bin/env bash
# Benchmark miyabi-org against a seeded sandbox organization.
#
#   scripts/bench.sh [--accounts 1000] [--ous 50] [--scps 30] [--runs 20]
#                    [--pool-customers 1000] [--silo-customers 100] [--cost-rows 10000000]
#
# 1. Starts a throwaway sandbox on a free port (always stopped on exit) and seeds
#    it with scripts/seed_org.py (N accounts, N OUs, N SCPs) plus a matching org repo.
# 2. Runs `drift --output json` once to warm up, then once measured: exit status
#    (0 = clean expected), API calls (total and by operation) against the budget
#    accounts + 2 x OUs + 3 x policies + 10, wall time and peak RSS (target < 100 MB).
# 3. Times `--version` and `validate` on a generated repo with 200 SCPs and 40 OUs,
#    --runs times each: median and min (targets < 20 ms and < 200 ms).
# Prints `name: value` lines, then a markdown table for the README, on stdout
# (progress goes to stderr).  Exits 1 if any check FAILs.
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
VALIDATE_SCPS=200
VALIDATE_OUS=40
RSS_LIMIT_MB=100
VERSION_TARGET_MS=20
VALIDATE_TARGET_MS=200

BIN=""
TMP=""

# ---------------------------------------------------------------- helpers

step() { printf '==> %s\n' "$*" >&2; }
die()  { printf 'bench: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,18p' "$ROOT/scripts/bench.sh" | sed 's/^# \{0,1\}//' >&2
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
            --accounts=*) ACCOUNTS="${1#*=}"; shift ;;
            --ous=*)      OUS="${1#*=}";      shift ;;
            --scps=*)     SCPS="${1#*=}";     shift ;;
            --runs=*)     RUNS="${1#*=}";     shift ;;
            -h|--help) usage ;;
            *) echo "bench: unknown argument: $1" >&2; usage ;;
        esac
    done
    local v
    for v in "$ACCOUNTS" "$OUS" "$SCPS" "$RUNS"; do
        [[ "$v" =~ ^[0-9]+$ ]] || die "not a non-negative integer: '$v'"
    done
    (( RUNS >= 1 )) || die "--runs must be at least 1"
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


seed() {
    step "seeding $ACCOUNTS accounts, $OUS OUs, $SCPS SCPs"
    "$PY" scripts/seed_org.py --endpoint-url "$AWS_ENDPOINT_URL" \
        --accounts "$ACCOUNTS" --ous "$OUS" --scps "$SCPS" --repo "$TMP/bench-repo" >&2
}

# drift once to warm up, then once under wait4() for wall time and peak RSS.
measure_drift() {
    step "drift --output json (1 warm-up run, 1 measured run)"
    "$PY" - "$BIN" "$TMP/bench-repo" "$TMP" "$ACCOUNTS" "$OUS" "$SCPS" "$RSS_LIMIT_MB" <<'PY'
import json, os, subprocess, sys, time

bin_, repo, tmp, accounts, ous, scps, rss_limit = sys.argv[1:]
accounts, ous, scps, rss_limit = int(accounts), int(ous), int(scps), float(rss_limit)
cmd = [bin_, "--config", repo, "drift", "--output", "json"]
out_path, err_path = os.path.join(tmp, "drift.out"), os.path.join(tmp, "drift.err")

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

stats = (doc or {}).get("stats", {})
budget = (accounts + 1) + 2 * (ous + 1) + 3 * (scps + 1) + 10
calls = stats.get("api_calls")
rss_mb = maxrss_kib / 1024.0
result = {
    "drift_exit": status,
    "drift_clean": status == 0 and doc is not None and doc.get("drift") is False,
    "drift_json": doc,
    "api_calls": calls,
    "api_calls_by_operation": stats.get("api_calls_by_operation", {}),
    "retries": stats.get("retries"),
    "tool_seconds": stats.get("seconds"),
    "budget": budget,
    "budget_pass": calls is not None and calls <= budget,
    "wall_s": wall,
    "rss_mb": rss_mb,
    "rss_pass": rss_mb < rss_limit,
}
json.dump(result, open(os.path.join(tmp, "drift-result.json"), "w"))
PY
}

# A repo with VALIDATE_SCPS small SCPs and VALIDATE_OUS OUs, each OU carrying
# FullAWSAccess and 4 distinct policies (the rest stay unattached).
make_validate_repo() {
    step "generating a repo with $VALIDATE_SCPS SCPs and $VALIDATE_OUS OUs"
    "$PY" - "$TMP/validate-repo" "$VALIDATE_SCPS" "$VALIDATE_OUS" <<'PY'
import json, os, sys

repo, n_scps, n_ous = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per_ou = 4
scp_dir = os.path.join(repo, "policies", "scp")
os.makedirs(scp_dir, exist_ok=True)
names = ["bench-%03d" % (i + 1) for i in range(n_scps)]
for i, name in enumerate(names):
    doc = {"Version": "2012-10-17",
           "Statement": [{"Sid": "DenyBench%03d" % (i + 1), "Effect": "Deny",
                          "Action": "ec2:DeleteVpc", "Resource": "*",
                          "Condition": {"StringEquals": {"aws:ResourceTag/bench": str(i + 1)}}}]}
    with open(os.path.join(scp_dir, name + ".json"), "w") as f:
        f.write(json.dumps(doc, indent=2) + "\n")
lines = ["[organization]", 'name = "bench"', 'home_region = "us-east-1"']
for k in range(n_ous):
    scps = ["FullAWSAccess"] + names[k * per_ou:(k + 1) * per_ou]
    lines += ["", '[ou."OU-%02d"]' % (k + 1), "scps = [%s]" % ", ".join('"%s"' % s for s in scps)]
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

# Prints the `name: value` block and the markdown table; exits 1 if a check failed.
report() {
    "$PY" - "$TMP" "$BIN" "$ACCOUNTS" "$OUS" "$SCPS" "$RUNS" "$VALIDATE_SCPS" "$VALIDATE_OUS" \
        "$RSS_LIMIT_MB" "$VERSION_TARGET_MS" "$VALIDATE_TARGET_MS" <<'PY'
import json, os, sys

tmp, bin_ = sys.argv[1], sys.argv[2]
accounts, ous, scps, runs, v_scps, v_ous = map(int, sys.argv[3:9])
rss_limit, version_ms, validate_ms = map(float, sys.argv[9:12])
d = json.load(open(os.path.join(tmp, "drift-result.json")))
s = json.load(open(os.path.join(tmp, "startup-result.json")))
ok = lambda b: "PASS" if b else "FAIL"
fails = []

def check(name, passed):
    if not passed:
        fails.append(name)
    return ok(passed)

ver, val = s["version"], s["validate"]
ver_pass = ver["median_ms"] < version_ms and ver["failures"] == 0 and ver["first_exit"] == 0
val_pass = val["median_ms"] < validate_ms and val["failures"] == 0 and val["first_exit"] == 0
n_acc, n_ou, n_pol = accounts + 1, ous + 1, scps + 1

print("binary: %s (%s)" % (bin_, ver["first_output"]))
print("org: %d accounts (+ management), %d OUs (+ root), %d SCPs (+ FullAWSAccess)" % (accounts, ous, scps))
print("drift exit status: %d (%s, expected 0 = clean)" % (d["drift_exit"], check("drift clean", d["drift_clean"])))
print("drift api calls: %s" % d["api_calls"])
for op, n in sorted(d["api_calls_by_operation"].items()):
    print("drift api calls %s: %s" % (op, n))
print("drift api call budget: %d = %d accounts + 2 x %d OUs + 3 x %d policies + 10 (%s)"
      % (d["budget"], n_acc, n_ou, n_pol, check("api call budget", d["budget_pass"])))
print("drift retries: %s" % d["retries"])
print("drift wall seconds: %.2f (tool's own stats: %s)" % (d["wall_s"], d["tool_seconds"]))
print("drift peak memory MB: %.1f (target < %g MB: %s)" % (d["rss_mb"], rss_limit, check("peak memory", d["rss_pass"])))
print("version median ms: %.1f (target < %g ms: %s)" % (ver["median_ms"], version_ms, check("version time", ver_pass)))
print("version min ms: %.1f" % ver["min_ms"])
print("validate (%d SCPs, %d OUs) median ms: %.1f (target < %g ms: %s)"
      % (v_scps, v_ous, val["median_ms"], validate_ms, check("validate time", val_pass)))
print("validate min ms: %.1f" % val["min_ms"])
print("runs: %d" % runs)
if ver["failures"] or val["failures"]:
    print("failed runs: version %d, validate %d" % (ver["failures"], val["failures"]))

doc = d.get("drift_json")
if not d["drift_clean"] and doc is not None:
    print("drift changes: %s" % json.dumps(doc.get("changes"), indent=2))
    print("drift unmanaged: %s" % json.dumps(doc.get("unmanaged"), indent=2))
    print("drift warnings: %s" % json.dumps(doc.get("warnings"), indent=2))
    print("drift summary: %s" % json.dumps(doc.get("summary")))

print()
print("| Measure (%d accounts, %d OUs, %d SCPs) | Result | Target |" % (accounts, ous, scps))
print("|---|---|---|")
print("| `drift` API calls | %s | <= %d (%s) |" % (d["api_calls"], d["budget"], ok(d["budget_pass"])))
print("| `drift` wall time | %.2f s | |" % d["wall_s"])
print("| `drift` peak memory | %.1f MB | < %g MB (%s) |" % (d["rss_mb"], rss_limit, ok(d["rss_pass"])))
print("| `--version` | %.1f ms median, %.1f ms min | < %g ms (%s) |"
      % (ver["median_ms"], ver["min_ms"], version_ms, ok(ver_pass)))
print("| `validate`, %d SCPs / %d OUs | %.1f ms median, %.1f ms min | < %g ms (%s) |"
      % (v_scps, v_ous, val["median_ms"], val["min_ms"], validate_ms, ok(val_pass)))

if fails:
    print("\nbench: FAILED: %s" % ", ".join(fails), file=sys.stderr)
    sys.exit(1)
PY
}

# The account factory: customers placed with one apply into a fresh organization (the sandbox is reset).
measure_tenancy() {
    step "tenancy: $POOL_CUSTOMERS pool and $SILO_CUSTOMERS silo customers with one apply, then drift"
    "$PY" scripts/bench_tenancy.py --bin "$BIN" --endpoint-url "$AWS_ENDPOINT_URL" \
        --pool-customers "$POOL_CUSTOMERS" --silo-customers "$SILO_CUSTOMERS"
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
    start_sandbox
    seed
    measure_drift
    make_validate_repo
    measure_startup
    report
    measure_tenancy
    measure_cost
}

main "$@"
