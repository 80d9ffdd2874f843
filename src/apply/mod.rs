//! Executes a `Plan` through the [`OrgWrite`], [`BudgetWrite`] and [`SsoWrite`] ports: phase by phase in the
//! plan's order, the changes of one phase concurrently, stopping after a phase in which anything
//! failed.

pub(crate) mod accounts;
pub mod journal;
pub mod sso;
pub mod workers;

use std::cell::RefCell;
use std::collections::BTreeMap;

use futures_util::stream::{FuturesUnordered, StreamExt};
use serde::Serialize;

use crate::api_error::AwsError;
use crate::model::{self, PolicyKey};
use crate::observe::sso::Assignment;
use crate::observe::{BudgetFilter, Snapshot, Tags};
use crate::plan::{Change, Phase, Plan, PlannedBudget, Target, TargetKind};
use crate::policy_kind::PolicyKind;
pub use accounts::{CreateAccountState, CreateAccountStatus, failure_help};
use journal::{AssignmentOp, Journal};
use sso::managed_by;
pub use sso::{Polling, RequestState, RequestStatus, SsoWrite};
pub use workers::WorkerWrite;

/// Write access to AWS Organizations. Each method is one API operation; "already done" is success.
#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait OrgWrite {
    async fn create_ou(&self, parent_id: &str, name: &str, tags: &Tags) -> Result<String, AwsError>;
    async fn delete_ou(&self, id: &str) -> Result<(), AwsError>;
    async fn enable_policy_type(&self, root_id: &str, kind: PolicyKind) -> Result<(), AwsError>;
    async fn create_policy(&self, kind: PolicyKind, name: &str, description: &str, content: &str, tags: &Tags) -> Result<String, AwsError>;
    async fn update_policy(&self, id: &str, description: Option<&str>, content: Option<&str>) -> Result<(), AwsError>;
    async fn tag_resource(&self, id: &str, tags: &Tags) -> Result<(), AwsError>;
    async fn attach_policy(&self, policy_id: &str, target_id: &str) -> Result<(), AwsError>;
    async fn detach_policy(&self, policy_id: &str, target_id: &str) -> Result<(), AwsError>;
    async fn delete_policy(&self, id: &str) -> Result<(), AwsError>;
    /// Sends CreateAccount; returns the request id.
    async fn create_account(&self, name: &str, email: &str, role_name: &str, tags: &Tags) -> Result<String, AwsError>;
    async fn create_account_status(&self, request_id: &str) -> Result<CreateAccountStatus, AwsError>;
    /// Requests AWS is still working on.
    async fn account_requests_in_progress(&self) -> Result<Vec<CreateAccountStatus>, AwsError>;
    async fn move_account(&self, account_id: &str, from_parent_id: &str, to_parent_id: &str) -> Result<(), AwsError>;
    async fn close_account(&self, account_id: &str) -> Result<(), AwsError>;
}

/// A budget with everything resolved, as AWS Budgets takes it.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetSpec {
    pub name: String,
    pub limit_usd: f64,
    pub filter: BudgetFilter,
    pub alert_percent: Vec<f64>,
    pub notify: Vec<String>,
}

/// Write access to AWS Budgets in the management account.
#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait BudgetWrite {
    async fn create_budget(&self, account_id: &str, budget: &BudgetSpec) -> Result<(), AwsError>;
    /// Updates the limit and filter, and replaces notifications whose thresholds changed.
    async fn update_budget(&self, account_id: &str, budget: &BudgetSpec, old_alerts: Option<&[f64]>) -> Result<(), AwsError>;
    async fn delete_budget(&self, account_id: &str, name: &str) -> Result<(), AwsError>;
}

/// What an apply writes with, and the limits it keeps to.
pub struct Writers<'a, O, B, S, W> {
    pub org: &'a O,
    pub budgets: &'a B,
    pub sso: &'a S,
    pub workers: &'a W,
    pub journal: &'a Journal,
    pub member_role: &'a str,
    pub create_account_in_flight: usize,
    pub sso_assignments_in_flight: usize,
    pub polling: Polling,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "error")]
