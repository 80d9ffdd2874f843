use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use super::*;
use crate::model::{DesiredPolicy, TargetPolicies};
use crate::observe::{Account, Organization, Ou, Policy, Root, Tags};

fn managed() -> Tags {
    Tags::from([("managed-by".to_string(), "miyabi-org".to_string())])
}

fn deny(action: &str) -> serde_json::Value {
    json!({"Version": "2012-10-17", "Statement": [{"Sid": "Deny", "Effect": "Deny", "Action": action, "Resource": "*"}]})
}

/// An organization with a root, FullAWSAccess on the root, and nothing else.
fn empty_org() -> Snapshot {
    Snapshot {
        organization: Organization { id: "o-exampleorg1".into(), management_account_id: "111111111111".into() },
        root: Root { id: "r-root".into(), name: "Root".into(), policy_types: BTreeSet::from([PolicyKind::ServiceControl]) },
        ous: Vec::new(),
        ou_tags: BTreeMap::new(),
        accounts: vec![Account {
            id: "111111111111".into(),
            name: "Management".into(),
            email: "root@example.com".into(),
            status: "ACTIVE".into(),
            parent_id: "r-root".into(),
            tags: Tags::new(),
        }],
        policies: vec![Policy {
            id: "p-FullAWSAccess".into(),
            name: FULL.into(),
            kind: PolicyKind::ServiceControl,
            description: "Allows access to every operation".into(),
            aws_managed: true,
            content: None,
            tags: Tags::new(),
            targets: vec!["r-root".into()],
        }],
        budgets: None,
    }
}

const FULL: &str = "FullAWSAccess";

fn add_ou(s: &mut Snapshot, id: &str, name: &str, parent: &str, tags: Option<Tags>) {
    s.ous.push(Ou { id: id.into(), name: name.into(), parent_id: parent.into() });
    if let Some(tags) = tags {
        s.ou_tags.insert(id.into(), tags);
    }
    attach(s, FULL, id);
}

fn add_policy(s: &mut Snapshot, id: &str, name: &str, content: &serde_json::Value, tags: Tags, targets: &[&str]) {
    s.policies.push(Policy {
        id: id.into(),
        name: name.into(),
        kind: PolicyKind::ServiceControl,
        description: crate::model::default_description(PolicyKind::ServiceControl, name),
        aws_managed: false,
        content: Some(serde_json::to_string_pretty(content).unwrap()),
        tags,
        targets: targets.iter().map(|t| t.to_string()).collect(),
    });
}

fn attach(s: &mut Snapshot, policy: &str, target: &str) {
    let policy = s.policies.iter_mut().find(|p| p.name == policy).unwrap();
    policy.targets.push(target.into());
    policy.targets.sort();
}

fn scps(names: &[&str]) -> TargetPolicies {
    TargetPolicies { by_kind: BTreeMap::from([(PolicyKind::ServiceControl, names.iter().map(|n| n.to_string()).collect())]) }
}

/// Root: FullAWSAccess + deny-leave; Workloads and Workloads/Pool; Workloads gets region-guard.
fn desired() -> Desired {
    let policy = |action: &str, name: &str| {
        (
            PolicyKey { kind: PolicyKind::ServiceControl, name: name.into() },
            DesiredPolicy { content: deny(action), description: crate::model::default_description(PolicyKind::ServiceControl, name) },
        )
    };
    Desired {
        root: Some(scps(&[FULL, "deny-leave"])),
        ous: BTreeMap::from([("Workloads".into(), scps(&[FULL, "region-guard"])), ("Workloads/Pool".into(), scps(&[FULL]))]),
        policies: BTreeMap::from([policy("organizations:LeaveOrganization", "deny-leave"), policy("ec2:*", "region-guard")]),
        ignore_policies: vec!["aws-guardrails-*".into()],
        ..Desired::default()
    }
}

/// The organization exactly as `desired()` wants it.
fn converged() -> Snapshot {
    let mut s = empty_org();
    add_ou(&mut s, "ou-work", "Workloads", "r-root", None);
    add_ou(&mut s, "ou-pool", "Pool", "ou-work", None);
    add_policy(&mut s, "p-leave", "deny-leave", &deny("organizations:LeaveOrganization"), managed(), &["r-root"]);
    add_policy(&mut s, "p-region", "region-guard", &deny("ec2:*"), managed(), &["ou-work"]);
    s
}

