//! One file per command group: orchestration between the repo, AWS and the printer.

mod account;
mod budget;
mod cost;
mod explain;
mod init;
mod org;
mod plan;
mod reference;
mod repo_change;
mod sso;
mod tenant;
mod validate;
mod worker;

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::apply::ApplyReport;
use crate::aws::{AwsContext, AwsOptions, CallStats};
use crate::cli::{
    AccountCommand, BudgetCommand, Cli, Command, CostCommand, OrgCommand, OuCommand, RcpCommand, ScpCommand, SsoCommand, SsoReadArgs,
    TenantCommand, WorkerCommand,
};
use crate::config::edit::Edit;
use crate::config::schema::Limits;
use crate::config::{self, Changes, Repo};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::workers::{DesiredWorkers, WorkerSettings};
use crate::model::{AccountRef, BUDGET_PREFIX, Desired};
use crate::observe::sso::{SsoReadOptions, observe_sso};
use crate::observe::workers::{Names, ScalingNames, observe_workers};
use crate::observe::{self, Guard, Snapshot};
use crate::output::Printer;
use crate::plan::{Scope, find_account};
use crate::policy_kind::PolicyKind;

pub async fn run(cli: Cli) -> Result<ExitStatus, Error> {
    let session = Session::new(&cli)?;
    if session.printer.format == crate::cli::OutputFormat::Html && !matches!(cli.command, Command::Cost(CostCommand::Report(_))) {
        // Only the cost report is drawn; every other command would print its table under that name.
        return Err(Error::usage("only `cost report` prints --output html", "use --output table or json"));
    }
    match cli.command {
        Command::Init { dir } => init::init(&session, &dir),
        Command::Validate(args) => validate::validate(&session, &args).await,
        Command::Plan(args) => plan::plan(&session, &args.read.only, reads(&args.read.sso), &args.result).await,
        Command::Apply(args) => plan::apply(&session, args.file.as_deref(), &args.read.only, reads(&args.read.sso)).await,
        Command::Drift(args) => plan::drift(&session, &args.read.only, reads(&args.read.sso)).await,
        Command::Org(OrgCommand::Show) => org::show(&session).await,
        Command::Org(OrgCommand::Tree) => org::tree(&session).await,
        Command::Ou(OuCommand::List) => org::ou_list(&session).await,
        Command::Ou(OuCommand::Apply) => plan::apply(&session, None, &[Scope::Ou], Default::default()).await,
        Command::Scp(ScpCommand::List) => org::scp_list(&session).await,
        Command::Scp(ScpCommand::Validate) => validate::scp_validate(&session),
        Command::Scp(ScpCommand::Plan(result)) => plan::plan(&session, &[Scope::Scp], Default::default(), &result).await,
        Command::Scp(ScpCommand::Apply) => plan::apply(&session, None, &[Scope::Scp], Default::default()).await,
        Command::Scp(ScpCommand::Explain(args)) => explain::explain(&session, &args, PolicyKind::ServiceControl).await,
        Command::Rcp(RcpCommand::Explain(args)) => explain::explain(&session, &args, PolicyKind::ResourceControl).await,
        Command::Account(AccountCommand::Create(args)) => account::create(&session, &args).await,
        Command::Account(AccountCommand::List) => account::list(&session).await,
        Command::Account(AccountCommand::Import(args)) => account::import(&session, &args).await,
        Command::Account(AccountCommand::Move(args)) => account::move_to(&session, &args).await,
        Command::Account(AccountCommand::Close(args)) => account::close(&session, &args).await,
        Command::Tenant(TenantCommand::List) => tenant::list(&session),
        Command::Tenant(TenantCommand::Show { customer }) => tenant::show(&session, &customer),
        Command::Tenant(TenantCommand::Place(args)) => tenant::place(&session, &args).await,
        Command::Tenant(TenantCommand::Migrate(args)) => tenant::migrate(&session, &args).await,
        Command::Budget(BudgetCommand::List) => budget::list(&session).await,
        Command::Budget(BudgetCommand::Apply) => plan::apply(&session, None, &[Scope::Budget], Default::default()).await,
        Command::Sso(SsoCommand::List(args)) => sso::list(&session, &args).await,
        Command::Sso(SsoCommand::Plan { sso, result }) => plan::plan(&session, &[Scope::Sso], reads(&sso), &result).await,
        Command::Sso(SsoCommand::Apply { sso }) => plan::apply(&session, None, &[Scope::Sso], reads(&sso)).await,
        Command::Sso(SsoCommand::Assign(args)) => sso::assign(&session, &args, true).await,
        Command::Sso(SsoCommand::Unassign(args)) => sso::assign(&session, &args, false).await,
        Command::Sso(SsoCommand::PermissionSets) => sso::permission_sets(&session).await,
        Command::Cost(CostCommand::Report(args)) => cost::report(&session, &args).await,
        Command::Cost(CostCommand::Sql(args)) => cost::sql(&session, &args).await,
        Command::Cost(CostCommand::Advise(args)) => cost::advise(&session, &args).await,
        #[cfg(feature = "local-engine")]
        Command::Cost(CostCommand::Generate(args)) => cost::generate(&session, &args),
        Command::Worker(WorkerCommand::Dispatch(args)) => worker::dispatch(&session, &args).await,
        Command::Worker(WorkerCommand::Status(args)) => worker::status(&session, &args).await,
        Command::Worker(WorkerCommand::Tasks(args)) => worker::tasks(&session, &args).await,
        Command::Worker(WorkerCommand::Cancel(args)) => worker::cancel(&session, &args).await,
        Command::Worker(WorkerCommand::Redrive(args)) => worker::redrive(&session, &args).await,
        Command::Worker(WorkerCommand::Scale(args)) => worker::scale(&session, &args).await,
        Command::Worker(WorkerCommand::Autoscale(args)) => worker::autoscale(&session, &args).await,
        Command::Worker(WorkerCommand::Drain(args)) => worker::drain(&session, &args).await,
        Command::Worker(WorkerCommand::Resume(args)) => worker::resume(&session, &args).await,
        Command::Completions { shell } => reference::completions(&session, shell),
        Command::Man { dir } => reference::man(&session, &dir),
    }
}

