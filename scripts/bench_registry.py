"""Benchmark of a large tenant registry: N pool customers in N/100 full pools plus M silos.

    .venv/bin/python scripts/bench_registry.py --bin BIN --endpoint-url URL [--pool-customers 10000]
        [--silo-customers 200] [--runs 20] [--dry-run-runs 9]

Run by scripts/bench.sh against its sandbox, which it resets. It writes a tenants.toml with
comments (a header, one before every 100th customer, one at the end of some lines), applies it
once so that the sandbox holds the registry's accounts and budgets (3 core accounts, one per pool
and per silo), then times, after one untimed run each:

  * `validate` and `tenant list --output json` (offline: no AWS call), --runs times each;
  * `account create --customer NEW --dry-run` (reads the organization's accounts and budgets from
    the sandbox), --dry-run-runs times; once more through tests/support/fault_proxy.py with
    --log, to count its API calls by operation;
  * the real `account create --customer NEW --yes`: the placement's edit of tenants.toml must add
    the new pool and the customer and change nothing else (every comment kept, order kept).

Signs with an IAM access key of the management account (see seed_org.py --credentials-out).
Prints `name: value` lines on stdout; exits 1 if a check fails.
"""

import argparse
import collections
import difflib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request

import boto3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from measure import run  # noqa: E402
from seed_org import create_access_key  # noqa: E402

CAPACITY = 100
NEW_CUSTOMER = "NEWCO"


def timed(cmd, cwd, env, runs):
    """One untimed run, then `runs` timed ones: (median ms, min ms, peak MB, first stdout)."""
    _, _, _, first, _ = run(cmd, cwd, env)
    times, rss = [], 0.0
    for _ in range(runs):
        _, wall, peak, _, _ = run(cmd, cwd, env)
        times.append(wall * 1000.0)
        rss = max(rss, peak)
    return statistics.median(times), min(times), rss, first


