//! `cost report`, `cost sql` and the hidden `cost generate`: cost per customer from the CUR through
//! one of three engines, allocated by the pure `cost::allocate`, as a table (with bars), CSV, JSON,
//! markdown or one HTML page. `cost advise` (in `advise.rs`) reads the CUR the same way.

mod advise;

pub use advise::advise;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::Session;
use crate::aws::{AthenaError, AthenaSettings, AwsContext};
use crate::cli::{CostArgs, CurArgs, OutputFormat, ReportArgs};
use crate::config::Repo;
use crate::cost::allocate::{self, Allocation, Stint, Tenancy, Unattributed};
use crate::cost::chart;
use crate::cost::html::{self, HtmlReport};
use crate::cost::query::{self, Dialect, Partitions};
use crate::cost::unit_cost::{self, Tier, UnitCost};
use crate::cost::{By, CostData, CostRow, Engine, Metric, Month, Period, Schema, Shared, customer_tag};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::output::Table;

/// Everything the report needs, settled from the flags and `[cost]` before any read.
struct Settings {
    engine: Engine,
    schema: Schema,
    metric: Metric,
    shared: Shared,
    period: Period,
    by: By,
    customer_tag: String,
    #[cfg_attr(not(feature = "local-engine"), allow(dead_code))]
    path: Option<PathBuf>,
}

fn month(flag: &str, text: &str) -> Result<Month, Error> {
    Month::parse(text).ok_or_else(|| Error::usage(format!("{flag} {text}: not a month"), "write months as YYYY-MM, such as 2026-10"))
}

/// The last full month, from today's date.
fn last_full_month() -> Month {
    let (year, month, _) = super::today();
    Month { year, month }.previous()
}

/// The months a report covers: `--month`, `--from`/`--to`, else the last full month.
fn report_period(args: &CostArgs) -> Result<Period, Error> {
    Ok(match (&args.month, &args.from, &args.to) {
        (Some(m), _, _) => {
            let m = month("--month", m)?;
            Period { from: m, to: m }
        }
        (None, Some(from), Some(to)) => {
            let (from, to) = (month("--from", from)?, month("--to", to)?);
            if from > to {
                return Err(Error::usage(format!("--from {from} is after --to {to}"), "give the earlier month first"));
            }
            Period { from, to }
        }
        _ => {
            let m = last_full_month();
            Period { from: m, to: m }
        }
    })
}

fn settings(repo: &Repo, args: &CurArgs, period: Period, by: By) -> Result<Settings, Error> {
    let cost = repo.org.cost.as_ref();
    let engine = args.engine.or(cost.map(|c| c.engine)).unwrap_or(Engine::Athena);
    if engine == Engine::CostExplorer && by == By::Service {
        return Err(Error::usage(
            "--by service needs the CUR: Cost Explorer groups by at most two dimensions, here account and customer tag",
            "use --engine athena or --engine local",
        ));
    }
    if engine != Engine::Local && args.path.is_some() {
        return Err(Error::usage("--path is for the local engine", "leave out --path, or pass --engine local"));
    }
    let path = args.path.clone().or_else(|| cost.and_then(|c| c.local.as_ref()).map(|l| repo.root.join(&l.path)));
    if engine == Engine::Local && path.is_none() {
        return Err(Error::usage("the local engine needs the CUR files", "pass --path DIR or set [cost.local] path"));
    }
    Ok(Settings {
        engine,
        schema: args.schema.or(cost.map(|c| c.schema)).unwrap_or(Schema::Cur2),
        metric: args.metric.or(cost.map(|c| c.metric)).unwrap_or(Metric::Amortized),
        shared: args.shared.or(cost.map(|c| c.shared)).unwrap_or(Shared::Proportional),
        period,
        by,
        customer_tag: repo.org.tenancy.as_ref().map_or_else(|| "customer".into(), |t| t.customer_tag.get_ref().clone()),
        path,
    })
}

