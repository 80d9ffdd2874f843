//! `cost advise`: cost per customer over the last N full months, joined with the tenant registry,
//! turned into placement advice by the pure `cost::advise`. Read-only: it prints the commands that
//! would carry the advice out and exits 2 when there is any, for a scheduled CI job.

use std::collections::BTreeSet;
use std::fmt::Write;

use serde::Serialize;

use super::{Settings, last_full_month, metric_text, money, month, period_text, read, settings, tenancy, tiers};
use crate::cli::{AdviseArgs, OutputFormat};
use crate::commands::Session;
use crate::cost::advise::{self, Advice, Advised, Evidence, NOISY_SHARE_PERCENT, Pool};
use crate::cost::allocate;
use crate::cost::unit_cost::{self, UnitCost};
use crate::cost::{By, CostData, Engine, Metric, Month, Period, Shared};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::placement::Registry;
use crate::output::Table;

#[derive(Debug, Serialize)]
struct AdviceReport<'a> {
    from: Month,
    to: Month,
    months: Vec<Month>,
    engine: Engine,
    metric: Metric,
    shared: Shared,
    noisy_share_percent: f64,
    advice: &'a [Advice],
    unit_cost: &'a [UnitCost],
    not_judged: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    scanned_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    requests: Option<u64>,
}

/// The window: `months` full months ending with `--to` (default: the last full month).
fn window(args: &AdviseArgs) -> Result<Period, Error> {
    if args.months == 0 {
        return Err(Error::usage("--months 0 leaves nothing to judge by", "give at least 1 month; the default is 3"));
    }
    if args.months > 120 {
        return Err(Error::usage(format!("--months {} is more than ten years", args.months), "give at most 120 months"));
    }
    let to = match &args.to {
        Some(to) => month("--to", to)?,
        None => last_full_month(),
    };
    let from = (1..args.months).fold(to, |m, _| m.previous());
    Ok(Period { from, to })
}

/// The pools as the registry has them now, with their accounts.
fn pools(repo: &crate::config::Repo) -> Vec<Pool> {
    let accounts = crate::model::accounts::desired_accounts(repo);
    let registry = Registry::from_repo(repo);
    registry
        .pools
        .iter()
        .map(|((tier, number), customers)| {
            let account = accounts.iter().find(|a| a.declared_as == crate::model::AccountRef::Pool { tier: tier.clone(), number: *number });
            let entry = repo.tenants.pool.iter().find(|p| p.tier.get_ref() == tier && p.number.get_ref() == number);
            Pool {
                tier: tier.clone(),
                number: *number,
                customers: customers.clone(),
                account: account.map(|a| a.name.clone()).unwrap_or_default(),
                account_id: account.and_then(|a| a.id.clone()),
                drained: entry.is_some_and(|p| p.drained),
            }
        })
        .collect()
}

pub async fn advise(session: &Session, args: &AdviseArgs) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("cost advise", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Markdown])?;
    let period = window(args)?;
    let repo = session.repo()?;
    let s = settings(&repo, &args.cur, period, By::Customer)?;
    let (data, aws) = match read(session, &repo, &s).await {
        // No line in any month of the window: said below, by month, as for a window half covered.
        #[cfg(feature = "local-engine")]
        Err(Error::LocalCost(crate::cost::local::LocalError::NoData { .. })) => (CostData::default(), None),
        other => other?,
    };
    let months = period.months();
    let held: BTreeSet<Month> = data.rows.iter().map(|r| r.month).collect();
    let missing: Vec<String> = months.iter().filter(|m| !held.contains(m)).map(ToString::to_string).collect();
    if !missing.is_empty() {
        return Err(Error::usage(
            format!(
                "the CUR holds no cost for {} of the {} months to judge by ({})",
                missing.join(", "),
                months.len(),
                period_text(period)
            ),
            "ask for fewer months with --months, or end the window at a month the CUR holds with --to YYYY-MM",
        ));
    }
    let tenancy = tenancy(&repo);
    let monthly = allocate::monthly(&data.rows, &tenancy, s.shared);
    let tiers = tiers(&repo);
    let pools = pools(&repo);
    let dedicated: BTreeSet<String> =
        repo.tenants.tenant.iter().filter(|t| t.is_dedicated()).map(|t| t.customer.get_ref().clone()).collect();
    let noisy_share_percent = repo
        .org
        .cost
        .as_ref()
        .and_then(|c| c.advise.as_ref())
        .and_then(|a| a.noisy_share_percent.as_ref())
        .map_or(NOISY_SHARE_PERCENT, |s| *s.get_ref());
    let advised = advise::advise(&advise::Input {
        months: &months,
        monthly: &monthly,
        tenancy: &tenancy,
        tiers: &tiers,
        pools: &pools,
        dedicated: &dedicated,
        noisy_share_percent,
    });
    let unit_cost = unit_cost::unit_costs(&monthly.customers, &allocate::placed(&tenancy, &months), &tiers, &months);
    let report = AdviceReport {
        from: period.from,
        to: period.to,
        months,
        engine: s.engine,
        metric: s.metric,
        shared: s.shared,
        noisy_share_percent,
        advice: &advised.advice,
        unit_cost: &unit_cost,
        not_judged: &advised.not_judged,
        scanned_bytes: data.scanned_bytes,
        requests: data.requests,
    };
    match printer.format {
        OutputFormat::Json => printer.json(&report)?,
        OutputFormat::Markdown => printer.out(&markdown(&report, &s))?,
        _ => printer.out(&text(&report, &s, &advised))?,
    }
    if let Some(aws) = &aws {
        session.report_stats(aws);
    }
    Ok(if advised.advice.is_empty() { ExitStatus::Success } else { ExitStatus::Changes })
}

