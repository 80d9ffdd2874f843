//! SQS, DynamoDB and ECS in member accounts behind the `WorkerRead` and `WorkerWrite` ports. Each
//! account is reached through the member role: AssumeRole once per account and run, with the
//! credentials refreshed before they expire.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use aws_config::SdkConfig;
use aws_credential_types::Credentials;
use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider, future};
use aws_sdk_dynamodb::operation::update_item::UpdateItemError;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType, KeysAndAttributes, ScalarAttributeType,
};
use aws_sdk_sqs::types::{
    ChangeMessageVisibilityBatchRequestEntry, DeleteMessageBatchRequestEntry, MessageSystemAttributeName, QueueAttributeName,
    SendMessageBatchRequestEntry,
};
use futures_util::future::join_all;
use tokio::sync::{OnceCell, Semaphore};

use super::calls::{self, limited, none_if_not_found};
use super::stats::CallCounter;
use crate::api_error::{AwsError, AwsErrorKind};
use crate::apply::workers::{EntryFailure, Outgoing, Received, WorkerWrite};
use crate::observe::Tags;
use crate::observe::workers::{
    InstalledAlarm, InstalledPolicy, InstalledScaling, Queue, ScalableTarget, ScalingActivity, Service, Table, WorkerRead,
};
use crate::scaling::{Adjustment, Alarm, StepPolicy};
use crate::task::{self, Priority, TaskRecord, TaskState};

/// Renewed this long before AWS would let them expire.
const REFRESH_BEFORE: Duration = Duration::from_secs(300);

/// The member role of one account, as a credentials provider: assumed when first needed and
/// again before the credentials expire.
#[derive(Debug)]
struct MemberRole {
    sts: aws_sdk_sts::Client,
    role_arn: String,
    cached: Mutex<Option<Credentials>>,
}

impl MemberRole {
    async fn credentials(&self) -> Result<Credentials, AwsError> {
        let fresh = |c: &Credentials| c.expiry().is_none_or(|e| e > SystemTime::now() + REFRESH_BEFORE);
        if let Some(cached) = self.cached.lock().expect("credentials lock").clone().filter(fresh) {
            return Ok(cached);
        }
        let out = self
            .sts
            .assume_role()
            .role_arn(&self.role_arn)
            .role_session_name("miyabi-org")
            .send()
            .await
            .map_err(sdk!("AssumeRole", Some(&self.role_arn)))?;
        let given = out.credentials().ok_or_else(|| AwsError::unexpected("AssumeRole", "no credentials"))?;
        let expiry = SystemTime::try_from(*given.expiration()).ok();
        let credentials = Credentials::new(
            given.access_key_id(),
            given.secret_access_key(),
            Some(given.session_token().to_string()),
            expiry,
            "miyabi-org member role",
        );
        *self.cached.lock().expect("credentials lock") = Some(credentials.clone());
        Ok(credentials)
    }
}

impl ProvideCredentials for MemberRole {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::new(async move { self.credentials().await.map_err(CredentialsError::provider_error) })
    }
}

/// The clients of one member account.
#[derive(Clone)]
struct Clients {
    sqs: aws_sdk_sqs::Client,
    dynamodb: aws_sdk_dynamodb::Client,
    ecs: aws_sdk_ecs::Client,
    autoscaling: aws_sdk_applicationautoscaling::Client,
    cloudwatch: aws_sdk_cloudwatch::Client,
}

/// The workers' services in every member account, one session per account for the run.
#[derive(Clone)]
pub struct Workers {
    sdk: SdkConfig,
    counter: CallCounter,
    sts: aws_sdk_sts::Client,
    role: String,
    sessions: Arc<Mutex<HashMap<String, Arc<OnceCell<Clients>>>>>,
    limit: Arc<Semaphore>,
}

impl Workers {
    /// `sdk` has the region the workers run in; `role` is `[organization] member_role`.
    pub(super) fn new(sdk: SdkConfig, counter: CallCounter, sts: aws_sdk_sts::Client, role: &str, limit: Arc<Semaphore>) -> Self {
        Workers { sdk, counter, sts, role: role.to_string(), sessions: Arc::default(), limit }
    }

    /// The account's clients, assuming its member role the first time: a role that cannot be
    /// assumed is reported here, naming the account and the role, before any other call to it.
    async fn clients(&self, account: &str) -> Result<Clients, AwsError> {
        let cell = self.sessions.lock().expect("sessions lock").entry(account.to_string()).or_default().clone();
        let clients = cell
            .get_or_try_init(|| async {
                let role = Arc::new(MemberRole {
                    sts: self.sts.clone(),
                    role_arn: format!("arn:aws:iam::{account}:role/{}", self.role),
                    cached: Mutex::new(None),
                });
                role.credentials().await?;
                let provider = SharedCredentialsProvider::new(Shared(role));
                let sdk = self.sdk.clone().into_builder().credentials_provider(provider).build();
                let sqs = aws_sdk_sqs::config::Builder::from(&sdk).interceptor(self.counter.clone()).build();
                let dynamodb = aws_sdk_dynamodb::config::Builder::from(&sdk).interceptor(self.counter.clone()).build();
                let ecs = aws_sdk_ecs::config::Builder::from(&sdk).interceptor(self.counter.clone()).build();
                let autoscaling = aws_sdk_applicationautoscaling::config::Builder::from(&sdk).interceptor(self.counter.clone()).build();
                let cloudwatch = aws_sdk_cloudwatch::config::Builder::from(&sdk).interceptor(self.counter.clone()).build();
                Ok::<_, AwsError>(Clients {
                    sqs: aws_sdk_sqs::Client::from_conf(sqs),
                    dynamodb: aws_sdk_dynamodb::Client::from_conf(dynamodb),
                    ecs: aws_sdk_ecs::Client::from_conf(ecs),
                    autoscaling: aws_sdk_applicationautoscaling::Client::from_conf(autoscaling),
                    cloudwatch: aws_sdk_cloudwatch::Client::from_conf(cloudwatch),
                })
            })
            .await?;
        Ok(clients.clone())
    }

