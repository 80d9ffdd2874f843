//! A deterministic synthetic CUR (CUR 2.0 or legacy, Parquet or CSV) for tests, the demo and the
//! benchmark: every line item type that the amortized metric treats apart (README, "Metrics");
//! tagged, untagged and wrongly tagged pool cost; silo and platform accounts; several months;
//! about 66 columns.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, Float64Array, MapBuilder, StringArray, StringBuilder, TimestampMillisecondArray};
use datafusion::arrow::datatypes::{DataType, Field, Schema as ArrowSchema, TimeUnit};
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::parquet::basic::Compression;
use datafusion::parquet::file::properties::WriterProperties;

use super::{Month, Schema};

/// Who the lines belong to.
#[derive(Debug, Clone, Default)]
pub struct Accounts {
    /// Shared pool accounts with their customers.
    pub pools: Vec<(String, Vec<String>)>,
    /// Silo accounts with their customer.
    pub silos: Vec<(String, String)>,
    /// Core and management accounts.
    pub platform: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Parquet,
    Csv,
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub schema: Schema,
    pub format: Format,
    pub months: Vec<Month>,
    pub rows_per_month: usize,
    pub seed: u64,
    pub accounts: Accounts,
    /// Customers whose lines cost this many times as much (tests of `cost advise`: a noisy
    /// neighbour, a nearly idle silo).
    pub scale: BTreeMap<String, f64>,
}

/// One line item with the amounts every metric reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub month: Month,
    pub account_id: String,
    /// `None` untagged (written as NULL or as an empty string, alternately).
    pub tag: Option<String>,
    pub kind: &'static str,
    pub product: &'static str,
    pub unblended: f64,
    pub sp_effective: f64,
    pub sp_total_commitment: f64,
    pub sp_used_commitment: f64,
    pub ri_effective: f64,
    pub ri_unused_upfront: f64,
    pub ri_unused_recurring: f64,
}

const KINDS: [(&str, u32); 14] = [
    ("Usage", 700),
    ("SavingsPlanCoveredUsage", 80),
    ("SavingsPlanNegation", 40),
    ("SavingsPlanRecurringFee", 20),
    ("SavingsPlanUpfrontFee", 10),
    ("DiscountedUsage", 50),
    ("RIFee", 20),
    ("Tax", 30),
    ("Fee", 10),
    ("Refund", 10),
    ("Credit", 10),
    ("EdpDiscount", 10),
    ("PrivateRateDiscount", 5),
    ("BundledDiscount", 5),
];

const PRODUCTS: [&str; 8] =
    ["AmazonEC2", "AmazonS3", "AWSLambda", "AmazonRDS", "AmazonDynamoDB", "AmazonECS", "AmazonSQS", "AmazonCloudWatch"];

/// Cents and a bit: amounts keep 6 decimals, as AWS writes them.
fn amount(rng: &mut fastrand::Rng, max: f64) -> f64 {
    (rng.f64() * max * 1e6).round() / 1e6
}

/// The lines of one month, the same for the same seed.
pub fn lines(spec: &Spec, month: Month) -> impl Iterator<Item = Line> + '_ {
    let mut rng = fastrand::Rng::with_seed(spec.seed ^ ((month.year as u64) << 8 | u64::from(month.month)));
    let weight_total: u32 = KINDS.iter().map(|(_, w)| w).sum();
    (0..spec.rows_per_month).map(move |i| {
        let a = &spec.accounts;
        let pick = rng.u32(0..100);
        let mut owner = None;
        let (account_id, tag) = if pick < 60 && !a.pools.is_empty() {
            let (account, customers) = &a.pools[rng.usize(0..a.pools.len())];
            let t = rng.u32(0..100);
            let tag = if t < 70 && !customers.is_empty() {
                Some(customers[rng.usize(0..customers.len())].clone())
            } else if t < 95 {
                None
            } else {
                Some(format!("Unknown-{}", rng.u32(1..4)))
            };
            owner = tag.clone();
            (account.clone(), tag)
        } else if pick < 85 && !a.silos.is_empty() {
            let (account, customer) = &a.silos[rng.usize(0..a.silos.len())];
            owner = Some(customer.clone());
            (account.clone(), rng.bool().then(|| customer.clone()))
        } else if !a.platform.is_empty() {
            (a.platform[rng.usize(0..a.platform.len())].clone(), None)
        } else {
            ("999999999999".into(), None)
        };
        let mut w = rng.u32(0..weight_total);
        let kind = KINDS
            .iter()
            .find(|(_, weight)| {
                if w < *weight {
                    true
                } else {
                    w -= weight;
                    false
                }
            })
            .map_or("Usage", |(k, _)| k);
        let u = amount(&mut rng, 5.0 * owner.and_then(|o| spec.scale.get(&o)).copied().unwrap_or(1.0));
        let mut line = Line {
            month,
            account_id,
            tag,
            kind,
            product: PRODUCTS[i % PRODUCTS.len()],
            unblended: u,
            sp_effective: 0.0,
            sp_total_commitment: 0.0,
            sp_used_commitment: 0.0,
            ri_effective: 0.0,
            ri_unused_upfront: 0.0,
            ri_unused_recurring: 0.0,
        };
        match kind {
            "SavingsPlanCoveredUsage" => line.sp_effective = (u * 0.7 * 1e6).round() / 1e6,
            "SavingsPlanNegation" | "Refund" | "Credit" | "EdpDiscount" | "PrivateRateDiscount" | "BundledDiscount" => line.unblended = -u,
            "SavingsPlanRecurringFee" => {
                line.sp_total_commitment = u;
                line.sp_used_commitment = (u * 0.8 * 1e6).round() / 1e6;
            }
            "DiscountedUsage" => line.ri_effective = (u * 0.6 * 1e6).round() / 1e6,
            "RIFee" => {
                line.ri_unused_upfront = (u * 0.1 * 1e6).round() / 1e6;
                line.ri_unused_recurring = (u * 0.2 * 1e6).round() / 1e6;
            }
            _ => {}
        }
        line
    })
}

