//! The one query builder: CUR 2.0 or legacy columns, Trino (Athena) or DataFusion dialect, and the
//! metric, grouped by month, usage account, customer tag and, when asked, service.

use std::collections::BTreeSet;

use super::{CostRow, Metric, Month, Period, Schema, customer_tag};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Athena.
    Trino,
    DataFusion,
}

/// How the CUR files are partitioned into directories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partitions {
    None,
    /// `BILLING_PERIOD=YYYY-MM` (CUR 2.0).
    BillingPeriod,
    /// `year=YYYY/month=M` (legacy; the month may be unpadded).
    YearMonth,
}

#[derive(Debug, Clone)]
pub struct Query<'a> {
    pub schema: Schema,
    pub metric: Metric,
    pub dialect: Dialect,
    pub table: &'a str,
    pub period: Period,
    pub customer_tag: &'a str,
    pub by_service: bool,
    pub partitions: Partitions,
    /// The columns the data has, when known (the local engine reads the files' schema); optional
    /// columns that are missing are read as NULL or replaced.
    pub columns: Option<&'a BTreeSet<String>>,
}

impl Query<'_> {
    fn has(&self, column: &str) -> bool {
        self.columns.is_none_or(|columns| columns.contains(column))
    }

    /// `net` when the data has it (net_* columns exist only with discounts), else `plain`.
    fn net_or(&self, net: &str, plain: &str) -> String {
        if self.columns.is_some_and(|c| !c.contains(net)) { plain.to_string() } else { format!("COALESCE({net}, {plain})") }
    }

    fn month(&self) -> String {
        let from_dates = match self.dialect {
            Dialect::Trino => "date_format(bill_billing_period_start_date, '%Y-%m')",
            Dialect::DataFusion => "to_char(CAST(bill_billing_period_start_date AS TIMESTAMP), '%Y-%m')",
        };
        match (self.partitions, self.dialect) {
            (Partitions::BillingPeriod, Dialect::Trino) => "billing_period".into(),
            (Partitions::BillingPeriod, Dialect::DataFusion) => "\"BILLING_PERIOD\"".into(),
            (Partitions::YearMonth, _) => "concat(CAST(year AS VARCHAR), '-', lpad(CAST(month AS VARCHAR), 2, '0'))".into(),
            (Partitions::None, _) => from_dates.into(),
        }
    }

    fn tag(&self) -> String {
        let key = format!("user_{}", self.customer_tag.replace([':', '-', ' ', '.', '/'], "_").to_ascii_lowercase());
        let tag = match (self.schema, self.dialect) {
            // Trino's map['k'] fails on a missing key; element_at gives NULL.
            (Schema::Cur2, Dialect::Trino) => format!("element_at(resource_tags, '{key}')"),
            // The local engine's own function (cost/local/tag_value.rs): map['k'] is slow there.
            (Schema::Cur2, Dialect::DataFusion) => format!("tag_value(resource_tags, '{key}')"),
            (Schema::Legacy, _) => {
                let column = format!("resource_tags_{key}");
                if self.has(&column) { column } else { "CAST(NULL AS VARCHAR)".into() }
            }
        };
        // Empty values are grouped apart from NULL and read as untagged by every engine: NULLIF
        // here would cost DataFusion a string comparison per line.
        tag
    }

    fn cost(&self) -> String {
        match self.metric {
            Metric::Unblended => "line_item_unblended_cost".into(),
            Metric::Amortized => amortized(
                "savings_plan_savings_plan_effective_cost",
                "reservation_effective_cost",
                "reservation_unused_amortized_upfront_fee_for_billing_period",
                "reservation_unused_recurring_fee",
                "line_item_unblended_cost",
            ),
            Metric::NetAmortized => amortized(
                &self.net_or("savings_plan_net_savings_plan_effective_cost", "savings_plan_savings_plan_effective_cost"),
                &self.net_or("reservation_net_effective_cost", "reservation_effective_cost"),
                &self.net_or(
                    "reservation_net_unused_amortized_upfront_fee_for_billing_period",
                    "reservation_unused_amortized_upfront_fee_for_billing_period",
                ),
                &self.net_or("reservation_net_unused_recurring_fee", "reservation_unused_recurring_fee"),
                &self.net_or("line_item_net_unblended_cost", "line_item_unblended_cost"),
            ),
        }
    }

    fn period_filter(&self) -> String {
        let (from, to) = (self.period.from, self.period.to);
        let months = format!("{} BETWEEN '{from}' AND '{to}'", self.month());
        match self.partitions {
            // A predicate on the partition columns themselves, so that only those are read.
            Partitions::YearMonth => format!("CAST(year AS VARCHAR) BETWEEN '{}' AND '{}' AND {months}", from.year, to.year),
            _ => months,
        }
    }
}