    async fn sqs(&self, account: &str) -> Result<aws_sdk_sqs::Client, AwsError> {
        Ok(self.clients(account).await?.sqs)
    }

    async fn dynamodb(&self, account: &str) -> Result<aws_sdk_dynamodb::Client, AwsError> {
        Ok(self.clients(account).await?.dynamodb)
    }
}

/// One role shared by the provider and the session cache.
#[derive(Debug)]
struct Shared(Arc<MemberRole>);

impl ProvideCredentials for Shared {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        self.0.provide_credentials()
    }
}

fn item(task: &TaskRecord) -> HashMap<String, AttributeValue> {
    let s = |v: &str| AttributeValue::S(v.to_string());
    let mut item = HashMap::from([
        ("PK".to_string(), s(&task::partition_key(&task.customer))),
        ("SK".to_string(), s(&task::sort_key(&task.task_id))),
        ("task_id".to_string(), s(&task.task_id)),
        ("customer".to_string(), s(&task.customer)),
        ("issue".to_string(), s(&task.issue)),
        ("kind".to_string(), s(&task.kind)),
        ("priority".to_string(), s(priority_name(task.priority))),
        ("state".to_string(), s(task.state.as_str())),
        ("attempts".to_string(), AttributeValue::N(task.attempts.to_string())),
        ("requested_by".to_string(), s(&task.requested_by)),
        ("created_at".to_string(), s(&task.created_at)),
        ("updated_at".to_string(), s(&task.updated_at)),
    ]);
    if let Some(id) = &task.message_id {
        item.insert("message_id".into(), s(id));
    }
    if let Some(note) = &task.note {
        item.insert("note".into(), s(note));
    }
    item
}

fn priority_name(priority: Priority) -> &'static str {
    match priority {
        Priority::Low => "low",
        Priority::Normal => "normal",
        Priority::High => "high",
    }
}

/// A row as workers may have left it; `None` for a row that is not a task.
fn record(item: &HashMap<String, AttributeValue>) -> Option<TaskRecord> {
    let s = |key: &str| item.get(key).and_then(|v| v.as_s().ok()).cloned();
    let n = |key: &str| item.get(key).and_then(|v| v.as_n().ok()).and_then(|n| n.parse().ok());
    let priority = match s("priority").as_deref() {
        Some("low") => Priority::Low,
        Some("high") => Priority::High,
        _ => Priority::Normal,
    };
    Some(TaskRecord {
        task_id: s("task_id")?,
        customer: s("customer")?,
        issue: s("issue").unwrap_or_default(),
        kind: s("kind").unwrap_or_default(),
        priority,
        state: s("state").as_deref().and_then(TaskState::parse)?,
        attempts: n("attempts").unwrap_or(0),
        requested_by: s("requested_by").unwrap_or_default(),
        created_at: s("created_at").unwrap_or_default(),
        updated_at: s("updated_at").unwrap_or_default(),
        message_id: s("message_id"),
        note: s("note"),
    })
}

fn key(task_id: &str) -> Option<HashMap<String, AttributeValue>> {
    let customer = task::customer_of(task_id)?;
    Some(HashMap::from([
        ("PK".to_string(), AttributeValue::S(task::partition_key(customer))),
        ("SK".to_string(), AttributeValue::S(task::sort_key(task_id))),
    ]))
}

use aws_sdk_applicationautoscaling::types::{
    AdjustmentType, MetricAggregationType, PolicyType, ScalableDimension, ServiceNamespace, StepAdjustment, StepScalingPolicyConfiguration,
    SuspendedState,
};

/// The one dimension the tool scales: the ECS service's desired count.
const DIMENSION: ScalableDimension = ScalableDimension::EcsServiceDesiredCount;

fn installed_policy(policy: &aws_sdk_applicationautoscaling::types::ScalingPolicy) -> InstalledPolicy {
    let config = policy.step_scaling_policy_configuration();
    let adjustments = config.map(|c| c.step_adjustments()).unwrap_or_default().iter().map(|a| Adjustment {
        lower: a.metric_interval_lower_bound(),
        upper: a.metric_interval_upper_bound(),
        change: a.scaling_adjustment(),
    });
    InstalledPolicy {
        arn: policy.policy_arn().to_string(),
        adjustment_type: config
            .and_then(|c| c.adjustment_type())
            .map_or_else(|| policy.policy_type().as_str().to_string(), |t| t.as_str().to_string()),
        aggregation: config.and_then(|c| c.metric_aggregation_type()).map(|t| t.as_str().to_string()).unwrap_or_default(),
        policy: StepPolicy {
            name: policy.policy_name().to_string(),
            cooldown_s: config.and_then(|c| c.cooldown()).unwrap_or(0).max(0) as u32,
            adjustments: adjustments.collect(),
        },
    }
}

fn installed_alarm(alarm: &aws_sdk_cloudwatch::types::MetricAlarm) -> InstalledAlarm {
    let queue = alarm.dimensions().iter().find(|d| d.name() == Some("QueueName")).and_then(|d| d.value()).unwrap_or_default();
    let statistic = alarm.statistic().map(|s| s.as_str()).or(alarm.extended_statistic()).unwrap_or_default();
    InstalledAlarm {
        metric: format!("{} {} {statistic}", alarm.namespace().unwrap_or_default(), alarm.metric_name().unwrap_or_default()),
        alarm: Alarm {
            name: alarm.alarm_name().unwrap_or_default().to_string(),
            queue: queue.to_string(),
            comparison: alarm.comparison_operator().map(|c| c.as_str().to_string()).unwrap_or_default(),
            threshold: alarm.threshold().unwrap_or_default(),
            evaluation_periods: alarm.evaluation_periods().unwrap_or(0).max(0) as u32,
            period_s: alarm.period().unwrap_or(0).max(0) as u32,
            treat_missing_data: alarm.treat_missing_data().unwrap_or("missing").to_string(),
        },
        actions: alarm.alarm_actions().to_vec(),
    }
}

