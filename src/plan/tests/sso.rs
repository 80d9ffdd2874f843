//! Identity Center plans: permission sets made and repaired, assignments expanded from OUs, tiers
//! and customers with their origins, the management and closing accounts left out, grants the
//! repo does not own left alone, boundaries only where declared, out-of-date sets provisioned.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::access::{Boundary, PolicyRef, Principal, PrincipalKind};
use crate::model::AccountRef;
use crate::model::accounts::DesiredAccount;
use crate::model::sso::{AssignmentRule, DesiredPermissionSet, DesiredSso, TargetRule};
use crate::observe::Account;
use crate::observe::sso::{Assignment, Instance, PermissionSet, PermissionSetInfo, PermissionSetPolicies, SsoSnapshot};

const INSTANCE: &str = "arn:aws:sso:::instance/ssoins-0123456789abcdef";

fn account(s: &mut Snapshot, id: &str, name: &str, parent: &str, status: &str) {
    s.accounts.push(Account {
        id: id.into(),
        name: name.into(),
        email: format!("{}@example.com", name.to_lowercase()),
        status: status.into(),
        parent_id: parent.into(),
        tags: Tags::new(),
    });
}

/// Workloads (two accounts, one closing) with Workloads/Pool below it (Pool-1).
fn org() -> Snapshot {
    let mut s = empty_org();
    add_ou(&mut s, "ou-work", "Workloads", "r-root", None);
    add_ou(&mut s, "ou-pool", "Pool", "ou-work", None);
    account(&mut s, "222222222222", "Pool-1", "ou-pool", "ACTIVE");
    account(&mut s, "333333333333", "App", "ou-work", "ACTIVE");
    account(&mut s, "444444444444", "Old", "ou-work", "PENDING_CLOSURE");
    s
}

fn pool(number: u32, customers: &[&str]) -> DesiredAccount {
    DesiredAccount {
        declared_as: AccountRef::Pool { tier: "pool".into(), number },
        template: "pool".into(),
        name: format!("Pool-{number}"),
        email: format!("pool-{number}@example.com"),
        ou: "Workloads/Pool".into(),
        tags: Tags::new(),
        scps: BTreeSet::new(),
        id: None,
        customers: customers.iter().map(|c| c.to_string()).collect(),
        capacity: Some(100),
    }
}

fn set(description: &str, duration: &str, managed: &[&str]) -> DesiredPermissionSet {
    DesiredPermissionSet {
        description: description.into(),
        session_duration: duration.into(),
        relay_state: None,
        managed_policies: managed.iter().map(|m| m.to_string()).collect(),
        customer_managed_policies: BTreeSet::new(),
        inline_policy: None,
        boundary: None,
    }
}

fn group(name: &str) -> Principal {
    Principal { kind: PrincipalKind::Group, name: name.into(), id: None }
}

fn rule(index: usize, principal: &str, permission_set: &str, targets: Vec<TargetRule>) -> AssignmentRule {
    AssignmentRule { index, principal: group(principal), permission_set: permission_set.into(), targets, exclude: BTreeSet::new() }
}

const ADMIN: &str = "arn:aws:iam::aws:policy/AdministratorAccess";
const READ: &str = "arn:aws:iam::aws:policy/ReadOnlyAccess";

fn desired() -> Desired {
    let sso = DesiredSso {
        instance_arn: None,
        region: "us-east-1".into(),
        permission_sets: BTreeMap::from([
            ("Admin".to_string(), set("Admins", "PT4H", &[ADMIN])),
            ("Reader".to_string(), set("Readers", "PT1H", &[READ])),
        ]),
        assignments: vec![
            rule(0, "Platform", "Admin", vec![TargetRule::Ou("Workloads".into()), TargetRule::Account("Management".into())]),
            rule(1, "Support", "Reader", vec![TargetRule::Tier("pool".into()), TargetRule::Customer("ACME".into())]),
        ],
    };
    Desired { sso: Some(sso), accounts: vec![pool(1, &["ACME"]), pool(2, &["GLOBEX"])], ..Desired::default() }
}

