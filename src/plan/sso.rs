//! Identity Center: permission sets made as declared, and the assignments of the declared
//! principals made exactly the declared ones, with targets expanded from the live organization
//! and the tenant registry at every plan.

use std::collections::{BTreeMap, BTreeSet};

use super::accounts::{CLOSED, find_account};
use super::{Change, PermissionSetFields, Plan, SsoPolicy, Unmanaged, Update};
use crate::access::{Boundary, Principal, duration_minutes};
use crate::model::accounts::DesiredAccount;
use crate::model::sso::{DesiredPermissionSet, DesiredSso, TargetRule};
use crate::observe::Snapshot;
use crate::observe::sso::{PermissionSet, SsoSnapshot};

/// An account an assignment reaches: by name for people, by id once it exists.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct AccountTarget {
    name: String,
    id: Option<String>,
}

pub(super) fn plan_sso(
    desired: &DesiredSso,
    accounts: &[DesiredAccount],
    snapshot: &Snapshot,
    live: &SsoSnapshot,
    creating_accounts: bool,
    plan: &mut Plan,
) {
    for (name, wanted) in &desired.permission_sets {
        permission_set(name, wanted, live, plan);
    }
    for set in live.permission_sets.iter().filter(|s| !desired.permission_sets.contains_key(&s.info.name)) {
        plan.unmanaged.push(Unmanaged {
            kind: "permission_set".into(),
            name: set.info.name.clone(),
            id: set.info.arn.clone(),
            detail: "not in [sso.permission_set]".into(),
            attached_to: None,
        });
    }
    assignments(desired, accounts, snapshot, live, creating_accounts, plan);
}

fn fields(wanted: &DesiredPermissionSet) -> PermissionSetFields {
    PermissionSetFields {
        description: wanted.description.clone(),
        session_duration: wanted.session_duration.clone(),
        relay_state: wanted.relay_state.clone(),
    }
}

/// The policies a permission set should have, as changes from nothing.
fn wanted_policies(wanted: &DesiredPermissionSet) -> Vec<SsoPolicy> {
    let mut policies: Vec<SsoPolicy> = wanted.managed_policies.iter().map(|arn| SsoPolicy::Managed(arn.clone())).collect();
    policies.extend(wanted.customer_managed_policies.iter().map(|p| SsoPolicy::CustomerManaged(p.clone())));
    policies.extend(wanted.inline_policy.iter().map(|doc| SsoPolicy::Inline(doc.to_string())));
    policies.extend(wanted.boundary.iter().map(|b| SsoPolicy::Boundary(b.clone())));
    policies
}

fn permission_set(name: &str, wanted: &DesiredPermissionSet, live: &SsoSnapshot, plan: &mut Plan) {
    let attach = |arn: Option<&str>, policy: SsoPolicy| Change::AttachPermissionSetPolicy {
        permission_set: name.to_string(),
        arn: arn.map(str::to_string),
        policy,
    };
    let Some(PermissionSet { info, policies: Some(have) }) = live.permission_set(name) else {
        plan.changes.push(Change::CreatePermissionSet { name: name.to_string(), fields: fields(wanted) });
        plan.changes.extend(wanted_policies(wanted).into_iter().map(|p| attach(None, p)));
        return;
    };
    let arn = info.arn.as_str();
    let mut changed = BTreeMap::new();
    let description = info.description.clone().unwrap_or_default();
    if description != wanted.description {
        changed.insert("description".to_string(), Update { from: description, to: wanted.description.clone() });
    }
    let duration = info.session_duration.clone().unwrap_or_default();
    if duration_minutes(&duration) != Some(wanted.session_minutes()) {
        changed.insert("session_duration".to_string(), Update { from: duration, to: wanted.session_duration.clone() });
    }
    if info.relay_state != wanted.relay_state {
        let (from, to) = (info.relay_state.clone().unwrap_or_default(), wanted.relay_state.clone().unwrap_or_default());
        changed.insert("relay_state".to_string(), Update { from, to });
    }
    let mut changes = Vec::new();
    if !changed.is_empty() {
        changes.push(Change::UpdatePermissionSet { name: name.to_string(), arn: arn.to_string(), fields: fields(wanted), changed });
    }
    let detach = |policy: SsoPolicy| Change::DetachPermissionSetPolicy { permission_set: name.to_string(), arn: arn.to_string(), policy };
    for policy in wanted.managed_policies.difference(&have.managed) {
        changes.push(attach(Some(arn), SsoPolicy::Managed(policy.clone())));
    }
    for policy in have.managed.difference(&wanted.managed_policies) {
        changes.push(detach(SsoPolicy::Managed(policy.clone())));
    }
    for policy in wanted.customer_managed_policies.difference(&have.customer_managed) {
        changes.push(attach(Some(arn), SsoPolicy::CustomerManaged(policy.clone())));
    }
    for policy in have.customer_managed.difference(&wanted.customer_managed_policies) {
        changes.push(detach(SsoPolicy::CustomerManaged(policy.clone())));
    }
    // Documents compare as JSON, so formatting and key order are not drift.
    let live_inline = have.inline.as_deref().and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok());
    match (&wanted.inline_policy, &have.inline) {
        (Some(doc), _) if live_inline.as_ref() != Some(doc) => changes.push(attach(Some(arn), SsoPolicy::Inline(doc.to_string()))),
        (None, Some(text)) => changes.push(detach(SsoPolicy::Inline(text.clone()))),
        _ => {}
    }
    if let Some(boundary) = &wanted.boundary
        && have.boundary.as_ref().is_some_and(|live: &Option<Boundary>| live.as_ref() != Some(boundary))
    {
        changes.push(attach(Some(arn), SsoPolicy::Boundary(boundary.clone())));
    }
    let outdated = live.outdated.get(arn).cloned().unwrap_or_default();
    if !changes.is_empty() || !outdated.is_empty() {
        // A change reaches the accounts only once provisioned; one found out of date needs it too.
        let outdated_accounts = if changes.is_empty() { outdated } else { Vec::new() };
        changes.push(Change::ProvisionPermissionSet { permission_set: name.to_string(), arn: Some(arn.to_string()), outdated_accounts });
    }
    plan.changes.extend(changes);
}

