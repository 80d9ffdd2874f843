//! Accounts and budgets: the repo's accounts against the organization's, matched by id, then
//! email, then name; budgets by name.

use std::collections::{BTreeMap, BTreeSet};

use super::{Change, PlannedBudget, Planner, Scope, Target, TargetKind, Unmanaged};
use crate::model::accounts::Tags;
use crate::model::{BUDGET_PREFIX, BudgetScope, DesiredAccount, is_managed};
use crate::observe::{Account, Budget, BudgetFilter};
use crate::policy_kind::PolicyKind;

/// Account states in which the tool leaves an account alone.
pub(super) const CLOSED: [&str; 3] = ["SUSPENDED", "PENDING_CLOSURE", "CLOSED"];

/// The budget filter a planned budget becomes once its account id is known.
pub fn budget_filter(budget: &PlannedBudget) -> Option<BudgetFilter> {
    match &budget.scope {
        BudgetScope::Account { .. } => budget.account_id.clone().map(|account_id| BudgetFilter::LinkedAccount { account_id }),
        BudgetScope::Customer { tag, customer } => Some(BudgetFilter::Tag { key: tag.clone(), value: customer.clone() }),
    }
}

/// The live account a declared one is: by its recorded id, else by email (unique in AWS), else
/// by name when exactly one account has it.
pub fn find_account<'s>(desired: &DesiredAccount, accounts: &'s [Account]) -> Option<&'s Account> {
    if let Some(id) = &desired.id {
        return accounts.iter().find(|a| &a.id == id);
    }
    if let Some(account) = accounts.iter().find(|a| a.email.eq_ignore_ascii_case(&desired.email)) {
        return Some(account);
    }
    let mut named = accounts.iter().filter(|a| a.name == desired.name);
    match (named.next(), named.next()) {
        (Some(account), None) => Some(account),
        _ => None,
    }
}

