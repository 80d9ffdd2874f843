//! Sending tasks to the queue of the account each customer lives in, and moving dead letters
//! back, through the [`WorkerWrite`] port. A task is recorded in the account's table before its
//! message is sent and marked sent after: a run stopped anywhere is finished by the next one,
//! which sends what was recorded and not sent, and nothing twice that was marked.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use futures_util::stream::{self, StreamExt};
use serde::Serialize;

use crate::api_error::AwsError;
use crate::apply::workers::{Outgoing, WorkerWrite};
use crate::task::{self, TaskMessage, TaskRecord, TaskRequest, TaskState};

/// SQS takes at most 10 messages a call.
pub const SEND_BATCH: usize = 10;
/// DynamoDB reads at most 100 items a BatchGetItem; tasks are dispatched in chunks of as many.
const RECORD_BATCH: usize = 100;
/// Rounds of resending the entries SQS reported failed for a reason other than the request.
const SEND_ROUNDS: u32 = 6;

/// A task to dispatch, with where it goes.
#[derive(Debug, Clone)]
pub struct Dispatch {
    /// The line of the JSONL file, for the report.
    pub line: Option<usize>,
    pub request: TaskRequest,
    pub account: String,
    pub account_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Sent,
    AlreadyQueued,
    Failed,
}

