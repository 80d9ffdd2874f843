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
use crate::api_error::{AwsError, AwsErrorKind};
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
                // AWS no longer knows the request, so it ended long ago: the plan, made from a
                // fresh read, decides whether to ask again.
                Err(ChangeError::Aws(err)) if err.kind == AwsErrorKind::NotFound => {
                    let _ = journal.record_assignment(&AssignmentEntry { state: State::Failed, request_id: None, ..entry });
                    continue;
                }
                // Still in progress or unreadable: kept in the journal to be resumed, and the
                // change fails with it rather than sending the request a second time.
                Err(_) => {
                    done.insert((entry.op, entry.assignment), result);
                    continue;
                }
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
    // The answer to the last poll is looked at too.
    for poll in 0..=polling.attempts {
        match status.state {
            RequestState::Succeeded => return Ok(()),
            RequestState::Failed { reason } => return Err(ChangeError::AssignmentFailed { op, reason }),
            RequestState::InProgress if poll == polling.attempts => break,
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
    for poll in 0..=polling.attempts {
        match status.state {
            RequestState::Succeeded => return Ok(()),
            RequestState::Failed { reason } => return Err(ChangeError::ProvisioningFailed { reason }),
            RequestState::InProgress if poll == polling.attempts => break,
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

/// The engine's limits, with a test double that only counts: the requests of the real adapter are
/// tested in `aws::sso`.
#[cfg(test)]
mod tests {
    use futures_util::future::join_all;

    use super::*;
    use crate::access::PrincipalKind;

    /// Answers every assignment request after a while, as AWS does, and records how many were
    /// outstanding at once, in all and per account.
    #[derive(Default)]
    struct Recorder {
        /// Account of each request, by id.
        requests: RefCell<BTreeMap<String, String>>,
        polls: RefCell<BTreeMap<String, u32>>,
        outstanding: RefCell<BTreeMap<String, usize>>,
        peak: Cell<usize>,
        peak_per_account: Cell<usize>,
    }

    impl Recorder {
        fn outstanding(&self) -> usize {
            self.outstanding.borrow().values().sum()
        }
    }

    impl SsoWrite for Recorder {
        async fn create_permission_set(&self, _: &str, _: &str, _: &PermissionSetFields, _: &Tags) -> Result<String, AwsError> {
            unreachable!("only assignments here")
        }
        async fn update_permission_set(&self, _: &str, _: &str, _: &PermissionSetFields) -> Result<(), AwsError> {
            unreachable!("only assignments here")
        }
        async fn attach_policy(&self, _: &str, _: &str, _: &SsoPolicy) -> Result<(), AwsError> {
            unreachable!("only assignments here")
        }
        async fn detach_policy(&self, _: &str, _: &str, _: &SsoPolicy) -> Result<(), AwsError> {
            unreachable!("only assignments here")
        }
        async fn provision_permission_set(&self, _: &str, _: &str) -> Result<RequestStatus, AwsError> {
            unreachable!("only assignments here")
        }
        async fn provisioning_status(&self, _: &str, _: &str) -> Result<RequestStatus, AwsError> {
            unreachable!("only assignments here")
        }

        async fn create_assignment(&self, _: &str, assignment: &Assignment) -> Result<RequestStatus, AwsError> {
            let request_id = format!("req-{}", self.requests.borrow().len() + 1);
            self.requests.borrow_mut().insert(request_id.clone(), assignment.account_id.clone());
            let in_account = {
                let mut outstanding = self.outstanding.borrow_mut();
                let count = outstanding.entry(assignment.account_id.clone()).or_default();
                *count += 1;
                *count
            };
            self.peak.set(self.peak.get().max(self.outstanding()));
            self.peak_per_account.set(self.peak_per_account.get().max(in_account));
            tokio::time::sleep(Duration::from_millis(200)).await;
            Ok(RequestStatus { request_id, state: RequestState::InProgress })
        }

        async fn assignment_creation_status(&self, _: &str, request_id: &str) -> Result<RequestStatus, AwsError> {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let polls = {
                let mut polls = self.polls.borrow_mut();
                let count = polls.entry(request_id.to_string()).or_default();
                *count += 1;
                *count
            };
            // Each request takes a few polls, a different number for each, so that they overlap unevenly.
            let needed = 1 + request_id.trim_start_matches("req-").parse::<u32>().unwrap() % 3;
            if polls < needed {
                return Ok(RequestStatus { request_id: request_id.into(), state: RequestState::InProgress });
            }
            let account = self.requests.borrow()[request_id].clone();
            *self.outstanding.borrow_mut().get_mut(&account).unwrap() -= 1;
            Ok(RequestStatus { request_id: request_id.into(), state: RequestState::Succeeded })
        }

        async fn delete_assignment(&self, _: &str, _: &Assignment) -> Result<RequestStatus, AwsError> {
            unreachable!("only creates here")
        }
        async fn assignment_deletion_status(&self, _: &str, _: &str) -> Result<RequestStatus, AwsError> {
            unreachable!("only creates here")
        }
    }

    #[tokio::test(start_paused = true)]
    async fn assignments_keep_to_the_limit_in_flight_and_to_one_per_account() {
        let accounts = ["111111111111", "222222222222", "333333333333", "444444444444"];
        let assignments: Vec<Assignment> = accounts
            .iter()
            .flat_map(|account| {
                (1..=3).map(move |set| Assignment {
                    account_id: account.to_string(),
                    permission_set_arn: format!("arn:aws:sso:::permissionSet/ssoins-1/ps-{set}"),
                    principal_kind: PrincipalKind::Group,
                    principal_id: "g-developers".into(),
                })
            })
            .collect();
        let write = Recorder::default();
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::in_repo(dir.path());
        let limiter = Assignments::new(3);
        let polling = Polling::default();
        let runs =
            assignments.iter().map(|a| limiter.run(&write, &journal, polling, "arn:aws:sso:::instance/ssoins-1", AssignmentOp::Create, a));
        for result in join_all(runs).await {
            result.unwrap();
        }
        assert_eq!(write.requests.borrow().len(), 12);
        assert_eq!(write.peak.get(), 3, "at most 3 outstanding, and the limit is used");
        assert_eq!(write.peak_per_account.get(), 1, "never two requests at once in one account");
        assert_eq!(limiter.peak.get(), 3);
        assert_eq!(write.outstanding(), 0);
        assert!(journal.unfinished_assignments().is_empty());
    }
}
