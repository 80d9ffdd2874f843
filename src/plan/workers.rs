//! The workers' plumbing: in every account that runs workers, the task queue with its redrive
//! policy, the dead-letter queue and the task table, created or brought to the declared
//! attributes. The ECS service is the application's: a missing one is a warning, never a change.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Change, Plan, Update};
use crate::model::workers::DesiredWorkers;
use crate::model::workers::{WorkerAccount, WorkerSettings};
use crate::observe::workers::{
    AccountWorkers, DEPTH_METRIC, Deployment, InstalledScaling, QueueConfig, ScalableTarget, TASK_TABLE_KEYS, WorkersSnapshot,
};
use crate::scaling::{self, Direction, Scaling};

/// Where a queue's failed messages go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadLetter {
    pub queue: String,
    pub max_receive_count: u32,
}

impl DeadLetter {
    /// Whether a live `RedrivePolicy` says the same: SQS writes the count as a number or a string.
    fn is(&self, live: Option<&str>) -> bool {
        let Some(policy) = live.and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok()) else { return false };
        let count = match &policy["maxReceiveCount"] {
            serde_json::Value::Number(n) => n.as_u64(),
            serde_json::Value::String(s) => s.parse().ok(),
            _ => None,
        };
        let target = policy["deadLetterTargetArn"].as_str().unwrap_or_default();
        count == Some(u64::from(self.max_receive_count)) && target.rsplit(':').next() == Some(self.queue.as_str())
    }

    fn describe(&self) -> String {
        format!("to {} after {} receives", self.queue, self.max_receive_count)
    }
}

/// Plans every account of `desired` whose id is in `account_ids` (name to id) or that this plan
/// creates (`creating_accounts`).
pub(super) fn plan_workers(
    desired: &DesiredWorkers,
    live: &WorkersSnapshot,
    account_ids: &BTreeMap<String, String>,
    creating_accounts: bool,
    plan: &mut Plan,
) {
    let settings = &desired.settings;
    let dead_letter = DeadLetter { queue: settings.dead_letter_queue.clone(), max_receive_count: settings.max_receive_count };
    let absent = AccountWorkers { queue: None, dead_letter_queue: None, table: None, deployment: Deployment::Deployed, scaling: None };
    let mut warned = BTreeSet::new();
    for account in &desired.accounts {
        let id = account_ids.get(&account.name).cloned();
        let found = match &id {
            Some(id) => live.accounts.get(id).unwrap_or(&absent),
            None if creating_accounts => &absent,
            None => continue,
        };
        let name = &account.name;
        let queue = |queue: &str, attributes: BTreeMap<String, String>, dead_letter: Option<DeadLetter>| Change::CreateQueue {
            account: name.clone(),
            account_id: id.clone(),
            queue: queue.to_string(),
            fifo: settings.fifo(),
            attributes,
            dead_letter_queue: dead_letter,
        };
        match &found.dead_letter_queue {
            None => plan.changes.push(queue(&settings.dead_letter_queue, settings.dead_letter_attributes(), None)),
            Some(live) => {
                let id = id.as_deref().unwrap_or_default();
                if let Some(change) = update(name, id, &settings.dead_letter_queue, live, settings.dead_letter_attributes(), None) {
                    plan.changes.push(change);
                }
            }
        }
        match &found.queue {
            None => plan.changes.push(queue(&settings.queue, settings.queue_attributes(), Some(dead_letter.clone()))),
            Some(live) => {
                let wanted = Some(&dead_letter);
                let id = id.as_deref().unwrap_or_default();
                if let Some(change) = update(name, id, &settings.queue, live, settings.queue_attributes(), wanted) {
                    plan.changes.push(change);
                }
            }
        }
        match &found.table {
            None => plan.changes.push(Change::CreateTable { account: name.clone(), account_id: id.clone(), table: settings.table.clone() }),
            Some(table) if table.keys != TASK_TABLE_KEYS => plan.warnings.push(format!(
                "table {} in account {name} has the key schema [{}], not PK (hash) and SK (range): it was not made by miyabi-org, and dispatch cannot use it; name another table in [workers] table, or delete this one",
                settings.table,
                table.keys.join(", ")
            )),
            Some(_) => {}
        }
        let missing = match found.deployment {
            Deployment::NoCluster => Some(format!("ECS cluster {}", settings.cluster)),
            Deployment::NoService => Some(format!("ECS service {} in cluster {}", settings.service, settings.cluster)),
            Deployment::Deployed => None,
        };
        if let (Some(missing), Some(id)) = (missing, &id)
            && warned.insert(id.clone())
        {
            let scaling = if settings.scaling.is_some() { " (its scaling is installed once it runs)" } else { "" };
            plan.warnings.push(format!(
                "account {name} ({id}) has no {missing}: the workers are the application's own deployment, which miyabi-org reads and scales but never creates; deploy it there{scaling}"
            ));
        }
        // Scaling needs the service: an account made by this plan has none yet.
        if let (Some(rule), Some(id), Deployment::Deployed) = (&settings.scaling, &id, found.deployment) {
            let installed = found.scaling.clone().unwrap_or_default();
            plan.changes.extend(scaling_changes(settings, rule, account, id, &installed));
        }
    }
}