pub enum Status {
    Done,
    Failed(ChangeError),
    /// Not attempted: an earlier phase failed.
    Skipped,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub change: Change,
    #[serde(flatten)]
    pub status: Status,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ApplyReport {
    pub outcomes: Vec<Outcome>,
    /// Accounts created by this apply: id by name.
    pub created_accounts: BTreeMap<String, String>,
    /// The most CreateAccount requests this apply had in progress at once.
    pub account_creations_peak_in_flight: usize,
    /// The most Identity Center assignment requests this apply had outstanding at once.
    pub sso_assignments_peak_in_flight: usize,
}

impl ApplyReport {
    pub fn failed(&self) -> usize {
        self.outcomes.iter().filter(|o| matches!(o.status, Status::Failed(_))).count()
    }

    pub fn done(&self) -> usize {
        self.outcomes.iter().filter(|o| matches!(o.status, Status::Done)).count()
    }
}

/// Why one change failed; in JSON outcomes as `{"kind", "message", "help"}`.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ChangeError {
    #[error(transparent)]
    Aws(#[from] AwsError),
    /// What the change needs was to be made by an earlier change that failed, or is outside this apply.
    #[error("{0} does not exist (its creation failed or was not part of this apply)")]
    Missing(String),
    #[error("CreateAccount {account}: {reason}: {}", accounts::failure_help(reason, email))]
    AccountCreation { account: String, email: String, reason: String },
    #[error("cannot write the journal {}: {message}", journal::JOURNAL)]
    Journal { message: String },
    #[error("{op} failed: {reason}")]
    AssignmentFailed { op: AssignmentOp, reason: String },
    #[error("ProvisionPermissionSet failed: {reason}")]
    ProvisioningFailed { reason: String },
    #[error("{what} is still in progress")]
    StillInProgress { what: String },
}

impl ChangeError {
    pub fn kind(&self) -> &'static str {
        match self {
            ChangeError::Aws(_) => "aws",
            ChangeError::Missing(_) => "missing",
            ChangeError::AccountCreation { .. } => "account_creation",
            ChangeError::Journal { .. } => "journal",
            ChangeError::AssignmentFailed { .. } => "assignment_failed",
            ChangeError::ProvisioningFailed { .. } => "provisioning_failed",
            ChangeError::StillInProgress { .. } => "still_in_progress",
        }
    }

    pub fn help(&self) -> String {
        match self {
            ChangeError::Aws(err) => err.help(),
            ChangeError::Missing(_) => "fix the failure of the change it depends on, then run apply again".into(),
            ChangeError::AccountCreation { reason, email, .. } => accounts::failure_help(reason, email),
            ChangeError::Journal { .. } => "check that the repo directory is writable, then run apply again".into(),
            ChangeError::AssignmentFailed { reason, .. } | ChangeError::ProvisioningFailed { reason } => sso::assignment_help(reason),
            ChangeError::StillInProgress { .. } => {
                "AWS is still working on it: run apply again later, which waits for it instead of asking twice".into()
            }
        }
    }
}

impl Serialize for ChangeError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut error = serializer.serialize_struct("ChangeError", 3)?;
        error.serialize_field("kind", self.kind())?;
        error.serialize_field("message", &self.to_string())?;
        error.serialize_field("help", &self.help())?;
        error.end()
    }
}

/// Ids of what exists, filled in as the apply creates things.
struct Ids {
    root: String,
    ous: BTreeMap<String, String>,
    policies: BTreeMap<PolicyKey, String>,
    /// Account ids by name.
    accounts: BTreeMap<String, String>,
    created_accounts: BTreeMap<String, String>,
    /// Permission set ARNs by name.
    permission_sets: BTreeMap<String, String>,
}

impl Ids {
    fn from_snapshot(snapshot: &Snapshot) -> Ids {
        Ids {
            root: snapshot.root.id.clone(),
            ous: snapshot.ou_paths(),
            policies: snapshot.policies.iter().map(|p| (PolicyKey { kind: p.kind, name: p.name.clone() }, p.id.clone())).collect(),
            accounts: snapshot.accounts.iter().map(|a| (a.name.clone(), a.id.clone())).collect(),
            created_accounts: BTreeMap::new(),
            permission_sets: snapshot
                .sso
                .iter()
                .flat_map(|sso| &sso.permission_sets)
                .map(|p| (p.info.name.clone(), p.info.arn.clone()))
                .collect(),
        }
    }

