//! Agent workers against the sandbox, through the real SDK: the plumbing in pool and silo
//! accounts (`apply --only workers`), `worker dispatch` to the account each customer lives in,
//! `status`, `tasks`, `cancel` and `redrive`, checked with the sandbox's own reads of each
//! member account (moto keeps every account reached through AssumeRole apart).

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use aws_sdk_dynamodb::types::AttributeValue;
use aws_sdk_sqs::types::{MessageSystemAttributeName, QueueAttributeName};
use serde_json::Value;
use support::{Proxy, Sandbox, edit, example_repo, json, stderr, stdout, tool};

/// The example org with ACME and Globex in Pool-1, Initech in a silo, each with its GitHub
/// repositories; `account create` makes the workers' plumbing with each account. Returns the pool's and the silo's account ids.
async fn org_with_workers() -> (Sandbox, tempfile::TempDir, String, String) {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "apply", "--yes"]).assert().success();
    for args in
        [["--pool", "1", "--customer", "ACME"], ["--pool", "1", "--customer", "Globex"], ["--tier", "silo", "--customer", "Initech"]]
    {
        tool(&sandbox.url, dir).args(["-q", "account", "create"]).args(args).arg("--yes").assert().success();
    }
    for (customer, github) in [("ACME", "acme-corp/*"), ("Globex", "globex/*"), ("Initech", "initech/tps")] {
        edit(
            dir,
            "tenants.toml",
            &format!("customer = \"{customer}\"\n"),
            &format!("customer = \"{customer}\"\ngithub = [\"{github}\"]\n"),
        );
    }
    let tenants = std::fs::read_to_string(dir.join("tenants.toml")).unwrap();
    let ids: Vec<String> =
        tenants.lines().filter_map(|l| l.strip_prefix("account_id = \"")).map(|l| l.trim_end_matches('"').to_string()).collect();
    assert_eq!(ids.len(), 2, "{tenants}");
    (sandbox, repo, ids[0].clone(), ids[1].clone())
}

async fn sqs(sandbox: &Sandbox, account: &str) -> aws_sdk_sqs::Client {
    aws_sdk_sqs::Client::new(&sandbox.member(account).await)
}

async fn queue_url(sandbox: &Sandbox, account: &str, name: &str) -> String {
    sqs(sandbox, account).await.get_queue_url().queue_name(name).send().await.unwrap().queue_url().unwrap().to_string()
}

/// Takes every visible message of a queue (hidden for an hour): (body, group) of each.
async fn drain(sandbox: &Sandbox, account: &str, name: &str) -> Vec<(Value, Option<String>)> {
    let client = sqs(sandbox, account).await;
    let url = queue_url(sandbox, account, name).await;
    let mut messages = Vec::new();
    loop {
        let out = client
            .receive_message()
            .queue_url(&url)
            .max_number_of_messages(10)
            .visibility_timeout(3600)
            .message_system_attribute_names(MessageSystemAttributeName::MessageGroupId)
            .send()
            .await
            .unwrap();
        if out.messages().is_empty() {
            return messages;
        }
        for m in out.messages() {
            let group = m.attributes().and_then(|a| a.get(&MessageSystemAttributeName::MessageGroupId)).cloned();
            messages.push((serde_json::from_str(m.body().unwrap()).unwrap(), group));
        }
    }
}

async fn send_raw(sandbox: &Sandbox, account: &str, queue: &str, body: &Value) {
    let url = queue_url(sandbox, account, queue).await;
    sqs(sandbox, account).await.send_message().queue_url(url).message_body(body.to_string()).send().await.unwrap();
}

async fn row(sandbox: &Sandbox, account: &str, customer: &str, task_id: &str) -> BTreeMap<String, String> {
    let client = aws_sdk_dynamodb::Client::new(&sandbox.member(account).await);
    let out = client
        .get_item()
        .table_name("miyabi-tasks")
        .key("PK", AttributeValue::S(format!("CUSTOMER#{customer}")))
        .key("SK", AttributeValue::S(format!("TASK#{task_id}")))
        .send()
        .await
        .unwrap();
    let item = out.item().unwrap_or_else(|| panic!("no row for {task_id} in {account}"));
    item.iter().map(|(k, v)| (k.clone(), v.as_s().cloned().or_else(|_| v.as_n().cloned()).unwrap_or_default())).collect()
}