fn heading(advice: &Advice) -> String {
    match advice {
        Advice::NoisyNeighbour { customer, tier, pool, to, why, .. } => {
            format!("Noisy neighbour: {customer} ({tier} {pool}) {why}; move it to {to}")
        }
        Advice::OversizedSilo { customer, tier, pool, account, to, why, monthly_saving_usd, .. } => {
            let saving = if *monthly_saving_usd >= 0.005 {
                format!(" and saves about {} USD a month", money(*monthly_saving_usd))
            } else {
                String::new()
            };
            format!("Oversized silo: {customer} ({tier} {pool}) {why}; moving it to {to} frees account {account}{saving}")
        }
        Advice::FragmentedPools { tier, capacity, below_half, moves, freed } => {
            let below: Vec<String> = below_half.iter().map(|p| format!("{} {} ({} of {capacity})", tier, p.pool, p.customers)).collect();
            let freed: Vec<String> = freed
                .iter()
                .map(|p| match &p.account_id {
                    Some(id) => format!("{} ({id})", p.account),
                    None => p.account.clone(),
                })
                .collect();
            format!(
                "Fragmented pools: {} below half full; {} move{} leave{} {} with no customer",
                below.join(", "),
                moves.len(),
                if moves.len() == 1 { "" } else { "s" },
                if moves.len() == 1 { "s" } else { "" },
                freed.join(", ")
            )
        }
    }
}

fn evidence_of(advice: &Advice) -> Option<&[Evidence]> {
    match advice {
        Advice::NoisyNeighbour { evidence, .. } | Advice::OversizedSilo { evidence, .. } => Some(evidence),
        Advice::FragmentedPools { .. } => None,
    }
}

/// The evidence as a table: month, total, direct, and the pool's cost and share when pooled.
fn evidence_table(evidence: &[Evidence]) -> Table {
    let pooled = evidence.iter().any(|e| e.pool_cost.is_some());
    let mut header = vec!["month", "total", "direct"];
    if pooled {
        header.extend(["pool cost", "share"]);
    }
    let mut table = Table::new(&header);
    for e in evidence {
        let mut cells = vec![e.month.to_string(), money(e.total), money(e.direct)];
        if pooled {
            cells.push(e.pool_cost.map(money).unwrap_or_default());
            cells.push(e.share_percent.map(|s| format!("{s:.1}%")).unwrap_or_default());
        }
        table.row(cells);
    }
    table
}

/// Unit cost per tier as a table: a column per month, then the target and the trend.
fn unit_cost_table(report: &AdviceReport<'_>) -> Table {
    let months: Vec<String> = report.months.iter().map(ToString::to_string).collect();
    let mut header = vec!["tier"];
    header.extend(months.iter().map(String::as_str));
    header.extend(["target", "trend", "over target"]);
    let mut table = Table::new(&header);
    for u in report.unit_cost {
        let mut cells = vec![u.tier.clone()];
        cells.extend(u.months.iter().map(|m| {
            m.per_customer
                .map_or("-".into(), |p| format!("{} ({} customer{})", money(p), m.customers, if m.customers == 1 { "" } else { "s" }))
        }));
        cells.push(u.target_usd.map_or("-".into(), money));
        cells.push(u.trend_percent.map_or("-".into(), |t| format!("{t:+.1}%")));
        cells.push(if u.target_usd.is_some() { format!("{} of {}", u.months_over_target, u.months.len()) } else { "-".into() });
        table.row(cells);
    }
    table
}

fn summary(report: &AdviceReport<'_>) -> String {
    let mut out = match report.advice.len() {
        0 => "No advice: every customer fits its tier and no pool can be freed.".to_string(),
        1 => "1 recommendation; nothing was moved.".to_string(),
        n => format!("{n} recommendations; nothing was moved."),
    };
    if !report.not_judged.is_empty() {
        let _ = write!(
            out,
            " {} customer{} placed during the window {} not judged.",
            report.not_judged.len(),
            if report.not_judged.len() == 1 { "" } else { "s" },
            if report.not_judged.len() == 1 { "was" } else { "were" }
        );
    }
    out
}

fn title(report: &AdviceReport<'_>, s: &Settings) -> String {
    format!(
        "Placement advice from cost per customer, {} ({}, {} engine)",
        period_text(Period { from: report.from, to: report.to }),
        metric_text(s.metric),
        match s.engine {
            Engine::Athena => "athena",
            Engine::CostExplorer => "cost-explorer",
            Engine::Local => "local",
        }
    )
}

fn text(report: &AdviceReport<'_>, s: &Settings, advised: &Advised) -> String {
    let mut out = format!("{}\n\n", title(report, s));
    for (i, advice) in advised.advice.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, heading(advice));
        if let Some(evidence) = evidence_of(advice) {
            let _ = writeln!(out, "{}", evidence_table(evidence).render());
        }
        for command in advice.commands() {
            let _ = writeln!(out, "   {command}");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "Unit cost per tier (USD per customer and month)\n{}\n", unit_cost_table(report).render());
    out.push_str(&summary(report));
    out
}

/// For a pull request comment or a job summary.
fn markdown(report: &AdviceReport<'_>, s: &Settings) -> String {
    let mut out = format!("### {}\n\n", title(report, s));
    for (i, advice) in report.advice.iter().enumerate() {
        let _ = writeln!(out, "#### {}. {}\n", i + 1, heading(advice));
        if let Some(evidence) = evidence_of(advice) {
            let _ = writeln!(out, "{}", evidence_table(evidence).markdown());
        }
        let _ = writeln!(out, "```sh\n{}\n```\n", advice.commands().join("\n"));
    }
    let _ = writeln!(out, "#### Unit cost per tier (USD per customer and month)\n\n{}", unit_cost_table(report).markdown());
    out.push_str(&summary(report));
    out
}
