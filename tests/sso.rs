//! IAM Identity Center against moto through the real SDK: about 300 accounts, 5 permission sets
//! and 10 groups assigned through OUs, tiers, customers and accounts; drift after changes by hand,
//! repair, idempotence, a new pool account, grants the repo does not own, an unknown group.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use aws_sdk_ssoadmin::types::{PrincipalType, TargetType};
use serde_json::Value;
use support::{Sandbox, edit, example_repo, json, stderr, stdout, tool};

const GROUPS: [&str; 10] =
    ["PlatformAdmins", "Auditors", "Support", "Finance", "SecurityTeam", "Developers", "OnCall", "DataTeam", "Sales", "Partners"];

/// Accounts made by hand in the workload OUs, beside the repo's own: the organization is ~300.
const WORKLOAD_ACCOUNTS: usize = 290;

const SSO: &str = r#"
[sso]
[sso.permission_set."PlatformAdmin"]
description = "Full access for the platform team"
session_duration = "PT4H"
managed_policies = ["arn:aws:iam::aws:policy/AdministratorAccess"]
inline_policy = "policies/sso/platform-admin.json"
[sso.permission_set."ReadOnly"]
description = "Read everything"
managed_policies = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
[sso.permission_set."Billing"]
description = "Billing and cost"
session_duration = "PT2H"
managed_policies = ["arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess"]
[sso.permission_set."Support"]
description = "AWS Support cases"
managed_policies = ["arn:aws:iam::aws:policy/AWSSupportAccess"]
[sso.permission_set."Security"]
description = "Security audit"
session_duration = "PT1H"
relay_state = "https://console.aws.amazon.com/securityhub/"
managed_policies = ["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess"]

[[sso.assignment]]
group = "PlatformAdmins"
permission_set = "PlatformAdmin"
ous = ["Workloads"]
accounts = ["Miyabi Security"]

[[sso.assignment]]
group = "Auditors"
permission_set = "ReadOnly"
ous = ["Workloads/Production"]

[[sso.assignment]]
group = "Support"
permission_set = "Support"
tiers = ["pool"]

[[sso.assignment]]
group = "Finance"
permission_set = "Billing"
ous = ["Workloads/Staging", "Workloads/Pool"]
exclude_accounts = ["Pool-2"]

[[sso.assignment]]
group = "SecurityTeam"
permission_set = "Security"
ous = ["Security", "Workloads/Development"]

[[sso.assignment]]
group = "Developers"
permission_set = "ReadOnly"
ous = ["Workloads/Development"]

[[sso.assignment]]
group = "OnCall"
permission_set = "Support"
customers = ["ACME", "INITECH"]

[[sso.assignment]]
label = "silo-data"                  # account-templates/silo.toml: sso = ["silo-data"]
group = "DataTeam"
permission_set = "ReadOnly"

[[sso.assignment]]
group = "Sales"
permission_set = "Billing"
customers = ["GLOBEX"]

[[sso.assignment]]
group = "Partners"
permission_set = "ReadOnly"
ous = ["Sandbox"]
"#;

/// The example org applied, two pools and a silo placed, the workload accounts made by hand, the
/// groups created and `[sso]` appended.
async fn sso_org() -> (Sandbox, tempfile::TempDir, BTreeMap<String, String>) {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "apply", "--yes"]).assert().success();
    for (flag, customer) in [("--pool", "ACME"), ("--pool", "GLOBEX"), ("--silo", "INITECH")] {
        let mut args = vec!["-q", "account", "create", "--customer", customer, "--yes"];
        if flag == "--pool" {
            args.extend(["--pool", if customer == "ACME" { "1" } else { "2" }]);
        } else {
            args.push(flag);
        }
        let output = tool(&sandbox.url, dir).args(&args).output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
    }
    create_workload_accounts(&sandbox, dir).await;
    let groups = sandbox.create_groups(&GROUPS).await;
    std::fs::create_dir_all(dir.join("policies/sso")).unwrap();
    std::fs::write(
        dir.join("policies/sso/platform-admin.json"),
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]}"#,
    )
    .unwrap();
    edit(dir, "account-templates/silo.toml", "scps = []", "scps = []\nsso = [\"silo-data\"]");
    let mut text = std::fs::read_to_string(dir.join("miyabi-org.toml")).unwrap();
    text.push_str(SSO);
    std::fs::write(dir.join("miyabi-org.toml"), text).unwrap();
    (sandbox, repo, groups)
}

