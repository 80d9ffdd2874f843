//! PURE: the desired state against the observed `Snapshot` gives a `Plan`, an ordered list of
//! `Change`s. No I/O here; everything is tested with snapshots.

mod accounts;
mod render;
mod sso;
mod workers;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::access::{Boundary, PolicyRef, Principal, PrincipalKind};
use crate::model::accounts::Tags;
use crate::model::{self, AccountRef, BudgetScope, Desired, FULL_AWS_ACCESS, PolicyKey, is_managed};
use crate::observe::workers::ScalableTarget;
use crate::observe::{Policy, Snapshot};
use crate::policy_kind::PolicyKind;
use crate::scaling::{Alarm, Direction, StepPolicy};

pub use accounts::{budget_filter, find_account};
pub use render::{
    MARKDOWN_MAX, render_annotations, render_change_line, render_markdown, render_text, render_text_in_full, summarize_targets, thousands,
};
pub use sso::{Grant, declared_grants};
pub use workers::{DeadLetter, scaling_changes};

/// The parts of the organization a plan may touch (`--only`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Organizational units.
    Ou,
    /// Service control and tag policies, and their attachments to the root and OUs.
    Scp,
    /// Accounts: creation, OU, tags, account-level SCPs; the tenant registry's pools.
    Account,
    /// Budgets of accounts and customers.
    Budget,
    /// IAM Identity Center: permission sets and account assignments.
    Sso,
    /// The agent workers' queues and task tables in the accounts that run them.
    Workers,
}

impl Scope {
    pub fn all() -> BTreeSet<Scope> {
        BTreeSet::from([Scope::Ou, Scope::Scp, Scope::Account, Scope::Budget, Scope::Sso, Scope::Workers])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    Root,
    Ou,
    Account,
}

/// Where a policy is attached: named for people, with its id once it exists.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Target {
    pub kind: TargetKind,
    /// "root", an OU path, or an account name.
    pub name: String,
    pub id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Update {
    pub from: String,
    pub to: String,
}

/// A budget as it will be written; an account's id is resolved when the account exists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedBudget {
    pub name: String,
    pub limit_usd: f64,
    pub scope: BudgetScope,
    /// For an account budget, once the account exists.
    pub account_id: Option<String>,
    pub alert_percent: Vec<f64>,
    pub notify: Vec<String>,
}

/// What a permission set says of itself; sent whole on every update, as AWS clears what is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionSetFields {
    pub description: String,
    pub session_duration: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relay_state: Option<String>,
}

/// A policy of a permission set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SsoPolicy {
    /// An AWS-managed policy, by ARN.
    Managed(String),
    CustomerManaged(PolicyRef),
    /// The inline policy, minified as sent (detached: as it was).
    Inline(String),
    Boundary(Boundary),
}

