#!/usr/bin/env python3
"""Seed a moto server with a benchmark-sized AWS Organization.

    .venv/bin/python scripts/seed_org.py --endpoint-url http://127.0.0.1:4566 \
        --accounts 1000 --ous 50 --scps 30 [--repo DIR]

Creates an organization (FeatureSet ALL, SCP policy type enabled on the root),
OUs Bench-01.. directly under the root, SCPs bench-scp-01.. (each denying one
distinct action), attaches the SCPs round-robin so that every OU carries one or
two bench SCPs besides FullAWSAccess, then creates the accounts and moves them
round-robin into the OUs.  OUs and SCPs are tagged managed-by=miyabi-org.

With --repo DIR it also writes an org repo declaring exactly that state
(DIR/miyabi-org.toml and DIR/policies/scp/bench-scp-NN.json), so that a drift
check against the seeded server is clean.

With --credentials-out FILE it first creates an IAM user with an access key in
the management account, signs every call with that key and writes it to FILE as
`export AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=...` lines for the tool's runs.
moto finds the account of a key it issued at once; for a key it did not issue
(the usual `testing`), it searches the IAM of every account it knows on every
request, which makes each call slower by about 10 ms per 1,000 accounts.
Without the option it signs with $AWS_ACCESS_KEY_ID (default `testing`).

Accounts are created by CreateAccount; DescribeCreateAccountStatus is polled
only while a request is IN_PROGRESS (moto answers SUCCEEDED at once), then
MoveAccount puts each in its OU.

Meant for a fresh moto server (scripts/sandbox.sh reset first).
"""

import argparse
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
import botocore.config
import botocore.exceptions

REGION = "us-east-1"
TAG = {"Key": "managed-by", "Value": "miyabi-org"}
SCP = "SERVICE_CONTROL_POLICY"
WORKERS = 8

# Real actions, one per SCP; past the end of the list they repeat with a numeric suffix.
ACTIONS = [
    "ec2:DeleteVpc", "ec2:DeleteSubnet", "ec2:DeleteInternetGateway", "ec2:DeleteNatGateway",
    "ec2:DeleteFlowLogs", "ec2:DisableEbsEncryptionByDefault", "ec2:CreateDefaultVpc",
    "ec2:ModifyInstanceMetadataOptions", "s3:DeleteBucket", "s3:PutBucketPublicAccessBlock",
    "s3:PutAccountPublicAccessBlock", "s3:DeleteBucketPolicy", "iam:CreateUser",
    "iam:CreateAccessKey", "iam:DeleteRolePermissionsBoundary", "iam:CreateLoginProfile",
    "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
    "config:DeleteConfigurationRecorder", "config:StopConfigurationRecorder",
    "config:DeleteDeliveryChannel", "guardduty:DeleteDetector", "guardduty:DisassociateFromMasterAccount",
    "securityhub:DisableSecurityHub", "access-analyzer:DeleteAnalyzer", "kms:ScheduleKeyDeletion",
    "kms:DisableKey", "organizations:LeaveOrganization", "account:CloseAccount",
    "rds:DeleteDBCluster", "rds:ModifyDBSnapshotAttribute", "dynamodb:DeleteTable",
    "lambda:AddPermission", "logs:DeleteLogGroup", "route53:DeleteHostedZone",
    "route53domains:TransferDomainToAnotherAwsAccount", "backup:DeleteBackupVault",
    "glacier:DeleteVault", "sns:DeleteTopic", "sqs:DeleteQueue", "ecr:DeleteRepository",
    "eks:DeleteCluster", "redshift:DeleteCluster", "elasticfilesystem:DeleteFileSystem",
    "wafv2:DeleteWebACL", "shield:DeleteSubscription", "macie2:DisableMacie",
    "inspector2:Disable", "detective:DeleteGraph",
]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--endpoint-url", default=os.environ.get("AWS_ENDPOINT_URL"),
                   help="moto endpoint (default: $AWS_ENDPOINT_URL)")
    p.add_argument("--accounts", type=int, default=1000)
    p.add_argument("--ous", type=int, default=50)
    p.add_argument("--scps", type=int, default=30)
    p.add_argument("--repo", help="also write an org repo declaring the seeded state here")
    p.add_argument("--credentials-out", metavar="FILE",
                   help="sign with a new IAM access key of the management account; write it here")
    a = p.parse_args()
    if not a.endpoint_url:
        p.error("--endpoint-url (or AWS_ENDPOINT_URL) is required")
    for name in ("accounts", "ous", "scps"):
        if getattr(a, name) < 0:
            p.error("--%s must be >= 0" % name)
    return a


