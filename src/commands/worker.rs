//! `worker …`: tasks sent to the account each customer lives in, queues and tables at a glance,
//! and recovery (cancel, redrive). Every check of the repo and the input runs before the first
//! AWS call; accounts are reached through the member role, in parallel.

mod scaling;

use std::collections::BTreeMap;
use std::path::Path;

use futures_util::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};

use super::{Session, Stats, timestamp};
use crate::apply::workers::WorkerWrite;
use crate::aws::{AwsContext, Workers};
use crate::cli::{
    OutputFormat, WorkerCancelArgs, WorkerDispatchArgs, WorkerRedriveArgs, WorkerSelection, WorkerStatusArgs, WorkerTasksArgs,
};
use crate::config::Repo;
use crate::diagnostic::{Problem, Problems, SourceFile};
use crate::dispatch::{self, Dispatch, DispatchError, Moved, Outcome, Settings, TaskResult};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::Desired;
use crate::model::accounts::AccountRef;
use crate::model::workers::{DesiredWorkers, WorkerAccount, WorkerSettings, runs_workers};
use crate::observe::workers::{InstalledScaling, QueueDepth, ScalingActivity, ScalingNames, Service, WorkerRead};
use crate::output::Table;
use crate::plan::scaling_changes;
use crate::task::{self, Issue, Priority, RepoPattern, TaskRecord, TaskRequest, TaskState};

pub use scaling::{autoscale, drain, resume, scale};

/// Why a customer or a task cannot be worked on: what is wrong, and what to do about it.
#[derive(Debug)]
struct Refusal {
    message: String,
    help: String,
}

impl Refusal {
    fn new(message: impl Into<String>, help: impl Into<String>) -> Refusal {
        Refusal { message: message.into(), help: help.into() }
    }

    /// The refusal of a command, saying what was left undone (empty for a command that only reads).
    fn error(self, undone: &str) -> Error {
        let help = if undone.is_empty() { self.help } else { format!("{}; {undone}", self.help) };
        Error::refused(self.message, help)
    }
}

/// The repo with its `[workers]`, or a clear refusal.
struct Loaded {
    repo: Repo,
    desired: Desired,
}

impl Loaded {
    fn new(session: &Session) -> Result<Loaded, Error> {
        let repo = session.repo()?;
        let desired = Desired::from_repo(&repo);
        if desired.workers.is_none() {
            return Err(Error::refused(
                "miyabi-org.toml has no [workers] section: no account runs agent workers",
                "declare the queue, dead-letter queue, table, cluster and service in [workers] (see the README, \"Agent workers\"), set `workers = true` in the account templates that run them, and run `miyabi-org apply --only workers`",
            ));
        }
        Ok(Loaded { repo, desired })
    }

    fn workers(&self) -> &DesiredWorkers {
        self.desired.workers.as_ref().expect("checked in Loaded::new")
    }

    /// The account a customer lives in, if it runs workers and exists: (name, id).
    fn locate(&self, customer: &str) -> Result<(String, String), Refusal> {
        let tenant = self.repo.tenants.tenant.iter().find(|t| t.customer.get_ref() == customer);
        let Some(tenant) = tenant else {
            return Err(Refusal::new(
                format!("customer {customer} is not in tenants.toml"),
                format!("check the spelling, or place the customer first with `miyabi-org account create --customer {customer}`"),
            ));
        };
        let account = self.desired.accounts.iter().find(|a| a.customers.iter().any(|c| c == customer));
        let Some(account) = account else {
            return Err(Refusal::new(
                format!(
                    "customer {customer} is in {} {}, which has no account in tenants.toml",
                    tenant.tier.get_ref(),
                    tenant.pool.get_ref()
                ),
                format!("run `miyabi-org account create --customer {customer}`"),
            ));
        };
        if !runs_workers(&self.repo, &account.template) {
            return Err(Refusal::new(
                format!(
                    "customer {customer} lives in {} ({}), whose template `{}` runs no workers",
                    account.name, account.declared_as, account.template
                ),
                format!(
                    "set `workers = true` in account-templates/{}.toml and run `miyabi-org apply --only workers`, or migrate the customer to a tier whose accounts run workers",
                    account.template
                ),
            ));
        }
        match &account.id {
            Some(id) => Ok((account.name.clone(), id.clone())),
            None => Err(Refusal::new(
                format!("account {} of customer {customer} does not exist yet (no account id in the repo)", account.name),
                "run `miyabi-org apply` to create it with the workers' queues and table",
            )),
        }
    }

    /// Every customer's `github` patterns (valid: `validate` checked them).
    fn patterns(&self) -> BTreeMap<String, Vec<RepoPattern>> {
        let tenants = self.repo.tenants.tenant.iter();
        tenants.map(|t| (t.customer.get_ref().clone(), t.github.iter().filter_map(|p| p.get_ref().parse().ok()).collect())).collect()
    }

