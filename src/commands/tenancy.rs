//! `account …` and `tenant …`: the account factory and the tenant registry. Each command edits
//! the repo's files, checks the result offline, and runs the one plan/apply path, limited to the
//! accounts and budgets it touched.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::PathBuf;

use serde::Serialize;

use super::plan::execute;
use super::{Session, Stats, write_changes};
use crate::apply::OrgWrite;
use crate::cli::{OutputFormat, PlacementArgs};
use crate::config::edit::Edit;
use crate::config::{self, Changes, Repo};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::accounts::{budget_name_for_account, budget_name_for_customer};
use crate::model::placement::{DEFAULT_TIER, Placement, PlacementError, Registry};
use crate::model::{AccountRef, Desired};
use crate::output::Table;
use crate::plan::{self, Scope, find_account};

/// Today as YYYY-MM-DD (UTC), for placement dates.
fn today() -> String {
    let (year, month, day) = super::today();
    format!("{year:04}-{month:02}-{day:02}")
}

/// What an imperative command changes in the repo and which accounts and budgets that touches.
struct RepoChange {
    /// New texts of repo files; none, or the same texts, when the repo says it already.
    changes: Changes,
    accounts: BTreeSet<String>,
    budgets: BTreeSet<String>,
    /// Said before the plan, e.g. "Placing customer ACME in pool 1 (Pool-1, a new account)", or
    /// when the repo says it already, "Customer ACME is already in pool 1 (Pool-1)".
    summary: String,
}

impl RepoChange {
    /// Nothing to edit: the repo says it already, and the organization may still lack some of it
    /// (a run that was interrupted, say).
    fn settled(accounts: BTreeSet<String>, budgets: BTreeSet<String>, summary: String) -> RepoChange {
        RepoChange { changes: Changes::new(), accounts, budgets, summary }
    }
}

/// Checks the edited repo offline, then plans (and unless `dry_run` applies) what it touched.
/// When the repo says it already, the plan holds whatever the organization still lacks, so that
/// the same command run again after an interruption finishes the job; "nothing was changed" is
/// said only when the organization matches.
async fn run_change(
    session: &Session,
    repo: &Repo,
    change: impl Fn(&Repo) -> Result<RepoChange, Error>,
    dry_run: bool,
) -> Result<ExitStatus, Error> {
    session.printer.require("this command", &[OutputFormat::Table, OutputFormat::Json])?;
    let edited = change(repo)?;
    let next = config::load_with(&repo.root, &edited.changes).map_err(crate::error::Error::Problems)?;
    crate::validate::validate(&next).into_result().map_err(Error::Problems)?;
    if !dry_run {
        session.require_attended()?;
    }
    let settled = repo.says_already(&edited.changes);
    let desired = Desired::from_repo(&next);
    // The accounts' names are known only once rendered from the edited repo.
    let mut accounts = edited.accounts.clone();
    let mut budgets = edited.budgets.clone();
    for account in &desired.accounts {
        if accounts.contains(&account.name) {
            budgets.insert(budget_name_for_account(&account.name));
        }
    }
    accounts.retain(|a| desired.accounts.iter().any(|d| &d.name == a));
    if !settled {
        session.printer.note(&format!("{}.", edited.summary));
    }
    let scope = BTreeSet::from([Scope::Account, Scope::Budget]);
    // The plan is limited to these accounts and budgets: only their tags and notifications are read.
    let touched: Vec<_> = desired.accounts.iter().filter(|d| accounts.contains(&d.name)).collect();
    let account_tags = |live: &crate::observe::Account| touched.iter().any(|d| find_account(d, std::slice::from_ref(live)).is_some());
    let observed = session.observe_detail(Some(&next), &desired, &scope, &account_tags, &|name| budgets.contains(name)).await?;
    let mut plan = plan::create_plan(&desired, &observed.snapshot, &scope)?;
    plan.limit_to(&accounts, &budgets);
    let when_empty = settled.then(|| format!("{}; nothing was changed.", edited.summary));
    if settled && !plan.is_empty() {
        session.printer.note(&format!("{}; the organization still lacks some of it:", edited.summary));
    }
    if dry_run {
        match &when_empty {
            Some(line) if plan.is_empty() => session.printer.out(line)?,
            _ => {
                session.printer.out(&session.printer.paint_plan(&plan::render_text(&plan)))?;
                session.printer.note("Dry run: nothing was changed, in AWS or in the repo.");
            }
        }
        return Ok(ExitStatus::Success);
    }
    let write_repo = || write_changes(&repo.root, &edited.changes);
    execute(session, &next, &desired, &observed, &plan, when_empty.as_deref(), &write_repo).await
}