impl WorkerRead for Workers {
    async fn queue(&self, account: &str, name: &str) -> Result<Option<Queue>, AwsError> {
        let Some(url) = self.queue_url(account, name).await? else { return Ok(None) };
        let sqs = self.sqs(account).await?;
        let out = limited(&self.limit, sqs.get_queue_attributes().queue_url(&url).attribute_names(QueueAttributeName::All).send())
            .await
            .map_err(sdk!("GetQueueAttributes", Some(name)));
        let Some(out) = none_if_not_found(out)? else { return Ok(None) };
        let attributes = out.attributes().into_iter().flatten().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect();
        Ok(Some(Queue { url, attributes }))
    }

    async fn queue_url(&self, account: &str, name: &str) -> Result<Option<String>, AwsError> {
        let sqs = self.sqs(account).await?;
        let out = limited(&self.limit, sqs.get_queue_url().queue_name(name).queue_owner_aws_account_id(account).send())
            .await
            .map_err(sdk!("GetQueueUrl", Some(name)));
        Ok(none_if_not_found(out)?.and_then(|out| out.queue_url().map(str::to_string)))
    }

    async fn table(&self, account: &str, name: &str) -> Result<Option<Table>, AwsError> {
        let dynamodb = self.dynamodb(account).await?;
        let out = limited(&self.limit, dynamodb.describe_table().table_name(name).send()).await.map_err(sdk!("DescribeTable", Some(name)));
        let Some(table) = none_if_not_found(out)?.and_then(|out| out.table) else { return Ok(None) };
        let keys = table.key_schema().iter().map(|k| format!("{} {}", k.attribute_name(), k.key_type().as_str())).collect();
        Ok(Some(Table { status: table.table_status().map(|s| s.as_str().to_string()).unwrap_or_default(), keys }))
    }

    async fn service(&self, account: &str, cluster: &str, service: &str) -> Result<Service, AwsError> {
        let ecs = self.clients(account).await?.ecs;
        let out = limited(&self.limit, ecs.describe_services().cluster(cluster).services(service).send())
            .await
            .map_err(sdk!("DescribeServices", Some(service)));
        let Some(out) = none_if_not_found(out)? else { return Ok(Service::NoCluster) };
        if out.failures().iter().any(|f| f.reason() == Some("MISSING") && f.arn().is_some_and(|a| a.contains(":cluster/"))) {
            return Ok(Service::NoCluster);
        }
        let found = out.services().iter().find(|s| s.status() != Some("INACTIVE"));
        Ok(found.map_or(Service::NoService, |s| Service::Active {
            desired: s.desired_count().max(0) as u32,
            running: s.running_count().max(0) as u32,
            pending: s.pending_count().max(0) as u32,
        }))
    }

    async fn customer_tasks(&self, account: &str, table: &str, customer: &str) -> Result<Vec<TaskRecord>, AwsError> {
        let dynamodb = self.dynamodb(account).await?;
        let pk = task::partition_key(customer);
        let mut tasks = Vec::new();
        let mut start: Option<HashMap<String, AttributeValue>> = None;
        loop {
            let query = dynamodb
                .query()
                .table_name(table)
                .key_condition_expression("PK = :pk")
                .expression_attribute_values(":pk", AttributeValue::S(pk.clone()))
                .set_exclusive_start_key(start.take());
            let out = limited(&self.limit, query.send()).await.map_err(sdk!("Query", Some(table)))?;
            tasks.extend(out.items().iter().filter_map(record));
            match out.last_evaluated_key() {
                Some(last) if !last.is_empty() => start = Some(last.clone()),
                _ => return Ok(tasks),
            }
        }
    }

    async fn tasks(&self, account: &str, table: &str, ids: &[String]) -> Result<Vec<TaskRecord>, AwsError> {
        let dynamodb = self.dynamodb(account).await?;
        let mut found = Vec::new();
        for chunk in ids.chunks(100) {
            let mut keys: Vec<_> = chunk.iter().filter_map(|id| key(id)).collect();
            let mut delay = Duration::from_millis(50);
            while !keys.is_empty() {
                let request = KeysAndAttributes::builder().set_keys(Some(std::mem::take(&mut keys))).build().expect("keys are set");
                let out = limited(&self.limit, dynamodb.batch_get_item().request_items(table, request).send())
                    .await
                    .map_err(sdk!("BatchGetItem", Some(table)))?;
                found.extend(out.responses().and_then(|r| r.get(table)).into_iter().flatten().filter_map(record));
                // Keys DynamoDB had no capacity for are asked again, after a pause.
                keys = out.unprocessed_keys().and_then(|u| u.get(table)).map(|k| k.keys().to_vec()).unwrap_or_default();
                if !keys.is_empty() {
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(2));
                }
            }
        }
        Ok(found)
    }

    async fn scaling(&self, account: &str, resource: &str, policies: &[String], alarms: &[String]) -> Result<InstalledScaling, AwsError> {
        self.read_scaling(account, resource, policies, alarms).await
    }

    async fn last_scaling_activity(&self, account: &str, resource: &str) -> Result<Option<ScalingActivity>, AwsError> {
        let autoscaling = self.clients(account).await?.autoscaling;
        let request = autoscaling
            .describe_scaling_activities()
            .service_namespace(ServiceNamespace::Ecs)
            .resource_id(resource)
            .scalable_dimension(DIMENSION)
            .max_results(1)
            // A secondary figure of `worker status`: one attempt, so that it never holds the rest up.
            .customize()
            .config_override(aws_sdk_applicationautoscaling::Config::builder().retry_config(aws_config::retry::RetryConfig::disabled()))
            .send();
        let out = limited(&self.limit, request).await.map_err(sdk!("DescribeScalingActivities", Some(resource)))?;
        Ok(out.scaling_activities().first().map(|a| ScalingActivity {
            started: a.start_time().fmt(aws_smithy_types::date_time::Format::DateTime).unwrap_or_default(),
            status: a.status_code().as_str().to_string(),
            description: a.description().to_string(),
            cause: a.cause().to_string(),
        }))
    }
}

