"""Benchmark of the account factory: place N pool customers and M silo customers into an empty
sandbox organization with one `apply`, then `drift` the result.

    .venv/bin/python scripts/bench_tenancy.py --bin BIN --endpoint-url URL [--pool-customers 1000]
        [--silo-customers 100] [--delay-ms 20]

Run by scripts/bench.sh against its sandbox (which it resets). The apply goes through the
fault proxy with a delay on every call, as AWS answers more slowly than moto, so that the
CreateAccount requests in flight can be seen. Prints `name: value` lines on stdout.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

import boto3

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import run  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--endpoint-url", required=True)
    p.add_argument("--pool-customers", type=int, default=1000)
    p.add_argument("--silo-customers", type=int, default=100)
    p.add_argument("--delay-ms", type=int, default=20)
    args = p.parse_args()

    urllib.request.urlopen(urllib.request.Request(args.endpoint_url + "/moto-api/reset", data=b"", method="POST")).read()
    org = boto3.client("organizations", endpoint_url=args.endpoint_url, region_name="us-east-1",
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    org.create_organization(FeatureSet="ALL")

    work = tempfile.mkdtemp(prefix="miyabi-bench-tenancy.")
    repo = os.path.join(work, "org")
    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", NO_COLOR="1")
    subprocess.run([args.bin, "-q", "init", repo], check=True, env=env)

    # The registry as placement fills it: pools of 100 in order, one silo per customer.
    capacity = 100
    lines = ["# Written by scripts/bench_tenancy.py\n"]
    pools = (args.pool_customers + capacity - 1) // capacity
    for n in range(1, pools + 1):
        lines.append('[[pool]]\ntier = "pool"\nnumber = %d\n\n' % n)
    for n in range(1, args.silo_customers + 1):
        lines.append('[[pool]]\ntier = "silo"\nnumber = %d\n\n' % n)
    for i in range(args.pool_customers):
        lines.append('[[tenant]]\ncustomer = "P%05d"\ntier = "pool"\npool = %d\n\n' % (i + 1, i // capacity + 1))
    for i in range(args.silo_customers):
        lines.append('[[tenant]]\ncustomer = "S%05d"\ntier = "silo"\npool = %d\n\n' % (i + 1, i + 1))
    with open(os.path.join(repo, "tenants.toml"), "w") as f:
        f.write("".join(lines))

    proxy = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "tests/support/fault_proxy.py"), "--upstream", args.endpoint_url, "--port", "0",
         "--delay-ms", str(args.delay_ms)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        port = proxy.stdout.readline().decode().split()[1]
        slow = dict(env, AWS_ENDPOINT_URL="http://127.0.0.1:%s" % port)
        code, wall, rss, out, _ = run([args.bin, "apply", "--yes", "--output", "json"], repo, slow, ok=(0, 2))
    finally:
        proxy.terminate()
        proxy.wait()
    report = json.loads(out)
    created = sum(1 for o in report["outcomes"] if o["change"]["action"] == "create_account" and o["status"] == "done")
    failed = sum(1 for o in report["outcomes"] if o["status"] != "done")
    accounts = pools + args.silo_customers + 3
    print("tenancy: %d pool customers in %d pools, %d silo customers, 3 core accounts; calls delayed 0-%d ms"
          % (args.pool_customers, pools, args.silo_customers, args.delay_ms))
    print("apply exit status: %d (%d changes, %d not done)" % (code, len(report["outcomes"]), failed))
    print("apply accounts created: %d of %d" % (created, accounts))
    print("apply wall seconds: %.2f" % wall)
    print("apply accounts created per minute: %.0f" % (created / wall * 60))
    print("apply CreateAccount requests in flight at most: %d (limit 5)" % report["account_creations_peak_in_flight"])
    print("apply peak memory MB: %.1f" % rss)
    print("apply api calls: %d" % report["stats"]["api_calls"])
    for op, n in sorted(report["stats"]["api_calls_by_operation"].items()):
        print("apply api calls %s: %d" % (op, n))

    env["AWS_ENDPOINT_URL"] = args.endpoint_url
    code, wall, rss, out, _ = run([args.bin, "drift", "--output", "json"], repo, env, ok=(0, 2))
    drift = json.loads(out)
    print("drift exit status: %d (%s)" % (code, "clean" if code == 0 else "DRIFT"))
    print("drift wall seconds: %.2f" % wall)
    print("drift peak memory MB: %.1f" % rss)
    print("drift api calls: %d" % drift["stats"]["api_calls"])
    for op, n in sorted(drift["stats"]["api_calls_by_operation"].items()):
        print("drift api calls %s: %d" % (op, n))
    if failed or code != 0 or created != accounts:
        sys.exit(1)


if __name__ == "__main__":
    main()
