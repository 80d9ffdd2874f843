//! The agent workers' plumbing as the repo wants it: in every account whose template says
//! `workers = true`, a task queue with a dead-letter queue and a task table (`[workers]`).

use std::collections::BTreeMap;

use super::accounts::{AccountRef, DesiredAccount};
use crate::config::Repo;
use crate::config::schema::ScalingSection;
use crate::scaling::{Scaling, Step};

/// What AWS keeps a dead letter for at most: long enough to look at it after a weekend.
pub const DEAD_LETTER_RETENTION_S: u32 = 1_209_600;

/// `[workers]`, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerSettings {
    pub queue: String,
    pub dead_letter_queue: String,
    pub max_receive_count: u32,
    pub visibility_timeout_s: u32,
    pub max_message_size: u32,
    pub table: String,
    pub cluster: String,
    pub service: String,
    pub region: String,
    /// `[workers.scaling]`; `None` when scaling is not managed.
    pub scaling: Option<Scaling>,
}

impl WorkerSettings {
    /// A FIFO queue: its name ends in `.fifo` (validation makes the dead-letter queue match).
    pub fn fifo(&self) -> bool {
        self.queue.ends_with(".fifo")
    }

    /// The attributes the tool manages on the task queue, as SQS spells them; the redrive policy
    /// is apart, since it names the dead-letter queue's ARN.
    pub fn queue_attributes(&self) -> BTreeMap<String, String> {
        BTreeMap::from([
            ("VisibilityTimeout".to_string(), self.visibility_timeout_s.to_string()),
            ("MaximumMessageSize".to_string(), self.max_message_size.to_string()),
        ])
    }

    /// A redriven message must fit, and a dead letter waits as long as SQS allows.
    pub fn dead_letter_attributes(&self) -> BTreeMap<String, String> {
        BTreeMap::from([
            ("MaximumMessageSize".to_string(), self.max_message_size.to_string()),
            ("MessageRetentionPeriod".to_string(), DEAD_LETTER_RETENTION_S.to_string()),
        ])
    }
}

/// An account that runs workers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerAccount {
    pub name: String,
    /// Known once the account exists.
    pub id: Option<String>,
    pub declared_as: AccountRef,
    pub customers: Vec<String>,
    /// `worker drain` took it out of service: no dispatch, scaling suspended.
    pub drained: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesiredWorkers {
    pub settings: WorkerSettings,
    pub accounts: Vec<WorkerAccount>,
}

impl DesiredWorkers {
    pub fn account_of(&self, customer: &str) -> Option<&WorkerAccount> {
        self.accounts.iter().find(|a| a.customers.iter().any(|c| c == customer))
    }
}

/// Whether accounts made from the template run workers.
pub fn runs_workers(repo: &Repo, template: &str) -> bool {
    repo.templates.iter().find(|t| t.name == template).and_then(|t| t.file.workers.as_ref()).is_some_and(|w| *w.get_ref())
}

/// `None` when the repo has no `[workers]`: then nothing of the workers is read nor planned.
pub fn desired_workers(repo: &Repo, accounts: &[DesiredAccount]) -> Option<DesiredWorkers> {
    let section = repo.org.workers.as_ref()?;
    let settings = WorkerSettings {
        queue: section.queue.get_ref().clone(),
        dead_letter_queue: section.dead_letter_queue.get_ref().clone(),
        max_receive_count: *section.max_receive_count.get_ref(),
        visibility_timeout_s: *section.visibility_timeout_s.get_ref(),
        max_message_size: *section.max_message_size.get_ref(),
        table: section.table.get_ref().clone(),
        cluster: section.cluster.get_ref().clone(),
        service: section.service.get_ref().clone(),
        region: section.region.as_ref().unwrap_or(&repo.org.organization.home_region).get_ref().clone(),
        scaling: section.scaling.as_ref().map(|s| scaling(s.get_ref())),
    };
    let accounts = accounts
        .iter()
        .filter(|a| runs_workers(repo, &a.template))
        .map(|a| WorkerAccount {
            name: a.name.clone(),
            id: a.id.clone(),
            declared_as: a.declared_as.clone(),
            customers: a.customers.clone(),
            drained: is_drained(repo, &a.declared_as),
        })
        .collect();
    Some(DesiredWorkers { settings, accounts })
}

/// `[workers.scaling]` as written, the design's steps where it names none.
pub fn scaling(section: &ScalingSection) -> Scaling {
    let steps = match &section.steps {
        Some(steps) => {
            steps.get_ref().iter().map(|s| s.get_ref()).map(|s| Step { at_least: s.at_least, below: s.below, change: s.change }).collect()
        }
        None => Scaling::default().steps,
    };
    Scaling {
        min: *section.min.get_ref(),
        max: *section.max.get_ref(),
        cooldown_out_s: *section.cooldown_out_s.get_ref(),
        cooldown_in_s: *section.cooldown_in_s.get_ref(),
        steps,
    }
}

/// Whether tenants.toml marks the pool drained.
fn is_drained(repo: &Repo, account: &AccountRef) -> bool {
    let AccountRef::Pool { tier, number } = account else { return false };
    repo.tenants.pool.iter().any(|p| p.tier.get_ref() == tier && p.number.get_ref() == number && p.drained)
}