impl<'a> Planner<'a> {
    fn find_account(&self, desired: &DesiredAccount) -> Option<&'a Account> {
        find_account(desired, &self.snapshot.accounts)
    }

    /// Whether this plan moves a live account out of the OU at `ou_path`: it is declared elsewhere.
    pub(super) fn moves_out(&self, account: &Account, ou_path: &str) -> bool {
        self.scope.contains(&Scope::Account)
            && !CLOSED.contains(&account.status.as_str())
            && self.desired.accounts.iter().any(|d| d.ou != ou_path && self.find_account(d).is_some_and(|live| live.id == account.id))
    }

    /// The ids of the declared accounts that exist, by name, without planning anything for them.
    pub(super) fn account_ids(&self) -> BTreeMap<String, String> {
        self.desired.accounts.iter().filter_map(|d| self.find_account(d).map(|a| (d.name.clone(), a.id.clone()))).collect()
    }

    /// Creates missing accounts, moves and tags existing ones, and keeps each account's SCPs exactly
    /// as declared. Returns the ids of the accounts that exist, by name.
    pub(super) fn accounts(&mut self) -> BTreeMap<String, String> {
        let mut ids = BTreeMap::new();
        let mut matched = BTreeSet::new();
        let mut changes = Vec::new();
        for desired in &self.desired.accounts {
            let Some(live) = self.find_account(desired) else {
                if let Some(id) = &desired.id {
                    self.plan.warnings.push(format!(
                        "{} ({}) declares account {id}, which is not in the organization: import the right id or remove the entry",
                        desired.declared_as, desired.name
                    ));
                    continue;
                }
                changes.push(Change::CreateAccount {
                    account: desired.declared_as.clone(),
                    name: desired.name.clone(),
                    email: desired.email.clone(),
                    tags: desired.tags.clone(),
                });
                changes.push(Change::MoveAccount { name: desired.name.clone(), id: None, from: "root".into(), to: desired.ou.clone() });
                let target = Target { kind: TargetKind::Account, name: desired.name.clone(), id: None };
                changes.extend(self.account_scps(desired, &target, None));
                continue;
            };
            matched.insert(live.id.clone());
            ids.insert(desired.name.clone(), live.id.clone());
            if CLOSED.contains(&live.status.as_str()) {
                self.plan
                    .warnings
                    .push(format!("{} ({}, {}) is {}: it is left alone", desired.declared_as, live.name, live.id, live.status));
                continue;
            }
            let parent = self.snapshot.target_name(&live.parent_id);
            if parent != desired.ou {
                changes.push(Change::MoveAccount {
                    name: desired.name.clone(),
                    id: Some(live.id.clone()),
                    from: parent,
                    to: desired.ou.clone(),
                });
            }
            let tags: Tags =
                desired.tags.iter().filter(|(k, v)| live.tags.get(*k) != Some(v)).map(|(k, v)| (k.clone(), v.clone())).collect();
            if !tags.is_empty() {
                changes.push(Change::TagAccount { name: desired.name.clone(), id: live.id.clone(), tags });
            }
            let target = Target { kind: TargetKind::Account, name: desired.name.clone(), id: Some(live.id.clone()) };
            changes.extend(self.account_scps(desired, &target, Some(&live.id)));
        }
        self.plan.changes.extend(changes);
        let management = &self.snapshot.organization.management_account_id;
        for account in self.snapshot.accounts.iter().filter(|a| !matched.contains(&a.id) && &a.id != management) {
            let detail = if is_managed(&account.tags) {
                "tagged managed-by=miyabi-org but not declared: `miyabi-org account import` it, or close it".to_string()
            } else {
                format!("not declared in the repo; in {}", self.snapshot.target_name(&account.parent_id))
            };
            self.plan.unmanaged.push(Unmanaged {
                kind: "account".into(),
                name: account.name.clone(),
                id: account.id.clone(),
                detail,
                attached_to: None,
            });
        }
        ids
    }

    /// The SCP changes that make an account's attachments exactly the declared ones.
    fn account_scps(&self, desired: &DesiredAccount, target: &Target, live_id: Option<&String>) -> Vec<Change> {
        let kind = PolicyKind::ServiceControl;
        let attached: BTreeMap<&str, String> = self
            .live_policies()
            .filter(|p| {
                p.kind == kind && live_id.map_or(p.aws_managed && p.name == crate::model::FULL_AWS_ACCESS, |id| p.targets.contains(id))
            })
            .map(|p| (p.name.as_str(), p.id.clone()))
            .collect();
        let mut changes = Vec::new();
        let wanted: BTreeSet<&str> = desired.scps.iter().map(String::as_str).collect();
        let attaching: Vec<&str> = wanted.iter().copied().filter(|name| !attached.contains_key(name)).collect();
        let order = super::Order::new(kind, &attached, &wanted, attaching.len());
        for (i, name) in attaching.into_iter().enumerate() {
            let policy_id = self.live_policies().find(|p| p.kind == kind && p.name == name).map(|p| p.id.clone());
            let (policy, target, after_detach) = (name.to_string(), target.clone(), order.attach_last(i));
            changes.push(Change::AttachPolicy { policy_type: kind, policy, policy_id, target, after_detach });
        }
        for (i, (name, policy_id)) in attached.into_iter().filter(|(name, _)| !wanted.contains(name)).enumerate() {
            let before_attach = order.detach_first(i);
            changes.push(Change::DetachPolicy {
                policy_type: kind,
                policy: name.to_string(),
                policy_id,
                target: target.clone(),
                before_attach,
            });
        }
        changes
    }

    /// Budgets named `miyabi-*` are the tool's: created, updated to match, deleted when no longer declared.
    pub(super) fn budgets(&mut self, account_ids: &BTreeMap<String, String>) {
        let Some(live) = &self.snapshot.budgets else { return };
        let live: BTreeMap<&str, &Budget> = live.iter().map(|b| (b.name.as_str(), b)).collect();
        let mut changes = Vec::new();
        // An account declared by id that is not in the organization gets no budget: it was warned about.
        let lost: BTreeSet<&str> = self
            .desired
            .accounts
            .iter()
            .filter(|a| a.id.is_some() && !account_ids.contains_key(&a.name))
            .map(|a| a.name.as_str())
            .collect();
        for desired in &self.desired.budgets {
            let account_id = match &desired.scope {
                BudgetScope::Account { account } if lost.contains(account.as_str()) => continue,
                BudgetScope::Account { account } => account_ids.get(account).cloned(),
                BudgetScope::Customer { .. } => None,
            };
            let budget = PlannedBudget {
                name: desired.name.clone(),
                limit_usd: desired.limit_usd,
                scope: desired.scope.clone(),
                account_id,
                alert_percent: desired.alert_percent.clone(),
                notify: desired.notify.clone(),
            };
            let Some(existing) = live.get(desired.name.as_str()) else {
                changes.push(Change::CreateBudget { budget });
                continue;
            };
            let limit_from = ((existing.limit_usd - budget.limit_usd).abs() > 0.005).then_some(existing.limit_usd);
            let mut wanted_alerts = budget.alert_percent.clone();
            wanted_alerts.sort_by(f64::total_cmp);
            let alerts_from = (existing.alert_percent != wanted_alerts).then(|| existing.alert_percent.clone());
            // An account this plan creates has no id yet: its budget's filter is set once it exists.
            let filter_changed =
                budget_filter(&budget).map_or(matches!(budget.scope, BudgetScope::Account { .. }), |f| f != existing.filter);
            if limit_from.is_some() || alerts_from.is_some() || filter_changed {
                changes.push(Change::UpdateBudget { budget, limit_from, alerts_from, filter_changed });
            }
        }
        let declared: BTreeSet<&str> = self.desired.budgets.iter().map(|b| b.name.as_str()).collect();
        for (name, budget) in live {
            if declared.contains(name) {
                continue;
            }
            if name.starts_with(BUDGET_PREFIX) {
                changes.push(Change::DeleteBudget { name: name.to_string() });
            } else {
                let detail = format!("not named {BUDGET_PREFIX}*; limit {:.2} USD", budget.limit_usd);
                self.plan.unmanaged.push(Unmanaged {
                    kind: "budget".into(),
                    name: name.to_string(),
                    id: name.to_string(),
                    detail,
                    attached_to: None,
                });
            }
        }
        self.plan.changes.extend(changes);
    }
}
