//! `plan/accounts.rs`: accounts and budgets against the organization. The converged organization is
//! built from the desired accounts, so the two cannot drift apart.

use super::*;
use crate::model::{AccountRef, BudgetScope, DesiredAccount, DesiredBudget};
use crate::observe::{Budget, BudgetFilter};

fn account_tags(tier: &str) -> Tags {
    Tags::from([("managed-by".to_string(), "miyabi-org".to_string()), ("tier".to_string(), tier.to_string())])
}

/// `desired()` with a core account (its own SCP and budget) and a pool account with a customer budget.
fn desired_with_accounts() -> Desired {
    let mut d = desired();
    d.accounts = vec![
        DesiredAccount {
            declared_as: AccountRef::Core { name: "Security".into() },
            template: "core".into(),
            name: "Security".into(),
            email: "security@example.com".into(),
            ou: "Workloads".into(),
            tags: account_tags("core"),
            scps: BTreeSet::from([FULL.to_string(), "deny-leave".to_string()]),
            id: None,
            customers: Vec::new(),
            capacity: None,
        },
        DesiredAccount {
            declared_as: AccountRef::Pool { tier: "pool".into(), number: 1 },
            template: "pool".into(),
            name: "Pool-1".into(),
            email: "aws+pool-1@example.com".into(),
            ou: "Workloads/Pool".into(),
            tags: account_tags("pool"),
            scps: BTreeSet::from([FULL.to_string()]),
            id: None,
            customers: vec!["ACME".into()],
            capacity: Some(100),
        },
    ];
    d.budgets = vec![
        DesiredBudget {
            name: "miyabi-Security".into(),
            limit_usd: 1000.0,
            scope: BudgetScope::Account { account: "Security".into() },
            alert_percent: vec![100.0, 80.0],
            notify: vec!["finops@example.com".into()],
        },
        DesiredBudget {
            name: "miyabi-customer-ACME".into(),
            limit_usd: 50.0,
            scope: BudgetScope::Customer { tag: "customer".into(), customer: "ACME".into() },
            alert_percent: vec![80.0, 100.0],
            notify: vec!["finops@example.com".into()],
        },
    ];
    d
}

fn account_id(name: &str) -> String {
    match name {
        "Security" => "222222222222".into(),
        "Pool-1" => "333333333333".into(),
        other => panic!("no id for {other}"),
    }
}

/// The organization exactly as `desired` wants it, accounts and budgets included.
fn converged_for(desired: &Desired) -> Snapshot {
    let mut s = converged();
    let ous = s.ou_paths();
    for account in &desired.accounts {
        let id = account_id(&account.name);
        s.accounts.push(Account {
            id: id.clone(),
            name: account.name.clone(),
            email: account.email.clone(),
            status: "ACTIVE".into(),
            parent_id: ous[&account.ou].clone(),
            tags: account.tags.clone(),
        });
        for scp in &account.scps {
            attach(&mut s, scp, &id);
        }
    }
    let budgets = desired.budgets.iter().map(|b| {
        let filter = match &b.scope {
            BudgetScope::Account { account } => BudgetFilter::LinkedAccount { account_id: account_id(account) },
            BudgetScope::Customer { tag, customer } => BudgetFilter::Tag { key: tag.clone(), value: customer.clone() },
        };
        let mut alert_percent = b.alert_percent.clone();
        alert_percent.sort_by(f64::total_cmp);
        Budget { name: b.name.clone(), limit_usd: b.limit_usd, filter, alert_percent }
    });
    let mut budgets: Vec<Budget> = budgets.collect();
    budgets.sort_by(|a, b| a.name.cmp(&b.name));
    s.budgets = Some(budgets);
    s
}

fn live_account<'a>(s: &'a mut Snapshot, name: &str) -> &'a mut Account {
    s.accounts.iter_mut().find(|a| a.name == name).unwrap()
}

fn without_account(s: &mut Snapshot, name: &str) {
    let id = account_id(name);
    s.accounts.retain(|a| a.id != id);
    for policy in &mut s.policies {
        policy.targets.retain(|t| t != &id);
    }
}