/// Accounts of the organization a rule reaches, with where each came from.
fn expand(
    accounts: &[DesiredAccount],
    snapshot: &Snapshot,
    ou_paths: &BTreeMap<&str, String>,
    creating_accounts: bool,
    rule: &crate::model::sso::AssignmentRule,
) -> BTreeMap<AccountTarget, Vec<String>> {
    let management = snapshot.organization.management_account_id.as_str();
    let live_target = |a: &crate::observe::Account| AccountTarget { name: a.name.clone(), id: Some(a.id.clone()) };
    // Accounts reached by a group rule: not the management account, nor closing ones.
    let open = |a: &crate::observe::Account| a.id != management && !CLOSED.contains(&a.status.as_str());
    let declared = |d: &DesiredAccount| match find_account(d, &snapshot.accounts) {
        Some(live) => open(live).then(|| live_target(live)),
        // An account this plan creates gets its assignments in the same apply.
        None => creating_accounts.then(|| AccountTarget { name: d.name.clone(), id: None }),
    };
    let mut reached: BTreeMap<AccountTarget, Vec<String>> = BTreeMap::new();
    for target in &rule.targets {
        let found: Vec<AccountTarget> = match target {
            TargetRule::Account(name) => {
                let live = snapshot.accounts.iter().find(|a| &a.id == name || &a.name == name).map(live_target);
                let pending = || accounts.iter().find(|d| &d.name == name).and_then(declared);
                live.or_else(pending).into_iter().collect()
            }
            TargetRule::Ou(path) => {
                let below = |ou: &str| ou == path || ou.starts_with(&format!("{path}/"));
                let mut found: Vec<AccountTarget> = snapshot
                    .accounts
                    .iter()
                    .filter(|a| open(a) && ou_paths.get(a.parent_id.as_str()).is_some_and(|p| below(p)))
                    .map(live_target)
                    .collect();
                let new = accounts.iter().filter(|d| below(&d.ou) && find_account(d, &snapshot.accounts).is_none());
                found.extend(new.filter_map(declared));
                found
            }
            TargetRule::Tier(tier) => accounts
                .iter()
                .filter(|d| matches!(&d.declared_as, crate::model::AccountRef::Pool { tier: t, .. } if t == tier))
                .filter_map(declared)
                .collect(),
            TargetRule::Customer(customer) => accounts.iter().filter(|d| d.customers.contains(customer)).filter_map(declared).collect(),
            TargetRule::Template(template) => accounts.iter().filter(|d| &d.template == template).filter_map(declared).collect(),
        };
        for account in found {
            reached.entry(account).or_default().push(target.to_string());
        }
    }
    reached.retain(|account, _| !rule.exclude.contains(&account.name) && !account.id.as_ref().is_some_and(|id| rule.exclude.contains(id)));
    reached
}

/// (principal id, permission set name, account)
type Key = (String, String, AccountTarget);

