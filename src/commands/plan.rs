//! `plan`, `apply` and `drift`: one diff engine and one apply engine behind all three.

use std::path::Path;

use serde::{Deserialize, Serialize};

use std::collections::BTreeSet;

use super::{Observed, Session, Stats, scope};
use crate::apply::journal::Journal;
use crate::apply::{self, ApplyReport, Status, Writers};
use crate::cli::{OutputFormat, PlanResultArgs};
use crate::config::Repo;
use crate::diagnostic::{Level, Location};
use crate::error::{Error, ErrorReport, SavedPlanError};
use crate::exit::ExitStatus;
use crate::model::{BudgetScope, Desired};
use crate::observe::sso::SsoReadOptions;
use crate::plan::{self, Change, Effect, Plan, Scope, Target, TargetKind};
use crate::policy_kind::PolicyKind;
use crate::validate;

/// Bumped when the saved plan's shape changes.
const SAVED_PLAN_FORMAT: u32 = 1;

/// `plan --out FILE`: the plan and the fingerprint of the state it was made from.
#[derive(Debug, Serialize, Deserialize)]
struct SavedPlan {
    format: u32,
    /// What was read for it, so that the fingerprint is checked over the same reads.
    scope: BTreeSet<Scope>,
    #[serde(default)]
    all_principals: bool,
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

fn print_plan(session: &Session, command: &str, repo: &Repo, desired: &Desired, plan: &Plan, stats: Stats) -> Result<(), Error> {
    let printer = &session.printer;
    match printer.format {
        OutputFormat::Json => printer.json(&PlanOutput { drift: !plan.is_empty(), plan, summary: summary(plan), stats }),
        OutputFormat::Markdown => printer.out(&plan::render_markdown(plan, command)),
        OutputFormat::Github => {
            // Drift means the organization is not what the repo says; a plan is what a change to
            // the repo will do.
            let level = if command == "drift" { Level::Warning } else { Level::Notice };
            let annotations = plan::render_annotations(plan, command, level, &|change| declaration(repo, desired, change));
            printer.annotations(&repo.root, &annotations)
        }
        _ => printer.out(&printer.paint_plan(&text(session, plan))),
    }
}

/// The file and line of the repo that declare what a change is about, where there is one: a
/// deleted policy's file is gone, and enabling a policy type has no line of its own.
fn declaration(repo: &Repo, desired: &Desired, change: &Change) -> Option<Location> {
    let org = &repo.org_source;
    let ou = |path: &str| repo.org.ou.keys().find(|key| key.get_ref() == path).map(|key| validate::at(org, key));
    let account = |name: &str| desired.accounts.iter().find(|a| a.name == name).map(|a| validate::declared_at(repo, &a.declared_as));
    let policy = |kind: PolicyKind, name: &str| repo.policies.iter().find(|p| p.kind == kind && p.name == name).map(|p| p.source.whole());
    let target = |target: &Target| match target.kind {
        TargetKind::Root => repo.org.root.as_ref().map(|_| org.find("[root]")),
        TargetKind::Ou => ou(&target.name),
        TargetKind::Account => account(&target.name),
    };
    match change {
        Change::CreateOu { path } => ou(path),
        // The OU is no longer in miyabi-org.toml: the file is what changed.
        Change::DeleteOu { .. } => Some(org.whole()),
        Change::EnablePolicyType { .. } | Change::DeletePolicy { .. } | Change::DeleteBudget { .. } => None,
        Change::CreatePermissionSet { name, .. }
        | Change::UpdatePermissionSet { name, .. }
        | Change::AttachPermissionSetPolicy { permission_set: name, .. }
        | Change::DetachPermissionSetPolicy { permission_set: name, .. }
        | Change::ProvisionPermissionSet { permission_set: name, .. } => {
            let sets = repo.org.sso.iter().flat_map(|sso| sso.permission_set.keys());
            sets.into_iter().find(|key| key.get_ref() == name).map(|key| validate::at(org, key))
        }
        // The assignment rule of that principal and permission set; a removed one is no longer there.
        Change::CreateAccountAssignment { principal, permission_set, .. }
        | Change::DeleteAccountAssignment { principal, permission_set, .. } => {
            let rules = repo.org.sso.iter().flat_map(|sso| &sso.assignment);
            let mut rules = rules.filter(|rule| rule.permission_set.get_ref() == permission_set);
            let rule = rules.find(|rule| {
                let named = rule.group.as_ref().or(rule.user.as_ref());
                named.is_some_and(|n| n.get_ref() == &principal.name)
            });
            Some(rule.map_or_else(|| org.whole(), |rule| validate::at(org, &rule.permission_set)))
        }
        // Every account that runs workers gets them from `[workers]`.
        Change::CreateQueue { .. } | Change::SetQueueAttributes { .. } | Change::CreateTable { .. } => {
            repo.org.workers.as_ref().map(|w| validate::at(org, &w.queue))
        }
        Change::RegisterScalableTarget { .. } | Change::PutScalingPolicy { .. } => {
            repo.org.workers.as_ref().and_then(|w| w.scaling.as_ref()).map(|s| validate::at(org, s))
        }
        Change::CreatePolicy { policy_type, name, .. }
        | Change::UpdatePolicy { policy_type, name, .. }
        | Change::TagPolicy { policy_type, name, .. } => policy(*policy_type, name),
        Change::AttachPolicy { target: t, .. } | Change::DetachPolicy { target: t, .. } => target(t),
        Change::CreateAccount { account: declared_as, .. } => Some(validate::declared_at(repo, declared_as)),
        Change::MoveAccount { name, .. } | Change::TagAccount { name, .. } => account(name),
        Change::CreateBudget { budget } | Change::UpdateBudget { budget, .. } => match &budget.scope {
            BudgetScope::Account { account: name } => account(name),
            BudgetScope::Customer { customer, .. } => {
                let tenant = repo.tenants.tenant.iter().find(|t| t.customer.get_ref() == customer);
                tenant.map(|t| validate::at(&repo.tenants_source, &t.customer))
            }
        },
    }
}

/// `-v` names every unmanaged resource and every target.
fn text(session: &Session, plan: &Plan) -> String {
    if session.printer.is_verbose() { plan::render_text_in_full(plan) } else { plan::render_text(plan) }
}

pub async fn plan(session: &Session, only: &[Scope], reads: SsoReadOptions, result: &PlanResultArgs) -> Result<ExitStatus, Error> {
    show_plan(session, "plan", only, reads, result.out.as_deref(), result.detailed_exitcode).await
}

/// `drift`: `plan` that always tells changes by its exit status. It holds read access only.
pub async fn drift(session: &Session, only: &[Scope], reads: SsoReadOptions) -> Result<ExitStatus, Error> {
    show_plan(session, "drift", only, reads, None, true).await
}

async fn show_plan(
    session: &Session,
    command: &str,
    only: &[Scope],
    reads: SsoReadOptions,
    out: Option<&Path>,
    detailed_exitcode: bool,
) -> Result<ExitStatus, Error> {
    session.printer.require(command, &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Markdown, OutputFormat::Github])?;
    let repo = match session.repo() {
        Err(Error::Problems(problems)) if session.printer.format == OutputFormat::Github => {
            return Err(super::validate::annotated(session, &format!("miyabi-org {command}"), problems));
        }
        other => other?,
    };
    let desired = Desired::from_repo(&repo);
    let scope = scope(only);
    let observed = session.observe_detail(Some(&repo), &desired, &scope, &account_tags(&scope), &|_| true, reads).await?;
    let plan = plan::create_plan(&desired, &observed.snapshot, &scope)?;
    if let Some(path) = out {
        let saved = SavedPlan { format: SAVED_PLAN_FORMAT, scope, all_principals: reads.all_principals, plan: plan.clone() };
        let json = serde_json::to_string_pretty(&saved).expect("plans serialize");
        std::fs::write(path, json + "\n").map_err(|e| Error::io(path, e))?;
        session.printer.note(&format!("Saved the plan to {0}; apply it with `miyabi-org apply {0}`.", path.display()));
    }
    print_plan(session, command, &repo, &desired, &plan, session.stats(&observed.aws))?;
    session.report_stats(&observed.aws);
    Ok(if detailed_exitcode && !plan.is_empty() { ExitStatus::Changes } else { ExitStatus::Success })
}

