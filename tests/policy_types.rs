//! The policy types beyond SCPs and tag policies, against the sandbox through the real SDK: an RCP
//! at Workloads and an AI services opt-out policy at the root are enabled, created, attached and
//! kept, RCPFullAWSAccess is never touched, and drift made by hand is found and repaired.

mod support;

use std::collections::BTreeSet;

use aws_sdk_organizations::types::{PolicyType, TargetType};
use support::{Sandbox, example_repo, stdout, tool};

const DATA_PERIMETER: &str = include_str!("../policies/rcp/data-perimeter.json");
const OPT_OUT_ALL: &str = include_str!("../policies/ai-opt-out/opt-out-all.json");

/// The example org, which carries the RCP at Workloads and the AI opt-out policy at the root.
fn repo_with_other_types() -> tempfile::TempDir {
    let repo = example_repo();
    let file = |path: &str| std::fs::read_to_string(repo.path().join(path)).unwrap();
    assert_eq!(
        (file("policies/rcp/data-perimeter.json"), file("policies/ai-opt-out/opt-out-all.json")),
        (DATA_PERIMETER.into(), OPT_OUT_ALL.into())
    );
    repo
}

/// The names of the policies of a type attached to a target.
async fn attached(sandbox: &Sandbox, target: &str, kind: PolicyType) -> BTreeSet<String> {
    let out = sandbox.organizations().await.list_policies_for_target().target_id(target).filter(kind).send().await.unwrap();
    out.policies().iter().map(|p| p.name().unwrap().to_string()).collect()
}

async fn workloads_id(sandbox: &Sandbox) -> String {
    let root = sandbox.root_id().await;
    let out = sandbox.organizations().await.list_organizational_units_for_parent().parent_id(&root).send().await.unwrap();
    out.organizational_units().iter().find(|ou| ou.name() == Some("Workloads")).unwrap().id().unwrap().to_string()
}