fn tenants_change(edit: Edit) -> Changes {
    Changes::from([(PathBuf::from(config::TENANTS_FILE), edit.to_string())])
}

/// The account name a pool has (or will have): rendered from its template in the edited repo.
fn pool_account(next: &Repo, tier: &str, pool: u32) -> Option<String> {
    crate::model::accounts::desired_accounts(next)
        .into_iter()
        .find(|a| a.declared_as == AccountRef::Pool { tier: tier.into(), number: pool })
        .map(|a| a.name)
}

/// The customer and tier of `account create` / `tenant place`, prompting on a terminal for what is
/// missing. The tier is `None` when none was asked for: a placed customer stays in its own.
fn placement_target(session: &Session, repo: &Repo, args: &PlacementArgs) -> Result<(String, Option<String>), Error> {
    let registry = Registry::from_repo(repo);
    let interactive = !session.yes && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let customer = match &args.customer {
        Some(customer) => customer.clone(),
        None if interactive => dialoguer::Input::<String>::new()
            .with_prompt("Customer id")
            .validate_with(
                |c: &String| if crate::validate::is_customer_id(c) { Ok(()) } else { Err("letters, digits and dashes, at most 63") },
            )
            .interact_text()
            .map_err(|e| Error::refused(format!("no answer: {e}"), "pass --customer"))?,
        None => return Err(Error::usage("--customer is required", "pass --customer ID (or --template T --name N for a core account)")),
    };
    if !crate::validate::is_customer_id(&customer) {
        return Err(Error::usage(
            format!("`{customer}` is not a valid customer id"),
            "use letters, digits and dashes, starting with a letter or digit, at most 63 characters",
        ));
    }
    let placed = registry.placement_of(&customer).is_some();
    let tier = match (&args.tier, args.silo) {
        (Some(tier), _) => Some(tier.clone()),
        (None, true) => Some("silo".into()),
        (None, false) if !placed && args.pool.is_none() && interactive && registry.tiers.len() > 1 => {
            let tiers: Vec<&String> = registry.tiers.keys().collect();
            let chosen = dialoguer::Select::new()
                .with_prompt("Tier")
                .items(&tiers)
                .default(tiers.iter().position(|t| *t == DEFAULT_TIER).unwrap_or(0))
                .interact()
                .map_err(|e| Error::refused(format!("no answer: {e}"), "pass --tier"))?;
            Some(tiers[chosen].clone())
        }
        (None, false) => None,
    };
    Ok((customer, tier))
}

fn placement_error(err: PlacementError) -> Error {
    let help = err.help();
    Error::refused(err.to_string(), help)
}

/// Places a customer, creating its pool's account when the pool is new; for a customer placed
/// already, finishes whatever its placement still lacks in the organization.
async fn place(session: &Session, args: &PlacementArgs, dry_run: bool) -> Result<ExitStatus, Error> {
    let repo = session.repo()?;
    let (customer, tier) = placement_target(session, &repo, args)?;
    let placement = Registry::from_repo(&repo).place(&customer, tier.as_deref(), args.pool).map_err(placement_error)?;
    let budget = args.budget_usd;
    run_change(session, &repo, |repo| Ok(placement_change(repo, &placement, budget, Move::Place)), dry_run).await
}

