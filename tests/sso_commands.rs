//! `sso list`, `sso permission-sets`, `sso assign` and `sso unassign` against the sandbox, through
//! the real SDK.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;
use support::{Proxy, Sandbox, example_repo, json, stderr, stdout, tool};

const SSO: &str = r#"
# IAM Identity Center: permission sets, and who gets them where.
[sso]

[sso.permission_set."ReadOnly"]
session_duration = "PT4H"
managed_policies = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]

[sso.permission_set."Admin"]
managed_policies = ["arn:aws:iam::aws:policy/AdministratorAccess"]

[[sso.assignment]]
group = "Auditors"
permission_set = "ReadOnly"
ous = ["Workloads"]
"#;

/// The example org applied, ACME in Pool-1 and Beta in Bridge-1 (both below Workloads/Pool), the
/// groups and a user in the identity store, and `[sso]` applied; with the ids of the principals.
async fn org_with_sso() -> (Sandbox, tempfile::TempDir, BTreeMap<String, String>) {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "apply", "--yes"]).assert().success();
    tool(&sandbox.url, dir).args(["-q", "account", "create", "--pool", "1", "--customer", "ACME", "--yes"]).assert().success();
    tool(&sandbox.url, dir).args(["-q", "account", "create", "--tier", "bridge", "--customer", "Beta", "--yes"]).assert().success();
    let mut principals = sandbox.create_groups(&["Developers", "Auditors", "Contractors"]).await;
    principals.insert("alice".into(), sandbox.create_user("alice").await);
    let path = dir.join("miyabi-org.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text + SSO).unwrap();
    tool(&sandbox.url, dir).args(["-q", "sso", "apply", "--yes"]).assert().success();
    (sandbox, repo, principals)
}

fn repo_text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("miyabi-org.toml")).unwrap()
}

/// The grants of a group or user in Identity Center: (account id, permission set ARN).
async fn grants_of(sandbox: &Sandbox, principal_id: &str, user: bool) -> BTreeSet<(String, String)> {
    let (instance, _) = sandbox.sso_instance().await;
    let kind = if user { aws_sdk_ssoadmin::types::PrincipalType::User } else { aws_sdk_ssoadmin::types::PrincipalType::Group };
    let out = sandbox
        .ssoadmin()
        .await
        .list_account_assignments_for_principal()
        .instance_arn(instance)
        .principal_id(principal_id)
        .principal_type(kind)
        .send()
        .await
        .unwrap();
    out.account_assignments()
        .iter()
        .filter(|a| a.principal_id() == Some(principal_id))
        .map(|a| (a.account_id().unwrap().to_string(), a.permission_set_arn().unwrap().to_string()))
        .collect()
}