    fn member_role(&self) -> &str {
        self.repo.org.organization.member_role.get_ref()
    }

    fn in_flight(&self) -> usize {
        self.repo.org.limits.accounts_in_flight
    }
}

/// A task may go to a customer only for a repository it owns: the most specific of all
/// customers' `github` patterns that matches is the customer's (`acme-corp/site` of another
/// customer wins over its `acme-corp/*`), or it has none and no other customer claims the
/// repository.
fn check_repository(issue: &Issue, customer: &str, patterns: &BTreeMap<String, Vec<RepoPattern>>) -> Result<(), Refusal> {
    let own = patterns.get(customer).map(Vec::as_slice).unwrap_or_default();
    let repository = format!("{}/{}", issue.owner, issue.repo);
    match (task::owner_of(issue, patterns), own.is_empty()) {
        (Some(owner), _) if owner == customer => Ok(()),
        (Some(owner), _) => Err(Refusal::new(
            format!("repository {repository} belongs to customer {owner}, not {customer} (github patterns in tenants.toml)"),
            format!("dispatch it as a task of customer {owner}, or correct the customers' `github` in tenants.toml"),
        )),
        (None, true) => Ok(()),
        (None, false) => {
            let listed: Vec<String> = own.iter().map(|p| format!("{}/{}", p.owner, p.repo.as_deref().unwrap_or("*"))).collect();
            Err(Refusal::new(
                format!("repository {repository} is not among customer {customer}'s repositories ({})", listed.join(", ")),
                "add it to the customer's `github` in tenants.toml, or name the right customer",
            ))
        }
    }
}

/// One line of a `--file`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskLine {
    customer: String,
    issue: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    priority: Option<Priority>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    again: bool,
}

/// A request checked against the repo: where it goes, or why not.
fn checked(loaded: &Loaded, patterns: &BTreeMap<String, Vec<RepoPattern>>, request: &TaskRequest) -> Result<(String, String), Refusal> {
    if !task::is_kind(&request.kind) {
        return Err(Refusal::new(
            format!("kind `{}` is not 1-64 lower-case letters, digits, `-` or `_`", request.kind),
            format!("name the work as the workers route it, such as `{}` (the default)", task::DEFAULT_KIND),
        ));
    }
    let (account, id) = loaded.locate(&request.customer)?;
    if let Some(drained) = loaded.workers().accounts.iter().find(|a| a.name == account && a.drained) {
        let (what, resume) = match &drained.declared_as {
            AccountRef::Pool { tier, number } => (format!("{tier} {number}"), format!("--pool {number} --tier {tier}")),
            AccountRef::Core { name } => (name.clone(), String::new()),
        };
        return Err(Refusal::new(
            format!("{what} ({account}), where customer {} lives, is drained: it takes no new tasks", request.customer),
            format!("run `miyabi-org worker resume {resume}` first, or migrate the customer to another pool"),
        ));
    }
    check_repository(&request.issue, &request.customer, patterns)?;
    Ok((account, id))
}

/// Reads a JSONL file of tasks: every bad line is a problem with its line number, and none of
/// the file is sent while there is one.
fn read_file(loaded: &Loaded, path: &Path) -> Result<(Vec<Dispatch>, SourceFile), Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let source = SourceFile::new(path, text.clone());
    let patterns = loaded.patterns();
    let mut problems = Problems::default();
    let mut tasks = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = |column| Some(source.at_line(number, column));
        let parsed: TaskLine = match serde_json::from_str::<serde_json::Value>(line) {
            Err(err) => {
                // serde_json counts lines within the line: the position is the caret's.
                let text = err.to_string();
                let text = text.strip_suffix(&format!(" at line {} column {}", err.line(), err.column())).unwrap_or(&text);
                problems.push(Problem::new(at(err.column()), format!("not JSON: {text}"), "write one JSON object per line"));
                continue;
            }
            Ok(value) if !value.is_object() => {
                problems.push(Problem::new(at(1), "a task is a JSON object", r#"write {"customer": "C", "issue": "OWNER/REPO#N"}"#));
                continue;
            }
            Ok(value) => match serde_json::from_value(value) {
                Ok(parsed) => parsed,
                Err(err) => {
                    let help = r#"the fields are customer and issue, and optionally kind, priority (low|normal|high), note and again (true|false)"#;
                    problems.push(Problem::new(at(1), err.to_string(), help));
                    continue;
                }
            },
        };
        let issue = match parsed.issue.parse::<Issue>() {
            Ok(issue) => issue,
            Err(message) => {
                problems.push(Problem::new(at(1), message, "write the issue as OWNER/REPO#N or as its GitHub URL"));
                continue;
            }
        };
        let request = TaskRequest {
            customer: parsed.customer,
            issue,
            kind: parsed.kind.unwrap_or_else(|| task::DEFAULT_KIND.to_string()),
            priority: parsed.priority.unwrap_or_default(),
            note: parsed.note,
            again: parsed.again,
        };
        match checked(loaded, &patterns, &request) {
            Ok((account, account_id)) => tasks.push(Dispatch { line: Some(number), request, account, account_id }),
            Err(refusal) => problems.push(Problem::new(at(1), refusal.message, format!("{}; nothing of the file was sent", refusal.help))),
        }
    }
    if tasks.is_empty() && problems.is_empty() {
        problems.push(Problem::new(Some(source.whole()), "the file has no tasks", "write one JSON object per line"));
    }
    problems.into_result().map_err(Error::Problems)?;
    Ok((tasks, source))
}