fn dispatch(url: &str, dir: &Path, customer: &str, issue: &str) -> Value {
    json(tool(url, dir).args(["worker", "dispatch", "--output", "json", "--customer", customer, "--issue", issue]))
}

fn sends(output: &Value) -> u64 {
    output["stats"]["api_calls_by_operation"]["SendMessageBatch"].as_u64().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn tasks_reach_the_queue_of_the_account_their_customer_lives_in_once() {
    let (sandbox, repo, pool, silo) = org_with_workers().await;
    let (url, dir) = (sandbox.url.as_str(), repo.path());

    // `account create` made each account with its plumbing.
    tool(url, dir).args(["-q", "drift", "--only", "workers"]).assert().code(0);
    // A queue deleted behind the tool's back: nothing is sent, and the error says how to make it.
    let client = sqs(&sandbox, &silo).await;
    client.delete_queue().queue_url(queue_url(&sandbox, &silo, "miyabi-tasks").await).send().await.unwrap();
    let refused = tool(url, dir).args(["worker", "dispatch", "--customer", "Initech", "--issue", "initech/tps#1"]).assert().code(1);
    let err = stderr(refused.get_output());
    assert!(
        err.contains(&format!("account Silo-Initech ({silo}) has no queue miyabi-tasks")) && err.contains("apply --only workers"),
        "{err}"
    );
    tool(url, dir).args(["drift", "--only", "workers"]).assert().code(2);
    tool(url, dir).args(["-q", "apply", "--only", "workers", "--yes"]).assert().success();
    tool(url, dir).args(["-q", "drift", "--only", "workers"]).assert().code(0);

    let acme = dispatch(url, dir, "ACME", "acme-corp/app#1");
    let initech = dispatch(url, dir, "Initech", "https://github.com/initech/tps/issues/2");
    assert_eq!(acme["summary"]["sent"], 1, "{acme}");
    assert_eq!(initech["summary"]["sent"], 1, "{initech}");
    let (acme_id, initech_id) = (acme["tasks"][0]["task_id"].as_str().unwrap(), initech["tasks"][0]["task_id"].as_str().unwrap());
    assert_eq!(
        (acme["tasks"][0]["account_id"].as_str(), initech["tasks"][0]["account_id"].as_str()),
        (Some(pool.as_str()), Some(silo.as_str()))
    );

    // The same task again sends nothing.
    let again = tool(url, dir).args(["worker", "dispatch", "--customer", "ACME", "--issue", "acme-corp/app#1"]).assert().success();
    assert_eq!(stdout(again.get_output()).trim(), format!("already queued: {acme_id}"));
    assert_eq!(sends(&dispatch(url, dir, "ACME", "acme-corp/app#1")), 0);

    // Each table has its own customer's row, queued and marked sent.
    let acme_row = row(&sandbox, &pool, "ACME", acme_id).await;
    assert_eq!((acme_row["state"].as_str(), acme_row["issue"].as_str()), ("queued", "acme-corp/app#1"));
    assert!(acme_row.contains_key("message_id"), "{acme_row:?}");
    assert_eq!(row(&sandbox, &silo, "Initech", initech_id).await["state"], "queued");

    // 250 tasks from one file, for the pool's two customers and the silo's.
    let mut lines = String::new();
    let mut expected: BTreeMap<&str, usize> = BTreeMap::new();
    for n in 0..250 {
        let (customer, repo) = [("ACME", "acme-corp/web"), ("Globex", "globex/api"), ("Initech", "initech/tps")][n % 3];
        *expected.entry(customer).or_default() += 1;
        lines.push_str(&format!("{{\"customer\": \"{customer}\", \"issue\": \"{repo}#{}\", \"kind\": \"review\"}}\n", 100 + n));
    }
    std::fs::write(dir.join("tasks.jsonl"), &lines).unwrap();
    let batch = json(tool(url, dir).args(["worker", "dispatch", "--output", "json", "--file", "tasks.jsonl"]));
    assert_eq!(batch["summary"]["sent"], 250, "{batch}");
    assert_eq!(batch["tasks"].as_array().unwrap().len(), 250);
    // Ten to a call: 84 pool tasks per customer... rounded up per account and chunk.
    assert!(sends(&batch) <= 27, "{}", batch["stats"]);

    // Status: what the test put there, before anyone takes a message.
    let status = json(tool(url, dir).args(["worker", "status", "--output", "json"]));
    let visible: BTreeMap<String, u64> = status["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["account_id"].as_str().unwrap().to_string(), a["visible"].as_u64().unwrap()))
        .collect();
    let pool_tasks = 1 + expected["ACME"] + expected["Globex"];
    assert_eq!(visible[&pool], pool_tasks as u64);
    assert_eq!(visible[&silo], 1 + expected["Initech"] as u64);

    // Every message is in its own account's queue exactly once, grouped by customer.
    let pool_messages = drain(&sandbox, &pool, "miyabi-tasks").await;
    let silo_messages = drain(&sandbox, &silo, "miyabi-tasks").await;
    assert_eq!(pool_messages.len(), pool_tasks);
    assert_eq!(silo_messages.len(), 1 + expected["Initech"]);
    let ids: BTreeSet<&str> = pool_messages.iter().map(|(b, _)| b["task_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), pool_messages.len(), "no task twice");
    for (body, group) in pool_messages.iter().chain(&silo_messages) {
        assert_eq!(group.as_deref(), body["customer"].as_str(), "{body}");
        for field in ["task_id", "customer", "issue", "kind", "priority", "requested_by", "created_at"] {
            assert!(body.get(field).is_some(), "{field} missing in {body}");
        }
    }
    assert!(pool_messages.iter().all(|(b, _)| b["customer"] != "Initech"));
    assert!(silo_messages.iter().all(|(b, _)| b["customer"] == "Initech"));
    assert_eq!(pool_messages.iter().find(|(b, _)| b["task_id"] == acme_id).unwrap().0["issue"], "acme-corp/app#1");

    // In flight, dead letters and the ECS service as the test sets them.
    send_raw(&sandbox, &pool, "miyabi-tasks-dlq", &serde_json::json!({"task_id": "ACME:0123456789ab", "customer": "ACME", "issue": "acme-corp/x#1", "kind": "issue", "priority": "normal", "requested_by": "t", "created_at": "t"})).await;
    send_raw(&sandbox, &pool, "miyabi-tasks-dlq", &serde_json::json!({"task_id": "Globex:0123456789ab", "customer": "Globex", "issue": "globex/x#1", "kind": "issue", "priority": "normal", "requested_by": "t", "created_at": "t"})).await;
    let ecs = aws_sdk_ecs::Client::new(&sandbox.member(&pool).await);
    ecs.create_cluster().cluster_name("miyabi-cluster").send().await.unwrap();
    let container = aws_sdk_ecs::types::ContainerDefinition::builder().name("worker").image("worker:1").memory(512).build();
    ecs.register_task_definition().family("agent-worker").container_definitions(container).send().await.unwrap();
    ecs.create_service()
        .cluster("miyabi-cluster")
        .service_name("agent-worker-service")
        .task_definition("agent-worker")
        .desired_count(2)
        .send()
        .await
        .unwrap();
    ecs.update_service().cluster("miyabi-cluster").service("agent-worker-service").desired_count(3).send().await.unwrap();
    let status = json(tool(url, dir).args(["worker", "status", "--output", "json", "--pool", "1"]));
    let account = &status["accounts"][0];
    assert_eq!(account["account_id"], pool.as_str(), "{status}");
    assert_eq!(
        (account["visible"].as_u64(), account["in_flight"].as_u64(), account["dead_letters"].as_u64()),
        (Some(0), Some(pool_tasks as u64), Some(2))
    );
    assert_eq!(account["ecs"], serde_json::json!({"state": "active", "desired": 3, "running": 3, "pending": 0}));
    tool(url, dir).args(["worker", "status", "--fail-on", "dlq"]).assert().code(2);
    tool(url, dir).args(["worker", "status", "--tier", "silo", "--fail-on", "dlq", "--fail-on", "backlog=100"]).assert().code(0);

    // A redrive of ACME's dead letters moves ACME's only.
    let moved = json(tool(url, dir).args(["worker", "redrive", "--customer", "ACME", "--yes", "--output", "json"]));
    assert_eq!(moved["moved"], 1, "{moved}");
    let back = drain(&sandbox, &pool, "miyabi-tasks").await;
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].0["customer"], "ACME");
    let left = drain(&sandbox, &pool, "miyabi-tasks-dlq").await;
    assert_eq!(left.iter().map(|(b, _)| b["customer"].as_str().unwrap()).collect::<Vec<_>>(), ["Globex"]);

    // Tasks and cancel: ACME's first task is cancelled, and cancelling it again is no error.
    let tasks = json(tool(url, dir).args(["worker", "tasks", "--customer", "ACME", "--output", "json"]));
    assert_eq!(tasks["tasks"].as_array().unwrap().len(), 1 + expected["ACME"]);
    tool(url, dir).args(["worker", "cancel", acme_id]).assert().success().stdout(format!("cancelled {acme_id}\n"));
    tool(url, dir).args(["worker", "cancel", acme_id]).assert().success();
    assert_eq!(row(&sandbox, &pool, "ACME", acme_id).await["state"], "cancelled");
    let queued = json(tool(url, dir).args(["worker", "tasks", "--customer", "ACME", "--state", "cancelled", "--output", "json"]));
    assert_eq!(queued["tasks"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn throttling_and_server_errors_on_send_lose_nothing_and_duplicate_nothing() {
    let (sandbox, repo, pool, _) = org_with_workers().await;
    let dir = repo.path();
    let proxy =
        Proxy::start(&sandbox.url, &["--throttle", "0.25", "--throttle-only", "SendMessageBatch", "--error500", "0.05", "--seed", "7"]);
    let line = |n: usize| {
        let (customer, repo) = if n.is_multiple_of(2) { ("ACME", "acme-corp/app") } else { ("Globex", "globex/api") };
        format!("{{\"customer\": \"{customer}\", \"issue\": \"{repo}#{}\"}}\n", n + 1)
    };
    let lines: String = (0..120).map(line).collect();
    std::fs::write(dir.join("tasks.jsonl"), lines).unwrap();
    let out = json(tool(&proxy.url, dir).args(["worker", "dispatch", "--output", "json", "--file", "tasks.jsonl"]));
    assert_eq!(out["summary"]["sent"], 120, "{out}");
    let faults = proxy.requests().iter().filter(|l| l.starts_with("SendMessageBatch") && !l.contains("forwarded")).count();
    assert!(faults > 0, "the proxy injected no fault on SendMessageBatch: {:?}", proxy.requests());
    let messages = drain(&sandbox, &pool, "miyabi-tasks").await;
    let ids: BTreeSet<&str> = messages.iter().map(|(b, _)| b["task_id"].as_str().unwrap()).collect();
    assert_eq!((messages.len(), ids.len()), (120, 120));
    // A second run finds everything marked sent and sends nothing.
    let again = json(tool(&proxy.url, dir).args(["worker", "dispatch", "--output", "json", "--file", "tasks.jsonl"]));
    assert_eq!((again["summary"]["already_queued"].as_u64(), sends(&again)), (Some(120), 0), "{again}");
}

#[tokio::test(flavor = "multi_thread")]
async fn plumbing_drift_is_found_and_repaired_without_touching_messages() {
    let (sandbox, repo, pool, _) = org_with_workers().await;
    let (url, dir) = (sandbox.url.as_str(), repo.path());
    dispatch(url, dir, "ACME", "acme-corp/app#1");
    let queue = queue_url(&sandbox, &pool, "miyabi-tasks").await;
    sqs(&sandbox, &pool)
        .await
        .set_queue_attributes()
        .queue_url(&queue)
        .attributes(QueueAttributeName::VisibilityTimeout, "30")
        .send()
        .await
        .unwrap();
    let drift = tool(url, dir).args(["drift", "--only", "workers"]).assert().code(2);
    assert!(
        stdout(drift.get_output()).contains("queue miyabi-tasks in Pool-1 (VisibilityTimeout 30 -> 1800)"),
        "{}",
        stdout(drift.get_output())
    );
    tool(url, dir).args(["-q", "apply", "--only", "workers", "--yes"]).assert().success();
    tool(url, dir).args(["-q", "drift", "--only", "workers"]).assert().code(0);
    assert_eq!(drain(&sandbox, &pool, "miyabi-tasks").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fifo_queue_and_its_dead_letter_queue_group_tasks_by_customer_and_issue() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let (url, dir) = (sandbox.url.as_str(), repo.path());
    tool(url, dir).args(["-q", "apply", "--yes"]).assert().success();
    edit(dir, "miyabi-org.toml", "queue = \"miyabi-tasks\"", "queue = \"miyabi-tasks.fifo\"");
    edit(dir, "miyabi-org.toml", "dead_letter_queue = \"miyabi-tasks-dlq\"", "dead_letter_queue = \"miyabi-tasks-dlq.fifo\"");
    tool(url, dir).args(["-q", "account", "create", "--pool", "1", "--customer", "ACME", "--yes"]).assert().success();
    let tenants = std::fs::read_to_string(dir.join("tenants.toml")).unwrap();
    let pool = tenants.lines().find_map(|l| l.strip_prefix("account_id = \"")).unwrap().trim_end_matches('"').to_string();
    let attributes = sqs(&sandbox, &pool)
        .await
        .get_queue_attributes()
        .queue_url(queue_url(&sandbox, &pool, "miyabi-tasks.fifo").await)
        .attribute_names(QueueAttributeName::All)
        .send()
        .await
        .unwrap();
    let attributes = attributes.attributes().unwrap();
    assert_eq!(attributes.get(&QueueAttributeName::FifoQueue).map(String::as_str), Some("true"));
    assert!(attributes[&QueueAttributeName::RedrivePolicy].contains("miyabi-tasks-dlq.fifo"), "{attributes:?}");
    let sent = dispatch(url, dir, "ACME", "acme-corp/app#4");
    assert_eq!(sent["summary"]["sent"], 1, "{sent}");
    let messages = drain(&sandbox, &pool, "miyabi-tasks.fifo").await;
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].1.as_deref(), Some("ACME:acme-corp/app#4"));
}

/// The application's ECS service in an account, as its own deployment would make it.
async fn deploy(sandbox: &Sandbox, account: &str, desired: i32) {
    let ecs = aws_sdk_ecs::Client::new(&sandbox.member(account).await);
    ecs.create_cluster().cluster_name("miyabi-cluster").send().await.unwrap();
    ecs.create_service().cluster("miyabi-cluster").service_name("agent-worker-service").desired_count(desired).send().await.unwrap();
}

async fn desired_count(sandbox: &Sandbox, account: &str) -> i32 {
    let ecs = aws_sdk_ecs::Client::new(&sandbox.member(account).await);
    let out = ecs.describe_services().cluster("miyabi-cluster").services("agent-worker-service").send().await.unwrap();
    out.services()[0].desired_count()
}

const RESOURCE: &str = "service/miyabi-cluster/agent-worker-service";

async fn autoscaling(sandbox: &Sandbox, account: &str) -> aws_sdk_applicationautoscaling::Client {
    aws_sdk_applicationautoscaling::Client::new(&sandbox.member(account).await)
}

/// The scalable target (min, max, suspended), each policy's steps as (lower, upper, change) and
/// cooldown, and each alarm's (comparison, threshold, periods, actions), read with the SDK.
async fn installed_scaling(sandbox: &Sandbox, account: &str) -> Value {
    use aws_sdk_applicationautoscaling::types::{ScalableDimension, ServiceNamespace};
    let client = autoscaling(sandbox, account).await;
    let targets = client
        .describe_scalable_targets()
        .service_namespace(ServiceNamespace::Ecs)
        .resource_ids(RESOURCE)
        .scalable_dimension(ScalableDimension::EcsServiceDesiredCount)
        .send()
        .await
        .unwrap();
    let target = targets.scalable_targets().first().map(|t| {
        let suspended = t.suspended_state().and_then(|s| s.dynamic_scaling_in_suspended()).unwrap_or(false);
        serde_json::json!([t.min_capacity(), t.max_capacity(), suspended])
    });
    let policies = client.describe_scaling_policies().service_namespace(ServiceNamespace::Ecs).resource_id(RESOURCE).send().await.unwrap();
    let mut arns = BTreeMap::new();
    let policies: BTreeMap<String, Value> = policies
        .scaling_policies()
        .iter()
        .map(|p| {
            arns.insert(p.policy_arn().to_string(), p.policy_name().to_string());
            let config = p.step_scaling_policy_configuration().unwrap();
            let steps: Vec<Value> = config
                .step_adjustments()
                .iter()
                .map(|s| serde_json::json!([s.metric_interval_lower_bound(), s.metric_interval_upper_bound(), s.scaling_adjustment()]))
                .collect();
            (p.policy_name().to_string(), serde_json::json!({"steps": steps, "cooldown": config.cooldown()}))
        })
        .collect();
    let cloudwatch = aws_sdk_cloudwatch::Client::new(&sandbox.member(account).await);
    let alarms = cloudwatch.describe_alarms().alarm_name_prefix("miyabi-workers-").send().await.unwrap();
    let alarms: BTreeMap<String, Value> = alarms
        .metric_alarms()
        .iter()
        .map(|a| {
            // The policy each alarm triggers, by name: moto gives a policy a new ARN on every put.
            let actions: Vec<String> = a.alarm_actions().iter().map(|arn| arns.get(arn).cloned().unwrap_or_else(|| arn.clone())).collect();
            let alarm = serde_json::json!({
                "metric": format!("{} {} {}", a.namespace().unwrap(), a.metric_name().unwrap(), a.dimensions()[0].value().unwrap()),
                "when": format!("{} {}", a.comparison_operator().unwrap().as_str(), a.threshold().unwrap()),
                "periods": a.evaluation_periods(),
                "actions": actions,
            });
            (a.alarm_name().unwrap().to_string(), alarm)
        })
        .collect();
    serde_json::json!({"target": target, "policies": policies, "alarms": alarms})
}

/// Scaling as the example's `[workers.scaling]` declares it (the system design's steps).
fn declared_scaling(suspended: bool) -> Value {
    serde_json::json!({
        "target": [1, 100, suspended],
        "policies": {
            "miyabi-workers-scale-out": {"steps": [[0.0, 50.0, 5], [50.0, 450.0, 10], [450.0, null, 20]], "cooldown": 60},
            "miyabi-workers-scale-in": {"steps": [[null, 0.0, -1]], "cooldown": 300},
        },
        "alarms": {
            "miyabi-workers-miyabi-tasks-scale-out": {
                "metric": "AWS/SQS ApproximateNumberOfMessagesVisible miyabi-tasks",
                "when": "GreaterThanOrEqualToThreshold 50",
                "periods": 1,
                "actions": ["miyabi-workers-scale-out"],
            },
            "miyabi-workers-miyabi-tasks-scale-in": {
                "metric": "AWS/SQS ApproximateNumberOfMessagesVisible miyabi-tasks",
                "when": "LessThanThreshold 10",
                "periods": 5,
                "actions": ["miyabi-workers-scale-in"],
            },
        },
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn scaling_is_installed_in_pool_and_silo_accounts_and_a_hand_edited_step_is_drift_that_apply_repairs() {
    let (sandbox, repo, pool, silo) = org_with_workers().await;
    let (url, dir) = (sandbox.url.as_str(), repo.path());
    // Without the application's service there is nothing to scale: a warning, no change.
    tool(url, dir).args(["-q", "drift", "--only", "workers"]).assert().code(0);
    deploy(&sandbox, &pool, 1).await;
    deploy(&sandbox, &silo, 1).await;
    let drift = tool(url, dir).args(["drift", "--only", "workers"]).assert().code(2);
    let text = stdout(drift.get_output());
    for line in [
        "+ scalable target service/miyabi-cluster/agent-worker-service in Pool-1 (1 to 100 tasks)",
        "+ scale-out policy and alarm in Silo-Initech (when visible >= 50 for 1 x 60 s, missing data notBreaching: depth 50-99: +5, 100-499: +10, 500+: +20; cooldown 60 s)",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    tool(url, dir).args(["-q", "apply", "--only", "workers", "--yes"]).assert().success();
    tool(url, dir).args(["-q", "drift", "--only", "workers"]).assert().code(0);
    for account in [&pool, &silo] {
        assert_eq!(installed_scaling(&sandbox, account).await, declared_scaling(false), "{account}");
    }
    let status = json(tool(url, dir).args(["worker", "status", "--output", "json"]));
    let states: Vec<&str> = status["accounts"].as_array().unwrap().iter().map(|a| a["scaling"].as_str().unwrap()).collect();
    assert_eq!(states, ["in_sync", "in_sync"], "{status}");

    // An operator changes the first step out by hand: drift names it, apply puts it back.
    {
        use aws_sdk_applicationautoscaling::types::*;
        let step = |lower: f64, upper: Option<f64>, change| {
            StepAdjustment::builder()
                .metric_interval_lower_bound(lower)
                .set_metric_interval_upper_bound(upper)
                .scaling_adjustment(change)
                .build()
                .unwrap()
        };
        let config = StepScalingPolicyConfiguration::builder()
            .adjustment_type(AdjustmentType::ChangeInCapacity)
            .metric_aggregation_type(MetricAggregationType::Maximum)
            .cooldown(60)
            .step_adjustments(step(0.0, Some(50.0), 2))
            .step_adjustments(step(50.0, Some(450.0), 10))
            .step_adjustments(step(450.0, None, 20))
            .build();
        autoscaling(&sandbox, &pool)
            .await
            .put_scaling_policy()
            .policy_name("miyabi-workers-scale-out")
            .service_namespace(ServiceNamespace::Ecs)
            .resource_id(RESOURCE)
            .scalable_dimension(ScalableDimension::EcsServiceDesiredCount)
            .policy_type(PolicyType::StepScaling)
            .step_scaling_policy_configuration(config)
            .send()
            .await
            .unwrap();
    }
    let drift = tool(url, dir).args(["drift", "--only", "workers"]).assert().code(2);
    let text = stdout(drift.get_output());
    // (moto gives a policy a new ARN on every put, so its alarm is shown relinked too; AWS keeps the ARN.)
    assert!(text.contains("~ scale-out policy and alarm in Pool-1 ("), "{text}");
    assert!(
        text.contains("policy depth 50-99: +2, 100-499: +10, 500+: +20; cooldown 60 s (ChangeInCapacity on Maximum) -> depth 50-99: +5,"),
        "{text}"
    );
    let status = json(tool(url, dir).args(["worker", "status", "--pool", "1", "--output", "json"]));
    assert_eq!(status["accounts"][0]["scaling"], "drift", "{status}");
    tool(url, dir).args(["-q", "apply", "--only", "workers", "--yes"]).assert().success();
    tool(url, dir).args(["-q", "drift", "--only", "workers"]).assert().code(0);
    assert_eq!(installed_scaling(&sandbox, &pool).await, declared_scaling(false));
}

/// Sends `n` messages to the pool's task queue.
async fn fill(sandbox: &Sandbox, account: &str, n: usize) {
    use aws_sdk_sqs::types::SendMessageBatchRequestEntry;
    let url = queue_url(sandbox, account, "miyabi-tasks").await;
    let client = sqs(sandbox, account).await;
    for chunk in (0..n).collect::<Vec<_>>().chunks(10) {
        let entries = chunk.iter().map(|i| SendMessageBatchRequestEntry::builder().id(i.to_string()).message_body("{}").build().unwrap());
        client.send_message_batch().queue_url(&url).set_entries(Some(entries.collect())).send().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn autoscale_decides_from_the_live_depth_and_sets_the_count_only_when_applied() {
    let (sandbox, repo, pool, _) = org_with_workers().await;
    let (url, dir) = (sandbox.url.as_str(), repo.path());
    deploy(&sandbox, &pool, 1).await;
    tool(url, dir).args(["-q", "worker", "scale", "--pool", "1", "--desired", "20", "--yes"]).assert().success();
    assert_eq!(desired_count(&sandbox, &pool).await, 20);
    let mut decisions = Vec::new();
    let mut depth = 0;
    for target in [5, 60, 150, 700] {
        fill(&sandbox, &pool, target - depth).await;
        depth = target;
        let out = json(tool(url, dir).args(["worker", "autoscale", "--pool", "1", "--output", "json"]));
        let row = &out["accounts"][0];
        assert_eq!(out["applied"], false, "{out}");
        decisions.push((
            row["visible"].as_u64().unwrap(),
            row["current"].as_u64().unwrap(),
            row["desired"].as_u64().unwrap(),
            row["step"]["change"].as_i64(),
        ));
    }
    assert_eq!(decisions, [(5, 20, 19, Some(-1)), (60, 20, 25, Some(5)), (150, 20, 30, Some(10)), (700, 20, 40, Some(20))]);
    assert_eq!(desired_count(&sandbox, &pool).await, 20, "a plan changes nothing");
    let text = stdout(tool(url, dir).args(["worker", "autoscale", "--pool", "1"]).assert().success().get_output());
    assert!(text.contains("depth >= 500: +20"), "{text}");
    tool(url, dir).args(["-q", "worker", "autoscale", "--pool", "1", "--apply", "--yes"]).assert().success();
    assert_eq!(desired_count(&sandbox, &pool).await, 40);
    // Outside min..max only with --force.
    tool(url, dir).args(["-q", "worker", "scale", "--pool", "1", "--desired", "150", "--yes"]).assert().code(1);
    assert_eq!(desired_count(&sandbox, &pool).await, 40);
    tool(url, dir).args(["-q", "worker", "scale", "--pool", "1", "--desired", "150", "--force", "--yes"]).assert().success();
    assert_eq!(desired_count(&sandbox, &pool).await, 150);
}

#[tokio::test(flavor = "multi_thread")]
async fn drain_refuses_new_tasks_waits_for_the_queue_to_empty_and_ends_at_zero() {
    let (sandbox, repo, pool, _) = org_with_workers().await;
    let (url, dir) = (sandbox.url.as_str(), repo.path());
    deploy(&sandbox, &pool, 3).await;
    tool(url, dir).args(["-q", "apply", "--only", "workers", "--yes"]).assert().success();
    dispatch(url, dir, "ACME", "acme-corp/app#1");
    let mut drain_run = support::process(url, dir)
        .args(["worker", "drain", "--pool", "1", "--timeout", "2m", "--interval", "1", "--yes", "--output", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The file says drained before anything else is done: dispatch to the pool is refused.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !std::fs::read_to_string(dir.join("tenants.toml")).unwrap().contains("drained = true") {
        assert!(std::time::Instant::now() < deadline, "drain did not record the pool");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let refused = tool(url, dir).args(["worker", "dispatch", "--customer", "Globex", "--issue", "globex/site#1"]).assert().code(1);
    assert!(
        stderr(refused.get_output()).contains("pool 1 (Pool-1), where customer Globex lives, is drained"),
        "{}",
        stderr(refused.get_output())
    );
    // It waits while the task is there; the test works it off the queue.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert!(drain_run.try_wait().unwrap().is_none(), "drain ended with a task still queued");
    assert_eq!(drain(&sandbox, &pool, "miyabi-tasks").await.len(), 1);
    let client = sqs(&sandbox, &pool).await;
    let queue = queue_url(&sandbox, &pool, "miyabi-tasks").await;
    client.purge_queue().queue_url(&queue).send().await.unwrap();
    let output = drain_run.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!((report["desired"].as_u64(), report["scaling_suspended"].as_bool()), (Some(0), Some(true)), "{report}");
    assert_eq!(desired_count(&sandbox, &pool).await, 0);
    assert_eq!(installed_scaling(&sandbox, &pool).await["target"], serde_json::json!([1, 100, true]));
    // A drained pool is what the repo says: no drift.
    tool(url, dir).args(["-q", "drift", "--only", "workers"]).assert().code(0);

    tool(url, dir).args(["-q", "worker", "resume", "--pool", "1", "--yes"]).assert().success();
    assert!(!std::fs::read_to_string(dir.join("tenants.toml")).unwrap().contains("drained"));
    assert_eq!(installed_scaling(&sandbox, &pool).await["target"], serde_json::json!([1, 100, false]));
    assert_eq!(desired_count(&sandbox, &pool).await, 1);
    assert_eq!(dispatch(url, dir, "Globex", "globex/site#1")["summary"]["sent"], 1);
    tool(url, dir).args(["-q", "drift", "--only", "workers"]).assert().code(0);
}