/// What every command shares: the global flags, the printer, and the clock started at launch.
pub struct Session {
    pub printer: Printer,
    config: Option<PathBuf>,
    aws: AwsOptions,
    pub yes: bool,
    started: Instant,
}

/// The state read from AWS, with what it cost.
pub struct Observed {
    pub aws: AwsContext,
    pub snapshot: Snapshot,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    #[serde(flatten)]
    pub calls: CallStats,
    pub seconds: f64,
}

impl Session {
    fn new(cli: &Cli) -> Result<Session, Error> {
        let global = &cli.global;
        Ok(Session {
            printer: Printer::new(global),
            config: global.config.clone(),
            aws: AwsOptions {
                profile: global.profile.clone(),
                region: global.region.clone(),
                endpoint_url: global.endpoint_url.clone().filter(|url| !url.is_empty()),
                home_region: None,
                calls_in_flight: 1,
            },
            yes: global.yes,
            started: Instant::now(),
        })
    }

    /// The directory of the org repo, from `--config` or the current directory.
    pub fn root(&self) -> Result<PathBuf, Error> {
        let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
        Ok(config::find_root(self.config.as_deref(), &cwd)?)
    }

    /// The repo, loaded and checked: nothing reaches AWS unless it passes.
    pub fn repo(&self) -> Result<Repo, Error> {
        let root = self.root()?;
        let repo = config::load(&root).map_err(Error::Problems)?;
        crate::validate::validate(&repo).into_result().map_err(Error::Problems)?;
        Ok(repo)
    }

    /// The repo when there is one: `org show` and `org tree` also work outside any repo.
    pub fn repo_if_any(&self) -> Result<Option<Repo>, Error> {
        match self.repo() {
            Err(Error::Find(config::FindError::NotFound(_))) => Ok(None),
            other => other.map(Some),
        }
    }

    /// The SDK configuration of this run, with the repo's home region and limits when there is a repo.
    pub async fn aws(&self, repo: Option<&Repo>) -> Result<AwsContext, Error> {
        let mut options = self.aws.clone();
        options.home_region = repo.map(|r| r.org.organization.home_region.get_ref().clone());
        options.calls_in_flight = repo.map_or(Limits::default().api_calls_in_flight, |r| r.org.limits.api_calls_in_flight);
        Ok(AwsContext::load(&options).await?)
    }

