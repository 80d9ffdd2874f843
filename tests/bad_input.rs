//! Bad input: each case gets its exact error (file, line, fix) and the sandbox gets no write call.

mod support;

use std::path::Path;

use support::{Proxy, Sandbox, edit, example_repo, stderr, tool};

struct Case {
    name: &'static str,
    break_repo: fn(&Path),
    args: &'static [&'static str],
    /// The whole of stderr.
    error: &'static str,
}

fn write(repo: &Path, file: &str, text: &str) {
    let path = repo.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn append(repo: &Path, file: &str, text: &str) {
    let path = repo.join(file);
    let before = std::fs::read_to_string(&path).unwrap();
    std::fs::write(path, before + text).unwrap();
}

const POOL_1: &str = "[[pool]]\ntier = \"pool\"\nnumber = 1\n";
const ACME: &str = "[[tenant]]\ncustomer = \"ACME\"\ntier = \"pool\"\npool = 1\n";

const WORKLOADS: &str = r#"scps = ["FullAWSAccess", "region-guard", "protect-security-services", "protect-platform-roles"]"#;

fn big_scp() -> String {
    let actions: Vec<String> = (0..400).map(|i| format!("\"ec2:DescribeSomething{i:04}\"")).collect();
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Sid": "Big", "Effect": "Deny", "Action": [{}], "Resource": "*"}}]}}"#,
        actions.join(", ")
    )
}

/// A permission set and an assignment of it, valid: appended to miyabi-org.toml from line 113.
const SSO: &str = r#"[sso.permission_set."PlatformAdmin"]
managed_policies = ["arn:aws:iam::aws:policy/AdministratorAccess"]
[[sso.assignment]]
label = "admins"
group = "PlatformAdmins"
permission_set = "PlatformAdmin"
accounts = ["Miyabi Security"]
"#;

/// A second assignment, valid after SSO.
const SSO_READERS: &str = r#"[[sso.assignment]]
group = "Auditors"
permission_set = "PlatformAdmin"
ous = ["Security"]
"#;

fn big_inline_policy() -> String {
    let actions: Vec<String> = (0..1500).map(|i| format!("\"s3:GetSomething{i:04}\"")).collect();
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Sid": "Big", "Effect": "Allow", "Action": [{}], "Resource": "*"}}]}}"#,
        actions.join(", ")
    )
}

/// An RCP `name` with `statement` as its only statement, listed at Workloads.
fn rcp(repo: &Path, name: &str, statement: &str) {
    write(repo, &format!("policies/rcp/{name}.json"), &format!("{{\"Version\": \"2012-10-17\", \"Statement\": [{statement}]}}\n"));
    edit(repo, "miyabi-org.toml", "rcps = [\"data-perimeter\"]", &format!("rcps = [\"data-perimeter\", \"{name}\"]"));
}

