//! `org show`, `org tree`, `ou list`, `scp list`: the live organization, read-only.

use std::fmt::Write;

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Session, Stats};
use crate::cli::OutputFormat;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::{self, Desired, PolicyKey};
use crate::observe::{Account, Snapshot};
use crate::output::Table;
use crate::plan::{self, Target};
use crate::policy_kind::PolicyKind;

/// Names of the policies of one kind attached to a target, sorted.
fn attached(snapshot: &Snapshot, target_id: &str, kind: PolicyKind) -> Vec<String> {
    snapshot.policies.iter().filter(|p| p.kind == kind && p.targets.iter().any(|t| t == target_id)).map(|p| p.name.clone()).collect()
}

#[derive(Debug, Serialize)]
struct OuLine {
    path: String,
    id: String,
    accounts: usize,
    scps: Vec<String>,
    tag_policies: Vec<String>,
}

#[derive(Debug, Serialize)]
struct OrgShow {
    organization_id: String,
    management_account_id: String,
    root_id: String,
    policy_types: Vec<PolicyKind>,
    root_scps: Vec<String>,
    accounts: usize,
    policies: usize,
    ous: Vec<OuLine>,
    stats: Stats,
}

fn ou_lines(snapshot: &Snapshot) -> Vec<OuLine> {
    let paths = snapshot.ou_paths();
    paths
        .iter()
        .map(|(path, id)| OuLine {
            path: path.clone(),
            id: id.clone(),
            accounts: snapshot.accounts.iter().filter(|a| &a.parent_id == id).count(),
            scps: attached(snapshot, id, PolicyKind::ServiceControl),
            tag_policies: attached(snapshot, id, PolicyKind::Tag),
        })
        .collect()
}

pub async fn show(session: &Session) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("org show", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo_if_any()?;
    let desired = repo.as_ref().map(Desired::from_repo).unwrap_or_default();
    let observed = session.observe(repo.as_ref(), &desired, &BTreeSet::new()).await?;
    let s = &observed.snapshot;
    let show = OrgShow {
        organization_id: s.organization.id.clone(),
        management_account_id: s.organization.management_account_id.clone(),
        root_id: s.root.id.clone(),
        policy_types: s.root.policy_types.iter().copied().collect(),
        root_scps: attached(s, &s.root.id, PolicyKind::ServiceControl),
        accounts: s.accounts.len(),
        policies: s.policies.len(),
        ous: ou_lines(s),
        stats: session.stats(&observed.aws),
    };
    let mut table = Table::new(&["OU", "id", "accounts", "SCPs", "tag policies"]);
    for ou in &show.ous {
        table.row(vec![ou.path.clone(), ou.id.clone(), ou.accounts.to_string(), ou.scps.join(", "), ou.tag_policies.join(", ")]);
    }
    match printer.format {
        OutputFormat::Json => printer.json(&show)?,
        OutputFormat::Csv => printer.out(&table.csv())?,
        _ => {
            let types: Vec<&str> = show.policy_types.iter().map(|k| k.aws_name()).collect();
            let mut head = String::new();
            let _ = writeln!(head, "Organization   {}", show.organization_id);
            let _ = writeln!(head, "Management     {}", show.management_account_id);
            let _ = writeln!(head, "Root           {} (SCPs: {})", show.root_id, show.root_scps.join(", "));
            let _ = writeln!(head, "Policy types   {}", if types.is_empty() { "none enabled".into() } else { types.join(", ") });
            let _ = writeln!(head, "Accounts       {}", show.accounts);
            let _ = writeln!(head, "Policies       {}", show.policies);
            printer.out(&format!("{head}\n{}", table.render()))?;
        }
    }
    session.report_stats(&observed.aws);
    Ok(ExitStatus::Success)
}

#[derive(Debug, Serialize)]
struct TreeNode {
    kind: &'static str,
    id: String,
    name: String,
    scps: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tag_policies: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    children: Vec<TreeNode>,
}

fn node(s: &Snapshot, kind: &'static str, id: &str, name: &str) -> TreeNode {
    let mut children: Vec<TreeNode> = s.ous.iter().filter(|ou| ou.parent_id == id).map(|ou| node(s, "ou", &ou.id, &ou.name)).collect();
    children.sort_by(|a, b| a.name.cmp(&b.name));
    let mut accounts: Vec<&Account> = s.accounts.iter().filter(|a| a.parent_id == id).collect();
    accounts.sort_by(|a, b| a.name.cmp(&b.name));
    children.extend(accounts.into_iter().map(|a| TreeNode {
        kind: "account",
        id: a.id.clone(),
        name: a.name.clone(),
        scps: attached(s, &a.id, PolicyKind::ServiceControl),
        tag_policies: attached(s, &a.id, PolicyKind::Tag),
        children: Vec::new(),
    }));
    TreeNode {
        kind,
        id: id.to_string(),
        name: name.to_string(),
        scps: attached(s, id, PolicyKind::ServiceControl),
        tag_policies: attached(s, id, PolicyKind::Tag),
        children,
    }
}

fn draw(node: &TreeNode, prefix: &str, last: bool, top: bool, out: &mut String) {
    let branch = if top {
        ""
    } else if last {
        "└── "
    } else {
        "├── "
    };
    let mut policies = node.scps.clone();
    policies.extend(node.tag_policies.iter().map(|t| format!("tag:{t}")));
    let policies = if policies.is_empty() { String::new() } else { format!("  [{}]", policies.join(", ")) };
    let _ = writeln!(out, "{prefix}{branch}{} ({}){policies}", node.name, node.id);
    let child_prefix = if top { String::new() } else { format!("{prefix}{}", if last { "    " } else { "│   " }) };
    for (i, child) in node.children.iter().enumerate() {
        draw(child, &child_prefix, i + 1 == node.children.len(), false, out);
    }
}

