//! The agent workers' plumbing in the accounts that run them, read through the [`WorkerRead`]
//! port: queues, the task table and the ECS service, one account per call, accounts in parallel.

use std::collections::BTreeMap;

use futures_util::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};

use crate::api_error::AwsError;
use crate::scaling::{self, Alarm, Direction, StepPolicy};
use crate::task::TaskRecord;

/// A queue as SQS describes it (GetQueueAttributes `All`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queue {
    pub url: String,
    pub attributes: BTreeMap<String, String>,
}

impl Queue {
    fn count(&self, name: &str) -> u64 {
        self.attributes.get(name).and_then(|v| v.parse().ok()).unwrap_or(0)
    }

    /// What waits, what workers hold, and what is delayed.
    pub fn depth(&self) -> QueueDepth {
        QueueDepth {
            visible: self.count("ApproximateNumberOfMessages"),
            in_flight: self.count("ApproximateNumberOfMessagesNotVisible"),
            delayed: self.count("ApproximateNumberOfMessagesDelayed"),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct QueueDepth {
    pub visible: u64,
    pub in_flight: u64,
    pub delayed: u64,
}

/// A DynamoDB table: its status and key schema (`PK HASH`, `SK RANGE`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub status: String,
    pub keys: Vec<String>,
}

/// The key schema of the task table.
pub const TASK_TABLE_KEYS: [&str; 2] = ["PK HASH", "SK RANGE"];

/// The application's ECS service, as DescribeServices tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Service {
    NoCluster,
    NoService,
    Active { desired: u32, running: u32, pending: u32 },
}

/// Read access to the workers' plumbing of member accounts, through the member role. Each method
/// is one account and at most a few API operations.
#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait WorkerRead {
    /// The queue and all its attributes; `None` when there is no such queue.
    async fn queue(&self, account: &str, name: &str) -> Result<Option<Queue>, AwsError>;
    /// Just the URL: all `dispatch` needs, in one call.
    async fn queue_url(&self, account: &str, name: &str) -> Result<Option<String>, AwsError>;
    async fn table(&self, account: &str, name: &str) -> Result<Option<Table>, AwsError>;
    async fn service(&self, account: &str, cluster: &str, service: &str) -> Result<Service, AwsError>;
    /// Every task of a customer (Query on its partition).
    async fn customer_tasks(&self, account: &str, table: &str, customer: &str) -> Result<Vec<TaskRecord>, AwsError>;
    /// Tasks by id (BatchGetItem); ids that are not there are left out.
    async fn tasks(&self, account: &str, table: &str, ids: &[String]) -> Result<Vec<TaskRecord>, AwsError>;
    /// The scalable target of the ECS service `resource` (`service/CLUSTER/SERVICE`) and the named
    /// step policies and alarms, as far as they exist.
    async fn scaling(&self, account: &str, resource: &str, policies: &[String], alarms: &[String]) -> Result<InstalledScaling, AwsError>;
    /// The newest scaling activity of the service, where Application Auto Scaling reports one.
    async fn last_scaling_activity(&self, account: &str, resource: &str) -> Result<Option<ScalingActivity>, AwsError>;
}

/// A scalable target as Application Auto Scaling holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScalableTarget {
    pub min: u32,
    pub max: u32,
    /// Dynamic scaling (in or out) is suspended.
    pub suspended: bool,
}

/// A step scaling policy as installed: what the tool compares, and its ARN for the alarm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalledPolicy {
    pub arn: String,
    pub adjustment_type: String,
    pub aggregation: String,
    pub policy: StepPolicy,
}

/// A CloudWatch alarm as installed: the metric it watches, how, and what it triggers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalledAlarm {
    /// `AWS/SQS ApproximateNumberOfMessagesVisible Maximum`, as the tool installs it.
    pub metric: String,
    pub alarm: Alarm,
    pub actions: Vec<String>,
}

/// The metric the tool's alarms watch, as `InstalledAlarm::metric` spells it.
pub const DEPTH_METRIC: &str = "AWS/SQS ApproximateNumberOfMessagesVisible Maximum";

/// The scaling of one account's workers: the tool's names only; `None`s and missing keys are not
/// there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalledScaling {
    pub target: Option<ScalableTarget>,
    pub policies: BTreeMap<String, InstalledPolicy>,
    pub alarms: BTreeMap<String, InstalledAlarm>,
}