/// Net (discounted) amounts: 5% off.
fn net(v: f64) -> f64 {
    (v * 0.95 * 1e6).round() / 1e6
}

fn arrow_schema(schema: Schema, csv: bool) -> Arc<ArrowSchema> {
    let s = |name: &str| Field::new(name, DataType::Utf8, true);
    let f = |name: &str| Field::new(name, DataType::Float64, true);
    let t = |name: &str| {
        if csv { Field::new(name, DataType::Utf8, true) } else { Field::new(name, DataType::Timestamp(TimeUnit::Millisecond, None), true) }
    };
    let mut fields = vec![
        s("identity_line_item_id"),
        s("identity_time_interval"),
        s("bill_invoice_id"),
        s("bill_invoicing_entity"),
        s("bill_billing_entity"),
        s("bill_bill_type"),
        s("bill_payer_account_id"),
        t("bill_billing_period_start_date"),
        t("bill_billing_period_end_date"),
        s("line_item_usage_account_id"),
        s("line_item_line_item_type"),
        t("line_item_usage_start_date"),
        t("line_item_usage_end_date"),
        s("line_item_product_code"),
        s("line_item_usage_type"),
        s("line_item_operation"),
        s("line_item_availability_zone"),
        s("line_item_resource_id"),
        f("line_item_usage_amount"),
        f("line_item_normalization_factor"),
        f("line_item_normalized_usage_amount"),
        s("line_item_currency_code"),
        s("line_item_unblended_rate"),
        f("line_item_unblended_cost"),
        s("line_item_blended_rate"),
        f("line_item_blended_cost"),
        s("line_item_line_item_description"),
        s("line_item_tax_type"),
        s("line_item_legal_entity"),
        f("line_item_net_unblended_cost"),
        s("product_product_name"),
        s("product_product_family"),
        s("product_region"),
        s("product_instance_type"),
        s("product_location"),
        s("product_servicecode"),
        s("product_sku"),
        s("pricing_lease_contract_length"),
        s("pricing_offering_class"),
        s("pricing_purchase_option"),
        f("pricing_public_on_demand_cost"),
        s("pricing_public_on_demand_rate"),
        s("pricing_term"),
        s("pricing_unit"),
        f("reservation_amortized_upfront_cost_for_usage"),
        f("reservation_amortized_upfront_fee_for_billing_period"),
        f("reservation_effective_cost"),
        f("reservation_net_effective_cost"),
        f("reservation_recurring_fee_for_usage"),
        s("reservation_reservation_a_r_n"),
        f("reservation_unused_amortized_upfront_fee_for_billing_period"),
        f("reservation_net_unused_amortized_upfront_fee_for_billing_period"),
        f("reservation_unused_quantity"),
        f("reservation_unused_recurring_fee"),
        f("reservation_net_unused_recurring_fee"),
        f("reservation_upfront_value"),
        f("savings_plan_total_commitment_to_date"),
        s("savings_plan_savings_plan_a_r_n"),
        f("savings_plan_savings_plan_rate"),
        f("savings_plan_used_commitment"),
        f("savings_plan_savings_plan_effective_cost"),
        f("savings_plan_net_savings_plan_effective_cost"),
        f("savings_plan_amortized_upfront_commitment_for_billing_period"),
        f("savings_plan_recurring_commitment_for_billing_period"),
    ];
    match schema {
        Schema::Cur2 => {
            // The field names arrow's MapBuilder gives.
            let entries = Field::new(
                "entries",
                DataType::Struct(vec![Field::new("keys", DataType::Utf8, false), Field::new("values", DataType::Utf8, true)].into()),
                false,
            );
            fields.push(Field::new("resource_tags", DataType::Map(Arc::new(entries), false), true));
        }
        Schema::Legacy => {
            fields.push(s("resource_tags_user_customer"));
            fields.push(s("resource_tags_user_environment"));
        }
    }
    Arc::new(ArrowSchema::new(fields))
}