fn athena_settings(repo: &Repo) -> Result<(String, AthenaSettings<'_>), Error> {
    let athena = repo.org.cost.as_ref().and_then(|c| c.athena.as_ref()).ok_or_else(|| {
        Error::usage(
            "the athena engine needs [cost.athena]",
            "add [cost.athena] database, table and workgroup (see the README's CUR 2.0 setup)",
        )
    })?;
    let settings = AthenaSettings {
        database: &athena.database,
        workgroup: &athena.workgroup,
        output_location: athena.output_location.as_ref().map(|o| o.get_ref().as_str()),
    };
    Ok((format!("\"{}\".\"{}\"", athena.database, athena.table), settings))
}

fn athena_sql(s: &Settings, table: &str) -> String {
    let partitions = match s.schema {
        Schema::Cur2 => Partitions::BillingPeriod,
        Schema::Legacy => Partitions::YearMonth,
    };
    query::sql(&query::Query {
        schema: s.schema,
        metric: s.metric,
        dialect: Dialect::Trino,
        table,
        period: s.period,
        customer_tag: &s.customer_tag,
        by_service: s.by == By::Service,
        partitions,
        columns: None,
    })
}

/// The tenancy as cost allocation sees it, from the repo.
fn tenancy(repo: &Repo) -> Tenancy {
    let start = |date: &str| Month::parse(date.get(..7).unwrap_or("")).unwrap_or(Month { year: 1970, month: 1 });
    let mut tenancy = Tenancy::default();
    for tenant in &repo.tenants.tenant {
        let mut stints: Vec<Stint> =
            tenant.history.iter().map(|p| Stint { from: start(&p.from), tier: p.tier.clone(), pool: p.pool }).collect();
        let since = tenant.since.as_ref().map_or("", |s| s.get_ref().as_str());
        stints.push(Stint { from: start(since), tier: tenant.tier.get_ref().clone(), pool: *tenant.pool.get_ref() });
        tenancy.customers.insert(tenant.customer.get_ref().clone(), stints);
    }
    let accounts = crate::model::accounts::desired_accounts(repo);
    for account in &accounts {
        let Some(id) = &account.id else { continue };
        tenancy.account_names.insert(id.clone(), account.name.clone());
        match &account.declared_as {
            crate::model::AccountRef::Pool { tier, number } => {
                tenancy.pool_accounts.insert(id.clone(), (tier.clone(), *number));
            }
            crate::model::AccountRef::Core { .. } => {
                tenancy.platform.insert(id.clone(), account.name.clone());
            }
        }
    }
    if let Some(t) = &repo.org.tenancy {
        tenancy.dedicated_tiers =
            t.tier.iter().filter(|(_, tier)| *tier.capacity.get_ref() == 1).map(|(n, _)| n.get_ref().clone()).collect();
    }
    tenancy
}

fn athena_error(err: AthenaError, sql: &str) -> Error {
    match err {
        AthenaError::Aws(e) => Error::Aws(e),
        AthenaError::Interrupted { .. } => Error::Interrupted,
        AthenaError::Failed { id, reason } => Error::AthenaFailed { id, reason, sql: sql.into() },
        AthenaError::Cancelled { id } => Error::AthenaCancelled { id },
    }
}