/// Accounts' tags decide only what the account scope plans: other scopes do not read them.
fn account_tags(scope: &BTreeSet<Scope>) -> impl Fn(&crate::observe::Account) -> bool + use<> {
    let wanted = scope.contains(&Scope::Account);
    move |_| wanted
}

fn read_saved_plan(path: &Path) -> Result<SavedPlan, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let saved: SavedPlan = serde_json::from_str(&text).map_err(|source| SavedPlanError::Unreadable { path: path.to_path_buf(), source })?;
    if saved.format != SAVED_PLAN_FORMAT {
        return Err(SavedPlanError::Format { path: path.to_path_buf(), found: saved.format, expected: SAVED_PLAN_FORMAT }.into());
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
    /// A partial apply's error, here rather than in a second object on stdout.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorReport>,
}

pub async fn apply(session: &Session, file: Option<&Path>, only: &[Scope], reads: SsoReadOptions) -> Result<ExitStatus, Error> {
    session.printer.require("apply", &[OutputFormat::Table, OutputFormat::Json])?;
    let repo = session.repo()?;
    let saved = file.map(read_saved_plan).transpose()?;
    session.require_attended()?;
    let desired = Desired::from_repo(&repo);
    let (scope, reads) = match &saved {
        Some(saved) => (saved.scope.clone(), SsoReadOptions { all_principals: saved.all_principals }),
        None => (scope(only), reads),
    };
    let observed = session.observe_detail(Some(&repo), &desired, &scope, &account_tags(&scope), &|_| true, reads).await?;
    let snapshot = &observed.snapshot;
    let plan = match (saved, file) {
        (Some(saved), Some(path)) => {
            if saved.plan.organization_id != snapshot.organization.id {
                return Err(SavedPlanError::OtherOrganization {
                    path: path.to_path_buf(),
                    planned: saved.plan.organization_id,
                    reached: snapshot.organization.id.clone(),
                }
                .into());
            }
            if saved.plan.fingerprint != snapshot.fingerprint() {
                return Err(SavedPlanError::Stale { path: path.to_path_buf() }.into());
            }
            saved.plan
        }
        _ => plan::create_plan(&desired, snapshot, &scope)?,
    };
    execute(session, &repo, &desired, &observed, &plan, None, &|| Ok(())).await
}

