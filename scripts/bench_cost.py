"""Benchmark of the local cost engine against DuckDB on the same CUR 2.0 Parquet files.

    .venv/bin/python scripts/bench_cost.py --bin BIN [--rows 10000000] [--months 4] [--customers 10000]
                                           [--baseline OTHER_BIN]

Generates a synthetic CUR 2.0 (65 columns, hive partitions BILLING_PERIOD=YYYY-MM) for an org
repo of 100 silos and pool accounts of 100 customers (10,000 customers in all by default), runs
`cost report --by customer` with the local engine and DuckDB (from PyPI, in .venv) on the
equivalent SQL, and prints both wall times, their ratio, rows per second and the tool's peak
memory. Then `cost advise --months 3` against `cost report` over the same three months, in turns:
their times, ratio and peak memory (one pool customer is made 10x costlier and one silo idle, so
there is advice to find). Prints `name: value` lines.

This machine is a small VM whose speed drifts from minute to minute, so the two run in turns
(`--rounds`, after one warm-up each) and the medians are compared. With `--baseline`, another
build of the tool (say, before a change of build settings) runs in the same turns, on the same
files, and the ratio of the two medians says whether this build is slower.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import duckdb

MONTHS = ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]


def tenants(customers):
    """100 silos and pools of 100 customers (the example's capacity) for the rest."""
    silos = min(100, customers)
    pools = -(-(customers - silos) // 100)
    lines = []
    for pool in range(1, pools + 1):
        lines.append('[[pool]]\ntier = "pool"\nnumber = %d\naccount_id = "1%011d"\n\n' % (pool, pool))
    for silo in range(1, silos + 1):
        lines.append('[[pool]]\ntier = "silo"\nnumber = %d\naccount_id = "2%011d"\n\n' % (silo, silo))
    for n in range(customers - silos):
        lines.append('[[tenant]]\ncustomer = "C%05d"\ntier = "pool"\npool = %d\nsince = "2026-01-01"\n\n' % (n + 1, n // 100 + 1))
    for silo in range(1, silos + 1):
        lines.append('[[tenant]]\ncustomer = "S%05d"\ntier = "silo"\npool = %d\nsince = "2026-01-01"\n\n' % (silo, silo))
    return "".join(lines)


def timed(cmd, cwd, ok=(0,)):
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = child.stdout.read()
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        sys.exit("bench: %s exited %d:\n%s" % (" ".join(cmd), code, err.decode()[-4000:]))
    return wall, usage.ru_maxrss / 1024.0, out.decode()


DUCKDB_SQL = """
SELECT BILLING_PERIOD AS month,
       line_item_usage_account_id AS account_id,
       NULLIF(element_at(resource_tags, 'user_customer')[1], '') AS tag,
       SUM(CASE line_item_line_item_type
           WHEN 'SavingsPlanCoveredUsage' THEN savings_plan_savings_plan_effective_cost
           WHEN 'SavingsPlanRecurringFee' THEN savings_plan_total_commitment_to_date - savings_plan_used_commitment
           WHEN 'SavingsPlanNegation' THEN 0
           WHEN 'SavingsPlanUpfrontFee' THEN 0
           WHEN 'DiscountedUsage' THEN reservation_effective_cost
           WHEN 'RIFee' THEN reservation_unused_amortized_upfront_fee_for_billing_period + reservation_unused_recurring_fee
           ELSE line_item_unblended_cost END) AS cost
FROM read_parquet('{path}/**/*.parquet', hive_partitioning = true)
WHERE BILLING_PERIOD BETWEEN '{first}' AND '{last}'
GROUP BY 1, 2, 3
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--rows", type=int, default=10_000_000)
    p.add_argument("--months", type=int, default=4)
    p.add_argument("--customers", type=int, default=10_000)
    p.add_argument("--rounds", type=int, default=9)
    p.add_argument("--baseline", help="another build of the tool, run in the same turns")
    args = p.parse_args()
    months = MONTHS[: args.months]
    work = tempfile.mkdtemp(prefix="miyabi-bench-cost.")
    try:
        repo = os.path.join(work, "org")
        subprocess.run([args.bin, "-q", "init", repo], check=True)
        with open(os.path.join(repo, "tenants.toml"), "w") as f:
            f.write(tenants(args.customers))
        # Targets that fit the synthetic CUR (a pool customer costs about 250 USD a month at 10 M rows,
        # a silo about 10,000), so that advice is the exception it is in a real organization.
        config = os.path.join(repo, "miyabi-org.toml")
        with open(config) as f:
            text = f.read()
        for old, new in [("target_usd_per_customer = 5 ", "target_usd_per_customer = 300 "),
                         ("target_usd_per_customer = 15\n", "target_usd_per_customer = 1000\n"),
                         ("target_usd_per_customer = 50\n", "target_usd_per_customer = 20000\n")]:
            text = text.replace(old, new, 1)
        with open(config, "w") as f:
            f.write(text)
        per_month = args.rows // len(months)
        t0 = time.perf_counter()
        subprocess.run([args.bin, "-q", "cost", "generate", "--out", "cur", "--from", months[0], "--to", months[-1],
                        "--rows-per-month", str(per_month), "--scale", "C00001=10", "--scale", "S00001=0.001"],
                       cwd=repo, check=True)
        generated = time.perf_counter() - t0
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(repo, "cur")) for f in fs)
        rows = per_month * len(months)

        cmd = [args.bin, "cost", "report", "--engine", "local", "--path", "cur", "--from", months[0], "--to", months[-1],
               "--by", "customer", "--output", "json"]
        con = duckdb.connect()
        sql = DUCKDB_SQL.format(path=os.path.join(repo, "cur"), first=months[0], last=months[-1])
        baseline = [args.baseline] + cmd[1:] if args.baseline else None
        timed(cmd, repo)  # warm the page cache
        con.execute(sql).fetchall()  # the same warm-up
        if baseline:
            timed(baseline, repo)
        tool_walls, tool_rss, duck_walls, base_walls = [], 0.0, [], []
        for _ in range(args.rounds):
            wall, rss, out = timed(cmd, repo)
            tool_walls.append(wall)
            tool_rss = max(tool_rss, rss)
            t0 = time.perf_counter()
            groups = con.execute(sql).fetchall()
            duck_walls.append(time.perf_counter() - t0)
            if baseline:
                base_walls.append(timed(baseline, repo)[0])
        report = json.loads(out)
        duck_total = sum(g[3] or 0.0 for g in groups)
        tool_wall, duck_wall = statistics.median(tool_walls), statistics.median(duck_walls)

        print("cost: %d CUR 2.0 rows (65 columns, %d months, %.0f MB of Parquet) generated in %.1f s"
              % (rows, len(months), size / 1e6, generated))
        print("cost tool report seconds: %.2f median of %d (min %.2f)" % (tool_wall, args.rounds, min(tool_walls)))
        print("cost duckdb query seconds: %.2f median of %d (min %.2f; duckdb %s)"
              % (duck_wall, args.rounds, min(duck_walls), duckdb.__version__))
        print("cost tool / duckdb time ratio: %.2f (target <= 1.00: %s)" % (tool_wall / duck_wall, "PASS" if tool_wall <= duck_wall else "FAIL"))
        print("cost tool rows per second: %.0f" % (rows / tool_wall))
        if baseline:
            base_wall = statistics.median(base_walls)
            print("cost baseline report seconds: %.2f median of %d (min %.2f; %s)" % (base_wall, args.rounds, min(base_walls), args.baseline))
            print("cost tool / baseline time ratio: %.2f" % (tool_wall / base_wall))
        print("cost tool peak memory MB: %.1f (target < 1024: %s)" % (tool_rss, "PASS" if tool_rss < 1024 else "FAIL"))
        print("cost totals: tool %.2f, duckdb %.2f (%s)" % (report["cur_total"], duck_total,
                                                          "equal" if abs(report["cur_total"] - duck_total) < 0.01 else "DIFFERENT"))

        # cost advise over the last three months against one cost report over the same months.
        last3 = months[-3:]
        advise = [args.bin, "cost", "advise", "--engine", "local", "--path", "cur", "--months", str(len(last3)),
                  "--to", last3[-1], "--output", "json"]
        report3 = [args.bin, "cost", "report", "--engine", "local", "--path", "cur", "--from", last3[0], "--to", last3[-1],
                   "--by", "customer", "--output", "json"]
        timed(advise, repo, ok=(0, 2))
        advise_walls, advise_rss, report3_walls, report3_rss = [], 0.0, [], 0.0
        for _ in range(args.rounds):
            wall, rss, advice = timed(advise, repo, ok=(0, 2))
            advise_walls.append(wall)
            advise_rss = max(advise_rss, rss)
            wall, rss, _ = timed(report3, repo)
            report3_walls.append(wall)
            report3_rss = max(report3_rss, rss)
        advice = json.loads(advice)
        advise_wall, report3_wall = statistics.median(advise_walls), statistics.median(report3_walls)
        ratio = advise_wall / report3_wall
        print("cost advise: %d customers, %d months (%s to %s), %d recommendations"
              % (args.customers, len(last3), last3[0], last3[-1], len(advice["advice"])))
        print("cost advise seconds: %.2f median of %d (min %.2f)" % (advise_wall, args.rounds, min(advise_walls)))
        print("cost report same months seconds: %.2f median of %d (min %.2f)" % (report3_wall, args.rounds, min(report3_walls)))
        print("cost advise / report time ratio: %.2f (target <= 1.50: %s)" % (ratio, "PASS" if ratio <= 1.5 else "FAIL"))
        print("cost advise peak memory MB: %.1f (report %.1f; ratio %.2f)" % (advise_rss, report3_rss, advise_rss / report3_rss))
        if tool_wall > duck_wall or tool_rss >= 1024 or abs(report["cur_total"] - duck_total) >= 0.01 or ratio > 1.5:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
