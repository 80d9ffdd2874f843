//! `scp explain` and `rcp explain`: the chain root → OUs → account of an account, from the live
//! organization (one read, for one account or all of them) or from the repo alone, evaluated by
//! [`crate::explain`].

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::{Value, json};

use super::{Session, Stats};
use crate::cli::{ExplainArgs, OutputFormat};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::explain::{self, AttachedPolicy, Explanation, Family, Level, LevelKind, Request, Verdict};
use crate::model::{self, Desired, DesiredAccount, PolicyKey};
use crate::observe::{Account, Snapshot};
use crate::output::Table;
use crate::policy_kind::PolicyKind;

/// What a default policy says (AWS does not return the content of its own policies).
fn allow_all() -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
}

fn family(kind: PolicyKind) -> Family {
    if kind == PolicyKind::ResourceControl { Family::ResourceControl } else { Family::ServiceControl }
}

/// `service:Action`, with wildcards allowed in the action's name.
fn check_action(action: &str) -> Result<(), Error> {
    let valid = action.split_once(':').is_some_and(|(service, name)| {
        !service.is_empty() && !name.is_empty() && service.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    if valid {
        Ok(())
    } else {
        Err(Error::usage(format!("--action `{action}` is not service:Action"), "write the action as IAM does, such as s3:PutObject"))
    }
}

/// The policies of the kind on a live target, with their documents.
fn attached_live(s: &Snapshot, desired: &Desired, kind: PolicyKind, target: &str) -> Vec<AttachedPolicy> {
    let default = kind.default_policy().map(|d| d.name);
    s.policies
        .iter()
        .filter(|p| p.kind == kind && p.targets.iter().any(|t| t == target))
        .map(|p| {
            let document = match (&p.content, p.aws_managed && Some(p.name.as_str()) == default) {
                (_, true) => allow_all(),
                (Some(content), _) => serde_json::from_str(content).unwrap_or(Value::Null),
                (None, _) => Value::Null,
            };
            let declared = desired.policies.contains_key(&PolicyKey { kind, name: p.name.clone() });
            let managed = !desired.is_ignored(&p.name) && (p.aws_managed || declared || model::is_managed(&p.tags));
            AttachedPolicy { name: p.name.clone(), document, managed }
        })
        .collect()
}

/// Root, OUs from the top down, and the account, as the live organization holds them.
fn live_chain(s: &Snapshot, desired: &Desired, kind: PolicyKind, account: &Account) -> Vec<Level> {
    let mut ous = Vec::new();
    let mut parent = account.parent_id.as_str();
    while let Some(ou) = s.ous.iter().find(|o| o.id == parent) {
        ous.push(ou);
        parent = &ou.parent_id;
    }
    let mut levels = vec![Level { kind: LevelKind::Root, name: "root".into(), policies: attached_live(s, desired, kind, &s.root.id) }];
    for ou in ous.into_iter().rev() {
        let name = s.ou_path(&ou.id).unwrap_or_else(|| ou.name.clone());
        levels.push(Level { kind: LevelKind::Ou, name, policies: attached_live(s, desired, kind, &ou.id) });
    }
    levels.push(Level { kind: LevelKind::Account, name: account.name.clone(), policies: attached_live(s, desired, kind, &account.id) });
    levels
}

/// The policies the repo puts on a target, with the documents of its files.
fn attached_declared(desired: &Desired, kind: PolicyKind, names: impl Iterator<Item = String>) -> Vec<AttachedPolicy> {
    let default = kind.default_policy().map(|d| d.name);
    let mut names: BTreeSet<String> = names.collect();
    if let Some(fixed) = kind.default_policy().filter(|d| !d.detachable) {
        names.insert(fixed.name.to_string());
    }
    names
        .into_iter()
        .map(|name| {
            let document = if Some(name.as_str()) == default {
                allow_all()
            } else {
                desired.policies.get(&PolicyKey { kind, name: name.clone() }).map_or(Value::Null, |p| p.content.clone())
            };
            AttachedPolicy { name, document, managed: true }
        })
        .collect()
}

/// The chain as the repo declares it. A root the repo does not manage keeps what AWS gives it.
fn repo_chain(desired: &Desired, kind: PolicyKind, account: &DesiredAccount) -> Vec<Level> {
    let default = || kind.default_policy().map(|d| d.name.to_string());
    let root: Vec<String> = match &desired.root {
        Some(root) => root.names(kind).cloned().collect(),
        None => default().into_iter().collect(),
    };
    let mut levels =
        vec![Level { kind: LevelKind::Root, name: "root".into(), policies: attached_declared(desired, kind, root.into_iter()) }];
    let parts: Vec<&str> = account.ou.split('/').collect();
    for end in 1..=parts.len() {
        let path = parts[..end].join("/");
        let names: Vec<String> = desired.ous.get(&path).map(|t| t.names(kind).cloned().collect()).unwrap_or_default();
        levels.push(Level { kind: LevelKind::Ou, name: path, policies: attached_declared(desired, kind, names.into_iter()) });
    }
    let own: Vec<String> =
        if kind == PolicyKind::ServiceControl { account.scps.iter().cloned().collect() } else { default().into_iter().collect() };
    levels.push(Level {
        kind: LevelKind::Account,
        name: account.name.clone(),
        policies: attached_declared(desired, kind, own.into_iter()),
    });
    levels
}

fn names(statements: &[explain::StatementRef]) -> String {
    let names: BTreeSet<&str> = statements.iter().map(|s| s.policy.as_str()).collect();
    if names.is_empty() { "-".into() } else { names.into_iter().collect::<Vec<_>>().join(", ") }
}

fn print_explanation(session: &Session, explanation: &Explanation) -> Result<(), Error> {
    session.printer.out(&explanation.summary())?;
    let mut table = Table::new(&["LEVEL", "ALLOWED BY", "DENIED BY", "DEPENDS ON"]);
    for level in &explanation.levels {
        let conditional: BTreeSet<&str> = level.conditional.iter().map(|c| c.statement.policy.as_str()).collect();
        let conditional = if conditional.is_empty() { "-".to_string() } else { conditional.into_iter().collect::<Vec<_>>().join(", ") };
        let kind = match level.kind {
            LevelKind::Root => "root".to_string(),
            LevelKind::Ou => format!("OU {}", level.name),
            LevelKind::Account => format!("account {}", level.name),
        };
        table.row(vec![kind, names(&level.allows), names(&level.denies), conditional]);
    }
    session.printer.out(&table.render())
}

#[derive(Debug, Serialize)]
struct AccountVerdict {
    account: String,
    account_id: String,
    #[serde(flatten)]
    verdict: Verdict,
    depends_on: usize,
}

#[derive(Debug, Serialize)]
struct AllAccounts {
    action: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    resource: Option<String>,
    accounts: usize,
    /// The accounts where the action is not allowed.
    not_allowed: Vec<AccountVerdict>,
    /// The accounts where it is allowed unless a condition says otherwise.
    depends: Vec<String>,
    stats: Stats,
}

#[derive(Debug, Serialize)]
struct One<'a> {
    account_id: Option<&'a str>,
    #[serde(flatten)]
    explanation: &'a Explanation,
    #[serde(skip_serializing_if = "Option::is_none")]
    stats: Option<Stats>,
}

pub async fn explain(session: &Session, args: &ExplainArgs, kind: PolicyKind) -> Result<ExitStatus, Error> {
    let command = format!("{} explain", kind.dir());
    session.printer.require(&command, &[OutputFormat::Table, OutputFormat::Json])?;
    check_action(&args.action)?;
    let request = Request { action: args.action.clone(), resource: args.resource.clone() };
    if args.repo {
        let repo = session.repo()?;
        let desired = Desired::from_repo(&repo);
        let wanted = args.account.as_deref().unwrap_or_default();
        let account = desired.accounts.iter().find(|a| a.name == wanted || a.id.as_deref() == Some(wanted)).ok_or_else(|| {
            Error::refused(
                format!("the repo declares no account `{wanted}`"),
                "name an account of miyabi-org.toml or tenants.toml, by name or id (`miyabi-org account list`)",
            )
        })?;
        let explanation = explain::explain(family(kind), &repo_chain(&desired, kind, account), &request);
        return match session.printer.format {
            OutputFormat::Json => session.printer.json(&One { account_id: account.id.as_deref(), explanation: &explanation, stats: None }),
            _ => print_explanation(session, &explanation),
        }
        .map(|()| ExitStatus::Success);
    }
    let repo = session.repo_if_any()?;
    let desired = repo.as_ref().map(Desired::from_repo).unwrap_or_default();
    let observed = session.observe(repo.as_ref(), &desired, &BTreeSet::new()).await?;
    let s = &observed.snapshot;
    if args.all_accounts {
        let mut output = AllAccounts {
            action: args.action.clone(),
            resource: args.resource.clone(),
            accounts: 0,
            not_allowed: Vec::new(),
            depends: Vec::new(),
            stats: session.stats(&observed.aws),
        };
        // Organizations' policies never restrict the management account.
        let members = s.accounts.iter().filter(|a| a.status == "ACTIVE" && a.id != s.organization.management_account_id);
        for account in members {
            output.accounts += 1;
            let explanation = explain::explain(family(kind), &live_chain(s, &desired, kind, account), &request);
            match explanation.verdict {
                Verdict::Allowed if !explanation.depends_on.is_empty() => output.depends.push(account.name.clone()),
                Verdict::Allowed => {}
                verdict => output.not_allowed.push(AccountVerdict {
                    account: account.name.clone(),
                    account_id: account.id.clone(),
                    verdict,
                    depends_on: explanation.depends_on.len(),
                }),
            }
        }
        output.stats = session.stats(&observed.aws);
        match session.printer.format {
            OutputFormat::Json => session.printer.json(&output)?,
            _ => {
                let mut table = Table::new(&["ACCOUNT", "ID", "VERDICT"]);
                for row in &output.not_allowed {
                    table.row(vec![row.account.clone(), row.account_id.clone(), row.verdict.to_string()]);
                }
                if !output.not_allowed.is_empty() {
                    session.printer.out(&table.render())?;
                }
                session.printer.out(&format!(
                    "{} is not allowed in {} of {} member accounts{}.",
                    args.action,
                    output.not_allowed.len(),
                    output.accounts,
                    if output.depends.is_empty() {
                        String::new()
                    } else {
                        format!("; allowed in {} unless a condition says otherwise (explain one with --account)", output.depends.len())
                    }
                ))?;
            }
        }
        session.report_stats(&observed.aws);
        return Ok(ExitStatus::Success);
    }
    let wanted = args.account.as_deref().unwrap_or_default();
    let account = s.accounts.iter().find(|a| a.id == wanted || a.name == wanted).ok_or_else(|| {
        Error::refused(
            format!("the organization has no account `{wanted}`"),
            "name an account by its name or id (`miyabi-org account list`)",
        )
    })?;
    if account.id == s.organization.management_account_id {
        return Err(Error::refused(
            format!("{} ({}) is the management account: {}s never restrict it", account.name, account.id, kind.row().label),
            "explain a member account; the management account is limited by its own IAM policies only",
        ));
    }
    let explanation = explain::explain(family(kind), &live_chain(s, &desired, kind, account), &request);
    match session.printer.format {
        OutputFormat::Json => session.printer.json(&One {
            account_id: Some(&account.id),
            explanation: &explanation,
            stats: Some(session.stats(&observed.aws)),
        })?,
        _ => print_explanation(session, &explanation)?,
    }
    session.report_stats(&observed.aws);
    Ok(ExitStatus::Success)
}