/// Reads the CUR through the engine the settings name.
async fn read(session: &Session, repo: &Repo, s: &Settings) -> Result<(CostData, Option<AwsContext>), Error> {
    match s.engine {
        Engine::Local => {
            #[cfg(feature = "local-engine")]
            {
                let path = s.path.as_deref().expect("settled above");
                let q = crate::cost::local::LocalQuery {
                    path,
                    schema: s.schema,
                    metric: s.metric,
                    period: s.period,
                    customer_tag: &s.customer_tag,
                    by_service: s.by == By::Service,
                };
                let spinner = session.printer.spinner("Reading the CUR files…");
                let data = crate::cost::local::run(&q).await?;
                drop(spinner);
                Ok((data, None))
            }
            #[cfg(not(feature = "local-engine"))]
            Err(Error::usage(
                "this miyabi-org was built without the local engine",
                "rebuild with the default features, or use --engine athena",
            ))
        }
        Engine::Athena => {
            let (table, settings) = athena_settings(repo)?;
            let sql = athena_sql(s, &table);
            let aws = session.aws(Some(repo)).await?;
            let spinner = session.printer.spinner("Athena: starting the query…");
            let result = aws
                .athena()
                .run(&sql, &settings, &|state| session.printer.detail(&format!("Athena: {state}")))
                .await
                .map_err(|e| athena_error(e, &sql))?;
            drop(spinner);
            let rows = query::text_rows(&result.header, &result.rows, s.by == By::Service)
                .map_err(|e| Error::refused(format!("{e}\n\n{sql}"), "run the query above in the Athena console to see what it returns"))?;
            Ok((CostData { rows, scanned_bytes: Some(result.scanned_bytes), requests: None }, Some(aws)))
        }
        Engine::CostExplorer => {
            let aws = session.aws(Some(repo)).await?;
            let metric = match s.metric {
                Metric::Unblended => "UnblendedCost",
                Metric::Amortized => "AmortizedCost",
                Metric::NetAmortized => "NetAmortizedCost",
            };
            let (groups, requests) = aws
                .cost_explorer()
                .cost_and_usage(&s.period.from.first_day(), &s.period.to.next().first_day(), metric, &s.customer_tag)
                .await?;
            let rows = groups
                .into_iter()
                .filter_map(|g| {
                    Some(CostRow {
                        month: Month::parse(g.start.get(..7)?)?,
                        account_id: g.account_id,
                        tag: customer_tag(g.tag.as_deref()),
                        service: None,
                        cost: g.amount,
                    })
                })
                .collect();
            session.printer.detail(&format!("Cost Explorer: {requests} GetCostAndUsage requests (${:.2})", requests as f64 * 0.01));
            Ok((CostData { rows, scanned_bytes: None, requests: Some(requests) }, Some(aws)))
        }
    }
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    from: Month,
    to: Month,
    metric: Metric,
    engine: Engine,
    by: By,
    shared: Shared,
    #[serde(flatten)]
    allocation: &'a Allocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    others: Option<Others>,
    /// By customer: what a customer of each tier cost, month by month, against the tier's target.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_cost: Option<Vec<UnitCost>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scanned_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    requests: Option<u64>,
}

/// The rows `--top` left out, summed.
#[derive(Debug, Clone, Serialize)]
struct Others {
    rows: usize,
    total: f64,
}

fn label(row: &allocate::ReportRow) -> Vec<String> {
    let mut cells = Vec::new();
    if let Some(c) = &row.customer {
        cells.push(c.clone());
    }
    if let Some(id) = &row.account_id {
        cells.push(id.clone());
        cells.push(row.account.clone().unwrap_or_default());
    }
    if row.customer.is_some() || row.account_id.is_none() && row.service.is_none() && row.month.is_none() {
        cells.push(row.tier.clone().unwrap_or_default());
        if row.customer.is_some() || row.pool.is_some() {
            cells.push(row.pool.map(|p| p.to_string()).unwrap_or_default());
        }
    }
    if let Some(s) = &row.service {
        cells.push(s.clone());
    }
    if let Some(m) = row.month {
        cells.push(m.to_string());
    }
    cells
}

fn header(by: By) -> Vec<&'static str> {
    match by {
        By::Customer => vec!["customer", "tier", "pool"],
        By::Account => vec!["account id", "account"],
        By::Pool => vec!["tier", "pool"],
        By::Tier => vec!["tier"],
        By::Service => vec!["service"],
        By::Month => vec!["month"],
    }
}

fn money(v: f64) -> String {
    format!("{v:.2}")
}