/// Whether a customer comes in new or moves from where it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Move {
    Place,
    Migrate,
}

fn placement_change(repo: &Repo, placement: &Placement, budget_usd: Option<f64>, how: Move) -> RepoChange {
    let (customer, tier, pool) = (&placement.customer, &placement.tier, placement.pool);
    let mut edit = Edit::new(&repo.tenants_source.text);
    if placement.new_pool {
        edit.add_pool(tier, pool);
    }
    match (placement.already_placed, how) {
        (true, _) => {}
        (false, Move::Place) => edit.add_tenant(customer, tier, pool, &today()),
        (false, Move::Migrate) => edit.move_tenant(customer, tier, pool, &today()),
    }
    if let Some(budget) = budget_usd {
        edit.set_tenant(customer, "budget_usd", budget);
    }
    let changes = tenants_change(edit);
    let name = config::load_with(&repo.root, &changes).ok().and_then(|next| pool_account(&next, tier, pool)).unwrap_or_default();
    let summary = match (placement.already_placed, how, placement.new_pool) {
        (true, ..) => format!("Customer {customer} is already in {tier} {pool} ({name})"),
        (false, Move::Migrate, _) => format!("Moving customer {customer} to {tier} {pool} ({name})"),
        (false, Move::Place, true) => format!("Placing customer {customer} in {tier} {pool} ({name}, a new account)"),
        (false, Move::Place, false) => format!("Placing customer {customer} in {tier} {pool} ({name}, its account)"),
    };
    RepoChange { changes, accounts: BTreeSet::from([name]), budgets: BTreeSet::from([budget_name_for_customer(customer)]), summary }
}

