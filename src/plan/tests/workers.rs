//! `plan/workers.rs`: the workers' queues and table in each account that runs them.

use super::*;
use crate::model::AccountRef;
use crate::model::workers::{DesiredWorkers, WorkerAccount, WorkerSettings};
use crate::observe::workers::{
    AccountWorkers, DEPTH_METRIC, Deployment, InstalledAlarm, InstalledPolicy, InstalledScaling, QueueConfig, ScalableTarget, Table,
    WorkersSnapshot,
};
use crate::scaling::{Adjustment, Direction, Scaling};

fn settings() -> WorkerSettings {
    WorkerSettings {
        queue: "tasks".into(),
        dead_letter_queue: "tasks-dlq".into(),
        max_receive_count: 3,
        visibility_timeout_s: 1800,
        max_message_size: 262_144,
        table: "tasks".into(),
        cluster: "cluster".into(),
        service: "worker".into(),
        region: "us-east-1".into(),
        scaling: None,
    }
}

fn desired(accounts: &[&str]) -> DesiredWorkers {
    let accounts = accounts
        .iter()
        .enumerate()
        .map(|(i, name)| WorkerAccount {
            name: name.to_string(),
            id: None,
            declared_as: AccountRef::Pool { tier: "pool".into(), number: i as u32 + 1 },
            customers: Vec::new(),
            drained: false,
        })
        .collect();
    DesiredWorkers { settings: settings(), accounts }
}