/// Five more SCPs, `extra-1` to `extra-5`, declared in miyabi-org.toml: enough to pass AWS's
/// quota of 10 SCPs on a target with the example's own.
fn extra_scps(repo: &Path) {
    for n in 1..=5 {
        let document =
            format!(r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Deny", "Action": "extra{n}:*", "Resource": "*"}}]}}"#);
        write(repo, &format!("policies/scp/extra-{n}.json"), &document);
        append(repo, "miyabi-org.toml", &format!("\n[policy.\"extra-{n}\"]\ndescription = \"Extra {n}\"\n"));
    }
}

/// Removes the example's `[workers]` section and its `[workers.scaling]` from miyabi-org.toml:
/// the example puts them at the end of the file.
fn drop_workers(repo: &Path) {
    let path = repo.join("miyabi-org.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("[workers]\n").expect("the example has [workers]");
    std::fs::write(path, &text[..start]).unwrap();
}

/// Two pools with accounts, a customer in each, and the repositories each owns: for `worker
/// dispatch`, whose checks need an account id.
const WORKER_TENANTS: &str = r#"[[pool]]
tier = "pool"
number = 1
account_id = "111122223333"
[[pool]]
tier = "bridge"
number = 1
account_id = "444455556666"
[[tenant]]
customer = "ACME"
tier = "pool"
pool = 1
github = ["acme-corp/*"]
[[tenant]]
customer = "Globex"
tier = "bridge"
pool = 1
github = ["globex/*", "acme-corp/globex-site"]
"#;

/// A JSONL file of tasks whose line 2 is `bad`, between two good lines.
fn tasks_file(repo: &Path, bad: &str) {
    write(repo, "tenants.toml", WORKER_TENANTS);
    let good = r#"{"customer": "ACME", "issue": "acme-corp/app#1"}"#;
    write(repo, "tasks.jsonl", &format!("{good}\n{bad}\n{}\n", good.replace("#1", "#2")));
}

const CASES: &[Case] = &[
    Case {
        name: "malformed TOML",
        break_repo: |r| edit(r, "miyabi-org.toml", "[ou.\"Security\"]", "[ou.\"Security\""),
        args: &["plan"],
        error: r##"error: unclosed table, expected `]`
  --> miyabi-org.toml:27:15
   |
27 | [ou."Security"
   |               ^
   = help: correct the TOML syntax (see https://toml.io)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "unknown key",
        break_repo: |r| edit(r, "miyabi-org.toml", "name = \"miyabi\"", "nmae = \"miyabi\""),
        args: &["plan"],
        error: r##"error: unknown field `nmae`, expected one of `name`, `id`, `home_region`, `ignore_policies`, `member_role`, `email`
 --> miyabi-org.toml:5:1
  |
5 | nmae = "miyabi"
  | ^
  = help: remove the key or correct its spelling to one of the expected keys

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "unknown key in an OU",
        break_repo: |r| edit(r, "miyabi-org.toml", "[ou.\"Sandbox\"]\nscps", "[ou.\"Sandbox\"]\nscp"),
        args: &["plan"],
        error: r##"error: unknown field `scp`, expected one of `scps`, `tag_policies`, `rcps`, `backup_policies`, `ai_opt_out_policies`, `declarative_policies`, `chatbot_policies`
  --> miyabi-org.toml:44:1
   |
44 | scp = ["FullAWSAccess", "region-guard"]
   | ^
   = help: remove the key or correct its spelling to one of the expected keys

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "missing key",
        break_repo: |r| edit(r, "miyabi-org.toml", "home_region = \"us-east-1\"\n", ""),
        args: &["plan"],
        error: r##"error: missing field `home_region`
 --> miyabi-org.toml:4:1
  |
4 | [organization]
  | ^
  = help: add the missing key

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "wrong type",
        break_repo: |r| edit(r, "miyabi-org.toml", r#"scps = ["FullAWSAccess", "region-guard"]"#, r#"scps = "region-guard""#),
        args: &["plan"],
        error: r##"error: invalid type: string "region-guard", expected a sequence
  --> miyabi-org.toml:44:8
   |
44 | scps = "region-guard"
   |        ^
   = help: give the key a value of the expected type

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "malformed JSON",
        break_repo: |r| edit(r, "policies/scp/deny-root-user.json", "\"Effect\"", "Effect"),
        args: &["plan"],
        error: r##"error: malformed JSON: key must be a string
 --> policies/scp/deny-root-user.json:6:7
  |
6 |       Effect: "Deny",
  |       ^
  = help: correct the JSON syntax (a policy is one JSON object)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "SCP over the size limit after minifying",
        break_repo: |r| write(r, "policies/scp/region-guard.json", &big_scp()),
        args: &["plan"],
        error: r##"error: SCP region-guard is 11294 characters when minified, over the limit of 10240
 --> policies/scp/region-guard.json
  = help: split it into two policies, or raise [limits] scp_max_chars if AWS raised your quota

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "eleven SCPs on one OU",
        break_repo: |r| {
            extra_scps(r);
            edit(
                r,
                "miyabi-org.toml",
                WORKLOADS,
                r#"scps = ["FullAWSAccess", "region-guard", "protect-security-services", "protect-platform-roles", "deny-root-user", "deny-leave-organization", "extra-1", "extra-2", "extra-3", "extra-4", "extra-5"]"#,
            )
        },
        args: &["plan"],
        error: r##"error: [ou."Workloads"] has 11 SCPs, over the limit of 10 per target
  --> miyabi-org.toml:34:8
   |
34 | scps = ["FullAWSAccess", "region-guard", "protect-security-services", "protect-platform-roles", "deny-root-user", "deny-leave-organization", "extra-1", "extra-2", "extra-3", "extra-4", "extra-5"]
   |        ^
   = help: merge policies into fewer documents, or raise [limits] scps_per_target if AWS raised your quota

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "eleven SCPs on the root with FullAWSAccess kept",
        break_repo: |r| {
            extra_scps(r);
            edit(
                r,
                "miyabi-org.toml",
                r#"scps = ["FullAWSAccess", "deny-leave-organization", "deny-root-user"]"#,
                r#"scps = ["deny-leave-organization", "deny-root-user", "region-guard", "protect-security-services", "protect-platform-roles", "extra-1", "extra-2", "extra-3", "extra-4", "extra-5"]"#,
            )
        },
        args: &["plan"],
        error: r##"error: [root] has 11 SCPs (FullAWSAccess, kept on the root, takes one), over the limit of 10 per target
  --> miyabi-org.toml:23:8
   |
23 | scps = ["deny-leave-organization", "deny-root-user", "region-guard", "protect-security-services", "protect-platform-roles", "extra-1", "extra-2", "extra-3", "extra-4", "extra-5"]
   |        ^
   = help: merge policies into fewer documents, or raise [limits] scps_per_target if AWS raised your quota

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "OU deeper than the limit",
        break_repo: |r| {
            append(
                r,
                "miyabi-org.toml",
                "[ou.\"Workloads/Pool/A\"]\n[ou.\"Workloads/Pool/A/B\"]\n[ou.\"Workloads/Pool/A/B/C\"]\n[ou.\"Workloads/Pool/A/B/C/D\"]\n",
            )
        },
        args: &["plan"],
        error: r##"error: OU Workloads/Pool/A/B/C/D is 6 levels deep, over the limit of 5
   --> miyabi-org.toml:138:5
    |
138 | [ou."Workloads/Pool/A/B/C/D"]
    |     ^
    = help: flatten the tree: AWS nests OUs at most 5 levels below the root

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "undefined policy",
        break_repo: |r| {
            edit(r, "miyabi-org.toml", r#"scps = ["FullAWSAccess", "region-guard"]"#, r#"scps = ["FullAWSAccess", "region-gaurd"]"#)
        },
        args: &["plan"],
        error: r##"error: [ou."Sandbox"] lists SCP region-gaurd, which is not defined
  --> miyabi-org.toml:44:26
   |
44 | scps = ["FullAWSAccess", "region-gaurd"]
   |                          ^
   = help: add policies/scp/region-gaurd.json or correct the name

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "undeclared parent OU",
        break_repo: |r| append(r, "miyabi-org.toml", "[ou.\"Suspended/Closed\"]\n"),
        args: &["plan"],
        error: r##"error: OU Suspended/Closed has no declared parent Suspended
   --> miyabi-org.toml:135:5
    |
135 | [ou."Suspended/Closed"]
    |     ^
    = help: add [ou."Suspended"]

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "tag policy listed as an SCP",
        break_repo: |r| {
            edit(r, "miyabi-org.toml", r#"scps = ["FullAWSAccess", "region-guard"]"#, r#"scps = ["FullAWSAccess", "customer-tag"]"#)
        },
        args: &["plan"],
        error: r##"error: [ou."Sandbox"] lists customer-tag under scps, but it is a tag policy
  --> miyabi-org.toml:44:26
   |
44 | scps = ["FullAWSAccess", "customer-tag"]
   |                          ^
   = help: move it to tag_policies

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy listed twice",
        break_repo: |r| {
            edit(
                r,
                "miyabi-org.toml",
                r#"scps = ["FullAWSAccess", "region-guard"]"#,
                r#"scps = ["FullAWSAccess", "region-guard", "region-guard"]"#,
            )
        },
        args: &["plan"],
        error: r##"error: [ou."Sandbox"] lists region-guard twice
  --> miyabi-org.toml:44:42
   |
44 | scps = ["FullAWSAccess", "region-guard", "region-guard"]
   |                                          ^
   = help: remove the duplicate

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "no SCP on a target",
        break_repo: |r| edit(r, "miyabi-org.toml", r#"scps = ["FullAWSAccess", "region-guard"]"#, "scps = []"),
        args: &["plan"],
        error: r##"error: [ou."Sandbox"] has no SCP: AWS requires at least one on every target
  --> miyabi-org.toml:44:8
   |
44 | scps = []
   |        ^
   = help: list at least "FullAWSAccess"

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "redefining FullAWSAccess",
        break_repo: |r| {
            write(
                r,
                "policies/scp/FullAWSAccess.json",
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#,
            )
        },
        args: &["plan"],
        error: r##"error: FullAWSAccess is the AWS-managed policy and cannot be redefined
 --> policies/scp/FullAWSAccess.json
  = help: rename the file: AWS owns that name

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "statement without Effect or Action",
        break_repo: |r| {
            write(r, "policies/scp/deny-root-user.json", r#"{"Version": "2012-10-17", "Statement": [{"Sid": "Oops", "Resource": "*"}]}"#)
        },
        args: &["plan"],
        error: r##"error: statement `Oops`: `Effect` is missing
 --> policies/scp/deny-root-user.json:1:41
  |
1 | {"Version": "2012-10-17", "Statement": [{"Sid": "Oops", "Resource": "*"}]}
  |                                         ^
  = help: add "Effect": "Deny" or "Effect": "Allow"

error: statement `Oops`: neither `Action` nor `NotAction` is set
 --> policies/scp/deny-root-user.json:1:41
  |
1 | {"Version": "2012-10-17", "Statement": [{"Sid": "Oops", "Resource": "*"}]}
  |                                         ^
  = help: add "Action": ["service:ActionName", ...]

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "wrong policy Version",
        break_repo: |r| edit(r, "policies/scp/deny-root-user.json", "2012-10-17", "2008-10-17"),
        args: &["plan"],
        error: r##"error: `Version` must be `2012-10-17`, not `2008-10-17`
 --> policies/scp/deny-root-user.json:2:14
  |
2 |   "Version": "2008-10-17",
  |              ^
  = help: set "Version": "2012-10-17"; SCPs and RCPs take no other version

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "invalid organization id",
        break_repo: |r| edit(r, "miyabi-org.toml", "# id = \"o-abc123defg\"", "id = \"abc123\""),
        args: &["plan"],
        error: r##"error: `abc123` is not an organization id
 --> miyabi-org.toml:6:6
  |
6 | id = "abc123"                 # optional guard: refuse to touch any other organization
  |      ^
  = help: use the id `aws organizations describe-organization` prints, like o-a1b2c3d4e5, or remove the key

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "invalid home region",
        break_repo: |r| edit(r, "miyabi-org.toml", "home_region = \"us-east-1\"", "home_region = \"virginia\""),
        args: &["plan"],
        error: r##"error: `virginia` is not an AWS region
 --> miyabi-org.toml:7:15
  |
7 | home_region = "virginia"
  |               ^
  = help: use a region code such as us-east-1

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "not a JSON file among the policies",
        break_repo: |r| write(r, "policies/scp/notes.txt", "remember to add a policy"),
        args: &["plan"],
        error: r##"error: unexpected file in policies/scp/: only .json files belong here
 --> policies/scp/notes.txt
  = help: rename it to NAME.json or move it out of policies/scp/

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "settings for a policy that has no file",
        break_repo: |r| append(r, "miyabi-org.toml", "[policy.\"deny-everything\"]\ndescription = \"x\"\n"),
        args: &["plan"],
        error: r##"error: [policy."deny-everything"] names a policy that has no file
   --> miyabi-org.toml:135:9
    |
135 | [policy."deny-everything"]
    |         ^
    = help: add policies/scp/deny-everything.json or policies/tag/deny-everything.json (or in the folder of another type), or remove the section

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy file matching ignore_policies",
        break_repo: |r| {
            write(
                r,
                "policies/scp/aws-guardrails-mine.json",
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}"#,
            )
        },
        args: &["plan"],
        error: r##"error: policies/scp/aws-guardrails-mine.json matches ignore_policies pattern `aws-guardrails-*`
 --> miyabi-org.toml:9:20
  |
9 | ignore_policies = ["aws-guardrails-*"]
  |                    ^
  = help: ignored policies belong to another system: rename the file or change the pattern

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "template with an undeclared OU",
        break_repo: |r| edit(r, "account-templates/pool.toml", "Workloads/Pool", "Workloads/Pools"),
        args: &["plan"],
        error: r##"error: template pool places accounts in OU Workloads/Pools, which is not declared
 --> account-templates/pool.toml:3:6
  |
3 | ou = "Workloads/Pools"
  |      ^
  = help: add [ou."Workloads/Pools"] to miyabi-org.toml or correct the path

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "template with an unknown placeholder",
        break_repo: |r| edit(r, "account-templates/silo.toml", "Silo-{customer}", "Silo-{tenant}"),
        args: &["plan"],
        error: r##"error: unknown placeholder {tenant} in the account name
 --> account-templates/silo.toml:2:8
  |
2 | name = "Silo-{tenant}"
  |        ^
  = help: use {pool}, {customer}, {slug} or {tier}

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "template tag with the aws: prefix",
        break_repo: |r| edit(r, "account-templates/pool.toml", "\"miyabi:pool\"", "\"aws:pool\""),
        args: &["plan"],
        error: r##"error: tag key `aws:pool` uses the reserved aws: prefix
 --> account-templates/pool.toml:4:36
  |
4 | tags = { "miyabi:tier" = "{tier}", "aws:pool" = "{pool}" }
  |                                    ^
  = help: choose another prefix, such as miyabi:

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "budget notification to a non-address",
        break_repo: |r| edit(r, "account-templates/pool.toml", "finops@miyabi.io", "finops"),
        args: &["plan"],
        error: r##"error: `finops` is not an email address
  --> account-templates/pool.toml:11:11
   |
11 | notify = ["finops"]
   |           ^
   = help: use name@domain

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "a limit of zero",
        break_repo: |r| edit(r, "miyabi-org.toml", "scps_per_target = 10", "scps_per_target = 0"),
        args: &["plan"],
        error: r##"error: [limits] scps_per_target must be at least 1
  --> miyabi-org.toml:16:1
   |
16 | scps_per_target = 0                  # FullAWSAccess takes a slot
   | ^
   = help: set scps_per_target to the quota AWS gives your organization

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "malformed IAM policy",
        break_repo: |r| write(r, "policies/iam/operator.json", "{\"Version\": \"2012-10-17\",\n\"Statement\": [}\n"),
        args: &["plan"],
        error: r##"error: malformed JSON: expected value
 --> policies/iam/operator.json:2:15
  |
2 | "Statement": [}
  |               ^
  = help: correct the JSON syntax (a policy is one JSON object)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "invalid OU path",
        break_repo: |r| append(r, "miyabi-org.toml", "[ou.\"Workloads//Pool\"]\n"),
        args: &["plan"],
        error: r##"error: `Workloads//Pool` is not a valid OU path: it has an empty name
   --> miyabi-org.toml:135:5
    |
135 | [ou."Workloads//Pool"]
    |     ^
    = help: write OU paths as Parent/Child with names of 1-128 characters and no surrounding spaces

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "several problems reported together",
        break_repo: |r| {
            edit(r, "miyabi-org.toml", r#"scps = ["FullAWSAccess", "region-guard"]"#, r#"scps = ["FullAWSAccess", "nope"]"#);
            edit(r, "policies/scp/deny-root-user.json", "2012-10-17", "2008-10-17");
        },
        args: &["validate"],
        error: r##"error: `Version` must be `2012-10-17`, not `2008-10-17`
 --> policies/scp/deny-root-user.json:2:14
  |
2 |   "Version": "2008-10-17",
  |              ^
  = help: set "Version": "2012-10-17"; SCPs and RCPs take no other version

error: [ou."Sandbox"] lists SCP nope, which is not defined
  --> miyabi-org.toml:44:26
   |
44 | scps = ["FullAWSAccess", "nope"]
   |                          ^
   = help: add policies/scp/nope.json or correct the name

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "pool of an undeclared tier",
        break_repo: |r| write(r, "tenants.toml", "[[pool]]\ntier = \"gold\"\nnumber = 1\n"),
        args: &["plan"],
        error: r##"error: pool 1 is of tier gold, which is not declared
 --> tenants.toml:2:8
  |
2 | tier = "gold"
  |        ^
  = help: add [tenancy.tier.gold] or correct the tier

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "customer in an undeclared tier",
        break_repo: |r| write(r, "tenants.toml", &format!("{POOL_1}[[tenant]]\ncustomer = \"ACME\"\ntier = \"gold\"\npool = 1\n")),
        args: &["plan"],
        error: r##"error: customer ACME is in tier gold, which is not declared
 --> tenants.toml:6:8
  |
6 | tier = "gold"
  |        ^
  = help: add [tenancy.tier.gold] or correct the tier

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "customer in an undeclared pool",
        break_repo: |r| write(r, "tenants.toml", &format!("{POOL_1}[[tenant]]\ncustomer = \"ACME\"\ntier = \"pool\"\npool = 2\n")),
        args: &["plan"],
        error: r##"error: customer ACME is in pool 2, which is not declared
 --> tenants.toml:7:8
  |
7 | pool = 2
  |        ^
  = help: add the [[pool]], or place the customer with `miyabi-org tenant place`

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "customer registered twice",
        break_repo: |r| write(r, "tenants.toml", &format!("{POOL_1}{ACME}{ACME}")),
        args: &["plan"],
        error: r##"error: customer ACME is registered twice
 --> tenants.toml:9:12
  |
9 | customer = "ACME"
  |            ^
  = help: keep one [[tenant]] per customer

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "invalid customer id",
        break_repo: |r| write(r, "tenants.toml", &format!("{POOL_1}[[tenant]]\ncustomer = \"ACME Corp\"\ntier = \"pool\"\npool = 1\n")),
        args: &["plan"],
        error: r##"error: `ACME Corp` is not a valid customer id
 --> tenants.toml:5:12
  |
5 | customer = "ACME Corp"
  |            ^
  = help: use letters, digits and dashes, starting with a letter or digit, at most 63 characters

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "pool over capacity",
        break_repo: |r| {
            edit(r, "miyabi-org.toml", "capacity = 100", "capacity = 1");
            write(r, "tenants.toml", &format!("{POOL_1}{ACME}[[tenant]]\ncustomer = \"Globex\"\ntier = \"pool\"\npool = 1\n"));
        },
        args: &["plan"],
        error: r##"error: pool 1 is over its capacity of 1 with customer Globex
 --> tenants.toml:9:12
  |
9 | customer = "Globex"
  |            ^
  = help: place the customer in another pool, or raise the tier's capacity

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "pool declared twice",
        break_repo: |r| write(r, "tenants.toml", &format!("{POOL_1}{POOL_1}")),
        args: &["plan"],
        error: r##"error: pool 1 is declared twice
 --> tenants.toml:6:10
  |
6 | number = 1
  |          ^
  = help: remove the duplicate [[pool]]

error: pool 1 would be named Pool-1, like another account
 --> tenants.toml:2:8
  |
2 | tier = "pool"
  |        ^
  = help: give each account a unique name

error: pool 1 would get the email aws+pool-1@miyabi.io, like another account
 --> tenants.toml:2:8
  |
2 | tier = "pool"
  |        ^
  = help: AWS requires a unique email per account: use {slug} in the pattern or set email

3 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "invalid account id",
        break_repo: |r| write(r, "tenants.toml", "[[pool]]\ntier = \"pool\"\nnumber = 1\naccount_id = \"12345\"\n"),
        args: &["plan"],
        error: r##"error: `12345` is not an AWS account id
 --> tenants.toml:4:14
  |
4 | account_id = "12345"
  |              ^
  = help: use the 12 digits of the account id

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "account id declared twice",
        break_repo: |r| {
            let pools = "[[pool]]\ntier = \"pool\"\nnumber = 1\naccount_id = \"111122223333\"\n[[pool]]\ntier = \"pool\"\nnumber = 2\naccount_id = \"111122223333\"\n";
            write(r, "tenants.toml", pools)
        },
        args: &["plan"],
        error: r##"error: account 111122223333 is declared twice
 --> tenants.toml:8:14
  |
8 | account_id = "111122223333"
  |              ^
  = help: one account is one pool or one core account

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "tier with an unknown template",
        break_repo: |r| edit(r, "miyabi-org.toml", "template = \"bridge\"", "template = \"bridges\""),
        args: &["plan"],
        error: r##"error: tier bridge uses template bridges, which is not in account-templates/
  --> miyabi-org.toml:67:12
   |
67 | template = "bridges"
   |            ^
   = help: use one of: bridge, core, pool, silo

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "tier of capacity 0",
        break_repo: |r| edit(r, "miyabi-org.toml", "capacity = 10\n", "capacity = 0\n"),
        args: &["plan"],
        error: r##"error: tier bridge has a capacity of 0
  --> miyabi-org.toml:68:12
   |
68 | capacity = 0
   |            ^
   = help: give the number of customers one account holds; 1 makes a silo

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "pooled accounts named by customer",
        break_repo: |r| edit(r, "account-templates/pool.toml", "Pool-{pool}", "Pool-{customer}"),
        args: &["plan"],
        error: r##"error: template pool names accounts by {customer}, but tier pool puts 100 customers in one account
 --> account-templates/pool.toml:2:8
  |
2 | name = "Pool-{customer}"
  |        ^
  = help: name pooled accounts by {pool}; {customer} is for tiers of capacity 1

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "core account with an unknown template",
        break_repo: |r| {
            edit(
                r,
                "miyabi-org.toml",
                "[account.\"Miyabi Security\"]\ntemplate = \"core\"",
                "[account.\"Miyabi Security\"]\ntemplate = \"kore\"",
            )
        },
        args: &["plan"],
        error: r##"error: [account."Miyabi Security"] uses template kore, which is not in account-templates/
  --> miyabi-org.toml:48:12
   |
48 | template = "kore"
   |            ^
   = help: use one of: bridge, core, pool, silo

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "core account in an undeclared OU",
        break_repo: |r| edit(r, "miyabi-org.toml", "ou = \"Security\"\nemail", "ou = \"Securty\"\nemail"),
        args: &["plan"],
        error: r##"error: [account."Miyabi Security"] is placed in OU Securty, which is not declared
  --> miyabi-org.toml:49:6
   |
49 | ou = "Securty"
   |      ^
   = help: add [ou."Securty"] or correct the path

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "core account with an invalid email",
        break_repo: |r| edit(r, "miyabi-org.toml", "email = \"security@miyabi.io\"", "email = \"security\""),
        args: &["plan"],
        error: r##"error: `security` is not an email address
  --> miyabi-org.toml:50:9
   |
50 | email = "security"
   |         ^
   = help: use name@domain

error: core account Miyabi Security would get the email `security`
  --> miyabi-org.toml:47:1
   |
47 | [account."Miyabi Security"]
   | ^
   = help: set [organization] email to a pattern such as aws+{slug}@example.com

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "two accounts with one email",
        break_repo: |r| {
            append(
                r,
                "miyabi-org.toml",
                "\n[account.\"Miyabi Audit\"]\ntemplate = \"core\"\nou = \"Security\"\nemail = \"security@miyabi.io\"\n",
            )
        },
        args: &["plan"],
        error: r##"error: core account Miyabi Security would get the email security@miyabi.io, like another account
  --> miyabi-org.toml:47:1
   |
47 | [account."Miyabi Security"]
   | ^
   = help: AWS requires a unique email per account: use {slug} in the pattern or set email

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "two accounts with one name",
        break_repo: |r| {
            append(r, "miyabi-org.toml", "\n[account.\"Pool-1\"]\ntemplate = \"core\"\n");
            write(r, "tenants.toml", POOL_1);
        },
        args: &["plan"],
        error: r##"error: pool 1 would be named Pool-1, like another account
 --> tenants.toml:2:8
  |
2 | tier = "pool"
  |        ^
  = help: give each account a unique name

error: pool 1 would get the email aws+pool-1@miyabi.io, like another account
 --> tenants.toml:2:8
  |
2 | tier = "pool"
  |        ^
  = help: AWS requires a unique email per account: use {slug} in the pattern or set email

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "account name too long",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("\n[account.\"{}\"]\ntemplate = \"core\"\n", "N".repeat(51))),
        args: &["plan"],
        error: r##"error: `NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN` is not a valid account name
   --> miyabi-org.toml:136:10
    |
136 | [account."NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN"]
    |          ^
    = help: use 1-50 printable ASCII characters

error: core account NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN would be named `NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN`, not a valid account name
   --> miyabi-org.toml:136:1
    |
136 | [account."NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN"]
    | ^
    = help: account names are 1-50 printable ASCII characters: shorten the template's name

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "email pattern without {slug}",
        break_repo: |r| edit(r, "miyabi-org.toml", "email = \"aws+{slug}@miyabi.io\"", "email = \"aws@miyabi.io\""),
        args: &["plan"],
        error: r##"error: the email pattern gives every account the same address
  --> miyabi-org.toml:11:9
   |
11 | email = "aws@miyabi.io"        # default account email; {slug} = lower-case account name, [a-z0-9-]
   |         ^
   = help: add {slug}, as in aws+{slug}@example.com: AWS requires a unique email per account

error: core account Miyabi Shared Services would get the email aws@miyabi.io, like another account
  --> miyabi-org.toml:56:1
   |
56 | [account."Miyabi Shared Services"]
   | ^
   = help: AWS requires a unique email per account: use {slug} in the pattern or set email

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "placement date that is not a date",
        break_repo: |r| {
            write(
                r,
                "tenants.toml",
                &format!("{POOL_1}[[tenant]]\ncustomer = \"ACME\"\ntier = \"pool\"\npool = 1\nsince = \"last week\"\n"),
            )
        },
        args: &["plan"],
        error: r##"error: `last week` is not a date
 --> tenants.toml:8:9
  |
8 | since = "last week"
  |         ^
  = help: write dates as YYYY-MM-DD

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "customer budget of 0",
        break_repo: |r| {
            write(r, "tenants.toml", &format!("{POOL_1}[[tenant]]\ncustomer = \"ACME\"\ntier = \"pool\"\npool = 1\nbudget_usd = 0\n"))
        },
        args: &["plan"],
        error: r##"error: customer ACME has a budget of 0 USD
 --> tenants.toml:8:14
  |
8 | budget_usd = 0
  |              ^
  = help: give a monthly amount above 0, or remove budget_usd

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "tier target of 0",
        break_repo: |r| edit(r, "miyabi-org.toml", "target_usd_per_customer = 15\n", "target_usd_per_customer = 0\n"),
        args: &["cost", "advise"],
        error: r##"error: tier bridge has a target of 0 USD per customer
  --> miyabi-org.toml:69:27
   |
69 | target_usd_per_customer = 0
   |                           ^
   = help: give the monthly unit cost the tier is priced for, above 0 (such as 5), or remove target_usd_per_customer

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "negative tier target",
        break_repo: |r| edit(r, "miyabi-org.toml", "target_usd_per_customer = 50\n", "target_usd_per_customer = -50\n"),
        args: &["cost", "advise"],
        error: r##"error: tier silo has a target of -50 USD per customer
  --> miyabi-org.toml:73:27
   |
73 | target_usd_per_customer = -50
   |                           ^
   = help: give the monthly unit cost the tier is priced for, above 0 (such as 5), or remove target_usd_per_customer

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "dedicated customer in a shared tier",
        break_repo: |r| write(r, "tenants.toml", &format!("{POOL_1}{ACME}dedicated = true\n")),
        args: &["cost", "advise"],
        error: r##"error: customer ACME is dedicated, but tier pool puts 100 customers in one account
 --> tenants.toml:8:13
  |
8 | dedicated = true
  |             ^
  = help: remove dedicated = true, move the customer with `miyabi-org tenant migrate ACME --to silo`, then set it again

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "noisy share of 100 percent",
        break_repo: |r| append(r, "miyabi-org.toml", "\n[cost.advise]\nnoisy_share_percent = 100\n"),
        args: &["cost", "advise"],
        error: r##"error: noisy_share_percent = 100 is not a share of a pool's cost
   --> miyabi-org.toml:137:23
    |
137 | noisy_share_percent = 100
    |                       ^
    = help: give a percentage between 0 and 100, such as 25

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "unknown key in tenants.toml",
        break_repo: |r| write(r, "tenants.toml", "[[pool]]\ntier = \"pool\"\nnumbr = 1\n"),
        args: &["plan"],
        error: r##"error: unknown field `numbr`, expected one of `tier`, `number`, `account_id`, `drained`
 --> tenants.toml:3:1
  |
3 | numbr = 1
  | ^
  = help: remove the key or correct its spelling to one of the expected keys

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "customer tag with the aws: prefix",
        break_repo: |r| edit(r, "miyabi-org.toml", "customer_tag = \"customer\"", "customer_tag = \"aws:customer\""),
        args: &["plan"],
        error: r##"error: `aws:customer` cannot be a tag key
  --> miyabi-org.toml:61:16
   |
61 | customer_tag = "aws:customer"             # cost allocation tag on pooled resources and silo accounts
   |                ^
   = help: use 1-128 characters without the aws: prefix, such as customer

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "customer tag with a quote",
        break_repo: |r| edit(r, "miyabi-org.toml", "customer_tag = \"customer\"", "customer_tag = \"customer's\""),
        args: &["plan"],
        error: r##"error: `customer's` cannot be a tag key: AWS does not allow `'` in one
  --> miyabi-org.toml:61:16
   |
61 | customer_tag = "customer's"             # cost allocation tag on pooled resources and silo accounts
   |                ^
   = help: use letters, digits, spaces and _ . : / = + - @, such as customer

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: permission set name with characters AWS does not allow",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"Platform Admin!\"]\n")),
        args: &["plan"],
        error: r##"error: permission set name `Platform Admin!` has characters AWS does not allow
   --> miyabi-org.toml:142:21
    |
142 | [sso.permission_set."Platform Admin!"]
    |                     ^
    = help: use only letters, digits and + = , . @ _ -, such as `PlatformAdmin`

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: permission set names equal but for case",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"platformadmin\"]\n")),
        args: &["plan"],
        error: r##"error: permission sets `PlatformAdmin` (line 135) and `platformadmin` differ only in case: AWS takes them for the same name
   --> miyabi-org.toml:142:21
    |
142 | [sso.permission_set."platformadmin"]
    |                     ^
    = help: rename one of them, or merge them into one [sso.permission_set]: Identity Center names are case-insensitive

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: permission set declared twice",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"PlatformAdmin\"]\n")),
        args: &["plan"],
        error: r##"error: duplicate key
   --> miyabi-org.toml:142:21
    |
142 | [sso.permission_set."PlatformAdmin"]
    |                     ^
    = help: declare each key and table once: remove the second, or rename it

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: session duration that is not ISO-8601",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"Auditor\"]\nsession_duration = \"4 hours\"\n")),
        args: &["plan"],
        error: r##"error: permission set Auditor has a session_duration of `4 hours`, which is not an ISO-8601 duration
   --> miyabi-org.toml:143:20
    |
143 | session_duration = "4 hours"
    |                    ^
    = help: write hours and minutes as PT4H, PT90M or PT1H30M, from PT1H to PT12H

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: session duration over 12 hours",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"Auditor\"]\nsession_duration = \"PT13H\"\n")),
        args: &["plan"],
        error: r##"error: permission set Auditor has a session_duration of `PT13H` (780 minutes), outside the PT1H to PT12H AWS allows
   --> miyabi-org.toml:143:20
    |
