"""Benchmark of IAM Identity Center: read for drift, the tool's way against the per-pair way, and
the apply of every assignment into an empty Identity Center.

    .venv/bin/python scripts/bench_sso.py --bin BIN --endpoint-url URL [--accounts 1000] [--ous 50]
        [--permission-sets 20] [--groups 50] [--ous-per-group 3] [--delay-ms 20] [--in-flight 10]

Run by scripts/bench.sh against its sandbox (which it resets). Seeds the organization with
scripts/seed_org.py (accounts spread over OUs Bench-01..), creates the groups in the identity
store, and declares an [sso] section: each group gets one of the permission sets in
--ous-per-group OUs, so about accounts / ous x ous-per-group x groups assignments. Every call of
the measured runs goes through the fault proxy with a delay of 0..--delay-ms, as AWS answers
more slowly than moto.

The per-pair way is measured in the same run, through the same proxy: ListAccountAssignments for
every account each permission set is provisioned to (moto lists only the management account as
provisioned, so the accounts are those the set is assigned in, which is what AWS returns).
Prints `name: value` lines on stdout.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import boto3
import botocore.config

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import run  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGION = "us-east-1"
POLICIES = [
    "ReadOnlyAccess", "AdministratorAccess", "SecurityAudit", "AWSSupportAccess", "AWSBillingReadOnlyAccess",
    "PowerUserAccess", "ViewOnlyAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2ReadOnlyAccess", "CloudWatchReadOnlyAccess",
]


# The operations of sso-admin and identitystore: the reads the two ways differ in.
IDENTITY_CENTER = {
    "ListInstances", "GetGroupId", "GetUserId", "DescribeGroup", "DescribeUser", "ListPermissionSets", "DescribePermissionSet",
    "ListManagedPoliciesInPermissionSet", "ListCustomerManagedPolicyReferencesInPermissionSet", "GetInlinePolicyForPermissionSet",
    "GetPermissionsBoundaryForPermissionSet", "ListAccountAssignmentsForPrincipal", "ListAccountsForProvisionedPermissionSet",
    "ListAccountAssignments",
}


def client(service, url, creds):
    return boto3.client(service, endpoint_url=url, region_name=REGION, config=botocore.config.Config(retries={"max_attempts": 10}),
                        **creds)


def credentials(path):
    creds = {}
    for line in open(path):
        for part in line.replace("export ", "").split():
            key, _, value = part.partition("=")
            if key == "AWS_ACCESS_KEY_ID":
                creds["aws_access_key_id"] = value
            elif key == "AWS_SECRET_ACCESS_KEY":
                creds["aws_secret_access_key"] = value
    return creds


def sso_section(args, ou_names):
    lines = ["", "[limits]", "sso_assignments_in_flight = %d" % args.in_flight, "", "[sso]"]
    for p in range(args.permission_sets):
        lines += [
            "",
            '[sso.permission_set."Bench-%02d"]' % (p + 1),
            'description = "Benchmark permission set %d"' % (p + 1),
            'session_duration = "PT%dH"' % (1 + p % 8),
            'managed_policies = ["arn:aws:iam::aws:policy/%s"]' % POLICIES[p % len(POLICIES)],
        ]
    for g in range(args.groups):
        ous = [ou_names[(g * args.ous_per_group + k) % len(ou_names)] for k in range(args.ous_per_group)]
        lines += [
            "",
            "[[sso.assignment]]",
            'group = "bench-group-%02d"' % (g + 1),
            'permission_set = "Bench-%02d"' % (g % args.permission_sets + 1),
            "ous = [%s]" % ", ".join('"%s"' % ou for ou in ous),
        ]
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--endpoint-url", required=True)
    p.add_argument("--accounts", type=int, default=1000)
    p.add_argument("--ous", type=int, default=50)
    p.add_argument("--permission-sets", type=int, default=20)
    p.add_argument("--groups", type=int, default=50)
    p.add_argument("--ous-per-group", type=int, default=3)
    p.add_argument("--delay-ms", type=int, default=20)
    p.add_argument("--in-flight", type=int, default=10)
    args = p.parse_args()

    urllib.request.urlopen(urllib.request.Request(args.endpoint_url + "/moto-api/reset", data=b"", method="POST")).read()
    work = tempfile.mkdtemp(prefix="miyabi-bench-sso.")
    repo = os.path.join(work, "org")
    key_file = os.path.join(work, "credentials")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/seed_org.py"), "--endpoint-url", args.endpoint_url,
                    "--accounts", str(args.accounts), "--ous", str(args.ous), "--scps", "1", "--repo", repo,
                    "--credentials-out", key_file], check=True, stdout=subprocess.DEVNULL)
    creds = credentials(key_file)
    ou_names = ["Bench-%0*d" % (max(2, len(str(args.ous))), i + 1) for i in range(args.ous)]
    sso = client("sso-admin", args.endpoint_url, creds)
    instance = sso.list_instances()["Instances"][0]
    store = client("identitystore", args.endpoint_url, creds)
    for g in range(args.groups):
        store.create_group(IdentityStoreId=instance["IdentityStoreId"], DisplayName="bench-group-%02d" % (g + 1))
    with open(os.path.join(repo, "miyabi-org.toml"), "a") as f:
        f.write(sso_section(args, ou_names))

    env = dict(os.environ, AWS_ACCESS_KEY_ID=creds["aws_access_key_id"], AWS_SECRET_ACCESS_KEY=creds["aws_secret_access_key"],
               NO_COLOR="1")
    env.pop("AWS_PROFILE", None)
    proxy = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "tests/support/fault_proxy.py"), "--upstream", args.endpoint_url, "--port", "0",
         "--delay-ms", str(args.delay_ms)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        port = proxy.stdout.readline().decode().split()[1]
        slow_url = "http://127.0.0.1:%s" % port
        slow = dict(env, AWS_ENDPOINT_URL=slow_url)
        print("sso: %d accounts in %d OUs, %d permission sets, %d groups in %d OUs each; calls delayed 0-%d ms"
              % (args.accounts, args.ous, args.permission_sets, args.groups, args.ous_per_group, args.delay_ms))

        code, wall, rss, out, _ = run([args.bin, "apply", "--only", "sso", "--yes", "--output", "json"], repo, slow, ok=(0,))
        report = json.loads(out)
        assigned = sum(1 for o in report["outcomes"] if o["change"]["action"] == "create_account_assignment" and o["status"] == "done")
        failed = sum(1 for o in report["outcomes"] if o["status"] != "done")
        peak = report["sso_assignments_peak_in_flight"]
        print("apply exit status: %d (%d changes, %d not done)" % (code, len(report["outcomes"]), failed))
        print("apply assignments created: %d" % assigned)
        print("apply wall seconds: %.2f" % wall)
        print("apply assignments per second: %.1f" % (assigned / wall))
        print("apply assignment requests outstanding at most: %d (limit %d)" % (peak, args.in_flight))
        print("apply peak memory MB: %.1f" % rss)
        print("apply api calls: %d" % report["stats"]["api_calls"])

        code, wall, rss, out, _ = run([args.bin, "drift", "--only", "sso", "--output", "json"], repo, slow, ok=(0, 2))
        drift = json.loads(out)
        by_op = drift["stats"]["api_calls_by_operation"]
        tool_calls = sum(n for op, n in by_op.items() if op in IDENTITY_CENTER)
        print("drift exit status: %d (%s)" % (code, "clean" if code == 0 else "DRIFT"))
        print("drift wall seconds: %.2f" % wall)
        print("drift peak memory MB: %.1f" % rss)
        print("drift api calls: %d, of which Identity Center: %d" % (drift["stats"]["api_calls"], tool_calls))
        for op, n in sorted(drift["stats"]["api_calls_by_operation"].items()):
            print("drift api calls %s: %d" % (op, n))

        # The per-pair way, through the same proxy: the provisioned accounts of every permission
        # set, then ListAccountAssignments for each account and set.
        slow_sso = client("sso-admin", slow_url, creds)
        t0 = time.perf_counter()
        calls = 0
        arn = instance["InstanceArn"]
        sets = []
        for page in slow_sso.get_paginator("list_permission_sets").paginate(InstanceArn=arn):
            calls += 1
            sets += page["PermissionSets"]
        assigned_in = {}
        for ps in sets:
            for page in slow_sso.get_paginator("list_accounts_for_provisioned_permission_set").paginate(
                    InstanceArn=arn, PermissionSetArn=ps):
                calls += 1
            assigned_in[ps] = set()
        # What AWS lists as provisioned: every account the set is assigned in (read outside the count).
        for a in [a for g in range(args.groups) for a in grants(sso, arn, store, instance, g)]:
            assigned_in.setdefault(a["PermissionSetArn"], set()).add(a["AccountId"])
        pairs = [(ps, account) for ps, accounts in assigned_in.items() for account in sorted(accounts)]

        def list_pair(pair):
            n = 0
            for _ in slow_sso.get_paginator("list_account_assignments").paginate(InstanceArn=arn, PermissionSetArn=pair[0],
                                                                                   AccountId=pair[1]):
                n += 1
            return n
        with ThreadPoolExecutor(8) as pool:
            calls += sum(pool.map(list_pair, pairs))
        per_pair_wall = time.perf_counter() - t0
        print("per-pair read api calls: %d (%d account x permission-set pairs)" % (calls, len(pairs)))
        print("per-pair read wall seconds: %.2f (8 calls at once, as the tool's limit)" % per_pair_wall)
        ratio = calls / tool_calls if tool_calls else 0
        print("read api calls, Identity Center, per-pair / miyabi-org: %.1fx (goal >= 10x; the organization's own reads"
              " are the same either way)" % ratio)
    finally:
        proxy.terminate()
        proxy.wait()
    if failed or code != 0 or peak > args.in_flight or ratio < 10:
        sys.exit(1)


def grants(sso, arn, store, instance, g):
    group = store.get_group_id(IdentityStoreId=instance["IdentityStoreId"], AlternateIdentifier={
        "UniqueAttribute": {"AttributePath": "displayName", "AttributeValue": "bench-group-%02d" % (g + 1)}})["GroupId"]
    out = []
    for page in sso.get_paginator("list_account_assignments_for_principal").paginate(InstanceArn=arn, PrincipalId=group,
                                                                                     PrincipalType="GROUP"):
        out += page["AccountAssignments"]
    return out


if __name__ == "__main__":
    main()