/// An account's plumbing exactly as declared.
fn converged(account: &str) -> AccountWorkers {
    let s = settings();
    let dlq_arn = format!("arn:aws:sqs:us-east-1:{account}:tasks-dlq");
    let mut queue = s.queue_attributes();
    queue.insert("RedrivePolicy".into(), format!(r#"{{"deadLetterTargetArn":"{dlq_arn}","maxReceiveCount":"3"}}"#));
    AccountWorkers {
        queue: Some(QueueConfig { arn: format!("arn:aws:sqs:us-east-1:{account}:tasks"), attributes: queue }),
        dead_letter_queue: Some(QueueConfig { arn: dlq_arn, attributes: s.dead_letter_attributes() }),
        table: Some(Table { status: "ACTIVE".into(), keys: vec!["PK HASH".into(), "SK RANGE".into()] }),
        deployment: Deployment::Deployed,
        scaling: None,
    }
}

/// The scaling of an account exactly as the rule installs it.
fn installed(rule: &Scaling, account: &str) -> InstalledScaling {
    let mut scaling =
        InstalledScaling { target: Some(ScalableTarget { min: rule.min, max: rule.max, suspended: false }), ..InstalledScaling::default() };
    for direction in Direction::BOTH {
        let policy = rule.policy(direction);
        let arn = format!("arn:aws:autoscaling:us-east-1:{account}:scalingPolicy:{}", policy.name);
        let alarm = rule.alarm(direction, "tasks");
        scaling.alarms.insert(alarm.name.clone(), InstalledAlarm { metric: DEPTH_METRIC.into(), alarm, actions: vec![arn.clone()] });
        let installed = InstalledPolicy { arn, adjustment_type: "ChangeInCapacity".into(), aggregation: "Maximum".into(), policy };
        scaling.policies.insert(installed.policy.name.clone(), installed);
    }
    scaling
}

fn scaled(accounts: &[&str]) -> DesiredWorkers {
    let mut desired = desired(accounts);
    desired.settings.scaling = Some(Scaling::default());
    desired
}

fn plan(desired: &DesiredWorkers, live: &WorkersSnapshot, ids: &[(&str, &str)], creating: bool) -> Plan {
    let mut plan = Plan {
        organization_id: "o-1".into(),
        fingerprint: String::new(),
        changes: Vec::new(),
        unmanaged: Vec::new(),
        warnings: Vec::new(),
    };
    let ids: BTreeMap<String, String> = ids.iter().map(|(n, i)| (n.to_string(), i.to_string())).collect();
    super::super::workers::plan_workers(desired, live, &ids, creating, &mut plan);
    plan.changes.sort_by_key(Change::phase);
    plan
}

fn lines(plan: &Plan) -> String {
    let mut out: Vec<String> = plan.changes.iter().map(|c| format!("{:?} {}", c.phase(), render_change_line(c))).collect();
    out.extend(plan.warnings.iter().map(|w| format!("warning: {w}")));
    out.join("\n")
}

#[test]
fn a_converged_account_has_no_changes_and_counts_are_not_drift() {
    let live = WorkersSnapshot { accounts: BTreeMap::from([("111".to_string(), converged("111"))]) };
    assert!(plan(&desired(&["Pool-1"]), &live, &[("Pool-1", "111")], false).changes.is_empty());
}

#[test]
fn a_new_account_gets_its_dead_letter_queue_and_table_before_its_queue() {
    let plan = plan(&desired(&["Pool-1", "Pool-2"]), &WorkersSnapshot::default(), &[("Pool-1", "111")], true);
    insta::assert_snapshot!(lines(&plan), @r"
    WorkerStores + queue tasks-dlq in Pool-1 (MaximumMessageSize 262144, MessageRetentionPeriod 1209600)
    WorkerStores + table tasks in Pool-1 (PK, SK; on demand)
    WorkerStores + queue tasks-dlq in Pool-2 (MaximumMessageSize 262144, MessageRetentionPeriod 1209600)
    WorkerStores + table tasks in Pool-2 (PK, SK; on demand)
    WorkerQueues + queue tasks in Pool-1 (MaximumMessageSize 262144, VisibilityTimeout 1800, dead letters to tasks-dlq after 3 receives)
    WorkerQueues + queue tasks in Pool-2 (MaximumMessageSize 262144, VisibilityTimeout 1800, dead letters to tasks-dlq after 3 receives)
    ");
    // Pool-2 does not exist yet: its id comes from the apply that creates it.
    assert!(plan.changes.iter().any(|c| matches!(c, Change::CreateTable { account, account_id: None, .. } if account == "Pool-2")));
}

#[test]
fn an_account_that_does_not_exist_and_is_not_created_is_left_for_later() {
    assert!(plan(&desired(&["Pool-1"]), &WorkersSnapshot::default(), &[], false).changes.is_empty());
}

#[test]
fn changed_attributes_and_redrive_are_set_back_and_a_foreign_table_and_missing_service_are_warnings() {
    let mut live = converged("111");
    let queue = live.queue.as_mut().unwrap();
    queue.attributes.insert("VisibilityTimeout".into(), "30".into());
    queue
        .attributes
        .insert("RedrivePolicy".into(), r#"{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:111:other","maxReceiveCount":5}"#.into());
    live.table = Some(Table { status: "ACTIVE".into(), keys: vec!["id HASH".into()] });
    live.deployment = Deployment::NoService;
    let live = WorkersSnapshot { accounts: BTreeMap::from([("111".to_string(), live)]) };
    let plan = plan(&desired(&["Pool-1"]), &live, &[("Pool-1", "111")], false);
    insta::assert_snapshot!(lines(&plan), @r#"
    WorkerQueues ~ queue tasks in Pool-1 (RedrivePolicy {"deadLetterTargetArn":"arn:aws:sqs:us-east-1:111:other","maxReceiveCount":5} -> to tasks-dlq after 3 receives, VisibilityTimeout 30 -> 1800)
    warning: table tasks in account Pool-1 has the key schema [id HASH], not PK (hash) and SK (range): it was not made by miyabi-org, and dispatch cannot use it; name another table in [workers] table, or delete this one
    warning: account Pool-1 (111) has no ECS service worker in cluster cluster: the workers are the application's own deployment, which miyabi-org reads and scales but never creates; deploy it there
    "#);
    // Only what differs is sent.
    let Change::SetQueueAttributes { attributes, dead_letter_queue, .. } = &plan.changes[0] else { panic!("{:?}", plan.changes) };
    assert_eq!(attributes.keys().collect::<Vec<_>>(), ["VisibilityTimeout"]);
    assert_eq!(dead_letter_queue.as_ref().map(|d| d.queue.as_str()), Some("tasks-dlq"));
}

#[test]
fn scaling_is_installed_once_the_service_runs() {
    let mut deployed = converged("111");
    deployed.scaling = Some(InstalledScaling::default());
    let mut missing = converged("222");
    missing.deployment = Deployment::NoService;
    let live = WorkersSnapshot { accounts: BTreeMap::from([("111".to_string(), deployed), ("222".to_string(), missing)]) };
    let plan = plan(&scaled(&["Pool-1", "Pool-2", "Pool-3"]), &live, &[("Pool-1", "111"), ("Pool-2", "222")], true);
    insta::assert_snapshot!(lines(&plan), @r"
    WorkerStores + queue tasks-dlq in Pool-3 (MaximumMessageSize 262144, MessageRetentionPeriod 1209600)
    WorkerStores + table tasks in Pool-3 (PK, SK; on demand)
    WorkerQueues + queue tasks in Pool-3 (MaximumMessageSize 262144, VisibilityTimeout 1800, dead letters to tasks-dlq after 3 receives)
    ScalingTargets + scalable target service/cluster/worker in Pool-1 (1 to 100 tasks)
    ScalingPolicies + scale-out policy and alarm in Pool-1 (when visible >= 50 for 1 x 60 s, missing data notBreaching: depth 50-99: +5, 100-499: +10, 500+: +20; cooldown 60 s)
    ScalingPolicies + scale-in policy and alarm in Pool-1 (when visible < 10 for 5 x 60 s, missing data breaching: depth under 10: -1; cooldown 300 s)
    warning: account Pool-2 (222) has no ECS service worker in cluster cluster: the workers are the application's own deployment, which miyabi-org reads and scales but never creates; deploy it there (its scaling is installed once it runs)
    ");
}

#[test]
fn installed_scaling_as_declared_is_no_change() {
    let mut live = converged("111");
    live.scaling = Some(installed(&Scaling::default(), "111"));
    let live = WorkersSnapshot { accounts: BTreeMap::from([("111".to_string(), live)]) };
    assert_eq!(plan(&scaled(&["Pool-1"]), &live, &[("Pool-1", "111")], false).changes, []);
}

#[test]
fn a_hand_edited_step_a_relinked_alarm_and_a_drained_pool_are_drift() {
    let mut scaling = installed(&Scaling::default(), "111");
    let out = scaling.policies.get_mut("miyabi-workers-scale-out").unwrap();
    out.policy.adjustments[0] = Adjustment { lower: Some(0.0), upper: Some(50.0), change: 2 };
    let alarm = scaling.alarms.get_mut("miyabi-workers-tasks-scale-in").unwrap();
    alarm.actions = vec!["arn:aws:sns:us-east-1:111:pager".into()];
    alarm.alarm.threshold = 3.0;
    let mut live = converged("111");
    live.scaling = Some(scaling);
    let live = WorkersSnapshot { accounts: BTreeMap::from([("111".to_string(), live)]) };
    let mut desired = scaled(&["Pool-1"]);
    desired.accounts[0].drained = true;
    let plan = plan(&desired, &live, &[("Pool-1", "111")], false);
    insta::assert_snapshot!(lines(&plan), @r"
    ScalingTargets ~ scalable target service/cluster/worker in Pool-1 (scaling active -> suspended)
    ScalingPolicies ~ scale-out policy and alarm in Pool-1 (policy depth 50-99: +2, 100-499: +10, 500+: +20; cooldown 60 s (ChangeInCapacity on Maximum) -> depth 50-99: +5, 100-499: +10, 500+: +20; cooldown 60 s (ChangeInCapacity on Maximum))
    ScalingPolicies ~ scale-in policy and alarm in Pool-1 (alarm AWS/SQS ApproximateNumberOfMessagesVisible Maximum: visible < 3 for 5 x 60 s, missing data breaching -> AWS/SQS ApproximateNumberOfMessagesVisible Maximum: visible < 10 for 5 x 60 s, missing data breaching, alarm actions arn:aws:sns:us-east-1:111:pager -> the scale-in policy)
    ");
    assert!(plan.changes.iter().all(|c| c.effect() == Effect::Change));
}
