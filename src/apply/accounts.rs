//! Account creation: at most `create_account_in_flight` requests at once, each written to the
//! journal before it is polled, and never a second request for an account AWS is still creating.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::time::Duration;

use tokio::sync::Semaphore;

use super::journal::{Entry, State};
use super::{BudgetWrite, ChangeError, OrgWrite, SsoWrite, WorkerWrite, Writers};
use crate::observe::Tags;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateAccountState {
    InProgress,
    Succeeded { account_id: String },
    Failed { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateAccountStatus {
    pub request_id: String,
    pub account_name: String,
    pub state: CreateAccountState,
}

/// What to do about each reason AWS gives for a failed CreateAccount.
pub fn failure_help(reason: &str, email: &str) -> String {
    match reason {
        "EMAIL_ALREADY_EXISTS" => format!("the email {email} already belongs to an AWS account: give this account another email ([organization] email or [account] email) or import the existing account"),
        "ACCOUNT_LIMIT_EXCEEDED" => "the organization has reached its account quota: ask for more in Service Quotas (AWS Organizations, \"Default maximum number of accounts\") and run apply again".into(),
        "CONCURRENT_ACCOUNT_MODIFICATION" => "another change to the organization's accounts was in progress: run apply again".into(),
        "INVALID_EMAIL" => format!("AWS rejected the email {email}: use a valid address and run apply again"),
        "INVALID_ADDRESS" => "the management account's contact address is invalid: correct it in the AWS Billing console and run apply again".into(),
        "INTERNAL_FAILURE" => "AWS failed internally: run apply again; if it keeps failing, contact AWS Support".into(),
        "INVALID_PAYMENT_INSTRUMENT" => "the management account has no valid payment method: add one in the AWS Billing console and run apply again".into(),
        "ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED" => "AWS's daily limit on new accounts was reached: run apply again tomorrow, or ask AWS Support to raise the limit".into(),
        "PENDING_BUSINESS_VALIDATION" | "FAILED_BUSINESS_VALIDATION" => "AWS is validating the management account's business details: wait for AWS, or contact AWS Support".into(),
        "MISSING_BUSINESS_VALIDATION" | "MISSING_PAYMENT_INSTRUMENT" => "the management account is missing billing details: complete them in the AWS Billing console".into(),
        "UPDATE_EXISTING_RESOURCE_POLICY_WITH_TAGS_NOT_SUPPORTED" => "the tags could not be applied to the new account: check the organization's tag policies".into(),
        other => format!("CreateAccount failed with {other}: see the AWS Organizations documentation of CreateAccountStatus"),
    }
}

/// The account creations of one apply.
pub struct Creations {
    in_flight: Semaphore,
    /// Creations under way now, and the most at once: the benchmark shows the limit is kept full.
    active: Cell<usize>,
    pub peak: Cell<usize>,
    /// Requests to resume rather than repeat, by account name.
    known: RefCell<BTreeMap<String, String>>,
}

impl Creations {
    pub fn new(in_flight: usize) -> Creations {
        Creations {
            in_flight: Semaphore::new(in_flight.max(1)),
            active: Cell::new(0),
            peak: Cell::new(0),
            known: RefCell::new(BTreeMap::new()),
        }
    }

    /// Finds requests a stopped run left behind: in the journal, and those AWS is still working on.
    pub async fn resume(&self, writers: &Writers<'_, impl OrgWrite, impl BudgetWrite, impl SsoWrite, impl WorkerWrite>) {
        let unfinished = writers.journal.unfinished().into_iter().filter_map(|(name, entry)| Some((name, entry.request_id?)));
        self.known.borrow_mut().extend(unfinished);
        // Without this answer a request sent just before a crash could not be found: better to wait for
        // AWS than to risk a second account, so a failure here is reported by the creation itself.
        if let Ok(requests) = writers.org.account_requests_in_progress().await {
            let mut known = self.known.borrow_mut();
            for request in requests {
                known.entry(request.account_name).or_insert(request.request_id);
            }
        }
    }

    /// Creates one account (or finishes a request already made for it); returns its id.
    pub async fn create(
        &self,
        writers: &Writers<'_, impl OrgWrite, impl BudgetWrite, impl SsoWrite, impl WorkerWrite>,
        name: &str,
        email: &str,
        tags: &Tags,
    ) -> Result<String, ChangeError> {
        let _slot = self.in_flight.acquire().await.expect("never closed");
        self.active.set(self.active.get() + 1);
        self.peak.set(self.peak.get().max(self.active.get()));
        let result = self.create_one(writers, name, email, tags).await;
        self.active.set(self.active.get() - 1);
        result
    }

    async fn create_one(
        &self,
        writers: &Writers<'_, impl OrgWrite, impl BudgetWrite, impl SsoWrite, impl WorkerWrite>,
        name: &str,
        email: &str,
        tags: &Tags,
    ) -> Result<String, ChangeError> {
        let journal = writers.journal;
        let record = |state: State, request_id: Option<&str>, account_id: Option<&str>| {
            let entry = Entry {
                account_name: name.into(),
                email: email.into(),
                state,
                request_id: request_id.map(Into::into),
                account_id: account_id.map(Into::into),
            };
            journal.record(&entry).map_err(|e| ChangeError::Journal { message: e.to_string() })
        };
        let known = self.known.borrow().get(name).cloned();
        let request = match known {
            Some(request) => request,
            None => {
                record(State::Requesting, None, None)?;
                let request = writers.org.create_account(name, email, writers.member_role, tags).await?;
                record(State::InProgress, Some(&request), None)?;
                request
            }
        };
        let mut delay = Duration::from_millis(500);
        loop {
            let status = writers.org.create_account_status(&request).await?;
            match status.state {
                CreateAccountState::InProgress => {
                    tokio::time::sleep(delay).await;
                    delay = (delay * 3 / 2).min(Duration::from_secs(15));
                }
                CreateAccountState::Succeeded { account_id } => {
                    record(State::Succeeded, Some(&request), Some(&account_id))?;
                    return Ok(account_id);
                }
                CreateAccountState::Failed { reason } => {
                    record(State::Failed, Some(&request), None)?;
                    return Err(ChangeError::AccountCreation { account: name.into(), email: email.into(), reason });
                }
            }
        }
    }
}