/// The line item types whose amortized cost is not their unblended cost.
const COMMITMENT_TYPES: &str =
    "'SavingsPlanCoveredUsage', 'SavingsPlanRecurringFee', 'SavingsPlanNegation', 'SavingsPlanUpfrontFee', 'DiscountedUsage', 'RIFee'";

/// The Cloud Intelligence Dashboards' amortized cost of one line. Most lines are plain usage: one
/// IN test settles them, so engines that evaluate CASE branch by branch (DataFusion) compare each
/// of those lines once instead of six times.
fn amortized(sp_effective: &str, ri_effective: &str, ri_unused_upfront: &str, ri_unused_recurring: &str, unblended: &str) -> String {
    format!(
        "CASE WHEN line_item_line_item_type IN ({COMMITMENT_TYPES}) THEN CASE line_item_line_item_type \
WHEN 'SavingsPlanCoveredUsage' THEN {sp_effective} \
WHEN 'SavingsPlanRecurringFee' THEN savings_plan_total_commitment_to_date - savings_plan_used_commitment \
WHEN 'DiscountedUsage' THEN {ri_effective} \
WHEN 'RIFee' THEN {ri_unused_upfront} + {ri_unused_recurring} \
ELSE 0 END \
ELSE {unblended} END"
    )
}

/// The names of the columns `sql` selects: engines read rows by these names, never by position.
pub mod column {
    pub const MONTH: &str = "month";
    pub const ACCOUNT_ID: &str = "account_id";
    pub const TAG: &str = "tag";
    pub const SERVICE: &str = "service";
    pub const COST: &str = "cost";
}

/// The SQL that gives one `CostRow` per group.
pub fn sql(query: &Query) -> String {
    use column::*;
    let service = if query.by_service { format!(",\n  line_item_product_code AS {SERVICE}") } else { String::new() };
    let group = if query.by_service { "1, 2, 3, 4" } else { "1, 2, 3" };
    format!(
        "SELECT\n  {} AS {MONTH},\n  line_item_usage_account_id AS {ACCOUNT_ID},\n  {} AS {TAG}{service},\n  SUM({}) AS {COST}\nFROM {}\nWHERE {}\nGROUP BY {group}\nORDER BY {group}",
        query.month(),
        query.tag(),
        query.cost(),
        query.table,
        query.period_filter(),
    )
}

/// Rows of text cells (as Athena returns them) as `CostRow`s, each cell found by its column's name
/// in `header`. Rows whose month is not a month (none, in practice) are left out.
pub fn text_rows(header: &[String], rows: &[Vec<Option<String>>], by_service: bool) -> Result<Vec<CostRow>, MissingColumn> {
    let at = |name: &'static str| header.iter().position(|h| h.eq_ignore_ascii_case(name)).ok_or(MissingColumn(name));
    let (month, account, tag, cost) = (at(column::MONTH)?, at(column::ACCOUNT_ID)?, at(column::TAG)?, at(column::COST)?);
    let service = if by_service { Some(at(column::SERVICE)?) } else { None };
    Ok(rows
        .iter()
        .filter_map(|row| {
            Some(CostRow {
                month: cell(row, month).and_then(Month::parse)?,
                account_id: cell(row, account).unwrap_or_default().to_string(),
                tag: customer_tag(cell(row, tag)),
                service: service.map(|i| cell(row, i).unwrap_or_default().to_string()),
                cost: cell(row, cost).and_then(|c| c.parse().ok()).unwrap_or(0.0),
            })
        })
        .collect())
}

fn cell(row: &[Option<String>], i: usize) -> Option<&str> {
    row.get(i).and_then(|c| c.as_deref())
}

