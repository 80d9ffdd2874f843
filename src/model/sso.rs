//! IAM Identity Center as the repo wants it: permission sets, and assignment rules whose targets
//! (accounts, OUs, tiers, customers, templates) the planner expands against the live organization.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::access::{Boundary, PolicyRef, Principal, PrincipalKind, duration_minutes};
use crate::config::Repo;
use crate::config::schema::{BoundarySection, PolicyReference};

/// What AWS gives a permission set created without a session duration.
pub const DEFAULT_SESSION_DURATION: &str = "PT1H";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DesiredSso {
    /// `[sso] instance_arn`; discovered when absent.
    pub instance_arn: Option<String>,
    pub region: String,
    pub permission_sets: BTreeMap<String, DesiredPermissionSet>,
    pub assignments: Vec<AssignmentRule>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DesiredPermissionSet {
    pub description: String,
    pub session_duration: String,
    pub relay_state: Option<String>,
    /// AWS-managed (or any IAM) policy ARNs.
    pub managed_policies: BTreeSet<String>,
    pub customer_managed_policies: BTreeSet<PolicyRef>,
    /// The document, minified as sent.
    pub inline_policy: Option<serde_json::Value>,
    /// Managed only when declared: a boundary can only take permissions away, so one added by
    /// hand never widens access.
    pub boundary: Option<Boundary>,
}

impl DesiredPermissionSet {
    pub fn session_minutes(&self) -> u32 {
        duration_minutes(&self.session_duration).unwrap_or(60)
    }
}

/// Where the accounts of an assignment come from; each planned assignment names its origin.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "lowercase")]
pub enum TargetRule {
    /// By name or id; the only way to reach the management account or a suspended one.
    Account(String),
    /// Every account below the OU, recursively.
    Ou(String),
    /// Every account of the tier.
    Tier(String),
    /// The account the customer is placed in.
    Customer(String),
    /// Every account made from the template (its `sso = [...]`).
    Template(String),
}

impl std::fmt::Display for TargetRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TargetRule::Account(name) => write!(f, "account {name}"),
            TargetRule::Ou(path) => write!(f, "ou {path}"),
            TargetRule::Tier(tier) => write!(f, "tier {tier}"),
            TargetRule::Customer(customer) => write!(f, "customer {customer}"),
            TargetRule::Template(template) => write!(f, "template {template}"),
        }
    }
}

/// One `[[sso.assignment]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentRule {
    /// Its position among `[[sso.assignment]]`, to point at its line.
    pub index: usize,
    pub principal: Principal,
    pub permission_set: String,
    pub targets: Vec<TargetRule>,
    /// Account names or ids left out.
    pub exclude: BTreeSet<String>,
}

impl DesiredSso {
    /// Every principal the repo names, once.
    pub fn principals(&self) -> BTreeSet<(PrincipalKind, String)> {
        self.assignments.iter().map(|a| (a.principal.kind, a.principal.name.clone())).collect()
    }
}

fn policy_ref(reference: &PolicyReference) -> PolicyRef {
    PolicyRef { name: reference.name.clone().unwrap_or_default(), path: reference.path.clone() }
}

fn boundary(section: &BoundarySection) -> Option<Boundary> {
    match (&section.managed, &section.customer_managed) {
        (Some(arn), None) => Some(Boundary::Managed(arn.clone())),
        (None, Some(reference)) => Some(Boundary::CustomerManaged(policy_ref(reference))),
        _ => None, // validation refuses both and neither
    }
}

/// The desired Identity Center state of a validated repo; `None` without `[sso]`.
pub fn desired_sso(repo: &Repo) -> Option<DesiredSso> {
    let sso = repo.org.sso.as_ref()?;
    let region = sso.region.as_ref().unwrap_or(&repo.org.organization.home_region).get_ref().clone();
    let permission_sets = sso
        .permission_set
        .iter()
        .map(|(name, set)| {
            let inline_policy = set.inline_policy.as_ref().and_then(|path| {
                let source = repo.sso_policies.get(path.get_ref())?.as_ref()?;
                serde_json::from_str(&source.text).ok()
            });
            let desired = DesiredPermissionSet {
                description: set.description.as_ref().map_or_else(|| default_description(name.get_ref()), |d| d.get_ref().clone()),
                session_duration: set.session_duration.as_ref().map_or(DEFAULT_SESSION_DURATION.into(), |d| d.get_ref().clone()),
                relay_state: set.relay_state.as_ref().map(|r| r.get_ref().clone()),
                managed_policies: set.managed_policies.iter().map(|p| p.get_ref().clone()).collect(),
                customer_managed_policies: set.customer_managed_policies.iter().map(|p| policy_ref(p.get_ref())).collect(),
                inline_policy,
                boundary: set.permissions_boundary.as_ref().and_then(|b| boundary(b.get_ref())),
            };
            (name.get_ref().clone(), desired)
        })
        .collect();
    let assignments = sso
        .assignment
        .iter()
        .enumerate()
        .filter_map(|(index, section)| {
            let principal = match (&section.group, &section.user) {
                (Some(group), None) => Principal { kind: PrincipalKind::Group, name: group.get_ref().clone(), id: None },
                (None, Some(user)) => Principal { kind: PrincipalKind::User, name: user.get_ref().clone(), id: None },
                _ => return None, // validation refuses both and neither
            };
            let names = |list: &[toml::Spanned<String>], rule: fn(String) -> TargetRule| {
                list.iter().map(move |item| rule(item.get_ref().clone())).collect::<Vec<_>>()
            };
            let mut targets = names(&section.accounts, TargetRule::Account);
            targets.extend(names(&section.ous, TargetRule::Ou));
            targets.extend(names(&section.tiers, TargetRule::Tier));
            targets.extend(names(&section.customers, TargetRule::Customer));
            if let Some(label) = &section.label {
                let templates = repo.templates.iter().filter(|t| t.file.sso.iter().any(|l| l.get_ref() == label.get_ref()));
                targets.extend(templates.map(|t| TargetRule::Template(t.name.clone())));
            }
            Some(AssignmentRule {
                index,
                principal,
                permission_set: section.permission_set.get_ref().clone(),
                targets,
                exclude: section.exclude_accounts.iter().map(|a| a.get_ref().clone()).collect(),
            })
        })
        .collect();
    Some(DesiredSso { instance_arn: sso.instance_arn.as_ref().map(|a| a.get_ref().clone()), region, permission_sets, assignments })
}

/// The description of a permission set whose entry gives none: where it comes from.
pub fn default_description(name: &str) -> String {
    format!("managed by miyabi-org: [sso.permission_set.\"{name}\"]")
}