/// One change to the organization, in the words of the API call that makes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Change {
    CreateOu {
        path: String,
    },
    EnablePolicyType {
        policy_type: PolicyKind,
    },
    CreatePolicy {
        policy_type: PolicyKind,
        name: String,
        description: String,
        /// Minified, exactly as sent.
        content: String,
    },
    UpdatePolicy {
        policy_type: PolicyKind,
        name: String,
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<Update>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        content: Option<Update>,
    },
    TagPolicy {
        policy_type: PolicyKind,
        name: String,
        id: String,
    },
    AttachPolicy {
        policy_type: PolicyKind,
        policy: String,
        policy_id: Option<String>,
        target: Target,
        /// Run after the detachments: the target had no room for it before.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        after_detach: bool,
    },
    DetachPolicy {
        policy_type: PolicyKind,
        policy: String,
        policy_id: String,
        target: Target,
        /// Run before the attachments, to make room on a target at its limit of SCPs.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        before_attach: bool,
    },
    CreateAccount {
        /// The repo entry that declares it.
        account: AccountRef,
        name: String,
        email: String,
        tags: Tags,
    },
    MoveAccount {
        name: String,
        /// `None` for an account this plan creates.
        id: Option<String>,
        from: String,
        to: String,
    },
    TagAccount {
        name: String,
        id: String,
        /// Only the tags to set: other tags on the account are left alone.
        tags: Tags,
    },
    CreateBudget {
        budget: PlannedBudget,
    },
    UpdateBudget {
        budget: PlannedBudget,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        limit_from: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        alerts_from: Option<Vec<f64>>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        filter_changed: bool,
    },
    DeleteBudget {
        name: String,
    },
    CreatePermissionSet {
        name: String,
        #[serde(flatten)]
        fields: PermissionSetFields,
    },
    UpdatePermissionSet {
        name: String,
        arn: String,
        /// What is sent.
        #[serde(flatten)]
        fields: PermissionSetFields,
        /// What differs, field by field (`description`, `session_duration`, `relay_state`).
        changed: BTreeMap<String, Update>,
    },
    AttachPermissionSetPolicy {
        permission_set: String,
        /// `None` for a permission set this plan creates.
        arn: Option<String>,
        policy: SsoPolicy,
    },
    DetachPermissionSetPolicy {
        permission_set: String,
        arn: String,
        policy: SsoPolicy,
    },
    /// ProvisionPermissionSet to every account it is provisioned to.
    ProvisionPermissionSet {
        permission_set: String,
        arn: Option<String>,
        /// Accounts found out of date; empty when the plan itself changes the set.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        outdated_accounts: Vec<String>,
    },
    CreateAccountAssignment {
        principal: Principal,
        permission_set: String,
        permission_set_arn: Option<String>,
        /// The account's name; its id once it exists.
        account: String,
        account_id: Option<String>,
        /// The rules that put it there: `ou Workloads`, `tier pool`, `customer ACME`, ...
        from: Vec<String>,
    },
    DeleteAccountAssignment {
        principal: Principal,
        permission_set: String,
        permission_set_arn: String,
        account: String,
        account_id: String,
    },
    /// CreateQueue in a member account, with the tag managed-by=miyabi-org.
    CreateQueue {
        /// The account's name; its id once it exists.
        account: String,
        account_id: Option<String>,
        queue: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        fifo: bool,
        attributes: BTreeMap<String, String>,
        /// The task queue's redrive policy: its dead-letter queue is made first.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dead_letter_queue: Option<DeadLetter>,
    },
    SetQueueAttributes {
        account: String,
        account_id: String,
        queue: String,
        /// What is sent, but for the redrive policy.
        attributes: BTreeMap<String, String>,
        /// Sent as the redrive policy when it differs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dead_letter_queue: Option<DeadLetter>,
        /// What differs, attribute by attribute.
        changed: BTreeMap<String, Update>,
    },
    /// CreateTable: PK (hash) and SK (range), on demand, tagged managed-by=miyabi-org.
    CreateTable {
        account: String,
        account_id: Option<String>,
        table: String,
    },
    /// RegisterScalableTarget: the workers' ECS service scales between min and max; dynamic
    /// scaling is suspended while the pool is drained.
    RegisterScalableTarget {
        account: String,
        account_id: String,
        /// `service/CLUSTER/SERVICE`.
        resource: String,
        target: ScalableTarget,
        /// What differs; empty when there is no target yet.
        changed: BTreeMap<String, Update>,
    },
    /// PutScalingPolicy, then PutMetricAlarm with the policy as its action: one direction of the
    /// step rule, policy and alarm together, since the alarm names the policy's ARN.
    PutScalingPolicy {
        account: String,
        account_id: String,
        resource: String,
        direction: Direction,
        policy: StepPolicy,
        alarm: Alarm,
        /// What differs; empty when neither is there yet.
        changed: BTreeMap<String, Update>,
    },
    DeleteOu {
        path: String,
        id: String,
    },
    DeletePolicy {
        policy_type: PolicyKind,
        name: String,
        id: String,
    },
}

