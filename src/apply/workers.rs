//! Writes to the agent workers' plumbing and tasks in member accounts, through the
//! [`WorkerWrite`] port: the plan's queues and tables, and the task writes of `worker dispatch`,
//! `cancel` and `redrive`.

use std::collections::BTreeMap;

use super::sso::{Polling, managed_by};
use super::{ChangeError, Ids};
use crate::api_error::AwsError;
use crate::observe::Tags;
use crate::observe::workers::{ScalableTarget, WorkerRead};
use crate::plan::DeadLetter;
use crate::scaling::{Alarm, StepPolicy};
use crate::task::{TaskRecord, TaskState};

/// A message to send: its body and, for grouping, its group and deduplication ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub body: String,
    pub group: Option<String>,
    /// FIFO queues only.
    pub deduplication_id: Option<String>,
}

/// Why SQS refused one entry of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFailure {
    pub code: String,
    pub message: String,
    /// The request was wrong: sending it again cannot help.
    pub sender_fault: bool,
}

/// A message taken from a queue, with what is needed to move it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub receipt_handle: String,
    pub body: String,
    pub group: Option<String>,
    pub deduplication_id: Option<String>,
}

/// Write access to the workers' plumbing and tasks of member accounts. "Already done" is success.
#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait WorkerWrite: WorkerRead {
    async fn create_queue(&self, account: &str, name: &str, attributes: &BTreeMap<String, String>, tags: &Tags) -> Result<(), AwsError>;
    async fn set_queue_attributes(&self, account: &str, name: &str, attributes: &BTreeMap<String, String>) -> Result<(), AwsError>;
    async fn create_table(&self, account: &str, name: &str, tags: &Tags) -> Result<(), AwsError>;
    /// Puts each task unless its key exists (a conditional PutItem each, together); returns the
    /// ids refused because they exist.
    async fn record_tasks(&self, account: &str, table: &str, tasks: &[TaskRecord]) -> Result<Vec<String>, AwsError>;
    /// Sets `message_id` of sent tasks, and nothing else: a worker may have moved the task on
    /// already.
    async fn mark_sent(&self, account: &str, table: &str, sent: &[(String, String)]) -> Result<(), AwsError>;
    /// Sets a task's state if it is one of `from`; returns the state it has when it is not.
    async fn set_state(
        &self,
        account: &str,
        table: &str,
        task_id: &str,
        to: TaskState,
        from: &[TaskState],
        now: &str,
    ) -> Result<Result<(), Option<TaskState>>, AwsError>;
    /// SendMessageBatch of at most 10; one result per entry, in order: the message id or why not.
    async fn send_batch(&self, account: &str, queue_url: &str, entries: &[Outgoing])
    -> Result<Vec<Result<String, EntryFailure>>, AwsError>;
    async fn receive(&self, account: &str, queue_url: &str, max: u32, visibility_timeout_s: u32) -> Result<Vec<Received>, AwsError>;
    /// DeleteMessageBatch of at most 10.
    async fn delete_batch(&self, account: &str, queue_url: &str, receipt_handles: &[String]) -> Result<(), AwsError>;
    /// Makes received messages visible again at once (ChangeMessageVisibilityBatch, at most 10).
    async fn release_batch(&self, account: &str, queue_url: &str, receipt_handles: &[String]) -> Result<(), AwsError>;
    /// RegisterScalableTarget of the ECS service's DesiredCount (creates or updates).
    async fn register_scalable_target(&self, account: &str, resource: &str, target: &ScalableTarget) -> Result<(), AwsError>;
    /// PutScalingPolicy (creates or replaces); returns the policy's ARN.
    async fn put_scaling_policy(&self, account: &str, resource: &str, policy: &StepPolicy) -> Result<String, AwsError>;
    /// PutMetricAlarm (creates or replaces) with `action` as its only alarm action.
    async fn put_alarm(&self, account: &str, alarm: &Alarm, action: &str, tags: &Tags) -> Result<(), AwsError>;
    /// UpdateService with a new desired count.
    async fn set_desired_count(&self, account: &str, cluster: &str, service: &str, desired: u32) -> Result<(), AwsError>;
}

/// One direction of the step rule: the policy, then its alarm pointing at the policy's ARN.
pub(super) async fn put_scaling_policy(
    write: &impl WorkerWrite,
    account_id: &str,
    resource: &str,
    policy: &StepPolicy,
    alarm: &Alarm,
) -> Result<(), ChangeError> {
    let arn = write.put_scaling_policy(account_id, resource, policy).await?;
    write.put_alarm(account_id, alarm, &arn, &managed_by()).await?;
    Ok(())
}

/// The redrive policy SQS takes.
pub fn redrive_policy(dead_letter_arn: &str, max_receive_count: u32) -> String {
    serde_json::json!({ "deadLetterTargetArn": dead_letter_arn, "maxReceiveCount": max_receive_count }).to_string()
}

/// The account id of a change: planned, or of an account this apply created.
pub(super) fn account_id(ids: &Ids, name: &str, planned: Option<&str>) -> Result<String, ChangeError> {
    planned.map(str::to_string).or_else(|| ids.accounts.get(name).cloned()).ok_or_else(|| ChangeError::Missing(format!("account {name}")))
}

/// The full attributes of a queue to write: the redrive policy names the dead-letter queue by ARN,
/// which exists by now (an earlier phase made it).
async fn with_redrive(
    write: &impl WorkerWrite,
    account: &str,
    attributes: &BTreeMap<String, String>,
    dead_letter: Option<&DeadLetter>,
) -> Result<BTreeMap<String, String>, ChangeError> {
    let mut attributes = attributes.clone();
    if let Some(dead_letter) = dead_letter {
        let queue =
            write.queue(account, &dead_letter.queue).await?.ok_or_else(|| ChangeError::Missing(format!("queue {}", dead_letter.queue)))?;
        let arn = queue.attributes.get("QueueArn").cloned().unwrap_or_default();
        attributes.insert("RedrivePolicy".into(), redrive_policy(&arn, dead_letter.max_receive_count));
    }
    Ok(attributes)
}

pub(super) async fn create_queue(
    write: &impl WorkerWrite,
    id: &str,
    queue: &str,
    fifo: bool,
    attributes: &BTreeMap<String, String>,
    dead_letter: Option<&DeadLetter>,
) -> Result<(), ChangeError> {
    let mut attributes = with_redrive(write, id, attributes, dead_letter).await?;
    if fifo {
        attributes.insert("FifoQueue".into(), "true".into());
    }
    write.create_queue(id, queue, &attributes, &managed_by()).await?;
    Ok(())
}

pub(super) async fn set_queue_attributes(
    write: &impl WorkerWrite,
    account_id: &str,
    queue: &str,
    attributes: &BTreeMap<String, String>,
    dead_letter: Option<&DeadLetter>,
) -> Result<(), ChangeError> {
    let attributes = with_redrive(write, account_id, attributes, dead_letter).await?;
    write.set_queue_attributes(account_id, queue, &attributes).await?;
    Ok(())
}

/// Creates the table and waits until DynamoDB says it is ACTIVE: dispatch needs it usable.
pub(super) async fn create_table(write: &impl WorkerWrite, id: &str, table: &str, polling: Polling) -> Result<(), ChangeError> {
    write.create_table(id, table, &managed_by()).await?;
    let mut delay = polling.first;
    for _ in 0..polling.attempts {
        if write.table(id, table).await?.is_some_and(|t| t.status == "ACTIVE") {
            return Ok(());
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(polling.max);
    }
    Err(ChangeError::StillInProgress { what: format!("CreateTable {table} in account {id}") })
}