/// What Application Auto Scaling last did or tried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScalingActivity {
    pub started: String,
    pub status: String,
    pub description: String,
    pub cause: String,
}

/// A queue as far as the plan manages it: no counts, so that the snapshot of an idle and a busy
/// organization fingerprint alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueConfig {
    pub arn: String,
    /// The attributes the plan compares: `MANAGED_ATTRIBUTES` that are set.
    pub attributes: BTreeMap<String, String>,
}

/// The queue attributes whose values the plan compares with the repo.
pub const MANAGED_ATTRIBUTES: [&str; 4] = ["VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod", "RedrivePolicy"];

impl QueueConfig {
    fn from_queue(queue: Queue) -> QueueConfig {
        let arn = queue.attributes.get("QueueArn").cloned().unwrap_or_default();
        let attributes = queue.attributes.into_iter().filter(|(k, _)| MANAGED_ATTRIBUTES.contains(&k.as_str())).collect();
        QueueConfig { arn, attributes }
    }
}

/// Whether the application is deployed; its counts change by the second and are not drift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deployment {
    NoCluster,
    NoService,
    Deployed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountWorkers {
    pub queue: Option<QueueConfig>,
    pub dead_letter_queue: Option<QueueConfig>,
    pub table: Option<Table>,
    pub deployment: Deployment,
    /// Read when `[workers.scaling]` is declared and the service is deployed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scaling: Option<InstalledScaling>,
}

/// The plumbing of every account that runs workers and exists, by account id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkersSnapshot {
    pub accounts: BTreeMap<String, AccountWorkers>,
}

/// What to read: names from `[workers]`.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    pub queue: &'a str,
    pub dead_letter_queue: &'a str,
    pub table: &'a str,
    pub cluster: &'a str,
    pub service: &'a str,
    /// The scaling's policy and alarm names, when scaling is managed.
    pub scaling: Option<&'a ScalingNames>,
}

/// The names the tool gives a service's scaling: its resource, policies and alarms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScalingNames {
    pub resource: String,
    pub policies: Vec<String>,
    pub alarms: Vec<String>,
}

impl ScalingNames {
    pub fn of(queue: &str, cluster: &str, service: &str) -> ScalingNames {
        ScalingNames {
            resource: scaling::resource_id(cluster, service),
            policies: Direction::BOTH.map(scaling::policy_name).to_vec(),
            alarms: Direction::BOTH.map(|d| scaling::alarm_name(queue, d)).to_vec(),
        }
    }
}

/// Reads the given accounts, at most `in_flight` at once; the reads of one account run together.
pub async fn observe_workers(
    read: &impl WorkerRead,
    names: Names<'_>,
    account_ids: &[String],
    in_flight: usize,
) -> Result<WorkersSnapshot, AwsError> {
    let reads = account_ids.iter().map(|id| async move {
        let (queue, dead, table, service) = futures_util::join!(
            read.queue(id, names.queue),
            read.queue(id, names.dead_letter_queue),
            read.table(id, names.table),
            read.service(id, names.cluster, names.service),
        );
        let deployment = match service? {
            Service::NoCluster => Deployment::NoCluster,
            Service::NoService => Deployment::NoService,
            Service::Active { .. } => Deployment::Deployed,
        };
        // A service that is not there has no scaling: AWS registers none without it.
        let scaling = match names.scaling.filter(|_| deployment == Deployment::Deployed) {
            Some(n) => Some(read.scaling(id, &n.resource, &n.policies, &n.alarms).await?),
            None => None,
        };
        let workers = AccountWorkers {
            queue: queue?.map(QueueConfig::from_queue),
            dead_letter_queue: dead?.map(QueueConfig::from_queue),
            table: table?,
            deployment,
            scaling,
        };
        Ok::<_, AwsError>((id.clone(), workers))
    });
    let mut results = stream::iter(reads).buffer_unordered(in_flight.max(1));
    let mut snapshot = WorkersSnapshot::default();
    while let Some(result) = results.next().await {
        let (id, workers) = result?;
        snapshot.accounts.insert(id, workers);
    }
    Ok(snapshot)
}