/// Groups of changes that run one after another; changes within a phase are independent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    CreateOus,
    Policies,
    CreateAccounts,
    MoveAccounts,
    Tags,
    /// Detachments that leave the target an SCP: room for the attachments.
    DetachFirst,
    Attach,
    Detach,
    /// Attachments that need the room the detachments made.
    AttachLast,
    PermissionSets,
    /// Detached before attaching: a permission set holds a limited number of policies.
    PermissionSetDetach,
    PermissionSetAttach,
    Provision,
    Assign,
    /// Dead-letter queues and tables: what the task queues need.
    WorkerStores,
    WorkerQueues,
    /// The scalable target before the policies that scale it.
    ScalingTargets,
    ScalingPolicies,
    Budgets,
    Unassign,
    DeleteOus,
    DeletePolicies,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Add,
    Change,
    Remove,
}

impl Change {
    pub fn phase(&self) -> Phase {
        match self {
            Change::CreateOu { .. } => Phase::CreateOus,
            Change::EnablePolicyType { .. } | Change::CreatePolicy { .. } | Change::UpdatePolicy { .. } => Phase::Policies,
            Change::CreateAccount { .. } => Phase::CreateAccounts,
            Change::MoveAccount { .. } => Phase::MoveAccounts,
            Change::TagPolicy { .. } | Change::TagAccount { .. } => Phase::Tags,
            Change::AttachPolicy { after_detach: true, .. } => Phase::AttachLast,
            Change::AttachPolicy { .. } => Phase::Attach,
            Change::DetachPolicy { before_attach: true, .. } => Phase::DetachFirst,
            Change::DetachPolicy { .. } => Phase::Detach,
            Change::CreateBudget { .. } | Change::UpdateBudget { .. } | Change::DeleteBudget { .. } => Phase::Budgets,
            Change::CreatePermissionSet { .. } | Change::UpdatePermissionSet { .. } => Phase::PermissionSets,
            Change::DetachPermissionSetPolicy { .. } => Phase::PermissionSetDetach,
            Change::AttachPermissionSetPolicy { .. } => Phase::PermissionSetAttach,
            Change::ProvisionPermissionSet { .. } => Phase::Provision,
            Change::CreateAccountAssignment { .. } => Phase::Assign,
            Change::DeleteAccountAssignment { .. } => Phase::Unassign,
            Change::CreateQueue { dead_letter_queue: Some(_), .. } | Change::SetQueueAttributes { dead_letter_queue: Some(_), .. } => {
                Phase::WorkerQueues
            }
            Change::CreateQueue { .. } | Change::SetQueueAttributes { .. } | Change::CreateTable { .. } => Phase::WorkerStores,
            Change::RegisterScalableTarget { .. } => Phase::ScalingTargets,
            Change::PutScalingPolicy { .. } => Phase::ScalingPolicies,
            Change::DeleteOu { .. } => Phase::DeleteOus,
            Change::DeletePolicy { .. } => Phase::DeletePolicies,
        }
    }

    pub fn effect(&self) -> Effect {
        match self {
            Change::CreateOu { .. }
            | Change::CreatePolicy { .. }
            | Change::AttachPolicy { .. }
            | Change::CreateAccount { .. }
            | Change::CreateBudget { .. }
            | Change::CreatePermissionSet { .. }
            | Change::AttachPermissionSetPolicy { .. }
            | Change::CreateAccountAssignment { .. }
            | Change::CreateQueue { .. }
            | Change::CreateTable { .. } => Effect::Add,
            Change::RegisterScalableTarget { changed, .. } | Change::PutScalingPolicy { changed, .. } if changed.is_empty() => Effect::Add,
            Change::RegisterScalableTarget { .. } | Change::PutScalingPolicy { .. } => Effect::Change,
            Change::EnablePolicyType { .. }
            | Change::UpdatePolicy { .. }
            | Change::TagPolicy { .. }
            | Change::MoveAccount { .. }
            | Change::TagAccount { .. }
            | Change::UpdateBudget { .. }
            | Change::UpdatePermissionSet { .. }
            | Change::ProvisionPermissionSet { .. }
            | Change::SetQueueAttributes { .. } => Effect::Change,
            Change::DetachPolicy { .. }
            | Change::DeleteOu { .. }
            | Change::DeletePolicy { .. }
            | Change::DeleteBudget { .. }
            | Change::DetachPermissionSetPolicy { .. }
            | Change::DeleteAccountAssignment { .. } => Effect::Remove,
        }
    }

