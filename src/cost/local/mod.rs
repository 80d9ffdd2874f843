//! The local engine: the query builder's SQL in Apache DataFusion over CUR Parquet or CSV files on
//! disk, hive partitions allowed. DataFusion reads only the columns and partitions the query
//! needs and aggregates as it streams, so memory stays bounded by the number of groups.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use datafusion::arrow::array::{Array, AsArray};
use datafusion::arrow::datatypes::{DataType, Float64Type};
use datafusion::datasource::file_format::csv::CsvFormat;
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::ListingOptions;
use datafusion::prelude::{SessionConfig, SessionContext};
use futures_util::StreamExt;

use super::query::{self, Dialect, Partitions, column};
use super::{CostData, CostRow, Metric, Month, Period, Schema, customer_tag};

mod mapped_files;
mod tag_value;

#[derive(Debug, thiserror::Error)]
pub enum LocalError {
    #[error("no CUR files (.parquet or .csv) under {0}")]
    NoFiles(PathBuf),
    #[error("{path} holds both Parquet and CSV files")]
    MixedFormats { path: PathBuf },
    #[error("the CUR files under {path} have no column {column}")]
    MissingColumn { path: PathBuf, column: String },
    #[error("the CUR files under {path} look like {found}, not {expected}")]
    SchemaMismatch { path: PathBuf, found: &'static str, expected: &'static str },
    #[error("no CUR data for {period} under {path}{held}")]
    NoData { period: String, path: PathBuf, held: String },
    #[error("reading the CUR files under {path}: {message}")]
    Query { path: PathBuf, message: String },
}

impl LocalError {
    pub fn help(&self) -> String {
        match self {
            LocalError::NoFiles(_) => "pass --path DIR (or set [cost.local] path) to the directory the CUR export was downloaded to".into(),
            LocalError::MixedFormats { .. } => "keep one format per directory".into(),
            LocalError::MissingColumn { column, .. } if column.starts_with("resource_tags") => {
                "activate the cost allocation tag in the Billing console; the CUR has it only from then on".into()
            }
            LocalError::MissingColumn { .. } => "export the CUR with resource ids and all columns (CUR 2.0: the default column set)".into(),
            LocalError::SchemaMismatch { found, .. } => {
                format!("pass --schema {} (or set [cost] schema)", if *found == "legacy CUR" { "legacy" } else { "cur2" })
            }
            LocalError::NoData { .. } => "choose a month the files hold with --month or --from/--to".into(),
            LocalError::Query { .. } => "check that the files are a CUR export; `miyabi-org cost sql` shows the query".into(),
        }
    }
}

/// CUR files below a directory: their format and partitioning.
struct Files {
    parquet: bool,
    partitions: Partitions,
}

fn scan(path: &Path) -> Result<Files, LocalError> {
    let (mut parquet, mut csv, mut dirs) = (0, 0, BTreeSet::new());
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                if let Some(name) = p.file_name().and_then(|n| n.to_str())
                    && let Some((key, _)) = name.split_once('=')
                {
                    dirs.insert(key.to_string());
                }
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "parquet") {
                parquet += 1;
            } else if p.extension().is_some_and(|e| e == "csv") {
                csv += 1;
            }
        }
    }
    if parquet == 0 && csv == 0 {
        return Err(LocalError::NoFiles(path.to_path_buf()));
    }
    if parquet > 0 && csv > 0 {
        return Err(LocalError::MixedFormats { path: path.to_path_buf() });
    }
    let partitions = if dirs.contains("BILLING_PERIOD") {
        Partitions::BillingPeriod
    } else if dirs.contains("year") && dirs.contains("month") {
        Partitions::YearMonth
    } else {
        Partitions::None
    };
    Ok(Files { parquet: parquet > 0, partitions })
}

