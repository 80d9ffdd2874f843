//! `worker scale`, `autoscale`, `drain` and `resume`: the workers' ECS service sized by hand, by
//! the step rule of `[workers.scaling]`, or taken out of service and back. Every check of the repo
//! and the input runs before the first AWS call.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use futures_util::stream::{self, StreamExt};
use serde::Serialize;

use super::{Loaded, selected};
use crate::apply::workers::WorkerWrite;
use crate::aws::Workers;
use crate::cli::{OutputFormat, PoolArgs, WorkerAutoscaleArgs, WorkerDrainArgs, WorkerResumeArgs, WorkerScaleArgs, WorkerSelection};
use crate::commands::{Session, Stats, write_changes};
use crate::config::edit::Edit;
use crate::config::{self, Changes};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::accounts::AccountRef;
use crate::model::workers::{WorkerAccount, runs_workers};
use crate::observe::workers::{QueueDepth, ScalingNames, Service, WorkerRead};
use crate::output::Table;
use crate::scaling::{Decision, Held, Scaling};

impl Loaded {
    /// `[workers.scaling]`, or the system design's rule where the repo declares none.
    fn rule(&self) -> Scaling {
        self.workers().settings.scaling.clone().unwrap_or_default()
    }

    fn scaling_names(&self) -> ScalingNames {
        let settings = &self.workers().settings;
        ScalingNames::of(&settings.queue, &settings.cluster, &settings.service)
    }

    /// The worker account of a pool, existing: or why it cannot be drained or resumed.
    fn pool(&self, pool: &PoolArgs) -> Result<(&WorkerAccount, String), Error> {
        let (tier, number) = (pool.tier.as_str(), pool.pool);
        let declared = self.desired.accounts.iter().find(|a| a.declared_as == AccountRef::Pool { tier: tier.into(), number });
        let Some(declared) = declared else {
            return Err(Error::refused(
                format!("there is no {tier} {number} in tenants.toml"),
                "see `miyabi-org tenant list` for the pools and their numbers",
            ));
        };
        if !runs_workers(&self.repo, &declared.template) {
            return Err(Error::refused(
                format!(
                    "{tier} {number} ({}) is not a worker account: its template `{}` runs no workers",
                    declared.name, declared.template
                ),
                format!(
                    "only accounts whose template has `workers = true` have a queue to drain; see account-templates/{}.toml",
                    declared.template
                ),
            ));
        }
        let account = self.workers().accounts.iter().find(|a| a.name == declared.name).expect("every account that runs workers is listed");
        match &account.id {
            Some(id) => Ok((account, id.clone())),
            None => Err(Error::refused(
                format!("{tier} {number} ({}) does not exist yet (no account id in tenants.toml)", account.name),
                "run `miyabi-org apply` to create it; there is nothing to drain",
            )),
        }
    }
}

/// The service's desired count, or why there is none to set.
fn desired_of(service: &Service) -> Result<u32, &'static str> {
    match service {
        Service::Active { desired, .. } => Ok(*desired),
        Service::NoCluster => Err("no ECS cluster"),
        Service::NoService => Err("no ECS service"),
    }
}

/// An account to scale, with its id.
type Scalable<'a> = (&'a WorkerAccount, String);

/// The accounts of a selection that can be scaled, and a note for each left out.
fn scalable<'a>(loaded: &'a Loaded, selection: &WorkerSelection) -> Result<(Vec<Scalable<'a>>, Vec<String>), Error> {
    let mut notes = Vec::new();
    let mut chosen = Vec::new();
    for account in selected(loaded, selection)? {
        match (&account.id, account.drained) {
            (None, _) => notes.push(format!("{}: no account yet", account.name)),
            (Some(_), true) => notes.push(format!("{}: drained, left at 0 (`worker resume` brings it back)", account.name)),
            (Some(id), false) => chosen.push((account, id.clone())),
        }
    }
    Ok((chosen, notes))
}