    pub fn scope(&self) -> Scope {
        match self {
            Change::CreateOu { .. } | Change::DeleteOu { .. } => Scope::Ou,
            Change::AttachPolicy { target, .. } | Change::DetachPolicy { target, .. } if target.kind == TargetKind::Account => {
                Scope::Account
            }
            Change::CreateAccount { .. } | Change::MoveAccount { .. } | Change::TagAccount { .. } => Scope::Account,
            Change::CreateBudget { .. } | Change::UpdateBudget { .. } | Change::DeleteBudget { .. } => Scope::Budget,
            Change::CreatePermissionSet { .. }
            | Change::UpdatePermissionSet { .. }
            | Change::AttachPermissionSetPolicy { .. }
            | Change::DetachPermissionSetPolicy { .. }
            | Change::ProvisionPermissionSet { .. }
            | Change::CreateAccountAssignment { .. }
            | Change::DeleteAccountAssignment { .. } => Scope::Sso,
            Change::CreateQueue { .. }
            | Change::SetQueueAttributes { .. }
            | Change::CreateTable { .. }
            | Change::RegisterScalableTarget { .. }
            | Change::PutScalingPolicy { .. } => Scope::Workers,
            _ => Scope::Scp,
        }
    }
}

/// Something in the organization that the repo neither declares nor tags as its own: reported, never changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmanaged {
    /// "ou", "policy", "account", "budget", "permission_set" or "sso_assignment".
    pub kind: String,
    pub name: String,
    pub id: String,
    pub detail: String,
    /// For a policy: its targets, which can be every account of the organization. Kept apart from
    /// `detail` so that the text forms can count them instead of naming them all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached_to: Option<Vec<Target>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub organization_id: String,
    /// Of the snapshot the plan was made from.
    pub fingerprint: String,
    pub changes: Vec<Change>,
    pub unmanaged: Vec<Unmanaged>,
    /// Things the plan cannot do and leaves for a person, such as a managed OU that still holds accounts.
    pub warnings: Vec<String>,
}

impl Plan {
    /// Keeps only the changes to the named accounts (their workers' plumbing too) and budgets: an imperative command applies
    /// what it touched and nothing else.
    pub fn limit_to(&mut self, accounts: &BTreeSet<String>, budgets: &BTreeSet<String>) {
        self.changes.retain(|change| match change {
            Change::CreateAccount { name, .. } | Change::MoveAccount { name, .. } | Change::TagAccount { name, .. } => {
                accounts.contains(name)
            }
            Change::AttachPolicy { target, .. } | Change::DetachPolicy { target, .. } => {
                target.kind == TargetKind::Account && accounts.contains(&target.name)
            }
            Change::CreateBudget { budget } | Change::UpdateBudget { budget, .. } => budgets.contains(&budget.name),
            Change::DeleteBudget { name } => budgets.contains(name),
            Change::CreateQueue { account, .. }
            | Change::SetQueueAttributes { account, .. }
            | Change::CreateTable { account, .. }
            | Change::RegisterScalableTarget { account, .. }
            | Change::PutScalingPolicy { account, .. } => accounts.contains(account),
            _ => false,
        });
        self.unmanaged.clear();
        self.warnings.retain(|w| accounts.iter().any(|a| w.contains(a.as_str())));
    }