def registry_text(pool_customers, silo_customers):
    """tenants.toml as placement fills it, with comments of three kinds to be kept."""
    pools = (pool_customers + CAPACITY - 1) // CAPACITY
    out = ["# The tenant registry (written by scripts/bench_registry.py).\n",
           "# Review changes to this file like code.\n\n"]
    for n in range(1, pools + 1):
        out.append('[[pool]]\ntier = "pool"\nnumber = %d\n\n' % n)
    for n in range(1, silo_customers + 1):
        out.append('[[pool]]\ntier = "silo"\nnumber = %d\n\n' % n)
    for i in range(pool_customers):
        if i % CAPACITY == 0:
            out.append("# Pool %d: customers %d to %d\n" % (i // CAPACITY + 1, i + 1, min(i + CAPACITY, pool_customers)))
        note = "   # key account" if i % 250 == 0 else ""
        out.append('[[tenant]]\ncustomer = "P%05d"%s\ntier = "pool"\npool = %d\nsince = "2026-01-01"\n\n'
                   % (i + 1, note, i // CAPACITY + 1))
    for i in range(silo_customers):
        out.append('[[tenant]]\ncustomer = "S%05d"\ntier = "silo"\npool = %d\nsince = "2026-01-01"\n\n' % (i + 1, i + 1))
    out.append("# End of the registry.\n")
    return "".join(out)


def comments(text):
    return [line for line in text.splitlines() if "#" in line]


def check_edit(before, after):
    """Whether `after` is `before` with lines inserted only, and which lines those are."""
    a, b = before.splitlines(), after.splitlines()
    inserted, other = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "insert":
            inserted += b[j1:j2]
        elif op != "equal":
            other.append((op, a[i1:i2], b[j1:j2]))
    return inserted, other


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--endpoint-url", required=True)
    p.add_argument("--pool-customers", type=int, default=10000)
    p.add_argument("--silo-customers", type=int, default=200)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--dry-run-runs", type=int, default=9)
    args = p.parse_args()

    urllib.request.urlopen(urllib.request.Request(args.endpoint_url + "/moto-api/reset", data=b"", method="POST")).read()
    work = tempfile.mkdtemp(prefix="miyabi-bench-registry.")
    try:
        key_id, secret = create_access_key(args.endpoint_url, "testing", "testing", os.path.join(work, "credentials"))
        env = dict(os.environ, AWS_ACCESS_KEY_ID=key_id, AWS_SECRET_ACCESS_KEY=secret, AWS_ENDPOINT_URL=args.endpoint_url,
                   NO_COLOR="1")
        env.pop("AWS_SESSION_TOKEN", None)
        boto3.client("organizations", endpoint_url=args.endpoint_url, region_name="us-east-1",
                     aws_access_key_id=key_id, aws_secret_access_key=secret).create_organization(FeatureSet="ALL")
        repo = os.path.join(work, "org")
        subprocess.run([args.bin, "-q", "init", repo], check=True, env=env)
        tenants = os.path.join(repo, "tenants.toml")
        with open(tenants, "w") as f:
            f.write(registry_text(args.pool_customers, args.silo_customers))
        pools = (args.pool_customers + CAPACITY - 1) // CAPACITY
        print("registry: %d pool customers in %d pools (full), %d silo customers; %d KB tenants.toml"
              % (args.pool_customers, pools, args.silo_customers, os.path.getsize(tenants) // 1024))

        # The sandbox holds the registry's accounts and budgets, as in production.
        _, wall, _, out, _ = run([args.bin, "apply", "--yes", "--output", "json"], repo, env)
        setup = json.loads(out)
        not_done = sum(1 for o in setup["outcomes"] if o["status"] != "done")
        print("setup apply: %d changes (%d not done), %d API calls in %.1f s"
              % (len(setup["outcomes"]), not_done, setup["stats"]["api_calls"], wall))
        code, wall, _, _, _ = run([args.bin, "drift", "--output", "json"], repo, env, ok=None)
        print("setup drift: exit %d (%s) in %.1f s" % (code, "clean" if code == 0 else "DRIFT", wall))
        fails = ["setup"] if not_done or code != 0 else []

        bin_ = args.bin
        validate = timed([bin_, "validate"], repo, env, args.runs)
        listed = timed([bin_, "tenant", "list", "--output", "json"], repo, env, args.runs)
        n_listed = len(json.loads(listed[3])["tenants"])
        dry_cmd = [bin_, "account", "create", "--customer", NEW_CUSTOMER, "--dry-run"]
        dry = timed(dry_cmd, repo, env, args.dry_run_runs)
        for name, (median, low, rss, _) in (("validate", validate), ("tenant list --output json", listed),
                                            ("account create --dry-run", dry)):
            print("%s median ms: %.1f (min %.1f, peak memory %.1f MB)" % (name, median, low, rss))
        print("tenant list --output json: %d customers" % n_listed)
        plan_lines = [line for line in dry[3].splitlines() if line.strip()]
        print("account create --dry-run plan: %s" % " | ".join(plan_lines))
        if n_listed != args.pool_customers + args.silo_customers:
            fails.append("tenant list count")
        expected_plan = ["+ account Pool-%d" % (pools + 1), "~ account Pool-%d: root -> Workloads/Pool" % (pools + 1),
                         "+ budget miyabi-Pool-%d" % (pools + 1), "Plan: 2 to add, 1 to change, 0 to remove."]
        if not all(any(line.strip().startswith(e) for line in plan_lines) for e in expected_plan) or len(plan_lines) != 6:
            fails.append("dry-run plan")

        # The API calls of one dry run, counted by the fault proxy (no faults, no delay).
        log = os.path.join(work, "proxy.log")
        proxy = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests/support/fault_proxy.py"), "--upstream",
                                  args.endpoint_url, "--port", "0", "--log", log],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            port = proxy.stdout.readline().decode().split()[1]
            run(dry_cmd, repo, dict(env, AWS_ENDPOINT_URL="http://127.0.0.1:%s" % port))
        finally:
            proxy.terminate()
            proxy.wait()
        ops = collections.Counter(line.split()[0] for line in open(log) if line.strip())
        print("account create --dry-run api calls: %d" % sum(ops.values()))
        for op, n in sorted(ops.items()):
            print("account create --dry-run api calls %s: %d" % (op, n))

        # The real placement: the edit keeps every comment and the order, and only adds.
        before = open(tenants).read()
        shutil.copy(tenants, os.path.join(work, "tenants.before.toml"))
        _, wall, rss, out, _ = run([bin_, "account", "create", "--customer", NEW_CUSTOMER, "--yes", "--output", "json"],
                                   repo, env)
        stats = json.loads(out)["stats"]
        after = open(tenants).read()
        inserted, other = check_edit(before, after)
        kept = comments(before) == comments(after)
        only_added = not other and any(NEW_CUSTOMER in line for line in inserted)
        print("account create (real) wall seconds: %.2f (%d API calls, peak memory %.1f MB)" % (wall, stats["api_calls"], rss))
        print("tenants.toml edit: %d lines added, %d changed or removed; comments kept: %s (%d); added: %s"
              % (len(inserted), sum(len(o[1]) for o in other), "yes" if kept else "NO", len(comments(after)),
                 " / ".join(line.strip() for line in inserted if line.strip())))
        print("tenants.toml edit keeps comments and order: %s" % ("PASS" if kept and only_added else "FAIL"))
        if not (kept and only_added):
            for op, old, new in other:
                print("  %s: %r -> %r" % (op, old[:5], new[:5]))
            fails.append("tenants.toml edit")
        print()
        print("| Measure (%d pool customers in %d full pools, %d silos; %d accounts in the sandbox) | Result | Target |"
              % (args.pool_customers, pools, args.silo_customers, pools + args.silo_customers + 3))
        print("|---|---|---|")
        for name, (median, low, peak, _) in (("`validate`", validate), ("`tenant list --output json`", listed)):
            print("| %s (offline) | %.0f ms median, %.0f ms min, %.0f MB | well under 1 s (%s) |"
                  % (name, median, low, peak, "yes" if median < 1000 else "NO"))
        print("| `account create --customer X --dry-run` | %.0f ms median, %.0f ms min, %.0f MB; %d API calls | well under 1 s (%s) |"
              % (dry[0], dry[1], dry[2], sum(ops.values()), "yes" if dry[0] < 1000 else "NO"))
        print("| `account create --customer X --yes` (a new pool) | %.2f s, %d API calls, %.0f MB | |"
              % (wall, stats["api_calls"], rss))
        print("| its edit of `tenants.toml` | %d lines added (the pool and the customer), %d changed or removed; %d comments kept | comments and order kept (%s) |"
              % (len(inserted), sum(len(o[1]) for o in other), len(comments(after)), "PASS" if kept and only_added else "FAIL"))
        print()
        json.dump({"validate": validate[:3], "list": listed[:3], "dry": dry[:3], "dry_calls": sum(ops.values()),
                   "dry_ops": dict(ops), "edit_s": wall, "edit_calls": stats["api_calls"], "edit_pass": kept and only_added,
                   "inserted": len(inserted), "pools": pools, "pool_customers": args.pool_customers,
                   "silo_customers": args.silo_customers}, open(os.environ.get("BENCH_REGISTRY_JSON", os.devnull), "w"))
        if fails:
            print("bench: registry FAILED: %s" % ", ".join(fails), file=sys.stderr)
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
