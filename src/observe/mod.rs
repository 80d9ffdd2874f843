//! The live organization as plain data (`Snapshot`), read through the [`OrgRead`] port with the
//! fewest calls the API allows: children per parent, targets per policy, tags per account.

use std::collections::{BTreeMap, BTreeSet};

use futures_util::FutureExt;
use futures_util::future::LocalBoxFuture;
use futures_util::stream::{FuturesUnordered, StreamExt};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub mod analyzer;
pub mod sso;
pub mod workers;

use crate::api_error::AwsError;
use crate::policy_kind::PolicyKind;

pub type Tags = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub id: String,
    pub management_account_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Root {
    pub id: String,
    pub name: String,
    /// Policy types enabled on the root.
    pub policy_types: BTreeSet<PolicyKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ou {
    pub id: String,
    pub name: String,
    pub parent_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub name: String,
    pub email: String,
    pub status: String,
    pub parent_id: String,
    pub tags: Tags,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicySummary {
    pub id: String,
    pub name: String,
    pub kind: PolicyKind,
    pub description: String,
    pub aws_managed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    pub id: String,
    pub name: String,
    pub kind: PolicyKind,
    pub description: String,
    pub aws_managed: bool,
    /// The document as AWS stores it; not read for AWS-managed policies.
    pub content: Option<String>,
    pub tags: Tags,
    /// Ids of the root, OUs and accounts it is attached to, sorted.
    pub targets: Vec<String>,
}

/// What a budget is filtered by, as far as the tool manages budgets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BudgetFilter {
    LinkedAccount {
        account_id: String,
    },
    Tag {
        key: String,
        value: String,
    },
    /// No filter, or one the tool does not write.
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    pub name: String,
    pub limit_usd: f64,
    pub filter: BudgetFilter,
    /// Thresholds of ACTUAL, PERCENTAGE notifications; read for managed budgets only.
    pub alert_percent: Vec<f64>,
}

/// The live state of an organization, sorted so that equal states serialize equally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub organization: Organization,
    pub root: Root,
    /// Sorted by path.
    pub ous: Vec<Ou>,
    /// Tags of the OUs the repo does not declare, the only ones whose tags decide anything.
    pub ou_tags: BTreeMap<String, Tags>,
    /// Sorted by id.
    pub accounts: Vec<Account>,
    /// Sorted by kind and name.
    pub policies: Vec<Policy>,
    /// Budgets in the management account, sorted by name; `None` when not read.
    pub budgets: Option<Vec<Budget>>,
    /// IAM Identity Center; `None` when not read.
    pub sso: Option<sso::SsoSnapshot>,
    /// The agent workers' plumbing; `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workers: Option<workers::WorkersSnapshot>,
}

impl Snapshot {
    /// The path of an OU ("Workloads/Pool"); the root's children have one segment.
    pub fn ou_path(&self, id: &str) -> Option<String> {
        let mut names = Vec::new();
        let mut current = id;
        while let Some(ou) = self.ous.iter().find(|ou| ou.id == current) {
            names.push(ou.name.as_str());
            current = &ou.parent_id;
        }
        if names.is_empty() || current != self.root.id {
            return None;
        }
        names.reverse();
        Some(names.join("/"))
    }

    /// OU ids by path.
    pub fn ou_paths(&self) -> BTreeMap<String, String> {
        self.ous.iter().filter_map(|ou| self.ou_path(&ou.id).map(|path| (path, ou.id.clone()))).collect()
    }

    /// A short, stable digest of the state: a saved plan is applied only to the state it was made from.
    pub fn fingerprint(&self) -> String {
        let json = serde_json::to_vec(self).expect("a snapshot serializes");
        let digest = Sha256::digest(&json);
        digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
    }

    /// A human name for a target id: "root", an OU path, or "account NAME (ID)".
    pub fn target_name(&self, id: &str) -> String {
        if id == self.root.id {
            return "root".into();
        }
        if let Some(path) = self.ou_path(id) {
            return path;
        }
        match self.accounts.iter().find(|a| a.id == id) {
            Some(account) => format!("account {} ({id})", account.name),
            None => id.to_string(),
        }
    }
}