#[test]
fn converged_accounts_and_budgets_have_no_changes() {
    let d = desired_with_accounts();
    let plan = plan(&d, &converged_for(&d));
    assert!(plan.is_empty() && plan.unmanaged.is_empty() && plan.warnings.is_empty(), "{}", render_text(&plan));
}

#[test]
fn a_missing_account_is_created_moved_given_its_scps_and_its_budget() {
    let d = desired_with_accounts();
    let mut s = converged_for(&d);
    without_account(&mut s, "Security");
    s.budgets.as_mut().unwrap().retain(|b| b.name != "miyabi-Security");
    insta::assert_snapshot!(lines(&plan(&d, &s)), @r"
    + account Security <security@example.com> (core account Security)
    ~ account Security: root -> Workloads
    + SCP deny-leave -> Security
    + budget miyabi-Security (1000.00 USD a month, account Security)
    ");
}

#[test]
fn an_account_elsewhere_is_moved_and_its_tags_completed() {
    let d = desired_with_accounts();
    let mut s = converged_for(&d);
    let pool = live_account(&mut s, "Pool-1");
    pool.parent_id = "r-root".into();
    pool.tags = Tags::from([("tier".to_string(), "old".to_string()), ("owner".to_string(), "ops".to_string())]);
    insta::assert_snapshot!(lines(&plan(&d, &s)), @r"
    ~ account Pool-1: root -> Workloads/Pool
    ~ account Pool-1: tag managed-by=miyabi-org, tier=pool
    ");
}

#[test]
fn an_account_has_exactly_its_declared_scps() {
    let d = desired_with_accounts();
    let mut s = converged_for(&d);
    s.policies.iter_mut().find(|p| p.name == "deny-leave").unwrap().targets.retain(|t| t != "222222222222");
    attach(&mut s, "region-guard", "333333333333");
    insta::assert_snapshot!(lines(&plan(&d, &s)), @r"
    - SCP region-guard -/-> Pool-1
    + SCP deny-leave -> Security
    ");
}

#[test]
fn budgets_are_updated_deleted_or_reported() {
    let d = desired_with_accounts();
    let mut s = converged_for(&d);
    let budgets = s.budgets.as_mut().unwrap();
    budgets[0].limit_usd = 40.0; // miyabi-Security
    budgets[1].alert_percent = vec![50.0]; // miyabi-customer-ACME
    budgets.push(Budget { name: "miyabi-Gone".into(), limit_usd: 10.0, filter: BudgetFilter::Other, alert_percent: Vec::new() });
    budgets.push(Budget { name: "team".into(), limit_usd: 10.0, filter: BudgetFilter::Other, alert_percent: Vec::new() });
    insta::assert_snapshot!(render_text(&plan(&d, &s)), @r"
    Budgets
      ~ budget miyabi-Security (limit 40.00 -> 1000.00 USD)
      ~ budget miyabi-customer-ACME (alerts [50.0] -> [80.0, 100.0] %)
      - budget miyabi-Gone

    Plan: 0 to add, 2 to change, 1 to remove.

    Unmanaged (left alone)
      ? budget team (team): not named miyabi-*; limit 10.00 USD
    ");
}

#[test]
fn accounts_match_by_recorded_id_then_email_then_a_unique_name() {
    let mut d = desired_with_accounts();
    let mut s = converged_for(&d);
    // By id: the account was renamed and its email changed.
    d.accounts[0].id = Some("222222222222".into());
    let security = live_account(&mut s, "Security");
    security.name = "Security (renamed)".into();
    security.email = "other@example.com".into();
    // By email: the name differs.
    live_account(&mut s, "Pool-1").name = "Pool one".into();
    assert!(plan(&d, &s).is_empty(), "{}", render_text(&plan(&d, &s)));
    // By name, when exactly one account has it.
    let mut by_name = converged_for(&desired_with_accounts());
    live_account(&mut by_name, "Pool-1").email = "pool@elsewhere.example.com".into();
    assert!(find_account(&desired_with_accounts().accounts[1], &by_name.accounts).is_some_and(|a| a.id == "333333333333"));
    // Two accounts of that name: no match, so the account is created.
    let mut twice = by_name.clone();
    twice.accounts.push(Account { id: "444444444444".into(), email: "twin@example.com".into(), ..by_name.accounts[2].clone() });
    assert_eq!(find_account(&desired_with_accounts().accounts[1], &twice.accounts), None);
}

#[test]
fn a_recorded_id_missing_from_the_organization_is_a_warning_without_a_budget() {
    let mut d = desired_with_accounts();
    d.accounts[0].id = Some("999999999999".into());
    let plan = plan(&d, &converged_for(&d));
    insta::assert_snapshot!(render_text(&plan), @r"
    No changes. The organization matches the repo.

    Unmanaged (left alone)
      ? account Security (222222222222): tagged managed-by=miyabi-org but not declared: `miyabi-org account import` it, or close it

    warning: core account Security (Security) declares account 999999999999, which is not in the organization: import the right id or remove the entry
    ");
}

#[test]
fn a_closed_account_is_left_alone() {
    let d = desired_with_accounts();
    let mut s = converged_for(&d);
    let pool = live_account(&mut s, "Pool-1");
    pool.status = "SUSPENDED".into();
    pool.parent_id = "r-root".into();
    insta::assert_snapshot!(render_text(&plan(&d, &s)), @r"
    No changes. The organization matches the repo.

    warning: pool 1 (Pool-1, 333333333333) is SUSPENDED: it is left alone
    ");
}

#[test]
fn limit_to_keeps_the_named_accounts_and_budgets_only() {
    let d = desired_with_accounts();
    let mut s = converged_for(&d);
    without_account(&mut s, "Security");
    without_account(&mut s, "Pool-1");
    s.budgets = Some(Vec::new());
    s.ous.retain(|ou| ou.id != "ou-pool");
    let mut plan = plan(&d, &s);
    plan.limit_to(&BTreeSet::from(["Pool-1".to_string()]), &BTreeSet::from(["miyabi-customer-ACME".to_string()]));
    insta::assert_snapshot!(lines(&plan), @r"
    + account Pool-1 <aws+pool-1@example.com> (pool 1)
    ~ account Pool-1: root -> Workloads/Pool
    + budget miyabi-customer-ACME (50.00 USD a month, user:customer$ACME)
    ");
}

#[test]
fn the_budget_of_an_account_being_created_gets_its_filter() {
    // The budget outlived an account of that name: its filter names another account.
    let d = desired_with_accounts();
    let mut s = converged_for(&d);
    without_account(&mut s, "Security");
    insta::assert_snapshot!(lines(&plan(&d, &s)), @r"
    + account Security <security@example.com> (core account Security)
    ~ account Security: root -> Workloads
    + SCP deny-leave -> Security
    ~ budget miyabi-Security (filter -> account Security)
    ");
}

#[test]
fn a_leftover_ou_is_deleted_once_the_plan_moves_its_account_out() {
    let d = desired_with_accounts();
    let mut s = converged_for(&d);
    add_ou(&mut s, "ou-old", "Old", "r-root", Some(managed()));
    live_account(&mut s, "Pool-1").parent_id = "ou-old".into();
    insta::assert_snapshot!(render_text(&plan(&d, &s)), @r"
    Organizational units
      - OU Old (ou-old)
    Accounts
      ~ account Pool-1: Old -> Workloads/Pool

    Plan: 0 to add, 1 to change, 1 to remove.
    ");
}

#[test]
fn a_leftover_tag_policy_is_detached_from_declared_accounts_before_it_is_deleted() {
    let d = desired_with_accounts();
    let mut s = converged_for(&d);
    s.root.policy_types.insert(PolicyKind::Tag);
    add_policy(&mut s, "p-tag", "old-tags", &json!({"tags": {}}), managed(), &["333333333333"]);
    s.policies.last_mut().unwrap().kind = PolicyKind::Tag;
    insta::assert_snapshot!(lines(&plan(&d, &s)), @r"
    - tag policy old-tags -/-> account Pool-1 (333333333333)
    - tag policy old-tags (p-tag)
    ");
}