fn batch(lines: &[Line], spec: &Spec, offset: usize, schema: &Arc<ArrowSchema>) -> RecordBatch {
    let n = lines.len();
    let csv = spec.format == Format::Csv;
    let text = |f: &dyn Fn(&Line) -> String| -> ArrayRef { Arc::new(StringArray::from(lines.iter().map(f).collect::<Vec<_>>())) };
    let constant = |v: &str| -> ArrayRef { Arc::new(StringArray::from(vec![v; n])) };
    let num = |f: &dyn Fn(&Line) -> f64| -> ArrayRef { Arc::new(Float64Array::from(lines.iter().map(f).collect::<Vec<_>>())) };
    let time = |day_of: &dyn Fn(&Line) -> Month| -> ArrayRef {
        if csv {
            Arc::new(StringArray::from(lines.iter().map(|l| format!("{}T00:00:00Z", day_of(l).first_day())).collect::<Vec<_>>()))
        } else {
            Arc::new(TimestampMillisecondArray::from(lines.iter().map(|l| millis(day_of(l))).collect::<Vec<_>>()))
        }
    };
    let mut columns: Vec<ArrayRef> = vec![
        text(&|l| format!("{}-{:09}", l.month, offset)),
        text(&|l| format!("{}T00:00:00Z/{}T00:00:00Z", l.month.first_day(), l.month.next().first_day())),
        constant("INV-0001"),
        constant("AWS"),
        constant("AWS"),
        constant("Anniversary"),
        constant("123456789012"),
        time(&|l| l.month),
        time(&|l| l.month.next()),
        text(&|l| l.account_id.clone()),
        text(&|l| l.kind.to_string()),
        time(&|l| l.month),
        time(&|l| l.month.next()),
        text(&|l| l.product.to_string()),
        text(&|l| format!("USE1-{}", l.product)),
        constant("RunInstances"),
        constant("us-east-1a"),
        text(&|l| format!("arn:aws:{}:us-east-1:{}:resource/{}", l.product.to_lowercase(), l.account_id, offset % 97)),
        num(&|l| l.unblended.abs() * 10.0),
        num(&|_| 1.0),
        num(&|l| l.unblended.abs() * 10.0),
        constant("USD"),
        constant("0.1"),
        num(&|l| l.unblended),
        constant("0.1"),
        num(&|l| l.unblended),
        text(&|l| format!("{} {}", l.kind, l.product)),
        constant(""),
        constant("Amazon Web Services, Inc."),
        num(&|l| net(l.unblended)),
        text(&|l| l.product.to_string()),
        constant("Compute"),
        constant("us-east-1"),
        constant("m7g.large"),
        constant("US East (N. Virginia)"),
        text(&|l| l.product.to_string()),
        constant("SKU123"),
        constant(""),
        constant(""),
        constant(""),
        num(&|l| l.unblended.abs()),
        constant("0.1"),
        constant("OnDemand"),
        constant("Hrs"),
        num(&|_| 0.0),
        num(&|l| l.ri_unused_upfront),
        num(&|l| l.ri_effective),
        num(&|l| net(l.ri_effective)),
        num(&|_| 0.0),
        constant(""),
        num(&|l| l.ri_unused_upfront),
        num(&|l| net(l.ri_unused_upfront)),
        num(&|_| 0.0),
        num(&|l| l.ri_unused_recurring),
        num(&|l| net(l.ri_unused_recurring)),
        num(&|_| 0.0),
        num(&|l| l.sp_total_commitment),
        constant(""),
        num(&|_| 0.0),
        num(&|l| l.sp_used_commitment),
        num(&|l| l.sp_effective),
        num(&|l| net(l.sp_effective)),
        num(&|_| 0.0),
        num(&|l| l.sp_total_commitment),
    ];
    // Untagged lines alternate between NULL and an empty string, as both occur in real CURs.
    let tag_value = |i: usize, l: &Line| -> Option<String> { l.tag.clone().or_else(|| i.is_multiple_of(2).then(String::new)) };
    match spec.schema {
        Schema::Cur2 => {
            let mut map = MapBuilder::new(None, StringBuilder::new(), StringBuilder::new());
            for (i, l) in lines.iter().enumerate() {
                if let Some(v) = tag_value(i, l) {
                    map.keys().append_value("user_customer");
                    map.values().append_value(v);
                }
                map.keys().append_value("user_environment");
                map.values().append_value("production");
                map.append(true).expect("keys and values match");
            }
            columns.push(Arc::new(map.finish()));
        }
        Schema::Legacy => {
            columns.push(Arc::new(StringArray::from(lines.iter().enumerate().map(|(i, l)| tag_value(i, l)).collect::<Vec<_>>())));
            columns.push(constant("production"));
        }
    }
    RecordBatch::try_new(schema.clone(), columns).expect("columns match the schema")
}