    /// Refuses to change anything unattended without `--yes`, before the first AWS call.
    pub fn require_attended(&self) -> Result<(), Error> {
        if !self.yes && !std::io::stdin().is_terminal() {
            return Err(Error::not_confirmed(
                "refusing to apply without --yes: standard input is not a terminal",
                "review the plan, then run again with --yes",
            ));
        }
        Ok(())
    }

    /// Asks before a change unless `--yes`; `declined` says what was not done when the answer is no.
    pub fn confirm(&self, question: &str, declined: &str) -> Result<(), Error> {
        if self.yes {
            return Ok(());
        }
        let confirmed = dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(|e| Error::not_confirmed(format!("no answer: {e}"), "run again with --yes"))?;
        if confirmed { Ok(()) } else { Err(Error::not_confirmed(format!("{declined}; nothing was changed"), "run again and answer yes")) }
    }

    /// Reads the live organization, with the repo's guard, region and limits when there is a repo;
    /// budgets too when the scope has them.
    pub async fn observe(&self, repo: Option<&Repo>, desired: &Desired, scope: &BTreeSet<Scope>) -> Result<Observed, Error> {
        self.observe_detail(repo, desired, scope, &|_| true, &|_| true, SsoReadOptions::default()).await
    }

    /// Like [`Session::observe`], reading the tags only of the accounts `account_tags` accepts and
    /// the notifications only of the budgets `budget_detail` accepts: for a plan limited to them.
    pub async fn observe_detail(
        &self,
        repo: Option<&Repo>,
        desired: &Desired,
        scope: &BTreeSet<Scope>,
        account_tags: &dyn Fn(&observe::Account) -> bool,
        budget_detail: &dyn Fn(&str) -> bool,
        sso_options: SsoReadOptions,
    ) -> Result<Observed, Error> {
        let aws = self.aws(repo).await?;
        let guard = Guard { organization_id: repo.and_then(|r| r.org.organization.id.as_ref()).map(|id| id.get_ref().clone()) };
        let declared: BTreeSet<String> = desired.ous.keys().cloned().collect();
        let spinner = self.printer.spinner("Reading the organization…");
        let mut snapshot = observe::observe(&aws.org_reader(), &guard, &declared, account_tags).await?;
        if scope.contains(&Scope::Budget) {
            let management = snapshot.organization.management_account_id.clone();
            snapshot.budgets = Some(observe::observe_budgets(&aws.budget_reader(), &management, BUDGET_PREFIX, budget_detail).await?);
        }
        if scope.contains(&Scope::Sso)
            && let (Some(sso), Some(repo)) = (&desired.sso, repo)
        {
            let sets = sso.permission_sets.keys().cloned().collect();
            let boundaries = sso.permission_sets.iter().filter(|(_, s)| s.boundary.is_some()).map(|(name, _)| name.clone()).collect();
            let read = aws.sso_reader(&sso.region);
            let live =
                observe_sso(&read, sso.instance_arn.as_deref(), &sso.region, &sets, &boundaries, &sso.principals(), sso_options).await?;
            crate::validate::unknown_principals(repo, &live.principals).into_result().map_err(Error::Problems)?;
            snapshot.sso = Some(live);
        }
        if scope.contains(&Scope::Workers)
            && let Some(repo) = repo
        {
            self.observe_workers(&aws, repo, desired, &mut snapshot, &|_| true).await?;
        }
        drop(spinner);
        Ok(Observed { aws, snapshot })
    }

    /// Reads the workers' plumbing of the accounts `accounts` accepts (by name) into the snapshot,
    /// when the repo has `[workers]`.
    pub async fn observe_workers(
        &self,
        aws: &AwsContext,
        repo: &Repo,
        desired: &Desired,
        snapshot: &mut Snapshot,
        accounts: &dyn Fn(&str) -> bool,
    ) -> Result<(), Error> {
        let Some(workers) = &desired.workers else { return Ok(()) };
        let ids = worker_account_ids(desired, workers, snapshot, accounts);
        let read = aws.workers(&workers.settings.region, repo.org.organization.member_role.get_ref());
        let in_flight = repo.org.limits.accounts_in_flight;
        let settings = &workers.settings;
        let scaling = settings.scaling.as_ref().map(|_| ScalingNames::of(&settings.queue, &settings.cluster, &settings.service));
        snapshot.workers = Some(observe_workers(&read, worker_names(settings, scaling.as_ref()), &ids, in_flight).await?);
        Ok(())
    }