#[derive(Debug, Default, Serialize)]
struct DispatchSummary {
    sent: usize,
    already_queued: usize,
    failed: usize,
}

#[derive(Debug, Serialize)]
struct DispatchOutput<'a> {
    tasks: &'a [TaskResult],
    summary: DispatchSummary,
    stats: Stats,
    /// When tasks were not sent, here rather than in a second object on stdout.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<crate::error::ErrorReport>,
}

fn result_line(result: &TaskResult) -> String {
    let place = format!("{} ({})", result.account, result.account_id);
    match result.status {
        Outcome::Sent => format!("queued {}  {} {} -> {place}", result.task_id, result.issue, result.kind),
        Outcome::AlreadyQueued => format!("already queued: {}", result.task_id),
        Outcome::Failed => {
            format!("FAILED {}  {} -> {place}: {}", result.task_id, result.issue, result.error.as_deref().unwrap_or_default())
        }
    }
}

fn dispatch_error(err: DispatchError) -> Error {
    match err {
        DispatchError::Aws(err) => err.into(),
        other => Error::refused(
            format!("{other}; nothing was sent"),
            "run `miyabi-org apply --only workers` to make the workers' queues and table",
        ),
    }
}

pub async fn dispatch(session: &Session, args: &WorkerDispatchArgs) -> Result<ExitStatus, Error> {
    session.printer.require("worker dispatch", &[OutputFormat::Table, OutputFormat::Json])?;
    let loaded = Loaded::new(session)?;
    let (tasks, source) = match (&args.file, &args.customer, &args.issue) {
        (Some(path), _, _) => {
            let (tasks, source) = read_file(&loaded, path)?;
            (tasks, Some(source))
        }
        (None, Some(customer), Some(issue)) => {
            let issue: Issue =
                issue.parse().map_err(|m: String| Error::usage(m, "write the issue as OWNER/REPO#N or as its GitHub URL"))?;
            let request = TaskRequest {
                customer: customer.clone(),
                issue,
                kind: args.kind.clone(),
                priority: args.priority,
                note: args.note.clone(),
                again: args.again,
            };
            let (account, account_id) = checked(&loaded, &loaded.patterns(), &request).map_err(|r| r.error("nothing was sent"))?;
            (vec![Dispatch { line: None, request, account, account_id }], None)
        }
        _ => return Err(Error::usage("give --customer and --issue, or --file", "see `miyabi-org worker dispatch --help`")),
    };
    let workers = loaded.workers();
    let aws = session.aws(Some(&loaded.repo)).await?;
    let settings = Settings {
        queue: workers.settings.queue.clone(),
        table: workers.settings.table.clone(),
        fifo: workers.settings.fifo(),
        requested_by: aws.caller_arn().await?,
        now: timestamp(),
        accounts_in_flight: loaded.in_flight(),
    };
    check_sizes(&tasks, &settings, workers.settings.max_message_size, source.as_ref())?;
    let write = aws.workers(&workers.settings.region, loaded.member_role());
    let single = args.file.is_none();
    let progress = session.printer.progress(if single { 0 } else { tasks.len() });
    let results = dispatch::dispatch(&write, &settings, tasks, &|result| {
        if !single && session.printer.format == OutputFormat::Table {
            progress.line(&result_line(result));
        }
    })
    .await
    .map_err(dispatch_error);
    progress.finish();
    let results = results?;
    let count = |status| results.iter().filter(|r| r.status == status).count();
    let summary =
        DispatchSummary { sent: count(Outcome::Sent), already_queued: count(Outcome::AlreadyQueued), failed: count(Outcome::Failed) };
    let failure = (summary.failed > 0).then_some(Error::PartialDispatch { failed: summary.failed, total: results.len() });
    match session.printer.format {
        OutputFormat::Json => session.printer.json(&DispatchOutput {
            tasks: &results,
            summary,
            stats: session.stats(&aws),
            error: failure.as_ref().map(Error::report),
        })?,
        _ if single => session.printer.out(&result_line(&results[0]))?,
        _ => session.printer.out(&format!(
            "{} sent, {} already queued, {} failed, of {} tasks",
            summary.sent,
            summary.already_queued,
            summary.failed,
            results.len()
        ))?,
    }
    session.report_stats(&aws);
    if let Some(failure) = failure {
        return Err(failure);
    }
    Ok(ExitStatus::Success)
}

