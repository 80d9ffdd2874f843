//! `account …`: the account factory. Customers' accounts come from placing them (see `tenant`);
//! core accounts are declared from a template; existing accounts are imported.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::PathBuf;

use serde::Serialize;

use super::repo_change::{RepoChange, pool_account, run_change, tenants_change};
use super::tenant::place_customer;
use super::{Session, Stats, write_changes};
use crate::apply::OrgWrite;
use crate::cli::{AccountCloseArgs, AccountCreateArgs, AccountImportArgs, AccountMoveArgs, OutputFormat};
use crate::config::edit::Edit;
use crate::config::{self, Changes};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::placement::DEFAULT_TIER;
use crate::model::{AccountRef, Desired};
use crate::output::Table;
use crate::plan::find_account;

/// `account create`.
pub async fn create(session: &Session, args: &AccountCreateArgs) -> Result<ExitStatus, Error> {
    let dry_run = args.dry_run;
    let core = &args.core;
    let (Some(template), Some(name)) = (core.template.as_deref(), core.name.as_deref()) else {
        return place_customer(session, &args.placement, dry_run).await;
    };
    let (ou, email) = (core.ou.as_deref(), core.email.as_deref());
    let repo = session.repo()?;
    if let Some((_, declared)) = repo.org.account.iter().find(|(k, _)| k.get_ref() == name) {
        // Declared already: finish what the organization lacks, unless the flags ask for another account.
        let differs = |flag: Option<&str>, declared: Option<&str>| flag.is_some_and(|f| Some(f) != declared);
        let (declared_ou, declared_email) =
            (declared.ou.as_ref().map(|v| v.get_ref().as_str()), declared.email.as_ref().map(|v| v.get_ref().as_str()));
        if declared.template.get_ref() != template || differs(ou, declared_ou) || differs(email, declared_email) {
            return Err(Error::refused(
                format!("core account {name} is declared already in miyabi-org.toml, with other settings"),
                "edit its [account] entry (or `miyabi-org account move` it), or choose another --name",
            ));
        }
        let summary = format!("Core account {name} is declared already");
        return run_change(
            session,
            &repo,
            |_| Ok(RepoChange::settled(BTreeSet::from([name.to_string()]), BTreeSet::new(), summary.clone())),
            dry_run,
        )
        .await;
    }
    run_change(
        session,
        &repo,
        |repo| {
            let mut edit = Edit::new(&repo.org_source.text);
            edit.add_account(name, template, ou, email);
            Ok(RepoChange {
                changes: Changes::from([(PathBuf::from(config::REPO_FILE), edit.to_string())]),
                accounts: BTreeSet::from([name.to_string()]),
                budgets: BTreeSet::new(),
                summary: format!("Declaring core account {name} from template {template}"),
            })
        },
        dry_run,
    )
    .await
}

#[derive(Debug, Serialize)]
struct AccountLine {
    id: Option<String>,
    name: String,
    email: String,
    ou: String,
    tier: Option<String>,
    pool: Option<u32>,
    customers: usize,
    capacity: Option<u32>,
    /// The account's state in AWS, `missing` when declared and not created yet, or `unmanaged`.
    status: String,
}

#[derive(Debug, Serialize)]
struct AccountList {
    accounts: Vec<AccountLine>,
    stats: Stats,
}

pub async fn list(session: &Session) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("account list", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo()?;
    let desired = Desired::from_repo(&repo);
    let observed = session.observe(Some(&repo), &desired, &BTreeSet::new()).await?;
    let s = &observed.snapshot;
    let mut seen = BTreeSet::new();
    let mut lines = Vec::new();
    for account in &desired.accounts {
        let live = find_account(account, &s.accounts);
        let (tier, pool) = match &account.declared_as {
            AccountRef::Pool { tier, number } => (Some(tier.clone()), Some(*number)),
            AccountRef::Core { .. } => (Some("core".into()), None),
        };
        if let Some(live) = live {
            seen.insert(live.id.clone());
        }
        lines.push(AccountLine {
            id: live.map(|a| a.id.clone()),
            name: live.map_or_else(|| account.name.clone(), |a| a.name.clone()),
            email: live.map_or_else(|| account.email.clone(), |a| a.email.clone()),
            ou: live.map_or_else(|| account.ou.clone(), |a| s.target_name(&a.parent_id)),
            tier,
            pool,
            customers: account.customers.len(),
            capacity: account.capacity,
            status: live.map_or_else(|| "missing".into(), |a| a.status.clone()),
        });
    }
    for live in s.accounts.iter().filter(|a| !seen.contains(&a.id)) {
        let management = live.id == s.organization.management_account_id;
        lines.push(AccountLine {
            id: Some(live.id.clone()),
            name: live.name.clone(),
            email: live.email.clone(),
            ou: s.target_name(&live.parent_id),
            tier: management.then(|| "management".into()),
            pool: None,
            customers: 0,
            capacity: None,
            status: if management { live.status.clone() } else { "unmanaged".into() },
        });
    }
    let mut table = Table::new(&["id", "name", "email", "OU", "tier", "pool", "customers", "status"]);
    for l in &lines {
        let customers = l.capacity.map_or_else(String::new, |c| format!("{}/{c}", l.customers));
        table.row(vec![
            l.id.clone().unwrap_or_default(),
            l.name.clone(),
            l.email.clone(),
            l.ou.clone(),
            l.tier.clone().unwrap_or_default(),
            l.pool.map(|p| p.to_string()).unwrap_or_default(),
            customers,
            l.status.clone(),
        ]);
    }
    printer.listing(&table, &AccountList { accounts: lines, stats: session.stats(&observed.aws) })?;
    session.report_stats(&observed.aws);
    Ok(ExitStatus::Success)
}