fn millis(month: Month) -> i64 {
    // Days from 1970-01-01 to the first of the month (civil-from-days inverse).
    let (y, m) = (i64::from(month.year) - i64::from(month.month <= 2), i64::from(month.month));
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400_000
}

/// The directory of one month, partitioned as AWS exports it.
fn month_dir(out: &Path, schema: Schema, month: Month) -> PathBuf {
    match schema {
        Schema::Cur2 => out.join(format!("BILLING_PERIOD={month}")),
        Schema::Legacy => out.join(format!("year={}", month.year)).join(format!("month={}", month.month)),
    }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Generated {
    pub rows: usize,
    pub files: usize,
    pub columns: usize,
    pub unblended_total: f64,
}

const BATCH: usize = 65_536;
const ROWS_PER_FILE: usize = 1_048_576;

/// Writes the CUR under `out`, one directory per month.
pub fn generate(spec: &Spec, out: &Path) -> std::io::Result<Generated> {
    if spec.schema == Schema::Cur2 && spec.format == Format::Csv {
        return Err(std::io::Error::other("CUR 2.0 keeps resource_tags as a map: generate it as Parquet"));
    }
    let schema = arrow_schema(spec.schema, spec.format == Format::Csv);
    let mut summary = Generated { columns: schema.fields().len(), ..Generated::default() };
    for &month in &spec.months {
        let dir = month_dir(out, spec.schema, month);
        std::fs::create_dir_all(&dir)?;
        let mut lines = lines(spec, month).peekable();
        let mut part = 0;
        while lines.peek().is_some() {
            let ext = if spec.format == Format::Csv { "csv" } else { "parquet" };
            let file = std::fs::File::create(dir.join(format!("part-{part:05}.{ext}")))?;
            part += 1;
            summary.files += 1;
            let mut written = 0;
            let mut parquet = (spec.format == Format::Parquet).then(|| {
                let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
                ArrowWriter::try_new(file.try_clone().expect("a file handle"), schema.clone(), Some(props)).expect("a parquet writer")
            });
            let mut csv = (spec.format == Format::Csv).then(|| datafusion::arrow::csv::WriterBuilder::new().with_header(true).build(file));
            while written < ROWS_PER_FILE {
                let chunk: Vec<Line> = lines.by_ref().take(BATCH).collect();
                if chunk.is_empty() {
                    break;
                }
                summary.unblended_total += chunk.iter().map(|l| l.unblended).sum::<f64>();
                let b = batch(&chunk, spec, summary.rows, &schema);
                summary.rows += chunk.len();
                written += chunk.len();
                if let Some(w) = parquet.as_mut() {
                    w.write(&b).map_err(std::io::Error::other)?;
                }
                if let Some(w) = csv.as_mut() {
                    w.write(&b).map_err(std::io::Error::other)?;
                }
            }
            if let Some(w) = parquet {
                w.close().map_err(std::io::Error::other)?;
            }
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_start_on_the_right_day() {
        assert_eq!(millis(Month { year: 1970, month: 1 }), 0);
        assert_eq!(millis(Month { year: 2026, month: 10 }), 1_790_812_800_000);
    }

    #[test]
    fn the_same_seed_gives_the_same_lines() {
        let spec = Spec {
            schema: Schema::Cur2,
            format: Format::Parquet,
            months: vec![Month { year: 2026, month: 10 }],
            rows_per_month: 100,
            seed: 7,
            accounts: Accounts {
                pools: vec![("111".into(), vec!["ACME".into()])],
                silos: vec![("222".into(), "Initech".into())],
                platform: vec!["900".into()],
            },
            scale: BTreeMap::new(),
        };
        let a: Vec<Line> = lines(&spec, spec.months[0]).collect();
        let b: Vec<Line> = lines(&spec, spec.months[0]).collect();
        assert_eq!(a, b);
        let kinds: std::collections::BTreeSet<&str> =
            lines(&Spec { rows_per_month: 20_000, ..spec.clone() }, spec.months[0]).map(|l| l.kind).collect();
        assert_eq!(kinds.len(), KINDS.len(), "every line item type appears");
    }
}