143 | session_duration = "PT13H"
    |                    ^
    = help: use a duration from PT1H to PT12H

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: description AWS does not take",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"Auditor\"]\ndescription = \"監査チーム\"\n")),
        args: &["plan"],
        error: r##"error: the description of permission set Auditor has `監`, which AWS does not allow in one
   --> miyabi-org.toml:143:15
    |
143 | description = "監査チーム"
    |               ^
    = help: use printable Latin-1 characters only: letters of Western European languages, digits, punctuation, tabs and newlines

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: relay state over 240 characters",
        break_repo: |r| {
            let url = format!("https://console.aws.amazon.com/{}", "x".repeat(210));
            append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"Auditor\"]\nrelay_state = \"{url}\"\n"))
        },
        args: &["plan"],
        error: r##"error: the relay_state of permission set Auditor is 241 characters, over the limit of 240
   --> miyabi-org.toml:143:15
    |
143 | relay_state = "https://console.aws.amazon.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    |               ^
    = help: use a URL of at most 240 characters

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: inline policy file missing",
        break_repo: |r| {
            append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"Auditor\"]\ninline_policy = \"policies/sso/auditor.json\"\n"))
        },
        args: &["plan"],
        error: r##"error: permission set Auditor has inline_policy `policies/sso/auditor.json`, which cannot be read
   --> miyabi-org.toml:143:17
    |
143 | inline_policy = "policies/sso/auditor.json"
    |                 ^
    = help: create the file, an IAM policy in JSON (the path is from the repo root), or correct the path

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: inline policy that is not JSON",
        break_repo: |r| {
            append(
                r,
                "miyabi-org.toml",
                &format!("{SSO}[sso.permission_set.\"Auditor\"]\ninline_policy = \"policies/sso/auditor.json\"\n"),
            );
            write(r, "policies/sso/auditor.json", "{\n  \"Version\": \"2012-10-17\",\n  Statement: []\n}\n");
        },
        args: &["plan"],
        error: r##"error: malformed JSON: key must be a string
 --> policies/sso/auditor.json:3:3
  |
