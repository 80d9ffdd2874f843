//! Cost per customer from the Cost and Usage Report: one query builder, three engines (Athena,
//! Cost Explorer, DataFusion over local files), and one pure allocation step.

pub mod advise;
pub mod allocate;
pub mod chart;
#[cfg(feature = "local-engine")]
pub mod generate;
pub mod html;
#[cfg(feature = "local-engine")]
pub mod local;
pub mod query;
pub mod unit_cost;

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Engine {
    Athena,
    CostExplorer,
    Local,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Schema {
    /// CUR 2.0 (Data Exports): tags in the map `resource_tags`, `BILLING_PERIOD=YYYY-MM` partitions.
    Cur2,
    /// Legacy CUR: one `resource_tags_user_<tag>` column per tag, `year=YYYY/month=M` partitions.
    Legacy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Metric {
    Unblended,
    /// As the Cloud Intelligence Dashboards summary view amortizes Savings Plans and RIs.
    Amortized,
    NetAmortized,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Shared {
    /// Untagged pool cost split by each customer's tagged cost.
    Proportional,
    /// Split evenly among the pool's customers.
    Even,
    /// Left unallocated, reported as such.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Customer,
    Account,
    Pool,
    Tier,
    Service,
    Month,
}

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        let (year, month) = (year.parse().ok()?, month.parse().ok()?);
        (text.len() == 7 && (1..=12).contains(&month) && (1970..=9999).contains(&year)).then_some(Month { year, month })
    }

    pub fn next(self) -> Month {
        if self.month == 12 { Month { year: self.year + 1, month: 1 } } else { Month { year: self.year, month: self.month + 1 } }
    }

    pub fn previous(self) -> Month {
        if self.month == 1 { Month { year: self.year - 1, month: 12 } } else { Month { year: self.year, month: self.month - 1 } }
    }

    /// The first day, `YYYY-MM-01`.
    pub fn first_day(self) -> String {
        format!("{self}-01")
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        month.to_string()
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(text: String) -> Result<Month, String> {
        Month::parse(&text).ok_or_else(|| format!("`{text}` is not a month (YYYY-MM)"))
    }
}

/// Inclusive range of months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: Month,
    pub to: Month,
}

impl Period {
    pub fn months(&self) -> Vec<Month> {
        let mut months = vec![self.from];
        while *months.last().expect("not empty") < self.to {
            months.push(months.last().expect("not empty").next());
        }
        months
    }
}

/// One group of CUR lines as every engine returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostRow {
    pub month: Month,
    pub account_id: String,
    /// The customer tag; `None` for untagged (NULL or empty) lines.
    pub tag: Option<String>,
    /// The product code, when grouping by service.
    pub service: Option<String>,
    pub cost: f64,
}

/// A tag value as an engine returns it, as a `CostRow` keeps it: NULL and the empty string both mean
/// untagged (CURs have both, and Cost Explorer names untagged groups `customer$`).
pub fn customer_tag(value: Option<&str>) -> Option<String> {
    value.filter(|v| !v.is_empty()).map(str::to_string)
}

/// What an engine read, with what it cost to read it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CostData {
    pub rows: Vec<CostRow>,
    /// Athena: bytes scanned; shown with the query's price.
    pub scanned_bytes: Option<u64>,
    /// Cost Explorer: requests made, $0.01 each.
    pub requests: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        let m = Month::parse("2026-12").unwrap();
        assert_eq!(m.next().to_string(), "2027-01");
        assert_eq!(Month::parse("2026-01").unwrap().previous().to_string(), "2025-12");
        assert!(Month::parse("2026-13").is_none() && Month::parse("2026-1").is_none() && Month::parse("26-10").is_none());
        let p = Period { from: Month::parse("2026-11").unwrap(), to: Month::parse("2027-02").unwrap() };
        assert_eq!(p.months().iter().map(ToString::to_string).collect::<Vec<_>>(), ["2026-11", "2026-12", "2027-01", "2027-02"]);
    }
}
