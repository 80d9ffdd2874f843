//! IAM Identity Center as it is, read through the [`SsoRead`] port with the fewest calls: the
//! permission sets, the policies only of the declared ones, the assignments of each declared
//! principal, and the accounts where a declared permission set is out of date. The full scan of
//! every principal's assignments (`--all-principals`) is opt-in.

use std::collections::{BTreeMap, BTreeSet};

use futures_util::stream::{FuturesUnordered, StreamExt};
use serde::{Deserialize, Serialize};

use crate::access::{Boundary, PolicyRef, Principal, PrincipalKind};
use crate::api_error::AwsError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    pub arn: String,
    pub identity_store_id: String,
}

/// What DescribePermissionSet says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionSetInfo {
    pub arn: String,
    pub name: String,
    pub description: Option<String>,
    pub session_duration: Option<String>,
    pub relay_state: Option<String>,
}

/// The policies of a permission set; read only for the declared ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionSetPolicies {
    pub managed: BTreeSet<String>,
    pub customer_managed: BTreeSet<PolicyRef>,
    /// The inline policy as AWS stores it.
    pub inline: Option<String>,
    /// `None` when not read: the boundary is read only where the repo declares one.
    pub boundary: Option<Option<Boundary>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionSet {
    #[serde(flatten)]
    pub info: PermissionSetInfo,
    pub policies: Option<PermissionSetPolicies>,
}

/// One grant: a principal may enter an account with a permission set.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Assignment {
    pub account_id: String,
    pub permission_set_arn: String,
    pub principal_kind: PrincipalKind,
    pub principal_id: String,
}

/// The live Identity Center state, sorted so that equal states serialize equally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsoSnapshot {
    pub instance: Instance,
    /// Every permission set, sorted by name.
    pub permission_sets: Vec<PermissionSet>,
    /// The principals the repo names, resolved; `id` is `None` for one the identity store lacks.
    pub principals: Vec<Principal>,
    /// Assignments of the declared principals, and of every principal after a full scan; sorted.
    pub assignments: Vec<Assignment>,
    /// Accounts where a declared permission set's latest version is not provisioned, by its ARN.
    pub outdated: BTreeMap<String, Vec<String>>,
    /// Whether every principal's assignments were read (`--all-principals`).
    pub full_scan: bool,
    /// Names of the principals a full scan found that the repo does not name, by id.
    pub other_principals: BTreeMap<String, String>,
}

impl SsoSnapshot {
    pub fn permission_set_by_arn(&self, arn: &str) -> Option<&PermissionSet> {
        self.permission_sets.iter().find(|p| p.info.arn == arn)
    }

    pub fn permission_set(&self, name: &str) -> Option<&PermissionSet> {
        self.permission_sets.iter().find(|p| p.info.name == name)
    }

    /// A principal by id: declared ones by the name the repo gives, others by what the scan found.
    pub fn principal_by_id(&self, kind: PrincipalKind, id: &str) -> Principal {
        let declared = self.principals.iter().find(|p| p.kind == kind && p.id.as_deref() == Some(id));
        declared.cloned().unwrap_or_else(|| Principal {
            kind,
            name: self.other_principals.get(id).cloned().unwrap_or_else(|| "(unknown)".into()),
            id: Some(id.to_string()),
        })
    }
}

/// Read access to IAM Identity Center and its identity store. Each method is one API operation,
/// following every page.
#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait SsoRead {
    async fn list_instances(&self) -> Result<Vec<Instance>, AwsError>;
    /// GetGroupId / GetUserId by DisplayName / UserName; `None` when there is none.
    async fn principal_id(&self, identity_store_id: &str, kind: PrincipalKind, name: &str) -> Result<Option<String>, AwsError>;
    /// DescribeGroup / DescribeUser: the name of a principal found by id; `None` when gone.
    async fn principal_name(&self, identity_store_id: &str, kind: PrincipalKind, id: &str) -> Result<Option<String>, AwsError>;
    async fn list_permission_sets(&self, instance_arn: &str) -> Result<Vec<String>, AwsError>;
    async fn describe_permission_set(&self, instance_arn: &str, arn: &str) -> Result<PermissionSetInfo, AwsError>;
    async fn managed_policies(&self, instance_arn: &str, arn: &str) -> Result<Vec<String>, AwsError>;
    async fn customer_managed_policies(&self, instance_arn: &str, arn: &str) -> Result<Vec<PolicyRef>, AwsError>;
    /// `None` when it has none.
    async fn inline_policy(&self, instance_arn: &str, arn: &str) -> Result<Option<String>, AwsError>;
    /// `None` when it has none.
    async fn permissions_boundary(&self, instance_arn: &str, arn: &str) -> Result<Option<Boundary>, AwsError>;
    /// ListAccountAssignmentsForPrincipal, keeping only rows of that principal (the API can
    /// return others).
    async fn assignments_for_principal(&self, instance_arn: &str, kind: PrincipalKind, id: &str) -> Result<Vec<Assignment>, AwsError>;
    /// ListAccountsForProvisionedPermissionSet; with `outdated`, only the accounts where the latest
    /// version is not provisioned.
    async fn provisioned_accounts(&self, instance_arn: &str, arn: &str, outdated: bool) -> Result<Vec<String>, AwsError>;
    /// ListAccountAssignments of one account and permission set.
    async fn account_assignments(&self, instance_arn: &str, account_id: &str, arn: &str) -> Result<Vec<Assignment>, AwsError>;
}