#[derive(Debug, Serialize)]
struct ScaleRow {
    account: String,
    account_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    current: Option<u32>,
    desired: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

#[derive(Debug, Serialize)]
struct ScaleOutput {
    accounts: Vec<ScaleRow>,
    applied: bool,
    notes: Vec<String>,
    stats: Stats,
}

fn no_selection() -> Error {
    Error::usage("say which accounts: --pool N, --tier T or --customer C", "see `miyabi-org worker scale --help`")
}

pub async fn scale(session: &Session, args: &WorkerScaleArgs) -> Result<ExitStatus, Error> {
    session.printer.require("worker scale", &[OutputFormat::Table, OutputFormat::Json])?;
    let selection = &args.selection;
    if selection.pool.is_none() && selection.tier.is_none() && selection.customer.is_none() {
        return Err(no_selection());
    }
    let loaded = Loaded::new(session)?;
    let rule = loaded.rule();
    if !args.force && !(rule.min..=rule.max).contains(&args.desired) {
        return Err(Error::refused(
            format!(
                "--desired {} is outside min..max ({}..{}) of [workers.scaling]; nothing was changed",
                args.desired, rule.min, rule.max
            ),
            format!(
                "give a count from {} to {}, or add --force to set it anyway (the scaling alarms bring it back within)",
                rule.min, rule.max
            ),
        ));
    }
    let (accounts, notes) = scalable(&loaded, selection)?;
    if accounts.is_empty() {
        return Err(Error::refused(format!("no account to scale: {}", notes.join("; ")), "see `miyabi-org worker status`"));
    }
    let aws = session.aws(Some(&loaded.repo)).await?;
    let write = aws.workers(&loaded.workers().settings.region, loaded.member_role());
    let settings = &loaded.workers().settings;
    let reads = accounts.iter().map(|(account, id)| {
        let write = &write;
        async move {
            let service = write.service(id, &settings.cluster, &settings.service).await?;
            let (current, problem) = match desired_of(&service) {
                Ok(current) => (Some(current), None),
                Err(problem) => (None, Some(problem.to_string())),
            };
            Ok::<_, Error>(ScaleRow { account: account.name.clone(), account_id: id.clone(), current, desired: args.desired, problem })
        }
    });
    let rows: Vec<ScaleRow> =
        stream::iter(reads).buffered(loaded.in_flight().max(1)).collect::<Vec<_>>().await.into_iter().collect::<Result<_, _>>()?;
    let changing: Vec<&ScaleRow> = rows.iter().filter(|r| r.current.is_some_and(|c| c != r.desired)).collect();
    let mut table = Table::new(&["ACCOUNT", "ID", "DESIRED NOW", "NEW"]);
    for row in &rows {
        let now = row.current.map_or_else(|| row.problem.clone().unwrap_or_default(), |c| c.to_string());
        let new = if row.problem.is_some() { "-".to_string() } else { row.desired.to_string() };
        table.row(vec![row.account.clone(), row.account_id.clone(), now, new]);
    }
    if session.printer.format == OutputFormat::Table {
        session.printer.out(&table.render())?;
        for note in &notes {
            session.printer.note(note);
        }
    }
    let applied = !changing.is_empty();
    if applied {
        session.require_attended()?;
        session.confirm(
            &format!("Set the workers' desired count to {} in {} account(s)?", args.desired, changing.len()),
            "scaling declined",
        )?;
        set_counts(&write, &loaded, changing.iter().map(|r| (r.account_id.as_str(), r.desired))).await?;
    }
    match session.printer.format {
        OutputFormat::Json => session.printer.json(&ScaleOutput { accounts: rows, applied, notes, stats: session.stats(&aws) })?,
        _ if applied => session.printer.out(&format!("Set the desired count of {} account(s) to {}.", changing.len(), args.desired))?,
        _ => session.printer.out("Every account already runs that count: nothing was changed.")?,
    }
    session.report_stats(&aws);
    Ok(ExitStatus::Success)
}

/// UpdateService in each account, accounts in parallel.
async fn set_counts<'a>(write: &Workers, loaded: &Loaded, counts: impl Iterator<Item = (&'a str, u32)>) -> Result<(), Error> {
    let settings = &loaded.workers().settings;
    let writes =
        counts.map(|(id, desired)| async move { write.set_desired_count(id, &settings.cluster, &settings.service, desired).await });
    let results: Vec<_> = stream::iter(writes).buffered(loaded.in_flight().max(1)).collect().await;
    results.into_iter().collect::<Result<Vec<()>, _>>()?;
    Ok(())
}