/// A result without a column the query selects: the query or the table is not the tool's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the query result has no column `{0}`")]
pub struct MissingColumn(pub &'static str);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::Month;

    fn query(schema: Schema, dialect: Dialect, metric: Metric, partitions: Partitions) -> Query<'static> {
        Query {
            schema,
            metric,
            dialect,
            table: "cur",
            period: crate::cost::Period { from: Month::parse("2026-09").unwrap(), to: Month::parse("2026-10").unwrap() },
            customer_tag: "customer",
            by_service: false,
            partitions,
            columns: None,
        }
    }

    #[test]
    fn cur2_for_athena() {
        insta::assert_snapshot!(sql(&query(Schema::Cur2, Dialect::Trino, Metric::Amortized, Partitions::BillingPeriod)), @r"
        SELECT
          billing_period AS month,
          line_item_usage_account_id AS account_id,
          element_at(resource_tags, 'user_customer') AS tag,
          SUM(CASE WHEN line_item_line_item_type IN ('SavingsPlanCoveredUsage', 'SavingsPlanRecurringFee', 'SavingsPlanNegation', 'SavingsPlanUpfrontFee', 'DiscountedUsage', 'RIFee') THEN CASE line_item_line_item_type WHEN 'SavingsPlanCoveredUsage' THEN savings_plan_savings_plan_effective_cost WHEN 'SavingsPlanRecurringFee' THEN savings_plan_total_commitment_to_date - savings_plan_used_commitment WHEN 'DiscountedUsage' THEN reservation_effective_cost WHEN 'RIFee' THEN reservation_unused_amortized_upfront_fee_for_billing_period + reservation_unused_recurring_fee ELSE 0 END ELSE line_item_unblended_cost END) AS cost
        FROM cur
        WHERE billing_period BETWEEN '2026-09' AND '2026-10'
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
        ");
    }

    #[test]
    fn legacy_for_datafusion_without_the_tag_column() {
        let columns = BTreeSet::from(["line_item_unblended_cost".to_string()]);
        let mut q = query(Schema::Legacy, Dialect::DataFusion, Metric::Unblended, Partitions::YearMonth);
        q.columns = Some(&columns);
        q.by_service = true;
        insta::assert_snapshot!(sql(&q), @r"
        SELECT
          concat(CAST(year AS VARCHAR), '-', lpad(CAST(month AS VARCHAR), 2, '0')) AS month,
          line_item_usage_account_id AS account_id,
          CAST(NULL AS VARCHAR) AS tag,
          line_item_product_code AS service,
          SUM(line_item_unblended_cost) AS cost
        FROM cur
        WHERE CAST(year AS VARCHAR) BETWEEN '2026' AND '2026' AND concat(CAST(year AS VARCHAR), '-', lpad(CAST(month AS VARCHAR), 2, '0')) BETWEEN '2026-09' AND '2026-10'
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        ");
    }

    #[test]
    fn net_columns_fall_back_when_absent() {
        let columns = BTreeSet::from(["line_item_net_unblended_cost".to_string()]);
        let mut q = query(Schema::Cur2, Dialect::DataFusion, Metric::NetAmortized, Partitions::None);
        q.columns = Some(&columns);
        let text = sql(&q);
        assert!(text.contains("ELSE COALESCE(line_item_net_unblended_cost, line_item_unblended_cost) END"), "{text}");
        assert!(text.contains("tag_value(resource_tags, 'user_customer') AS tag"), "{text}");
        assert!(text.contains("WHEN 'DiscountedUsage' THEN reservation_effective_cost"), "{text}");
        assert!(
            text.contains("to_char(CAST(bill_billing_period_start_date AS TIMESTAMP), '%Y-%m') BETWEEN '2026-09' AND '2026-10'"),
            "{text}"
        );
    }

    #[test]
    fn text_rows_are_read_by_column_name_in_any_order() {
        let header: Vec<String> = ["cost", "tag", "service", "account_id", "month"].map(String::from).to_vec();
        let cells = |v: [&str; 5]| v.map(|c| (!c.is_empty()).then(|| c.to_string())).to_vec();
        let rows =
            vec![cells(["1.5", "ACME", "AmazonEC2", "111111111111", "2026-10"]), cells(["2", "", "AWSLambda", "222222222222", "2026-10"])];
        let read = text_rows(&header, &rows, true).unwrap();
        assert_eq!(
            read.iter()
                .map(|r| (r.month.to_string(), r.account_id.as_str(), r.tag.as_deref(), r.service.as_deref(), r.cost))
                .collect::<Vec<_>>(),
            [
                ("2026-10".to_string(), "111111111111", Some("ACME"), Some("AmazonEC2"), 1.5),
                ("2026-10".to_string(), "222222222222", None, Some("AWSLambda"), 2.0)
            ]
        );
        assert_eq!(text_rows(&header[..4], &rows, false).unwrap_err(), MissingColumn("month"));
    }
}