impl Workers {
    async fn read_scaling(
        &self,
        account: &str,
        resource: &str,
        policies: &[String],
        alarms: &[String],
    ) -> Result<InstalledScaling, AwsError> {
        let clients = self.clients(account).await?;
        let targets = clients
            .autoscaling
            .describe_scalable_targets()
            .service_namespace(ServiceNamespace::Ecs)
            .resource_ids(resource)
            .scalable_dimension(DIMENSION)
            .send();
        let found_policies = clients
            .autoscaling
            .describe_scaling_policies()
            .service_namespace(ServiceNamespace::Ecs)
            .resource_id(resource)
            .scalable_dimension(DIMENSION)
            .set_policy_names(Some(policies.to_vec()))
            .send();
        let found_alarms = clients.cloudwatch.describe_alarms().set_alarm_names(Some(alarms.to_vec())).send();
        let (targets, found_policies, found_alarms) =
            futures_util::join!(limited(&self.limit, targets), limited(&self.limit, found_policies), limited(&self.limit, found_alarms));
        let targets = targets.map_err(sdk!("DescribeScalableTargets", Some(resource)))?;
        let target = targets.scalable_targets().iter().find(|t| t.resource_id() == resource).map(|t| {
            let state = t.suspended_state();
            ScalableTarget {
                min: t.min_capacity().max(0) as u32,
                max: t.max_capacity().max(0) as u32,
                suspended: state
                    .is_some_and(|s| s.dynamic_scaling_in_suspended() == Some(true) || s.dynamic_scaling_out_suspended() == Some(true)),
            }
        });
        // Two names, well under a page of either.
        let found_policies = found_policies.map_err(sdk!("DescribeScalingPolicies", Some(resource)))?;
        let found_alarms = found_alarms.map_err(sdk!("DescribeAlarms", Some(resource)))?;
        Ok(InstalledScaling {
            target,
            policies: found_policies
                .scaling_policies()
                .iter()
                .filter(|p| p.resource_id() == resource && policies.iter().any(|n| n == p.policy_name()))
                .map(|p| (p.policy_name().to_string(), installed_policy(p)))
                .collect(),
            alarms: found_alarms
                .metric_alarms()
                .iter()
                .map(installed_alarm)
                .filter(|a| alarms.contains(&a.alarm.name))
                .map(|a| (a.alarm.name.clone(), a))
                .collect(),
        })
    }
}

impl WorkerWrite for Workers {
    async fn create_queue(&self, account: &str, name: &str, attributes: &BTreeMap<String, String>, tags: &Tags) -> Result<(), AwsError> {
        let sqs = self.sqs(account).await?;
        let mut request = sqs.create_queue().queue_name(name);
        for (key, value) in attributes {
            request = request.attributes(QueueAttributeName::from(key.as_str()), value);
        }
        for (key, value) in tags {
            request = request.tags(key, value);
        }
        limited(&self.limit, request.send()).await.map_err(sdk!("CreateQueue", Some(name)))?;
        Ok(())
    }

    async fn set_queue_attributes(&self, account: &str, name: &str, attributes: &BTreeMap<String, String>) -> Result<(), AwsError> {
        let url =
            self.queue_url(account, name).await?.ok_or_else(|| AwsError::unexpected("GetQueueUrl", &format!("queue {name} is gone")))?;
        let sqs = self.sqs(account).await?;
        let mut request = sqs.set_queue_attributes().queue_url(url);
        for (key, value) in attributes {
            request = request.attributes(QueueAttributeName::from(key.as_str()), value);
        }
        limited(&self.limit, request.send()).await.map_err(sdk!("SetQueueAttributes", Some(name)))?;
        Ok(())
    }

    async fn create_table(&self, account: &str, name: &str, tags: &Tags) -> Result<(), AwsError> {
        let dynamodb = self.dynamodb(account).await?;
        let attribute = |name: &str| {
            AttributeDefinition::builder().attribute_name(name).attribute_type(ScalarAttributeType::S).build().expect("fields are set")
        };
        let key =
            |name: &str, key_type| KeySchemaElement::builder().attribute_name(name).key_type(key_type).build().expect("fields are set");
        let mut request = dynamodb
            .create_table()
            .table_name(name)
            .attribute_definitions(attribute("PK"))
            .attribute_definitions(attribute("SK"))
            .key_schema(key("PK", KeyType::Hash))
            .key_schema(key("SK", KeyType::Range))
            .billing_mode(BillingMode::PayPerRequest);
        for (k, v) in tags {
            request = request.tags(aws_sdk_dynamodb::types::Tag::builder().key(k).value(v).build().expect("fields are set"));
        }
        let result = limited(&self.limit, request.send()).await.map(|_| ()).map_err(sdk!("CreateTable", Some(name)));
        // A retried request that had gone through: the table is there.
        calls::done_if(AwsErrorKind::AlreadyExists, result)
    }

    async fn record_tasks(&self, account: &str, table: &str, tasks: &[TaskRecord]) -> Result<Vec<String>, AwsError> {
        let dynamodb = self.dynamodb(account).await?;
        let puts = tasks.iter().map(|task| {
            let request = dynamodb.put_item().table_name(table).set_item(Some(item(task))).condition_expression("attribute_not_exists(PK)");
            async move {
                match limited(&self.limit, request.send()).await {
                    Ok(_) => Ok(None),
                    Err(err) if err.as_service_error().is_some_and(|e| e.is_conditional_check_failed_exception()) => {
                        Ok(Some(task.task_id.clone()))
                    }
                    Err(err) => Err(AwsError::from_sdk("PutItem", Some(table), err)),
                }
            }
        });
        let refused: Vec<Option<String>> = join_all(puts).await.into_iter().collect::<Result<_, _>>()?;
        Ok(refused.into_iter().flatten().collect())
    }

    async fn mark_sent(&self, account: &str, table: &str, sent: &[(String, String)]) -> Result<(), AwsError> {
        let dynamodb = self.dynamodb(account).await?;
        let updates = sent.iter().map(|(task_id, message_id)| {
            let request = dynamodb
                .update_item()
                .table_name(table)
                .set_key(key(task_id))
                .update_expression("SET message_id = :m")
                .condition_expression("attribute_exists(PK)")
                .expression_attribute_values(":m", AttributeValue::S(message_id.clone()));
            async move { limited(&self.limit, request.send()).await.map(|_| ()).map_err(sdk!("UpdateItem", Some(task_id))) }
        });
        join_all(updates).await.into_iter().collect()
    }