/// Shows the plan (or `when_empty` instead of an empty one), asks unless `--yes`, runs
/// `before_apply` (an imperative command writes its edits of the repo there), applies, and
/// records the ids of new accounts in the repo.
pub(super) async fn execute(
    session: &Session,
    repo: &Repo,
    desired: &Desired,
    observed: &Observed,
    plan: &Plan,
    when_empty: Option<&str>,
    before_apply: &dyn Fn() -> Result<(), Error>,
) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    if printer.format == OutputFormat::Table {
        match when_empty {
            Some(line) if plan.is_empty() => printer.out(line)?,
            _ => printer.out(&printer.paint_plan(&text(session, plan)))?,
        }
    }
    if plan.is_empty() {
        before_apply()?;
        let recorded = super::record_account_ids(repo, desired, &observed.snapshot, &ApplyReport::default())?;
        if printer.format == OutputFormat::Json {
            printer.json(&ApplyOutput { plan, report: &ApplyReport::default(), stats: session.stats(&observed.aws), error: None })?;
        }
        if recorded > 0 {
            printer.note(&format!("Recorded {recorded} account id{} in the repo.", if recorded == 1 { "" } else { "s" }));
        }
        return Ok(ExitStatus::Success);
    }
    let question = format!("Apply these {} changes to organization {}?", plan.changes.len(), plan.organization_id);
    session.confirm(&question, "apply cancelled")?;
    before_apply()?;

    let progress = printer.progress(plan.changes.len());
    let (org, budgets) = (observed.aws.org_writer(), observed.aws.budget_writer());
    let journal = Journal::in_repo(&repo.root);
    let sso_region = desired.sso.as_ref().map_or_else(|| repo.org.organization.home_region.get_ref().clone(), |sso| sso.region.clone());
    let sso = observed.aws.sso_writer(&sso_region);
    let member_role = repo.org.organization.member_role.get_ref();
    let workers_region = desired.workers.as_ref().map_or(sso_region.as_str(), |w| w.settings.region.as_str());
    let workers = observed.aws.workers(workers_region, member_role);
    let writers = Writers {
        org: &org,
        budgets: &budgets,
        sso: &sso,
        workers: &workers,
        journal: &journal,
        member_role,
        create_account_in_flight: repo.org.limits.create_account_in_flight,
        sso_assignments_in_flight: repo.org.limits.sso_assignments_in_flight,
        polling: apply::Polling::default(),
    };
    let report = apply::apply(plan, &observed.snapshot, &writers, &|outcome| {
        let line = plan::render_change_line(&outcome.change);
        match &outcome.status {
            Status::Done => progress.line(&format!("done    {line}")),
            Status::Failed(err) => progress.line(&format!("FAILED  {line}: {err}")),
            Status::Skipped => {}
        }
    })
    .await;
    progress.finish();
    // Ids are recorded even after a partial failure: the accounts exist.
    let recorded = super::record_account_ids(repo, desired, &observed.snapshot, &report)?;
    let stats = session.stats(&observed.aws);
    let (done, failed) = (report.done(), report.failed());
    let failure = (failed > 0).then(|| Error::PartialApply { done, failed, skipped: report.outcomes.len() - done - failed });
    if printer.format == OutputFormat::Json {
        printer.json(&ApplyOutput { plan, report: &report, stats, error: failure.as_ref().map(Error::report) })?;
    }
    session.report_stats(&observed.aws);
    if recorded > 0 {
        printer.note(&format!("Recorded {recorded} account id{} in the repo.", if recorded == 1 { "" } else { "s" }));
    }
    match failure {
        None => {
            printer.note(&format!("Applied {done} changes."));
            Ok(ExitStatus::Success)
        }
        Some(err) => Err(err),
    }
}