/// What became of one task.
#[derive(Debug, Clone, Serialize)]
pub struct TaskResult {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub task_id: String,
    pub customer: String,
    pub issue: String,
    pub kind: String,
    pub account: String,
    pub account_id: String,
    pub status: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The same for every task of one dispatch.
#[derive(Debug, Clone)]
pub struct Settings {
    pub queue: String,
    pub table: String,
    pub fifo: bool,
    /// The operator, as GetCallerIdentity names the base credentials.
    pub requested_by: String,
    pub now: String,
    pub accounts_in_flight: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum DispatchError {
    #[error("account {account} ({account_id}) has no queue {queue}")]
    MissingQueue { account: String, account_id: String, queue: String },
    #[error("account {account} ({account_id}) has no table {table}")]
    MissingTable { account: String, account_id: String, table: String },
    #[error("table {table} in account {account} ({account_id}) is {status}, not ACTIVE")]
    TableNotReady { account: String, account_id: String, table: String, status: String },
    #[error(transparent)]
    Aws(#[from] AwsError),
}

/// The message of a recorded task, with its group: the customer on a standard queue (fair
/// queues: one busy customer does not hold up the others), the customer and issue on a FIFO
/// queue, deduplicated by task id.
pub fn outgoing(record: &TaskRecord, fifo: bool) -> Outgoing {
    let body = record.message().body();
    if fifo {
        Outgoing { body, group: Some(format!("{}:{}", record.customer, record.issue)), deduplication_id: Some(record.task_id.clone()) }
    } else {
        Outgoing { body, group: Some(record.customer.clone()), deduplication_id: None }
    }
}

/// The record a new task starts with.
fn new_record(request: &TaskRequest, task_id: String, settings: &Settings) -> TaskRecord {
    TaskRecord {
        task_id,
        customer: request.customer.clone(),
        issue: request.issue.to_string(),
        kind: request.kind.clone(),
        priority: request.priority,
        state: TaskState::Queued,
        attempts: 0,
        requested_by: settings.requested_by.clone(),
        created_at: settings.now.clone(),
        updated_at: settings.now.clone(),
        message_id: None,
        note: request.note.clone(),
    }
}

/// The message body of a task as it would be sent, to check its size before anything is sent.
pub fn body_of(request: &TaskRequest, settings: &Settings) -> String {
    new_record(request, request.base_id(), settings).message().body()
}

/// Checks that every account has its queue and an active table, then dispatches the tasks, the
/// accounts in parallel. Only the checks stop the whole dispatch; a task SQS will not take is
/// reported failed and the others go on.
pub async fn dispatch(
    write: &impl WorkerWrite,
    settings: &Settings,
    tasks: Vec<Dispatch>,
    on_result: &dyn Fn(&TaskResult),
) -> Result<Vec<TaskResult>, DispatchError> {
    let mut by_account: BTreeMap<(String, String), Vec<Dispatch>> = BTreeMap::new();
    for task in tasks {
        by_account.entry((task.account_id.clone(), task.account.clone())).or_default().push(task);
    }
    let checks = by_account.keys().map(|(id, name)| async move {
        let (url, table) = futures_util::join!(write.queue_url(id, &settings.queue), write.table(id, &settings.table));
        let missing_queue = || DispatchError::MissingQueue { account: name.clone(), account_id: id.clone(), queue: settings.queue.clone() };
        let url = url?.ok_or_else(missing_queue)?;
        match table? {
            None => Err(DispatchError::MissingTable { account: name.clone(), account_id: id.clone(), table: settings.table.clone() }),
            Some(t) if t.status != "ACTIVE" => Err(DispatchError::TableNotReady {
                account: name.clone(),
                account_id: id.clone(),
                table: settings.table.clone(),
                status: t.status,
            }),
            Some(_) => Ok((id.clone(), url)),
        }
    });
    let mut urls = BTreeMap::new();
    let mut checked = stream::iter(checks).buffer_unordered(settings.accounts_in_flight.max(1));
    while let Some(result) = checked.next().await {
        let (id, url) = result?;
        urls.insert(id, url);
    }
    drop(checked);
    let runs = by_account.into_iter().map(|((id, _), tasks)| {
        let url = urls.get(&id).cloned().unwrap_or_default();
        async move { dispatch_account(write, settings, &id, &url, tasks, on_result).await }
    });
    let mut results = Vec::new();
    let mut running = stream::iter(runs).buffer_unordered(settings.accounts_in_flight.max(1));
    while let Some(account_results) = running.next().await {
        results.extend(account_results);
    }
    results.sort_by_key(|r| r.line);
    Ok(results)
}

/// One account's tasks, a hundred at a time: read what exists, record the new, send, mark sent.
async fn dispatch_account(
    write: &impl WorkerWrite,
    settings: &Settings,
    account_id: &str,
    url: &str,
    tasks: Vec<Dispatch>,
    on_result: &dyn Fn(&TaskResult),
) -> Vec<TaskResult> {
    let mut results = Vec::new();
    let ids = match task_ids(write, settings, account_id, &tasks).await {
        Ok(ids) => ids,
        Err(err) => return tasks.iter().map(|t| failed(t, t.request.base_id(), &err.to_string(), on_result)).collect(),
    };
    let mut seen = BTreeSet::new();
    let mut chunk: Vec<(Dispatch, String)> = Vec::new();
    for (task, id) in tasks.into_iter().zip(ids) {
        // The same task twice in one file is dispatched once.
        if !seen.insert(id.clone()) {
            let result = result(&task, id, Outcome::AlreadyQueued, None, None);
            on_result(&result);
            results.push(result);
            continue;
        }
        chunk.push((task, id));
        if chunk.len() == RECORD_BATCH {
            results.extend(dispatch_chunk(write, settings, account_id, url, std::mem::take(&mut chunk), on_result).await);
        }
    }
    if !chunk.is_empty() {
        results.extend(dispatch_chunk(write, settings, account_id, url, chunk, on_result).await);
    }
    results
}

/// Task ids: the base id, or for `again` the attempt after the last one in the table.
async fn task_ids(write: &impl WorkerWrite, settings: &Settings, account_id: &str, tasks: &[Dispatch]) -> Result<Vec<String>, AwsError> {
    let mut known: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for customer in tasks.iter().filter(|t| t.request.again).map(|t| &t.request.customer).collect::<BTreeSet<_>>() {
        let ids = write.customer_tasks(account_id, &settings.table, customer).await?.into_iter().map(|t| t.task_id);
        known.insert(customer.clone(), ids.collect());
    }
    let mut next: BTreeMap<String, u32> = BTreeMap::new();
    Ok(tasks
        .iter()
        .map(|t| {
            let base = t.request.base_id();
            if !t.request.again {
                return base;
            }
            let last = next.entry(base.clone()).or_insert_with(|| {
                let ids = known.get(&t.request.customer).into_iter().flatten();
                ids.filter_map(|id| task::attempt_of(&base, id)).max().unwrap_or(0)
            });
            *last += 1;
            task::attempt_id(&base, *last)
        })
        .collect())
}

async fn dispatch_chunk(
    write: &impl WorkerWrite,
    settings: &Settings,
    account_id: &str,
    url: &str,
    chunk: Vec<(Dispatch, String)>,
    on_result: &dyn Fn(&TaskResult),
) -> Vec<TaskResult> {
    let fail_all = |chunk: &[(Dispatch, String)], err: &AwsError| -> Vec<TaskResult> {
        chunk.iter().map(|(t, id)| failed(t, id.clone(), &err.to_string(), on_result)).collect()
    };
    let ids: Vec<String> = chunk.iter().map(|(_, id)| id.clone()).collect();
    let existing: BTreeMap<String, TaskRecord> = match write.tasks(account_id, &settings.table, &ids).await {
        Ok(found) => found.into_iter().map(|t| (t.task_id.clone(), t)).collect(),
        Err(err) => return fail_all(&chunk, &err),
    };
    let mut results = Vec::new();
    let mut to_send: Vec<(&Dispatch, TaskRecord)> = Vec::new();
    let mut new = Vec::new();
    for (task, id) in &chunk {
        match existing.get(id) {
            Some(record) if record.message_id.is_some() => {
                results.push(result(task, id.clone(), Outcome::AlreadyQueued, record.message_id.clone(), None));
                on_result(results.last().expect("just pushed"));
            }
            // Recorded by a run that stopped before sending it.
            Some(record) => to_send.push((task, record.clone())),
            None => new.push((task, new_record(&task.request, id.clone(), settings))),
        }
    }
    if !new.is_empty() {
        let records: Vec<TaskRecord> = new.iter().map(|(_, r)| r.clone()).collect();
        match write.record_tasks(account_id, &settings.table, &records).await {
            Ok(refused) => {
                for (task, record) in new {
                    if refused.contains(&record.task_id) {
                        // Recorded meanwhile by another dispatch, which sends it.
                        results.push(result(task, record.task_id, Outcome::AlreadyQueued, None, None));
                        on_result(results.last().expect("just pushed"));
                    } else {
                        to_send.push((task, record));
                    }
                }
            }
            Err(err) => {
                let failed_new: Vec<(Dispatch, String)> = new.iter().map(|(t, r)| ((*t).clone(), r.task_id.clone())).collect();
                results.extend(fail_all(&failed_new, &err));
            }
        }
    }
    let sent = send(write, settings, account_id, url, &to_send).await;
    let marks: Vec<(String, String)> =
        sent.iter().filter_map(|(i, r)| r.as_ref().ok().map(|message_id| (to_send[*i].1.task_id.clone(), message_id.clone()))).collect();
    // Not marked, the tasks are sent again by the next dispatch: at least once, never lost.
    let mark_error = write.mark_sent(account_id, &settings.table, &marks).await.err().map(|e| format!("sent, but not marked sent: {e}"));
    for (i, outcome) in sent {
        let (task, record) = &to_send[i];
        let result = match outcome {
            Ok(message_id) => {
                TaskResult { error: mark_error.clone(), ..result(task, record.task_id.clone(), Outcome::Sent, Some(message_id), None) }
            }
            Err(reason) => result(task, record.task_id.clone(), Outcome::Failed, None, Some(reason)),
        };
        on_result(&result);
        results.push(result);
    }
    results
}

/// Sends the records' messages ten a call, the calls of a chunk together; entries SQS reports
/// failed for its own reasons are sent again, alone, with backoff. One result per record, by index.
async fn send(
    write: &impl WorkerWrite,
    settings: &Settings,
    account_id: &str,
    url: &str,
    records: &[(&Dispatch, TaskRecord)],
) -> Vec<(usize, Result<String, String>)> {
    let mut done: Vec<(usize, Result<String, String>)> = Vec::new();
    let mut pending: Vec<usize> = (0..records.len()).collect();
    let mut delay = Duration::from_millis(200);
    for round in 1..=SEND_ROUNDS {
        if pending.is_empty() {
            break;
        }
        let batches = pending.chunks(SEND_BATCH).map(|batch| async move {
            let entries: Vec<Outgoing> = batch.iter().map(|i| outgoing(&records[*i].1, settings.fifo)).collect();
            (batch, write.send_batch(account_id, url, &entries).await)
        });
        let mut retry = Vec::new();
        for (batch, answer) in join_all(batches).await {
            match answer {
                Ok(entries) => {
                    for (i, entry) in batch.iter().zip(entries) {
                        match entry {
                            Ok(message_id) => done.push((*i, Ok(message_id))),
                            Err(failure) if failure.sender_fault || round == SEND_ROUNDS => {
                                done.push((*i, Err(format!("SQS refused it: {} {}", failure.code, failure.message))))
                            }
                            Err(_) => retry.push(*i),
                        }
                    }
                }
                // The SDK has retried throttling and server errors already.
                Err(err) => done.extend(batch.iter().map(|i| (*i, Err(err.to_string())))),
            }
        }
        if !retry.is_empty() {
            tokio::time::sleep(delay.mul_f64(0.5 + fastrand::f64() / 2.0)).await;
            delay = (delay * 2).min(Duration::from_secs(5));
        }
        pending = retry;
    }
    done
}

fn result(task: &Dispatch, task_id: String, status: Outcome, message_id: Option<String>, error: Option<String>) -> TaskResult {
    TaskResult {
        line: task.line,
        task_id,
        customer: task.request.customer.clone(),
        issue: task.request.issue.to_string(),
        kind: task.request.kind.clone(),
        account: task.account.clone(),
        account_id: task.account_id.clone(),
        status,
        message_id,
        error,
    }
}

fn failed(task: &Dispatch, task_id: String, error: &str, on_result: &dyn Fn(&TaskResult)) -> TaskResult {
    let result = result(task, task_id, Outcome::Failed, None, Some(error.to_string()));
    on_result(&result);
    result
}

/// What a redrive moved.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Moved {
    pub moved: u64,
    /// Dead letters of other customers, left where they are.
    pub left: u64,
    /// Dead letters SQS would not take back; they stay in the dead-letter queue.
    pub failed: u64,
}

/// How long other customers' dead letters stay hidden while the queue is read through.
const HOLD_S: u32 = 600;

/// Moves dead letters back to the task queue (all, or `customer`'s), at most `rate` a second:
/// receive, send, then delete from the dead-letter queue, so a stop in between leaves a copy in
/// both, never none. Others' letters are held hidden until the end and then released. The
/// tasks moved are `queued` again in the table.
#[allow(clippy::too_many_arguments)] // one account's queues, table and limits
pub async fn redrive(
    write: &impl WorkerWrite,
    account_id: &str,
    dead_letter_url: &str,
    queue_url: &str,
    table: &str,
    customer: Option<&str>,
    rate: u32,
    now: &str,
) -> Result<Moved, AwsError> {
    let started = Instant::now();
    let mut moved = Moved::default();
    let mut held = Vec::new();
    loop {
        let received = write.receive(account_id, dead_letter_url, SEND_BATCH as u32, HOLD_S).await?;
        if received.is_empty() {
            break;
        }
        let mut batch = Vec::new();
        for message in received {
            let task: Option<TaskMessage> = serde_json::from_str(&message.body).ok();
            let ours = customer.is_none_or(|c| task.as_ref().is_some_and(|t| t.customer == c));
            if ours { batch.push((message, task)) } else { held.push(message.receipt_handle) }
        }
        if batch.is_empty() {
            continue;
        }
        // At most `rate` a second since the start.
        let due = Duration::from_secs_f64((moved.moved + batch.len() as u64) as f64 / f64::from(rate.max(1)));
        if let Some(wait) = due.checked_sub(started.elapsed()) {
            tokio::time::sleep(wait).await;
        }
        let entries: Vec<Outgoing> = batch
            .iter()
            .map(|(m, _)| Outgoing { body: m.body.clone(), group: m.group.clone(), deduplication_id: m.deduplication_id.clone() })
            .collect();
        let sent = write.send_batch(account_id, queue_url, &entries).await?;
        let mut delete = Vec::new();
        for ((message, task), outcome) in batch.iter().zip(sent) {
            if outcome.is_ok() {
                delete.push(message.receipt_handle.clone());
                if let Some(task) = task {
                    let from = [TaskState::DeadLettered, TaskState::Failed, TaskState::Running];
                    write.set_state(account_id, table, &task.task_id, TaskState::Queued, &from, now).await?.ok();
                }
            } else {
                moved.failed += 1;
                held.push(message.receipt_handle.clone());
            }
        }
        moved.moved += delete.len() as u64;
        if !delete.is_empty() {
            write.delete_batch(account_id, dead_letter_url, &delete).await?;
        }
    }
    moved.left = held.len() as u64 - moved.failed;
    for batch in held.chunks(SEND_BATCH) {
        write.release_batch(account_id, dead_letter_url, batch).await?;
    }
    Ok(moved)
}