/// Read access to AWS Organizations. Each method is one API operation, following every page.
#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait OrgRead {
    async fn describe_organization(&self) -> Result<Organization, AwsError>;
    async fn caller_account_id(&self) -> Result<String, AwsError>;
    async fn list_roots(&self) -> Result<Vec<Root>, AwsError>;
    async fn list_ous_for_parent(&self, parent_id: &str) -> Result<Vec<Ou>, AwsError>;
    async fn list_accounts_for_parent(&self, parent_id: &str) -> Result<Vec<Account>, AwsError>;
    async fn list_policies(&self, kind: PolicyKind) -> Result<Vec<PolicySummary>, AwsError>;
    async fn describe_policy(&self, policy_id: &str) -> Result<String, AwsError>;
    async fn list_targets_for_policy(&self, policy_id: &str) -> Result<Vec<String>, AwsError>;
    async fn list_tags(&self, resource_id: &str) -> Result<Tags, AwsError>;
}

/// Read access to AWS Budgets in the management account.
#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait BudgetRead {
    async fn describe_budgets(&self, account_id: &str) -> Result<Vec<Budget>, AwsError>;
    /// Thresholds of a budget's notifications.
    async fn describe_notifications(&self, account_id: &str, budget: &str) -> Result<Vec<f64>, AwsError>;
}

/// Budgets of the management account; notifications only of those named with `prefix` that `detail`
/// accepts (an imperative command needs only those of the budgets it touches).
pub async fn observe_budgets(
    read: &impl BudgetRead,
    management_account_id: &str,
    prefix: &str,
    detail: &dyn Fn(&str) -> bool,
) -> Result<Vec<Budget>, AwsError> {
    let mut budgets = read.describe_budgets(management_account_id).await?;
    let names: Vec<(usize, String)> = budgets
        .iter()
        .enumerate()
        .filter(|(_, b)| b.name.starts_with(prefix) && detail(&b.name))
        .map(|(i, b)| (i, b.name.clone()))
        .collect();
    let mut notifications: FuturesUnordered<_> =
        names.iter().map(|(i, name)| async move { (*i, read.describe_notifications(management_account_id, name).await) }).collect();
    while let Some((i, thresholds)) = notifications.next().await {
        let mut thresholds = thresholds?;
        thresholds.sort_by(f64::total_cmp);
        budgets[i].alert_percent = thresholds;
    }
    drop(notifications);
    budgets.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(budgets)
}

/// What the caller is and what it may touch, checked before anything else is read.
#[derive(Debug, Clone, Default)]
pub struct Guard {
    /// `[organization] id`: refuse any other organization.
    pub organization_id: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ObserveError {
    #[error("this is organization {actual}, but miyabi-org.toml is for {expected}")]
    WrongOrganization { expected: String, actual: String },
    #[error(
        "account {caller} is not the management account ({management}) of organization {organization}, nor a delegated administrator for AWS Organizations"
    )]
    NotManagement { caller: String, management: String, organization: String },
    #[error(transparent)]
    Aws(#[from] AwsError),
}

/// Reads the whole organization. `declared_ous` are the OU paths the repo declares: the tags of
/// the others are read, since only they can be managed leftovers or unmanaged. The tags of an
/// account are read only if `account_tags` accepts it (the others are left empty): an imperative
/// command, whose plan is limited to the accounts it touches, needs only theirs.
pub async fn observe(
    read: &impl OrgRead,
    guard: &Guard,
    declared_ous: &BTreeSet<String>,
    account_tags: &dyn Fn(&Account) -> bool,
) -> Result<Snapshot, ObserveError> {
    let (organization, caller, roots) = futures_util::join!(read.describe_organization(), read.caller_account_id(), read.list_roots());
    let organization = organization?;
    if let Some(expected) = &guard.organization_id
        && expected != &organization.id
    {
        return Err(ObserveError::WrongOrganization { expected: expected.clone(), actual: organization.id });
    }
    let caller = caller?;
    let not_management = |err: AwsError| -> ObserveError {
        if err.is_access_denied() && caller != organization.management_account_id {
            ObserveError::NotManagement {
                caller: caller.clone(),
                management: organization.management_account_id.clone(),
                organization: organization.id.clone(),
            }
        } else {
            err.into()
        }
    };
    let root = roots.map_err(not_management)?.into_iter().next().ok_or_else(|| AwsError::unexpected("ListRoots", "no root"))?;

    let tree = read_tree(read, &root.id, account_tags);
    let policies = read_policies(read, &root.policy_types);
    let (tree, policies) = futures_util::join!(tree, policies);
    let (mut ous, accounts) = tree.map_err(not_management)?;
    let mut policies = policies.map_err(not_management)?;

    // Paths need the whole tree; sort by them once it is complete.
    let mut snapshot = Snapshot {
        organization,
        root,
        ous: std::mem::take(&mut ous),
        ou_tags: BTreeMap::new(),
        accounts,
        policies: Vec::new(),
        budgets: None,
        sso: None,
        workers: None,
    };
    let paths: BTreeMap<String, String> =
        snapshot.ous.iter().map(|ou| (ou.id.clone(), snapshot.ou_path(&ou.id).unwrap_or_default())).collect();
    snapshot.ous.sort_by(|a, b| paths[&a.id].cmp(&paths[&b.id]));
    let undeclared: Vec<String> = snapshot.ous.iter().filter(|ou| !declared_ous.contains(&paths[&ou.id])).map(|ou| ou.id.clone()).collect();
    let mut tag_reads: FuturesUnordered<_> = undeclared.iter().map(|id| async move { (id.clone(), read.list_tags(id).await) }).collect();
    while let Some((id, tags)) = tag_reads.next().await {
        snapshot.ou_tags.insert(id, tags?);
    }
    policies.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    snapshot.policies = policies;
    Ok(snapshot)
}