/// Accounts the repo does not declare, spread over the workload OUs and Sandbox.
async fn create_workload_accounts(sandbox: &Sandbox, dir: &Path) {
    let tree = json(tool(&sandbox.url, dir).args(["org", "tree", "--output", "json"]));
    let mut ou_ids = BTreeMap::new();
    fn walk(node: &Value, path: &str, ids: &mut BTreeMap<String, String>) {
        for child in node["children"].as_array().into_iter().flatten() {
            let name = child["name"].as_str().unwrap();
            let child_path = if path.is_empty() { name.to_string() } else { format!("{path}/{name}") };
            ids.insert(child_path.clone(), child["id"].as_str().unwrap().to_string());
            walk(child, &child_path, ids);
        }
    }
    walk(&tree["root"], "", &mut ou_ids);
    let root = sandbox.root_id().await;
    let client = sandbox.organizations().await;
    let ous = ["Workloads/Production", "Workloads/Staging", "Workloads/Development", "Sandbox"];
    let creates = (1..=WORKLOAD_ACCOUNTS).map(|i| {
        let client = client.clone();
        let (root, target) = (root.clone(), ou_ids[ous[i % ous.len()]].clone());
        async move {
            let out = client
                .create_account()
                .account_name(format!("Work-{i:03}"))
                .email(format!("work-{i:03}@example.com"))
                .send()
                .await
                .unwrap();
            let id = out.create_account_status().unwrap().account_id().unwrap().to_string();
            client.move_account().account_id(&id).source_parent_id(&root).destination_parent_id(&target).send().await.unwrap();
        }
    });
    futures_util::future::join_all(creates).await;
}

fn changes(report: &Value) -> Vec<&Value> {
    report["changes"].as_array().unwrap().iter().collect()
}

fn actions(report: &Value) -> BTreeMap<String, usize> {
    let mut count = BTreeMap::new();
    for change in changes(report) {
        *count.entry(change["action"].as_str().unwrap().to_string()).or_default() += 1;
    }
    count
}

async fn account_id(sandbox: &Sandbox, name: &str) -> String {
    let client = sandbox.organizations().await;
    let mut pages = client.list_accounts().into_paginator().send();
    while let Some(page) = pages.next().await {
        if let Some(account) = page.unwrap().accounts().iter().find(|a| a.name() == Some(name)) {
            return account.id().unwrap().to_string();
        }
    }
    panic!("no account {name}")
}

async fn permission_set_arn(sandbox: &Sandbox, name: &str) -> String {
    let (instance, _) = sandbox.sso_instance().await;
    let client = sandbox.ssoadmin().await;
    for arn in client.list_permission_sets().instance_arn(&instance).send().await.unwrap().permission_sets() {
        let out = client.describe_permission_set().instance_arn(&instance).permission_set_arn(arn).send().await.unwrap();
        if out.permission_set().unwrap().name() == Some(name) {
            return arn.clone();
        }
    }
    panic!("no permission set {name}")
}

async fn grants_of(sandbox: &Sandbox, group_id: &str) -> Vec<(String, String)> {
    let (instance, _) = sandbox.sso_instance().await;
    let client = sandbox.ssoadmin().await;
    let mut pages = client
        .list_account_assignments_for_principal()
        .instance_arn(&instance)
        .principal_type(PrincipalType::Group)
        .principal_id(group_id)
        .into_paginator()
        .send();
    let mut grants = Vec::new();
    while let Some(page) = pages.next().await {
        for a in page.unwrap().account_assignments() {
            grants.push((a.account_id().unwrap().to_string(), a.permission_set_arn().unwrap().to_string()));
        }
    }
    grants.sort();
    grants
}