/// The scalable target, and per direction the step policy with its alarm, where they differ from
/// the rule: empty when the account's scaling is in sync.
pub fn scaling_changes(
    settings: &WorkerSettings,
    rule: &Scaling,
    account: &WorkerAccount,
    id: &str,
    live: &InstalledScaling,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let resource = scaling::resource_id(&settings.cluster, &settings.service);
    let target = ScalableTarget { min: rule.min, max: rule.max, suspended: account.drained };
    let suspended = |s: bool| if s { "suspended" } else { "active" }.to_string();
    let changed = match &live.target {
        None => Some(BTreeMap::new()),
        Some(found) if *found == target => None,
        Some(found) => {
            let mut changed = BTreeMap::new();
            for (key, from, to) in [("min", found.min, target.min), ("max", found.max, target.max)] {
                if from != to {
                    changed.insert(key.to_string(), Update { from: from.to_string(), to: to.to_string() });
                }
            }
            if found.suspended != target.suspended {
                changed.insert("scaling".into(), Update { from: suspended(found.suspended), to: suspended(target.suspended) });
            }
            Some(changed)
        }
    };
    if let Some(changed) = changed {
        changes.push(Change::RegisterScalableTarget {
            account: account.name.clone(),
            account_id: id.to_string(),
            resource: resource.clone(),
            target,
            changed,
        });
    }
    for direction in Direction::BOTH {
        let (policy, alarm) = (rule.policy(direction), rule.alarm(direction, &settings.queue));
        let (live_policy, live_alarm) = (live.policies.get(&policy.name), live.alarms.get(&alarm.name));
        let mut changed = BTreeMap::new();
        let none = || "none".to_string();
        let threshold = alarm.threshold;
        match live_policy {
            Some(found) if found.policy != policy || found.adjustment_type != "ChangeInCapacity" || found.aggregation != "Maximum" => {
                let from = format!("{} ({} on {})", found.policy.describe(threshold), found.adjustment_type, found.aggregation);
                changed.insert(
                    "policy".to_string(),
                    Update { from, to: format!("{} (ChangeInCapacity on Maximum)", policy.describe(threshold)) },
                );
            }
            None if live_alarm.is_some() => {
                changed.insert("policy".to_string(), Update { from: none(), to: policy.describe(threshold) });
            }
            _ => {}
        }
        match live_alarm {
            Some(found) => {
                if found.alarm != alarm || found.metric != DEPTH_METRIC {
                    let from = format!("{}: {}", found.metric, found.alarm.describe());
                    changed.insert("alarm".to_string(), Update { from, to: format!("{DEPTH_METRIC}: {}", alarm.describe()) });
                }
                // The alarm must trigger this policy, and nothing else.
                let arn = live_policy.map(|p| p.arn.as_str());
                if arn.is_none_or(|arn| found.actions != [arn]) {
                    let from = if found.actions.is_empty() { none() } else { found.actions.join(", ") };
                    changed.insert("alarm actions".to_string(), Update { from, to: format!("the scale-{} policy", direction.as_str()) });
                }
            }
            None if live_policy.is_some() => {
                changed.insert("alarm".to_string(), Update { from: none(), to: alarm.describe() });
            }
            None => {}
        }
        if live_policy.is_none() || live_alarm.is_none() || !changed.is_empty() {
            changes.push(Change::PutScalingPolicy {
                account: account.name.clone(),
                account_id: id.to_string(),
                resource: resource.clone(),
                direction,
                policy,
                alarm,
                changed,
            });
        }
    }
    changes
}

/// A SetQueueAttributes with what differs; `None` when nothing does.
fn update(
    account: &str,
    account_id: &str,
    queue: &str,
    live: &QueueConfig,
    wanted: BTreeMap<String, String>,
    dead_letter: Option<&DeadLetter>,
) -> Option<Change> {
    let mut changed: BTreeMap<String, Update> = wanted
        .iter()
        .filter(|(key, value)| live.attributes.get(*key) != Some(*value))
        .map(|(key, value)| (key.clone(), Update { from: live.attributes.get(key).cloned().unwrap_or_default(), to: value.clone() }))
        .collect();
    let live_redrive = live.attributes.get("RedrivePolicy").map(String::as_str);
    if let Some(dead_letter) = dead_letter.filter(|d| !d.is(live_redrive)) {
        changed.insert("RedrivePolicy".into(), Update { from: live_redrive.unwrap_or("none").to_string(), to: dead_letter.describe() });
    }
    if changed.is_empty() {
        return None;
    }
    Some(Change::SetQueueAttributes {
        account: account.to_string(),
        account_id: account_id.to_string(),
        queue: queue.to_string(),
        attributes: wanted.into_iter().filter(|(key, _)| changed.contains_key(key)).collect(),
        dead_letter_queue: dead_letter.filter(|_| changed.contains_key("RedrivePolicy")).cloned(),
        changed,
    })
}