    /// The id of the root ("root") or of an OU, by path.
    fn parent(&self, name: &str) -> Option<String> {
        if name == "root" { Some(self.root.clone()) } else { self.ous.get(name).cloned() }
    }

    fn target(&self, target: &Target) -> Option<String> {
        target.id.clone().or_else(|| match target.kind {
            TargetKind::Root => Some(self.root.clone()),
            TargetKind::Ou => self.ous.get(&target.name).cloned(),
            TargetKind::Account => self.accounts.get(&target.name).cloned(),
        })
    }
}

/// Applies the plan to the organization the snapshot was read from. `on_outcome` is told of each
/// change as it finishes, for progress.
pub async fn apply(
    plan: &Plan,
    snapshot: &Snapshot,
    writers: &Writers<'_, impl OrgWrite, impl BudgetWrite, impl SsoWrite, impl WorkerWrite>,
    on_outcome: &dyn Fn(&Outcome),
) -> ApplyReport {
    let ids = RefCell::new(Ids::from_snapshot(snapshot));
    let creations = accounts::Creations::new(writers.create_account_in_flight);
    let assignments = sso::Assignments::new(writers.sso_assignments_in_flight);
    let instance_arn = snapshot.sso.as_ref().map(|sso| sso.instance.arn.as_str()).unwrap_or_default();
    let management = snapshot.organization.management_account_id.as_str();
    let context = Context { ids: &ids, creations: &creations, assignments: &assignments, instance_arn, management };
    let mut resumed = None;
    let mut outcomes = Vec::new();
    let mut failed = false;
    for batch in batches(&plan.changes) {
        if failed {
            outcomes.extend(batch.into_iter().map(|change| Outcome { change: change.clone(), status: Status::Skipped }));
            continue;
        }
        if batch.iter().any(|c| matches!(c, Change::CreateAccount { .. })) {
            creations.resume(writers).await;
        }
        let assigning = batch.iter().any(|c| matches!(c, Change::CreateAccountAssignment { .. } | Change::DeleteAccountAssignment { .. }));
        if assigning && resumed.is_none() {
            resumed = Some(assignments.resume(writers.sso, writers.journal, writers.polling, instance_arn).await);
        }
        let resumed = resumed.as_ref();
        let mut running: FuturesUnordered<_> = batch
            .into_iter()
            .map(|change| {
                let context = &context;
                async move {
                    let status = match execute(change, context, writers, resumed).await {
                        Ok(()) => Status::Done,
                        Err(err) => Status::Failed(err),
                    };
                    Outcome { change: change.clone(), status }
                }
            })
            .collect();
        while let Some(outcome) = running.next().await {
            failed |= matches!(outcome.status, Status::Failed(_));
            on_outcome(&outcome);
            outcomes.push(outcome);
        }
    }
    ApplyReport {
        outcomes,
        created_accounts: ids.into_inner().created_accounts,
        account_creations_peak_in_flight: creations.peak.get(),
        sso_assignments_peak_in_flight: assignments.peak.get(),
    }
}

/// What the changes of one apply share.
struct Context<'a> {
    ids: &'a RefCell<Ids>,
    creations: &'a accounts::Creations,
    assignments: &'a sso::Assignments,
    instance_arn: &'a str,
    management: &'a str,
}

/// Requests of a stopped run, finished before this one assigns: what they did is done.
type Resumed = BTreeMap<(AssignmentOp, Assignment), Result<(), ChangeError>>;

/// Changes that may run together: one phase, and for OUs one depth (parents before children,
/// children deleted before parents).
fn batches(changes: &[Change]) -> Vec<Vec<&Change>> {
    let mut groups: BTreeMap<(Phase, i64), Vec<&Change>> = BTreeMap::new();
    for change in changes {
        let level = match change {
            Change::CreateOu { path } => model::depth(path) as i64,
            Change::DeleteOu { path, .. } => -(model::depth(path) as i64),
            _ => 0,
        };
        groups.entry((change.phase(), level)).or_default().push(change);
    }
    groups.into_values().collect()
}