3 |   Statement: []
  |   ^
  = help: correct the JSON syntax (a policy is one JSON object)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: inline policy that is not an object",
        break_repo: |r| {
            append(
                r,
                "miyabi-org.toml",
                &format!("{SSO}[sso.permission_set.\"Auditor\"]\ninline_policy = \"policies/sso/auditor.json\"\n"),
            );
            write(r, "policies/sso/auditor.json", "[\"cloudtrail:LookupEvents\"]\n");
        },
        args: &["plan"],
        error: r##"error: a policy must be a JSON object
 --> policies/sso/auditor.json:1:1
  |
1 | ["cloudtrail:LookupEvents"]
  | ^
  = help: write it as {"Version": "2012-10-17", "Statement": [...]}

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: inline policy over the size limit after minifying",
        break_repo: |r| {
            append(
                r,
                "miyabi-org.toml",
                &format!("{SSO}[sso.permission_set.\"Auditor\"]\ninline_policy = \"policies/sso/auditor.json\"\n"),
            );
            write(r, "policies/sso/auditor.json", &big_inline_policy());
        },
        args: &["plan"],
        error: r##"error: inline policy policies/sso/auditor.json is 33095 characters when minified, over the limit of 32768
 --> policies/sso/auditor.json
  = help: move statements into a customer-managed policy, or raise [limits] sso_inline_policy_max_chars if AWS raised your quota

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: eleven managed policies on one permission set",
        break_repo: |r| {
            let arns: Vec<String> = (1..=9).map(|i| format!("  \"arn:aws:iam::aws:policy/Policy{i}\",\n")).collect();
            let set = format!(
                "[sso.permission_set.\"Auditor\"]\nmanaged_policies = [\n{}]\ncustomer_managed_policies = [{{ name = \"a\" }}, {{ name = \"b\" }}]\n",
                arns.concat()
            );
            append(r, "miyabi-org.toml", &format!("{SSO}{set}"))
        },
        args: &["plan"],
        error: r##"error: permission set Auditor has 11 managed and customer-managed policies, over the limit of 10
   --> miyabi-org.toml:142:21
    |
142 | [sso.permission_set."Auditor"]
    |                     ^
    = help: merge policies, move statements into its inline_policy, or raise [limits] sso_managed_policies if AWS raised your quota

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: managed policy that is not an ARN, and one listed twice",
        break_repo: |r| {
            let list = r#"managed_policies = ["SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"]"#;
            append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"Auditor\"]\n{list}\n"))
        },
        args: &["plan"],
        error: r##"error: permission set Auditor lists `SecurityAudit`, which is not an IAM policy ARN
   --> miyabi-org.toml:143:21
    |
143 | managed_policies = ["SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"]
    |                     ^
    = help: write an AWS-managed policy as arn:aws:iam::aws:policy/NAME; give a customer-managed policy by name in customer_managed_policies = [{ name = "NAME", path = "/" }]

error: permission set Auditor lists managed policy arn:aws:iam::aws:policy/ReadOnlyAccess twice
   --> miyabi-org.toml:143:80
    |
143 | managed_policies = ["SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"]
    |                                                                                ^
    = help: remove the duplicate

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: customer-managed policy without a name and with a bad path",
        break_repo: |r| {
            append(
                r,
                "miyabi-org.toml",
                &format!("{SSO}[sso.permission_set.\"Auditor\"]\ncustomer_managed_policies = [{{ path = \"audit\" }}]\n"),
            )
        },
        args: &["plan"],
        error: r##"error: a customer-managed policy of permission set Auditor has no name
   --> miyabi-org.toml:143:30
    |
143 | customer_managed_policies = [{ path = "audit" }]
    |                              ^
    = help: add name = "NAME": the name the IAM policy has in every account the permission set reaches

error: a customer-managed policy of permission set Auditor has the path `audit`, which does not start and end with /
   --> miyabi-org.toml:143:30
    |
143 | customer_managed_policies = [{ path = "audit" }]
    |                              ^
    = help: write the IAM path as / (the default) or like /platform/

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: boundary with both kinds of policy",
        break_repo: |r| {
            let boundary = r#"permissions_boundary = { managed = "arn:aws:iam::aws:policy/ReadOnlyAccess", customer_managed = { name = "miyabi-boundary" } }"#;
            append(r, "miyabi-org.toml", &format!("{SSO}[sso.permission_set.\"Auditor\"]\n{boundary}\n"))
        },
        args: &["plan"],
        error: r##"error: the permissions_boundary of permission set Auditor has both managed and customer_managed
   --> miyabi-org.toml:143:24
    |
143 | permissions_boundary = { managed = "arn:aws:iam::aws:policy/ReadOnlyAccess", customer_managed = { name = "miyabi-boundary" } }
    |                        ^
    = help: keep one of them: a permission set has one permissions boundary

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: boundary that is not a policy ARN",
        break_repo: |r| {
            append(
                r,
                "miyabi-org.toml",
                &format!("{SSO}[sso.permission_set.\"Auditor\"]\npermissions_boundary = {{ managed = \"ReadOnlyAccess\" }}\n"),
            )
        },
        args: &["plan"],
        error: r##"error: the permissions_boundary of permission set Auditor, `ReadOnlyAccess`, is not an IAM policy ARN
   --> miyabi-org.toml:143:24
    |
143 | permissions_boundary = { managed = "ReadOnlyAccess" }
    |                        ^
    = help: write an AWS-managed policy as arn:aws:iam::aws:policy/NAME; give a customer-managed policy by name in customer_managed_policies = [{ name = "NAME", path = "/" }]

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: assignment to a group and a user",
        break_repo: |r| {
            append(r, "miyabi-org.toml", SSO);
            append(r, "miyabi-org.toml", "user = \"alice@miyabi.io\"\n");
        },
        args: &["plan"],
        error: r##"error: assignment admins names both group PlatformAdmins and user alice@miyabi.io
   --> miyabi-org.toml:142:8
    |
142 | user = "alice@miyabi.io"
    |        ^
    = help: split it into two [[sso.assignment]], one for the group and one for the user

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: assignment to nobody",
        break_repo: |r| {
            append(r, "miyabi-org.toml", SSO);
            edit(r, "miyabi-org.toml", "group = \"PlatformAdmins\"\n", "");
        },
        args: &["plan"],
        error: r##"error: assignment admins names no group or user
   --> miyabi-org.toml:139:18
    |
139 | permission_set = "PlatformAdmin"
    |                  ^
    = help: add group = "NAME" (a group's DisplayName) or user = "NAME" (a UserName)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: assignment of an undeclared permission set",
        break_repo: |r| {
            append(r, "miyabi-org.toml", SSO);
            edit(r, "miyabi-org.toml", "permission_set = \"PlatformAdmin\"", "permission_set = \"platformadmin\"");
        },
        args: &["plan"],
        error: r##"error: assignment admins gives permission set platformadmin, which is not in [sso.permission_set]
   --> miyabi-org.toml:140:18
    |
140 | permission_set = "platformadmin"
    |                  ^
    = help: write `PlatformAdmin`, as [sso.permission_set] names it

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: assignment to an undeclared OU",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("{SSO}ous = [\"Workloads/Prod\"]\n")),
        args: &["plan"],
        error: r##"error: assignment admins reaches OU Workloads/Prod, which is not declared
   --> miyabi-org.toml:142:8
    |
142 | ous = ["Workloads/Prod"]
    |        ^
    = help: add [ou."Workloads/Prod"] or correct the path

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: assignment to an undeclared tier",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("{SSO}tiers = [\"gold\"]\n")),
        args: &["plan"],
        error: r##"error: assignment admins reaches tier gold, which is not declared
   --> miyabi-org.toml:142:10
    |
142 | tiers = ["gold"]
    |          ^
    = help: use one of the tiers in [tenancy.tier]: bridge, pool, silo

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: assignment to an unregistered customer",
        break_repo: |r| {
            write(r, "tenants.toml", &format!("{POOL_1}{ACME}"));
            append(r, "miyabi-org.toml", &format!("{SSO}customers = [\"ACME\", \"Initech\"]\n"));
        },
        args: &["plan"],
        error: r##"error: assignment admins reaches customer Initech, who is not registered in tenants.toml
   --> miyabi-org.toml:142:22
    |
142 | customers = ["ACME", "Initech"]
    |                      ^
    = help: place the customer first with `miyabi-org account create --customer Initech`, or correct the id

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: assignment to accounts the repo does not declare",
        break_repo: |r| {
            write(r, "tenants.toml", POOL_1);
            append(r, "miyabi-org.toml", &format!("{SSO}exclude_accounts = [\"Pool-1\", \"Pool-7\", \"111122223333\"]\n"));
            edit(r, "miyabi-org.toml", "accounts = [\"Miyabi Security\"]", "accounts = [\"Miyabi Securty\", \"111122223333\"]");
        },
        args: &["plan"],
        error: r##"error: assignment admins reaches account `Miyabi Securty`, which the repo does not declare
   --> miyabi-org.toml:141:13
    |
141 | accounts = ["Miyabi Securty", "111122223333"]
    |             ^
    = help: use the name of a core account ([account."NAME"]) or of a tenant account as its template names it, or a 12-digit account id

error: assignment admins excludes account `Pool-7`, which the repo does not declare
   --> miyabi-org.toml:142:31
    |
142 | exclude_accounts = ["Pool-1", "Pool-7", "111122223333"]
    |                               ^
    = help: use the name of a core account ([account."NAME"]) or of a tenant account as its template names it, or a 12-digit account id

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: assignment that reaches no account",
        break_repo: |r| {
            append(r, "miyabi-org.toml", SSO);
            edit(r, "miyabi-org.toml", "accounts = [\"Miyabi Security\"]\n", "");
        },
        args: &["plan"],
        error: r##"error: assignment admins reaches no account: it has no accounts, ous, tiers or customers, and no account template lists `admins` in sso = [...]
   --> miyabi-org.toml:138:9
    |
138 | label = "admins"
    |         ^
    = help: add accounts, ous, tiers or customers, or sso = ["admins"] to the account templates it is for

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: template naming no assignment label",
        break_repo: |r| {
            append(r, "miyabi-org.toml", SSO);
            edit(r, "account-templates/pool.toml", "scps = []\n", "scps = []\nsso = [\"admin\"]\n");
        },
        args: &["plan"],
        error: r##"error: template pool lists `admin` in sso = [...], but no [[sso.assignment]] has that label
 --> account-templates/pool.toml:6:8
  |
6 | sso = ["admin"]
  |        ^
  = help: add label = "admin" to the [[sso.assignment]] it means, or use one of: admins

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: two assignments with one label",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("{SSO}{SSO_READERS}label = \"admins\"\n")),
        args: &["plan"],
        error: r##"error: two [[sso.assignment]] have the label `admins` (the first at line 138)
   --> miyabi-org.toml:146:9
    |
146 | label = "admins"
    |         ^
    = help: give each assignment a label of its own: account templates name one in sso = [...]

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: instance ARN of the wrong shape",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("[sso]\ninstance_arn = \"arn:aws:sso:::instance/ssoins-0123\"\n{SSO}")),
        args: &["plan"],
        error: r##"error: `arn:aws:sso:::instance/ssoins-0123` is not an IAM Identity Center instance ARN
   --> miyabi-org.toml:136:16
    |
136 | instance_arn = "arn:aws:sso:::instance/ssoins-0123"
    |                ^
    = help: use the InstanceArn that `aws sso-admin list-instances` prints, like arn:aws:sso:::instance/ssoins-0123456789abcdef, or remove the key to have the tool find it

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: region that is not a region",
        break_repo: |r| append(r, "miyabi-org.toml", &format!("[sso]\nregion = \"tokyo\"\n{SSO}")),
        args: &["plan"],
        error: r##"error: `tokyo` is not an AWS region
   --> miyabi-org.toml:136:10
    |
136 | region = "tokyo"
    |          ^
    = help: use the region code of your Identity Center instance, such as us-east-1, or remove the key to use [organization] home_region

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: a limit of zero",
        break_repo: |r| {
            edit(r, "miyabi-org.toml", "close_account_percent = 10 ", "sso_managed_policies = 0\nclose_account_percent = 10 ");
            append(r, "miyabi-org.toml", SSO);
        },
        args: &["plan"],
        error: r##"error: [limits] sso_managed_policies must be at least 1
  --> miyabi-org.toml:20:1
   |
