//! Executes a `Plan` through the [`OrgWrite`] port: phase by phase in the plan's order, the
//! changes of one phase concurrently, stopping after a phase in which anything failed.

use std::cell::RefCell;
use std::collections::BTreeMap;

use futures_util::stream::{FuturesUnordered, StreamExt};
use serde::Serialize;

use crate::aws::AwsError;
use crate::model::{self, MANAGED_BY_KEY, MANAGED_BY_VALUE, PolicyKey, PolicyKind};
use crate::observe::{Snapshot, Tags};
use crate::plan::{Change, Phase, Plan, Target, TargetKind};

/// Write access to AWS Organizations. Each method is one API operation; "already done" is success.
#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait OrgWrite {
    async fn create_ou(&self, parent_id: &str, name: &str, tags: &Tags) -> Result<String, AwsError>;
    async fn delete_ou(&self, id: &str) -> Result<(), AwsError>;
    async fn enable_policy_type(&self, root_id: &str, kind: PolicyKind) -> Result<(), AwsError>;
    async fn create_policy(&self, kind: PolicyKind, name: &str, description: &str, content: &str, tags: &Tags) -> Result<String, AwsError>;
    async fn update_policy(&self, id: &str, description: Option<&str>, content: Option<&str>) -> Result<(), AwsError>;
    async fn tag_resource(&self, id: &str, tags: &Tags) -> Result<(), AwsError>;
    async fn attach_policy(&self, policy_id: &str, target_id: &str) -> Result<(), AwsError>;
    async fn detach_policy(&self, policy_id: &str, target_id: &str) -> Result<(), AwsError>;
    async fn delete_policy(&self, id: &str) -> Result<(), AwsError>;
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "error")]
pub enum Status {
    Done,
    Failed(String),
    /// Not attempted: an earlier phase failed.
    Skipped,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub change: Change,
    #[serde(flatten)]
    pub status: Status,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApplyReport {
    pub outcomes: Vec<Outcome>,
}

impl ApplyReport {
    pub fn failed(&self) -> usize {
        self.outcomes.iter().filter(|o| matches!(o.status, Status::Failed(_))).count()
    }

    pub fn done(&self) -> usize {
        self.outcomes.iter().filter(|o| o.status == Status::Done).count()
    }
}

/// Ids of what exists, filled in as the apply creates things.
struct Ids {
    root: String,
    ous: BTreeMap<String, String>,
    policies: BTreeMap<PolicyKey, String>,
}

impl Ids {
    fn from_snapshot(snapshot: &Snapshot) -> Ids {
        Ids {
            root: snapshot.root.id.clone(),
            ous: snapshot.ou_paths(),
            policies: snapshot.policies.iter().map(|p| (PolicyKey { kind: p.kind, name: p.name.clone() }, p.id.clone())).collect(),
        }
    }