def width(n):
    return max(2, len(str(n)))


def scp_doc(i):
    base = ACTIONS[i % len(ACTIONS)]
    action = base if i < len(ACTIONS) else "%s%d" % (base, i // len(ACTIONS) + 1)
    sid = "Deny" + "".join(part[:1].upper() + part[1:]
                           for part in action.replace("-", ":").split(":"))
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": sid, "Effect": "Deny", "Action": action, "Resource": "*"},
        ],
    }


def plan_attachments(n_ous, n_scps):
    """Round-robin: every OU gets 1 or 2 bench SCPs (never more than 4), every SCP is used."""
    if n_ous == 0 or n_scps == 0:
        return {i: [] for i in range(n_ous)}
    total = min(max(n_scps, n_ous + n_ous // 2), 4 * n_ous)
    plan = {i: [] for i in range(n_ous)}
    for k in range(total):
        ou, scp = k % n_ous, k % n_scps
        if scp not in plan[ou]:
            plan[ou].append(scp)
    return plan


def pmap(pool, fn, items):
    """Like pool.map but fails fast with the first exception."""
    return [f.result() for f in [pool.submit(fn, x) for x in items]]


def main():
    args = parse_args()
    t0 = time.monotonic()
    cfg = botocore.config.Config(
        retries={"mode": "standard", "max_attempts": 10},
        max_pool_connections=WORKERS * 2,
    )
    key_id = os.environ.get("AWS_ACCESS_KEY_ID", "testing")
    secret = os.environ.get("AWS_SECRET_ACCESS_KEY", "testing")
    if args.credentials_out:
        key_id, secret = create_access_key(args.endpoint_url, key_id, secret, args.credentials_out)
    org = boto3.client(
        "organizations", endpoint_url=args.endpoint_url, region_name=REGION,
        aws_access_key_id=key_id, aws_secret_access_key=secret, config=cfg,
    )

    try:
        org_id = org.create_organization(FeatureSet="ALL")["Organization"]["Id"]
    except botocore.exceptions.ClientError as e:
        if e.response["Error"]["Code"] == "AlreadyInOrganizationException":
            sys.exit("seed_org: an organization already exists at %s; reset the server first "
                     "(scripts/sandbox.sh reset)" % args.endpoint_url)
        raise
    root_id = org.list_roots()["Roots"][0]["Id"]
    try:
        org.enable_policy_type(RootId=root_id, PolicyType=SCP)
    except botocore.exceptions.ClientError as e:
        if e.response["Error"]["Code"] != "PolicyTypeAlreadyEnabledException":
            raise

    ou_w, scp_w = width(args.ous), width(args.scps)
    ou_names = ["Bench-%0*d" % (ou_w, i + 1) for i in range(args.ous)]
    scp_names = ["bench-scp-%0*d" % (scp_w, i + 1) for i in range(args.scps)]
    scp_docs = [scp_doc(i) for i in range(args.scps)]
    plan = plan_attachments(args.ous, args.scps)

    with ThreadPoolExecutor(WORKERS) as pool:
        def create_ou(name):
            return org.create_organizational_unit(
                ParentId=root_id, Name=name, Tags=[TAG])["OrganizationalUnit"]["Id"]

        def create_scp(i):
            return org.create_policy(
                Name=scp_names[i],
                Description="managed by miyabi-org: policies/scp/%s.json" % scp_names[i],
                Type=SCP,
                Content=json.dumps(scp_docs[i], separators=(",", ":")),
                Tags=[TAG],
            )["Policy"]["PolicySummary"]["Id"]

        ou_ids = pmap(pool, create_ou, ou_names)
        scp_ids = pmap(pool, create_scp, range(args.scps))

        pairs = [(scp_ids[s], ou_ids[o]) for o in range(args.ous) for s in plan[o]]
        pmap(pool, lambda p: org.attach_policy(PolicyId=p[0], TargetId=p[1]), pairs)

        done = [0]
        lock = threading.Lock()

        def create_account(i):
            n = i + 1
            st = org.create_account(Email="bench%d@example.com" % n,
                                    AccountName="Bench Account %d" % n)["CreateAccountStatus"]
            for _ in range(600):
                if st["State"] == "SUCCEEDED":
                    break
                if st["State"] == "FAILED":
                    raise RuntimeError("create_account %d failed: %s" % (n, st.get("FailureReason")))
                time.sleep(0.1)
                st = org.describe_create_account_status(
                    CreateAccountRequestId=st["Id"])["CreateAccountStatus"]
            else:
                raise RuntimeError("create_account %d still in progress" % n)
            if ou_ids:
                org.move_account(AccountId=st["AccountId"], SourceParentId=root_id,
                                 DestinationParentId=ou_ids[i % len(ou_ids)])
            with lock:
                done[0] += 1
                if sys.stderr.isatty() and done[0] % 100 == 0:
                    print("  %d/%d accounts" % (done[0], args.accounts), file=sys.stderr)
            return st["AccountId"]

        pmap(pool, create_account, range(args.accounts))

    if args.repo:
        write_repo(args.repo, ou_names, scp_names, scp_docs, plan)

    print("seeded organization %s at %s: %d OUs, %d SCPs (%d attachments), %d accounts in %.1fs%s"
          % (org_id, args.endpoint_url, args.ous, args.scps, len(pairs), args.accounts,
             time.monotonic() - t0, "; repo written to %s" % args.repo if args.repo else ""))


def create_access_key(endpoint_url, key_id, secret, path):
    """An IAM user with an access key in the management account (moto's default account)."""
    iam = boto3.client("iam", endpoint_url=endpoint_url, region_name=REGION,
                       aws_access_key_id=key_id, aws_secret_access_key=secret)
    iam.create_user(UserName="miyabi-bench")
    key = iam.create_access_key(UserName="miyabi-bench")["AccessKey"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("export AWS_ACCESS_KEY_ID=%s\nexport AWS_SECRET_ACCESS_KEY=%s\n"
                % (key["AccessKeyId"], key["SecretAccessKey"]))
    return key["AccessKeyId"], key["SecretAccessKey"]


def toml_str(s):
    return json.dumps(s)  # a JSON string is a valid TOML basic string for these names


def write_repo(repo, ou_names, scp_names, scp_docs, plan):
    scp_dir = os.path.join(repo, "policies", "scp")
    os.makedirs(scp_dir, exist_ok=True)
    for name, doc in zip(scp_names, scp_docs):
        with open(os.path.join(scp_dir, name + ".json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(doc, indent=2) + "\n")

    lines = [
        "[organization]",
        'name = "bench"',
        'home_region = "%s"' % REGION,
        "",
        "[root]",
        'scps = ["FullAWSAccess"]',
    ]
    for o, ou in enumerate(ou_names):
        scps = ["FullAWSAccess"] + sorted(scp_names[s] for s in plan[o])
        lines += [
            "",
            "[ou.%s]" % toml_str(ou),
            "scps = [%s]" % ", ".join(toml_str(s) for s in scps),
        ]
    with open(os.path.join(repo, "miyabi-org.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