20 | sso_managed_policies = 0
   | ^
   = help: set sso_managed_policies to the quota AWS gives your organization

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "sso: several problems reported together",
        break_repo: |r| {
            let sso = r#"[sso]
region = "virginia"
[sso.permission_set."Platform Admin!"]
session_duration = "PT24H"
inline_policy = "policies/sso/admin.json"
[[sso.assignment]]
group = "PlatformAdmins"
user = "alice@miyabi.io"
permission_set = "PlatformAdmin"
ous = ["Workload"]
"#;
            append(r, "miyabi-org.toml", sso);
            edit(r, "account-templates/pool.toml", "scps = []\n", "scps = []\nsso = [\"pool-admins\"]\n");
        },
        args: &["validate"],
        error: r##"error: `virginia` is not an AWS region
   --> miyabi-org.toml:136:10
    |
136 | region = "virginia"
    |          ^
    = help: use the region code of your Identity Center instance, such as us-east-1, or remove the key to use [organization] home_region

error: permission set name `Platform Admin!` has characters AWS does not allow
   --> miyabi-org.toml:137:21
    |
137 | [sso.permission_set."Platform Admin!"]
    |                     ^
    = help: use only letters, digits and + = , . @ _ -, such as `PlatformAdmin`

error: permission set Platform Admin! has a session_duration of `PT24H` (1440 minutes), outside the PT1H to PT12H AWS allows
   --> miyabi-org.toml:138:20
    |
138 | session_duration = "PT24H"
    |                    ^
    = help: use a duration from PT1H to PT12H

error: permission set Platform Admin! has inline_policy `policies/sso/admin.json`, which cannot be read
   --> miyabi-org.toml:139:17
    |
139 | inline_policy = "policies/sso/admin.json"
    |                 ^
    = help: create the file, an IAM policy in JSON (the path is from the repo root), or correct the path

error: an assignment names both group PlatformAdmins and user alice@miyabi.io
   --> miyabi-org.toml:142:8
    |
142 | user = "alice@miyabi.io"
    |        ^
    = help: split it into two [[sso.assignment]], one for the group and one for the user

error: the assignment of group PlatformAdmins gives permission set PlatformAdmin, which is not in [sso.permission_set]
   --> miyabi-org.toml:143:18
    |
143 | permission_set = "PlatformAdmin"
    |                  ^
    = help: add [sso.permission_set."PlatformAdmin"], or use one of: Platform Admin!

error: the assignment of group PlatformAdmins reaches OU Workload, which is not declared
   --> miyabi-org.toml:144:8
    |
144 | ous = ["Workload"]
    |        ^
    = help: add [ou."Workload"] or correct the path

error: template pool lists `pool-admins` in sso = [...], but no [[sso.assignment]] has that label
 --> account-templates/pool.toml:6:8
  |
6 | sso = ["pool-admins"]
  |        ^
  = help: add a [[sso.assignment]] with label = "pool-admins" to miyabi-org.toml, or remove it from sso = [...]

8 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: queue name SQS would refuse",
        break_repo: |r| edit(r, "miyabi-org.toml", "queue = \"miyabi-tasks\"", "queue = \"miyabi tasks\""),
        args: &["plan"],
        error: r##"error: [workers] queue `miyabi tasks` is not a name SQS takes
   --> miyabi-org.toml:108:9
    |
108 | queue = "miyabi tasks"                  # a name ending in .fifo makes a FIFO queue
    |         ^
    = help: use 1-80 letters, digits, `-` and `_`, ending in `.fifo` for a FIFO queue

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: dead-letter queue name SQS would refuse",
        break_repo: |r| edit(r, "miyabi-org.toml", "\"miyabi-tasks-dlq\"", "\"miyabi-tasks/dlq\""),
        args: &["plan"],
        error: r##"error: [workers] dead_letter_queue `miyabi-tasks/dlq` is not a name SQS takes
   --> miyabi-org.toml:109:21
    |
109 | dead_letter_queue = "miyabi-tasks/dlq"
    |                     ^
    = help: use 1-80 letters, digits, `-` and `_`, ending in `.fifo` for a FIFO queue

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: FIFO queue with a standard dead-letter queue",
        break_repo: |r| edit(r, "miyabi-org.toml", "queue = \"miyabi-tasks\"", "queue = \"miyabi-tasks.fifo\""),
        args: &["plan"],
        error: r##"error: the dead-letter queue of FIFO queue miyabi-tasks.fifo must be a FIFO queue (name ending in .fifo) too
   --> miyabi-org.toml:109:21
    |
109 | dead_letter_queue = "miyabi-tasks-dlq"
    |                     ^
    = help: SQS moves messages only between queues of the same type

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: dead-letter queue that is the task queue",
        break_repo: |r| edit(r, "miyabi-org.toml", "\"miyabi-tasks-dlq\"", "\"miyabi-tasks\""),
        args: &["plan"],
        error: r##"error: the dead-letter queue is the task queue itself
   --> miyabi-org.toml:109:21
    |
109 | dead_letter_queue = "miyabi-tasks"
    |                     ^
    = help: give it its own name, such as miyabi-tasks-dlq

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: visibility timeout over 12 hours",
        break_repo: |r| edit(r, "miyabi-org.toml", "visibility_timeout_s = 1800", "visibility_timeout_s = 50000"),
        args: &["plan"],
        error: r##"error: [workers] visibility_timeout_s = 50000 is out of range
   --> miyabi-org.toml:111:24
    |
111 | visibility_timeout_s = 50000             # an issue takes 14-25 minutes
    |                        ^
    = help: SQS takes 0 to 43200 seconds (at most 12 hours)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: max_receive_count of 0",
        break_repo: |r| edit(r, "miyabi-org.toml", "max_receive_count = 3", "max_receive_count = 0"),
        args: &["plan"],
        error: r##"error: [workers] max_receive_count = 0 is out of range
   --> miyabi-org.toml:110:21
    |
110 | max_receive_count = 0                   # receives before a message goes to the dead-letter queue
    |                     ^
    = help: SQS takes 1 to 1000 receives before a message goes to the dead-letter queue

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: max_message_size out of range",
        break_repo: |r| edit(r, "miyabi-org.toml", "table = \"miyabi-tasks\"", "max_message_size = 2097152\ntable = \"miyabi-tasks\""),
        args: &["plan"],
        error: r##"error: [workers] max_message_size = 2097152 is out of range
   --> miyabi-org.toml:112:20
    |
112 | max_message_size = 2097152
    |                    ^
    = help: SQS takes 1024 to 1048576 bytes (1 KiB to 1 MiB)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: table name DynamoDB would refuse",
        break_repo: |r| edit(r, "miyabi-org.toml", "table = \"miyabi-tasks\"", "table = \"mt\""),
        args: &["plan"],
        error: r##"error: [workers] table `mt` is not a name DynamoDB takes
   --> miyabi-org.toml:112:9
    |
112 | table = "mt"                  # DynamoDB: PK "CUSTOMER#<id>", SK "TASK#<task id>"
    |         ^
    = help: use 3-255 letters, digits, `_`, `-` and `.`

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: ECS names and region AWS would refuse",
        break_repo: |r| {
            edit(r, "miyabi-org.toml", "cluster = \"miyabi-cluster\"", "cluster = \"miyabi cluster\"");
            edit(r, "miyabi-org.toml", "service = \"agent-worker-service\"", "service = \"agent-worker-service\"\nregion = \"tokyo\"");
        },
        args: &["plan"],
        error: r##"error: [workers] cluster `miyabi cluster` is not an ECS name
   --> miyabi-org.toml:113:11
    |
113 | cluster = "miyabi cluster"
    |           ^
    = help: use 1-255 letters, digits, `-` and `_`: the name of the application's ECS cluster and service

error: `tokyo` is not an AWS region
   --> miyabi-org.toml:115:10
    |
115 | region = "tokyo"
    |          ^
    = help: use the region code the workers run in, such as us-east-1, or remove the key to use [organization] home_region

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: templates running workers without [workers]",
        break_repo: drop_workers,
        args: &["plan"],
        error: r##"error: template bridge runs workers, but miyabi-org.toml has no [workers]
 --> account-templates/bridge.toml:6:11
  |
6 | workers = true                          # runs agent workers ([workers] in miyabi-org.toml)
  |           ^
  = help: declare queue, dead_letter_queue, table, cluster and service in [workers], or set workers = false

error: template pool runs workers, but miyabi-org.toml has no [workers]
 --> account-templates/pool.toml:6:11
  |
6 | workers = true                          # runs agent workers ([workers] in miyabi-org.toml)
  |           ^
  = help: declare queue, dead_letter_queue, table, cluster and service in [workers], or set workers = false

error: template silo runs workers, but miyabi-org.toml has no [workers]
 --> account-templates/silo.toml:6:11
  |
6 | workers = true                          # runs agent workers ([workers] in miyabi-org.toml)
  |           ^
  = help: declare queue, dead_letter_queue, table, cluster and service in [workers], or set workers = false

3 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: two customers claiming one repository",
        break_repo: |r| {
            let globex = "[[tenant]]\ncustomer = \"Globex\"\ntier = \"pool\"\npool = 1\ngithub = [\"Acme-Corp/*\"]\n";
            write(r, "tenants.toml", &format!("{POOL_1}{ACME}github = [\"acme-corp/*\"]\n{globex}"));
        },
        args: &["plan"],
        error: r##"error: `Acme-Corp/*` of customer Globex is claimed by customer ACME too (line 8)
  --> tenants.toml:13:11
   |
