"""Benchmark of the agent workers: `worker dispatch` of many tasks from one file, and `worker status`
over every account that runs workers, at once against one account after another.

    .venv/bin/python scripts/bench_workers.py --bin BIN --endpoint-url URL [--customers 1000]
        [--silos 50] [--tasks 10000] [--delay-ms 20] [--in-flight 16] [--status-runs 3]

Run by scripts/bench.sh against its sandbox (which it resets). Copies the example org repo of this
repository (miyabi-org.toml, account-templates/, policies/), gives it a [workers] section, sets
`workers = true` in the pool and silo templates, and writes a tenants.toml of --customers customers:
--silos of them in silo accounts, the rest spread evenly over the fewest pool accounts that hold
them (950 in pools 1..10 of 95 by default), each with `github = ["<customer>/*"]`. One `apply --yes`
straight to the sandbox creates the accounts and, in each of them, the task queue, its dead-letter
queue and the task table.

Then, through the fault proxy with a delay of 0..--delay-ms on every call (AWS answers more slowly
than moto), with `[limits] accounts_in_flight` = --in-flight:

  * `worker dispatch --file tasks.jsonl`: --tasks tasks spread over every customer, in an order that
    mixes the accounts; wall time, tasks a second, peak memory, SQS calls per task (goal <= 0.11:
    one SendMessageBatch per 10 tasks and a little more) and all API calls per task; every task must
    be sent, to its customer's account;
  * the same file again: nothing is sent (every task `already_queued`);
  * `worker status` once to warm up, then --status-runs times each in turns with accounts_in_flight
    = --in-flight and = 1 (the same reads one account after another, in the same run): median
    seconds; it must list every account and the messages dispatch sent.

The proxy's own count of the calls (--log) is shown beside the tool's, and the CPU seconds of the
tool, of the sandbox (moto, when it runs on this machine) and of the proxy beside the wall time:
moto's SQS looks at every message of a queue on each send, so at this size the sandbox, not the
tool, sets the pace. Signs with an IAM access key of the management account (see seed_org.py
--credentials-out). Prints `name: value` lines and a markdown table on stdout; exits 1 if a check
fails.
"""

import argparse
import collections
import json
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import tomllib
import urllib.parse
import urllib.request

import boto3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from measure import run  # noqa: E402
from seed_org import create_access_key  # noqa: E402

GOAL_SQS_PER_TASK = 0.11

WORKERS_SECTION = """
[workers]
queue = "miyabi-tasks"
dead_letter_queue = "miyabi-tasks-dlq"
max_receive_count = 3
visibility_timeout_s = 1800
table = "miyabi-tasks"
cluster = "miyabi-cluster"
service = "agent-worker-service"
"""

# The keys of the JSON of `worker dispatch` and `worker status`.
DISPATCHED = ("tasks", "summary", "stats")
STATUS = ("accounts", "stats")

# Every operation of the SQS API.
SQS = {
    "AddPermission", "CancelMessageMoveTask", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch", "CreateQueue",
    "DeleteMessage", "DeleteMessageBatch", "DeleteQueue", "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues",
    "ListMessageMoveTasks", "ListQueueTags", "ListQueues", "PurgeQueue", "ReceiveMessage", "RemovePermission", "SendMessage",
    "SendMessageBatch", "SetQueueAttributes", "StartMessageMoveTask", "TagQueue", "UntagQueue",
}


# ---------------------------------------------------------------- the repo

def header(line):
    """The name of the table a `[name]` or `[[name]]` line opens, else None."""
    m = re.match(r"\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", line)
    return m.group(1) if m else None


def set_key_in_table(path, table, key, value):
    """Sets `key = value` in `[table]` of a TOML file (the table is added at the end if absent)."""
    lines = open(path, encoding="utf-8").read().splitlines()
    start = next((i for i, line in enumerate(lines) if header(line) == table), None)
    if start is None:
        lines += ["", "[%s]" % table, "%s = %s" % (key, value)]
    else:
        end = next((i for i in range(start + 1, len(lines)) if header(lines[i]) is not None), len(lines))
        at = next((i for i in range(start + 1, end) if re.match(r"\s*%s\s*=" % re.escape(key), lines[i])), None)
        if at is None:
            lines.insert(start + 1, "%s = %s" % (key, value))
        else:
            lines[at] = "%s = %s" % (key, value)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def replace_table(path, table, text):
    """Drops `[table]` and its sub-tables from a TOML file and appends `text` instead."""
    out, skipping = [], False
    for line in open(path, encoding="utf-8").read().splitlines():
        name = header(line)
        if name is not None:
            skipping = name == table or name.startswith(table + ".")
        if not skipping:
            out.append(line)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out).rstrip("\n") + "\n" + text)