    async fn set_state(
        &self,
        account: &str,
        table: &str,
        task_id: &str,
        to: TaskState,
        from: &[TaskState],
        now: &str,
    ) -> Result<Result<(), Option<TaskState>>, AwsError> {
        let dynamodb = self.dynamodb(account).await?;
        let names: Vec<String> = (0..from.len()).map(|i| format!(":f{i}")).collect();
        let mut request = dynamodb
            .update_item()
            .table_name(table)
            .set_key(key(task_id))
            .update_expression("SET #s = :to, updated_at = :now")
            .condition_expression(format!("#s IN ({})", names.join(", ")))
            .expression_attribute_names("#s", "state")
            .expression_attribute_values(":to", AttributeValue::S(to.as_str().into()))
            .expression_attribute_values(":now", AttributeValue::S(now.into()))
            .return_values_on_condition_check_failure(aws_sdk_dynamodb::types::ReturnValuesOnConditionCheckFailure::AllOld);
        for (name, state) in names.iter().zip(from) {
            request = request.expression_attribute_values(name, AttributeValue::S(state.as_str().into()));
        }
        match limited(&self.limit, request.send()).await {
            Ok(_) => Ok(Ok(())),
            Err(err) => match err.as_service_error() {
                Some(UpdateItemError::ConditionalCheckFailedException(failed)) => {
                    Ok(Err(failed.item().and_then(record).map(|task| task.state)))
                }
                _ => Err(AwsError::from_sdk("UpdateItem", Some(task_id), err)),
            },
        }
    }

    async fn send_batch(
        &self,
        account: &str,
        queue_url: &str,
        entries: &[Outgoing],
    ) -> Result<Vec<Result<String, EntryFailure>>, AwsError> {
        let sqs = self.sqs(account).await?;
        let batch = entries.iter().enumerate().map(|(i, entry)| {
            SendMessageBatchRequestEntry::builder()
                .id(i.to_string())
                .message_body(&entry.body)
                .set_message_group_id(entry.group.clone())
                .set_message_deduplication_id(entry.deduplication_id.clone())
                .build()
                .expect("fields are set")
        });
        let out = limited(&self.limit, sqs.send_message_batch().queue_url(queue_url).set_entries(Some(batch.collect())).send())
            .await
            .map_err(sdk!("SendMessageBatch", Some(queue_url)))?;
        let mut results: Vec<Result<String, EntryFailure>> = (0..entries.len())
            .map(|_| Err(EntryFailure { code: "Missing".into(), message: "SQS did not report this entry".into(), sender_fault: false }))
            .collect();
        for ok in out.successful() {
            if let Some(slot) = ok.id().parse::<usize>().ok().and_then(|i| results.get_mut(i)) {
                *slot = Ok(ok.message_id().to_string());
            }
        }
        for failed in out.failed() {
            if let Some(slot) = failed.id().parse::<usize>().ok().and_then(|i| results.get_mut(i)) {
                *slot = Err(EntryFailure {
                    code: failed.code().to_string(),
                    message: failed.message().unwrap_or_default().to_string(),
                    sender_fault: failed.sender_fault(),
                });
            }
        }
        Ok(results)
    }

    async fn receive(&self, account: &str, queue_url: &str, max: u32, visibility_timeout_s: u32) -> Result<Vec<Received>, AwsError> {
        let sqs = self.sqs(account).await?;
        let request = sqs
            .receive_message()
            .queue_url(queue_url)
            .max_number_of_messages(max.clamp(1, 10) as i32)
            .visibility_timeout(visibility_timeout_s as i32)
            // A long poll asks every SQS server: an empty answer means the queue has none visible.
            .wait_time_seconds(1)
            .message_system_attribute_names(MessageSystemAttributeName::MessageGroupId)
            .message_system_attribute_names(MessageSystemAttributeName::MessageDeduplicationId);
        let out = limited(&self.limit, request.send()).await.map_err(sdk!("ReceiveMessage", Some(queue_url)))?;
        Ok(out
            .messages()
            .iter()
            .map(|m| {
                let attribute = |name| m.attributes().and_then(|a| a.get(&name)).cloned();
                Received {
                    receipt_handle: m.receipt_handle().unwrap_or_default().to_string(),
                    body: m.body().unwrap_or_default().to_string(),
                    group: attribute(MessageSystemAttributeName::MessageGroupId),
                    deduplication_id: attribute(MessageSystemAttributeName::MessageDeduplicationId),
                }
            })
            .collect())
    }

    async fn delete_batch(&self, account: &str, queue_url: &str, receipt_handles: &[String]) -> Result<(), AwsError> {
        let sqs = self.sqs(account).await?;
        let entries = receipt_handles.iter().enumerate().map(|(i, handle)| {
            DeleteMessageBatchRequestEntry::builder().id(i.to_string()).receipt_handle(handle).build().expect("fields are set")
        });
        let out = limited(&self.limit, sqs.delete_message_batch().queue_url(queue_url).set_entries(Some(entries.collect())).send())
            .await
            .map_err(sdk!("DeleteMessageBatch", Some(queue_url)))?;
        match out.failed().first() {
            Some(failed) => {
                Err(AwsError::unexpected("DeleteMessageBatch", &format!("{}: {}", failed.code(), failed.message().unwrap_or_default())))
            }
            None => Ok(()),
        }
    }

    async fn release_batch(&self, account: &str, queue_url: &str, receipt_handles: &[String]) -> Result<(), AwsError> {
        let sqs = self.sqs(account).await?;
        let entries = receipt_handles.iter().enumerate().map(|(i, handle)| {
            ChangeMessageVisibilityBatchRequestEntry::builder()
                .id(i.to_string())
                .receipt_handle(handle)
                .visibility_timeout(0)
                .build()
                .expect("fields are set")
        });
        limited(&self.limit, sqs.change_message_visibility_batch().queue_url(queue_url).set_entries(Some(entries.collect())).send())
            .await
            .map_err(sdk!("ChangeMessageVisibilityBatch", Some(queue_url)))?;
        Ok(())
    }

