//! What `account …` and `tenant …` commands share: each edits the repo's files, checks the result
//! offline, and runs the one plan/apply path, limited to the accounts and budgets it touched.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::plan::execute;
use super::{Session, write_changes};
use crate::cli::OutputFormat;
use crate::config::edit::Edit;
use crate::config::{self, Changes, Repo};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::accounts::budget_name_for_account;
use crate::model::{AccountRef, Desired};
use crate::plan::{self, Scope, find_account};

/// Today as YYYY-MM-DD (UTC), for placement dates.
pub(super) fn today() -> String {
    let (year, month, day) = super::today();
    format!("{year:04}-{month:02}-{day:02}")
}

/// What an imperative command changes in the repo and which accounts and budgets that touches.
pub(super) struct RepoChange {
    /// New texts of repo files; none, or the same texts, when the repo says it already.
    pub changes: Changes,
    pub accounts: BTreeSet<String>,
    pub budgets: BTreeSet<String>,
    /// Said before the plan, e.g. "Placing customer ACME in pool 1 (Pool-1, a new account)", or
    /// when the repo says it already, "Customer ACME is already in pool 1 (Pool-1)".
    pub summary: String,
}

impl RepoChange {
    /// Nothing to edit: the repo says it already, and the organization may still lack some of it
    /// (a run that was interrupted, say).
    pub fn settled(accounts: BTreeSet<String>, budgets: BTreeSet<String>, summary: String) -> RepoChange {
        RepoChange { changes: Changes::new(), accounts, budgets, summary }
    }
}

/// Checks the edited repo offline, then plans (and unless `dry_run` applies) what it touched.
/// When the repo says it already, the plan holds whatever the organization still lacks, so that
/// the same command run again after an interruption finishes the job; "nothing was changed" is
/// said only when the organization matches.
pub(super) async fn run_change(
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
    let mut observed =
        session.observe_detail(Some(&next), &desired, &scope, &account_tags, &|name| budgets.contains(name), Default::default()).await?;
    // An account from a template that runs workers is ready for them: its queues and table too.
    let mut scope = scope;
    if desired.workers.as_ref().is_some_and(|w| w.accounts.iter().any(|a| accounts.contains(&a.name))) {
        session.observe_workers(&observed.aws, &next, &desired, &mut observed.snapshot, &|name| accounts.contains(name)).await?;
        scope.insert(Scope::Workers);
    }
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

pub(super) fn tenants_change(edit: Edit) -> Changes {
    Changes::from([(PathBuf::from(config::TENANTS_FILE), edit.to_string())])
}

/// The account name a pool has (or will have): rendered from its template in the edited repo.
pub(super) fn pool_account(next: &Repo, tier: &str, pool: u32) -> Option<String> {
    crate::model::accounts::desired_accounts(next)
        .into_iter()
        .find(|a| a.declared_as == AccountRef::Pool { tier: tier.into(), number: pool })
        .map(|a| a.name)
}