def set_top_level(path, key, value):
    """Sets a top-level `key = value` in a TOML file: before its first table."""
    lines = open(path, encoding="utf-8").read().splitlines()
    first = next((i for i, line in enumerate(lines) if header(line) is not None), len(lines))
    at = next((i for i in range(first) if re.match(r"\s*%s\s*=" % re.escape(key), lines[i])), None)
    if at is None:
        # After the last top-level key, so that a table's leading comment stays with it.
        last = max((i for i in range(first) if re.match(r"\s*[A-Za-z0-9_\"-]+\s*=", lines[i])), default=-1)
        lines.insert(last + 1, "%s = %s" % (key, value))
    else:
        lines[at] = "%s = %s" % (key, value)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_repo(repo, in_flight):
    os.makedirs(repo)
    shutil.copy(os.path.join(ROOT, "miyabi-org.toml"), repo)
    for d in ("account-templates", "policies"):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(repo, d))
    config = os.path.join(repo, "miyabi-org.toml")
    replace_table(config, "workers", WORKERS_SECTION)
    set_key_in_table(config, "limits", "accounts_in_flight", in_flight)
    for template in ("pool", "silo"):
        set_top_level(os.path.join(repo, "account-templates", template + ".toml"), "workers", "true")
    return tomllib.load(open(config, "rb"))["tenancy"]["tier"]["pool"]["capacity"]