fn live_set(name: &str, arn: &str, description: &str, duration: &str, managed: &[&str]) -> PermissionSet {
    PermissionSet {
        info: PermissionSetInfo {
            arn: arn.into(),
            name: name.into(),
            description: Some(description.into()),
            session_duration: Some(duration.into()),
            relay_state: None,
        },
        policies: Some(PermissionSetPolicies {
            managed: managed.iter().map(|m| m.to_string()).collect(),
            ..PermissionSetPolicies::default()
        }),
    }
}

fn sso(permission_sets: Vec<PermissionSet>, assignments: Vec<Assignment>) -> SsoSnapshot {
    SsoSnapshot {
        instance: Instance { arn: INSTANCE.into(), identity_store_id: "d-1234567890".into() },
        permission_sets,
        principals: vec![
            Principal { kind: PrincipalKind::Group, name: "Platform".into(), id: Some("g-platform".into()) },
            Principal { kind: PrincipalKind::Group, name: "Support".into(), id: Some("g-support".into()) },
        ],
        assignments,
        outdated: BTreeMap::new(),
        full_scan: false,
        other_principals: BTreeMap::new(),
    }
}

fn grant(account: &str, set: &str, principal: &str) -> Assignment {
    Assignment {
        account_id: account.into(),
        permission_set_arn: set.into(),
        principal_kind: PrincipalKind::Group,
        principal_id: principal.into(),
    }
}

fn sso_plan(desired: &Desired, snapshot: &Snapshot) -> Plan {
    create_plan(desired, snapshot, &BTreeSet::from([Scope::Sso])).unwrap()
}