async fn execute(
    change: &Change,
    context: &Context<'_>,
    writers: &Writers<'_, impl OrgWrite, impl BudgetWrite, impl SsoWrite, impl WorkerWrite>,
    resumed: Option<&Resumed>,
) -> Result<(), ChangeError> {
    let Context { ids, creations, management, instance_arn, .. } = *context;
    let write = writers.org;
    let missing = ChangeError::Missing;
    match change {
        Change::CreateOu { path } => {
            let (parent, name) = match path.rsplit_once('/') {
                Some((parent, name)) => {
                    (ids.borrow().ous.get(parent).cloned().ok_or_else(|| missing(format!("parent OU {parent}")))?, name)
                }
                None => (ids.borrow().root.clone(), path.as_str()),
            };
            let id = write.create_ou(&parent, name, &managed_by()).await?;
            ids.borrow_mut().ous.insert(path.clone(), id);
        }
        Change::DeleteOu { id, .. } => write.delete_ou(id).await?,
        Change::EnablePolicyType { policy_type } => {
            let root = ids.borrow().root.clone();
            write.enable_policy_type(&root, *policy_type).await?;
        }
        Change::CreatePolicy { policy_type, name, description, content } => {
            let id = write.create_policy(*policy_type, name, description, content, &managed_by()).await?;
            ids.borrow_mut().policies.insert(PolicyKey { kind: *policy_type, name: name.clone() }, id);
        }
        Change::UpdatePolicy { id, description, content, .. } => {
            let description = description.as_ref().map(|d| d.to.as_str());
            let content = content.as_ref().map(|c| c.to.as_str());
            write.update_policy(id, description, content).await?;
        }
        Change::TagPolicy { id, .. } => write.tag_resource(id, &managed_by()).await?,
        Change::AttachPolicy { policy_type, policy, policy_id, target, .. } => {
            let key = PolicyKey { kind: *policy_type, name: policy.clone() };
            let policy_id = policy_id
                .clone()
                .or_else(|| ids.borrow().policies.get(&key).cloned())
                .ok_or_else(|| missing(format!("{policy_type} {policy}")))?;
            let target_id = ids.borrow().target(target).ok_or_else(|| missing(target_label(target)))?;
            write.attach_policy(&policy_id, &target_id).await?;
        }
        Change::DetachPolicy { policy_id, target, .. } => {
            let target_id = ids.borrow().target(target).ok_or_else(|| missing(target_label(target)))?;
            write.detach_policy(policy_id, &target_id).await?;
        }
        Change::DeletePolicy { id, .. } => write.delete_policy(id).await?,
        Change::CreateAccount { name, email, tags, .. } => {
            let id = creations.create(writers, name, email, tags).await?;
            let mut ids = ids.borrow_mut();
            ids.accounts.insert(name.clone(), id.clone());
            ids.created_accounts.insert(name.clone(), id);
        }
        Change::MoveAccount { name, id, from, to } => {
            let account =
                id.clone().or_else(|| ids.borrow().accounts.get(name).cloned()).ok_or_else(|| missing(format!("account {name}")))?;
            let from = ids.borrow().parent(from).ok_or_else(|| missing(format!("OU {from}")))?;
            let to = ids.borrow().parent(to).ok_or_else(|| missing(format!("OU {to}")))?;
            write.move_account(&account, &from, &to).await?;
        }
        Change::TagAccount { id, tags, .. } => write.tag_resource(id, tags).await?,
        Change::CreateBudget { budget } => {
            let spec = budget_spec(budget, &ids.borrow()).ok_or_else(|| missing(format!("the account of budget {}", budget.name)))?;
            writers.budgets.create_budget(management, &spec).await?;
        }
        Change::UpdateBudget { budget, alerts_from, .. } => {
            let spec = budget_spec(budget, &ids.borrow()).ok_or_else(|| missing(format!("the account of budget {}", budget.name)))?;
            writers.budgets.update_budget(management, &spec, alerts_from.as_deref()).await?;
        }
        Change::DeleteBudget { name } => writers.budgets.delete_budget(management, name).await?,
        Change::CreatePermissionSet { name, fields } => {
            let arn = writers.sso.create_permission_set(instance_arn, name, fields, &managed_by()).await?;
            ids.borrow_mut().permission_sets.insert(name.clone(), arn);
        }
        Change::UpdatePermissionSet { arn, fields, .. } => writers.sso.update_permission_set(instance_arn, arn, fields).await?,
        Change::AttachPermissionSetPolicy { permission_set, arn, policy } => {
            let arn = permission_set_arn(ids, permission_set, arn.as_deref())?;
            writers.sso.attach_policy(instance_arn, &arn, policy).await?;
        }
        Change::DetachPermissionSetPolicy { arn, policy, .. } => writers.sso.detach_policy(instance_arn, arn, policy).await?,
        Change::ProvisionPermissionSet { permission_set, arn, .. } => {
            let arn = permission_set_arn(ids, permission_set, arn.as_deref())?;
            sso::provision(writers.sso, writers.polling, instance_arn, &arn).await?;
        }
        Change::CreateAccountAssignment { principal, permission_set, permission_set_arn: arn, account, account_id, .. } => {
            let arn = permission_set_arn(ids, permission_set, arn.as_deref())?;
            let account_id = account_id
                .clone()
                .or_else(|| ids.borrow().accounts.get(account).cloned())
                .ok_or_else(|| missing(format!("account {account}")))?;
            let principal_id = principal.id.clone().ok_or_else(|| missing(format!("{principal} in the identity store")))?;
            let assignment = Assignment { account_id, permission_set_arn: arn, principal_kind: principal.kind, principal_id };
            if let Some(result) = resumed.and_then(|r| r.get(&(AssignmentOp::Create, assignment.clone()))) {
                return result.clone();
            }
            context.assignments.run(writers.sso, writers.journal, writers.polling, instance_arn, AssignmentOp::Create, &assignment).await?;
        }
        Change::DeleteAccountAssignment { principal, permission_set_arn, account_id, .. } => {
            let principal_id = principal.id.clone().ok_or_else(|| missing(format!("{principal} in the identity store")))?;
            let assignment = Assignment {
                account_id: account_id.clone(),
                permission_set_arn: permission_set_arn.clone(),
                principal_kind: principal.kind,
                principal_id,
            };
            if let Some(result) = resumed.and_then(|r| r.get(&(AssignmentOp::Delete, assignment.clone()))) {
                return result.clone();
            }
            context.assignments.run(writers.sso, writers.journal, writers.polling, instance_arn, AssignmentOp::Delete, &assignment).await?;
        }
        Change::CreateQueue { account, account_id, queue, fifo, attributes, dead_letter_queue } => {
            let id = workers::account_id(&ids.borrow(), account, account_id.as_deref())?;
            workers::create_queue(writers.workers, &id, queue, *fifo, attributes, dead_letter_queue.as_ref()).await?;
        }
        Change::SetQueueAttributes { account_id, queue, attributes, dead_letter_queue, .. } => {
            workers::set_queue_attributes(writers.workers, account_id, queue, attributes, dead_letter_queue.as_ref()).await?;
        }
        Change::CreateTable { account, account_id, table } => {
            let id = workers::account_id(&ids.borrow(), account, account_id.as_deref())?;
            workers::create_table(writers.workers, &id, table, writers.polling).await?;
        }
        Change::RegisterScalableTarget { account_id, resource, target, .. } => {
            writers.workers.register_scalable_target(account_id, resource, target).await?;
        }
        Change::PutScalingPolicy { account_id, resource, policy, alarm, .. } => {
            workers::put_scaling_policy(writers.workers, account_id, resource, policy, alarm).await?;
        }
    }
    Ok(())
}

/// A permission set's ARN: planned, or made by this apply.
fn permission_set_arn(ids: &RefCell<Ids>, name: &str, planned: Option<&str>) -> Result<String, ChangeError> {
    planned
        .map(str::to_string)
        .or_else(|| ids.borrow().permission_sets.get(name).cloned())
        .ok_or_else(|| ChangeError::Missing(format!("permission set {name}")))
}

fn target_label(target: &Target) -> String {
    match target.kind {
        TargetKind::Account => format!("account {}", target.name),
        _ => format!("OU {}", target.name),
    }
}

fn budget_spec(budget: &PlannedBudget, ids: &Ids) -> Option<BudgetSpec> {
    let resolved = match (&budget.scope, &budget.account_id) {
        (model::BudgetScope::Account { account }, None) => {
            PlannedBudget { account_id: ids.accounts.get(account).cloned(), ..budget.clone() }
        }
        _ => budget.clone(),
    };
    Some(BudgetSpec {
        name: budget.name.clone(),
        limit_usd: budget.limit_usd,
        filter: crate::plan::budget_filter(&resolved)?,
        alert_percent: budget.alert_percent.clone(),
        notify: budget.notify.clone(),
    })
}