/// `account import ID`: records an existing account as a pool or a core account.
pub async fn import(session: &Session, args: &AccountImportArgs) -> Result<ExitStatus, Error> {
    let (id, dry_run) = (args.id.as_str(), args.dry_run);
    let as_pool = args.pool.map(|number| (args.tier.as_deref().unwrap_or(DEFAULT_TIER), number));
    let core = args.core.as_deref().map(|name| (name, args.template.as_str()));
    let repo = session.repo()?;
    if !crate::validate::is_account_id(id) {
        return Err(Error::usage(format!("`{id}` is not an AWS account id"), "pass the 12 digits of the account id"));
    }
    if let Some(known) = crate::model::accounts::desired_accounts(&repo).into_iter().find(|a| a.id.as_deref() == Some(id)) {
        let asked = match (as_pool, core) {
            (Some((tier, number)), _) => Some(AccountRef::Pool { tier: tier.into(), number }),
            (None, Some((name, _))) => Some(AccountRef::Core { name: name.into() }),
            (None, None) => None,
        };
        if asked.is_some_and(|asked| asked != known.declared_as) {
            return Err(Error::refused(
                format!("account {id} is in the repo already, as {}", known.declared_as),
                "remove that entry first to import the account as something else",
            ));
        }
        let summary = format!("Account {id} is in the repo already, as {} ({})", known.declared_as, known.name);
        return run_change(
            session,
            &repo,
            |_| Ok(RepoChange::settled(BTreeSet::from([known.name.clone()]), BTreeSet::new(), summary.clone())),
            dry_run,
        )
        .await;
    }
    run_change(
        session,
        &repo,
        |repo| match (as_pool, core) {
            (Some((tier, number)), _) => {
                if repo.tenants.pool.iter().any(|p| p.tier.get_ref() == tier && *p.number.get_ref() == number) {
                    return Err(Error::refused(
                        format!("{tier} {number} exists already"),
                        "import the account as a pool number that is not taken",
                    ));
                }
                let mut edit = Edit::new(&repo.tenants_source.text);
                edit.add_pool(tier, number);
                edit.set_pool_account(tier, number, id);
                let changes = tenants_change(edit);
                let name =
                    config::load_with(&repo.root, &changes).ok().and_then(|next| pool_account(&next, tier, number)).unwrap_or_default();
                Ok(RepoChange {
                    changes,
                    accounts: BTreeSet::from([name]),
                    budgets: BTreeSet::new(),
                    summary: format!("Importing account {id} as {tier} {number}"),
                })
            }
            (None, Some((name, template))) => {
                let mut edit = Edit::new(&repo.org_source.text);
                edit.add_account(name, template, None, None);
                edit.set_account(name, "id", id);
                Ok(RepoChange {
                    changes: Changes::from([(PathBuf::from(config::REPO_FILE), edit.to_string())]),
                    accounts: BTreeSet::from([name.to_string()]),
                    budgets: BTreeSet::new(),
                    summary: format!("Importing account {id} as core account {name}"),
                })
            }
            (None, None) => Err(Error::usage("account import needs --pool N or --core NAME", "pass --pool N [--tier T] or --core NAME")),
        },
        dry_run,
    )
    .await
}