fn metric_text(metric: Metric) -> &'static str {
    match metric {
        Metric::Unblended => "unblended",
        Metric::Amortized => "amortized",
        Metric::NetAmortized => "net amortized",
    }
}

fn period_text(p: Period) -> String {
    if p.from == p.to { p.from.to_string() } else { format!("{} to {}", p.from, p.to) }
}

/// The tiers as cost advice and unit cost see them, from `[tenancy.tier]`.
fn tiers(repo: &Repo) -> Vec<Tier> {
    repo.org
        .tenancy
        .iter()
        .flat_map(|t| &t.tier)
        .map(|(name, tier)| Tier {
            name: name.get_ref().clone(),
            capacity: *tier.capacity.get_ref(),
            target_usd: tier.target_usd_per_customer.as_ref().map(|t| *t.get_ref()),
        })
        .collect()
}

/// Unit cost per tier over the period, from the rows the report read.
fn unit_cost(repo: &Repo, rows: &[CostRow], tenancy: &Tenancy, s: &Settings) -> Vec<UnitCost> {
    let months = s.period.months();
    let monthly = allocate::monthly(rows, tenancy, s.shared);
    unit_cost::unit_costs(&monthly.customers, &allocate::placed(tenancy, &months), &tiers(repo), &months)
}

/// Refuses a report whose total is not the CUR's: it would be wrong, however it is drawn.
fn reconciled(allocation: &Allocation) -> Result<(), Error> {
    if (allocation.total - allocation.cur_total).abs() >= 0.005 {
        return Err(Error::refused(
            format!("the report total {:.2} differs from the CUR total {:.2}", allocation.total, allocation.cur_total),
            "this is a defect of miyabi-org: please report it with `cost sql` and the options used",
        ));
    }
    Ok(())
}