    fn target(&self, target: &Target) -> Option<String> {
        target.id.clone().or_else(|| match target.kind {
            TargetKind::Root => Some(self.root.clone()),
            TargetKind::Ou => self.ous.get(&target.name).cloned(),
            TargetKind::Account => None,
        })
    }
}

fn managed_by() -> Tags {
    Tags::from([(MANAGED_BY_KEY.to_string(), MANAGED_BY_VALUE.to_string())])
}

/// Applies the plan to the organization the snapshot was read from. `on_outcome` is told of each
/// change as it finishes, for progress.
pub async fn apply(plan: &Plan, snapshot: &Snapshot, write: &impl OrgWrite, on_outcome: &dyn Fn(&Outcome)) -> ApplyReport {
    let ids = RefCell::new(Ids::from_snapshot(snapshot));
    let mut outcomes = Vec::new();
    let mut failed = false;
    for batch in batches(&plan.changes) {
        if failed {
            outcomes.extend(batch.into_iter().map(|change| Outcome { change: change.clone(), status: Status::Skipped }));
            continue;
        }
        let mut running: FuturesUnordered<_> = batch
            .into_iter()
            .map(|change| {
                let ids = &ids;
                async move {
                    let status = match execute(change, ids, write).await {
                        Ok(()) => Status::Done,
                        Err(err) => Status::Failed(err),
                    };
                    Outcome { change: change.clone(), status }
                }
            })
            .collect();
        while let Some(outcome) = running.next().await {
            failed |= matches!(outcome.status, Status::Failed(_));
            on_outcome(&outcome);
            outcomes.push(outcome);
        }
    }
    ApplyReport { outcomes }
}

/// Changes that may run together: one phase, and for OUs one depth (parents before children,
/// children deleted before parents).
fn batches(changes: &[Change]) -> Vec<Vec<&Change>> {
    let mut groups: BTreeMap<(Phase, i64), Vec<&Change>> = BTreeMap::new();
    for change in changes {
        let level = match change {
            Change::CreateOu { path } => model::depth(path) as i64,
            Change::DeleteOu { path, .. } => -(model::depth(path) as i64),
            _ => 0,
        };
        groups.entry((change.phase(), level)).or_default().push(change);
    }
    groups.into_values().collect()
}

async fn execute(change: &Change, ids: &RefCell<Ids>, write: &impl OrgWrite) -> Result<(), String> {
    let missing = |what: String| format!("{what} does not exist (its creation failed or was not part of this apply)");
    match change {
        Change::CreateOu { path } => {
            let (parent, name) = match path.rsplit_once('/') {
                Some((parent, name)) => {
                    (ids.borrow().ous.get(parent).cloned().ok_or_else(|| missing(format!("parent OU {parent}")))?, name)
                }
                None => (ids.borrow().root.clone(), path.as_str()),
            };
            let id = write.create_ou(&parent, name, &managed_by()).await.map_err(|e| e.to_string())?;
            ids.borrow_mut().ous.insert(path.clone(), id);
        }
        Change::DeleteOu { id, .. } => write.delete_ou(id).await.map_err(|e| e.to_string())?,
        Change::EnablePolicyType { policy_type } => {
            let root = ids.borrow().root.clone();
            write.enable_policy_type(&root, *policy_type).await.map_err(|e| e.to_string())?;
        }
        Change::CreatePolicy { policy_type, name, description, content } => {
            let id = write.create_policy(*policy_type, name, description, content, &managed_by()).await.map_err(|e| e.to_string())?;
            ids.borrow_mut().policies.insert(PolicyKey { kind: *policy_type, name: name.clone() }, id);
        }
        Change::UpdatePolicy { id, description, content, .. } => {
            let description = description.as_ref().map(|d| d.to.as_str());
            let content = content.as_ref().map(|c| c.to.as_str());
            write.update_policy(id, description, content).await.map_err(|e| e.to_string())?;
        }
        Change::TagPolicy { id, .. } => write.tag_resource(id, &managed_by()).await.map_err(|e| e.to_string())?,
        Change::AttachPolicy { policy_type, policy, policy_id, target } => {
            let key = PolicyKey { kind: *policy_type, name: policy.clone() };
            let policy_id = policy_id
                .clone()
                .or_else(|| ids.borrow().policies.get(&key).cloned())
                .ok_or_else(|| missing(format!("{policy_type} {policy}")))?;
            let target_id = ids.borrow().target(target).ok_or_else(|| missing(format!("OU {}", target.name)))?;
            write.attach_policy(&policy_id, &target_id).await.map_err(|e| e.to_string())?;
        }
        Change::DetachPolicy { policy_id, target, .. } => {
            let target_id = ids.borrow().target(target).ok_or_else(|| missing(format!("OU {}", target.name)))?;
            write.detach_policy(policy_id, &target_id).await.map_err(|e| e.to_string())?;
        }
        Change::DeletePolicy { id, .. } => write.delete_policy(id).await.map_err(|e| e.to_string())?,
    }
    Ok(())
}