    /// Keeps only the assignments of one principal and permission set in the named accounts, with
    /// the making of that permission set when the plan makes it (no assignment can be made without
    /// it): `sso assign` and `sso unassign` apply the grants they touched and nothing else.
    pub fn limit_to_grants(&mut self, kind: PrincipalKind, principal: &str, permission_set: &str, accounts: &BTreeSet<String>) {
        let ours = |p: &Principal, set: &str| p.kind == kind && p.name == principal && set == permission_set;
        self.changes.retain(|change| match change {
            Change::CreatePermissionSet { name, .. } => name == permission_set,
            // The policies of a permission set this plan creates.
            Change::AttachPermissionSetPolicy { permission_set: set, arn: None, .. } => set == permission_set,
            Change::CreateAccountAssignment { principal: p, permission_set: set, account, .. }
            | Change::DeleteAccountAssignment { principal: p, permission_set: set, account, .. } => {
                ours(p, set) && accounts.contains(account)
            }
            _ => false,
        });
        if !self.changes.iter().any(|c| matches!(c, Change::CreateAccountAssignment { .. })) {
            self.changes.retain(|c| matches!(c, Change::DeleteAccountAssignment { .. }));
        }
        self.unmanaged.clear();
        self.warnings.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn count(&self, effect: Effect) -> usize {
        self.changes.iter().filter(|c| c.effect() == effect).count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("cannot delete {kind} {policy}: {target}, which the repo does not manage, would be left without an SCP")]
    LastScp { kind: PolicyKind, policy: String, target: String },
}

impl PlanError {
    pub fn help(&self) -> &'static str {
        match self {
            PlanError::LastScp { .. } => "attach another SCP to that target first, or keep the policy file in the repo",
        }
    }
}

pub fn create_plan(desired: &Desired, snapshot: &Snapshot, scope: &BTreeSet<Scope>) -> Result<Plan, PlanError> {
    Planner { desired, snapshot, scope, ou_ids: snapshot.ou_paths(), plan: Plan::new(snapshot) }.run()
}

impl Plan {
    fn new(snapshot: &Snapshot) -> Plan {
        Plan {
            organization_id: snapshot.organization.id.clone(),
            fingerprint: snapshot.fingerprint(),
            changes: Vec::new(),
            unmanaged: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

struct Planner<'a> {
    desired: &'a Desired,
    snapshot: &'a Snapshot,
    scope: &'a BTreeSet<Scope>,
    /// Live OU ids by path.
    ou_ids: BTreeMap<String, String>,
    plan: Plan,
}

/// Policy documents compare as JSON, so formatting and key order are not drift.
fn same_content(live: Option<&str>, desired: &serde_json::Value) -> bool {
    live.and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok()).is_some_and(|live| &live == desired)
}

impl<'a> Planner<'a> {
    fn run(mut self) -> Result<Plan, PlanError> {
        let deleted_ous = if self.scope.contains(&Scope::Ou) { self.ous() } else { BTreeSet::new() };
        let account_ids = if self.scope.contains(&Scope::Account) { self.accounts() } else { self.account_ids() };
        if self.scope.contains(&Scope::Budget) {
            self.budgets(&account_ids);
        }
        if self.scope.contains(&Scope::Sso)
            && let (Some(desired), Some(live)) = (&self.desired.sso, &self.snapshot.sso)
        {
            let creating_accounts = self.scope.contains(&Scope::Account);
            sso::plan_sso(desired, &self.desired.accounts, self.snapshot, live, creating_accounts, &mut self.plan);
        }
        if self.scope.contains(&Scope::Workers)
            && let (Some(desired), Some(live)) = (&self.desired.workers, &self.snapshot.workers)
        {
            let creating_accounts = self.scope.contains(&Scope::Account);
            workers::plan_workers(desired, live, &account_ids, creating_accounts, &mut self.plan);
        }
        if self.scope.contains(&Scope::Scp) {
            self.policies();
            self.attachments();
            self.deleted_policies(&deleted_ous, &account_ids)?;
        } else {
            self.report_unmanaged_policies();
        }
        self.plan.changes.sort_by_key(Change::phase);
        Ok(self.plan)
    }

    fn live_policies(&self) -> impl Iterator<Item = &'a Policy> + use<'a> {
        let desired = self.desired;
        self.snapshot.policies.iter().filter(move |p| !desired.is_ignored(&p.name))
    }

    fn live_policy(&self, key: &PolicyKey) -> Option<&'a Policy> {
        self.live_policies().find(|p| p.kind == key.kind && p.name == key.name)
    }