/// `account create`.
pub async fn account_create(
    session: &Session,
    placement: &PlacementArgs,
    core: Option<(&str, &str, Option<&str>, Option<&str>)>,
    dry_run: bool,
) -> Result<ExitStatus, Error> {
    let Some((template, name, ou, email)) = core else {
        return place(session, placement, dry_run).await;
    };
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

pub async fn tenant_place(
    session: &Session,
    customer: &str,
    tier: Option<&str>,
    pool: Option<u32>,
    budget_usd: Option<f64>,
    dry_run: bool,
) -> Result<ExitStatus, Error> {
    let args = PlacementArgs { customer: Some(customer.into()), tier: tier.map(Into::into), silo: false, pool, budget_usd };
    place(session, &args, dry_run).await
}

pub async fn tenant_migrate(session: &Session, customer: &str, to: &str, pool: Option<u32>, dry_run: bool) -> Result<ExitStatus, Error> {
    let repo = session.repo()?;
    let placement = Registry::from_repo(&repo).migrate(customer, to, pool).map_err(placement_error)?;
    run_change(session, &repo, |repo| Ok(placement_change(repo, &placement, None, Move::Migrate)), dry_run).await
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

pub async fn account_list(session: &Session) -> Result<ExitStatus, Error> {
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
pub async fn account_import(
    session: &Session,
    id: &str,
    as_pool: Option<(&str, u32)>,
    core: Option<(&str, &str)>,
    dry_run: bool,
) -> Result<ExitStatus, Error> {
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
pub async fn account_move(session: &Session, id: &str, ou: &str, dry_run: bool) -> Result<ExitStatus, Error> {
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
pub async fn account_close(session: &Session, id: &str, confirm: Option<&str>) -> Result<ExitStatus, Error> {
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
            return Err(Error::refused("refusing to close an account unattended", format!("pass --yes --confirm \"{}\"", live.name)));
        }
        _ => {
            let typed: String = dialoguer::Input::new()
                .with_prompt(format!("Type the account's name ({}) to close {id}", live.name))
                .interact_text()
                .map_err(|e| Error::refused(format!("no answer: {e}"), "pass --yes --confirm NAME"))?;
            if typed != live.name {
                return Err(Error::refused("the name does not match; nothing was closed", "type the exact account name"));
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

#[derive(Debug, Serialize)]
struct TenantLine {
    customer: String,
    tier: String,
    pool: u32,
    account: Option<String>,
    account_id: Option<String>,
    since: Option<String>,
    budget_usd: Option<f64>,
    history: Vec<Past>,
}

#[derive(Debug, Serialize)]
struct Past {
    tier: String,
    pool: u32,
    from: String,
    to: String,
}

#[derive(Debug, Serialize)]
struct TenantList {
    tenants: Vec<TenantLine>,
}

fn tenant_lines(repo: &Repo) -> Vec<TenantLine> {
    let accounts = crate::model::accounts::desired_accounts(repo);
    repo.tenants
        .tenant
        .iter()
        .map(|t| {
            let account =
                accounts.iter().find(|a| a.declared_as == AccountRef::Pool { tier: t.tier.get_ref().clone(), number: *t.pool.get_ref() });
            TenantLine {
                customer: t.customer.get_ref().clone(),
                tier: t.tier.get_ref().clone(),
                pool: *t.pool.get_ref(),
                account: account.map(|a| a.name.clone()),
                account_id: account.and_then(|a| a.id.clone()),
                since: t.since.as_ref().map(|s| s.get_ref().clone()),
                budget_usd: t.budget_usd.as_ref().map(|b| *b.get_ref()),
                history: t
                    .history
                    .iter()
                    .map(|p| Past { tier: p.tier.clone(), pool: p.pool, from: p.from.clone(), to: p.to.clone() })
                    .collect(),
            }
        })
        .collect()
}

/// `tenant list`: from the repo alone, no AWS call.
pub fn tenant_list(session: &Session) -> Result<ExitStatus, Error> {
    session.printer.require("tenant list", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo()?;
    let tenants = tenant_lines(&repo);
    let mut table = Table::new(&["customer", "tier", "pool", "account", "account id", "since", "budget USD"]);
    for t in &tenants {
        table.row(vec![
            t.customer.clone(),
            t.tier.clone(),
            t.pool.to_string(),
            t.account.clone().unwrap_or_default(),
            t.account_id.clone().unwrap_or_default(),
            t.since.clone().unwrap_or_default(),
            t.budget_usd.map(|b| format!("{b:.2}")).unwrap_or_default(),
        ]);
    }
    session.printer.listing(&table, &TenantList { tenants })?;
    Ok(ExitStatus::Success)
}

pub fn tenant_show(session: &Session, customer: &str) -> Result<ExitStatus, Error> {
    session.printer.require("tenant show", &[OutputFormat::Table, OutputFormat::Json])?;
    let repo = session.repo()?;
    let Some(tenant) = tenant_lines(&repo).into_iter().find(|t| t.customer == customer) else {
        return Err(Error::refused(format!("customer {customer} is not registered"), "list customers with `miyabi-org tenant list`"));
    };
    if session.printer.format == OutputFormat::Json {
        return session.printer.json(&tenant).map(|_| ExitStatus::Success);
    }
    let mut out = format!(
        "Customer   {}\nPlacement  {} {} since {}\nAccount    {} {}\nBudget     {}\n",
        tenant.customer,
        tenant.tier,
        tenant.pool,
        tenant.since.as_deref().unwrap_or("?"),
        tenant.account.as_deref().unwrap_or("?"),
        tenant.account_id.as_deref().map(|id| format!("({id})")).unwrap_or_else(|| "(not created yet)".into()),
        tenant.budget_usd.map_or_else(|| "none".into(), |b| format!("{b:.2} USD a month")),
    );
    for past in &tenant.history {
        out.push_str(&format!("History    {} {} from {} to {}\n", past.tier, past.pool, past.from, past.to));
    }
    session.printer.out(&out)?;
    Ok(ExitStatus::Success)
}
