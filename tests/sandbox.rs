//! Whole commands against moto through the real SDK: apply, idempotence, drift, saved plans,
//! unmanaged resources and deletions.

mod support;

use serde_json::Value;
use support::{Sandbox, edit, example_repo, json, stderr, stdout, tool};

fn operations(report: &Value) -> Vec<String> {
    report["changes"].as_array().unwrap().iter().map(|c| c["action"].as_str().unwrap().to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn apply_builds_the_example_org_and_a_second_apply_changes_nothing() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();

    tool(&sandbox.url, dir).arg("validate").assert().success();
    let plan = json(tool(&sandbox.url, dir).args(["plan", "--output", "json"]));
    assert_eq!(plan["summary"]["add"], 36, "{plan:#}");
    tool(&sandbox.url, dir).args(["plan", "--detailed-exitcode"]).assert().code(2);

    let output = tool(&sandbox.url, dir).args(["apply", "--yes"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("Applied 43 changes."), "{}", stderr(&output));

    let output = tool(&sandbox.url, dir).args(["apply", "--yes"]).output().unwrap();
    assert!(output.status.success());
    assert_eq!(stdout(&output), "No changes. The organization matches the repo.\n");
    tool(&sandbox.url, dir).args(["plan", "--detailed-exitcode"]).assert().code(0);

    let drift = json(tool(&sandbox.url, dir).args(["drift", "--output", "json"]));
    assert_eq!(drift["drift"], false);
    assert_eq!(drift["changes"], Value::Array(vec![]));
    assert!(drift["stats"]["api_calls"].as_u64().unwrap() > 0);
    let by_operation = drift["stats"]["api_calls_by_operation"].as_object().unwrap();
    let allowed = [
        "DescribeOrganization",
        "GetCallerIdentity",
        "ListRoots",
        "ListOrganizationalUnitsForParent",
        "ListAccountsForParent",
        "ListPolicies",
        "DescribePolicy",
        "ListTargetsForPolicy",
        "ListTagsForResource",
        "DescribeBudgets",
        "DescribeNotificationsForBudget",
    ];
    for operation in by_operation.keys() {
        assert!(allowed.contains(&operation.as_str()), "drift called {operation}");
    }

    // The tool's own reads agree with what was declared.
    let tree = json(tool(&sandbox.url, dir).args(["org", "tree", "--output", "json"]));
    let root_scps: Vec<&str> = tree["root"]["scps"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(root_scps, ["FullAWSAccess", "deny-leave-organization", "deny-root-user"]);
    let workloads = tree["root"]["children"].as_array().unwrap().iter().find(|c| c["name"] == "Workloads").unwrap();
    assert_eq!(workloads["children"].as_array().unwrap().len(), 5);
    let ous = json(tool(&sandbox.url, dir).args(["ou", "list", "--output", "json"]));
    assert!(ous["ous"].as_array().unwrap().iter().all(|ou| ou["state"] == "in-sync"), "{ous:#}");

    // FullAWSAccess is on every target: a terminal gets them counted, -v and CSV name every one.
    let list = tool(&sandbox.url, dir).args(["scp", "list"]).output().unwrap();
    let row = stdout(&list).lines().find(|l| l.contains("FullAWSAccess")).unwrap().to_string();
    assert!(row.contains("root, 9 OUs, 4 accounts") && !row.contains("Workloads/Pool"), "{}", stdout(&list));
    assert!(stderr(&list).contains("-v, --output csv or --output json names every one"), "{}", stderr(&list));
    let verbose = stdout(&tool(&sandbox.url, dir).args(["-v", "scp", "list"]).output().unwrap());
    assert!(verbose.lines().any(|l| l.contains("FullAWSAccess") && l.contains("Workloads/Pool")), "{verbose}");
    let csv = stdout(&tool(&sandbox.url, dir).args(["scp", "list", "--output", "csv"]).output().unwrap());
    assert!(csv.lines().any(|l| l.starts_with("FullAWSAccess,") && l.contains("Workloads/Pool")), "{csv}");
}

#[tokio::test(flavor = "multi_thread")]
async fn drift_reports_hand_made_changes_and_apply_repairs_them() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["apply", "--yes"]).assert().success();

    // Behind the tool's back: a policy attached by hand, and a managed policy edited.
    let org = sandbox.organizations().await;
    let root = sandbox.root_id().await;
    let ous = org.list_organizational_units_for_parent().parent_id(&root).send().await.unwrap();
    let security = ous.organizational_units().iter().find(|ou| ou.name() == Some("Security")).unwrap().id().unwrap().to_string();
    let hand_id = sandbox.create_scp_by_hand("hand-made", "s3:DeleteBucket").await;
    sandbox.attach(&hand_id, &security).await;
    let policies = org.list_policies().filter(aws_sdk_organizations::types::PolicyType::ServiceControlPolicy).send().await.unwrap();
    let region = policies.policies().iter().find(|p| p.name() == Some("region-guard")).unwrap().id().unwrap().to_string();
    org.update_policy()
        .policy_id(&region)
        .content(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:*","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap();

    let output = tool(&sandbox.url, dir).arg("drift").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("- SCP hand-made -/-> OU Security"), "{text}");
    assert!(text.contains("~ SCP region-guard (content)"), "{text}");
    assert!(text.contains("? policy hand-made"), "{text}");

    let drift = json(tool(&sandbox.url, dir).args(["drift", "--output", "json"]));
    assert_eq!(operations(&drift), ["update_policy", "detach_policy"]);
    assert_eq!(drift["unmanaged"][0]["name"], "hand-made");

    let markdown = tool(&sandbox.url, dir).args(["drift", "--output", "markdown"]).output().unwrap();
    assert_eq!(markdown.status.code(), Some(2));
    assert!(stdout(&markdown).starts_with("### miyabi-org: drift in `o-"), "{}", stdout(&markdown));

    // The summary first; each change on the file and line that declare it.
    let github = tool(&sandbox.url, dir).args(["drift", "--output", "github"]).output().unwrap();
    assert_eq!(github.status.code(), Some(2));
    let text = stdout(&github);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0], "::notice title=miyabi-org drift::Plan: 0 to add, 1 to change, 1 to remove.");
    assert!(
        lines[1].starts_with(
            "::warning file=policies/scp/region-guard.json,title=miyabi-org drift%3A Policies::~ SCP region-guard (content)%0A"
        ),
        "{text}"
    );
    assert_eq!(
        lines[2],
        "::warning file=miyabi-org.toml,line=27,col=5,title=miyabi-org drift%3A Attachments::- SCP hand-made -/-> OU Security"
    );
    assert!(
        lines[3]
            .starts_with("::notice title=miyabi-org drift%3A unmanaged (left alone)::1 policy not in the repo, left alone: hand-made (p-"),
        "{text}"
    );

    tool(&sandbox.url, dir).args(["apply", "--yes"]).assert().success();
    tool(&sandbox.url, dir).arg("drift").assert().code(0);
    // The unmanaged policy was only detached, never deleted.
    org.describe_policy().policy_id(&hand_id).send().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_plan_is_applied_as_shown_and_refused_once_the_org_changed() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["plan", "--out", "plan.json"]).assert().success();
    tool(&sandbox.url, dir).args(["apply", "plan.json", "--yes"]).assert().success();
    tool(&sandbox.url, dir).arg("drift").assert().code(0);

    edit(dir, "miyabi-org.toml", r#"scps = ["FullAWSAccess", "region-guard"]"#, r#"scps = ["FullAWSAccess"]"#);
    tool(&sandbox.url, dir).args(["plan", "--out", "plan.json"]).assert().success();
    let org = sandbox.organizations().await;
    org.create_organizational_unit().parent_id(sandbox.root_id().await).name("Made-by-hand").send().await.unwrap();
    let output = tool(&sandbox.url, dir).args(["apply", "plan.json", "--yes"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).lines().filter(|l| !l.starts_with("Reading")).collect::<Vec<_>>().join("\n"),
        "error: the organization changed since plan.json was made\n  = help: run `miyabi-org plan --out FILE` again, review it, and apply the new file"
    );
    // Nothing was applied: Sandbox still has region-guard.
    let plan = json(tool(&sandbox.url, dir).args(["plan", "--output", "json"]));
    assert_eq!(operations(&plan), ["detach_policy"]);
    assert_eq!(plan["unmanaged"][0]["name"], "Made-by-hand");
}