    /// Creates missing OUs parents first; deletes undeclared managed OUs that are empty. Returns the ids deleted.
    fn ous(&mut self) -> BTreeSet<String> {
        let mut missing: Vec<&String> = self.desired.ous.keys().filter(|path| !self.ou_ids.contains_key(*path)).collect();
        missing.sort_by_key(|path| (model::depth(path), (*path).clone()));
        self.plan.changes.extend(missing.into_iter().map(|path| Change::CreateOu { path: path.clone() }));

        let snapshot = self.snapshot;
        let mut undeclared: Vec<(&String, &String)> =
            self.ou_ids.iter().filter(|(path, _)| !self.desired.ous.contains_key(*path)).collect();
        // Deepest first, so a child is gone before its parent is judged empty.
        undeclared.sort_by_key(|(path, _)| std::cmp::Reverse(model::depth(path)));
        let mut deleted = BTreeSet::new();
        let mut deletions = Vec::new();
        for (path, id) in undeclared {
            let tags = snapshot.ou_tags.get(id);
            if !tags.is_some_and(is_managed) {
                self.plan.unmanaged.push(Unmanaged {
                    kind: "ou".into(),
                    name: path.clone(),
                    id: id.clone(),
                    detail: "not in miyabi-org.toml and not tagged managed-by=miyabi-org".into(),
                    attached_to: None,
                });
                continue;
            }
            let accounts = snapshot.accounts.iter().filter(|a| &a.parent_id == id && !self.moves_out(a, path)).count();
            let children = snapshot.ous.iter().filter(|ou| &ou.parent_id == id && !deleted.contains(&ou.id)).count();
            if accounts > 0 || children > 0 {
                self.plan.warnings.push(format!(
                    "OU {path} is managed by miyabi-org but no longer declared; it still holds {accounts} account(s) and {children} OU(s) that are not being deleted, so it is kept: move them out and plan again"
                ));
                continue;
            }
            deleted.insert(id.clone());
            deletions.push(Change::DeleteOu { path: path.clone(), id: id.clone() });
        }
        self.plan.changes.extend(deletions);
        deleted
    }

    fn policies(&mut self) {
        for kind in PolicyKind::ALL {
            // Tag policies are managed without documents (to detach strays), but enabled only for some.
            let needed = kind == PolicyKind::ServiceControl || self.desired.policies.keys().any(|k| k.kind == kind);
            if needed && !self.snapshot.root.policy_types.contains(&kind) {
                self.plan.changes.push(Change::EnablePolicyType { policy_type: kind });
            }
        }
        for (key, wanted) in &self.desired.policies {
            let Some(live) = self.live_policy(key) else {
                self.plan.changes.push(Change::CreatePolicy {
                    policy_type: key.kind,
                    name: key.name.clone(),
                    description: wanted.description.clone(),
                    content: wanted.content.to_string(),
                });
                continue;
            };
            let content = (!same_content(live.content.as_deref(), &wanted.content))
                .then(|| Update { from: live.content.clone().unwrap_or_default(), to: wanted.content.to_string() });
            let description =
                (live.description != wanted.description).then(|| Update { from: live.description.clone(), to: wanted.description.clone() });
            if content.is_some() || description.is_some() {
                self.plan.changes.push(Change::UpdatePolicy {
                    policy_type: key.kind,
                    name: key.name.clone(),
                    id: live.id.clone(),
                    description,
                    content,
                });
            }
            if !is_managed(&live.tags) {
                self.plan.changes.push(Change::TagPolicy { policy_type: key.kind, name: key.name.clone(), id: live.id.clone() });
            }
        }
    }