pub async fn report(session: &Session, args: &ReportArgs) -> Result<ExitStatus, Error> {
    use OutputFormat::{Csv, Html, Json, Markdown, Table as Text};
    let printer = &session.printer;
    printer.require("cost report", &[Text, Json, Markdown, Csv, Html])?;
    if args.chart && printer.format != Text {
        return Err(Error::usage(
            format!("--chart draws bars on the table output, not on --output {}", crate::output::format_name(printer.format)),
            "leave out --chart, or use --output table (--output html has charts of its own)",
        ));
    }
    if printer.format == Html && args.query.by != By::Customer {
        return Err(Error::usage("the HTML report is by customer, with tiers and unit cost beside", "leave out --by with --output html"));
    }
    let repo = session.repo()?;
    let s = settings(&repo, &args.query.cur, report_period(&args.query)?, args.query.by)?;
    let (data, aws) = read(session, &repo, &s).await?;
    let tenancy = tenancy(&repo);
    let mut allocation = allocate::allocate(&data.rows, &tenancy, s.shared, s.by);
    reconciled(&allocation)?;
    let others = args.top.filter(|n| *n < allocation.rows.len()).map(|n| {
        let rest = allocation.rows.split_off(n);
        Others { rows: rest.len(), total: rest.iter().map(|r| r.total).sum() }
    });
    if s.by == By::Month {
        // Months read in order, on a chart above all.
        allocation.rows.sort_by_key(|r| r.month);
    }
    let report = Report {
        from: s.period.from,
        to: s.period.to,
        metric: s.metric,
        engine: s.engine,
        by: s.by,
        shared: s.shared,
        allocation: &allocation,
        others: others.clone(),
        unit_cost: (s.by == By::Customer).then(|| unit_cost(&repo, &data.rows, &tenancy, &s)),
        scanned_bytes: data.scanned_bytes,
        requests: data.requests,
    };
    let mut columns = header(s.by);
    columns.extend(["direct", "shared", "total"]);
    if args.chart {
        columns.push("");
    }
    let widest = allocation.rows.iter().map(|r| r.total).chain(others.iter().map(|o| o.total)).fold(0.0, f64::max);
    let mut table = Table::new(&columns);
    for row in &allocation.rows {
        let mut cells = label(row);
        cells.extend([money(row.direct), money(row.shared), money(row.total)]);
        if args.chart {
            cells.push(chart::bar(row.total, widest, chart::WIDTH));
        }
        table.row(cells);
    }
    let pad = |cells: &mut Vec<String>| cells.resize(header(s.by).len(), String::new());
    if let Some(o) = &others {
        let mut cells = vec![format!("({} more)", o.rows)];
        pad(&mut cells);
        cells.extend([String::new(), String::new(), money(o.total)]);
        if args.chart {
            cells.push(chart::bar(o.total, widest, chart::WIDTH));
        }
        table.row(cells);
    }
    for u in &allocation.unattributed {
        let kind = match u.kind {
            Unattributed::Platform => "platform",
            Unattributed::UnknownTag => "unknown tag",
            Unattributed::Unallocated => "unallocated",
        };
        let mut cells = vec![format!("({kind}{} in {})", u.value.as_ref().map(|v| format!(" {v}")).unwrap_or_default(), u.account_id)];
        pad(&mut cells);
        cells.extend([String::new(), String::new(), money(u.total)]);
        table.row(cells);
    }
    let mut total = vec!["TOTAL".to_string()];
    pad(&mut total);
    total.extend([String::new(), String::new(), money(allocation.total)]);
    table.row(total);
    match printer.format {
        Json => printer.json(&report)?,
        Csv => printer.out(&table.csv())?,
        Html => printer.out(&html::render(&HtmlReport {
            title: &format!("Cost per customer, {} ({})", period_text(s.period), metric_text(s.metric)),
            allocation: &allocation,
            others: others.as_ref().map(|o| (o.rows, o.total)),
            unit_cost: report.unit_cost.as_deref().unwrap_or_default(),
        }))?,
        Markdown => {
            let mut md =
                format!("### Cost by {:?} for {} ({:?}, {:?})\n\n", s.by, period_text(s.period), s.metric, s.engine).to_lowercase();
            md.push_str(&table.markdown());
            md.push('\n');
            md.push_str(&reconciliation(&allocation, &s));
            printer.out(&md)?;
        }
        _ => printer.out(&format!("{}\n{}", table.render(), reconciliation(&allocation, &s)))?,
    }
    if let Some(bytes) = data.scanned_bytes {
        // $5 per TB scanned, at least 10 MB a query.
        let billed = bytes.max(10 * 1024 * 1024) as f64;
        printer.note(&format!("Athena scanned {:.1} MB (about ${:.4}).", bytes as f64 / 1e6, billed / 1e12 * 5.0));
    }
    if let Some(aws) = &aws {
        session.report_stats(aws);
    }
    Ok(ExitStatus::Success)
}

fn reconciliation(a: &Allocation, s: &Settings) -> String {
    let mut out = format!(
        "Report total {:.2} USD = CUR total {:.2} USD for {} ({}); untagged share of pool cost: {:.1}%.",
        a.total,
        a.cur_total,
        period_text(s.period),
        metric_text(s.metric),
        a.untagged_pool_share * 100.0
    );
    let unknown: BTreeMap<(&str, &str), f64> = a
        .unattributed
        .iter()
        .filter(|u| u.kind == Unattributed::UnknownTag)
        .map(|u| ((u.value.as_deref().unwrap_or(""), u.account_id.as_str()), u.total))
        .collect();
    if !unknown.is_empty() {
        let list: Vec<String> = unknown.iter().map(|((v, a), t)| format!("{v} in {a} ({t:.2})")).collect();
        let _ = write!(out, "\nTag values that name no tenant of their pool: {}.", list.join(", "));
    }
    out
}

