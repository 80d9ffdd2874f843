//! `plan`, `apply` and `drift`: one diff engine and one apply engine behind all three.

use std::io::IsTerminal;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Session, Stats, scope};
use crate::apply::{self, ApplyReport, Status};
use crate::cli::OutputFormat;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::Desired;
use crate::plan::{self, Effect, Plan, Scope};

/// Bumped when the saved plan's shape changes.
const SAVED_PLAN_FORMAT: u32 = 1;

/// `plan --out FILE`: the plan and the fingerprint of the state it was made from.
#[derive(Debug, Serialize, Deserialize)]
struct SavedPlan {
    format: u32,
    #[serde(flatten)]
    plan: Plan,
}

#[derive(Debug, Serialize)]
struct Summary {
    add: usize,
    change: usize,
    remove: usize,
}

/// The JSON of `plan` and `drift`.
#[derive(Debug, Serialize)]
struct PlanOutput<'a> {
    drift: bool,
    #[serde(flatten)]
    plan: &'a Plan,
    summary: Summary,
    stats: Stats,
}

fn summary(plan: &Plan) -> Summary {
    Summary { add: plan.count(Effect::Add), change: plan.count(Effect::Change), remove: plan.count(Effect::Remove) }
}

fn print_plan(session: &Session, plan: &Plan, stats: Stats) -> Result<(), Error> {
    let printer = &session.printer;
    match printer.format {
        OutputFormat::Json => printer.json(&PlanOutput { drift: !plan.is_empty(), plan, summary: summary(plan), stats }),
        OutputFormat::Markdown => printer.out(&plan::render_markdown(plan)),
        _ => printer.out(&printer.paint_plan(&plan::render_text(plan))),
    }
}

pub async fn plan(session: &Session, only: &[Scope], out: Option<&Path>, detailed_exitcode: bool) -> Result<ExitStatus, Error> {
    show_plan(session, "plan", only, out, detailed_exitcode).await
}

/// `drift`: `plan` that always tells changes by its exit status. It holds read access only.
pub async fn drift(session: &Session, only: &[Scope]) -> Result<ExitStatus, Error> {
    show_plan(session, "drift", only, None, true).await
}

async fn show_plan(
    session: &Session,
    command: &str,
    only: &[Scope],
    out: Option<&Path>,
    detailed_exitcode: bool,
) -> Result<ExitStatus, Error> {
    session.printer.require(command, &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Markdown])?;
    let repo = session.repo()?;
    let desired = Desired::from_repo(&repo);
    let observed = session.observe(Some(&repo), &desired).await?;
    let plan = plan::create_plan(&desired, &observed.snapshot, &scope(only))?;
    if let Some(path) = out {
        let saved = SavedPlan { format: SAVED_PLAN_FORMAT, plan: plan.clone() };
        let json = serde_json::to_string_pretty(&saved).expect("plans serialize");
        std::fs::write(path, json + "\n").map_err(|e| Error::io(path, e))?;
        session.printer.note(&format!("Saved the plan to {0}; apply it with `miyabi-org apply {0}`.", path.display()));
    }
    print_plan(session, &plan, session.stats(&observed.aws))?;
    session.report_stats(&observed.aws);
    Ok(if detailed_exitcode && !plan.is_empty() { ExitStatus::Changes } else { ExitStatus::Success })
}

fn read_saved_plan(path: &Path) -> Result<SavedPlan, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let saved: SavedPlan = serde_json::from_str(&text).map_err(|e| {
        Error::refused(
            format!("{} is not a saved plan: {e}", path.display()),
            "make a new one with `miyabi-org plan --out FILE`; saved plans are not meant to be edited",
        )
    })?;
    if saved.format != SAVED_PLAN_FORMAT {
        return Err(Error::refused(
            format!("{} is a saved plan of format {}, this miyabi-org reads format {SAVED_PLAN_FORMAT}", path.display(), saved.format),
            "make a new one with `miyabi-org plan --out FILE`",
        ));
    }
    Ok(saved)
}

#[derive(Debug, Serialize)]
struct ApplyOutput<'a> {
    #[serde(flatten)]
    plan: &'a Plan,
    #[serde(flatten)]
    report: &'a ApplyReport,
    stats: Stats,
}

pub async fn apply(session: &Session, file: Option<&Path>, only: &[Scope]) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("apply", &[OutputFormat::Table, OutputFormat::Json])?;
    let repo = session.repo()?;
    let saved = file.map(read_saved_plan).transpose()?;
    if !session.yes && !std::io::stdin().is_terminal() {
        return Err(Error::refused(
            "refusing to apply without --yes: standard input is not a terminal",
            "review the plan, then run again with --yes",
        ));
    }
    let desired = Desired::from_repo(&repo);
    let observed = session.observe(Some(&repo), &desired).await?;
    let snapshot = &observed.snapshot;
    let plan = match (saved, file) {
        (Some(saved), Some(path)) => {
            if saved.plan.organization_id != snapshot.organization.id {
                return Err(Error::refused(
                    format!(
                        "{} was made for organization {}, but these credentials reach {}",
                        path.display(),
                        saved.plan.organization_id,
                        snapshot.organization.id
                    ),
                    "apply it with credentials for the organization it was made for, or make a new plan",
                ));
            }
            if saved.plan.fingerprint != snapshot.fingerprint() {
                return Err(Error::refused(
                    format!("the organization changed since {} was made", path.display()),
                    "run `miyabi-org plan --out FILE` again, review it, and apply the new file",
                ));
            }
            saved.plan
        }
        _ => plan::create_plan(&desired, snapshot, &scope(only))?,
    };
    if printer.format == OutputFormat::Table {
        printer.out(&printer.paint_plan(&plan::render_text(&plan)))?;
    }
    if plan.is_empty() {
        if printer.format == OutputFormat::Json {
            printer.json(&ApplyOutput {
                plan: &plan,
                report: &ApplyReport { outcomes: Vec::new() },
                stats: session.stats(&observed.aws),
            })?;
        }
        return Ok(ExitStatus::Success);
    }
    if !session.yes {
        let question = format!("Apply these {} changes to organization {}?", plan.changes.len(), plan.organization_id);
        let confirmed = dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(|e| Error::refused(format!("no answer: {e}"), "run again with --yes"))?;
        if !confirmed {
            return Err(Error::refused("apply cancelled; nothing was changed", "run again and answer yes to apply"));
        }
    }

    let progress = printer.progress(plan.changes.len());
    let writer = observed.aws.org_writer();
    let report = apply::apply(&plan, snapshot, &writer, &|outcome| {
        let line = plan::render_change_line(&outcome.change);
        match &outcome.status {
            Status::Done => progress.line(&format!("done    {line}")),
            Status::Failed(err) => progress.line(&format!("FAILED  {line}: {err}")),
            Status::Skipped => {}
        }
    })
    .await;
    progress.finish();
    let stats = session.stats(&observed.aws);
    if printer.format == OutputFormat::Json {
        printer.json(&ApplyOutput { plan: &plan, report: &report, stats })?;
    }
    session.report_stats(&observed.aws);
    let (done, failed) = (report.done(), report.failed());
    if failed == 0 {
        printer.note(&format!("Applied {done} changes."));
        return Ok(ExitStatus::Success);
    }
    let skipped = report.outcomes.len() - done - failed;
    Err(Error::refused(
        format!("apply failed: {done} changes done, {failed} failed, {skipped} not attempted"),
        "fix the cause shown above and run apply again: it plans from the live state and converges",
    ))
}