/// `account move ID --ou PATH`: core accounts only.
pub async fn move_to(session: &Session, args: &AccountMoveArgs) -> Result<ExitStatus, Error> {
    let (id, ou, dry_run) = (args.id.as_str(), args.ou.as_str(), args.dry_run);
    let repo = session.repo()?;
    let Some((name, _)) = repo.org.account.iter().find(|(_, a)| a.id.as_ref().is_some_and(|i| i.get_ref() == id)) else {
        let tenant = repo.tenants.pool.iter().any(|p| p.account_id.as_ref().is_some_and(|i| i.get_ref() == id));
        let help = if tenant {
            "tenant accounts follow their template's OU: change the template"
        } else {
            "import it first with `miyabi-org account import ID --core NAME`"
        };
        return Err(Error::refused(format!("account {id} is not a core account of the repo"), help));
    };
    let name = name.get_ref().clone();
    run_change(
        session,
        &repo,
        |repo| {
            let mut edit = Edit::new(&repo.org_source.text);
            edit.set_account(&name, "ou", ou);
            Ok(RepoChange {
                changes: Changes::from([(PathBuf::from(config::REPO_FILE), edit.to_string())]),
                accounts: BTreeSet::from([name.clone()]),
                budgets: BTreeSet::new(),
                summary: format!("Moving core account {name} to OU {ou}"),
            })
        },
        dry_run,
    )
    .await
}

/// `account close ID`: never part of a plan; asks for the account's name.
pub async fn close(session: &Session, args: &AccountCloseArgs) -> Result<ExitStatus, Error> {
    let (id, confirm) = (args.id.as_str(), args.confirm.as_deref());
    let repo = session.repo()?;
    let desired = Desired::from_repo(&repo);
    let declared = desired.accounts.iter().find(|a| a.id.as_deref() == Some(id));
    if let Some(account) = declared
        && !account.customers.is_empty()
    {
        return Err(Error::refused(
            format!(
                "account {id} ({}) still hosts {} customer(s): {}",
                account.name,
                account.customers.len(),
                account.customers.join(", ")
            ),
            "migrate them first with `miyabi-org tenant migrate`",
        ));
    }
    let observed = session.observe(Some(&repo), &desired, &BTreeSet::new()).await?;
    let s = &observed.snapshot;
    if id == s.organization.management_account_id {
        return Err(Error::refused(
            format!("account {id} is the management account"),
            "the management account can only be closed by deleting the organization",
        ));
    }
    let Some(live) = s.accounts.iter().find(|a| a.id == id) else {
        return Err(Error::refused(
            format!("account {id} is not in organization {}", s.organization.id),
            "check the id with `miyabi-org account list`",
        ));
    };
    // AWS allows closing 10% of member accounts (between 10 and 1,000) per rolling 30 days;
    // accounts already closing count toward it.
    let members = s.accounts.len().saturating_sub(1);
    let quota = (members * repo.org.limits.close_account_percent / 100).clamp(10, 1000);
    let closing = s.accounts.iter().filter(|a| matches!(a.status.as_str(), "SUSPENDED" | "PENDING_CLOSURE")).count();
    if closing + 1 >= quota * 8 / 10 {
        session.printer.note(&format!(
            "warning: {closing} accounts are closing or closed; AWS allows about {quota} closures per 30 days for this organization"
        ));
    }
    match (confirm, session.yes) {
        (Some(name), true) if name == live.name => {}
        (Some(name), true) => {
            return Err(Error::refused(
                format!("--confirm {name} does not match the account's name {}", live.name),
                "pass the exact account name",
            ));
        }
        _ if !std::io::stdin().is_terminal() => {
            return Err(Error::not_confirmed("refusing to close an account unattended", format!("pass --yes --confirm \"{}\"", live.name)));
        }
        _ => {
            let typed: String = dialoguer::Input::new()
                .with_prompt(format!("Type the account's name ({}) to close {id}", live.name))
                .interact_text()
                .map_err(|e| Error::not_confirmed(format!("no answer: {e}"), "pass --yes --confirm NAME"))?;
            if typed != live.name {
                return Err(Error::not_confirmed("the name does not match; nothing was closed", "type the exact account name"));
            }
        }
    }
    observed.aws.org_writer().close_account(id).await?;
    if let Some(account) = declared {
        let (file, text) = match &account.declared_as {
            AccountRef::Pool { tier, number } => {
                let mut edit = Edit::new(&repo.tenants_source.text);
                edit.remove_pool(tier, *number);
                (config::TENANTS_FILE, edit.to_string())
            }
            AccountRef::Core { name } => {
                let mut edit = Edit::new(&repo.org_source.text);
                edit.remove_account(name);
                (config::REPO_FILE, edit.to_string())
            }
        };
        write_changes(&repo.root, &Changes::from([(PathBuf::from(file), text)]))?;
    }
    session.printer.out(&format!("Closing account {id} ({}): AWS suspends it now and closes it within 90 days.", live.name))?;
    Ok(ExitStatus::Success)
}