async fn assign_by_hand(sandbox: &Sandbox, group_id: &str, permission_set: &str, account: &str, create: bool) {
    let (instance, _) = sandbox.sso_instance().await;
    let client = sandbox.ssoadmin().await;
    let arn = permission_set_arn(sandbox, permission_set).await;
    let account = account_id(sandbox, account).await;
    if create {
        let call = client.create_account_assignment().instance_arn(&instance).permission_set_arn(&arn);
        let call = call.target_id(&account).target_type(TargetType::AwsAccount);
        call.principal_type(PrincipalType::Group).principal_id(group_id).send().await.unwrap();
    } else {
        let call = client.delete_account_assignment().instance_arn(&instance).permission_set_arn(&arn);
        let call = call.target_id(&account).target_type(TargetType::AwsAccount);
        call.principal_type(PrincipalType::Group).principal_id(group_id).send().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn identity_center_is_planned_applied_drift_checked_and_repaired() {
    let (sandbox, repo, groups) = sso_org().await;
    let dir = repo.path();

    // The plan: every set, its policies, and assignments with where each comes from.
    let plan = json(tool(&sandbox.url, dir).args(["plan", "--only", "sso", "--output", "json"]));
    let count = actions(&plan);
    assert_eq!(count["create_permission_set"], 5, "{count:?}");
    assert_eq!(count["attach_permission_set_policy"], 7, "{count:?}");
    let assignments = count["create_account_assignment"];
    assert!(assignments > 300, "{count:?}");
    let pool_support = changes(&plan)
        .into_iter()
        .find(|c| c["action"] == "create_account_assignment" && c["principal"]["name"] == "Support" && c["account"] == "Pool-1")
        .unwrap_or_else(|| panic!("no Support grant in Pool-1: {plan:#}"));
    assert_eq!(pool_support["from"], serde_json::json!(["tier pool"]));
    assert_eq!(pool_support["principal"]["id"], groups["Support"]);
    let oncall =
        changes(&plan).into_iter().filter(|c| c["action"] == "create_account_assignment" && c["principal"]["name"] == "OnCall").count();
    assert_eq!(oncall, 2, "ACME's pool and INITECH's silo");
    let data = changes(&plan).into_iter().find(|c| c["principal"]["name"] == "DataTeam").unwrap();
    assert_eq!((&data["account"], &data["from"]), (&serde_json::json!("Silo-INITECH"), &serde_json::json!(["template silo"])));
    // Finance's exclusion and the management account stay out.
    let management = json(tool(&sandbox.url, dir).args(["org", "show", "--output", "json"]));
    let management = management["management_account_id"].as_str().unwrap().to_string();
    assert!(changes(&plan).iter().any(|c| c["account"] == "Pool-1" && c["principal"]["name"] == "Finance"));
    assert!(changes(&plan).iter().all(|c| c["account"] != "Pool-2" || c["principal"]["name"] != "Finance"));
    assert!(changes(&plan).iter().all(|c| c["account_id"] != management.as_str()));
    // Call-optimal reads: one assignment listing per group, never per account and set.
    let by_operation = &plan["stats"]["api_calls_by_operation"];
    assert_eq!(by_operation["GetGroupId"], 10);
    assert!(by_operation.get("ListAccountAssignments").is_none(), "{by_operation}");

    let output = tool(&sandbox.url, dir).args(["apply", "--only", "sso", "--yes", "--output", "json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let peak = report["sso_assignments_peak_in_flight"].as_u64().unwrap();
    assert!((1..=10).contains(&peak), "peak {peak}");

    let drift = json(tool(&sandbox.url, dir).args(["drift", "--output", "json"]));
    assert_eq!(drift["drift"], false, "{drift:#}");
    let reads = drift["stats"]["api_calls_by_operation"].as_object().unwrap();
    assert!(reads.keys().all(|op| !support::is_write(op)), "drift wrote: {reads:?}");
    // The read-only role of policies/iam/ allows every call drift made.
    let readonly = std::fs::read_to_string(dir.join("policies/iam/drift-readonly.json")).unwrap();
    // Budgets' reads need a budgets action that drift-readonly.json grants by its own name; the
    // workers' reads in member accounts are the member role's.
    let elsewhere =
        ["DescribeBudgets", "DescribeNotificationsForBudget", "GetQueueUrl", "GetQueueAttributes", "DescribeTable", "DescribeServices"];
    for op in reads.keys().filter(|op| !elsewhere.contains(&op.as_str())) {
        assert!(readonly.contains(&format!(":{op}\"")), "drift-readonly.json lacks {op}");
    }
    // One listing per group, a page per 100 of its grants.
    let listings = reads["ListAccountAssignmentsForPrincipal"].as_u64().unwrap();
    assert!((10..=10 + assignments as u64 / 100).contains(&listings), "{listings}");

    // By hand: a grant of a declared group the repo does not give, a grant removed, a duration edited.
    assign_by_hand(&sandbox, &groups["Auditors"], "ReadOnly", "Work-003", true).await; // in Sandbox, not Auditors'
    assign_by_hand(&sandbox, &groups["Support"], "Support", "Pool-2", false).await;
    let (instance, _) = sandbox.sso_instance().await;
    let admin = permission_set_arn(&sandbox, "PlatformAdmin").await;
    sandbox
        .ssoadmin()
        .await
        .update_permission_set()
        .instance_arn(&instance)
        .permission_set_arn(&admin)
        .description("Full access for the platform team")
        .session_duration("PT12H")
        .send()
        .await
        .unwrap();
    let output = tool(&sandbox.url, dir).args(["drift", "--output", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let drift: Value = serde_json::from_slice(&output.stdout).unwrap();
    let lines: Vec<String> = changes(&drift)
        .iter()
        .map(|c| format!("{} {} {} {}", c["action"], c["principal"]["name"], c["permission_set"], c["account"]))
        .collect();
    assert!(lines.contains(&r#""delete_account_assignment" "Auditors" "ReadOnly" "Work-003""#.to_string()), "{lines:#?}");
    assert!(lines.contains(&r#""create_account_assignment" "Support" "Support" "Pool-2""#.to_string()), "{lines:#?}");
    let update = changes(&drift).into_iter().find(|c| c["action"] == "update_permission_set").unwrap();
    assert_eq!(update["changed"]["session_duration"], serde_json::json!({"from": "PT12H", "to": "PT4H"}));
    assert_eq!(update["session_duration"], "PT4H");
    let text = stdout(&tool(&sandbox.url, dir).args(["drift"]).output().unwrap());
    assert!(text.contains(&format!("- group Auditors ({}) -> ReadOnly in Work-003", groups["Auditors"])), "{text}");
    assert!(text.contains("~ permission set PlatformAdmin (session_duration \"PT12H\" -> \"PT4H\")"), "{text}");

    // Apply repairs all; a second apply writes nothing.
    let output = tool(&sandbox.url, dir).args(["apply", "--yes"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("provision permission set PlatformAdmin"), "{}", stdout(&output));
    let output = tool(&sandbox.url, dir).args(["apply", "--yes"]).output().unwrap();
    assert!(stdout(&output).starts_with("No changes. The organization matches the repo.\n"), "{}", stdout(&output));
    tool(&sandbox.url, dir).args(["drift"]).assert().code(0);

    // A new pool account gets its assignments at the next plan, with no edit of [sso].
    tool(&sandbox.url, dir).args(["-q", "account", "create", "--pool", "3", "--customer", "NEWCO", "--yes"]).assert().success();
    let plan = json(tool(&sandbox.url, dir).args(["plan", "--only", "sso", "--output", "json"]));
    let mut new: Vec<String> =
        changes(&plan).iter().map(|c| format!("{} {} {} {}", c["action"], c["principal"]["name"], c["account"], c["from"])).collect();
    new.sort();
    assert_eq!(
        new,
        [
            r#""create_account_assignment" "Finance" "Pool-3" ["ou Workloads/Pool"]"#,
            r#""create_account_assignment" "PlatformAdmins" "Pool-3" ["ou Workloads"]"#,
            r#""create_account_assignment" "Support" "Pool-3" ["tier pool"]"#,
        ],
        "{plan:#}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn grants_the_repo_does_not_own_survive_and_an_unknown_group_is_refused() {
    let (sandbox, repo, groups) = sso_org().await;
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "apply", "--yes"]).assert().success();

    // A group the repo never names, granted by hand: seen only with --all-principals, never removed.
    let contractors = sandbox.create_groups(&["Contractors"]).await["Contractors"].clone();
    // In an account where ReadOnly is provisioned: moto lists only the management account as
    // provisioned, so the full scan finds accounts through the declared groups' grants.
    assign_by_hand(&sandbox, &contractors, "ReadOnly", "Silo-INITECH", true).await;
    let drift = json(tool(&sandbox.url, dir).args(["drift", "--output", "json"]));
    assert_eq!(drift["drift"], false);
    assert!(drift["unmanaged"].as_array().unwrap().iter().all(|u| u["kind"] != "sso_assignment"), "{drift:#}");
    let drift = json(tool(&sandbox.url, dir).args(["drift", "--all-principals", "--output", "json"]));
    assert_eq!(drift["drift"], false, "{drift:#}");
    let unmanaged: Vec<&Value> = drift["unmanaged"].as_array().unwrap().iter().filter(|u| u["kind"] == "sso_assignment").collect();
    assert_eq!(unmanaged.len(), 1, "{unmanaged:#?}");
    assert_eq!(unmanaged[0]["name"], format!("group Contractors ({contractors}) -> ReadOnly in Silo-INITECH"));
    assert!(drift["stats"]["api_calls_by_operation"]["ListAccountAssignments"].as_u64().unwrap() > 0);
    tool(&sandbox.url, dir).args(["-q", "apply", "--all-principals", "--yes"]).assert().success();
    assert_eq!(grants_of(&sandbox, &contractors).await.len(), 1, "the grant survives");

    // An unknown group: an error naming it and its line, before any write.
    let before = grants_of(&sandbox, &groups["Auditors"]).await;
    edit(dir, "miyabi-org.toml", "group = \"Partners\"", "group = \"Ghosts\"");
    let output = tool(&sandbox.url, dir).args(["apply", "--yes"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("the identity store has no group with DisplayName `Ghosts`"), "{err}");
    let line = std::fs::read_to_string(dir.join("miyabi-org.toml")).unwrap().lines().position(|l| l.contains("Ghosts")).unwrap() + 1;
    assert!(err.contains(&format!("miyabi-org.toml:{line}")), "{err}");
    assert_eq!(grants_of(&sandbox, &groups["Auditors"]).await, before);
    assert!(!grants_of(&sandbox, &groups["Partners"]).await.is_empty(), "Partners' grants were not removed");
}