/// The columns a query needs, beyond those the builder can do without.
fn required(schema: Schema, metric: Metric, by_service: bool, partitions: Partitions) -> Vec<&'static str> {
    let mut columns = vec!["line_item_usage_account_id", "line_item_unblended_cost"];
    if partitions == Partitions::None {
        columns.push("bill_billing_period_start_date");
    }
    if schema == Schema::Cur2 {
        columns.push("resource_tags");
    }
    if metric != Metric::Unblended {
        columns.extend([
            "line_item_line_item_type",
            "savings_plan_savings_plan_effective_cost",
            "savings_plan_total_commitment_to_date",
            "savings_plan_used_commitment",
            "reservation_effective_cost",
            "reservation_unused_amortized_upfront_fee_for_billing_period",
            "reservation_unused_recurring_fee",
        ]);
    }
    if by_service {
        columns.push("line_item_product_code");
    }
    columns
}

pub struct LocalQuery<'a> {
    pub path: &'a Path,
    pub schema: Schema,
    pub metric: Metric,
    pub period: Period,
    pub customer_tag: &'a str,
    pub by_service: bool,
}

fn query_error(path: &Path, err: impl std::fmt::Display) -> LocalError {
    LocalError::Query { path: path.to_path_buf(), message: err.to_string() }
}

/// Registers the files as table `cur` and returns the context with the table's columns.
async fn register(path: &Path, files: &Files) -> Result<(SessionContext, BTreeSet<String>), LocalError> {
    // DATAFUSION_* environment variables tune the engine (batch size, partitions) without a rebuild.
    let config = SessionConfig::from_env().map_err(|e| query_error(path, e))?;
    let ctx = SessionContext::new_with_config(config);
    ctx.register_udf(tag_value::udf());
    let files_url = datafusion::execution::object_store::ObjectStoreUrl::local_filesystem();
    ctx.register_object_store(files_url.as_ref(), Arc::new(mapped_files::MappedFiles::default()));
    let partition_cols: Vec<(String, DataType)> = match files.partitions {
        Partitions::BillingPeriod => vec![("BILLING_PERIOD".into(), DataType::Utf8)],
        Partitions::YearMonth => vec![("year".into(), DataType::Utf8), ("month".into(), DataType::Utf8)],
        Partitions::None => Vec::new(),
    };
    let options = if files.parquet {
        ListingOptions::new(Arc::new(ParquetFormat::default())).with_file_extension(".parquet")
    } else {
        ListingOptions::new(Arc::new(CsvFormat::default().with_has_header(true))).with_file_extension(".csv")
    }
    .with_table_partition_cols(partition_cols);
    let url = format!("{}/", path.canonicalize().map_err(|e| query_error(path, e))?.display());
    ctx.register_listing_table("cur", &url, options, None, None).await.map_err(|e| query_error(path, e))?;
    let table = ctx.table("cur").await.map_err(|e| query_error(path, e))?;
    let columns = table.schema().fields().iter().map(|f| f.name().clone()).collect();
    Ok((ctx, columns))
}

/// The SQL the local engine runs for a query over these files.
pub async fn sql(q: &LocalQuery<'_>) -> Result<String, LocalError> {
    let files = scan(q.path)?;
    let (_, columns) = register(q.path, &files).await?;
    Ok(build(q, &files, &columns))
}

fn build(q: &LocalQuery<'_>, files: &Files, columns: &BTreeSet<String>) -> String {
    query::sql(&query::Query {
        schema: q.schema,
        metric: q.metric,
        dialect: Dialect::DataFusion,
        table: "cur",
        period: q.period,
        customer_tag: q.customer_tag,
        by_service: q.by_service,
        partitions: files.partitions,
        columns: Some(columns),
    })
}