13 | github = ["Acme-Corp/*"]
   |           ^
   = help: a repository belongs to one customer: remove the pattern from one of them (GitHub names ignore case)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: GitHub pattern that is not owner/repo or owner/*",
        break_repo: |r| {
            write(r, "tenants.toml", &format!("{POOL_1}{ACME}github = [\"acme-corp\", \"acme corp/app\", \"acme-corp/app/*\"]\n"))
        },
        args: &["validate"],
        error: r##"error: `acme-corp` is not a GitHub repository pattern: write `owner/repo` or `owner/*`
 --> tenants.toml:8:11
  |
8 | github = ["acme-corp", "acme corp/app", "acme-corp/app/*"]
  |           ^
  = help: GitHub owners are 1-39 letters, digits and dashes; repositories 1-100 letters, digits, `-`, `_` and `.`

error: `acme corp/app` is not a GitHub repository pattern: write `owner/repo` or `owner/*`
 --> tenants.toml:8:24
  |
8 | github = ["acme-corp", "acme corp/app", "acme-corp/app/*"]
  |                        ^
  = help: GitHub owners are 1-39 letters, digits and dashes; repositories 1-100 letters, digits, `-`, `_` and `.`

error: `acme-corp/app/*` is not a GitHub repository pattern: write `owner/repo` or `owner/*`
 --> tenants.toml:8:41
  |
8 | github = ["acme-corp", "acme corp/app", "acme-corp/app/*"]
  |                                         ^
  = help: GitHub owners are 1-39 letters, digits and dashes; repositories 1-100 letters, digits, `-`, `_` and `.`

3 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: dispatch to an unknown customer",
        break_repo: |r| write(r, "tenants.toml", WORKER_TENANTS),
        args: &["worker", "dispatch", "--customer", "Initech", "--issue", "initech/app#1"],
        error: r##"error: customer Initech is not in tenants.toml
  = help: check the spelling, or place the customer first with `miyabi-org account create --customer Initech`; nothing was sent"##,
    },
    Case {
        name: "workers: dispatch to a customer whose account runs no workers",
        break_repo: |r| {
            write(r, "tenants.toml", WORKER_TENANTS);
            edit(r, "account-templates/bridge.toml", "workers = true", "workers = false");
        },
        args: &["worker", "dispatch", "--customer", "Globex", "--issue", "globex/site#4"],
        error: r##"error: customer Globex lives in Bridge-1 (bridge 1), whose template `bridge` runs no workers
  = help: set `workers = true` in account-templates/bridge.toml and run `miyabi-org apply --only workers`, or migrate the customer to a tier whose accounts run workers; nothing was sent"##,
    },
    Case {
        name: "workers: dispatch to a customer whose account does not exist yet",
        break_repo: |r| write(r, "tenants.toml", &WORKER_TENANTS.replace("account_id = \"444455556666\"\n", "")),
        args: &["worker", "dispatch", "--customer", "Globex", "--issue", "globex/site#4"],
        error: r##"error: account Bridge-1 of customer Globex does not exist yet (no account id in the repo)
  = help: run `miyabi-org apply` to create it with the workers' queues and table; nothing was sent"##,
    },
    Case {
        name: "workers: dispatch of an issue that is not OWNER/REPO#N",
        break_repo: |r| write(r, "tenants.toml", WORKER_TENANTS),
        args: &["worker", "dispatch", "--customer", "ACME", "--issue", "acme-corp/app"],
        error: r##"error: `acme-corp/app` is not an issue: write OWNER/REPO#N or https://github.com/OWNER/REPO/issues/N
  = help: write the issue as OWNER/REPO#N or as its GitHub URL"##,
    },
    Case {
        name: "workers: dispatch of another customer's repository",
        break_repo: |r| write(r, "tenants.toml", WORKER_TENANTS),
        args: &["worker", "dispatch", "--customer", "ACME", "--issue", "acme-corp/globex-site#9"],
        error: r##"error: repository acme-corp/globex-site belongs to customer Globex, not ACME (github patterns in tenants.toml)
  = help: dispatch it as a task of customer Globex, or correct the customers' `github` in tenants.toml; nothing was sent"##,
    },
    Case {
        name: "workers: dispatch of a repository the customer does not list",
        break_repo: |r| write(r, "tenants.toml", WORKER_TENANTS),
        args: &["worker", "dispatch", "--customer", "ACME", "--issue", "initech/app#3"],
        error: r##"error: repository initech/app is not among customer ACME's repositories (acme-corp/*)
  = help: add it to the customer's `github` in tenants.toml, or name the right customer; nothing was sent"##,
    },
    Case {
        name: "workers: dispatch of a kind workers cannot route",
        break_repo: |r| write(r, "tenants.toml", WORKER_TENANTS),
        args: &["worker", "dispatch", "--customer", "ACME", "--issue", "acme-corp/app#3", "--kind", "Fix It"],
        error: r##"error: kind `Fix It` is not 1-64 lower-case letters, digits, `-` or `_`
  = help: name the work as the workers route it, such as `issue` (the default); nothing was sent"##,
    },
    Case {
        name: "policy types: an RCP that allows",
        break_repo: |r| rcp(r, "perimeter", r#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}"#),
        args: &["plan"],
        error: r##"error: statement 1: an RCP cannot allow: `Effect` must be `Deny`
 --> policies/rcp/perimeter.json:1:52
  |
1 | {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}
  |                                                    ^
  = help: write the statement as what to refuse, with "Effect": "Deny"; only AWS's own RCPFullAWSAccess allows

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: an RCP on a service RCPs do not cover",
        break_repo: |r| rcp(r, "perimeter", r#"{"Effect": "Deny", "Principal": "*", "Action": "ec2:RunInstances", "Resource": "*"}"#),
        args: &["plan"],
        error: r##"error: statement 1: `ec2:RunInstances`: RCPs do not apply to the service `ec2`
 --> policies/rcp/perimeter.json:1:88
  |
1 | {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "ec2:RunInstances", "Resource": "*"}]}
  |                                                                                        ^
  = help: RCPs apply only to the services in AWS's list of services that support RCPs (s3, sts, kms, sqs, secretsmanager, ...), named exactly; restrict `ec2` with an SCP instead

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: an RCP without a principal",
        break_repo: |r| rcp(r, "perimeter", r#"{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}"#),
        args: &["plan"],
        error: r##"error: statement 1: `Principal` is missing
 --> policies/rcp/perimeter.json:1:41
  |
1 | {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}
  |                                         ^
  = help: add "Principal": "*"; an RCP narrows principals with Conditions

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: an SCP with two Statement keys",
        break_repo: |r| {
            let statement = r#"[{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]"#;
            let document = format!("{{\"Version\": \"2012-10-17\", \"Statement\": {statement}, \"Statement\": {statement}}}\n");
            write(r, "policies/scp/deny-root-user.json", &document)
        },
        args: &["plan"],
        error: r##"error: duplicate key `Statement`: AWS refuses it; merge the two
 --> policies/scp/deny-root-user.json:1:108
  |
1 | {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}], "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}
  |                                                                                                            ^
  = help: keep a single `Statement` holding what both held

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: an SCP with a principal",
        break_repo: |r| {
            let document =
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}"#;
            write(r, "policies/scp/deny-root-user.json", document)
        },
        args: &["plan"],
        error: r##"error: statement 1: SCPs do not take `Principal`
 --> policies/scp/deny-root-user.json:1:60
  |
1 | {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}
  |                                                            ^
  = help: remove it: an SCP applies to the principals of the accounts it is attached to; narrow it with a Condition on `aws:PrincipalArn`

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: an AI opt-out policy that is not an object",
        break_repo: |r| {
            write(r, "policies/ai-opt-out/opt-out-all.json", "[\"optOut\"]\n");
        },
        args: &["plan"],
        error: r##"error: the policy is not a JSON object
 --> policies/ai-opt-out/opt-out-all.json:1:1
  |
1 | ["optOut"]
  | ^
  = help: write the policy as one object: {"services": {...}}

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: a tag policy with an operator that does not exist",
        break_repo: |r| edit(r, "policies/tag/customer-tag.json", "\"@@assign\": \"customer\"", "\"@@assing\": \"customer\""),
        args: &["plan"],
        error: r##"error: `tags.customer.tag_key`: unknown inheritance operator `@@assing`
 --> policies/tag/customer-tag.json:5:9
  |
5 |         "@@assing": "customer"
  |         ^
  = help: did you mean `@@assign`?

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: a tag value that is not a list",
        break_repo: |r| {
            edit(
                r,
                "policies/tag/customer-tag.json",
                "\"enforced_for\": {",
                "\"tag_value\": {\"@@assign\": \"ACME\"},\n      \"enforced_for\": {",
            )
        },
        args: &["plan"],
        error: r##"error: `tags.customer.tag_value`: `@@assign` must be an array of strings, not `ACME`
 --> policies/tag/customer-tag.json:7:33
  |
7 |       "tag_value": {"@@assign": "ACME"},
  |                                 ^
  = help: write "@@assign": ["ACME"]

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: an AI opt-out value in the wrong case",
        break_repo: |r| edit(r, "policies/ai-opt-out/opt-out-all.json", "\"optOut\"", "\"optout\""),
        args: &["plan"],
        error: r##"error: `services.default.opt_out_policy`: `@@assign` must be `optOut` or `optIn`, not `optout`
 --> policies/ai-opt-out/opt-out-all.json:5:21
  |
5 |         "@@assign": "optout"
  |                     ^
  = help: did you mean `optOut`? values are case-sensitive

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: a backup policy with an unknown top-level key",
        break_repo: |r| {
            write(r, "policies/backup/daily.json", "{\"plan\": {}}\n");
            edit(r, "miyabi-org.toml", "rcps = [\"data-perimeter\"]", "rcps = [\"data-perimeter\"]\nbackup_policies = [\"daily\"]");
        },
        args: &["plan"],
        error: r##"error: `plans` is missing
 --> policies/backup/daily.json:1:1
  |
1 | {"plan": {}}
  | ^
  = help: backup policies start with the fixed key `plans`

error: unknown top-level key `plan`
 --> policies/backup/daily.json:1:2
  |
1 | {"plan": {}}
  |  ^
  = help: did you mean `plans`? keys are case-sensitive

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: a declarative policy with an attribute EC2 does not have",
        break_repo: |r| {
            let document = r#"{"ec2_attributes": {"imds_defaults": {"http_tokens": {"@@assign": "required"}}}}"#;
            write(r, "policies/declarative-ec2/imds.json", document);
            edit(r, "miyabi-org.toml", "rcps = [\"data-perimeter\"]", "rcps = [\"data-perimeter\"]\ndeclarative_policies = [\"imds\"]");
        },
        args: &["plan"],
        error: r##"error: `ec2_attributes`: unknown key `imds_defaults`
 --> policies/declarative-ec2/imds.json:1:21
  |
1 | {"ec2_attributes": {"imds_defaults": {"http_tokens": {"@@assign": "required"}}}}
  |                     ^
  = help: `ec2_attributes` takes only `exception_message`, `vpc_block_public_access`, `serial_console_access`, `image_block_public_access`, `allowed_images_settings`, `instance_metadata_defaults` and `snapshot_block_public_access`

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: a child-control operator with a bad value",
        break_repo: |r| {
            let document = r#"{"services": {"default": {"opt_out_policy": {"@@operators_allowed_for_child_policies": ["@@nothing"], "@@assign": "optOut"}}}}"#;
            write(r, "policies/ai-opt-out/opt-out-all.json", document)
        },
        args: &["plan"],
        error: r##"error: `services.default.opt_out_policy`: `@@operators_allowed_for_child_policies` lists `@@nothing`, which is not an operator
 --> policies/ai-opt-out/opt-out-all.json:1:89
  |
1 | {"services": {"default": {"opt_out_policy": {"@@operators_allowed_for_child_policies": ["@@nothing"], "@@assign": "optOut"}}}}
  |                                                                                         ^
  = help: write ["@@none"] to lock the setting, ["@@all"] to allow every operator, or list some of `@@assign`, `@@append` and `@@remove`

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: an RCP listed under scps",
        break_repo: |r| {
            write(
                r,
                "policies/rcp/perimeter.json",
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}"#,
            );
            edit(
                r,
                "miyabi-org.toml",
                "scps = [\"FullAWSAccess\", \"region-guard\"]",
                "scps = [\"FullAWSAccess\", \"region-guard\", \"perimeter\"]",
            );
        },
        args: &["plan"],
        error: r##"error: [ou."Sandbox"] lists perimeter under scps, but it is an RCP
  --> miyabi-org.toml:44:42
   |
44 | scps = ["FullAWSAccess", "region-guard", "perimeter"]
   |                                          ^
   = help: move it to rcps

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: more RCPs on a target than [limits] allows",
        break_repo: |r| {
            for name in ["one", "two"] {
                let document =
                    r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}"#;
                write(r, &format!("policies/rcp/{name}.json"), document);
            }
            edit(r, "miyabi-org.toml", "rcps = [\"data-perimeter\"]", "rcps = [\"one\", \"two\"]");
            edit(r, "miyabi-org.toml", "ou_max_depth = 5", "ou_max_depth = 5\nper_target = { rcp = 1 }");
        },
        args: &["plan"],
        error: r##"error: [ou."Workloads"] has 2 RCPs, over the limit of 1 per target
  --> miyabi-org.toml:36:9
   |
36 | rcps = ["one", "two"]             # tenants' data reachable only by this organization's principals
   |         ^
   = help: merge policies into fewer documents, or raise [limits] per_target.rcp if AWS raised your quota

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: a [limits] quota of a type that does not exist",
        break_repo: |r| edit(r, "miyabi-org.toml", "ou_max_depth = 5", "ou_max_depth = 5\nmax_chars = { rcps = 6000 }"),
        args: &["plan"],
        error: r##"error: [limits] max_chars has `rcps`, which is not a policy type it sets
  --> miyabi-org.toml:18:15
   |
18 | max_chars = { rcps = 6000 }
   |               ^
   = help: name a policy type by its folder: rcp, backup, ai-opt-out, declarative-ec2, chatbot (scp_max_chars, tag_policy_max_chars are keys of their own)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "policy types: RCPFullAWSAccess redefined",
        break_repo: |r| write(r, "policies/rcp/RCPFullAWSAccess.json", r#"{"Version": "2012-10-17", "Statement": []}"#),
        args: &["plan"],
        error: r##"error: RCPFullAWSAccess is the AWS-managed policy and cannot be redefined
 --> policies/rcp/RCPFullAWSAccess.json
  = help: rename the file: AWS owns that name

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: overlapping steps",
        break_repo: |r| edit(r, "miyabi-org.toml", "{ below = 10, change = -1 },", "{ below = 60, change = -1 },"),
        args: &["plan"],
        error: r##"error: [workers.scaling] step `depth >= 50: +5` overlaps step `depth < 60: -1`, which scales in
   --> miyabi-org.toml:125:3
    |
125 |   { at_least = 50, change = 5 },        # 10 to 49: the dead band, nothing changes
    |   ^
    = help: the highest below may not pass the lowest at_least: depths between them are the dead band

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: a gap between steps out",
        break_repo: |r| edit(r, "miyabi-org.toml", "{ at_least = 50, change = 5 },", "{ at_least = 50, below = 80, change = 5 },"),
        args: &["plan"],
        error: r##"error: [workers.scaling] depths 80 to 99 fall between steps `50 <= depth < 80: +5` and `depth >= 100: +10`, which scale out
   --> miyabi-org.toml:126:3
    |
126 |   { at_least = 100, change = 10 },
    |   ^
    = help: close the gap: one step's bound must be where the next begins (the dead band lies between the steps in and the steps out)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: a step that changes nothing",
        break_repo: |r| edit(r, "miyabi-org.toml", "{ at_least = 100, change = 10 },", "{ at_least = 100, change = 0 },"),
        args: &["plan"],
        error: r##"error: [workers.scaling] step `depth >= 100: +0` changes nothing
   --> miyabi-org.toml:126:3
    |
126 |   { at_least = 100, change = 0 },
    |   ^
    = help: leave it out: depths no step covers are the dead band

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: a step of the wrong sign",
        break_repo: |r| edit(r, "miyabi-org.toml", "{ below = 10, change = -1 },", "{ below = 10, change = 1 },"),
        args: &["plan"],
        error: r##"error: [workers.scaling] step `depth < 10: +1` scales out below a depth
   --> miyabi-org.toml:124:3
    |
124 |   { below = 10, change = 1 },          # depth < 10: one task fewer
    |   ^
    = help: a step with only below scales in: make change negative, or write at_least = N for a step that scales out

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: min over max",
        break_repo: |r| edit(r, "miyabi-org.toml", "min = 1\nmax = 100", "min = 20\nmax = 10"),
        args: &["plan"],
        error: r##"error: [workers.scaling] min = 20 is over max = 10
   --> miyabi-org.toml:119:7
    |
119 | min = 20
    |       ^
    = help: make min at most max: the service runs between the two

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: max over 1000",
        break_repo: |r| edit(r, "miyabi-org.toml", "min = 1\nmax = 100", "min = 1\nmax = 5000"),
        args: &["plan"],
        error: r##"error: [workers.scaling] max = 5000 is over 1000
   --> miyabi-org.toml:120:7
    |
120 | max = 5000
    |       ^
    = help: scale one account's workers to at most 1000 tasks; place customers in more pools for more

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: a cooldown out of range",
        break_repo: |r| edit(r, "miyabi-org.toml", "cooldown_in_s = 300", "cooldown_in_s = 86400"),
        args: &["plan"],
        error: r##"error: [workers.scaling] cooldown_in_s = 86400 is out of range
   --> miyabi-org.toml:122:17
    |
122 | cooldown_in_s = 86400
    |                 ^
    = help: give 0 to 3600 seconds: a longer cooldown leaves the queue unanswered

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: max over the template's Fargate room",
        break_repo: |r| edit(r, "account-templates/pool.toml", "workers = true", "workers = true\nfargate_tasks = 40"),
        args: &["plan"],
        error: r##"error: [workers.scaling] max = 100 is over the 40 Fargate tasks accounts of template pool have room for (account-templates/pool.toml, fargate_tasks)
   --> miyabi-org.toml:120:7
    |
120 | max = 100
    |       ^
    = help: lower max, or raise the account's Fargate quota and then fargate_tasks

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: declared without [workers]",
        break_repo: |r| {
            let path = r.join("miyabi-org.toml");
            let text = std::fs::read_to_string(&path).unwrap();
            let (start, end) = (text.find("[workers]\n").unwrap(), text.find("\n\n# Step scaling").unwrap());
            std::fs::write(path, format!("{}{}", &text[..start], &text[end + 2..])).unwrap();
            for template in ["pool", "bridge", "silo"] {
                edit(r, &format!("account-templates/{template}.toml"), "workers = true", "workers = false");
            }
        },
        args: &["plan"],
        error: r##"error: [workers.scaling] is declared without [workers]: scaling needs the queue it watches and the service it scales
   --> miyabi-org.toml:109:1
    |
109 | [workers.scaling]
    | ^
    = help: declare queue, dead_letter_queue, table, cluster and service in [workers], or remove [workers.scaling]

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "scaling: --desired outside min..max without --force",
        break_repo: |r| write(r, "tenants.toml", WORKER_TENANTS),
        args: &["worker", "scale", "--pool", "1", "--desired", "150", "--yes"],
        error: r##"error: --desired 150 is outside min..max (1..100) of [workers.scaling]; nothing was changed
  = help: give a count from 1 to 100, or add --force to set it anyway (the scaling alarms bring it back within)"##,
    },
    Case {
        name: "scaling: drain of a pool that is not a worker account",
        break_repo: |r| {
            write(r, "tenants.toml", WORKER_TENANTS);
            edit(r, "account-templates/pool.toml", "workers = true", "workers = false");
        },
        args: &["worker", "drain", "--pool", "1", "--yes"],
        error: r##"error: pool 1 (Pool-1) is not a worker account: its template `pool` runs no workers
  = help: only accounts whose template has `workers = true` have a queue to drain; see account-templates/pool.toml"##,
    },
    Case {
        name: "scaling: drain of a pool that does not exist",
        break_repo: |r| write(r, "tenants.toml", WORKER_TENANTS),
        args: &["worker", "drain", "--pool", "7", "--yes"],
        error: r##"error: there is no pool 7 in tenants.toml
  = help: see `miyabi-org tenant list` for the pools and their numbers"##,
    },
    Case {
        name: "workers: task file with a line that is not an object",
        break_repo: |r| tasks_file(r, r#"["ACME", "acme-corp/app#3"]"#),
        args: &["worker", "dispatch", "--file", "tasks.jsonl"],
        error: r##"error: a task is a JSON object
 --> tasks.jsonl:2:1
  |
2 | ["ACME", "acme-corp/app#3"]
  | ^
  = help: write {"customer": "C", "issue": "OWNER/REPO#N"}

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: task file with a line without an issue",
        break_repo: |r| tasks_file(r, r#"{"customer": "ACME"}"#),
        args: &["worker", "dispatch", "--file", "tasks.jsonl"],
        error: r##"error: missing field `issue`
 --> tasks.jsonl:2:1
  |
2 | {"customer": "ACME"}
  | ^
  = help: the fields are customer and issue, and optionally kind, priority (low|normal|high), note and again (true|false)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: task file with a line with an unknown field",
        break_repo: |r| tasks_file(r, r#"{"customer": "ACME", "issue": "acme-corp/app#3", "prio": "high"}"#),
        args: &["worker", "dispatch", "--file", "tasks.jsonl"],
        error: r##"error: unknown field `prio`, expected one of `customer`, `issue`, `kind`, `priority`, `note`, `again`
 --> tasks.jsonl:2:1
  |
2 | {"customer": "ACME", "issue": "acme-corp/app#3", "prio": "high"}
  | ^
  = help: the fields are customer and issue, and optionally kind, priority (low|normal|high), note and again (true|false)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: task file with a line that is not JSON",
        break_repo: |r| tasks_file(r, r#"{"customer": "ACME", "issue": acme-corp/app#3}"#),
        args: &["worker", "dispatch", "--file", "tasks.jsonl"],
        error: r##"error: not JSON: expected value
 --> tasks.jsonl:2:31
  |
2 | {"customer": "ACME", "issue": acme-corp/app#3}
  |                               ^
  = help: write one JSON object per line

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "workers: task file with bad lines among good ones",
        break_repo: |r| {
            write(r, "tenants.toml", WORKER_TENANTS);
            let lines = [
                r#"{"customer": "ACME", "issue": "acme-corp/app#1"}"#,
                "",
                r#"{"customer": "Globex", "issue": "acme-corp/app#2"}"#,
                r#"{"customer": "Initech", "issue": "initech/app#2"}"#,
                r#"{"customer": "ACME", "issue": "acme-corp/app#2", "priority": "urgent"}"#,
                r#"{"customer": "ACME", "issue": "https://github.com/acme-corp/app/2"}"#,
            ];
            write(r, "tasks.jsonl", &(lines.join("\n") + "\n"));
        },
        args: &["worker", "dispatch", "--file", "tasks.jsonl"],
        error: r##"error: repository acme-corp/app belongs to customer ACME, not Globex (github patterns in tenants.toml)
 --> tasks.jsonl:3:1
  |
3 | {"customer": "Globex", "issue": "acme-corp/app#2"}
  | ^
  = help: dispatch it as a task of customer ACME, or correct the customers' `github` in tenants.toml; nothing of the file was sent

error: customer Initech is not in tenants.toml
 --> tasks.jsonl:4:1
  |
4 | {"customer": "Initech", "issue": "initech/app#2"}
  | ^
  = help: check the spelling, or place the customer first with `miyabi-org account create --customer Initech`; nothing of the file was sent

error: unknown variant `urgent`, expected one of `low`, `normal`, `high`
 --> tasks.jsonl:5:1
  |
5 | {"customer": "ACME", "issue": "acme-corp/app#2", "priority": "urgent"}
  | ^
  = help: the fields are customer and issue, and optionally kind, priority (low|normal|high), note and again (true|false)

error: `https://github.com/acme-corp/app/2` is not an issue: write OWNER/REPO#N or https://github.com/OWNER/REPO/issues/N
 --> tasks.jsonl:6:1
  |
6 | {"customer": "ACME", "issue": "https://github.com/acme-corp/app/2"}
  | ^
  = help: write the issue as OWNER/REPO#N or as its GitHub URL

4 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "invalid customer id on the command line",
        break_repo: |_| {},
        args: &["account", "create", "--customer", "ACME_Corp", "--yes"],
        error: r##"error: `ACME_Corp` is not a valid customer id
  = help: use letters, digits and dashes, starting with a letter or digit, at most 63 characters"##,
    },
    Case {
        name: "unknown tier on the command line",
        break_repo: |_| {},
        args: &["account", "create", "--tier", "gold", "--customer", "ACME", "--yes"],
        error: r##"error: there is no tier gold
  = help: use one of the tiers in [tenancy.tier]: bridge, pool, silo"##,
    },
    Case {
        name: "a core account from a template that does not exist",
        break_repo: |_| {},
        args: &["account", "create", "--template", "kore", "--name", "Miyabi Audit", "--yes"],
        error: r##"error: [account."Miyabi Audit"] uses template kore, which is not in account-templates/
  --> miyabi-org.toml:60:12
   |
60 | template = "kore"
   |            ^
   = help: use one of: bridge, core, pool, silo

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "moving a tenant account",
        break_repo: |r| write(r, "tenants.toml", "[[pool]]\ntier = \"pool\"\nnumber = 1\naccount_id = \"111122223333\"\n"),
        args: &["account", "move", "111122223333", "--ou", "Sandbox", "--yes"],
        error: r##"error: account 111122223333 is not a core account of the repo
  = help: tenant accounts follow their template's OU: change the template"##,
    },
    Case {
        name: "closing an account that hosts customers",
        break_repo: |r| write(r, "tenants.toml", &format!("[[pool]]\ntier = \"pool\"\nnumber = 1\naccount_id = \"111122223333\"\n{ACME}")),
        args: &["account", "close", "111122223333", "--yes", "--confirm", "Pool-1"],
        error: r##"error: account 111122223333 (Pool-1) still hosts 1 customer(s): ACME
  = help: migrate them first with `miyabi-org tenant migrate`"##,
    },
    Case {
        name: "migrating an unknown customer",
        break_repo: |_| {},
        args: &["tenant", "migrate", "Nobody", "--to", "silo", "--yes"],
        error: r##"error: customer Nobody is not registered
  = help: place the customer first with `miyabi-org account create --customer C`"##,
    },
    Case {
        name: "importing an invalid account id",
        break_repo: |_| {},
        args: &["account", "import", "12-34", "--pool", "9", "--yes"],
        error: r##"error: `12-34` is not an AWS account id
  = help: pass the 12 digits of the account id"##,
    },
    Case {
        name: "--config that does not exist",
        break_repo: |_| {},
        args: &["plan", "--config", "/nonexistent/org"],
        error: r##"error: --config /nonexistent/org: no such directory
  = help: pass the directory that holds miyabi-org.toml, or create one with `miyabi-org init DIR`"##,
    },
    Case {
        name: "--config without miyabi-org.toml",
        break_repo: |r| std::fs::create_dir_all(r.join("empty")).unwrap(),
        args: &["plan", "--config", "empty"],
        error: r##"error: --config empty: there is no miyabi-org.toml in it
  = help: pass the directory that holds miyabi-org.toml, or create one with `miyabi-org init DIR`"##,
    },
    Case {
        name: "corrupt saved plan",
        break_repo: |r| write(r, "plan.json", "{\"format\": 1, \"changes\": ["),
        args: &["apply", "plan.json", "--yes"],
        error: r##"error: plan.json is not a saved plan
Caused by: EOF while parsing a list at line 1 column 26
  = help: make a new one with `miyabi-org plan --out FILE`; saved plans are not meant to be edited"##,
    },
    Case {
        name: "unknown --only part",
        break_repo: |_| {},
        args: &["plan", "--only", "ou,tenants"],
        error: r##"error: invalid value 'tenants' for '--only <PART>'
  [possible values: ou, scp, account, budget, sso, workers]

For more information, try '--help'."##,
    },
    Case {
        name: "an output format the command cannot print",
        break_repo: |_| {},
        args: &["plan", "--output", "csv"],
        error: r##"error: `plan` cannot print --output csv
  = help: use --output table, --output json, --output markdown, --output github"##,
    },
];

/// Every offline check fails before the first AWS call: the sandbox sees no request at all.
#[tokio::test(flavor = "multi_thread")]
async fn offline_bad_inputs_get_their_exact_error_and_no_aws_call() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let proxy = Proxy::start(&sandbox.url, &[]);
    let mut failures = Vec::new();
    for case in CASES {
        let repo = example_repo();
        (case.break_repo)(repo.path());
        let files = ["miyabi-org.toml", "tenants.toml"].map(|f| std::fs::read_to_string(repo.path().join(f)).unwrap_or_default());
        let output = tool(&proxy.url, repo.path()).args(case.args).output().unwrap();
        let after = ["miyabi-org.toml", "tenants.toml"].map(|f| std::fs::read_to_string(repo.path().join(f)).unwrap_or_default());
        assert_eq!(files, after, "{} changed the repo", case.name);
        let code = output.status.code();
        let usage = ["--only", "--output", "ACME_Corp", "12-34", "acme-corp/app"];
        let expected_code = if case.args.iter().any(|a| usage.contains(a)) { 64 } else { 1 };
        let error = stderr(&output);
        let error = error.replace(&repo.path().display().to_string(), "<repo>");
        if code != Some(expected_code) || error.trim_end() != case.error.trim_end() {
            failures.push(format!("== {} (exit {code:?})\n{error}", case.name));
        }
        assert_eq!(proxy.requests(), Vec::<String>::new(), "{} reached AWS", case.name);
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

/// The checks that need the organization: the guard, credentials, saved plans, unattended apply.
#[tokio::test(flavor = "multi_thread")]
async fn online_bad_inputs_are_refused_without_a_write() {
    let sandbox = Sandbox::start();
    let org_id = sandbox.create_organization().await;
    let proxy = Proxy::start(&sandbox.url, &[]);
    let repo = example_repo();
    let dir = repo.path();
    let run = |cmd: &mut assert_cmd::Command| {
        let output = cmd.output().unwrap();
        (output.status.code(), stderr(&output))
    };

    edit(dir, "miyabi-org.toml", "# id = \"o-abc123defg\"", "id = \"o-abc123defg\"");
    let (code, error) = run(tool(&proxy.url, dir).args(["-q", "plan"]));
    assert_eq!(code, Some(1));
    assert_eq!(
        error,
        format!(
            "error: this is organization {org_id}, but miyabi-org.toml is for o-abc123defg\n  = help: use credentials for the organization in [organization] id, or correct the id in miyabi-org.toml\n"
        )
    );
    // With --output json the failure is an object on stdout too, for scripts.
    let output = tool(&proxy.url, dir).args(["-q", "plan", "--output", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON error on stdout");
    assert_eq!(
        report,
        serde_json::json!({"error": {
            "kind": "wrong_organization",
            "message": format!("this is organization {org_id}, but miyabi-org.toml is for o-abc123defg"),
            "help": "use credentials for the organization in [organization] id, or correct the id in miyabi-org.toml",
        }})
    );
    edit(dir, "miyabi-org.toml", "id = \"o-abc123defg\"", &format!("id = \"{org_id}\""));

    let (code, error) = run(tool(&proxy.url, dir).args(["-q", "apply"]).write_stdin(""));
    assert_eq!(code, Some(1));
    assert_eq!(
        error,
        "error: refusing to apply without --yes: standard input is not a terminal\n  = help: review the plan, then run again with --yes\n"
    );

    let expired = Proxy::start(&sandbox.url, &["--expired-token"]);
    let (code, error) = run(tool(&expired.url, dir).args(["-q", "drift"]));
    assert_eq!(code, Some(1));
    assert_eq!(
        error,
        "error: DescribeOrganization: The security token included in the request is expired\n  = help: the credentials are expired or invalid: run `aws sso login` (or refresh your session token) and try again\n"
    );

    // A plan made against another organization.
    let other = Sandbox::start();
    other.create_organization().await;
    edit(dir, "miyabi-org.toml", &format!("id = \"{org_id}\""), "# no guard");
    tool(&other.url, dir).args(["-q", "plan", "--out", "other.json"]).assert().success();
    let (code, error) = run(tool(&proxy.url, dir).args(["-q", "apply", "other.json", "--yes"]));
    assert_eq!(code, Some(1));
    assert!(error.starts_with("error: other.json was made for organization o-"), "{error}");
    assert!(error.ends_with(&format!(
        "but these credentials reach {org_id}\n  = help: apply it with credentials for the organization it was made for, or make a new plan\n"
    )));
    let output = tool(&proxy.url, dir).args(["-q", "apply", "other.json", "--yes", "--output", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON error on stdout");
    assert_eq!(report["error"]["kind"], "stale_plan", "{report:#}");

    assert_eq!(proxy.writes(), Vec::<String>::new());
    assert_eq!(expired.writes(), Vec::<String>::new());
}

/// A task larger than the queue takes is refused before anything is sent. The size of its
/// message depends on who sends it, so the check follows GetCallerIdentity: that is the one
/// request, and no member role is assumed, no queue or table touched.
#[tokio::test(flavor = "multi_thread")]
async fn a_worker_task_over_max_message_size_is_refused_before_anything_is_sent() {
    let sandbox = Sandbox::start();
    let proxy = Proxy::start(&sandbox.url, &[]);
    let repo = example_repo();
    let dir = repo.path();
    write(dir, "tenants.toml", WORKER_TENANTS);
    edit(dir, "miyabi-org.toml", "table = \"miyabi-tasks\"", "max_message_size = 1024\ntable = \"miyabi-tasks\"");
    let note = "n".repeat(1000);
    let run = |args: &[&str]| {
        let output = tool(&proxy.url, dir).args(["-q", "worker", "dispatch"]).args(args).output().unwrap();
        (output.status.code(), stderr(&output).replace(&dir.display().to_string(), "<repo>"))
    };

    let (code, error) = run(&["--customer", "ACME", "--issue", "acme-corp/app#1", "--note", &note]);
    assert_eq!(code, Some(1), "{error}");
    assert_eq!(
        error,
        "error: the task's message is 1209 bytes, over the queue's MaximumMessageSize of 1024 bytes; nothing was sent\n  = help: shorten the note, or raise [workers] max_message_size (up to 1048576) and run `miyabi-org apply --only workers`\n"
    );
    assert_eq!(proxy.requests(), ["GetCallerIdentity forwarded 200"]);

    // In a file, the line that is too large is named, and none of the file is sent.
    let small = r#"{"customer": "ACME", "issue": "acme-corp/app#1"}"#;
    let large = format!(r#"{{"customer": "ACME", "issue": "acme-corp/app#2", "note": "{note}"}}"#);
    write(dir, "tasks.jsonl", &format!("{small}\n{large}\n"));
    let (code, error) = run(&["--file", "tasks.jsonl"]);
    assert_eq!(code, Some(1), "{error}");
    assert_eq!(
        error,
        format!(
            "error: the task's message is 1209 bytes, over the queue's MaximumMessageSize of 1024 bytes\n --> tasks.jsonl:2:1\n  |\n2 | {large}\n  | ^\n  = help: shorten the note, or raise [workers] max_message_size (up to 1048576) and run `miyabi-org apply --only workers`\n\n1 problem found; nothing was sent to AWS\n"
        )
    );
    assert_eq!(proxy.requests(), ["GetCallerIdentity forwarded 200", "GetCallerIdentity forwarded 200"]);
}

const AWS_CONFIG: &str = "[profile admin]\nregion = us-east-1\n\n[profile sso]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = OrgAdmin\n\n[profile corp]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = OrgAdmin\n\n[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n";

const NO_CREDENTIALS_HELP: &str = "  = help: give the tool credentials in one of these ways: an IAM Identity Center profile (`aws configure sso`, then `aws sso login --profile NAME` and --profile NAME or AWS_PROFILE=NAME); AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN for temporary keys); web identity in CI (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE); or a role of the instance or container the tool runs on\n";

/// Every way of not having credentials is explained by its cause and fix, never as a failed call
/// to retry. No sandbox: a HOME of the test's own with an AWS config file, and an endpoint that
/// counts connections, so that any request would show.
#[test]
fn credential_failures_say_what_to_do_and_nothing_is_sent() {
    let repo = example_repo();
    let home = tempfile::tempdir().unwrap();
    write(home.path(), ".aws/config", AWS_CONFIG);
    // The IAM Identity Center session `corp` logged in once and expired, with nothing to refresh it.
    write(
        home.path(),
        ".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json",
        r#"{"accessToken": "expired", "expiresAt": "2024-01-01T00:00:00Z", "region": "us-east-1", "startUrl": "https://d-1234567890.awsapps.com/start"}"#,
    );
    let endpoint = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    endpoint.set_nonblocking(true).unwrap();
    let url = format!("http://{}", endpoint.local_addr().unwrap());
    // Instance metadata that refuses connections, and one that accepts and never answers.
    let refusing = format!("http://127.0.0.1:{}", std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port());
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_url = format!("http://{}", silent.local_addr().unwrap());

    let home_text = home.path().display().to_string();
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = tool(&url, repo.path());
        cmd.env_remove("AWS_ACCESS_KEY_ID")
            .env_remove("AWS_SECRET_ACCESS_KEY")
            .env_remove("AWS_CONFIG_FILE")
            .env_remove("AWS_SHARED_CREDENTIALS_FILE")
            .env_remove("AWS_EC2_METADATA_DISABLED")
            .env("HOME", home.path())
            .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", &refusing)
            .envs(env.iter().copied())
            .args(["-q", "plan"])
            .args(args);
        let output = cmd.output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{env:?} {args:?}: {}", stderr(&output));
        stderr(&output).replace(&home_text, "<home>")
    };

    assert_eq!(
        run(&[("AWS_PROFILE", "nope")], &[]),
        "error: there is no AWS profile `nope` (named by AWS_PROFILE) in <home>/.aws/config or <home>/.aws/credentials\n  = help: use one of the profiles there (admin, corp, sso) with --profile or AWS_PROFILE, or create it with `aws configure sso --profile nope` (IAM Identity Center) or `aws configure --profile nope` (access keys), or unset AWS_PROFILE\n"
    );
    assert_eq!(
        run(&[], &["--profile", "nope"]),
        "error: there is no AWS profile `nope` (named by --profile) in <home>/.aws/config or <home>/.aws/credentials\n  = help: use one of the profiles there (admin, corp, sso) with --profile or AWS_PROFILE, or create it with `aws configure sso --profile nope` (IAM Identity Center) or `aws configure --profile nope` (access keys)\n"
    );
    // Never logged in: no token in ~/.aws/sso/cache.
    assert_eq!(
        run(&[("AWS_PROFILE", "sso")], &[]),
        "error: the IAM Identity Center session of profile `sso` was never started or has expired\n  = help: run `aws sso login --profile sso`, then this command again\n"
    );
    assert_eq!(
        run(&[], &["--profile", "corp"]),
        "error: the IAM Identity Center session of profile `corp` was never started or has expired\n  = help: run `aws sso login --profile corp`, then this command again\n"
    );
    // No credentials anywhere; instance metadata refuses, then times out.
    assert_eq!(
        run(&[], &[]),
        format!(
            "error: no AWS credentials were found: tried the environment, profile `default`, web identity, the container and instance metadata (instance metadata: Connection refused (os error 111))\n{NO_CREDENTIALS_HELP}"
        )
    );
    assert_eq!(
        run(&[("AWS_PROFILE", "admin"), ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &silent_url)], &[]),
        format!(
            "error: no AWS credentials were found: tried the environment, profile `admin`, web identity, the container and instance metadata (instance metadata: timed out)\n{NO_CREDENTIALS_HELP}"
        )
    );
    assert_eq!(
        run(&[("AWS_EC2_METADATA_DISABLED", "true")], &[]),
        format!(
            "error: no AWS credentials were found: tried the environment, profile `default`, web identity, the container and instance metadata (instance metadata: IMDS disabled by AWS_EC2_METADATA_DISABLED env var set to `true`)\n{NO_CREDENTIALS_HELP}"
        )
    );
    assert!(endpoint.accept().is_err(), "a request reached the AWS endpoint");
}