/// A message larger than the queue's MaximumMessageSize (`[workers] max_message_size`, which
/// the plan keeps on the queue) is refused before anything is sent.
fn check_sizes(tasks: &[Dispatch], settings: &Settings, max: u32, source: Option<&SourceFile>) -> Result<(), Error> {
    let mut problems = Problems::default();
    for task in tasks {
        let size = dispatch::body_of(&task.request, settings).len();
        if size > max as usize {
            let message = format!("the task's message is {size} bytes, over the queue's MaximumMessageSize of {max} bytes");
            let help = "shorten the note, or raise [workers] max_message_size (up to 1048576) and run `miyabi-org apply --only workers`";
            match (source, task.line) {
                (Some(source), Some(line)) => problems.push(Problem::new(Some(source.at_line(line, 1)), message, help)),
                _ => return Err(Error::refused(format!("{message}; nothing was sent"), help)),
            }
        }
    }
    problems.into_result().map_err(Error::Problems)
}

/// One account's row of `worker status`.
#[derive(Debug, Clone, Serialize)]
struct StatusRow {
    account: String,
    account_id: Option<String>,
    declared_as: String,
    customers: usize,
    #[serde(flatten)]
    depth: QueueDepth,
    dead_letters: u64,
    ecs: Option<Service>,
    /// The installed scaling against `[workers.scaling]`; `None` without a service.
    #[serde(skip_serializing_if = "Option::is_none")]
    scaling: Option<ScalingState>,
    /// The newest scaling activity Application Auto Scaling reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    last_scaling: Option<ScalingActivity>,
    /// Why there is no `last_scaling` where scaling is installed: a secondary figure that does
    /// not hold up the rest of the status.
    #[serde(skip_serializing_if = "Option::is_none")]
    last_scaling_error: Option<String>,
    /// Why the row has no figures: the account, queue or table is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

#[derive(Debug, Serialize)]
struct StatusOutput {
    accounts: Vec<StatusRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tasks_by_state: Option<BTreeMap<String, usize>>,
    /// The `--fail-on` conditions that hold.
    failing: Vec<String>,
    stats: Stats,
}

/// A `--fail-on` condition.
#[derive(Debug, Clone, Copy)]
enum FailOn {
    DeadLetters,
    Backlog(u64),
}

fn fail_on(conditions: &[String]) -> Result<Vec<FailOn>, Error> {
    conditions
        .iter()
        .map(|c| match c.split_once('=') {
            None if c == "dlq" => Ok(FailOn::DeadLetters),
            Some(("backlog", n)) if n.parse::<u64>().is_ok() => Ok(FailOn::Backlog(n.parse().expect("checked"))),
            _ => Err(Error::usage(format!("--fail-on {c} is not a condition"), "use `dlq` or `backlog=N` (N a whole number)")),
        })
        .collect()
}

fn failing(rows: &[StatusRow], conditions: &[FailOn]) -> Vec<String> {
    let mut failing = Vec::new();
    for condition in conditions {
        for row in rows {
            match condition {
                FailOn::DeadLetters if row.dead_letters > 0 => {
                    failing.push(format!("{} has {} dead letter(s)", row.account, row.dead_letters));
                }
                FailOn::Backlog(n) if row.depth.visible > *n => {
                    failing.push(format!("{} has {} visible messages, over {n}", row.account, row.depth.visible));
                }
                _ => {}
            }
        }
    }
    failing
}

/// The accounts `--tier`, `--pool` or `--customer` select.
fn selected<'a>(loaded: &'a Loaded, selection: &WorkerSelection) -> Result<Vec<&'a WorkerAccount>, Error> {
    let accounts = &loaded.workers().accounts;
    if let Some(customer) = &selection.customer {
        let (name, _) = loaded.locate(customer).map_err(|r| r.error(""))?;
        return Ok(accounts.iter().filter(|a| a.name == name).collect());
    }
    let chosen: Vec<_> = accounts
        .iter()
        .filter(|a| match (&a.declared_as, &selection.tier, selection.pool) {
            (_, None, None) => true,
            (AccountRef::Pool { tier, .. }, Some(wanted), None) => tier == wanted,
            (AccountRef::Pool { tier, number }, wanted, Some(pool)) => tier == wanted.as_deref().unwrap_or("pool") && *number == pool,
            (AccountRef::Core { .. }, _, _) => false,
        })
        .collect();
    if chosen.is_empty() && (selection.tier.is_some() || selection.pool.is_some()) {
        return Err(Error::refused(
            "no account that runs workers matches the selection",
            "see `miyabi-org tenant list` for tiers and pools",
        ));
    }
    Ok(chosen)
}

