//! `tenant …`: the tenant registry, and placing customers in pools and silos (also what
//! `account create --customer` does).

use std::collections::BTreeSet;
use std::io::IsTerminal;

use serde::Serialize;

use super::Session;
use super::repo_change::{RepoChange, pool_account, run_change, tenants_change, today};
use crate::cli::{OutputFormat, PlacementArgs, TenantMigrateArgs, TenantPlaceArgs};
use crate::config::edit::Edit;
use crate::config::{self, Repo};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::AccountRef;
use crate::model::accounts::budget_name_for_customer;
use crate::model::placement::{DEFAULT_TIER, Placement, PlacementError, Registry};
use crate::output::Table;

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
            .map_err(|e| Error::not_confirmed(format!("no answer: {e}"), "pass --customer"))?,
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
                .map_err(|e| Error::not_confirmed(format!("no answer: {e}"), "pass --tier"))?;
            Some(tiers[chosen].clone())
        }
        (None, false) => None,
    };
    Ok((customer, tier))
}

/// Places a customer, creating its pool's account when the pool is new; for a customer placed
/// already, finishes whatever its placement still lacks in the organization.
pub(super) async fn place_customer(session: &Session, args: &PlacementArgs, dry_run: bool) -> Result<ExitStatus, Error> {
    let repo = session.repo()?;
    let (customer, tier) = placement_target(session, &repo, args)?;
    let placement = Registry::from_repo(&repo).place(&customer, tier.as_deref(), args.pool)?;
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

/// `tenant place`.
pub async fn place(session: &Session, args: &TenantPlaceArgs) -> Result<ExitStatus, Error> {
    let placement = PlacementArgs {
        customer: Some(args.customer.clone()),
        tier: args.tier.clone(),
        silo: false,
        pool: args.pool,
        budget_usd: args.budget_usd,
    };
    place_customer(session, &placement, args.dry_run).await
}

/// `tenant migrate`.
pub async fn migrate(session: &Session, args: &TenantMigrateArgs) -> Result<ExitStatus, Error> {
    let repo = session.repo()?;
    let registry = Registry::from_repo(&repo);
    let dedicated = repo.tenants.tenant.iter().any(|t| t.customer.get_ref() == &args.customer && t.is_dedicated());
    if dedicated && registry.tiers.get(&args.to).is_some_and(|capacity| *capacity != 1) {
        return Err(Error::refused(
            format!("customer {} is dedicated: its contract keeps it in a silo, and {} is shared", args.customer, args.to),
            "nothing was changed; remove dedicated = true from its [[tenant]] in tenants.toml first if the contract allows the move",
        ));
    }
    let placement = registry.migrate(&args.customer, &args.to, args.pool)?;
    run_change(session, &repo, |repo| Ok(placement_change(repo, &placement, None, Move::Migrate)), args.dry_run).await
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
    /// Contractually in a silo.
    dedicated: bool,
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
                dedicated: t.is_dedicated(),
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
pub fn list(session: &Session) -> Result<ExitStatus, Error> {
    session.printer.require("tenant list", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo()?;
    let tenants = tenant_lines(&repo);
    let mut table = Table::new(&["customer", "tier", "pool", "account", "account id", "since", "budget USD"]);
    for t in &tenants {
        table.row(vec![
            t.customer.clone(),
            if t.dedicated { format!("{} (dedicated)", t.tier) } else { t.tier.clone() },
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

pub fn show(session: &Session, customer: &str) -> Result<ExitStatus, Error> {
    session.printer.require("tenant show", &[OutputFormat::Table, OutputFormat::Json])?;
    let repo = session.repo()?;
    let Some(tenant) = tenant_lines(&repo).into_iter().find(|t| t.customer == customer) else {
        return Err(PlacementError::UnknownCustomer { customer: customer.into() }.into());
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
    if tenant.dedicated {
        out.push_str("Dedicated  yes: its contract keeps it in a silo\n");
    }
    for past in &tenant.history {
        out.push_str(&format!("History    {} {} from {} to {}\n", past.tier, past.pool, past.from, past.to));
    }
    session.printer.out(&out)?;
    Ok(ExitStatus::Success)
}