    async fn register_scalable_target(&self, account: &str, resource: &str, target: &ScalableTarget) -> Result<(), AwsError> {
        let autoscaling = self.clients(account).await?.autoscaling;
        let suspended = target.suspended;
        let state = SuspendedState::builder()
            .dynamic_scaling_in_suspended(suspended)
            .dynamic_scaling_out_suspended(suspended)
            .scheduled_scaling_suspended(suspended)
            .build();
        let request = autoscaling
            .register_scalable_target()
            .service_namespace(ServiceNamespace::Ecs)
            .resource_id(resource)
            .scalable_dimension(DIMENSION)
            .min_capacity(target.min as i32)
            .max_capacity(target.max as i32)
            .suspended_state(state);
        limited(&self.limit, request.send()).await.map_err(sdk!("RegisterScalableTarget", Some(resource)))?;
        Ok(())
    }

    async fn put_scaling_policy(&self, account: &str, resource: &str, policy: &StepPolicy) -> Result<String, AwsError> {
        let autoscaling = self.clients(account).await?.autoscaling;
        let mut config = StepScalingPolicyConfiguration::builder()
            .adjustment_type(AdjustmentType::ChangeInCapacity)
            .metric_aggregation_type(MetricAggregationType::Maximum)
            .cooldown(policy.cooldown_s as i32);
        for adjustment in &policy.adjustments {
            let step = StepAdjustment::builder()
                .set_metric_interval_lower_bound(adjustment.lower)
                .set_metric_interval_upper_bound(adjustment.upper)
                .scaling_adjustment(adjustment.change)
                .build()
                .expect("the adjustment is set");
            config = config.step_adjustments(step);
        }
        let request = autoscaling
            .put_scaling_policy()
            .policy_name(&policy.name)
            .service_namespace(ServiceNamespace::Ecs)
            .resource_id(resource)
            .scalable_dimension(DIMENSION)
            .policy_type(PolicyType::StepScaling)
            .step_scaling_policy_configuration(config.build());
        let out = limited(&self.limit, request.send()).await.map_err(sdk!("PutScalingPolicy", Some(&policy.name)))?;
        Ok(out.policy_arn().to_string())
    }

    async fn put_alarm(&self, account: &str, alarm: &Alarm, action: &str, tags: &Tags) -> Result<(), AwsError> {
        use aws_sdk_cloudwatch::types::{ComparisonOperator, Dimension, Statistic, Tag};
        let cloudwatch = self.clients(account).await?.cloudwatch;
        let mut request = cloudwatch
            .put_metric_alarm()
            .alarm_name(&alarm.name)
            .alarm_description("Scales the agent workers on the task queue's depth. Managed by miyabi-org: edit [workers.scaling] instead.")
            .namespace("AWS/SQS")
            .metric_name("ApproximateNumberOfMessagesVisible")
            .statistic(Statistic::Maximum)
            .dimensions(Dimension::builder().name("QueueName").value(&alarm.queue).build())
            .period(alarm.period_s as i32)
            .evaluation_periods(alarm.evaluation_periods as i32)
            .threshold(alarm.threshold)
            .comparison_operator(ComparisonOperator::from(alarm.comparison.as_str()))
            .treat_missing_data(&alarm.treat_missing_data)
            .alarm_actions(action);
        for (key, value) in tags {
            request = request.tags(Tag::builder().key(key).value(value).build());
        }
        limited(&self.limit, request.send()).await.map_err(sdk!("PutMetricAlarm", Some(&alarm.name)))?;
        Ok(())
    }