async fn status_row(read: &Workers, loaded: &Loaded, account: &WorkerAccount) -> Result<StatusRow, Error> {
    let settings = &loaded.workers().settings;
    let mut row = StatusRow {
        account: account.name.clone(),
        account_id: account.id.clone(),
        declared_as: account.declared_as.to_string(),
        customers: account.customers.len(),
        depth: QueueDepth::default(),
        dead_letters: 0,
        ecs: None,
        scaling: None,
        last_scaling: None,
        last_scaling_error: None,
        problem: None,
    };
    let Some(id) = &account.id else {
        row.problem = Some("no account yet: run `miyabi-org apply`".into());
        return Ok(row);
    };
    let (queue, dead, service) = futures_util::join!(
        read.queue(id, &settings.queue),
        read.queue(id, &settings.dead_letter_queue),
        read.service(id, &settings.cluster, &settings.service),
    );
    let (queue, dead, service) = (queue?, dead?, service?);
    if matches!(service, Service::Active { .. }) {
        let names = ScalingNames::of(&settings.queue, &settings.cluster, &settings.service);
        let installed = read.scaling(id, &names.resource, &names.policies, &names.alarms).await?;
        row.scaling = Some(ScalingState::of(settings, account, id, &installed));
        if installed.target.is_some() {
            match read.last_scaling_activity(id, &names.resource).await {
                Ok(activity) => row.last_scaling = activity,
                Err(err) => row.last_scaling_error = Some(err.to_string()),
            }
        }
    }
    row.ecs = Some(service);
    if let Some(queue) = &queue {
        row.depth = queue.depth();
    }
    if let Some(dead) = &dead {
        let depth = dead.depth();
        row.dead_letters = depth.visible + depth.in_flight + depth.delayed;
    }
    if queue.is_none() || dead.is_none() {
        row.problem = Some("queues missing: run `miyabi-org apply --only workers`".into());
    }
    Ok(row)
}

/// How the installed scaling compares with the repo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum ScalingState {
    InSync,
    /// In sync, and suspended: the pool is drained.
    Suspended,
    Drift,
    NotInstalled,
    /// The repo has no `[workers.scaling]` and nothing is installed.
    NotDeclared,
    /// The repo has no `[workers.scaling]`, but a scalable target is there (made by someone else).
    Unmanaged,
}

impl ScalingState {
    fn of(settings: &WorkerSettings, account: &WorkerAccount, id: &str, installed: &InstalledScaling) -> ScalingState {
        let nothing = installed.target.is_none() && installed.policies.is_empty() && installed.alarms.is_empty();
        match &settings.scaling {
            None if installed.target.is_some() => ScalingState::Unmanaged,
            None => ScalingState::NotDeclared,
            Some(_) if nothing => ScalingState::NotInstalled,
            Some(rule) if !scaling_changes(settings, rule, account, id, installed).is_empty() => ScalingState::Drift,
            Some(_) if account.drained => ScalingState::Suspended,
            Some(_) => ScalingState::InSync,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            ScalingState::InSync => "in sync",
            ScalingState::Suspended => "suspended (drained)",
            ScalingState::Drift => "drift",
            ScalingState::NotInstalled => "not installed",
            ScalingState::NotDeclared => "not declared",
            ScalingState::Unmanaged => "not declared (a target is installed)",
        }
    }
}

fn ecs_cell(service: Option<&Service>) -> String {
    match service {
        None => "-".into(),
        Some(Service::NoCluster) => "no cluster".into(),
        Some(Service::NoService) => "no service".into(),
        Some(Service::Active { desired, running, pending }) => format!("{desired} / {running} / {pending}"),
    }
}

