//! Identity Center writes: permission sets and their policies as they come, and account
//! assignments under two limits — at most `sso_assignments_in_flight` requests outstanding, and one
//! at a time per account, since IAM updates one role of an account at once — each polled until
//! AWS says it is done, and journaled so that a stopped run never asks twice.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::{Mutex, Semaphore};

use super::ChangeError;
use super::journal::{AssignmentEntry, AssignmentOp, Journal, State};
use crate::api_error::AwsError;
use crate::model::{MANAGED_BY_KEY, MANAGED_BY_VALUE};
use crate::observe::Tags;
use crate::observe::sso::Assignment;
use crate::plan::{PermissionSetFields, SsoPolicy};

/// Where an asynchronous Identity Center request stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RequestState {
    InProgress,
    Succeeded,
    Failed { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestStatus {
    pub request_id: String,
    pub state: RequestState,
}

/// Write access to IAM Identity Center. Each method is one API operation; the adapter retries
/// `ConflictException` and throttling with jittered backoff.
#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait SsoWrite {
    /// Returns the new permission set's ARN.
    async fn create_permission_set(
        &self,
        instance_arn: &str,
        name: &str,
        fields: &PermissionSetFields,
        tags: &Tags,
    ) -> Result<String, AwsError>;
    /// Sends every field: AWS clears what an update leaves out.
    async fn update_permission_set(&self, instance_arn: &str, arn: &str, fields: &PermissionSetFields) -> Result<(), AwsError>;
    /// Attach a managed or customer-managed policy, put the inline policy or the boundary.
    async fn attach_policy(&self, instance_arn: &str, arn: &str, policy: &SsoPolicy) -> Result<(), AwsError>;
    async fn detach_policy(&self, instance_arn: &str, arn: &str, policy: &SsoPolicy) -> Result<(), AwsError>;
    /// ProvisionPermissionSet to ALL_PROVISIONED_ACCOUNTS.
    async fn provision_permission_set(&self, instance_arn: &str, arn: &str) -> Result<RequestStatus, AwsError>;
    async fn provisioning_status(&self, instance_arn: &str, request_id: &str) -> Result<RequestStatus, AwsError>;
    async fn create_assignment(&self, instance_arn: &str, assignment: &Assignment) -> Result<RequestStatus, AwsError>;
    async fn assignment_creation_status(&self, instance_arn: &str, request_id: &str) -> Result<RequestStatus, AwsError>;
    async fn delete_assignment(&self, instance_arn: &str, assignment: &Assignment) -> Result<RequestStatus, AwsError>;
    async fn assignment_deletion_status(&self, instance_arn: &str, request_id: &str) -> Result<RequestStatus, AwsError>;
}

/// How long to wait between polls of one request: quick at first, as most finish in seconds.
#[derive(Debug, Clone, Copy)]
pub struct Polling {
    pub first: Duration,
    pub max: Duration,
    /// After this many polls a request still in progress is reported as failed, to be resumed.
    pub attempts: u32,
}

impl Default for Polling {
    fn default() -> Self {
        Polling { first: Duration::from_millis(500), max: Duration::from_secs(5), attempts: 180 }
    }
}

pub fn managed_by() -> Tags {
    Tags::from([(MANAGED_BY_KEY.to_string(), MANAGED_BY_VALUE.to_string())])
}

/// The limits assignment requests keep to, and the most seen outstanding at once.
pub(crate) struct Assignments {
    in_flight: Semaphore,
    accounts: RefCell<BTreeMap<String, Rc<Mutex<()>>>>,
    outstanding: Cell<usize>,
    pub peak: Cell<usize>,
}

impl Assignments {
    pub fn new(in_flight: usize) -> Self {
        Assignments {
            in_flight: Semaphore::new(in_flight.max(1)),
            accounts: RefCell::new(BTreeMap::new()),
            outstanding: Cell::new(0),
            peak: Cell::new(0),
        }
    }

    /// Sends a create or delete and polls it to the end, holding the account's turn and a slot.
    pub async fn run(
        &self,
        write: &impl SsoWrite,
        journal: &Journal,
        polling: Polling,
        instance_arn: &str,
        op: AssignmentOp,
        assignment: &Assignment,
    ) -> Result<(), ChangeError> {
        let account = self.accounts.borrow_mut().entry(assignment.account_id.clone()).or_default().clone();
        let _turn = account.lock().await;
        let _slot = self.in_flight.acquire().await.expect("the limiter is never closed");
        self.outstanding.set(self.outstanding.get() + 1);
        self.peak.set(self.peak.get().max(self.outstanding.get()));
        let result = self.request(write, journal, polling, instance_arn, op, assignment).await;
        self.outstanding.set(self.outstanding.get() - 1);
        result
    }

