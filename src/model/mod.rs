//! The desired state, derived purely from the repo: OUs, policies and what is attached where.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::config::Repo;
use crate::policy_kind::PolicyKind;

pub mod accounts;
pub mod placement;
pub mod sso;
pub mod workers;

pub use accounts::{AccountRef, BUDGET_PREFIX, BudgetScope, DesiredAccount, DesiredBudget};

/// The AWS-managed SCP that AWS attaches everywhere by default.
pub const FULL_AWS_ACCESS: &str = "FullAWSAccess";
/// The tag every resource the tool creates carries.
pub const MANAGED_BY_KEY: &str = "managed-by";
pub const MANAGED_BY_VALUE: &str = "miyabi-org";

/// A policy is known by its kind and name: names are unique per kind in an organization.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PolicyKey {
    pub kind: PolicyKind,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DesiredPolicy {
    pub content: serde_json::Value,
    pub description: String,
}

/// The policies wanted on one target (the root or an OU), by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetPolicies {
    pub by_kind: BTreeMap<PolicyKind, BTreeSet<String>>,
}

impl TargetPolicies {
    pub fn names(&self, kind: PolicyKind) -> impl Iterator<Item = &String> {
        self.by_kind.get(&kind).into_iter().flatten()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Desired {
    /// `None` when the repo does not manage the root's attachments.
    pub root: Option<TargetPolicies>,
    /// OUs by path ("Workloads/Pool").
    pub ous: BTreeMap<String, TargetPolicies>,
    pub policies: BTreeMap<PolicyKey, DesiredPolicy>,
    /// Glob patterns of policy names another system owns.
    pub ignore_policies: Vec<String>,
    /// Core accounts, then one account per pool.
    pub accounts: Vec<DesiredAccount>,
    pub budgets: Vec<DesiredBudget>,
    /// `None` when the repo has no `[sso]`: Identity Center is then not read nor planned.
    pub sso: Option<sso::DesiredSso>,
    /// `None` when the repo has no `[workers]`.
    pub workers: Option<workers::DesiredWorkers>,
}

impl Desired {
    /// Whether the repo manages the kind's policies and attachments: SCPs and tag policies always
    /// (as before the other types came), another type once the repo has a document of it or a
    /// target lists one. A type the repo never names is left to whoever uses it.
    pub fn manages(&self, kind: PolicyKind) -> bool {
        let listed = |t: &TargetPolicies| t.names(kind).next().is_some();
        matches!(kind, PolicyKind::ServiceControl | PolicyKind::Tag)
            || self.policies.keys().any(|k| k.kind == kind)
            || self.root.iter().chain(self.ous.values()).any(listed)
    }

    /// Derives the desired state from a repo that passed validation.
    pub fn from_repo(repo: &Repo) -> Desired {
        let org = &repo.org;
        let names = |list: &[toml::Spanned<String>]| list.iter().map(|s| s.get_ref().clone()).collect::<BTreeSet<_>>();
        let root = org.root.as_ref().map(|root| {
            let mut scps = names(root.scps.get_ref());
            if !root.detach_full_aws_access {
                scps.insert(FULL_AWS_ACCESS.to_string());
            }
            let mut by_kind = BTreeMap::from([(PolicyKind::ServiceControl, scps)]);
            by_kind.extend(root.other_lists().map(|(kind, list)| (kind, names(list))));
            TargetPolicies { by_kind }
        });
        let ous = org
            .ou
            .iter()
            .map(|(path, section)| {
                let scps =
                    section.scps.as_ref().map_or_else(|| BTreeSet::from([FULL_AWS_ACCESS.to_string()]), |list| names(list.get_ref()));
                let mut by_kind = BTreeMap::from([(PolicyKind::ServiceControl, scps)]);
                by_kind.extend(section.other_lists().map(|(kind, list)| (kind, names(list))));
                let policies = TargetPolicies { by_kind };
                (path.get_ref().clone(), policies)
            })
            .collect();
        let policies = repo
            .policies
            .iter()
            .map(|doc| {
                let description = org
                    .policy
                    .iter()
                    .find(|(name, _)| name.get_ref() == &doc.name)
                    .map(|(_, section)| section.description.get_ref().clone())
                    .unwrap_or_else(|| default_description(doc.kind, &doc.name));
                (PolicyKey { kind: doc.kind, name: doc.name.clone() }, DesiredPolicy { content: doc.document.clone(), description })
            })
            .collect();
        let ignore_policies = org.organization.ignore_policies.iter().map(|p| p.get_ref().clone()).collect();
        let accounts = accounts::desired_accounts(repo);
        let budgets = accounts::desired_budgets(repo, &accounts);
        let sso = sso::desired_sso(repo);
        let workers = workers::desired_workers(repo, &accounts);
        Desired { root, ous, policies, ignore_policies, accounts, budgets, sso, workers }
    }

    pub fn is_ignored(&self, policy_name: &str) -> bool {
        self.ignore_policies.iter().any(|pattern| glob_matches(pattern, policy_name))
    }
}

/// Whether a resource carries the tag of the resources this tool created or adopted.
pub fn is_managed(tags: &BTreeMap<String, String>) -> bool {
    tags.get(MANAGED_BY_KEY).map(String::as_str) == Some(MANAGED_BY_VALUE)
}

/// The description a policy gets when `[policy."name"]` gives none: where it comes from.
pub fn default_description(kind: PolicyKind, name: &str) -> String {
    format!("managed by miyabi-org: policies/{}/{name}.json", kind.dir())
}

/// Shell-style glob with `*` (any run) and `?` (one character).
pub fn glob_matches(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            backtrack = Some((pi, ti));
            pi += 1;
        } else if let Some((star, matched)) = backtrack {
            pi = star + 1;
            ti = matched + 1;
            backtrack = Some((star, matched + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// The parent of an OU path, `None` for a top-level OU.
pub fn parent_path(path: &str) -> Option<&str> {
    path.rsplit_once('/').map(|(parent, _)| parent)
}

/// How many levels below the root an OU path is.
pub fn depth(path: &str) -> usize {
    path.split('/').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_matches("aws-guardrails-*", "aws-guardrails-AbCd"));
        assert!(glob_matches("*", ""));
        assert!(glob_matches("a?c*", "abcdef"));
        assert!(!glob_matches("aws-guardrails-*", "my-aws-guardrails-x"));
        assert!(glob_matches("*-x-*", "a-b-x-c"));
        assert!(!glob_matches("a*b", "acbc"));
    }

    #[test]
    fn paths() {
        assert_eq!(parent_path("Workloads/Pool"), Some("Workloads"));
        assert_eq!(parent_path("Workloads"), None);
        assert_eq!(depth("A/B/C"), 3);
    }
}