#[derive(Debug, Serialize)]
struct AutoscaleRow {
    account: String,
    account_id: String,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    decision: Option<Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

#[derive(Debug, Serialize)]
struct AutoscaleOutput {
    rule: Scaling,
    accounts: Vec<AutoscaleRow>,
    applied: bool,
    notes: Vec<String>,
    stats: Stats,
}

fn held(held: Option<Held>, rule: &Scaling) -> String {
    match held {
        None => String::new(),
        Some(Held::InFlight) => "held at the messages in flight".into(),
        Some(Held::Min) => format!("clamped to min {}", rule.min),
        Some(Held::Max) => format!("clamped to max {}", rule.max),
    }
}

pub async fn autoscale(session: &Session, args: &WorkerAutoscaleArgs) -> Result<ExitStatus, Error> {
    session.printer.require("worker autoscale", &[OutputFormat::Table, OutputFormat::Json])?;
    let loaded = Loaded::new(session)?;
    let rule = loaded.rule();
    let (accounts, mut notes) = scalable(&loaded, &args.selection)?;
    if loaded.workers().settings.scaling.is_none() {
        notes.push("[workers.scaling] is not declared: the system design's rule is used (min 1, max 100)".into());
    }
    let aws = session.aws(Some(&loaded.repo)).await?;
    let write = aws.workers(&loaded.workers().settings.region, loaded.member_role());
    let settings = &loaded.workers().settings;
    let reads = accounts.iter().map(|(account, id)| {
        let (write, rule) = (&write, &rule);
        async move {
            let (queue, service) =
                futures_util::join!(write.queue(id, &settings.queue), write.service(id, &settings.cluster, &settings.service));
            let mut row = AutoscaleRow { account: account.name.clone(), account_id: id.clone(), decision: None, problem: None };
            match (queue?, desired_of(&service?)) {
                (None, _) => row.problem = Some(format!("no queue {}: run `miyabi-org apply --only workers`", settings.queue)),
                (_, Err(problem)) => row.problem = Some(problem.to_string()),
                (Some(queue), Ok(current)) => {
                    let QueueDepth { visible, in_flight, .. } = queue.depth();
                    row.decision = Some(rule.decide(visible, in_flight, current));
                }
            }
            Ok::<_, Error>(row)
        }
    });
    let rows: Vec<AutoscaleRow> =
        stream::iter(reads).buffered(loaded.in_flight().max(1)).collect::<Vec<_>>().await.into_iter().collect::<Result<_, _>>()?;
    let changing: Vec<(&str, u32)> =
        rows.iter().filter_map(|r| r.decision.filter(Decision::changes).map(|d| (r.account_id.as_str(), d.desired))).collect();
    if session.printer.format == OutputFormat::Table {
        let mut table = Table::new(&["ACCOUNT", "VISIBLE", "IN FLIGHT", "DESIRED NOW", "NEW", "STEP", "NOTE"]);
        for row in &rows {
            match &row.decision {
                Some(d) => table.row(vec![
                    row.account.clone(),
                    d.visible.to_string(),
                    d.in_flight.to_string(),
                    d.current.to_string(),
                    d.desired.to_string(),
                    d.step.map_or_else(|| "dead band".to_string(), |s| s.to_string()),
                    held(d.held, &rule),
                ]),
                None => table.row(vec![
                    row.account.clone(),
                    "-".into(),
                    "-".into(),
                    "-".into(),
                    "-".into(),
                    "-".into(),
                    row.problem.clone().unwrap_or_default(),
                ]),
            }
        }
        session.printer.out(&table.render())?;
        for note in &notes {
            session.printer.note(note);
        }
    }
    let applied = args.apply && !changing.is_empty();
    if applied {
        session.require_attended()?;
        session.confirm(&format!("Set the desired counts shown in {} account(s)?", changing.len()), "autoscale declined")?;
        set_counts(&write, &loaded, changing.iter().copied()).await?;
    }
    match session.printer.format {
        OutputFormat::Json => {
            session.printer.json(&AutoscaleOutput { rule, accounts: rows, applied, notes, stats: session.stats(&aws) })?
        }
        _ if changing.is_empty() => session.printer.out("The rule keeps every account as it is: nothing to change.")?,
        _ if applied => session.printer.out(&format!("Set the desired count of {} account(s).", changing.len()))?,
        _ => session.printer.out(&format!("{} account(s) would change: run again with --apply to set them.", changing.len()))?,
    }
    session.report_stats(&aws);
    Ok(ExitStatus::Success)
}

/// Writes `drained` of a pool into tenants.toml, if it says otherwise.
fn record_drained(loaded: &Loaded, pool: &PoolArgs, drained: bool) -> Result<(), Error> {
    let repo = &loaded.repo;
    let mut edit = Edit::new(&repo.tenants_source.text);
    edit.set_pool_drained(&pool.tier, pool.pool, drained);
    write_changes(&repo.root, &Changes::from([(PathBuf::from(config::TENANTS_FILE), edit.to_string())]))
}

/// Suspends or resumes the service's scaling, where a scalable target is installed; returns
/// whether there is one.
async fn suspend_scaling(write: &Workers, loaded: &Loaded, id: &str, suspended: bool) -> Result<bool, Error> {
    let names = loaded.scaling_names();
    let installed = write.scaling(id, &names.resource, &names.policies, &names.alarms).await?;
    let Some(mut target) = installed.target else { return Ok(false) };
    if target.suspended != suspended {
        target.suspended = suspended;
        write.register_scalable_target(id, &names.resource, &target).await?;
    }
    Ok(true)
}

#[derive(Debug, Serialize)]
struct DrainOutput {
    account: String,
    account_id: String,
    drained: bool,
    scaling_suspended: bool,
    desired: u32,
    waited_seconds: u64,
    stats: Stats,
}

pub async fn drain(session: &Session, args: &WorkerDrainArgs) -> Result<ExitStatus, Error> {
    session.printer.require("worker drain", &[OutputFormat::Table, OutputFormat::Json])?;
    let loaded = Loaded::new(session)?;
    let (account, id) = loaded.pool(&args.pool)?;
    session.require_attended()?;
    session.confirm(
        &format!(
            "Drain {} ({id}): refuse new tasks, suspend its scaling, wait up to {} s for its queue to empty, then set its workers to 0?",
            account.name,
            args.timeout.as_secs()
        ),
        "drain declined",
    )?;
    // Dispatch is refused from the moment the file says so, before anything else.
    record_drained(&loaded, &args.pool, true)?;
    let aws = session.aws(Some(&loaded.repo)).await?;
    let write = aws.workers(&loaded.workers().settings.region, loaded.member_role());
    let settings = &loaded.workers().settings;
    let suspended = suspend_scaling(&write, &loaded, &id, true).await?;
    let started = Instant::now();
    let spinner = session.printer.spinner(&format!("draining {}: waiting for its queue to empty", account.name));
    let waited = loop {
        let queue = write.queue(&id, &settings.queue).await?;
        let depth = queue.map(|q| q.depth()).unwrap_or_default();
        let left = depth.visible + depth.in_flight + depth.delayed;
        if left == 0 {
            break Ok(started.elapsed());
        }
        if started.elapsed() >= args.timeout {
            break Err(left);
        }
        spinner.set(&format!(
            "draining {}: {} visible, {} in flight, {} delayed ({} s of {} s)",
            account.name,
            depth.visible,
            depth.in_flight,
            depth.delayed,
            started.elapsed().as_secs(),
            args.timeout.as_secs()
        ));
        tokio::time::sleep(
            Duration::from_secs(args.interval).min(args.timeout.saturating_sub(started.elapsed()).max(Duration::from_millis(100))),
        )
        .await;
    };
    drop(spinner);
    let waited = waited.map_err(|left| {
        Error::refused(
            format!(
                "{} still holds {left} message(s) after {} s; it stays drained (no new tasks, scaling suspended)",
                account.name,
                args.timeout.as_secs()
            ),
            format!(
                "run `miyabi-org worker drain --pool {} --tier {}` again to keep waiting, or `worker resume` to take tasks again",
                args.pool.pool, args.pool.tier
            ),
        )
    })?;
    if desired_of(&write.service(&id, &settings.cluster, &settings.service).await?).is_ok() {
        write.set_desired_count(&id, &settings.cluster, &settings.service, 0).await?;
    }
    let output = DrainOutput {
        account: account.name.clone(),
        account_id: id.clone(),
        drained: true,
        scaling_suspended: suspended,
        desired: 0,
        waited_seconds: waited.as_secs(),
        stats: session.stats(&aws),
    };
    match session.printer.format {
        OutputFormat::Json => session.printer.json(&output)?,
        _ => session.printer.out(&format!(
            "{} ({id}) is drained: its queue is empty, its workers are at 0{}, and dispatch to it is refused until `worker resume --pool {}`.",
            account.name,
            if suspended { ", its scaling is suspended" } else { "" },
            args.pool.pool
        ))?,
    }
    session.report_stats(&aws);
    Ok(ExitStatus::Success)
}

#[derive(Debug, Serialize)]
struct ResumeOutput {
    account: String,
    account_id: String,
    scaling_resumed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    desired: Option<u32>,
    stats: Stats,
}

pub async fn resume(session: &Session, args: &WorkerResumeArgs) -> Result<ExitStatus, Error> {
    session.printer.require("worker resume", &[OutputFormat::Table, OutputFormat::Json])?;
    let loaded = Loaded::new(session)?;
    let (account, id) = loaded.pool(&args.pool)?;
    let rule = loaded.rule();
    let aws = session.aws(Some(&loaded.repo)).await?;
    let write = aws.workers(&loaded.workers().settings.region, loaded.member_role());
    let settings = &loaded.workers().settings;
    let names = loaded.scaling_names();
    let (installed, service) = futures_util::join!(
        write.scaling(&id, &names.resource, &names.policies, &names.alarms),
        write.service(&id, &settings.cluster, &settings.service)
    );
    let (installed, service) = (installed?, service?);
    let suspended = installed.target.is_some_and(|t| t.suspended);
    let below_min = desired_of(&service).is_ok_and(|d| d < rule.min);
    if !account.drained && !suspended && !below_min {
        session.printer.out(&format!("{} is not drained: nothing was changed.", account.name))?;
        return Ok(ExitStatus::Success);
    }
    session.require_attended()?;
    session.confirm(
        &format!("Resume {} ({id}): take tasks again, resume its scaling, and run at least {} worker(s)?", account.name, rule.min),
        "resume declined",
    )?;
    // The file last: until AWS is back, a run again sees the pool drained and finishes the job.
    let resumed = suspend_scaling(&write, &loaded, &id, false).await?;
    let desired = if below_min {
        write.set_desired_count(&id, &settings.cluster, &settings.service, rule.min).await?;
        Some(rule.min)
    } else {
        None
    };
    record_drained(&loaded, &args.pool, false)?;
    let output = ResumeOutput {
        account: account.name.clone(),
        account_id: id.clone(),
        scaling_resumed: resumed,
        desired,
        stats: session.stats(&aws),
    };
    match session.printer.format {
        OutputFormat::Json => session.printer.json(&output)?,
        _ => session.printer.out(&format!(
            "{} ({id}) takes tasks again{}{}.",
            account.name,
            if resumed { ", its scaling is resumed" } else { "" },
            desired.map(|d| format!(", desired count {d}")).unwrap_or_default()
        ))?,
    }
    session.report_stats(&aws);
    Ok(ExitStatus::Success)
}