fn status_table(rows: &[StatusRow]) -> Table {
    let mut table = Table::new(&[
        "ACCOUNT",
        "ID",
        "CUSTOMERS",
        "VISIBLE",
        "IN FLIGHT",
        "DELAYED",
        "DEAD LETTERS",
        "ECS DESIRED / RUNNING / PENDING",
        "SCALING",
    ]);
    for row in rows {
        let figures = |n: u64| if row.problem.is_some() && row.account_id.is_none() { "-".to_string() } else { n.to_string() };
        table.row(vec![
            row.account.clone(),
            row.account_id.clone().unwrap_or_else(|| "-".into()),
            row.customers.to_string(),
            figures(row.depth.visible),
            figures(row.depth.in_flight),
            figures(row.depth.delayed),
            figures(row.dead_letters),
            match &row.problem {
                Some(problem) => problem.clone(),
                None => ecs_cell(row.ecs.as_ref()),
            },
            row.scaling.map_or("-", ScalingState::as_str).to_string(),
        ]);
    }
    table
}

pub async fn status(session: &Session, args: &WorkerStatusArgs) -> Result<ExitStatus, Error> {
    session.printer.require("worker status", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let conditions = fail_on(&args.fail_on)?;
    let loaded = Loaded::new(session)?;
    let accounts = selected(&loaded, &args.selection)?;
    let aws = session.aws(Some(&loaded.repo)).await?;
    let read = aws.workers(&loaded.workers().settings.region, loaded.member_role());
    loop {
        let reads = accounts.iter().map(|account| status_row(&read, &loaded, account));
        let mut rows: Vec<StatusRow> =
            stream::iter(reads).buffered(loaded.in_flight().max(1)).collect::<Vec<_>>().await.into_iter().collect::<Result<_, _>>()?;
        rows.sort_by(|a, b| a.account.cmp(&b.account));
        let tasks_by_state = match &args.selection.customer {
            Some(customer) => Some(tasks_by_state(&read, &loaded, customer).await?),
            None => None,
        };
        let failing = failing(&rows, &conditions);
        print_status(session, &aws, &rows, tasks_by_state, &failing)?;
        if !args.watch {
            session.report_stats(&aws);
            return Ok(if failing.is_empty() { ExitStatus::Success } else { ExitStatus::Changes });
        }
        tokio::time::sleep(std::time::Duration::from_secs(args.interval)).await;
    }
}

fn print_status(
    session: &Session,
    aws: &AwsContext,
    rows: &[StatusRow],
    tasks_by_state: Option<BTreeMap<String, usize>>,
    failing: &[String],
) -> Result<(), Error> {
    let printer = &session.printer;
    let output = StatusOutput { accounts: rows.to_vec(), tasks_by_state, failing: failing.to_vec(), stats: session.stats(aws) };
    printer.listing(&status_table(rows), &output)?;
    if printer.format == OutputFormat::Table {
        if let Some(states) = &output.tasks_by_state {
            let counts: Vec<String> = TaskState::ALL.iter().map(|s| format!("{s} {}", states.get(s.as_str()).unwrap_or(&0))).collect();
            printer.out(&format!("tasks: {}", counts.join(", ")))?;
        }
        for row in rows {
            if let Some(activity) = &row.last_scaling {
                printer
                    .out(&format!("{}: last scaling {} ({}): {}", row.account, activity.started, activity.status, activity.description))?;
            }
            if let Some(error) = &row.last_scaling_error {
                printer.note(&format!("{}: the last scaling activity is not reported: {error}", row.account));
            }
        }
        for line in failing {
            printer.note(&format!("failing: {line}"));
        }
    }
    Ok(())
}

async fn tasks_by_state(read: &Workers, loaded: &Loaded, customer: &str) -> Result<BTreeMap<String, usize>, Error> {
    let (_, id) = loaded.locate(customer).map_err(|r| r.error(""))?;
    let tasks = read.customer_tasks(&id, &loaded.workers().settings.table, customer).await.map_err(table_error)?;
    let mut counts: BTreeMap<String, usize> = TaskState::ALL.iter().map(|s| (s.as_str().to_string(), 0)).collect();
    for task in tasks {
        *counts.entry(task.state.as_str().to_string()).or_default() += 1;
    }
    Ok(counts)
}

/// A missing table is the plumbing's, not the operator's input: say how to make it.
fn table_error(err: crate::api_error::AwsError) -> Error {
    if err.kind == crate::api_error::AwsErrorKind::NotFound {
        Error::refused(format!("{err}"), "run `miyabi-org apply --only workers` to make the workers' table")
    } else {
        err.into()
    }
}

#[derive(Debug, Serialize)]
struct TasksOutput<'a> {
    customer: &'a str,
    tasks: &'a [TaskRecord],
    stats: Stats,
}

