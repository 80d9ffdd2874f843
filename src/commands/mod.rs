//! One file per command group: orchestration between the repo, AWS and the printer.

mod init;
mod org;
mod plan;
mod reference;
mod validate;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use serde::Serialize;

use crate::aws::{AwsContext, AwsOptions, CallStats};
use crate::cli::{Cli, Command, OrgCommand, OuCommand, ScpCommand};
use crate::config::schema::Limits;
use crate::config::{self, Repo};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::Desired;
use crate::observe::{self, Guard, Snapshot};
use crate::output::Printer;
use crate::plan::Scope;

pub async fn run(cli: Cli) -> Result<ExitStatus, Error> {
    let session = Session::new(&cli)?;
    match cli.command {
        Command::Init { dir } => init::init(&session, &dir),
        Command::Validate => validate::validate(&session),
        Command::Plan(args) => plan::plan(&session, &args.only.only, args.out.as_deref(), args.detailed_exitcode).await,
        Command::Apply(args) => plan::apply(&session, args.file.as_deref(), &args.only.only).await,
        Command::Drift(args) => plan::drift(&session, &args.only.only).await,
        Command::Org(OrgCommand::Show) => org::show(&session).await,
        Command::Org(OrgCommand::Tree) => org::tree(&session).await,
        Command::Ou(OuCommand::List) => org::ou_list(&session).await,
        Command::Ou(OuCommand::Apply) => plan::apply(&session, None, &[Scope::Ou]).await,
        Command::Scp(ScpCommand::List) => org::scp_list(&session).await,
        Command::Scp(ScpCommand::Validate) => validate::scp_validate(&session),
        Command::Scp(ScpCommand::Plan { out, detailed_exitcode }) => {
            plan::plan(&session, &[Scope::Scp], out.as_deref(), detailed_exitcode).await
        }
        Command::Scp(ScpCommand::Apply) => plan::apply(&session, None, &[Scope::Scp]).await,
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

    /// The repo, loaded and checked: nothing reaches AWS unless it passes.
    pub fn repo(&self) -> Result<Repo, Error> {
        let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
        let root = config::find_root(self.config.as_deref(), &cwd)?;
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

    /// Reads the live organization, with the repo's guard, region and limits when there is a repo.
    pub async fn observe(&self, repo: Option<&Repo>, desired: &Desired) -> Result<Observed, Error> {
        let mut options = self.aws.clone();
        options.home_region = repo.map(|r| r.org.organization.home_region.get_ref().clone());
        options.calls_in_flight = repo.map_or(Limits::default().api_calls_in_flight, |r| r.org.limits.api_calls_in_flight);
        let aws = AwsContext::load(&options).await;
        let guard = Guard { organization_id: repo.and_then(|r| r.org.organization.id.as_ref()).map(|id| id.get_ref().clone()) };
        let declared: BTreeSet<String> = desired.ous.keys().cloned().collect();
        let spinner = self.printer.spinner("Reading the organization…");
        let snapshot = observe::observe(&aws.org_reader(), &guard, &declared).await?;
        drop(spinner);
        Ok(Observed { aws, snapshot })
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

/// `--only` with nothing given means everything.
fn scope(only: &[Scope]) -> BTreeSet<Scope> {
    if only.is_empty() { Scope::all() } else { only.iter().copied().collect() }
}