def placement(customers, silos, capacity):
    """[(customer, tier, number)]: the pool customers spread evenly over the fewest pools, then the silos."""
    pool_customers = customers - silos
    pools = -(-pool_customers // capacity)
    w = max(4, len(str(customers)))
    out = [("P%0*d" % (w, i + 1), "pool", i * pools // pool_customers + 1) for i in range(pool_customers)]
    out += [("S%0*d" % (w, i + 1), "silo", i + 1) for i in range(silos)]
    return out, pools


def owner(customer):
    """The customer's GitHub owner."""
    return customer.lower()


def tenants_text(placed, pools, silos):
    out = ["# Written by scripts/bench_workers.py\n\n"]
    for n in range(1, pools + 1):
        out.append('[[pool]]\ntier = "pool"\nnumber = %d\n\n' % n)
    for n in range(1, silos + 1):
        out.append('[[pool]]\ntier = "silo"\nnumber = %d\n\n' % n)
    for customer, tier, number in placed:
        out.append('[[tenant]]\ncustomer = "%s"\ntier = "%s"\npool = %d\ngithub = ["%s/*"]\n\n'
                   % (customer, tier, number, owner(customer)))
    return "".join(out)


def tasks_text(customers, tasks):
    """One task per line, customer after customer, so that consecutive lines go to different accounts."""
    priorities = ["normal"] * 8 + ["high", "low"]
    repos = ["app", "api", "web"]
    lines = []
    for k in range(tasks):
        customer = customers[k % len(customers)]
        lines.append(json.dumps({"customer": customer,
                                 "issue": "%s/%s#%d" % (owner(customer), repos[k % len(repos)], k // len(customers) + 1),
                                 "kind": "issue", "priority": priorities[k % len(priorities)]}))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- measuring

class Proxy:
    """The fault proxy with a delay, logging every call: `calls()` are those since the last call."""

    def __init__(self, upstream, delay_ms, log):
        self.log, self.seen = log, 0
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(ROOT, "tests/support/fault_proxy.py"), "--upstream", upstream, "--port", "0",
             "--delay-ms", str(delay_ms), "--log", log],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.url = "http://127.0.0.1:%s" % self.proc.stdout.readline().decode().split()[1]

    def calls(self):
        lines = open(self.log, encoding="utf-8").read().splitlines() if os.path.exists(self.log) else []
        new, self.seen = lines[self.seen:], len(lines)
        return collections.Counter(line.rsplit(" ", 2)[0] for line in new if line.strip())

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def sandbox_pid(endpoint_url):
    """The moto server answering on the endpoint's port, if it runs here (for its CPU time)."""
    port = str(urllib.parse.urlsplit(endpoint_url).port)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            argv = open("/proc/%s/cmdline" % pid, "rb").read().decode(errors="replace").split("\0")
        except OSError:
            continue
        if any(a.endswith("moto_server") for a in argv) and port in argv:
            return pid
    return None


def cpu_seconds(pid):
    """User and system CPU seconds of a process so far (None if unknown)."""
    try:
        fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tool(args, cmd, repo, env, what, need, ok=(0,)):
    """Runs the tool; returns (exit status, wall seconds, peak MB, its JSON, CPU seconds: (tool, sandbox, proxy))."""
    others = lambda: [cpu_seconds(pid) for pid in (args.sandbox_pid, args.proxy_pid)]
    children, before = resource.getrusage(resource.RUSAGE_CHILDREN), others()
    code, wall, rss, out, err = run([args.bin] + cmd, repo, env, ok=ok)
    after, others_after = resource.getrusage(resource.RUSAGE_CHILDREN), others()
    cpu = [after.ru_utime - children.ru_utime + after.ru_stime - children.ru_stime]
    cpu += [b - a if a is not None and b is not None else None for a, b in zip(before, others_after)]
    try:
        # A failed dispatch prints its result and then {"error": ...}: the first object is the result.
        doc, end = json.JSONDecoder().raw_decode(out.lstrip())
    except ValueError:
        sys.exit("bench: %s did not print JSON (exit %d); stdout:\n%s\nstderr:\n%s" % (what, code, out[-2000:], err[-4000:]))
    rest = out.lstrip()[end:].strip()
    if rest:
        print("workers %s: exit %d; after its JSON result, stdout has: %s" % (what, code, " ".join(rest.split())[:600]))
    missing = [key for key in need if not isinstance(doc, dict) or key not in doc]
    if missing:
        sys.exit("bench: the JSON of %s (exit %d) has no %s; stdout:\n%s\nstderr:\n%s"
                 % (what, code, ", ".join(missing), out[-2000:], err[-4000:]))
    return code, wall, rss, doc, cpu


def cpu_text(cpu):
    """CPU seconds of the tool, the sandbox and the fault proxy (this machine runs all three)."""
    return ", ".join("%s %s" % (name, "%.1f" % c if c is not None else "unknown")
                     for name, c in zip(("tool", "sandbox", "proxy"), cpu))


def mean_cpu(runs):
    return [None if None in column else statistics.mean(column) for column in zip(*runs)]


def sqs_calls(by_op):
    return sum(n for op, n in by_op.items() if op in SQS)


def ops_text(by_op):
    return ", ".join("%s %d" % (op, n) for op, n in sorted(by_op.items(), key=lambda kv: (-kv[1], kv[0])))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--endpoint-url", required=True)
    p.add_argument("--customers", type=int, default=1000)
    p.add_argument("--silos", type=int, default=50)
    p.add_argument("--tasks", type=int, default=10000)
    p.add_argument("--delay-ms", type=int, default=20)
    p.add_argument("--in-flight", type=int, default=16)
    p.add_argument("--status-runs", type=int, default=3)
    args = p.parse_args()
    args.sandbox_pid, args.proxy_pid = sandbox_pid(args.endpoint_url), None
    if not 0 <= args.silos < args.customers or args.tasks < 1 or args.in_flight < 1 or args.status_runs < 1:
        p.error("need 0 <= --silos < --customers, and --tasks, --in-flight and --status-runs at least 1")

    # Stopped by bench.sh's trap or by hand: the proxy is stopped and the files removed all the same.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    urllib.request.urlopen(urllib.request.Request(args.endpoint_url + "/moto-api/reset", data=b"", method="POST")).read()
    work = tempfile.mkdtemp(prefix="miyabi-bench-workers.")
    proxy = None
    fails = []
    try:
        key_id, secret = create_access_key(args.endpoint_url, "testing", "testing", os.path.join(work, "credentials"))
        boto3.client("organizations", endpoint_url=args.endpoint_url, region_name="us-east-1",
                     aws_access_key_id=key_id, aws_secret_access_key=secret).create_organization(FeatureSet="ALL")
        env = dict(os.environ, AWS_ACCESS_KEY_ID=key_id, AWS_SECRET_ACCESS_KEY=secret, AWS_ENDPOINT_URL=args.endpoint_url,
                   NO_COLOR="1")
        for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE"):
            env.pop(name, None)

        repo = os.path.join(work, "org")
        config = os.path.join(repo, "miyabi-org.toml")
        capacity = write_repo(repo, args.in_flight)
        placed, pools = placement(args.customers, args.silos, capacity)
        with open(os.path.join(repo, "tenants.toml"), "w") as f:
            f.write(tenants_text(placed, pools, args.silos))
        tasks_file = os.path.join(work, "tasks.jsonl")
        with open(tasks_file, "w") as f:
            f.write(tasks_text([c for c, _, _ in placed], args.tasks))
        accounts = pools + args.silos
        label = ("%d tasks for %d customers, %d in %d pool account%s and %d in silos: %d accounts"
                 % (args.tasks, args.customers, args.customers - args.silos, pools, "" if pools == 1 else "s", args.silos,
                    accounts))
        print("workers: %s; calls delayed 0-%d ms; accounts_in_flight %d" % (label, args.delay_ms, args.in_flight))

        # The sandbox holds the accounts and, in each, the queues and the table (no delay: not measured).
        run([args.bin, "validate"], repo, env)
        _, wall, _, setup, _ = tool(args, ["apply", "--yes", "--output", "json"], repo, env, "apply", ("outcomes", "stats"))
        not_done = [o for o in setup["outcomes"] if o["status"] != "done"]
        actions = collections.Counter(o["change"]["action"] for o in setup["outcomes"])
        print("workers setup apply: %d changes (%d not done), %d API calls in %.1f s: %s"
              % (len(setup["outcomes"]), len(not_done), setup["stats"]["api_calls"], wall, ops_text(actions)))
        if not_done:
            print("workers setup apply not done: %s" % json.dumps(not_done[:5]))
            fails.append("setup apply")

        # Where each customer's tasks must go: the account apply recorded for its pool or silo.
        registry = tomllib.load(open(os.path.join(repo, "tenants.toml"), "rb"))
        ids = {(e["tier"], e["number"]): e.get("account_id") for e in registry.get("pool", [])}
        expected = {c: ids.get((tier, n)) for c, tier, n in placed}
        unrecorded = sorted({(t, n) for c, t, n in placed if not ids.get((t, n))})
        if unrecorded:
            print("workers setup: no account id recorded in tenants.toml for %d pools and silos, e.g. %s"
                  % (len(unrecorded), unrecorded[:3]))
            fails.append("account ids recorded")

        proxy = Proxy(args.endpoint_url, args.delay_ms, os.path.join(work, "proxy.log"))
        slow = dict(env, AWS_ENDPOINT_URL=proxy.url)
        args.proxy_pid = proxy.proc.pid
        dispatch = ["worker", "dispatch", "--file", tasks_file, "--output", "json", "--yes", "-v"]

        # Dispatch (exit 1 when a task was not sent: the checks below say which).
        code, d_wall, d_rss, doc, d_cpu = tool(args, dispatch, repo, slow, "worker dispatch", DISPATCHED, ok=(0, 1))
        d_proxy = proxy.calls()
        summary, stats, by_op = doc["summary"], doc["stats"], doc["stats"]["api_calls_by_operation"]
        statuses = collections.Counter(t["status"] for t in doc["tasks"])
        misrouted = [t for t in doc["tasks"] if t["status"] == "sent" and t.get("account_id") != expected.get(t["customer"])]
        d_sqs, d_calls = sqs_calls(by_op), stats["api_calls"]
        d_sqs_per, d_calls_per = d_sqs / args.tasks, d_calls / args.tasks
        d_pass = d_sqs_per <= GOAL_SQS_PER_TASK
        sent_all = (code == 0 and summary.get("sent") == args.tasks and summary.get("failed", 0) == 0
                    and statuses["sent"] == args.tasks)
        print("workers dispatch tasks: %d" % args.tasks)
        print("workers dispatch exit status: %d; sent %s, already queued %s, failed %s (%d task results)"
              % (code, summary.get("sent"), summary.get("already_queued"), summary.get("failed"), len(doc["tasks"])))
        print("workers dispatch every task sent: %s" % ("PASS" if sent_all else "FAIL"))
        print("workers dispatch tasks sent to their customer's account: %d of %d (%s)"
              % (statuses["sent"] - len(misrouted), statuses["sent"], "PASS" if not misrouted else "FAIL"))
        failed = [t for t in doc["tasks"] if t["status"] == "failed"]
        if failed:
            reasons = collections.Counter(json.dumps(t.get("error"), sort_keys=True)[:300] for t in failed)
            accounts_failed = collections.Counter(t.get("account") or t.get("account_id") for t in failed)
            print("workers dispatch failed tasks: %d, in %d accounts (%s)"
                  % (len(failed), len(accounts_failed), ", ".join("%s %d" % kv for kv in accounts_failed.most_common(5))))
            for reason, n in reasons.most_common(5):
                print("workers dispatch failed, %d x: %s" % (n, reason))
        if misrouted:
            print("workers dispatch misrouted, e.g.: %s (expected %s)"
                  % (json.dumps(misrouted[0]), expected.get(misrouted[0]["customer"])))
        print("workers dispatch seconds: %.2f (tool's own stats: %s)" % (d_wall, stats.get("seconds")))
        print("workers dispatch tasks/s: %.0f" % (args.tasks / d_wall))
        print("workers dispatch CPU seconds: %s (all three share this machine's %d cores)" % (cpu_text(d_cpu), os.cpu_count()))
        print("workers dispatch SQS calls per task: %.3f (goal <= %g) %s" % (d_sqs_per, GOAL_SQS_PER_TASK, "PASS" if d_pass else "FAIL"))
        print("workers dispatch SQS calls: %d (the fault proxy counted %d)" % (d_sqs, sqs_calls(d_proxy)))
        print("workers dispatch API calls per task: %.3f" % d_calls_per)
        print("workers dispatch API calls: %d (the fault proxy counted %d)" % (d_calls, sum(d_proxy.values())))
        for op, n in sorted(by_op.items()):
            print("workers dispatch API calls %s: %d" % (op, n))
        print("workers dispatch peak RSS MB: %.1f" % d_rss)
        if not sent_all:
            fails.append("dispatch sent")
        if misrouted:
            fails.append("dispatch accounts")
        if not d_pass:
            fails.append("SQS calls per task")

        # The same file again: nothing is sent.
        code, a_wall, a_rss, again, a_cpu = tool(args, dispatch, repo, slow, "worker dispatch (again)", DISPATCHED, ok=(0, 1))
        a_proxy = proxy.calls()
        a_summary, a_by_op = again["summary"], again["stats"]["api_calls_by_operation"]
        a_pass = (code == 0 and a_summary.get("already_queued") == args.tasks and a_summary.get("sent", 0) == 0
                  and a_summary.get("failed", 0) == 0 and a_by_op.get("SendMessageBatch", 0) == 0
                  and a_proxy.get("SendMessageBatch", 0) == 0)
        print("workers dispatch again exit status: %d; sent %s, already queued %s, failed %s"
              % (code, a_summary.get("sent"), a_summary.get("already_queued"), a_summary.get("failed")))
        print("workers dispatch again sends nothing: %s" % ("PASS" if a_pass else "FAIL"))
        print("workers dispatch again seconds: %.2f (CPU seconds: %s)" % (a_wall, cpu_text(a_cpu)))
        print("workers dispatch again SQS calls: %d (%s); per task %.3f"
              % (sqs_calls(a_by_op), ops_text({op: n for op, n in a_by_op.items() if op in SQS}) or "none",
                 sqs_calls(a_by_op) / args.tasks))
        print("workers dispatch again API calls: %d (the fault proxy counted %d): %s"
              % (again["stats"]["api_calls"], sum(a_proxy.values()), ops_text(a_by_op)))
        print("workers dispatch again peak RSS MB: %.1f" % a_rss)
        if not a_pass:
            fails.append("dispatch again")

        # Status, at once and one account after another, in turns.
        per_account = collections.Counter(t.get("account_id") for t in doc["tasks"] if t["status"] == "sent")
        runs, cpus = {args.in_flight: [], 1: []}, {args.in_flight: [], 1: []}
        last = {}
        tool(args, ["worker", "status", "--output", "json"], repo, slow, "worker status (warm-up)", STATUS)
        proxy.calls()
        for _ in range(args.status_runs):
            for limit in (args.in_flight, 1):
                set_key_in_table(config, "limits", "accounts_in_flight", limit)
                code, wall, rss, st, cpu = tool(args, ["worker", "status", "--output", "json"], repo, slow, "worker status", STATUS)
                runs[limit].append(wall)
                cpus[limit].append(cpu)
                last[limit] = (st, rss, proxy.calls())
        set_key_in_table(config, "limits", "accounts_in_flight", args.in_flight)
        fast, slow_s = statistics.median(runs[args.in_flight]), statistics.median(runs[1])
        st, s_rss, s_proxy = last[args.in_flight]
        listed = {a.get("account_id"): a for a in st["accounts"]}
        waiting = {a.get("account_id"): (a.get("visible") or 0) + (a.get("in_flight") or 0) + (a.get("delayed") or 0)
                   for a in st["accounts"]}
        s_pass = (len(st["accounts"]) == accounts and sum(waiting.values()) == statuses["sent"]
                  and all(waiting.get(a) == n for a, n in per_account.items()))
        seq, seq_rss, seq_proxy = last[1]
        same_reads = seq["stats"]["api_calls"] == st["stats"]["api_calls"] and len(seq["accounts"]) == len(st["accounts"])
        print("workers status accounts: %d of %d; messages waiting %d of %d sent, each account's as dispatched: %s"
              % (len(st["accounts"]), accounts, sum(waiting.values()), statuses["sent"], "PASS" if s_pass else "FAIL"))
        ecs = collections.Counter(json.dumps(a.get("ecs"), sort_keys=True) for a in st["accounts"])
        print("workers status ecs: %s" % "; ".join("%s x %d" % (k, n) for k, n in ecs.most_common(3)))
        print("workers status seconds (%d in flight): %.2f (median of %d: %s)"
              % (args.in_flight, fast, len(runs[args.in_flight]), ", ".join("%.2f" % w for w in runs[args.in_flight])))
        print("workers status seconds (one account after another): %.2f (median of %d: %s)"
              % (slow_s, len(runs[1]), ", ".join("%.2f" % w for w in runs[1])))
        print("workers status speedup: %.1fx" % (slow_s / fast))
        s_cpu, seq_cpu = mean_cpu(cpus[args.in_flight]), mean_cpu(cpus[1])
        print("workers status CPU seconds a run (%d in flight): %s; one account after another: %s"
              % (args.in_flight, cpu_text(s_cpu), cpu_text(seq_cpu)))
        print("workers status API calls: %d (the fault proxy counted %d): %s"
              % (st["stats"]["api_calls"], sum(s_proxy.values()), ops_text(st["stats"]["api_calls_by_operation"])))
        print("workers status API calls one account after another: %d (the fault proxy counted %d); the same reads: %s"
              % (seq["stats"]["api_calls"], sum(seq_proxy.values()), "yes" if same_reads else "NO"))
        print("workers status peak RSS MB: %.1f (one account after another: %.1f)" % (s_rss, seq_rss))
        if not s_pass:
            missing = sorted(set(per_account) - set(listed))
            print("workers status: accounts dispatched to but not listed: %s" % missing[:5])
            fails.append("status")

        print()
        print("| Measure (%s; calls delayed 0-%d ms) | Result | Target |" % (label, args.delay_ms))
        print("|---|---|---|")
        print("| `worker dispatch --file` | %d tasks in %.2f s: %.0f tasks/s, %.0f MB peak memory; CPU seconds: %s"
              " | every task sent to its customer's account (%s) |"
              % (args.tasks, d_wall, args.tasks / d_wall, d_rss, cpu_text(d_cpu),
                 "PASS" if sent_all and not misrouted else "FAIL"))
        print("| SQS calls per task | %.3f (%s) | <= %g (%s) |"
              % (d_sqs_per, ops_text({op: n for op, n in by_op.items() if op in SQS}), GOAL_SQS_PER_TASK, "PASS" if d_pass else "FAIL"))
        print("| all API calls per task | %.3f (%d: %s) | |" % (d_calls_per, d_calls, ops_text(by_op)))
        print("| the same file again | %d sent, %s already queued, in %.2f s; %d SQS calls, %d API calls | nothing sent (%s) |"
              % (a_summary.get("sent", 0), a_summary.get("already_queued"), a_wall, sqs_calls(a_by_op),
                 again["stats"]["api_calls"], "PASS" if a_pass else "FAIL"))
        print("| `worker status`, %d accounts, %d in flight | %.2f s (median of %d), %d API calls, %.0f MB; CPU seconds: %s | |"
              % (accounts, args.in_flight, fast, args.status_runs, st["stats"]["api_calls"], s_rss,
                 cpu_text(s_cpu)))
        print("| the same reads, one account after another | %.2f s (median of %d); CPU seconds: %s | |"
              % (slow_s, args.status_runs, cpu_text(seq_cpu)))
        print("| speedup | %.1fx | |" % (slow_s / fast))
        print()
    finally:
        if proxy is not None:
            proxy.stop()
        shutil.rmtree(work, ignore_errors=True)
    if fails:
        print("bench: workers FAILED: %s" % ", ".join(fails), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