#[test]
fn an_empty_identity_center_gets_sets_policies_and_assignments_with_their_origins() {
    let mut s = org();
    s.sso = Some(sso(Vec::new(), Vec::new()));
    insta::assert_snapshot!(lines(&sso_plan(&desired(), &s)), @r"
    + permission set Admin (session PT4H)
    + permission set Reader (session PT1H)
    + permission set Admin: managed policy arn:aws:iam::aws:policy/AdministratorAccess
    + permission set Reader: managed policy arn:aws:iam::aws:policy/ReadOnlyAccess
    + group Platform (g-platform) -> Admin in App (from ou Workloads)
    + group Platform (g-platform) -> Admin in Management (from account Management)
    + group Platform (g-platform) -> Admin in Pool-1 (from ou Workloads)
    + group Support (g-support) -> Reader in Pool-1 (from customer ACME, tier pool)
    ");
}

#[test]
fn accounts_the_plan_creates_get_their_assignments_in_the_same_apply() {
    let mut s = org();
    s.sso = Some(sso(Vec::new(), Vec::new()));
    let plan = create_plan(&desired(), &s, &BTreeSet::from([Scope::Account, Scope::Sso])).unwrap();
    let pool_2: Vec<String> = plan
        .changes
        .iter()
        .filter(|c| matches!(c, Change::CreateAccountAssignment { account, .. } if account == "Pool-2"))
        .map(render_change_line)
        .collect();
    assert_eq!(
        pool_2,
        [
            "+ group Platform (g-platform) -> Admin in Pool-2 (from ou Workloads)",
            "+ group Support (g-support) -> Reader in Pool-2 (from tier pool)"
        ]
    );
    let created = plan.changes.iter().position(|c| matches!(c, Change::CreateAccount { name, .. } if name == "Pool-2")).unwrap();
    let assigned =
        plan.changes.iter().position(|c| matches!(c, Change::CreateAccountAssignment { account, .. } if account == "Pool-2")).unwrap();
    assert!(created < assigned);
}

#[test]
fn drift_is_repaired_and_grants_the_repo_does_not_own_are_left_alone() {
    let mut s = org();
    let admin = format!("{INSTANCE}/ps-admin");
    let reader = format!("{INSTANCE}/ps-reader");
    let other = format!("{INSTANCE}/ps-other");
    let mut sets = vec![
        live_set("Admin", &admin, "Admins", "PT12H", &[ADMIN, READ]),
        live_set("Reader", &reader, "Readers", "PT60M", &[READ]),
        live_set("Other", &other, "Someone else's", "PT1H", &[]),
    ];
    sets[2].policies = None; // not declared: not read
    let mut live = sso(
        sets,
        vec![
            grant("111111111111", &admin, "g-platform"),
            grant("222222222222", &admin, "g-platform"),
            // Missing: Platform -> Admin in App. Extra: Platform -> Admin in the closing account.
            grant("444444444444", &admin, "g-platform"),
            grant("222222222222", &reader, "g-support"),
            // A declared group with a set the repo does not declare, and a group it never names.
            grant("333333333333", &other, "g-platform"),
            grant("333333333333", &reader, "g-contractors"),
        ],
    );
    live.other_principals.insert("g-contractors".into(), "Contractors".into());
    s.sso = Some(live);
    let plan = sso_plan(&desired(), &s);
    insta::assert_snapshot!(lines(&plan), @r#"
    ~ permission set Admin (session_duration "PT12H" -> "PT4H")
    - permission set Admin: managed policy arn:aws:iam::aws:policy/ReadOnlyAccess
    ~ provision permission set Admin to its accounts
    + group Platform (g-platform) -> Admin in App (from ou Workloads)
    - group Platform (g-platform) -> Admin in Old (444444444444)
    "#);
    let unmanaged: Vec<String> = plan.unmanaged.iter().map(|u| format!("{} {}: {}", u.kind, u.name, u.detail)).collect();
    insta::assert_snapshot!(unmanaged.join("\n"), @r"
    permission_set Other: not in [sso.permission_set]
    sso_assignment group Platform (g-platform) -> Other in App: the permission set is not in [sso.permission_set]
    sso_assignment group Contractors (g-contractors) -> Reader in App: the principal is in no [[sso.assignment]]
    ");
    // The update sends every field, changed or not.
    let update = plan.changes.iter().find(|c| matches!(c, Change::UpdatePermissionSet { .. })).unwrap();
    assert_eq!(
        serde_json::to_value(update).unwrap(),
        serde_json::json!({
            "action": "update_permission_set", "name": "Admin", "arn": admin, "description": "Admins", "session_duration": "PT4H",
            "changed": {"session_duration": {"from": "PT12H", "to": "PT4H"}}
        })
    );
}

#[test]
fn boundaries_are_managed_where_declared_and_out_of_date_sets_are_provisioned() {
    let mut desired = desired();
    let sso_desired = desired.sso.as_mut().unwrap();
    let boundary = Boundary::CustomerManaged(PolicyRef { name: "miyabi-boundary".into(), path: "/".into() });
    sso_desired.permission_sets.get_mut("Admin").unwrap().boundary = Some(boundary.clone());
    sso_desired.assignments.clear();
    let mut s = org();
    let admin = format!("{INSTANCE}/ps-admin");
    let reader = format!("{INSTANCE}/ps-reader");
    let mut sets = vec![live_set("Admin", &admin, "Admins", "PT4H", &[ADMIN]), live_set("Reader", &reader, "Readers", "PT1H", &[READ])];
    // Admin's boundary was removed by hand; Reader has one nobody declared, which is left alone.
    sets[0].policies.as_mut().unwrap().boundary = Some(None);
    sets[1].policies.as_mut().unwrap().boundary = None;
    let mut live = sso(sets, Vec::new());
    live.outdated.insert(reader.clone(), vec!["222222222222".into()]);
    s.sso = Some(live);
    insta::assert_snapshot!(lines(&sso_plan(&desired, &s)), @r"
    + permission set Admin: permissions boundary customer-managed /miyabi-boundary
    ~ provision permission set Admin to its accounts
    ~ provision permission set Reader: out of date in 1 account
    ");
}

#[test]
fn without_the_sso_scope_or_section_nothing_is_planned() {
    let mut s = org();
    s.sso = Some(sso(Vec::new(), Vec::new()));
    let plan = create_plan(&desired(), &s, &BTreeSet::from([Scope::Scp])).unwrap();
    assert!(plan.changes.iter().all(|c| c.scope() != Scope::Sso));
    let plan = sso_plan(&Desired { sso: None, ..desired() }, &s);
    assert!(plan.is_empty());
}