pub async fn sql(session: &Session, args: &CostArgs) -> Result<ExitStatus, Error> {
    session.printer.require("cost sql", &[OutputFormat::Table])?;
    let repo = session.repo()?;
    let s = settings(&repo, &args.cur, report_period(args)?, args.by)?;
    let sql = match s.engine {
        Engine::Athena => athena_sql(&s, &athena_settings(&repo)?.0),
        Engine::CostExplorer => return Err(Error::usage("Cost Explorer takes no SQL", "use --engine athena (or local) with cost sql")),
        Engine::Local => {
            #[cfg(feature = "local-engine")]
            {
                let q = crate::cost::local::LocalQuery {
                    path: s.path.as_deref().expect("settled above"),
                    schema: s.schema,
                    metric: s.metric,
                    period: s.period,
                    customer_tag: &s.customer_tag,
                    by_service: s.by == By::Service,
                };
                crate::cost::local::sql(&q).await?
            }
            #[cfg(not(feature = "local-engine"))]
            return Err(Error::usage("this miyabi-org was built without the local engine", "use --engine athena"));
        }
    };
    session.printer.out(&format!("{sql};"))?;
    Ok(ExitStatus::Success)
}

/// `cost generate`: a synthetic CUR for the repo's accounts and customers.
#[cfg(feature = "local-engine")]
pub fn generate(session: &Session, args: &crate::cli::GenerateArgs) -> Result<ExitStatus, Error> {
    use crate::cost::generate::{Accounts, Format, Spec};
    let repo = session.repo()?;
    let period = Period { from: month("--from", &args.from)?, to: month("--to", &args.to)? };
    let t = tenancy(&repo);
    let customers_of = |tier: &str, pool: u32| -> Vec<String> {
        repo.tenants
            .tenant
            .iter()
            .filter(|x| x.tier.get_ref() == tier && *x.pool.get_ref() == pool)
            .map(|x| x.customer.get_ref().clone())
            .collect()
    };
    let mut accounts = Accounts { platform: t.platform.keys().cloned().collect(), ..Accounts::default() };
    for (id, (tier, pool)) in &t.pool_accounts {
        let customers = customers_of(tier, *pool);
        if t.dedicated_tiers.contains(tier) {
            if let Some(c) = customers.first() {
                accounts.silos.push((id.clone(), c.clone()));
            }
        } else {
            accounts.pools.push((id.clone(), customers));
        }
    }
    if accounts.pools.is_empty() && accounts.silos.is_empty() {
        return Err(Error::refused(
            "the repo has no pool or silo account with an id",
            "place customers and apply first, so that tenants.toml records account ids",
        ));
    }
    let mut scale = std::collections::BTreeMap::new();
    for pair in &args.scale {
        let parsed = pair.split_once('=').and_then(|(c, f)| Some((c, f.parse::<f64>().ok().filter(|f| f.is_finite() && *f >= 0.0)?)));
        let Some((customer, factor)) = parsed else {
            return Err(Error::usage(format!("--scale {pair}: not CUSTOMER=FACTOR"), "write --scale ACME=10 (a factor of 0 or more)"));
        };
        if !t.customers.contains_key(customer) {
            return Err(Error::usage(format!("--scale {pair}: there is no customer {customer}"), "name a customer of tenants.toml"));
        }
        scale.insert(customer.to_string(), factor);
    }
    let format = if args.format == crate::cli::GenerateFormat::Csv { Format::Csv } else { Format::Parquet };
    let spec = Spec {
        schema: args.schema,
        format,
        months: period.months(),
        rows_per_month: args.rows_per_month,
        seed: args.seed,
        accounts,
        scale,
    };
    let out = &args.out;
    let summary = crate::cost::generate::generate(&spec, out).map_err(|e| Error::io(out, e))?;
    session.printer.note(&format!(
        "Wrote {} CUR lines ({} columns) in {} files to {}; unblended total {:.2} USD.",
        summary.rows,
        summary.columns,
        summary.files,
        out.display(),
        summary.unblended_total
    ));
    Ok(ExitStatus::Success)
}