    pub fn stats(&self, aws: &AwsContext) -> Stats {
        Stats { calls: aws.stats(), seconds: (self.started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0 }
    }

    /// `-v`: API calls by operation and the time taken, on stderr.
    pub fn report_stats(&self, aws: &AwsContext) {
        if !self.printer.is_verbose() {
            return;
        }
        let stats = self.stats(aws);
        self.printer.detail(&format!("{} API calls ({} retries) in {:.2}s", stats.calls.api_calls, stats.calls.retries, stats.seconds));
        for (operation, count) in &stats.calls.api_calls_by_operation {
            self.printer.detail(&format!("  {count:>6}  {operation}"));
        }
    }
}

/// The ids of the accounts that run workers and exist in the organization, found as the plan
/// finds accounts (by id, email or name).
fn worker_account_ids(desired: &Desired, workers: &DesiredWorkers, snapshot: &Snapshot, accounts: &dyn Fn(&str) -> bool) -> Vec<String> {
    let active = |id: &str| snapshot.accounts.iter().any(|a| a.id == id && a.status == "ACTIVE");
    workers
        .accounts
        .iter()
        .filter(|w| accounts(&w.name))
        .filter_map(|w| desired.accounts.iter().find(|a| a.name == w.name))
        .filter_map(|a| find_account(a, &snapshot.accounts).map(|live| live.id.clone()))
        .filter(|id| active(id))
        .collect()
}

fn worker_names<'a>(settings: &'a WorkerSettings, scaling: Option<&'a ScalingNames>) -> Names<'a> {
    Names {
        scaling,
        queue: &settings.queue,
        dead_letter_queue: &settings.dead_letter_queue,
        table: &settings.table,
        cluster: &settings.cluster,
        service: &settings.service,
    }
}

/// Writes the ids of declared accounts that exist now (created by this apply or found by email or
/// name) into tenants.toml and miyabi-org.toml, so that they are known by id from then on.
fn record_account_ids(repo: &Repo, desired: &Desired, snapshot: &Snapshot, report: &ApplyReport) -> Result<usize, Error> {
    let mut tenants = Edit::new(&repo.tenants_source.text);
    let mut org = Edit::new(&repo.org_source.text);
    let mut recorded = 0;
    for account in desired.accounts.iter().filter(|a| a.id.is_none()) {
        let id =
            report.created_accounts.get(&account.name).cloned().or_else(|| find_account(account, &snapshot.accounts).map(|a| a.id.clone()));
        let Some(id) = id else { continue };
        match &account.declared_as {
            AccountRef::Pool { tier, number } => tenants.set_pool_account(tier, *number, &id),
            AccountRef::Core { name } => org.set_account(name, "id", &id),
        }
        recorded += 1;
    }
    if recorded > 0 {
        let changes = Changes::from([
            (PathBuf::from(config::TENANTS_FILE), tenants.to_string()),
            (PathBuf::from(config::REPO_FILE), org.to_string()),
        ]);
        write_changes(&repo.root, &changes)?;
    }
    Ok(recorded)
}

/// Writes edited repo files; only files whose text changed are touched.
fn write_changes(root: &Path, changes: &Changes) -> Result<(), Error> {
    for (relative, text) in changes {
        let path = root.join(relative);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}

/// Today's date in UTC as (year, month, day): placement dates and the default cost month.
fn today() -> (i32, u32, u32) {
    civil(unix_seconds() / 86_400)
}

fn unix_seconds() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64
}

/// Now in UTC as RFC 3339 (`2026-11-23T15:04:05Z`): task times.
fn timestamp() -> String {
    let seconds = unix_seconds();
    let (year, month, day) = civil(seconds / 86_400);
    let time = seconds % 86_400;
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", time / 3600, time % 3600 / 60, time % 60)
}

/// The date of a day number since 1970-01-01 (Howard Hinnant's days-to-civil).
fn civil(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month as u32, day as u32)
}

/// What `--all-principals` asks to read.
fn reads(args: &SsoReadArgs) -> SsoReadOptions {
    SsoReadOptions { all_principals: args.all_principals }
}

/// `--only` with nothing given means everything.
fn scope(only: &[Scope]) -> BTreeSet<Scope> {
    if only.is_empty() { Scope::all() } else { only.iter().copied().collect() }
}