fn plan(desired: &Desired, snapshot: &Snapshot) -> Plan {
    create_plan(desired, snapshot, &Scope::all()).unwrap()
}

fn lines(plan: &Plan) -> String {
    changes(&plan.changes)
}

fn changes(changes: &[Change]) -> String {
    changes.iter().map(render_change_line).collect::<Vec<_>>().join("\n")
}

#[test]
fn empty_organization_is_built_in_order() {
    let plan = plan(&desired(), &empty_org());
    insta::assert_snapshot!(lines(&plan), @r"
    + OU Workloads
    + OU Workloads/Pool
    + SCP deny-leave
    + SCP region-guard
    + SCP deny-leave -> root
    + SCP region-guard -> OU Workloads
    ");
}

#[test]
fn a_new_ou_loses_full_aws_access_when_not_declared() {
    let mut d = desired();
    d.ous.insert("Workloads/Pool".into(), scps(&["region-guard"]));
    let plan = plan(&d, &empty_org());
    insta::assert_snapshot!(changes(&plan.changes.iter().filter(|c| c.phase() >= Phase::Attach).cloned().collect::<Vec<_>>()), @r"
    + SCP deny-leave -> root
    + SCP region-guard -> OU Workloads
    + SCP region-guard -> OU Workloads/Pool
    - SCP FullAWSAccess -/-> OU Workloads/Pool
    ");
}

#[test]
fn converged_organization_has_no_changes_and_the_same_plan_twice() {
    let plan = plan(&desired(), &converged());
    assert!(plan.is_empty(), "{}", lines(&plan));
    assert!(plan.unmanaged.is_empty());
    assert_eq!(render_text(&plan), "No changes. The organization matches the repo.\n");
}

#[test]
fn policy_type_is_enabled_first() {
    let mut s = converged();
    s.root.policy_types.clear();
    insta::assert_snapshot!(lines(&plan(&desired(), &s)), @"~ enable SERVICE_CONTROL_POLICY on the root");
}

#[test]
fn formatting_and_key_order_are_not_drift() {
    let mut s = converged();
    s.policies[1].content = Some(r#"{"Statement":[{"Resource":"*","Action":"organizations:LeaveOrganization","Effect":"Deny","Sid":"Deny"}],"Version":"2012-10-17"}"#.into());
    assert!(plan(&desired(), &s).is_empty());
}

#[test]
fn hand_attached_policy_is_detached_and_reported_unmanaged() {
    let mut s = converged();
    add_policy(&mut s, "p-hand", "allow-all-hand", &deny("s3:*"), Tags::new(), &["ou-work"]);
    let plan = plan(&desired(), &s);
    insta::assert_snapshot!(render_text(&plan), @r"
    Attachments
      - SCP allow-all-hand -/-> OU Workloads

    Plan: 0 to add, 0 to change, 1 to remove.

    Unmanaged (left alone)
      ? policy allow-all-hand (p-hand): SCP not in policies/scp/ and not tagged managed-by=miyabi-org; attached to Workloads
    ");
}

#[test]
fn edited_content_shows_a_line_diff() {
    let mut s = converged();
    let region = s.policies.iter_mut().find(|p| p.name == "region-guard").unwrap();
    region.content = Some(deny("ec2:RunInstances").to_string());
    region.description = "edited by hand".into();
    region.tags = Tags::new();
    let plan = plan(&desired(), &s);
    insta::assert_snapshot!(render_text(&plan), @r#"
    Policies
      ~ SCP region-guard (content, description)
          description: "edited by hand" -> "managed by miyabi-org: policies/scp/region-guard.json"
                  "Effect": "Deny",
          -       "Action": "ec2:RunInstances",
          +       "Action": "ec2:*",
                  "Resource": "*"
      ~ SCP region-guard: tag managed-by=miyabi-org

    Plan: 0 to add, 2 to change, 0 to remove.
    "#);
}

#[test]
fn root_keeps_full_aws_access_and_a_target_keeps_an_scp_throughout() {
    let mut s = converged();
    add_policy(&mut s, "p-extra", "extra", &deny("iam:*"), managed(), &["ou-pool"]);
    let mut d = desired();
    d.ous.insert("Workloads/Pool".into(), scps(&["region-guard"]));
    let plan = plan(&d, &s);
    insta::assert_snapshot!(lines(&plan), @r"
    - SCP extra -/-> OU Workloads/Pool
    + SCP region-guard -> OU Workloads/Pool
    - SCP FullAWSAccess -/-> OU Workloads/Pool
    - SCP extra (p-extra)
    ");
    assert!(!lines(&plan).contains("-/-> root"));
}

#[test]
fn deleting_the_last_scp_of_an_unmanaged_target_is_refused() {
    let mut s = converged();
    add_ou(&mut s, "ou-legacy", "Legacy", "r-root", Some(Tags::new()));
    s.policies[0].targets.retain(|t| t != "ou-legacy");
    add_policy(&mut s, "p-old", "old", &deny("iam:*"), managed(), &["ou-legacy"]);
    let err = create_plan(&desired(), &s, &Scope::all()).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"cannot delete SCP old: Legacy, which the repo does not manage, would be left without an SCP");
}

#[test]
fn undeclared_ous_are_deleted_only_when_managed_and_empty() {
    let mut s = converged();
    add_ou(&mut s, "ou-empty", "Retired", "r-root", Some(managed()));
    add_ou(&mut s, "ou-child", "Child", "ou-empty", Some(managed()));
    add_ou(&mut s, "ou-busy", "Busy", "r-root", Some(managed()));
    add_ou(&mut s, "ou-theirs", "Theirs", "r-root", Some(Tags::new()));
    s.accounts.push(Account {
        id: "222222222222".into(),
        name: "Busy account".into(),
        email: "b@example.com".into(),
        status: "ACTIVE".into(),
        parent_id: "ou-busy".into(),
        tags: Tags::new(),
    });
    let plan = plan(&desired(), &s);
    insta::assert_snapshot!(render_text(&plan), @r"
    Organizational units
      - OU Retired/Child (ou-child)
      - OU Retired (ou-empty)

    Plan: 0 to add, 0 to change, 2 to remove.

    Unmanaged (left alone)
      ? ou Theirs (ou-theirs): not in miyabi-org.toml and not tagged managed-by=miyabi-org
      ? account Busy account (222222222222): not declared in the repo; in Busy

    warning: OU Busy is managed by miyabi-org but no longer declared; it still holds 1 account(s) and 0 OU(s) that are not being deleted, so it is kept: move them out and plan again
    ");
}

#[test]
fn ignored_policies_are_left_alone_entirely() {
    let mut s = converged();
    add_policy(&mut s, "p-ct", "aws-guardrails-XyZ", &deny("config:*"), Tags::new(), &["ou-work", "r-root"]);
    let plan = plan(&desired(), &s);
    assert!(plan.is_empty() && plan.unmanaged.is_empty(), "{}", render_text(&plan));
}

#[test]
fn only_scp_skips_ous_and_attachments_to_missing_ous() {
    let plan = create_plan(&desired(), &empty_org(), &BTreeSet::from([Scope::Scp])).unwrap();
    insta::assert_snapshot!(lines(&plan), @r"
    + SCP deny-leave
    + SCP region-guard
    + SCP deny-leave -> root
    ");
}

#[test]
fn only_ou_plans_no_policy_change() {
    let mut s = converged();
    s.ous.retain(|ou| ou.id != "ou-pool");
    add_policy(&mut s, "p-hand", "hand", &deny("s3:*"), Tags::new(), &["ou-work"]);
    let plan = create_plan(&desired(), &s, &BTreeSet::from([Scope::Ou])).unwrap();
    insta::assert_snapshot!(lines(&plan), @"+ OU Workloads/Pool");
    assert_eq!(plan.unmanaged.len(), 1);
}

#[test]
fn fingerprint_follows_the_state() {
    let (a, mut b) = (converged(), converged());
    assert_eq!(a.fingerprint(), b.fingerprint());
    attach(&mut b, "deny-leave", "ou-pool");
    assert_ne!(a.fingerprint(), b.fingerprint());
}

#[test]
fn saved_plan_json_is_stable() {
    let plan = plan(&desired(), &empty_org());
    insta::assert_json_snapshot!(plan.changes[..3], @r#"
    [
      {
        "action": "create_ou",
        "path": "Workloads"
      },
      {
        "action": "create_ou",
        "path": "Workloads/Pool"
      },
      {
        "action": "create_policy",
        "policy_type": "SERVICE_CONTROL_POLICY",
        "name": "deny-leave",
        "description": "managed by miyabi-org: policies/scp/deny-leave.json",
        "content": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Deny\",\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}"
      }
    ]
    "#);
    let back: Vec<Change> = serde_json::from_value(serde_json::to_value(&plan.changes).unwrap()).unwrap();
    assert_eq!(back, plan.changes);
}

#[test]
fn markdown_for_pull_requests() {
    let mut s = converged();
    add_policy(&mut s, "p-hand", "hand", &deny("s3:*"), Tags::new(), &["ou-pool"]);
    insta::assert_snapshot!(render_markdown(&plan(&desired(), &s)), @r"
    ### miyabi-org: drift in `o-exampleorg1`

    Plan: 0 to add, 0 to change, 1 to remove.

    ```diff
    - SCP hand -/-> OU Workloads/Pool
    ```

    #### Unmanaged (left alone)

    | kind | name | id | detail |
    | --- | --- | --- | --- |
    | policy | hand | `p-hand` | SCP not in policies/scp/ and not tagged managed-by=miyabi-org; attached to Workloads/Pool |
    ");
}

#[test]
fn a_target_at_its_limit_of_scps_makes_room_before_attaching() {
    // Workloads holds five SCPs, AWS's default limit: attaching first would be refused.
    let mut s = converged();
    for name in ["hand-1", "hand-2", "hand-3"] {
        add_policy(&mut s, &format!("p-{name}"), name, &deny("s3:*"), Tags::new(), &["ou-work"]);
    }
    let mut d = desired();
    d.ous.insert("Workloads".into(), scps(&[FULL, "region-guard", "deny-leave"]));
    insta::assert_snapshot!(lines(&plan(&d, &s)), @r"
    - SCP hand-1 -/-> OU Workloads
    - SCP hand-2 -/-> OU Workloads
    - SCP hand-3 -/-> OU Workloads
    + SCP deny-leave -> OU Workloads
    ");
}

#[test]
fn deleting_every_scp_of_an_unmanaged_target_is_refused() {
    let mut s = converged();
    add_ou(&mut s, "ou-legacy", "Legacy", "r-root", Some(Tags::new()));
    s.policies[0].targets.retain(|t| t != "ou-legacy");
    add_policy(&mut s, "p-old-1", "old-1", &deny("iam:*"), managed(), &["ou-legacy"]);
    add_policy(&mut s, "p-old-2", "old-2", &deny("iam:*"), managed(), &["ou-legacy"]);
    let err = create_plan(&desired(), &s, &Scope::all()).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"cannot delete SCP old-1: Legacy, which the repo does not manage, would be left without an SCP");
}

#[test]
fn a_target_without_an_scp_it_wants_never_holds_more_or_none() {
    // Pool holds only a hand-attached SCP; it wants two others. The one it has leaves between them.
    let mut s = converged();
    s.policies[0].targets.retain(|t| t != "ou-pool");
    add_policy(&mut s, "p-hand", "hand", &deny("s3:*"), Tags::new(), &["ou-pool"]);
    let mut d = desired();
    d.ous.insert("Workloads/Pool".into(), scps(&["region-guard", "deny-leave"]));
    insta::assert_snapshot!(lines(&plan(&d, &s)), @r"
    + SCP deny-leave -> OU Workloads/Pool
    - SCP hand -/-> OU Workloads/Pool
    + SCP region-guard -> OU Workloads/Pool
    ");
}

mod accounts;