pub async fn run(q: &LocalQuery<'_>) -> Result<CostData, LocalError> {
    let path = q.path;
    let files = scan(path)?;
    let (ctx, columns) = register(path, &files).await?;
    let legacy_tags = columns.iter().any(|c| c.starts_with("resource_tags_"));
    match q.schema {
        Schema::Cur2 if !columns.contains("resource_tags") && (legacy_tags || columns.contains("line_item_usage_account_id")) => {
            return Err(LocalError::SchemaMismatch { path: path.into(), found: "legacy CUR", expected: "CUR 2.0" });
        }
        Schema::Legacy if columns.contains("resource_tags") => {
            return Err(LocalError::SchemaMismatch { path: path.into(), found: "CUR 2.0", expected: "legacy CUR" });
        }
        _ => {}
    }
    if let Some(column) = required(q.schema, q.metric, q.by_service, files.partitions).into_iter().find(|c| !columns.contains(*c)) {
        return Err(LocalError::MissingColumn { path: path.into(), column: column.into() });
    }
    let sql = build(q, &files, &columns);
    let frame = ctx.sql(&sql).await.map_err(|e| query_error(path, e))?;
    let mut stream = frame.execute_stream().await.map_err(|e| query_error(path, e))?;
    let mut rows = Vec::new();
    while let Some(batch) = stream.next().await {
        let batch = batch.map_err(|e| query_error(path, e))?;
        let cast = |name: &str, to: &DataType| {
            let column = batch.column_by_name(name).ok_or_else(|| query_error(path, format!("the query gave no column `{name}`")))?;
            datafusion::arrow::compute::cast(column, to).map_err(|e| query_error(path, e))
        };
        let (months, accounts, tags) =
            (cast(column::MONTH, &DataType::Utf8)?, cast(column::ACCOUNT_ID, &DataType::Utf8)?, cast(column::TAG, &DataType::Utf8)?);
        let services = if q.by_service { Some(cast(column::SERVICE, &DataType::Utf8)?) } else { None };
        let cost_column = cast(column::COST, &DataType::Float64)?;
        let costs = cost_column.as_primitive::<Float64Type>();
        let (months, accounts, tags) = (months.as_string::<i32>(), accounts.as_string::<i32>(), tags.as_string::<i32>());
        for i in 0..batch.num_rows() {
            let Some(month) = Month::parse(months.value(i)) else { continue };
            rows.push(CostRow {
                month,
                account_id: accounts.value(i).to_string(),
                tag: customer_tag(tags.is_valid(i).then(|| tags.value(i))),
                service: services.as_ref().map(|s| s.as_string::<i32>().value(i).to_string()),
                cost: if costs.is_null(i) { 0.0 } else { costs.value(i) },
            });
        }
    }
    if rows.is_empty() {
        let held = held_months(&ctx, q, &files, &columns).await;
        return Err(LocalError::NoData { period: period_text(q.period), path: path.into(), held });
    }
    Ok(CostData { rows, ..CostData::default() })
}

fn period_text(period: Period) -> String {
    if period.from == period.to { period.from.to_string() } else { format!("{} to {}", period.from, period.to) }
}

/// " (the files hold 2022-10)": which months there are, to say what to ask for instead.
async fn held_months(ctx: &SessionContext, q: &LocalQuery<'_>, files: &Files, columns: &BTreeSet<String>) -> String {
    let all = LocalQuery { period: Period { from: Month { year: 1970, month: 1 }, to: Month { year: 9999, month: 12 } }, ..*q };
    let sql = format!("SELECT DISTINCT month FROM ({}) ORDER BY month", build(&all, files, columns));
    let Ok(frame) = ctx.sql(&sql).await else { return String::new() };
    let Ok(batches) = frame.collect().await else { return String::new() };
    let months: Vec<String> = batches
        .iter()
        .flat_map(|b| {
            let col = datafusion::arrow::compute::cast(b.column(0), &DataType::Utf8).ok();
            col.map(|c| (0..c.len()).map(|i| c.as_string::<i32>().value(i).to_string()).collect::<Vec<_>>()).unwrap_or_default()
        })
        .collect();
    if months.is_empty() { String::new() } else { format!(" (the files hold {})", months.join(", ")) }
}