    /// A managed target's policies are exactly the declared ones: attach what is missing, detach the rest.
    fn attachments(&mut self) {
        let mut targets = Vec::new();
        if let Some(root) = &self.desired.root {
            targets.push((Target { kind: TargetKind::Root, name: "root".into(), id: Some(self.snapshot.root.id.clone()) }, root));
        }
        let creating_ous = self.scope.contains(&Scope::Ou);
        for (path, policies) in &self.desired.ous {
            let id = self.ou_ids.get(path).cloned();
            if id.is_none() && !creating_ous {
                continue; // attached once the OU exists
            }
            targets.push((Target { kind: TargetKind::Ou, name: path.clone(), id }, policies));
        }
        let mut changes = Vec::new();
        for (target, wanted) in targets {
            for kind in PolicyKind::ALL.into_iter().filter(|&kind| self.desired.manages(kind)) {
                // A default policy AWS never lets go of (RCPFullAWSAccess) is AWS's to attach.
                let fixed = kind.default_policy().filter(|d| !d.detachable).map(|d| d.name);
                let attached: BTreeMap<&str, &Policy> = match &target.id {
                    Some(id) => {
                        self.live_policies().filter(|p| p.kind == kind && p.targets.contains(id)).map(|p| (p.name.as_str(), p)).collect()
                    }
                    // AWS attaches FullAWSAccess to every new OU.
                    None => self
                        .live_policies()
                        .filter(|p| p.kind == kind && p.aws_managed && p.name == FULL_AWS_ACCESS)
                        .map(|p| (p.name.as_str(), p))
                        .collect(),
                };
                let mut attached = attached;
                attached.retain(|name, _| Some(*name) != fixed);
                let wanted: BTreeSet<&str> = wanted.names(kind).map(String::as_str).filter(|name| Some(*name) != fixed).collect();
                let attaching: Vec<&str> = wanted.iter().copied().filter(|name| !attached.contains_key(name)).collect();
                let unwanted: Vec<(&str, &Policy)> =
                    attached.iter().filter(|(name, _)| !wanted.contains(*name)).map(|(n, p)| (*n, *p)).collect();
                let order = Order::new(kind, &attached, &wanted, attaching.len());
                for (i, name) in attaching.into_iter().enumerate() {
                    let policy_id = self.live_policy(&PolicyKey { kind, name: name.to_string() }).map(|p| p.id.clone());
                    let (policy, target, after_detach) = (name.to_string(), target.clone(), order.attach_last(i));
                    changes.push(Change::AttachPolicy { policy_type: kind, policy, policy_id, target, after_detach });
                }
                for (i, (name, policy)) in unwanted.into_iter().enumerate() {
                    changes.push(Change::DetachPolicy {
                        policy_type: kind,
                        policy: name.to_string(),
                        policy_id: policy.id.clone(),
                        target: target.clone(),
                        before_attach: order.detach_first(i),
                    });
                }
            }
        }
        self.plan.changes.extend(changes);
    }

    /// Policies tagged as ours but no longer in the repo are detached everywhere and deleted;
    /// untagged ones are reported as unmanaged.
    fn deleted_policies(&mut self, deleted_ous: &BTreeSet<String>, account_ids: &BTreeMap<String, String>) -> Result<(), PlanError> {
        let mut changes = Vec::new();
        let deleted: BTreeSet<&str> = self
            .live_policies()
            .filter(|p| {
                !p.aws_managed
                    && is_managed(&p.tags)
                    && !self.desired.policies.contains_key(&PolicyKey { kind: p.kind, name: p.name.clone() })
            })
            .map(|p| p.id.as_str())
            .collect();
        for policy in self.live_policies().filter(|p| !p.aws_managed) {
            let key = PolicyKey { kind: policy.kind, name: policy.name.clone() };
            if self.desired.policies.contains_key(&key) {
                continue;
            }
            if !is_managed(&policy.tags) {
                self.plan.unmanaged.push(unmanaged_policy(policy, self.snapshot));
                continue;
            }
            // Managed targets already lose it in `attachments`.
            let managed_targets = self.managed_target_ids(account_ids, policy.kind);
            for target_id in policy.targets.iter().filter(|id| !managed_targets.contains(*id)) {
                // Every deleted policy leaves the target, so one of the others must stay.
                let last_scp = policy.kind == PolicyKind::ServiceControl && self.scps_staying(target_id, &deleted) == 0;
                if last_scp && deleted_ous.contains(target_id) {
                    continue; // the OU goes first, and its attachments with it
                }
                if last_scp {
                    return Err(PlanError::LastScp {
                        kind: policy.kind,
                        policy: policy.name.clone(),
                        target: self.snapshot.target_name(target_id),
                    });
                }
                changes.push(Change::DetachPolicy {
                    policy_type: policy.kind,
                    policy: policy.name.clone(),
                    policy_id: policy.id.clone(),
                    target: self.target(target_id),
                    before_attach: false,
                });
            }
            changes.push(Change::DeletePolicy { policy_type: policy.kind, name: policy.name.clone(), id: policy.id.clone() });
        }
        self.plan.changes.extend(changes);
        Ok(())
    }