#[tokio::test(flavor = "multi_thread")]
async fn policies_and_ous_removed_from_the_repo_are_deleted_and_unmanaged_ones_kept() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["apply", "--yes"]).assert().success();

    // Remove the Sandbox OU and the region-guard policy from the repo.
    edit(dir, "miyabi-org.toml", "[ou.\"Sandbox\"]\nscps = [\"FullAWSAccess\", \"region-guard\"]\n", "");
    edit(
        dir,
        "miyabi-org.toml",
        r#"scps = ["FullAWSAccess", "region-guard", "protect-security-services", "protect-platform-roles"]"#,
        r#"scps = ["FullAWSAccess", "protect-security-services", "protect-platform-roles"]"#,
    );
    edit(dir, "miyabi-org.toml", "[policy.\"region-guard\"]\ndescription = \"Regional services only in the regions Miyabi runs in\"\n", "");
    std::fs::remove_file(dir.join("policies/scp/region-guard.json")).unwrap();

    let plan = json(tool(&sandbox.url, dir).args(["plan", "--output", "json"]));
    assert_eq!(operations(&plan), ["detach_policy", "detach_policy", "delete_ou", "delete_policy"], "{plan:#}");
    tool(&sandbox.url, dir).args(["apply", "--yes"]).assert().success();
    tool(&sandbox.url, dir).arg("drift").assert().code(0);
    let list = json(tool(&sandbox.url, dir).args(["scp", "list", "--output", "json"]));
    assert!(!list["policies"].as_array().unwrap().iter().any(|p| p["name"] == "region-guard"));
}

#[tokio::test(flavor = "multi_thread")]
async fn reads_are_read_only() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let proxy = support::Proxy::start(&sandbox.url, &[]);
    for args in [
        &["drift"][..],
        &["plan"],
        &["org", "show"],
        &["org", "tree"],
        &["ou", "list"],
        &["scp", "list"],
        &["validate"],
        &["scp", "validate"],
    ] {
        let output = tool(&proxy.url, repo.path()).args(args).output().unwrap();
        assert!(output.status.code().unwrap() <= 2, "{args:?}: {}", stderr(&output));
    }
    assert!(!proxy.requests().is_empty());
    assert_eq!(proxy.writes(), Vec::<String>::new());
}