pub async fn tasks(session: &Session, args: &WorkerTasksArgs) -> Result<ExitStatus, Error> {
    session.printer.require("worker tasks", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let loaded = Loaded::new(session)?;
    let (_, id) = loaded.locate(&args.customer).map_err(|r| r.error(""))?;
    let aws = session.aws(Some(&loaded.repo)).await?;
    let read = aws.workers(&loaded.workers().settings.region, loaded.member_role());
    let mut found = read.customer_tasks(&id, &loaded.workers().settings.table, &args.customer).await.map_err(table_error)?;
    found.retain(|t| args.state.is_none_or(|s| t.state == s));
    found.sort_by(|a, b| (&a.created_at, &a.task_id).cmp(&(&b.created_at, &b.task_id)));
    let mut table = Table::new(&["ID", "ISSUE", "KIND", "STATE", "ATTEMPTS", "CREATED", "UPDATED"]);
    for t in &found {
        table.row(vec![
            t.task_id.clone(),
            t.issue.clone(),
            t.kind.clone(),
            t.state.to_string(),
            t.attempts.to_string(),
            t.created_at.clone(),
            t.updated_at.clone(),
        ]);
    }
    session.printer.listing(&table, &TasksOutput { customer: &args.customer, tasks: &found, stats: session.stats(&aws) })?;
    session.report_stats(&aws);
    Ok(ExitStatus::Success)
}

#[derive(Debug, Serialize)]
struct CancelOutput {
    cancelled: Vec<String>,
    /// Tasks that had finished (or were gone) by the time they were to be cancelled.
    not_cancelled: BTreeMap<String, String>,
    stats: Stats,
}

pub async fn cancel(session: &Session, args: &WorkerCancelArgs) -> Result<ExitStatus, Error> {
    session.printer.require("worker cancel", &[OutputFormat::Table, OutputFormat::Json])?;
    let loaded = Loaded::new(session)?;
    let (customer, single) = match (&args.task_id, &args.customer) {
        (Some(id), _) => {
            let customer = task::customer_of(id).ok_or_else(|| {
                Error::usage(
                    format!("`{id}` is not a task id"),
                    "task ids look like CUSTOMER:3f9a2c1b7d4e, as `worker dispatch` and `worker tasks` print them",
                )
            })?;
            (customer.to_string(), true)
        }
        (None, Some(customer)) => (customer.clone(), false),
        _ => return Err(Error::usage("give a task id, or --customer and --state", "see `miyabi-org worker cancel --help`")),
    };
    let (_, account_id) = loaded.locate(&customer).map_err(|r| r.error("nothing was changed"))?;
    if !single {
        session.require_attended()?;
    }
    let aws = session.aws(Some(&loaded.repo)).await?;
    let write = aws.workers(&loaded.workers().settings.region, loaded.member_role());
    let table = &loaded.workers().settings.table;
    let ids: Vec<String> = match &args.task_id {
        Some(id) => vec![id.clone()],
        None => {
            let state = args.state.expect("clap requires --state with --customer");
            let found = write.customer_tasks(&account_id, table, &customer).await.map_err(table_error)?;
            let ids: Vec<String> = found.into_iter().filter(|t| t.state == state).map(|t| t.task_id).collect();
            if ids.is_empty() {
                session.printer.out(&format!("customer {customer} has no {state} tasks; nothing was changed"))?;
                return Ok(ExitStatus::Success);
            }
            session.confirm(&format!("Cancel {} {state} task(s) of customer {customer}?", ids.len()), "cancel declined")?;
            ids
        }
    };
    let now = timestamp();
    let open = [TaskState::Queued, TaskState::Running];
    let writes = ids.iter().map(|id| {
        let (write, table, now, account_id) = (&write, table, &now, &account_id);
        async move { (id.clone(), write.set_state(account_id, table, id, TaskState::Cancelled, &open, now).await) }
    });
    let mut output = CancelOutput { cancelled: Vec::new(), not_cancelled: BTreeMap::new(), stats: session.stats(&aws) };
    for (id, result) in stream::iter(writes).buffered(loaded.in_flight().max(1)).collect::<Vec<_>>().await {
        match result.map_err(table_error)? {
            Ok(()) => output.cancelled.push(id),
            Err(Some(TaskState::Cancelled)) => {
                output.not_cancelled.insert(id, "already cancelled".into());
            }
            Err(Some(state)) => {
                output.not_cancelled.insert(id, format!("already {state}"));
            }
            Err(None) => {
                output.not_cancelled.insert(id, format!("not in table {table}"));
            }
        }
    }
    output.stats = session.stats(&aws);
    if single && let Some((id, reason)) = output.not_cancelled.iter().find(|(_, r)| *r != "already cancelled") {
        return Err(Error::refused(format!("task {id} is {reason}: nothing to cancel"), "only queued and running tasks can be cancelled"));
    }
    match session.printer.format {
        OutputFormat::Json => session.printer.json(&output)?,
        _ => {
            for id in &output.cancelled {
                session.printer.out(&format!("cancelled {id}"))?;
            }
            for (id, reason) in &output.not_cancelled {
                session.printer.out(&format!("not cancelled {id}: {reason}"))?;
            }
        }
    }
    session.report_stats(&aws);
    Ok(ExitStatus::Success)
}

#[derive(Debug, Serialize)]
struct RedriveRow {
    account: String,
    account_id: String,
    #[serde(flatten)]
    moved: Moved,
}

#[derive(Debug, Serialize)]
struct RedriveOutput {
    accounts: Vec<RedriveRow>,
    moved: u64,
    stats: Stats,
}

pub async fn redrive(session: &Session, args: &WorkerRedriveArgs) -> Result<ExitStatus, Error> {
    session.printer.require("worker redrive", &[OutputFormat::Table, OutputFormat::Json])?;
    let loaded = Loaded::new(session)?;
    let settings = &loaded.workers().settings;
    let accounts: Vec<(String, String)> = match &args.customer {
        Some(customer) => vec![loaded.locate(customer).map_err(|r| r.error("nothing was moved"))?],
        None => loaded.workers().accounts.iter().filter_map(|a| Some((a.name.clone(), a.id.clone()?))).collect(),
    };
    session.require_attended()?;
    let whose = args.customer.as_ref().map_or_else(|| "all".to_string(), |c| format!("customer {c}'s"));
    let question = format!("Move {whose} dead letters back to {} in {} account(s)?", settings.queue, accounts.len());
    session.confirm(&question, "redrive declined")?;
    let aws = session.aws(Some(&loaded.repo)).await?;
    let write = aws.workers(&settings.region, loaded.member_role());
    let now = timestamp();
    let runs = accounts.iter().map(|(name, id)| {
        let (write, now) = (&write, &now);
        async move {
            let (queue, dead) = futures_util::join!(write.queue_url(id, &settings.queue), write.queue_url(id, &settings.dead_letter_queue));
            let missing = || {
                Error::refused(
                    format!("account {name} ({id}) has no queue {} or {}", settings.queue, settings.dead_letter_queue),
                    "run `miyabi-org apply --only workers`",
                )
            };
            let (queue, dead) = (queue?.ok_or_else(missing)?, dead?.ok_or_else(missing)?);
            let moved = dispatch::redrive(write, id, &dead, &queue, &settings.table, args.customer.as_deref(), args.rate, now).await?;
            Ok::<_, Error>(RedriveRow { account: name.clone(), account_id: id.clone(), moved })
        }
    });
    let rows: Vec<RedriveRow> =
        stream::iter(runs).buffered(loaded.in_flight().max(1)).collect::<Vec<_>>().await.into_iter().collect::<Result<_, _>>()?;
    let total = rows.iter().map(|r| r.moved.moved).sum();
    match session.printer.format {
        OutputFormat::Json => session.printer.json(&RedriveOutput { accounts: rows, moved: total, stats: session.stats(&aws) })?,
        _ => {
            for row in rows.iter().filter(|r| r.moved.moved + r.moved.failed > 0) {
                let failed = if row.moved.failed > 0 {
                    format!(", {} not taken back (still dead letters)", row.moved.failed)
                } else {
                    String::new()
                };
                session.printer.out(&format!("{} ({}): moved {}{failed}", row.account, row.account_id, row.moved.moved))?;
            }
            session.printer.out(&format!("Moved {total} dead letter(s) back to {}.", settings.queue))?;
        }
    }
    session.report_stats(&aws);
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repository_named_by_another_customer_is_not_taken_by_a_wildcard() {
        let patterns = BTreeMap::from([
            ("ACME".to_string(), vec!["acme-corp/*".parse().unwrap()]),
            ("Globex".to_string(), vec!["acme-corp/globex-site".parse().unwrap()]),
            ("Initech".to_string(), vec![]),
        ]);
        let issue = |text: &str| text.parse::<Issue>().unwrap();
        assert!(check_repository(&issue("acme-corp/app#1"), "ACME", &patterns).is_ok());
        assert!(check_repository(&issue("Acme-Corp/Globex-Site#1"), "Globex", &patterns).is_ok());
        let refusal = check_repository(&issue("acme-corp/globex-site#1"), "ACME", &patterns).unwrap_err();
        assert_eq!(
            refusal.message,
            "repository acme-corp/globex-site belongs to customer Globex, not ACME (github patterns in tenants.toml)"
        );
        // A customer without patterns may work on what no one claims, and nothing else.
        assert!(check_repository(&issue("initech/app#1"), "Initech", &patterns).is_ok());
        assert!(check_repository(&issue("acme-corp/app#1"), "Initech", &patterns).is_err());
        assert!(check_repository(&issue("initech/app#1"), "ACME", &patterns).is_err());
    }
}