    fn report_unmanaged_policies(&mut self) {
        let unmanaged: Vec<Unmanaged> = self
            .live_policies()
            .filter(|p| {
                !p.aws_managed
                    && !is_managed(&p.tags)
                    && !self.desired.policies.contains_key(&PolicyKey { kind: p.kind, name: p.name.clone() })
            })
            .map(|p| unmanaged_policy(p, self.snapshot))
            .collect();
        self.plan.unmanaged.extend(unmanaged);
    }

    /// The targets whose policies of `kind` the plan makes exactly the declared ones.
    fn managed_target_ids(&self, account_ids: &BTreeMap<String, String>, kind: PolicyKind) -> BTreeSet<String> {
        let root = self.desired.root.as_ref().map(|_| self.snapshot.root.id.clone());
        let ous = self.desired.ous.keys().filter_map(|path| self.ou_ids.get(path).cloned());
        // Accounts' SCPs are planned only with the account scope; their tag policies never are.
        let accounts_managed = self.scope.contains(&Scope::Account) && kind == PolicyKind::ServiceControl;
        let accounts = account_ids.values().filter(|_| accounts_managed).cloned();
        root.into_iter().chain(ous).chain(accounts).collect()
    }

    /// SCPs on a target that are not among the `deleted` policies (ids).
    fn scps_staying(&self, target_id: &str, deleted: &BTreeSet<&str>) -> usize {
        let on_target = |p: &&Policy| p.kind == PolicyKind::ServiceControl && p.targets.iter().any(|t| t == target_id);
        self.snapshot.policies.iter().filter(on_target).filter(|p| !deleted.contains(p.id.as_str())).count()
    }

    fn target(&self, id: &str) -> Target {
        target_of(self.snapshot, id)
    }
}

/// A live target by id, with its kind and the name people know it by.
pub fn target_of(snapshot: &Snapshot, id: &str) -> Target {
    let kind = if id == snapshot.root.id {
        TargetKind::Root
    } else if snapshot.ous.iter().any(|ou| ou.id == id) {
        TargetKind::Ou
    } else {
        TargetKind::Account
    };
    Target { kind, name: snapshot.target_name(id), id: Some(id.to_string()) }
}

/// The order of one target's attachments and detachments of one kind. AWS refuses an attachment
/// past `scps_per_target` SCPs and the detachment of a target's last SCP, and the plan does not
/// know the limit: so a target never holds more SCPs than it has or wants, nor none.
struct Order {
    scp: bool,
    /// An SCP the target wants is attached already, and stays.
    keeps_one: bool,
    unwanted: usize,
    attaching: usize,
}

impl Order {
    fn new<T>(kind: PolicyKind, attached: &BTreeMap<&str, T>, wanted: &BTreeSet<&str>, attaching: usize) -> Order {
        Order {
            scp: kind == PolicyKind::ServiceControl,
            keeps_one: attached.keys().any(|name| wanted.contains(name)),
            unwanted: attached.keys().filter(|name| !wanted.contains(*name)).count(),
            attaching,
        }
    }

    /// A target that keeps an SCP it wants loses the others first; one that keeps none, all but one.
    fn detach_first(&self, index: usize) -> bool {
        self.scp && (self.keeps_one || index > 0)
    }

    /// On a target that keeps none, its last unwanted SCP leaves between the other attachments and the last one.
    fn attach_last(&self, index: usize) -> bool {
        self.scp && !self.keeps_one && self.unwanted > 0 && self.attaching >= 2 && index + 1 == self.attaching
    }
}

fn unmanaged_policy(policy: &Policy, snapshot: &Snapshot) -> Unmanaged {
    Unmanaged {
        kind: "policy".into(),
        name: policy.name.clone(),
        id: policy.id.clone(),
        detail: format!("{} not in policies/{}/ and not tagged managed-by=miyabi-org", policy.kind, policy.kind.dir()),
        attached_to: Some(policy.targets.iter().map(|t| target_of(snapshot, t)).collect()),
    }
}

#[cfg(test)]
mod tests;