#[derive(Debug, thiserror::Error)]
pub enum SsoObserveError {
    #[error("IAM Identity Center has no instance in {region} for this organization")]
    NoInstance { region: String },
    #[error("[sso] instance_arn is {configured}, but the instance in {region} is {found}")]
    OtherInstance { configured: String, found: String, region: String },
    #[error(transparent)]
    Aws(#[from] AwsError),
}

impl SsoObserveError {
    pub fn help(&self) -> String {
        match self {
            SsoObserveError::NoInstance { .. } => {
                "enable IAM Identity Center in the management account (console: IAM Identity Center > Enable), or set [sso] region to where it lives".into()
            }
            SsoObserveError::OtherInstance { .. } => "correct [sso] instance_arn, or remove it to use the instance found".into(),
            SsoObserveError::Aws(err) => err.help(),
        }
    }
}

/// What to read beyond the declared principals' grants.
#[derive(Debug, Clone, Copy, Default)]
pub struct SsoReadOptions {
    /// Every principal's grants: permission sets -> provisioned accounts -> ListAccountAssignments.
    pub all_principals: bool,
}

/// Reads Identity Center for the declared `permission_sets` (with the boundary of those in
/// `boundaries`) and `principals`.
pub async fn observe_sso(
    read: &impl SsoRead,
    instance_arn: Option<&str>,
    region: &str,
    permission_sets: &BTreeSet<String>,
    boundaries: &BTreeSet<String>,
    principals: &BTreeSet<(PrincipalKind, String)>,
    options: SsoReadOptions,
) -> Result<SsoSnapshot, SsoObserveError> {
    let instances = read.list_instances().await?;
    let instance = match instance_arn {
        Some(arn) => instances.iter().find(|i| i.arn == arn).cloned().ok_or_else(|| match instances.first() {
            Some(found) => SsoObserveError::OtherInstance { configured: arn.into(), found: found.arn.clone(), region: region.into() },
            None => SsoObserveError::NoInstance { region: region.into() },
        })?,
        None => instances.into_iter().next().ok_or_else(|| SsoObserveError::NoInstance { region: region.into() })?,
    };
    let (instance_arn, store) = (instance.arn.as_str(), instance.identity_store_id.as_str());

    // Principals and permission sets do not depend on each other.
    let resolve = async {
        let mut lookups: FuturesUnordered<_> = principals
            .iter()
            .map(|(kind, name)| async move {
                let id = read.principal_id(store, *kind, name).await?;
                Ok::<_, AwsError>(Principal { kind: *kind, name: name.clone(), id })
            })
            .collect();
        let mut resolved = Vec::new();
        while let Some(principal) = lookups.next().await {
            resolved.push(principal?);
        }
        resolved.sort();
        Ok::<_, AwsError>(resolved)
    };
    let describe = async {
        let arns = read.list_permission_sets(instance_arn).await?;
        // DescribePermissionSet is the only way from an ARN to a name, so every set is described;
        // the policy lists are read only for the declared ones.
        let mut describes: FuturesUnordered<_> = arns.iter().map(|arn| read.describe_permission_set(instance_arn, arn)).collect();
        let mut infos = Vec::new();
        while let Some(info) = describes.next().await {
            infos.push(info?);
        }
        drop(describes);
        let mut details: FuturesUnordered<_> = infos
            .into_iter()
            .map(|info| async move {
                if !permission_sets.contains(&info.name) {
                    return Ok::<_, AwsError>(PermissionSet { info, policies: None });
                }
                let arn = info.arn.as_str();
                let boundary = async {
                    if boundaries.contains(&info.name) { read.permissions_boundary(instance_arn, arn).await.map(Some) } else { Ok(None) }
                };
                let (managed, customer, inline, boundary) = futures_util::join!(
                    read.managed_policies(instance_arn, arn),
                    read.customer_managed_policies(instance_arn, arn),
                    read.inline_policy(instance_arn, arn),
                    boundary
                );
                let policies = PermissionSetPolicies {
                    managed: managed?.into_iter().collect(),
                    customer_managed: customer?.into_iter().collect(),
                    inline: inline?,
                    boundary: boundary?,
                };
                Ok(PermissionSet { info, policies: Some(policies) })
            })
            .collect();
        let mut sets = Vec::new();
        while let Some(set) = details.next().await {
            sets.push(set?);
        }
        sets.sort_by(|a, b| a.info.name.cmp(&b.info.name));
        Ok::<_, AwsError>(sets)
    };
    let (principals, permission_sets_read) = futures_util::join!(resolve, describe);
    let (principals, sets) = (principals?, permission_sets_read?);

    let grants = async {
        let mut reads: FuturesUnordered<_> = principals
            .iter()
            .filter_map(|p| p.id.as_deref().map(|id| (p.kind, id)))
            .map(|(kind, id)| read.assignments_for_principal(instance_arn, kind, id))
            .collect();
        let mut assignments = BTreeSet::new();
        while let Some(found) = reads.next().await {
            assignments.extend(found?);
        }
        Ok::<_, AwsError>(assignments)
    };
    let declared_sets: Vec<&PermissionSet> = sets.iter().filter(|s| s.policies.is_some()).collect();
    let outdated = async {
        let mut reads: FuturesUnordered<_> = declared_sets
            .iter()
            .map(|set| async move { (set.info.arn.clone(), read.provisioned_accounts(instance_arn, &set.info.arn, true).await) })
            .collect();
        let mut outdated = BTreeMap::new();
        while let Some((arn, accounts)) = reads.next().await {
            let mut accounts = accounts?;
            if !accounts.is_empty() {
                accounts.sort();
                outdated.insert(arn, accounts);
            }
        }
        Ok::<_, AwsError>(outdated)
    };
    let (assignments, outdated) = futures_util::join!(grants, outdated);
    let (mut assignments, outdated) = (assignments?, outdated?);

    let mut other_principals = BTreeMap::new();
    if options.all_principals {
        let scanned = full_scan(read, instance_arn, &sets, &assignments).await?;
        let known: BTreeSet<&str> = principals.iter().filter_map(|p| p.id.as_deref()).collect();
        let others: BTreeSet<(PrincipalKind, String)> = scanned
            .iter()
            .filter(|a| !known.contains(a.principal_id.as_str()))
            .map(|a| (a.principal_kind, a.principal_id.clone()))
            .collect();
        let mut names: FuturesUnordered<_> =
            others.iter().map(|(kind, id)| async move { (id.clone(), read.principal_name(store, *kind, id).await) }).collect();
        while let Some((id, name)) = names.next().await {
            other_principals.insert(id, name?.unwrap_or_else(|| "(deleted)".into()));
        }
        drop(names);
        assignments.extend(scanned);
    }
    // An account where a set is out of date but nobody can enter with it has nothing to refresh.
    let outdated = outdated
        .into_iter()
        .filter_map(|(arn, accounts)| {
            let used: Vec<String> = accounts
                .into_iter()
                .filter(|account| assignments.iter().any(|a| a.permission_set_arn == arn && &a.account_id == account))
                .collect();
            (!used.is_empty()).then_some((arn, used))
        })
        .collect();
    Ok(SsoSnapshot {
        instance,
        permission_sets: sets,
        principals,
        assignments: assignments.into_iter().collect(),
        outdated,
        full_scan: options.all_principals,
        other_principals,
    })
}

/// Every grant of every permission set: the accounts each is provisioned to (and those where a
/// declared principal's grant shows it is), then ListAccountAssignments per account and set.
async fn full_scan(
    read: &impl SsoRead,
    instance_arn: &str,
    sets: &[PermissionSet],
    known: &BTreeSet<Assignment>,
) -> Result<Vec<Assignment>, AwsError> {
    let mut provisioned: FuturesUnordered<_> = sets
        .iter()
        .map(|set| async move { (set.info.arn.as_str(), read.provisioned_accounts(instance_arn, &set.info.arn, false).await) })
        .collect();
    let mut pairs: BTreeSet<(String, &str)> = BTreeSet::new();
    while let Some((arn, accounts)) = provisioned.next().await {
        pairs.extend(accounts?.into_iter().map(|account| (account, arn)));
    }
    drop(provisioned);
    for set in sets {
        pairs.extend(known.iter().filter(|a| a.permission_set_arn == set.info.arn).map(|a| (a.account_id.clone(), set.info.arn.as_str())));
    }
    let mut reads: FuturesUnordered<_> = pairs.iter().map(|(account, arn)| read.account_assignments(instance_arn, account, arn)).collect();
    let mut found = Vec::new();
    while let Some(assignments) = reads.next().await {
        found.extend(assignments?);
    }
    Ok(found)
}
