use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use super::*;
use crate::diagnostic::Level;
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
        sso: None,
        workers: None,
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
    insta::assert_snapshot!(render_markdown(&plan(&desired(), &s), "drift"), @r"
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

/// The converged organization plus what people made by hand around it: 14 OUs, 1,000 accounts in
/// them and 10 SCPs attached to the root, every OU and every account, none of it in the repo.
fn thousand_accounts() -> Snapshot {
    let mut s = converged();
    for team in 1..=14 {
        add_ou(&mut s, &format!("ou-team{team:02}"), &format!("Team-{team:02}"), "r-root", Some(Tags::new()));
    }
    for n in 1..=1000 {
        let id = format!("{:012}", 100_000_000_000_u64 + n);
        s.accounts.push(Account {
            id: id.clone(),
            name: format!("Acct-{n:04}"),
            email: format!("acct-{n:04}@example.com"),
            status: "ACTIVE".into(),
            parent_id: format!("ou-team{:02}", n % 14 + 1),
            tags: Tags::new(),
        });
        attach(&mut s, FULL, &id);
    }
    let everywhere: Vec<String> = s.accounts.iter().map(|a| a.id.clone()).chain(s.ous.iter().map(|ou| ou.id.clone())).collect();
    for n in 0..10 {
        let mut targets: Vec<&str> = everywhere.iter().map(String::as_str).collect();
        targets.push("r-root");
        add_policy(&mut s, &format!("p-hand{n}"), &format!("hand-{n}"), &deny("s3:*"), Tags::new(), &targets);
    }
    s
}

#[test]
fn text_summarises_a_thousand_unmanaged_accounts_and_v_lists_them_all() {
    let plan = plan(&desired(), &thousand_accounts());
    assert_eq!(plan.unmanaged.len(), 14 + 1000 + 10);
    let text = render_text(&plan);
    assert!(text.lines().all(|l| l.chars().count() < 200), "{text}");
    insta::assert_snapshot!(text.lines().skip_while(|l| !l.starts_with("Plan:")).collect::<Vec<_>>().join("\n"), @r"
    Plan: 0 to add, 0 to change, 30 to remove.

    Unmanaged (left alone): 14 OUs, 1,000 accounts, 10 policies
      ? ou Team-01 (ou-team01): not in miyabi-org.toml and not tagged managed-by=miyabi-org
      ? ou Team-02 (ou-team02): not in miyabi-org.toml and not tagged managed-by=miyabi-org
      ? ou Team-03 (ou-team03): not in miyabi-org.toml and not tagged managed-by=miyabi-org
      ? ou Team-04 (ou-team04): not in miyabi-org.toml and not tagged managed-by=miyabi-org
      ? ou Team-05 (ou-team05): not in miyabi-org.toml and not tagged managed-by=miyabi-org
      ? ... and 9 more OUs
      ? account Acct-0001 (100000000001): not declared in the repo; in Team-02
      ? account Acct-0002 (100000000002): not declared in the repo; in Team-03
      ? account Acct-0003 (100000000003): not declared in the repo; in Team-04
      ? account Acct-0004 (100000000004): not declared in the repo; in Team-05
      ? account Acct-0005 (100000000005): not declared in the repo; in Team-06
      ? ... and 995 more accounts
      ? policy hand-0 (p-hand0): SCP not in policies/scp/ and not tagged managed-by=miyabi-org; attached to root, 16 OUs, 1,001 accounts
      ? policy hand-1 (p-hand1): SCP not in policies/scp/ and not tagged managed-by=miyabi-org; attached to root, 16 OUs, 1,001 accounts
      ? policy hand-2 (p-hand2): SCP not in policies/scp/ and not tagged managed-by=miyabi-org; attached to root, 16 OUs, 1,001 accounts
      ? policy hand-3 (p-hand3): SCP not in policies/scp/ and not tagged managed-by=miyabi-org; attached to root, 16 OUs, 1,001 accounts
      ? policy hand-4 (p-hand4): SCP not in policies/scp/ and not tagged managed-by=miyabi-org; attached to root, 16 OUs, 1,001 accounts
      ? ... and 5 more policies
      (-v lists every one; --output json gives them all to a program)
    ");

    let full = render_text_in_full(&plan);
    assert_eq!(full.lines().filter(|l| l.starts_with("  ? account ")).count(), 1000);
    let hand = full.lines().find(|l| l.starts_with("  ? policy hand-9 ")).unwrap();
    assert!(hand.contains("account Acct-0001 (100000000001)") && hand.contains("account Acct-1000 (100000001000)"), "{hand}");
}

#[test]
fn markdown_stays_under_the_github_comment_limit_and_says_where_the_rest_is() {
    let mut d = desired();
    d.accounts = (1..=1000)
        .map(|n| crate::model::DesiredAccount {
            declared_as: crate::model::AccountRef::Pool { tier: "pool".into(), number: n },
            template: "pool".into(),
            name: format!("Pool-{n}"),
            email: format!("aws+pool-{n}@example.com"),
            ou: "Workloads/Pool".into(),
            tags: Tags::from([("managed-by".to_string(), "miyabi-org".to_string())]),
            scps: BTreeSet::from([FULL.to_string()]),
            id: None,
            customers: Vec::new(),
            capacity: Some(100),
        })
        .collect();
    let plan = plan(&d, &thousand_accounts());
    let (changes, unmanaged) = (plan.changes.len(), plan.unmanaged.len());
    assert!(changes >= 2000, "{changes}");
    let markdown = render_markdown(&plan, "drift");
    assert!(markdown.chars().count() < MARKDOWN_MAX, "{}", markdown.len());
    assert!(markdown.contains("| account | 1,000 | Acct-0001 (`100000000001`), "), "{markdown}");
    let shown = markdown.lines().filter(|l| l.starts_with("+ ") || l.starts_with("~ ") || l.starts_with("- ")).count();
    let note = markdown.lines().nth(4).unwrap();
    assert_eq!(
        note,
        format!(
            "_Shortened to fit a GitHub comment (65,536 characters at most): {} of {} changes, {} of {} unmanaged resources are not shown here. `miyabi-org drift --output json` prints the whole plan._",
            thousands(changes - shown),
            thousands(changes),
            thousands(unmanaged - 15),
            thousands(unmanaged)
        )
    );
    // The text lists every change: it is what apply does.
    assert_eq!(
        render_text(&plan).lines().filter(|l| l.starts_with("  + ") || l.starts_with("  ~ ") || l.starts_with("  - ")).count(),
        changes
    );
}

#[test]
fn github_annotations_put_the_summary_first_and_each_change_on_its_declaration() {
    let mut s = converged();
    add_policy(&mut s, "p-hand", "hand", &deny("s3:*"), Tags::new(), &["ou-work"]);
    s.policies.iter_mut().find(|p| p.name == "region-guard").unwrap().content = Some(deny("ec2:RunInstances").to_string());
    let plan = plan(&desired(), &s);
    let locate = |change: &Change| match change {
        Change::UpdatePolicy { name, .. } => {
            Some(crate::diagnostic::SourceFile::new(format!("policies/scp/{name}.json"), String::new()).whole())
        }
        _ => Some(crate::diagnostic::SourceFile::new("miyabi-org.toml", "[root]\n[ou.\"Workloads\"]\n".into()).at(7)),
    };
    let commands: Vec<String> =
        render_annotations(&plan, "drift", Level::Warning, &locate).iter().map(crate::diagnostic::Annotation::workflow_command).collect();
    insta::assert_snapshot!(commands.join("\n"), @r#"
    ::notice title=miyabi-org drift::Plan: 0 to add, 1 to change, 1 to remove.
    ::warning file=policies/scp/region-guard.json,title=miyabi-org drift%3A Policies::~ SCP region-guard (content)%0A            "Effect": "Deny",%0A    -       "Action": "ec2:RunInstances",%0A    +       "Action": "ec2:*",%0A            "Resource": "*"
    ::warning file=miyabi-org.toml,line=2,col=1,title=miyabi-org drift%3A Attachments::- SCP hand -/-> OU Workloads
    ::notice title=miyabi-org drift%3A unmanaged (left alone)::1 policy not in the repo, left alone: hand (p-hand)
    "#);
}

#[test]
fn github_annotations_at_a_thousand_accounts_say_where_the_rest_is() {
    let plan = plan(&desired(), &thousand_accounts());
    let annotations = render_annotations(&plan, "drift", Level::Warning, &|_| None);
    assert_eq!(annotations.len(), 1 + plan.changes.len() + 3);
    insta::assert_snapshot!(annotations[0].workflow_command(), @"::notice title=miyabi-org drift::Plan: 0 to add, 0 to change, 30 to remove. GitHub shows the first 10 annotations of each level in a step: `miyabi-org drift --output json` prints the whole plan.");
    insta::assert_snapshot!(annotations.last().unwrap().message, @"10 policies not in the repo, left alone: hand-0 (p-hand0), hand-1 (p-hand1), hand-2 (p-hand2), hand-3 (p-hand3), hand-4 (p-hand4) and 5 more");
    assert!(annotations.iter().all(|a| a.workflow_command().len() < 300));
}

#[test]
fn a_target_at_its_limit_of_scps_makes_room_before_attaching() {
    // Workloads holds five SCPs: at a quota of five (AWS's until May 2026) attaching first would be refused.
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
mod sso;
mod workers;