/// Account ids by name, and permission set ARNs by name, as `sso permission-sets` shows them.
fn ids(sandbox: &Sandbox, dir: &Path) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let accounts = json(tool(&sandbox.url, dir).args(["-q", "account", "list", "--output", "json"]));
    let accounts = accounts["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| Some((a["name"].as_str()?.to_string(), a["id"].as_str()?.to_string())))
        .collect();
    let sets = json(tool(&sandbox.url, dir).args(["-q", "sso", "permission-sets", "--output", "json"]));
    let sets = sets["permission_sets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| Some((s["name"].as_str()?.to_string(), s["arn"].as_str()?.to_string())))
        .collect();
    (accounts, sets)
}

/// (account, principal, permission set, state, from) of each row of `sso list --output json`.
fn rows(list: &Value) -> Vec<(String, String, String, String, String)> {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    list["assignments"]
        .as_array()
        .unwrap_or_else(|| panic!("no assignments: {list:#}"))
        .iter()
        .map(|a| {
            let from: Vec<String> = a["from"].as_array().unwrap().iter().map(text).collect();
            (text(&a["account"]), text(&a["principal_name"]), text(&a["permission_set"]), text(&a["state"]), from.join(", "))
        })
        .collect()
}

fn row(account: &str, principal: &str, set: &str, state: &str, from: &str) -> (String, String, String, String, String) {
    (account.into(), principal.into(), set.into(), state.into(), from.into())
}

#[tokio::test(flavor = "multi_thread")]
async fn assign_list_and_unassign_edit_the_repo_and_identity_center() {
    let (sandbox, repo, principals) = org_with_sso().await;
    let dir = repo.path();
    let (accounts, sets) = ids(&sandbox, dir);
    let (pool_1, bridge_1) = (accounts["Pool-1"].clone(), accounts["Bridge-1"].clone());
    let (developers, contractors) = (principals["Developers"].clone(), principals["Contractors"].clone());
    let applied = repo_text(dir);

    // assign: a new rule at the end of [sso], then the grant in AWS.
    let output = tool(&sandbox.url, dir)
        .args(["sso", "assign", "--group", "Developers", "--permission-set", "ReadOnly", "--tier", "pool", "--yes"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Adding an [[sso.assignment]]: group Developers gets ReadOnly in tier pool.\n"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("-> ReadOnly in Pool-1 (from tier pool)"), "{}", stdout(&output));
    let assigned = repo_text(dir);
    assert_eq!(
        assigned,
        format!("{applied}\n[[sso.assignment]]\ngroup = \"Developers\"\npermission_set = \"ReadOnly\"\ntiers = [\"pool\"]\n")
    );
    assert_eq!(grants_of(&sandbox, &developers, false).await, BTreeSet::from([(pool_1.clone(), sets["ReadOnly"].clone())]));

    // Again: nothing to change, in the file or in AWS.
    let again = tool(&sandbox.url, dir)
        .args(["sso", "assign", "--group", "Developers", "--permission-set", "ReadOnly", "--tier", "pool", "--yes"])
        .output()
        .unwrap();
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(stdout(&again), "group Developers already gets ReadOnly in tier pool; nothing to change.\n");
    assert_eq!(repo_text(dir), assigned);

    // sso list: the declared principals' grants, with the rules that give them.
    let output = tool(&sandbox.url, dir).args(["sso", "list", "--output", "json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("Only the grants of the 2 principals [[sso.assignment]] names are read; --all-principals reads everyone's.\n")
    );
    let list: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        rows(&list),
        vec![
            row("Bridge-1", "Auditors", "ReadOnly", "managed", "ou Workloads"),
            row("Pool-1", "Auditors", "ReadOnly", "managed", "ou Workloads"),
            row("Pool-1", "Developers", "ReadOnly", "managed", "tier pool"),
        ]
    );
    assert_eq!(list["all_principals"], false);
    assert!(list["stats"]["api_calls"].as_u64().unwrap() > 0, "{list:#}");
    let developers_row = &list["assignments"][2];
    assert_eq!(developers_row["account_id"], pool_1.as_str());
    assert_eq!(developers_row["principal_kind"], "group");
    assert_eq!(developers_row["principal_id"], developers.as_str());
    assert_eq!(developers_row["permission_set_arn"], sets["ReadOnly"].as_str());

    let csv = stdout(&tool(&sandbox.url, dir).args(["-q", "sso", "list", "--output", "csv"]).output().unwrap());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "account,account id,kind,principal,principal id,permission set,state,from");
    assert_eq!(lines.len(), 4, "{csv}");
    assert_eq!(lines[3], format!("Pool-1,{pool_1},group,Developers,{developers},ReadOnly,managed,tier pool"));

    // Filters: the customer's account, an account by id, a principal.
    let acme = json(tool(&sandbox.url, dir).args(["-q", "sso", "list", "--customer", "ACME", "--output", "json"]));
    assert_eq!(
        rows(&acme),
        vec![
            row("Pool-1", "Auditors", "ReadOnly", "managed", "ou Workloads"),
            row("Pool-1", "Developers", "ReadOnly", "managed", "tier pool")
        ]
    );
    let beta = json(tool(&sandbox.url, dir).args(["-q", "sso", "list", "--account", &bridge_1, "--output", "json"]));
    assert_eq!(rows(&beta), vec![row("Bridge-1", "Auditors", "ReadOnly", "managed", "ou Workloads")]);
    let mine = json(tool(&sandbox.url, dir).args(["-q", "sso", "list", "--principal", "Developers", "--output", "json"]));
    assert_eq!(rows(&mine), vec![row("Pool-1", "Developers", "ReadOnly", "managed", "tier pool")]);
    for (flag, value, message) in [
        ("--customer", "Nobody", "error: customer Nobody is not registered\n"),
        ("--account", "Nowhere", "error: there is no account Nowhere in organization "),
    ] {
        let output = tool(&sandbox.url, dir).args(["sso", "list", flag, value]).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(stderr(&output).contains(message), "{}", stderr(&output));
    }

    // A grant made by hand to a group the repo does not name: only --all-principals reads it.
    let (instance, _) = sandbox.sso_instance().await;
    sandbox
        .ssoadmin()
        .await
        .create_account_assignment()
        .instance_arn(&instance)
        .target_id(&pool_1)
        .target_type(aws_sdk_ssoadmin::types::TargetType::AwsAccount)
        .permission_set_arn(&sets["ReadOnly"])
        .principal_type(aws_sdk_ssoadmin::types::PrincipalType::Group)
        .principal_id(&contractors)
        .send()
        .await
        .unwrap();
    let declared = json(tool(&sandbox.url, dir).args(["-q", "sso", "list", "--account", "Pool-1", "--output", "json"]));
    assert_eq!(rows(&declared).len(), 2);
    let everyone = json(tool(&sandbox.url, dir).args(["-q", "sso", "list", "--all-principals", "--account", "Pool-1", "--output", "json"]));
    assert_eq!(everyone["all_principals"], true);
    assert_eq!(
        rows(&everyone),
        vec![
            row("Pool-1", "Auditors", "ReadOnly", "managed", "ou Workloads"),
            row("Pool-1", "Contractors", "ReadOnly", "unmanaged", ""),
            row("Pool-1", "Developers", "ReadOnly", "managed", "tier pool"),
        ]
    );

    // --dry-run: the plan, and nothing written anywhere.
    let output = tool(&sandbox.url, dir)
        .args(["sso", "assign", "--group", "Developers", "--permission-set", "Admin", "--customer", "ACME", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("-> Admin in Pool-1 (from customer ACME)"), "{}", stdout(&output));
    assert!(stderr(&output).contains("Dry run: nothing was changed, in AWS or in the repo."), "{}", stderr(&output));
    assert_eq!(repo_text(dir), assigned);
    assert_eq!(grants_of(&sandbox, &developers, false).await, BTreeSet::from([(pool_1.clone(), sets["ReadOnly"].clone())]));

    // An unknown permission set is refused before any AWS call.
    let proxy = Proxy::start(&sandbox.url, &[]);
    let output = tool(&proxy.url, dir)
        .args(["sso", "assign", "--group", "Developers", "--permission-set", "PowerUser", "--tier", "pool", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: miyabi-org.toml declares no permission set PowerUser: `sso assign` only assigns a permission set the repo declares\n  = help: declare [sso.permission_set.\"PowerUser\"] first (its policies and session duration), then run this again\n"
    );
    assert_eq!(proxy.requests(), Vec::<String>::new());
    assert_eq!(repo_text(dir), assigned);

    // A grant that also comes from another rule stays when one rule lets it go.
    let output = tool(&sandbox.url, dir)
        .args(["sso", "assign", "--group", "Developers", "--permission-set", "ReadOnly", "--ou", "Workloads/Pool", "--yes"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("group Developers already gets ReadOnly in Pool-1 (from tier pool).\n"), "{}", stderr(&output));
    assert!(stdout(&output).contains("-> ReadOnly in Bridge-1 (from ou Workloads/Pool)"), "{}", stdout(&output));
    assert!(repo_text(dir).ends_with("tiers = [\"pool\"]\nous = [\"Workloads/Pool\"]\n"), "{}", repo_text(dir));
    let both = BTreeSet::from([(pool_1.clone(), sets["ReadOnly"].clone()), (bridge_1.clone(), sets["ReadOnly"].clone())]);
    assert_eq!(grants_of(&sandbox, &developers, false).await, both);

    let output = tool(&sandbox.url, dir)
        .args(["sso", "unassign", "--group", "Developers", "--permission-set", "ReadOnly", "--tier", "pool", "--yes"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("group Developers keeps ReadOnly in Pool-1 (from ou Workloads/Pool).\n"), "{}", stderr(&output));
    assert_eq!(stdout(&output), "miyabi-org.toml is updated; nothing to change in AWS.\n");
    let unassigned = repo_text(dir);
    assert_eq!(
        unassigned,
        format!("{applied}\n[[sso.assignment]]\ngroup = \"Developers\"\npermission_set = \"ReadOnly\"\nous = [\"Workloads/Pool\"]\n")
    );
    assert_eq!(grants_of(&sandbox, &developers, false).await, both);

    // unassign --dry-run changes nothing; unassign removes the rule, left empty, and the grants.
    let output = tool(&sandbox.url, dir)
        .args(["sso", "unassign", "--group", "Developers", "--permission-set", "ReadOnly", "--ou", "Workloads/Pool", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Plan: 0 to add, 0 to change, 2 to remove."), "{}", stdout(&output));
    assert_eq!(repo_text(dir), unassigned);
    assert_eq!(grants_of(&sandbox, &developers, false).await, both);

    let output = tool(&sandbox.url, dir)
        .args(["sso", "unassign", "--group", "Developers", "--permission-set", "ReadOnly", "--ou", "Workloads/Pool", "--yes"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(repo_text(dir), applied);
    assert_eq!(grants_of(&sandbox, &developers, false).await, BTreeSet::new());
    // The hand-made grant of another group in the same account and permission set is untouched.
    assert_eq!(grants_of(&sandbox, &contractors, false).await, BTreeSet::from([(pool_1.clone(), sets["ReadOnly"].clone())]));

    let output = tool(&sandbox.url, dir)
        .args(["sso", "unassign", "--group", "Developers", "--permission-set", "ReadOnly", "--ou", "Workloads/Pool", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("error: no [[sso.assignment]] gives group Developers permission set ReadOnly in ou Workloads/Pool\n"),
        "{}",
        stderr(&output)
    );
    assert_eq!(repo_text(dir), applied);
    tool(&sandbox.url, dir).args(["-q", "drift", "--only", "sso"]).assert().code(0);
}

#[tokio::test(flavor = "multi_thread")]
async fn users_accounts_by_either_spelling_and_the_permission_sets() {
    let (sandbox, repo, principals) = org_with_sso().await;
    let dir = repo.path();
    let (accounts, sets) = ids(&sandbox, dir);
    let security = accounts["Miyabi Security"].clone();
    let alice = principals["alice"].clone();
    let applied = repo_text(dir);

    // A user, and a core account by its id; unassigned by its name.
    tool(&sandbox.url, dir)
        .args(["-q", "sso", "assign", "--user", "alice", "--permission-set", "Admin", "--account", &security, "--yes"])
        .assert()
        .success();
    assert_eq!(
        repo_text(dir),
        format!("{applied}\n[[sso.assignment]]\nuser = \"alice\"\npermission_set = \"Admin\"\naccounts = [\"{security}\"]\n")
    );
    assert_eq!(grants_of(&sandbox, &alice, true).await, BTreeSet::from([(security.clone(), sets["Admin"].clone())]));
    let list = json(tool(&sandbox.url, dir).args(["-q", "sso", "list", "--principal", "alice", "--output", "json"]));
    assert_eq!(rows(&list), vec![row("Miyabi Security", "alice", "Admin", "managed", &format!("account {security}"))]);
    assert_eq!(list["assignments"][0]["principal_kind"], "user");
    let again = tool(&sandbox.url, dir)
        .args(["sso", "assign", "--user", "alice", "--permission-set", "Admin", "--account", "Miyabi Security", "--yes"])
        .output()
        .unwrap();
    assert_eq!(stdout(&again), "user alice already gets Admin in account Miyabi Security; nothing to change.\n");
    tool(&sandbox.url, dir)
        .args(["-q", "sso", "unassign", "--user", "alice", "--permission-set", "Admin", "--account", "Miyabi Security", "--yes"])
        .assert()
        .success();
    assert_eq!(repo_text(dir), applied);
    assert_eq!(grants_of(&sandbox, &alice, true).await, BTreeSet::new());

    // An unknown group is refused before anything is written.
    let output = tool(&sandbox.url, dir)
        .args(["sso", "assign", "--group", "Nobody", "--permission-set", "Admin", "--tier", "pool", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("error: the identity store has no group with DisplayName `Nobody`; nothing was changed\n"));
    assert_eq!(repo_text(dir), applied);

    // Declared and live permission sets: one made by hand, one declared and not created yet.
    let (instance, _) = sandbox.sso_instance().await;
    sandbox.ssoadmin().await.create_permission_set().instance_arn(&instance).name("Legacy").session_duration("PT2H").send().await.unwrap();
    let path = dir.join("miyabi-org.toml");
    std::fs::write(&path, applied.replace("[[sso.assignment]]\ngroup = \"Auditors\"", "[sso.permission_set.\"Billing\"]\nmanaged_policies = [\"arn:aws:iam::aws:policy/job-function/Billing\"]\n\n[[sso.assignment]]\ngroup = \"Auditors\"")).unwrap();
    let listed = json(tool(&sandbox.url, dir).args(["-q", "sso", "permission-sets", "--output", "json"]));
    assert_eq!(listed["instance_arn"], instance.as_str());
    let by_name = |name: &str| listed["permission_sets"].as_array().unwrap().iter().find(|s| s["name"] == name).cloned().unwrap();
    let names: Vec<&str> = listed["permission_sets"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Admin", "Billing", "Legacy", "ReadOnly"]);
    assert_eq!(
        by_name("ReadOnly"),
        serde_json::json!({
            "name": "ReadOnly", "declared": true, "live": true, "arn": sets["ReadOnly"], "session_duration": "PT4H",
            "policies": 1, "state": "up to date", "outdated_accounts": []
        })
    );
    assert_eq!(
        by_name("Billing"),
        serde_json::json!({
            "name": "Billing", "declared": true, "live": false, "arn": null, "session_duration": "PT1H",
            "policies": 1, "state": "missing", "outdated_accounts": []
        })
    );
    let legacy = by_name("Legacy");
    assert_eq!(
        (&legacy["declared"], &legacy["live"], &legacy["session_duration"], &legacy["policies"], &legacy["state"]),
        (&false.into(), &true.into(), &"PT2H".into(), &Value::Null, &"unmanaged".into())
    );
    let table = stdout(&tool(&sandbox.url, dir).args(["-q", "sso", "permission-sets"]).output().unwrap());
    assert!(table.lines().any(|l| l.contains("Billing") && l.contains("missing")), "{table}");

    // Assigning a declared permission set that does not exist yet creates it first, and only it.
    let output = tool(&sandbox.url, dir)
        .args(["sso", "assign", "--group", "Auditors", "--permission-set", "Billing", "--customer", "Beta", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = stdout(&output);
    assert!(plan.contains("+ permission set Billing (session PT1H)"), "{plan}");
    assert!(plan.contains("-> Billing in Bridge-1 (from customer Beta)"), "{plan}");
    assert!(plan.contains("Plan: 3 to add, 0 to change, 0 to remove."), "{plan}");
}

#[test]
fn assign_without_sso_is_refused_offline() {
    let repo = example_repo();
    let output = tool("http://127.0.0.1:9", repo.path())
        .args(["sso", "assign", "--group", "Developers", "--permission-set", "ReadOnly", "--tier", "pool", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: miyabi-org.toml has no [sso]: `sso assign` only assigns a permission set the repo declares\n  = help: declare [sso.permission_set.\"ReadOnly\"] first (its policies and session duration), then run this again\n"
    );
    let output = tool("http://127.0.0.1:9", repo.path())
        .args(["sso", "unassign", "--group", "Developers", "--permission-set", "ReadOnly", "--tier", "pool", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("error: no [[sso.assignment]] gives group Developers permission set ReadOnly in tier pool\n"));
    let output = tool("http://127.0.0.1:9", repo.path()).args(["sso", "list", "--output", "markdown"]).output().unwrap();
    assert_eq!(output.status.code(), Some(64));
}