#[derive(Debug, Serialize)]
struct TreeOutput {
    organization_id: String,
    root: TreeNode,
    stats: Stats,
}

pub async fn tree(session: &Session) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("org tree", &[OutputFormat::Table, OutputFormat::Json])?;
    let repo = session.repo_if_any()?;
    let desired = repo.as_ref().map(Desired::from_repo).unwrap_or_default();
    let observed = session.observe(repo.as_ref(), &desired, &BTreeSet::new()).await?;
    let s = &observed.snapshot;
    let root = node(s, "root", &s.root.id, &s.root.name);
    if printer.format == OutputFormat::Json {
        printer.json(&TreeOutput { organization_id: s.organization.id.clone(), root, stats: session.stats(&observed.aws) })?;
    } else {
        let mut out = String::new();
        draw(&root, "", true, true, &mut out);
        printer.out(&out)?;
    }
    session.report_stats(&observed.aws);
    Ok(ExitStatus::Success)
}

#[derive(Debug, Serialize)]
struct OuListLine {
    path: String,
    id: Option<String>,
    /// in-sync, missing, drift, managed-undeclared or unmanaged.
    state: &'static str,
    scps: Vec<String>,
    declared_scps: Vec<String>,
}

#[derive(Debug, Serialize)]
struct OuList {
    ous: Vec<OuListLine>,
    stats: Stats,
}

pub async fn ou_list(session: &Session) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("ou list", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo()?;
    let desired = Desired::from_repo(&repo);
    let observed = session.observe(Some(&repo), &desired, &BTreeSet::new()).await?;
    let s = &observed.snapshot;
    let live = s.ou_paths();
    let mut paths: Vec<&String> = live.keys().chain(desired.ous.keys()).collect();
    paths.sort();
    paths.dedup();
    let ous: Vec<OuListLine> = paths
        .into_iter()
        .map(|path| {
            let id = live.get(path).cloned();
            let scps = id.as_deref().map(|id| attached(s, id, PolicyKind::ServiceControl)).unwrap_or_default();
            let declared_scps: Vec<String> =
                desired.ous.get(path).map(|t| t.names(PolicyKind::ServiceControl).cloned().collect()).unwrap_or_default();
            let state = match (&id, desired.ous.contains_key(path)) {
                (None, _) => "missing",
                (Some(_), true) if scps == declared_scps => "in-sync",
                (Some(_), true) => "drift",
                (Some(id), false) if s.ou_tags.get(id).is_some_and(model::is_managed) => "managed-undeclared",
                (Some(_), false) => "unmanaged",
            };
            OuListLine { path: path.clone(), id, state, scps, declared_scps }
        })
        .collect();
    let mut table = Table::new(&["OU", "id", "state", "SCPs attached", "SCPs declared"]);
    for ou in &ous {
        table.row(vec![
            ou.path.clone(),
            ou.id.clone().unwrap_or_default(),
            ou.state.into(),
            ou.scps.join(", "),
            ou.declared_scps.join(", "),
        ]);
    }
    printer.listing(&table, &OuList { ous, stats: session.stats(&observed.aws) })?;
    session.report_stats(&observed.aws);
    Ok(ExitStatus::Success)
}

#[derive(Debug, Serialize)]
struct PolicyLine {
    name: String,
    policy_type: PolicyKind,
    id: String,
    /// declared, managed-undeclared, aws-managed, ignored or unmanaged.
    state: &'static str,
    #[serde(serialize_with = "target_names")]
    targets: Vec<Target>,
}

fn target_names<S: serde::Serializer>(targets: &[Target], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(targets.iter().map(|t| &t.name))
}

#[derive(Debug, Serialize)]
struct PolicyList {
    policies: Vec<PolicyLine>,
    stats: Stats,
}

pub async fn scp_list(session: &Session) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("scp list", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo_if_any()?;
    let desired = repo.as_ref().map(Desired::from_repo).unwrap_or_default();
    let observed = session.observe(repo.as_ref(), &desired, &BTreeSet::new()).await?;
    let s = &observed.snapshot;
    let policies: Vec<PolicyLine> = s
        .policies
        .iter()
        .map(|p| {
            let state = if p.aws_managed {
                "aws-managed"
            } else if desired.is_ignored(&p.name) {
                "ignored"
            } else if desired.policies.contains_key(&PolicyKey { kind: p.kind, name: p.name.clone() }) {
                "declared"
            } else if model::is_managed(&p.tags) {
                "managed-undeclared"
            } else {
                "unmanaged"
            };
            PolicyLine {
                name: p.name.clone(),
                policy_type: p.kind,
                id: p.id.clone(),
                state,
                targets: p.targets.iter().map(|t| plan::target_of(s, t)).collect(),
            }
        })
        .collect();
    // A terminal gets "root, 14 OUs, 1,000 accounts" rather than a line naming every account
    // FullAWSAccess is attached to; CSV, JSON and -v name them all.
    let everything = printer.format == OutputFormat::Csv || printer.is_verbose();
    let mut table = Table::new(&["policy", "type", "id", "state", "attached to"]);
    let mut counted = false;
    for p in &policies {
        let targets = plan::summarize_targets(&p.targets, everything);
        counted |= targets != plan::summarize_targets(&p.targets, true);
        table.row(vec![p.name.clone(), p.policy_type.aws_name().into(), p.id.clone(), p.state.into(), targets]);
    }
    printer.listing(&table, &PolicyList { policies, stats: session.stats(&observed.aws) })?;
    if counted && printer.format == OutputFormat::Table {
        printer.note("Targets are counted where there are many: -v, --output csv or --output json names every one.");
    }
    session.report_stats(&observed.aws);
    Ok(ExitStatus::Success)
}
