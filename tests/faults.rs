//! Through the fault proxy (throttling, HTTP 500s, delays, Identity Center's ConflictException) the
//! tool gives the same results as without it, and an apply killed half-way converges when run again.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{Proxy, Sandbox, example_repo, json, stderr, tool};

/// The tree as names and policies only: ids differ between sandboxes.
fn shape(node: &Value) -> Value {
    let children: Vec<Value> = node["children"].as_array().map(|c| c.iter().map(shape).collect()).unwrap_or_default();
    serde_json::json!({"name": node["name"], "scps": node["scps"], "tag_policies": node["tag_policies"], "children": children})
}

#[tokio::test(flavor = "multi_thread")]
async fn apply_and_drift_through_faults_match_a_clean_run() {
    let (clean, faulty) = (Sandbox::start(), Sandbox::start());
    clean.create_organization().await;
    faulty.create_organization().await;
    let proxy = Proxy::start(&faulty.url, &["--throttle", "0.1", "--error500", "0.05", "--delay-ms", "10", "--seed", "7"]);
    // One repo per organization: apply records the ids of the accounts it creates.
    let (clean_repo, repo) = (example_repo(), example_repo());
    let dir = repo.path();

    tool(&clean.url, clean_repo.path()).args(["apply", "--yes"]).assert().success();
    let output = tool(&proxy.url, dir).args(["apply", "--yes", "--output", "json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(report["stats"]["retries"].as_u64().unwrap() > 0, "no fault was injected: {:#}", report["stats"]);

    let expected = shape(&json(tool(&clean.url, clean_repo.path()).args(["org", "tree", "--output", "json"]))["root"]);
    let actual = shape(&json(tool(&faulty.url, dir).args(["org", "tree", "--output", "json"]))["root"]);
    assert_eq!(actual, expected);

    // Drift through faults sees exactly what drift without them sees.
    let hand = faulty.create_scp_by_hand("hand-made", "s3:*").await;
    faulty.attach(&hand, &faulty.root_id().await).await;
    let direct = json(tool(&faulty.url, dir).args(["drift", "--output", "json"]));
    let through_faults = json(tool(&proxy.url, dir).args(["drift", "--output", "json"]));
    assert_eq!(direct["changes"].as_array().unwrap().len(), 1);
    for key in ["changes", "unmanaged", "warnings", "fingerprint"] {
        assert_eq!(through_faults[key], direct[key], "{key}");
    }
    let outcomes: BTreeSet<String> = proxy.requests().iter().map(|l| l.split(' ').nth(1).unwrap_or("").to_string()).collect();
    assert!(outcomes.contains("throttled") && outcomes.contains("error500"), "{outcomes:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_apply_killed_half_way_converges_with_nothing_duplicated() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let slow = Proxy::start(&sandbox.url, &["--delay-ms", "300", "--seed", "3"]);
    let repo = example_repo();
    let dir = repo.path();

    let mut child = support::process(&slow.url, dir)
        .args(["apply", "--yes"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while slow.writes().len() < 6 {
        assert!(Instant::now() < deadline, "apply made no writes");
        assert!(child.try_wait().unwrap().is_none(), "apply finished before it could be killed");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let done = slow.writes().len();
    assert!(done < 37, "apply had finished ({done} writes) before it was killed");
    tool(&sandbox.url, dir).arg("drift").assert().code(2);

    tool(&sandbox.url, dir).args(["apply", "--yes"]).assert().success();
    tool(&sandbox.url, dir).arg("drift").assert().code(0);

    // Nothing twice: one OU per name under each parent, one policy per name.
    let org = sandbox.organizations().await;
    let mut parents = vec![sandbox.root_id().await];
    let mut ous = 0;
    while let Some(parent) = parents.pop() {
        let children = org.list_organizational_units_for_parent().parent_id(&parent).send().await.unwrap();
        let names: Vec<&str> = children.organizational_units().iter().map(|ou| ou.name().unwrap()).collect();
        let unique: BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(names.len(), unique.len(), "duplicate OUs under {parent}: {names:?}");
        ous += names.len();
        parents.extend(children.organizational_units().iter().map(|ou| ou.id().unwrap().to_string()));
    }
    assert_eq!(ous, 9);
    let policies = json(tool(&sandbox.url, dir).args(["scp", "list", "--output", "json"]));
    let names: Vec<&str> = policies["policies"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), names.iter().collect::<BTreeSet<_>>().len(), "{names:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_partial_apply_says_what_was_done_and_what_failed_and_a_rerun_converges() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let refusing = Proxy::start(&sandbox.url, &["--refuse", "CreatePolicy"]);
    let repo = example_repo();
    let dir = repo.path();

    let output = tool(&refusing.url, dir).args(["apply", "--yes"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let error = stderr(&output);
    assert!(error.contains("done    + OU Workloads/Pool"), "{error}");
    assert!(error.contains("FAILED  + SCP region-guard: CreatePolicy region-guard: injected refusal"), "{error}");
    assert!(
        error.ends_with(
            "error: apply failed: 13 changes done, 8 failed, 22 not attempted\n  = help: fix the cause shown above and run apply again: it plans from the live state and converges\n"
        ),
        "{error}"
    );
    let json = json(tool(&refusing.url, dir).args(["apply", "--yes", "--output", "json"]));
    let statuses: BTreeSet<&str> = json["outcomes"].as_array().unwrap().iter().map(|o| o["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, BTreeSet::from(["failed", "skipped"]));
    assert_eq!(json["error"]["kind"], "partial_apply", "{json:#}");
    let failed = json["outcomes"].as_array().unwrap().iter().find(|o| o["status"] == "failed").unwrap();
    assert_eq!(failed["error"]["kind"], "aws", "{failed:#}");
    assert!(failed["error"]["message"].as_str().unwrap().ends_with(": injected refusal"), "{failed:#}");

    tool(&sandbox.url, dir).args(["apply", "--yes"]).assert().success();
    tool(&sandbox.url, dir).arg("drift").assert().code(0);
}

/// Two permission sets with AWS-managed policies, and two groups granted them through an OU and by
/// account name.
const SSO: &str = r#"
[sso]
[sso.permission_set."Developers"]
description = "Build and run workloads"
session_duration = "PT8H"
managed_policies = ["arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"]

[sso.permission_set."Operators"]
description = "Read-only operations"
managed_policies = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]

[[sso.assignment]]
group = "Developers"
permission_set = "Developers"
ous = ["Workloads"]

[[sso.assignment]]
group = "Operators"
permission_set = "Operators"
accounts = ["Miyabi Shared Services", "Pool-1"]
"#;

/// The example organization with two pool accounts in Workloads/Pool, the groups in the identity
/// store, and the repo's `[sso]` section; returns the repo and the group ids by name.
async fn organization_with_groups(sandbox: &Sandbox) -> (tempfile::TempDir, BTreeMap<String, String>) {
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "apply", "--yes"]).assert().success();
    for (pool, customer) in [("1", "ACME"), ("2", "BETA")] {
        tool(&sandbox.url, dir).args(["-q", "account", "create", "--pool", pool, "--customer", customer, "--yes"]).assert().success();
    }
    let groups = sandbox.create_groups(&["Developers", "Operators"]).await;
    let config = dir.join("miyabi-org.toml");
    std::fs::write(&config, std::fs::read_to_string(&config).unwrap() + SSO).unwrap();
    (repo, groups)
}

/// Identity Center by names, as ids differ between sandboxes: each permission set's managed
/// policies (a set made twice would show), and each group's grants as ListAccountAssignmentsForPrincipal
/// gives them, (permission set, account).
async fn sso_by_name(sandbox: &Sandbox, groups: &BTreeMap<String, String>) -> Value {
    let (instance, _) = sandbox.sso_instance().await;
    let admin = sandbox.ssoadmin().await;
    let mut sets = BTreeMap::new();
    let mut set_names = BTreeMap::new();
    for arn in admin.list_permission_sets().instance_arn(&instance).send().await.unwrap().permission_sets() {
        let set = admin.describe_permission_set().instance_arn(&instance).permission_set_arn(arn).send().await.unwrap();
        let name = set.permission_set().unwrap().name().unwrap().to_string();
        let policies =
            admin.list_managed_policies_in_permission_set().instance_arn(&instance).permission_set_arn(arn).send().await.unwrap();
        let mut policies: Vec<&str> = policies.attached_managed_policies().iter().map(|p| p.arn().unwrap()).collect();
        policies.sort();
        assert!(sets.insert(name.clone(), serde_json::json!(policies)).is_none(), "permission set {name} exists twice");
        set_names.insert(arn.to_string(), name);
    }
    let accounts = sandbox.organizations().await.list_accounts().send().await.unwrap();
    let account_names: BTreeMap<&str, &str> = accounts.accounts().iter().map(|a| (a.id().unwrap(), a.name().unwrap())).collect();
    let mut grants = BTreeMap::new();
    for (group, id) in groups {
        let out = admin
            .list_account_assignments_for_principal()
            .instance_arn(&instance)
            .principal_type(aws_sdk_ssoadmin::types::PrincipalType::Group)
            .principal_id(id)
            .send()
            .await
            .unwrap();
        assert!(out.next_token().is_none(), "one page is enough here");
        let mut rows: Vec<(String, String)> = out
            .account_assignments()
            .iter()
            .map(|a| (set_names[a.permission_set_arn().unwrap()].clone(), account_names[a.account_id().unwrap()].to_string()))
            .collect();
        let count = rows.len();
        rows.sort();
        rows.dedup();
        assert_eq!(rows.len(), count, "a grant of {group} was made twice: {rows:?}");
        grants.insert(group.clone(), serde_json::json!(rows));
    }
    serde_json::json!({"permission_sets": sets, "grants": grants})
}

/// The Identity Center writes the proxy answers with ConflictException.
const WRITES: [&str; 3] = ["CreatePermissionSet", "AttachManagedPolicyToPermissionSet", "CreateAccountAssignment"];

#[tokio::test(flavor = "multi_thread")]
async fn identity_center_through_throttling_and_conflicts_matches_a_clean_run() {
    let (clean, faulty) = (Sandbox::start(), Sandbox::start());
    let ((clean_repo, clean_groups), (repo, groups)) = (organization_with_groups(&clean).await, organization_with_groups(&faulty).await);
    let dir = repo.path();
    // Every request of the three writes is refused twice before it goes through, and those and
    // the Identity Center reads of the apply are throttled at random (only they: the SDK's adaptive
    // mode slows a client down after each throttle, and the organization's reads are many).
    let mut args = vec!["--throttle", "0.3", "--delay-ms", "10", "--seed", "11", "--conflict-rate", "1", "--conflict-streak", "2"];
    for operation in WRITES {
        args.extend(["--conflict", operation]);
    }
    for operation in WRITES.iter().chain(&["GetGroupId", "ListPermissionSets", "ListAccountAssignmentsForPrincipal"]) {
        args.extend(["--throttle-only", operation]);
    }
    let proxy = Proxy::start(&faulty.url, &args);

    tool(&clean.url, clean_repo.path()).args(["apply", "--yes"]).assert().success();
    let output = tool(&proxy.url, dir).args(["apply", "--yes", "--output", "json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(report["stats"]["retries"].as_u64().unwrap() > 0, "no throttling was injected: {:#}", report["stats"]);

    let expected = sso_by_name(&clean, &clean_groups).await;
    assert_eq!(expected["grants"]["Developers"].as_array().unwrap().len(), 2, "{expected:#}");
    assert_eq!(sso_by_name(&faulty, &groups).await, expected);
    for endpoint in [&faulty.url, &proxy.url] {
        let drift = tool(endpoint, dir).args(["drift", "--output", "json"]).output().unwrap();
        assert_eq!(drift.status.code(), Some(0), "{}\n{}", support::stdout(&drift), stderr(&drift));
        let drift: Value = serde_json::from_slice(&drift.stdout).unwrap();
        assert_eq!(drift["changes"], serde_json::json!([]), "{drift:#}");
    }

    // Each write was refused twice, then made exactly once; throttling reached Identity Center too.
    let log = proxy.requests();
    let count = |line: &str| log.iter().filter(|l| *l == line).count();
    for (operation, made) in [("CreatePermissionSet", 2), ("AttachManagedPolicyToPermissionSet", 3), ("CreateAccountAssignment", 4)] {
        assert_eq!(count(&format!("{operation} conflict 400")), 2 * made, "{operation}: {log:#?}");
        assert_eq!(count(&format!("{operation} forwarded 200")), made, "{operation}: {log:#?}");
    }
    let throttled: BTreeSet<&str> = log.iter().filter(|l| l.ends_with(" throttled 400")).map(|l| l.split(' ').next().unwrap()).collect();
    assert!(throttled.iter().any(|op| WRITES.contains(op)), "no Identity Center write was throttled: {log:#?}");
}