    async fn set_desired_count(&self, account: &str, cluster: &str, service: &str, desired: u32) -> Result<(), AwsError> {
        let ecs = self.clients(account).await?.ecs;
        let request = ecs.update_service().cluster(cluster).service(service).desired_count(desired as i32);
        limited(&self.limit, request.send()).await.map_err(sdk!("UpdateService", Some(service)))?;
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use aws_config::{BehaviorVersion, Region};
    use aws_sdk_dynamodb::operation::batch_get_item::BatchGetItemOutput;
    use aws_sdk_dynamodb::operation::describe_table::DescribeTableOutput;
    use aws_sdk_dynamodb::operation::put_item::PutItemOutput;
    use aws_sdk_dynamodb::operation::update_item::UpdateItemOutput;
    use aws_sdk_dynamodb::types::{TableDescription, TableStatus};
    use aws_sdk_sqs::operation::get_queue_url::GetQueueUrlOutput;
    use aws_sdk_sqs::operation::send_message_batch::{SendMessageBatchInput, SendMessageBatchOutput};
    use aws_sdk_sqs::types::{BatchResultErrorEntry, SendMessageBatchResultEntry};
    use aws_sdk_sts::operation::assume_role::AssumeRoleError;
    use aws_smithy_mocks::{MockResponse, Rule, RuleMode, mock, mock_client};

    use super::*;
    use crate::dispatch::{self, Dispatch, DispatchError, Outcome, Settings};
    use crate::task::TaskRequest;

    const ACCOUNT: &str = "111122223333";
    const QUEUE_URL: &str = "https://sqs.us-east-1.amazonaws.com/111122223333/miyabi-tasks";

    fn sdk() -> SdkConfig {
        SdkConfig::builder().behavior_version(BehaviorVersion::latest()).region(Region::new("us-east-1")).build()
    }

    fn workers(sts: aws_sdk_sts::Client) -> Workers {
        Workers::new(sdk(), CallCounter::default(), sts, "OrganizationAccountAccessRole", Arc::new(Semaphore::new(4)))
    }

    /// Workers whose STS mock has no rules: the first call to any member account fails the test.
    pub(crate) fn unreachable() -> Workers {
        workers(mock_client!(aws_sdk_sts, RuleMode::MatchAny, &[] as &[&Rule]))
    }

    /// Workers that reach `account` through these clients, as if its member role had been
    /// assumed; any other account is unreachable. ECS is never called.
    pub(crate) fn with_clients(account: &str, sqs: aws_sdk_sqs::Client, dynamodb: aws_sdk_dynamodb::Client) -> Workers {
        reaching(account, Clients { sqs, dynamodb, ..uncalled() })
    }

    /// Clients of every service that no test calls.
    fn uncalled() -> Clients {
        Clients {
            sqs: aws_sdk_sqs::Client::from_conf(aws_sdk_sqs::config::Builder::from(&sdk()).build()),
            dynamodb: aws_sdk_dynamodb::Client::from_conf(aws_sdk_dynamodb::config::Builder::from(&sdk()).build()),
            ecs: aws_sdk_ecs::Client::from_conf(aws_sdk_ecs::config::Builder::from(&sdk()).build()),
            autoscaling: aws_sdk_applicationautoscaling::Client::from_conf(
                aws_sdk_applicationautoscaling::config::Builder::from(&sdk()).build(),
            ),
            cloudwatch: aws_sdk_cloudwatch::Client::from_conf(aws_sdk_cloudwatch::config::Builder::from(&sdk()).build()),
        }
    }

    /// Workers that reach `account` through `clients`, as if its member role had been assumed.
    fn reaching(account: &str, clients: Clients) -> Workers {
        let workers = unreachable();
        workers.sessions.lock().expect("sessions lock").insert(account.to_string(), Arc::new(OnceCell::new_with(Some(clients))));
        workers
    }

    #[tokio::test]
    async fn the_last_scaling_activity_is_reported_and_a_failure_is_not_retried() {
        use aws_sdk_applicationautoscaling::operation::describe_scaling_activities::DescribeScalingActivitiesOutput;
        use aws_sdk_applicationautoscaling::types::{ScalingActivity as Activity, ScalingActivityStatusCode};
        const RESOURCE: &str = "service/miyabi-cluster/agent-worker-service";
        let found = mock!(aws_sdk_applicationautoscaling::Client::describe_scaling_activities).then_output(|| {
            let activity = Activity::builder()
                .activity_id("a-1")
                .service_namespace(ServiceNamespace::Ecs)
                .resource_id(RESOURCE)
                .scalable_dimension(DIMENSION)
                .description("Setting desired count to 12.")
                .cause("monitor alarm miyabi-workers-miyabi-tasks-scale-out in state ALARM triggered policy miyabi-workers-scale-out")
                .start_time(aws_smithy_types::DateTime::from_secs(1_795_449_600))
                .status_code(ScalingActivityStatusCode::Successful)
                .build()
                .unwrap();
            DescribeScalingActivitiesOutput::builder().scaling_activities(activity).build()
        });
        let client = mock_client!(aws_sdk_applicationautoscaling, RuleMode::Sequential, &[&found]);
        let workers = reaching(ACCOUNT, Clients { autoscaling: client, ..uncalled() });
        let activity = workers.last_scaling_activity(ACCOUNT, RESOURCE).await.unwrap().unwrap();
        assert_eq!(
            (activity.started.as_str(), activity.status.as_str(), activity.description.as_str()),
            ("2026-11-23T16:00:00Z", "Successful", "Setting desired count to 12.")
        );
        let broken = mock!(aws_sdk_applicationautoscaling::Client::describe_scaling_activities).then_http_response(|| {
            aws_smithy_runtime_api::http::Response::new(
                aws_smithy_runtime_api::http::StatusCode::try_from(500).unwrap(),
                aws_smithy_types::body::SdkBody::from("<html>Internal Server Error</html>"),
            )
        });
        let client = mock_client!(aws_sdk_applicationautoscaling, RuleMode::MatchAny, &[&broken]);
        let workers = reaching(ACCOUNT, Clients { autoscaling: client, ..uncalled() });
        assert!(workers.last_scaling_activity(ACCOUNT, RESOURCE).await.is_err());
        assert_eq!(broken.num_calls(), 1, "a secondary figure is asked once");
    }

    fn settings() -> Settings {
        Settings {
            queue: "miyabi-tasks".into(),
            table: "miyabi-tasks".into(),
            fifo: false,
            requested_by: "arn:aws:sts::999999999999:assumed-role/Operator/alice".into(),
            now: "2026-11-23T16:00:00Z".into(),
            accounts_in_flight: 4,
        }
    }

    /// The task of issue `acme-corp/app#n`, line `n` of a file.
    fn task(n: usize) -> Dispatch {
        Dispatch {
            line: Some(n),
            request: TaskRequest {
                customer: "ACME".into(),
                issue: format!("acme-corp/app#{n}").parse().unwrap(),
                kind: "issue".into(),
                priority: Priority::Normal,
                note: None,
                again: false,
            },
            account: "Pool-1".into(),
            account_id: ACCOUNT.into(),
        }
    }

    /// The issue numbers of a SendMessageBatch request, in the order of its entries.
    fn issues(input: &SendMessageBatchInput) -> Vec<usize> {
        input
            .entries()
            .iter()
            .map(|entry| {
                let message: crate::task::TaskMessage = serde_json::from_str(entry.message_body()).unwrap();
                message.issue.rsplit('#').next().unwrap().parse().unwrap()
            })
            .collect()
    }

    fn failure(id: &str, code: &str, sender_fault: bool) -> BatchResultErrorEntry {
        BatchResultErrorEntry::builder()
            .id(id)
            .code(code)
            .message(format!("{code} for entry {id}"))
            .sender_fault(sender_fault)
            .build()
            .unwrap()
    }

    /// What the mocked table was asked to write.
    #[derive(Default)]
    struct Writes {
        put: Vec<String>,
        marked: Vec<String>,
    }

    /// A table that is there, no task recorded before, and writes that go through: the task ids
    /// put and the message ids marked kept for inspection.
    fn dynamodb(writes: Arc<Mutex<Writes>>) -> aws_sdk_dynamodb::Client {
        let describe = mock!(aws_sdk_dynamodb::Client::describe_table).then_output(|| {
            DescribeTableOutput::builder().table(TableDescription::builder().table_status(TableStatus::Active).build()).build()
        });
        let read = mock!(aws_sdk_dynamodb::Client::batch_get_item).then_output(|| BatchGetItemOutput::builder().build());
        let puts = writes.clone();
        let put = mock!(aws_sdk_dynamodb::Client::put_item).then_compute_output(move |input| {
            puts.lock().unwrap().put.push(input.item().unwrap()["task_id"].as_s().unwrap().clone());
            PutItemOutput::builder().build()
        });
        let update = mock!(aws_sdk_dynamodb::Client::update_item).then_compute_output(move |input| {
            writes.lock().unwrap().marked.push(input.expression_attribute_values().unwrap()[":m"].as_s().unwrap().clone());
            UpdateItemOutput::builder().build()
        });
        mock_client!(aws_sdk_dynamodb, RuleMode::MatchAny, [&describe, &read, &put, &update])
    }

    #[tokio::test(start_paused = true)]
    async fn only_the_entries_sqs_failed_on_its_side_are_sent_again_and_a_sender_fault_is_reported_failed() {
        // First batch: #3 and #7 fail on SQS's side, #5 is refused as the sender's fault. Every
        // later batch goes through.
        let batches: Arc<Mutex<Vec<Vec<usize>>>> = Arc::default();
        let seen = batches.clone();
        let send = mock!(aws_sdk_sqs::Client::send_message_batch).then_compute_response(move |input| {
            let issues = issues(input);
            let first = {
                let mut seen = seen.lock().unwrap();
                seen.push(issues.clone());
                seen.len() == 1
            };
            // Both lists are required, empty or not.
            let mut out = SendMessageBatchOutput::builder().set_successful(Some(Vec::new())).set_failed(Some(Vec::new()));
            for (entry, n) in input.entries().iter().zip(&issues) {
                out = match (first, n) {
                    (true, 3 | 7) => out.failed(failure(entry.id(), "InternalError", false)),
                    (true, 5) => out.failed(failure(entry.id(), "InvalidParameterValue", true)),
                    _ => out.successful(
                        SendMessageBatchResultEntry::builder()
                            .id(entry.id())
                            .message_id(format!("m-{n}"))
                            .md5_of_message_body("-")
                            .build()
                            .unwrap(),
                    ),
                };
            }
            MockResponse::Output(out.build().unwrap())
        });
        let url = mock!(aws_sdk_sqs::Client::get_queue_url).then_output(|| GetQueueUrlOutput::builder().queue_url(QUEUE_URL).build());
        let sqs = mock_client!(aws_sdk_sqs, RuleMode::MatchAny, [&send, &url]);
        let writes: Arc<Mutex<Writes>> = Arc::default();
        let workers = with_clients(ACCOUNT, sqs, dynamodb(writes.clone()));

        let results = dispatch::dispatch(&workers, &settings(), (1..=10).map(task).collect(), &|_| {}).await.unwrap();

        assert_eq!(*batches.lock().unwrap(), [(1..=10).collect::<Vec<_>>(), vec![3, 7]]);
        let outcomes: Vec<(Option<usize>, Outcome, Option<String>)> =
            results.iter().map(|r| (r.line, r.status, r.message_id.clone())).collect();
        let expected: Vec<(Option<usize>, Outcome, Option<String>)> = (1..=10)
            .map(|n| if n == 5 { (Some(n), Outcome::Failed, None) } else { (Some(n), Outcome::Sent, Some(format!("m-{n}"))) })
            .collect();
        assert_eq!(outcomes, expected);
        assert_eq!(results[4].error.as_deref(), Some("SQS refused it: InvalidParameterValue InvalidParameterValue for entry 4"));
        assert!(results.iter().filter(|r| r.status == Outcome::Sent).all(|r| r.error.is_none()), "{results:#?}");
        // Recorded all ten, then marked sent the nine that were, with their message ids.
        let writes = writes.lock().unwrap();
        assert_eq!(writes.put.len(), 10);
        let mut marked = writes.marked.clone();
        marked.sort_by_key(|m| m[2..].parse::<usize>().unwrap());
        assert_eq!(marked, [1, 2, 3, 4, 6, 7, 8, 9, 10].map(|n| format!("m-{n}")));
    }

    #[tokio::test]
    async fn a_member_role_that_cannot_be_assumed_is_named_with_its_account_and_stops_the_dispatch() {
        let role_arn = "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole";
        let denied = format!(
            "User: arn:aws:sts::999999999999:assumed-role/Operator/alice is not authorized to perform: sts:AssumeRole on resource: {role_arn}"
        );
        let message = denied.clone();
        let assume =
            mock!(aws_sdk_sts::Client::assume_role).match_requests(move |r| r.role_arn() == Some(role_arn)).then_error(move || {
                AssumeRoleError::generic(aws_smithy_types::error::ErrorMetadata::builder().code("AccessDenied").message(&message).build())
            });
        let workers = workers(mock_client!(aws_sdk_sts, RuleMode::MatchAny, [&assume]));

        let err = workers.queue_url(ACCOUNT, "miyabi-tasks").await.unwrap_err();
        assert_eq!(err.kind, AwsErrorKind::AccessDenied);
        assert_eq!(err.to_string(), format!("AssumeRole {role_arn}: {denied}"));
        assert_eq!(
            err.help(),
            "check that the role OrganizationAccountAccessRole exists in that account and trusts the caller's account, and that the caller may sts:AssumeRole it; the role's name is [organization] member_role in miyabi-org.toml"
        );

        // Through dispatch: the check of the account fails, and nothing is recorded or sent
        // (the account has no SQS or DynamoDB client to send with).
        let err = dispatch::dispatch(&workers, &settings(), vec![task(1)], &|_| panic!("no task has a result")).await.unwrap_err();
        let DispatchError::Aws(err) = err else { panic!("not the role's error: {err}") };
        assert_eq!((err.operation, err.resource.as_deref()), ("AssumeRole", Some(role_arn)));
    }
}
