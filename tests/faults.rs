//! Through the fault proxy (throttling, HTTP 500s, delays) the tool gives the same results as
//! without it, and an apply killed half-way converges when run again.

mod support;

use std::collections::BTreeSet;
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
            "error: apply failed: 11 changes done, 6 failed, 20 not attempted\n  = help: fix the cause shown above and run apply again: it plans from the live state and converges\n"
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