async fn policy_id(sandbox: &Sandbox, name: &str, kind: PolicyType) -> String {
    let out = sandbox.organizations().await.list_policies().filter(kind).send().await.unwrap();
    out.policies().iter().find(|p| p.name() == Some(name)).unwrap().id().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_rcp_and_an_ai_opt_out_policy_are_applied_kept_and_repaired() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = repo_with_other_types();
    let (url, dir) = (sandbox.url.as_str(), repo.path());

    let plan = stdout(tool(url, dir).args(["plan"]).assert().code(0).get_output());
    for line in [
        "~ enable RESOURCE_CONTROL_POLICY on the root",
        "~ enable AISERVICES_OPT_OUT_POLICY on the root",
        "+ RCP data-perimeter",
        "+ AI services opt-out policy opt-out-all",
        "+ RCP data-perimeter -> OU Workloads",
        "+ AI services opt-out policy opt-out-all -> root",
    ] {
        assert!(plan.contains(line), "{line}\n{plan}");
    }
    tool(url, dir).args(["-q", "apply", "--yes"]).assert().success();
    tool(url, dir).args(["-q", "drift"]).assert().code(0);

    let (root, workloads) = (sandbox.root_id().await, workloads_id(&sandbox).await);
    let listed = sandbox.organizations().await.list_roots().send().await.unwrap();
    let enabled: BTreeSet<String> = listed.roots()[0].policy_types().iter().map(|t| t.r#type().unwrap().as_str().to_string()).collect();
    assert!(enabled.is_superset(&BTreeSet::from(["RESOURCE_CONTROL_POLICY".to_string(), "AISERVICES_OPT_OUT_POLICY".to_string()])));
    // AWS's RCPFullAWSAccess stays where AWS put it, next to the repo's RCP.
    assert_eq!(
        attached(&sandbox, &workloads, PolicyType::ResourceControlPolicy).await,
        BTreeSet::from(["RCPFullAWSAccess".to_string(), "data-perimeter".to_string()])
    );
    assert_eq!(attached(&sandbox, &root, PolicyType::ResourceControlPolicy).await, BTreeSet::from(["RCPFullAWSAccess".to_string()]));
    assert_eq!(attached(&sandbox, &root, PolicyType::AiservicesOptOutPolicy).await, BTreeSet::from(["opt-out-all".to_string()]));

    // By hand: the RCP loosened, the AI opt-out policy detached from the root.
    let orgs = sandbox.organizations().await;
    let rcp = policy_id(&sandbox, "data-perimeter", PolicyType::ResourceControlPolicy).await;
    let loosened = DATA_PERIMETER.replace("\"kms:*\", ", "");
    assert_ne!(loosened, DATA_PERIMETER);
    orgs.update_policy().policy_id(&rcp).content(loosened).send().await.unwrap();
    let ai = policy_id(&sandbox, "opt-out-all", PolicyType::AiservicesOptOutPolicy).await;
    orgs.detach_policy().policy_id(&ai).target_id(&root).send().await.unwrap();

    let drift = stdout(tool(url, dir).args(["drift"]).assert().code(2).get_output());
    assert!(drift.contains("~ RCP data-perimeter"), "{drift}");
    assert!(drift.contains("+ AI services opt-out policy opt-out-all -> root"), "{drift}");
    tool(url, dir).args(["-q", "apply", "--yes"]).assert().success();
    tool(url, dir).args(["-q", "drift"]).assert().code(0);
    let targets = orgs.list_targets_for_policy().policy_id(&ai).send().await.unwrap();
    assert_eq!(targets.targets().iter().map(|t| t.r#type().cloned()).collect::<Vec<_>>(), [Some(TargetType::Root)]);
}

#[tokio::test(flavor = "multi_thread")]
async fn explain_names_the_policy_that_decides_from_the_organization_and_from_the_repo() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = repo_with_other_types();
    let (url, dir) = (sandbox.url.as_str(), repo.path());
    tool(url, dir).args(["-q", "apply", "--yes"]).assert().success();
    tool(url, dir).args(["-q", "account", "create", "--pool", "1", "--customer", "ACME", "--yes"]).assert().success();
    let explain = |args: &[&str]| support::json(tool(url, dir).args(args).args(["--output", "json"]));

    let leave = explain(&["scp", "explain", "--account", "Pool-1", "--action", "organizations:LeaveOrganization"]);
    assert_eq!(leave["verdict"]["verdict"], "denied_by", "{leave}");
    assert_eq!((leave["verdict"]["policy"].as_str(), leave["verdict"]["level"].as_str()), (Some("deny-leave-organization"), Some("root")));
    let levels: Vec<&str> = leave["levels"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert_eq!(levels, ["root", "Workloads", "Workloads/Pool", "Pool-1"]);

    // The region guard is conditioned: allowed, and the condition named rather than guessed.
    let text = stdout(
        tool(url, dir).args(["scp", "explain", "--account", "Pool-1", "--action", "ec2:RunInstances"]).assert().success().get_output(),
    );
    assert!(text.starts_with("allowed\n"), "{text}");
    assert!(text.contains("depends on: Deny in region-guard"), "{text}");

    let rcp = explain(&["rcp", "explain", "--account", "Pool-1", "--action", "s3:GetObject"]);
    assert_eq!(rcp["verdict"]["verdict"], "allowed", "{rcp}");
    assert_eq!(rcp["depends_on"][0]["policy"], "data-perimeter", "{rcp}");

    // Every member account in one read: the root's deny reaches them all.
    let all = explain(&["scp", "explain", "--all-accounts", "--action", "organizations:LeaveOrganization"]);
    assert_eq!(all["not_allowed"].as_array().unwrap().len() as u64, all["accounts"].as_u64().unwrap(), "{all}");
    assert!(all["accounts"].as_u64().unwrap() >= 4, "{all}");

    // From the repo alone: the same verdict with no AWS endpoint at all.
    let offline = support::json(tool("http://127.0.0.1:9", dir).args([
        "scp",
        "explain",
        "--repo",
        "--account",
        "Pool-1",
        "--action",
        "organizations:LeaveOrganization",
        "--output",
        "json",
    ]));
    assert_eq!(offline["verdict"], leave["verdict"], "{offline}");
    let refused = tool(url, dir).args(["scp", "explain", "--account", "Pool-1", "--action", "LeaveOrganization"]).assert().code(64);
    assert!(support::stderr(refused.get_output()).contains("is not service:Action"));
}