    async fn request(
        &self,
        write: &impl SsoWrite,
        journal: &Journal,
        polling: Polling,
        instance_arn: &str,
        op: AssignmentOp,
        assignment: &Assignment,
    ) -> Result<(), ChangeError> {
        let record = |state: State, request_id: Option<String>| {
            let entry = AssignmentEntry { op, assignment: assignment.clone(), state, request_id };
            journal.record_assignment(&entry).map_err(|e| ChangeError::Journal { message: e.to_string() })
        };
        record(State::Requesting, None)?;
        let sent = match op {
            AssignmentOp::Create => write.create_assignment(instance_arn, assignment).await,
            AssignmentOp::Delete => write.delete_assignment(instance_arn, assignment).await,
        };
        let status = sent?;
        record(State::InProgress, Some(status.request_id.clone()))?;
        let finished = follow(write, polling, instance_arn, op, status).await;
        let state = match &finished {
            Ok(()) => State::Succeeded,
            Err(ChangeError::AssignmentFailed { .. }) => State::Failed,
            // Still in progress or unreadable: the journal keeps it to be resumed.
            Err(_) => return finished,
        };
        record(state, None)?;
        finished
    }

    /// Polls the requests a stopped run left unfinished, so that none is sent twice; returns the
    /// assignments they made or removed, for the apply to take as done.
    pub async fn resume(
        &self,
        write: &impl SsoWrite,
        journal: &Journal,
        polling: Polling,
        instance_arn: &str,
    ) -> BTreeMap<(AssignmentOp, Assignment), Result<(), ChangeError>> {
        let mut done = BTreeMap::new();
        for entry in journal.unfinished_assignments() {
            let Some(request_id) = entry.request_id.clone() else {
                continue; // never answered: the plan, made from a fresh read, decides again
            };
            let status = RequestStatus { request_id, state: RequestState::InProgress };
            let result = follow(write, polling, instance_arn, entry.op, status).await;
            let state = match &result {
                Ok(()) => State::Succeeded,
                Err(ChangeError::AssignmentFailed { .. }) => State::Failed,
                Err(_) => continue,
            };
            let _ = journal.record_assignment(&AssignmentEntry { state, request_id: None, ..entry.clone() });
            done.insert((entry.op, entry.assignment), result);
        }
        done
    }
}

/// Polls one request until AWS says it succeeded or failed.
async fn follow(
    write: &impl SsoWrite,
    polling: Polling,
    instance_arn: &str,
    op: AssignmentOp,
    mut status: RequestStatus,
) -> Result<(), ChangeError> {
    let mut delay = polling.first;
    for _ in 0..polling.attempts {
        match status.state {
            RequestState::Succeeded => return Ok(()),
            RequestState::Failed { reason } => return Err(ChangeError::AssignmentFailed { op, reason }),
            RequestState::InProgress => {}
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(polling.max);
        status = match op {
            AssignmentOp::Create => write.assignment_creation_status(instance_arn, &status.request_id).await?,
            AssignmentOp::Delete => write.assignment_deletion_status(instance_arn, &status.request_id).await?,
        };
    }
    Err(ChangeError::StillInProgress { what: format!("{op} request {}", status.request_id) })
}

/// Provisions a permission set and polls the request until it is done.
pub async fn provision(write: &impl SsoWrite, polling: Polling, instance_arn: &str, arn: &str) -> Result<(), ChangeError> {
    let mut status = write.provision_permission_set(instance_arn, arn).await?;
    let mut delay = polling.first;
    for _ in 0..polling.attempts {
        match status.state {
            RequestState::Succeeded => return Ok(()),
            RequestState::Failed { reason } => return Err(ChangeError::ProvisioningFailed { reason }),
            RequestState::InProgress => {}
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(polling.max);
        status = write.provisioning_status(instance_arn, &status.request_id).await?;
    }
    Err(ChangeError::StillInProgress { what: format!("ProvisionPermissionSet request {}", status.request_id) })
}

/// What to do about an assignment request AWS failed, from its FailureReason.
pub fn assignment_help(reason: &str) -> String {
    let lower = reason.to_ascii_lowercase();
    if lower.contains("policy") && (lower.contains("not exist") || lower.contains("not found") || lower.contains("customer managed")) {
        "a customer-managed policy or boundary the permission set names is missing in that account: create it there (same name and path), then run apply again".into()
    } else if lower.contains("quota") || lower.contains("limit") {
        "an IAM quota of the account is reached (roles, or managed policies per role): raise it or remove policies, then run apply again"
            .into()
    } else if lower.contains("scp") || lower.contains("service control") || lower.contains("denied") {
        "an SCP or permissions boundary in that account denies IAM Identity Center's role changes: allow them for the AWSReservedSSO_* roles, then run apply again".into()
    } else {
        "fix what AWS names, then run apply again: it retries only what is still missing".into()
    }
}
