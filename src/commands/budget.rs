//! `budget list` and `budget apply`.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Session, Stats};
use crate::cli::OutputFormat;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::{BUDGET_PREFIX, BudgetScope, Desired};
use crate::observe::BudgetFilter;
use crate::output::Table;
use crate::plan::Scope;

#[derive(Debug, Serialize)]
struct BudgetLine {
    name: String,
    /// `account NAME` or `user:TAG$CUSTOMER`.
    scope: String,
    limit_usd: Option<f64>,
    live_limit_usd: Option<f64>,
    alert_percent: Vec<f64>,
    /// in-sync, drift, missing, managed-undeclared or unmanaged.
    state: &'static str,
}

#[derive(Debug, Serialize)]
struct BudgetList {
    budgets: Vec<BudgetLine>,
    stats: Stats,
}

fn scope_text(scope: &BudgetScope) -> String {
    match scope {
        BudgetScope::Account { account } => format!("account {account}"),
        BudgetScope::Customer { tag, customer } => format!("user:{tag}${customer}"),
    }
}

pub async fn list(session: &Session) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("budget list", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo()?;
    let desired = Desired::from_repo(&repo);
    let scope = BTreeSet::from([Scope::Account, Scope::Budget]);
    let observed = session.observe(Some(&repo), &desired, &scope).await?;
    let plan = crate::plan::create_plan(&desired, &observed.snapshot, &scope)?;
    let changed: BTreeSet<&str> = plan
        .changes
        .iter()
        .filter_map(|c| match c {
            crate::plan::Change::UpdateBudget { budget, .. } => Some(budget.name.as_str()),
            _ => None,
        })
        .collect();
    let live = observed.snapshot.budgets.clone().unwrap_or_default();
    let mut lines: Vec<BudgetLine> = desired
        .budgets
        .iter()
        .map(|b| {
            let found = live.iter().find(|l| l.name == b.name);
            let state = match found {
                None => "missing",
                Some(_) if changed.contains(b.name.as_str()) => "drift",
                Some(_) => "in-sync",
            };
            BudgetLine {
                name: b.name.clone(),
                scope: scope_text(&b.scope),
                limit_usd: Some(b.limit_usd),
                live_limit_usd: found.map(|l| l.limit_usd),
                alert_percent: b.alert_percent.clone(),
                state,
            }
        })
        .collect();
    for budget in live.iter().filter(|l| !desired.budgets.iter().any(|b| b.name == l.name)) {
        let scope = match &budget.filter {
            BudgetFilter::LinkedAccount { account_id } => format!("account {account_id}"),
            BudgetFilter::Tag { key, value } => format!("user:{key}${value}"),
            BudgetFilter::Other => String::new(),
        };
        let state = if budget.name.starts_with(BUDGET_PREFIX) { "managed-undeclared" } else { "unmanaged" };
        lines.push(BudgetLine {
            name: budget.name.clone(),
            scope,
            limit_usd: None,
            live_limit_usd: Some(budget.limit_usd),
            alert_percent: budget.alert_percent.clone(),
            state,
        });
    }
    let money = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_default();
    let mut table = Table::new(&["budget", "scope", "declared USD", "live USD", "alerts %", "state"]);
    for l in &lines {
        let alerts: Vec<String> = l.alert_percent.iter().map(|p| p.to_string()).collect();
        table.row(vec![l.name.clone(), l.scope.clone(), money(l.limit_usd), money(l.live_limit_usd), alerts.join(", "), l.state.into()]);
    }
    printer.listing(&table, &BudgetList { budgets: lines, stats: session.stats(&observed.aws) })?;
    session.report_stats(&observed.aws);
    Ok(ExitStatus::Success)
}