/// OUs breadth-first from the root, and the accounts of every parent with their tags.
async fn read_tree<'a>(
    read: &'a impl OrgRead,
    root_id: &str,
    account_tags: &'a dyn Fn(&Account) -> bool,
) -> Result<(Vec<Ou>, Vec<Account>), AwsError> {
    enum Read {
        Ous(Vec<Ou>),
        Accounts(Vec<Account>),
        Tags(String, Tags),
    }
    type Pending<'a> = FuturesUnordered<LocalBoxFuture<'a, Result<Read, AwsError>>>;
    fn visit<'a>(pending: &mut Pending<'a>, read: &'a impl OrgRead, parent: String) {
        let for_accounts = parent.clone();
        pending.push(async move { read.list_ous_for_parent(&parent).await.map(Read::Ous) }.boxed_local());
        pending.push(async move { read.list_accounts_for_parent(&for_accounts).await.map(Read::Accounts) }.boxed_local());
    }
    let mut pending: Pending = FuturesUnordered::new();
    visit(&mut pending, read, root_id.to_string());
    let (mut ous, mut accounts) = (Vec::new(), Vec::new());
    let mut tags: BTreeMap<String, Tags> = BTreeMap::new();
    while let Some(result) = pending.next().await {
        match result? {
            Read::Ous(found) => {
                for ou in &found {
                    visit(&mut pending, read, ou.id.clone());
                }
                ous.extend(found);
            }
            Read::Accounts(found) => {
                for account in found.iter().filter(|a| account_tags(a)) {
                    let id = account.id.clone();
                    pending.push(async move { read.list_tags(&id).await.map(|found| Read::Tags(id, found)) }.boxed_local());
                }
                accounts.extend(found);
            }
            Read::Tags(account, found) => {
                tags.insert(account, found);
            }
        }
    }
    for account in &mut accounts {
        account.tags = tags.remove(&account.id).unwrap_or_default();
    }
    accounts.sort_by(|a, b| a.id.cmp(&b.id));
    Ok((ous, accounts))
}

/// Every policy with its document, targets and tags: SCPs and tag policies, and the policies of
/// the other types enabled on the root (a type not enabled has none).
async fn read_policies(read: &impl OrgRead, enabled: &BTreeSet<PolicyKind>) -> Result<Vec<Policy>, AwsError> {
    let kinds = PolicyKind::ALL.into_iter().filter(|k| matches!(k, PolicyKind::ServiceControl | PolicyKind::Tag) || enabled.contains(k));
    let lists = futures_util::future::join_all(kinds.map(|kind| read.list_policies(kind))).await;
    let summaries = lists.into_iter().collect::<Result<Vec<_>, _>>()?.into_iter().flatten();
    let mut reads: FuturesUnordered<_> = summaries
        .map(|summary| async move {
            // AWS-managed policies cannot be tagged and their content is fixed: only their targets matter.
            let content = async { if summary.aws_managed { Ok(None) } else { read.describe_policy(&summary.id).await.map(Some) } };
            let tags = async { if summary.aws_managed { Ok(Tags::new()) } else { read.list_tags(&summary.id).await } };
            let (content, targets, tags) = futures_util::join!(content, read.list_targets_for_policy(&summary.id), tags);
            let mut targets = targets?;
            targets.sort();
            Ok::<_, AwsError>(Policy {
                id: summary.id,
                name: summary.name,
                kind: summary.kind,
                description: summary.description,
                aws_managed: summary.aws_managed,
                content: content?,
                tags: tags?,
                targets,
            })
        })
        .collect();
    let mut policies = Vec::new();
    while let Some(policy) = reads.next().await {
        policies.push(policy?);
    }
    Ok(policies)
}