/// Every grant the rules give, with the principal and where it comes from (sorted, once each).
fn wanted(
    desired: &DesiredSso,
    accounts: &[DesiredAccount],
    snapshot: &Snapshot,
    live: &SsoSnapshot,
    creating_accounts: bool,
) -> BTreeMap<Key, (Principal, Vec<String>)> {
    let mut wanted: BTreeMap<Key, (Principal, Vec<String>)> = BTreeMap::new();
    // Paths once per plan, not once per account and rule.
    let ou_paths: BTreeMap<&str, String> = snapshot.ous.iter().filter_map(|ou| Some((ou.id.as_str(), snapshot.ou_path(&ou.id)?))).collect();
    for rule in &desired.assignments {
        let Some(principal) = live.principals.iter().find(|p| p.kind == rule.principal.kind && p.name == rule.principal.name) else {
            continue;
        };
        let Some(id) = &principal.id else { continue }; // refused before planning
        for (account, from) in expand(accounts, snapshot, &ou_paths, creating_accounts, rule) {
            let entry = wanted.entry((id.clone(), rule.permission_set.clone(), account)).or_insert_with(|| (principal.clone(), Vec::new()));
            entry.1.extend(from);
        }
    }
    for (_, from) in wanted.values_mut() {
        from.sort();
        from.dedup();
    }
    wanted
}

/// A grant the repo's rules give: a principal may enter an account with a permission set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// Resolved: its id is the identity store's.
    pub principal: Principal,
    pub permission_set: String,
    pub account: String,
    /// `None` for an account the plan creates.
    pub account_id: Option<String>,
    /// The rules that give it: `ou Workloads`, `tier pool`, `customer ACME`, ...
    pub from: Vec<String>,
}

/// Every grant the repo's rules give against the live organization, as the planner expands them:
/// what `sso list` calls managed, and what `sso unassign` says stays through other rules.
pub fn declared_grants(
    desired: &DesiredSso,
    accounts: &[DesiredAccount],
    snapshot: &Snapshot,
    live: &SsoSnapshot,
    creating_accounts: bool,
) -> Vec<Grant> {
    wanted(desired, accounts, snapshot, live, creating_accounts)
        .into_iter()
        .map(|((_, permission_set, account), (principal, from))| Grant {
            principal,
            permission_set,
            account: account.name,
            account_id: account.id,
            from,
        })
        .collect()
}

fn assignments(
    desired: &DesiredSso,
    accounts: &[DesiredAccount],
    snapshot: &Snapshot,
    live: &SsoSnapshot,
    creating_accounts: bool,
    plan: &mut Plan,
) {
    let wanted = wanted(desired, accounts, snapshot, live, creating_accounts);
    let names: BTreeMap<&str, &str> = snapshot.accounts.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    let account_name = |id: &str| names.get(id).map_or_else(|| id.to_string(), |name| name.to_string());
    let declared_ids: BTreeSet<&str> = live.principals.iter().filter_map(|p| p.id.as_deref()).collect();
    let mut have: BTreeSet<Key> = BTreeSet::new();
    let mut removals = Vec::new();
    for assignment in &live.assignments {
        let set = live.permission_set_by_arn(&assignment.permission_set_arn);
        let set_name = set.map(|s| s.info.name.clone());
        let managed = declared_ids.contains(assignment.principal_id.as_str())
            && set_name.as_ref().is_some_and(|name| desired.permission_sets.contains_key(name));
        let principal = live.principal_by_id(assignment.principal_kind, &assignment.principal_id);
        let account = AccountTarget { name: account_name(&assignment.account_id), id: Some(assignment.account_id.clone()) };
        let set_label = set_name.clone().unwrap_or_else(|| assignment.permission_set_arn.clone());
        if !managed {
            plan.unmanaged.push(Unmanaged {
                kind: "sso_assignment".into(),
                name: format!("{principal} -> {set_label} in {}", account.name),
                id: format!("{}/{}/{}", assignment.account_id, assignment.permission_set_arn, assignment.principal_id),
                detail: if declared_ids.contains(assignment.principal_id.as_str()) {
                    "the permission set is not in [sso.permission_set]".into()
                } else {
                    "the principal is in no [[sso.assignment]]".into()
                },
                attached_to: None,
            });
            continue;
        }
        let key = (assignment.principal_id.clone(), set_label.clone(), account.clone());
        if wanted.contains_key(&key) {
            have.insert(key);
            continue;
        }
        removals.push(Change::DeleteAccountAssignment {
            principal,
            permission_set: set_label,
            permission_set_arn: assignment.permission_set_arn.clone(),
            account: account.name,
            account_id: assignment.account_id.clone(),
        });
    }
    for (key, (principal, from)) in wanted {
        if have.contains(&key) {
            continue;
        }
        let (_, set_name, account) = key;
        plan.changes.push(Change::CreateAccountAssignment {
            principal,
            permission_set_arn: live.permission_set(&set_name).map(|s| s.info.arn.clone()),
            permission_set: set_name,
            account: account.name,
            account_id: account.id,
            from,
        });
    }
    plan.changes.extend(removals);
}
