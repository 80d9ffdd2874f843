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

const WORKLOADS: &str = r#"scps = ["FullAWSAccess", "region-guard", "protect-security-services", "protect-platform-roles"]"#;

fn big_scp() -> String {
    let actions: Vec<String> = (0..400).map(|i| format!("\"ec2:DescribeSomething{i:04}\"")).collect();
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Sid": "Big", "Effect": "Deny", "Action": [{}], "Resource": "*"}}]}}"#,
        actions.join(", ")
    )
}

const CASES: &[Case] = &[
    Case {
        name: "malformed TOML",
        break_repo: |r| edit(r, "miyabi-org.toml", "[ou.\"Security\"]", "[ou.\"Security\""),
        args: &["plan"],
        error: r##"error: unclosed table, expected `]`
  --> miyabi-org.toml:22:15
   |
22 | [ou."Security"
   |               ^
   = help: correct the TOML syntax (see https://toml.io)

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "unknown key",
        break_repo: |r| edit(r, "miyabi-org.toml", "name = \"miyabi\"", "nmae = \"miyabi\""),
        args: &["plan"],
        error: r##"error: unknown field `nmae`, expected one of `name`, `id`, `home_region`, `ignore_policies`
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
        error: r##"error: unknown field `scp`, expected `scps` or `tag_policies`
  --> miyabi-org.toml:38:1
   |
38 | scp = ["FullAWSAccess", "region-guard"]
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
  --> miyabi-org.toml:38:8
   |
38 | scps = "region-guard"
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
        error: r##"error: SCP region-guard is 11294 characters when minified, over the limit of 5120
 --> policies/scp/region-guard.json
  = help: split it into two policies, or raise [limits] scp_max_chars if AWS raised your quota

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "six SCPs on one OU",
        break_repo: |r| {
            edit(
                r,
                "miyabi-org.toml",
                WORKLOADS,
                r#"scps = ["FullAWSAccess", "region-guard", "protect-security-services", "protect-platform-roles", "deny-root-user", "deny-leave-organization"]"#,
            )
        },
        args: &["plan"],
        error: r##"error: [ou."Workloads"] has 6 SCPs, over the limit of 5 per target
  --> miyabi-org.toml:29:8
   |
29 | scps = ["FullAWSAccess", "region-guard", "protect-security-services", "protect-platform-roles", "deny-root-user", "deny-leave-organization"]
   |        ^
   = help: merge policies into fewer documents, or raise [limits] scps_per_target if AWS raised your quota

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "six SCPs on the root with FullAWSAccess kept",
        break_repo: |r| {
            edit(
                r,
                "miyabi-org.toml",
                r#"scps = ["FullAWSAccess", "deny-leave-organization", "deny-root-user"]"#,
                r#"scps = ["deny-leave-organization", "deny-root-user", "region-guard", "protect-security-services", "protect-platform-roles"]"#,
            )
        },
        args: &["plan"],
        error: r##"error: [root] has 6 SCPs (FullAWSAccess, kept on the root, takes one), over the limit of 5 per target
  --> miyabi-org.toml:19:8
   |
19 | scps = ["deny-leave-organization", "deny-root-user", "region-guard", "protect-security-services", "protect-platform-roles"]
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
  --> miyabi-org.toml:60:5
   |
60 | [ou."Workloads/Pool/A/B/C/D"]
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
  --> miyabi-org.toml:38:26
   |
38 | scps = ["FullAWSAccess", "region-gaurd"]
   |                          ^
   = help: add policies/scp/region-gaurd.json or correct the name

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "undeclared parent OU",
        break_repo: |r| append(r, "miyabi-org.toml", "[ou.\"Suspended/Closed\"]\n"),
        args: &["plan"],
        error: r##"error: OU Suspended/Closed has no declared parent Suspended
  --> miyabi-org.toml:57:5
   |
57 | [ou."Suspended/Closed"]
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
  --> miyabi-org.toml:38:26
   |
38 | scps = ["FullAWSAccess", "customer-tag"]
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
  --> miyabi-org.toml:38:42
   |
38 | scps = ["FullAWSAccess", "region-guard", "region-guard"]
   |                                          ^
   = help: remove the duplicate

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "no SCP on a target",
        break_repo: |r| edit(r, "miyabi-org.toml", r#"scps = ["FullAWSAccess", "region-guard"]"#, "scps = []"),
        args: &["plan"],
        error: r##"error: [ou."Sandbox"] has no SCP: AWS requires at least one on every target
  --> miyabi-org.toml:38:8
   |
38 | scps = []
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
        error: r##"error: statement Oops has no Effect of "Allow" or "Deny"
 --> policies/scp/deny-root-user.json:1:49
  |
1 | {"Version": "2012-10-17", "Statement": [{"Sid": "Oops", "Resource": "*"}]}
  |                                                 ^
  = help: set "Effect": "Deny" or "Allow"

error: statement Oops has neither Action nor NotAction
 --> policies/scp/deny-root-user.json:1:49
  |
1 | {"Version": "2012-10-17", "Statement": [{"Sid": "Oops", "Resource": "*"}]}
  |                                                 ^
  = help: add "Action": [...] naming the actions it covers

2 problems found; nothing was sent to AWS"##,
    },
    Case {
        name: "wrong policy Version",
        break_repo: |r| edit(r, "policies/scp/deny-root-user.json", "2012-10-17", "2008-10-17"),
        args: &["plan"],
        error: r##"error: policy Version must be "2012-10-17"
 --> policies/scp/deny-root-user.json:2:3
  |
2 |   "Version": "2008-10-17",
  |   ^
  = help: set "Version": "2012-10-17"

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
  --> miyabi-org.toml:57:9
   |
57 | [policy."deny-everything"]
   |         ^
   = help: add policies/scp/deny-everything.json or policies/tag/deny-everything.json, or remove the section

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
  --> account-templates/pool.toml:10:11
   |
10 | notify = ["finops"]
   |           ^
   = help: use name@domain

1 problem found; nothing was sent to AWS"##,
    },
    Case {
        name: "a limit of zero",
        break_repo: |r| edit(r, "miyabi-org.toml", "scps_per_target = 5", "scps_per_target = 0"),
        args: &["plan"],
        error: r##"error: [limits] scps_per_target must be at least 1
  --> miyabi-org.toml:14:1
   |
14 | scps_per_target = 0                   # FullAWSAccess takes a slot
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
  --> miyabi-org.toml:57:5
   |
57 | [ou."Workloads//Pool"]
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
        error: r##"error: policy Version must be "2012-10-17"
 --> policies/scp/deny-root-user.json:2:3
  |
2 |   "Version": "2008-10-17",
  |   ^
  = help: set "Version": "2012-10-17"

error: [ou."Sandbox"] lists SCP nope, which is not defined
  --> miyabi-org.toml:38:26
   |
38 | scps = ["FullAWSAccess", "nope"]
   |                          ^
   = help: add policies/scp/nope.json or correct the name

2 problems found; nothing was sent to AWS"##,
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
        error: r##"error: plan.json is not a saved plan: EOF while parsing a list at line 1 column 26
  = help: make a new one with `miyabi-org plan --out FILE`; saved plans are not meant to be edited"##,
    },
    Case {
        name: "unknown --only part",
        break_repo: |_| {},
        args: &["plan", "--only", "ou,accounts"],
        error: r##"error: invalid value 'accounts' for '--only <PART>'
  [possible values: ou, scp]

  tip: a similar value exists: 'ou'

For more information, try '--help'."##,
    },
    Case {
        name: "an output format the command cannot print",
        break_repo: |_| {},
        args: &["plan", "--output", "csv"],
        error: r##"error: `plan` cannot print --output csv
  = help: use --output table, --output json, --output markdown"##,
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
        let output = tool(&proxy.url, repo.path()).args(case.args).output().unwrap();
        let code = output.status.code();
        let expected_code = if case.args.contains(&"--only") || case.args.contains(&"--output") { 64 } else { 1 };
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
    edit(dir, "miyabi-org.toml", "id = \"o-abc123defg\"", &format!("id = \"{org_id}\""));

    let (code, error) = run(tool(&proxy.url, dir).args(["-q", "apply"]).write_stdin(""));
    assert_eq!(code, Some(1));
    assert_eq!(
        error,
        "error: refusing to apply without --yes: standard input is not a terminal\n  = help: review the plan, then run again with --yes\n"
    );

    let (code, error) = run(tool(&proxy.url, dir).args(["-q", "plan"]).env_remove("AWS_ACCESS_KEY_ID").env_remove("AWS_SECRET_ACCESS_KEY"));
    assert_eq!(code, Some(1));
    assert_eq!(
        error,
        "error: DescribeOrganization: no credentials in the SDK's default chain (environment, profile, web identity, container, instance metadata)\n  = help: no AWS credentials were found: set AWS_PROFILE (or pass --profile), run `aws sso login`, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n"
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

    assert_eq!(proxy.writes(), Vec::<String>::new());
    assert_eq!(expired.writes(), Vec::<String>::new());
}
