//! PURE: CUR rows to cost per customer. A silo account's cost goes to its customer; pool cost
//! tagged with a customer of that pool goes to that customer; untagged pool cost is split among
//! the pool's customers; a tag that names no tenant of its pool is reported, never dropped; core
//! accounts form the platform line. Totals always equal the input's.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{By, CostRow, Month, Shared};

/// Where a customer was from a month on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stint {
    pub from: Month,
    pub tier: String,
    pub pool: u32,
}

/// The tenancy as allocation needs it.
#[derive(Debug, Clone, Default)]
pub struct Tenancy {
    /// Each customer's placements, oldest first.
    pub customers: BTreeMap<String, Vec<Stint>>,
    /// Pool accounts: (tier, pool) by account id.
    pub pool_accounts: BTreeMap<String, (String, u32)>,
    /// Tiers of capacity 1.
    pub dedicated_tiers: BTreeSet<String>,
    /// Core accounts, by id, with their names; the management account and accounts the repo does
    /// not know are unallocated.
    pub platform: BTreeMap<String, String>,
    /// Names of all known accounts, by id, for reports by account.
    pub account_names: BTreeMap<String, String>,
}

impl Tenancy {
    /// Where a customer was in a month: the last placement that began in or before it.
    pub fn placement(&self, customer: &str, month: Month) -> Option<(&str, u32)> {
        placement(self.customers.get(customer)?, month)
    }

    fn customers_in(&self, tier: &str, pool: u32, month: Month) -> Vec<&str> {
        self.customers.iter().filter(|(_, stints)| placement(stints, month) == Some((tier, pool))).map(|(c, _)| c.as_str()).collect()
    }
}

fn placement(stints: &[Stint], month: Month) -> Option<(&str, u32)> {
    stints.iter().rev().find(|s| s.from <= month).map(|s| (s.tier.as_str(), s.pool))
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<Month>,
    pub direct: f64,
    pub shared: f64,
    pub total: f64,
}

impl ReportRow {
    fn empty() -> ReportRow {
        ReportRow {
            customer: None,
            account_id: None,
            account: None,
            tier: None,
            pool: None,
            service: None,
            month: None,
            direct: 0.0,
            shared: 0.0,
            total: 0.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unattributed {
    /// Core accounts and the management account.
    Platform,
    /// A customer tag that names no tenant of its pool in that month.
    UnknownTag,
    /// Cost no customer can carry: an account the registry does not know, an empty pool, or
    /// untagged pool cost with `--shared none`.
    Unallocated,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnattributedRow {
    pub kind: Unattributed,
    pub account_id: String,
    /// The tag value for `unknown-tag`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub total: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Allocation {
    pub rows: Vec<ReportRow>,
    pub unattributed: Vec<UnattributedRow>,
    pub total: f64,
    pub cur_total: f64,
    /// Share of pool-account cost that carried no customer tag.
    pub untagged_pool_share: f64,
}

/// One allocated amount: a customer's direct or shared cost, or an unattributed one.
#[derive(Debug, Clone)]
struct Piece<'a> {
    row: &'a CostRow,
    customer: Option<&'a str>,
    unattributed: Option<(Unattributed, Option<&'a str>)>,
    shared: bool,
    amount: f64,
}

fn split<'a>(row: &'a CostRow, customers: &[&'a str], weights: &[f64]) -> Vec<Piece<'a>> {
    let sum: f64 = weights.iter().sum();
    customers
        .iter()
        .zip(weights)
        .filter(|(_, w)| **w > 0.0)
        .map(|(c, w)| Piece { row, customer: Some(c), unattributed: None, shared: true, amount: row.cost * w / sum })
        .collect()
}

/// Splits every row into pieces carried by customers or reported as unattributed.
fn pieces<'a>(rows: &'a [CostRow], tenancy: &'a Tenancy, shared: Shared) -> Vec<Piece<'a>> {
    // Each customer's tagged cost per pool account and month: the weights of a proportional split.
    let mut tagged: BTreeMap<(&str, Month, &str), f64> = BTreeMap::new();
    for row in rows {
        if let (Some(tag), Some((tier, pool))) = (&row.tag, tenancy.pool_accounts.get(&row.account_id))
            && tenancy.placement(tag, row.month) == Some((tier.as_str(), *pool))
        {
            *tagged.entry((row.account_id.as_str(), row.month, tag.as_str())).or_default() += row.cost;
        }
    }
    // The customers of each pool in each month, worked out once: a report has thousands of rows.
    let mut members: BTreeMap<(&str, u32, Month), Vec<&str>> = BTreeMap::new();
    let mut out = Vec::new();
    for row in rows {
        let piece = |customer: Option<&'a str>, unattributed: Option<(Unattributed, Option<&'a str>)>| Piece {
            row,
            customer,
            unattributed,
            shared: false,
            amount: row.cost,
        };
        if tenancy.platform.contains_key(&row.account_id) {
            out.push(piece(None, Some((Unattributed::Platform, None))));
            continue;
        }
        let Some((tier, pool)) = tenancy.pool_accounts.get(&row.account_id) else {
            out.push(piece(None, Some((Unattributed::Unallocated, None))));
            continue;
        };
        let customers = members.entry((tier.as_str(), *pool, row.month)).or_insert_with(|| tenancy.customers_in(tier, *pool, row.month));
        if tenancy.dedicated_tiers.contains(tier) {
            match customers.first() {
                Some(customer) => out.push(piece(Some(customer), None)),
                None => out.push(piece(None, Some((Unattributed::Unallocated, None)))),
            }
            continue;
        }
        match &row.tag {
            Some(tag) if customers.contains(&tag.as_str()) => out.push(piece(Some(tag.as_str()), None)),
            Some(tag) => out.push(piece(None, Some((Unattributed::UnknownTag, Some(tag.as_str()))))),
            None if customers.is_empty() || shared == Shared::None => out.push(piece(None, Some((Unattributed::Unallocated, None)))),
            None => {
                let weights: Vec<f64> = match shared {
                    // A customer whose tagged cost nets out below zero (credits) takes no share: a
                    // negative weight would make the others' shares add up to more than the cost.
                    Shared::Proportional => customers
                        .iter()
                        .map(|c| tagged.get(&(row.account_id.as_str(), row.month, *c)).copied().unwrap_or(0.0).max(0.0))
                        .collect(),
                    _ => vec![1.0; customers.len()],
                };
                // A pool with no tagged cost that month is split evenly.
                let weights = if weights.iter().sum::<f64>() > 0.0 { weights } else { vec![1.0; customers.len()] };
                out.extend(split(row, customers, &weights));
            }
        }
    }
    out
}

/// Allocates the rows and groups them as `by` says.
pub fn allocate(rows: &[CostRow], tenancy: &Tenancy, shared: Shared, by: By) -> Allocation {
    let pieces = pieces(rows, tenancy, shared);
    let mut grouped: BTreeMap<Vec<String>, ReportRow> = BTreeMap::new();
    let mut unattributed: BTreeMap<(Unattributed, String, Option<String>), f64> = BTreeMap::new();
    for piece in &pieces {
        if let Some((kind, value)) = piece.unattributed
            && by == By::Customer
        {
            *unattributed.entry((kind, piece.row.account_id.clone(), value.map(str::to_string))).or_default() += piece.amount;
            continue;
        }
        let row = piece.row;
        let mut key_row = ReportRow::empty();
        match by {
            By::Customer => {
                let customer = piece.customer.expect("attributed pieces have a customer");
                let (tier, pool) =
                    tenancy.customers[customer].last().map(|s| (s.tier.clone(), s.pool)).expect("customers have a placement");
                key_row.customer = Some(customer.to_string());
                key_row.tier = Some(tier);
                key_row.pool = Some(pool);
            }
            By::Account => {
                key_row.account_id = Some(row.account_id.clone());
                key_row.account = tenancy.account_names.get(&row.account_id).cloned();
            }
            By::Pool | By::Tier => {
                let (tier, pool) = match tenancy.pool_accounts.get(&row.account_id) {
                    Some((tier, pool)) => (tier.clone(), Some(*pool)),
                    None if tenancy.platform.contains_key(&row.account_id) => ("platform".to_string(), None),
                    None => ("unknown".to_string(), None),
                };
                key_row.pool = if by == By::Pool { pool } else { None };
                key_row.tier = Some(tier);
            }
            By::Service => key_row.service = Some(row.service.clone().unwrap_or_default()),
            By::Month => key_row.month = Some(row.month),
        }
        let key = vec![
            key_row.customer.clone().unwrap_or_default(),
            key_row.account_id.clone().unwrap_or_default(),
            key_row.tier.clone().unwrap_or_default(),
            key_row.pool.map(|p| format!("{p:010}")).unwrap_or_default(),
            key_row.service.clone().unwrap_or_default(),
            key_row.month.map(|m| m.to_string()).unwrap_or_default(),
        ];
        let entry = grouped.entry(key).or_insert(key_row);
        if piece.shared {
            entry.shared += piece.amount;
        } else {
            entry.direct += piece.amount;
        }
        entry.total += piece.amount;
    }
    let mut rows_out: Vec<ReportRow> = grouped.into_values().collect();
    rows_out.sort_by(|a, b| b.total.total_cmp(&a.total).then_with(|| a.customer.cmp(&b.customer)));
    let unattributed: Vec<UnattributedRow> =
        unattributed.into_iter().map(|((kind, account_id, value), total)| UnattributedRow { kind, account_id, value, total }).collect();
    let total = rows_out.iter().map(|r| r.total).sum::<f64>() + unattributed.iter().map(|u| u.total).sum::<f64>();
    let pool_rows =
        rows.iter().filter(|r| tenancy.pool_accounts.get(&r.account_id).is_some_and(|(tier, _)| !tenancy.dedicated_tiers.contains(tier)));
    let (pool_cost, untagged) =
        pool_rows.fold((0.0, 0.0), |(all, untagged), r| (all + r.cost, untagged + if r.tag.is_none() { r.cost } else { 0.0 }));
    Allocation {
        rows: rows_out,
        unattributed,
        total,
        cur_total: rows.iter().map(|r| r.cost).sum(),
        untagged_pool_share: if pool_cost.abs() > f64::EPSILON { untagged / pool_cost } else { 0.0 },
    }
}

/// One customer's cost in one month, in the tier and pool it was placed in that month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerMonth {
    pub customer: String,
    pub month: Month,
    pub tier: String,
    pub pool: u32,
    pub direct: f64,
    pub shared: f64,
    pub total: f64,
}

/// Cost per customer and month, with what each pool account cost each month: what advice judges.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Monthly {
    /// By customer, then month.
    pub customers: Vec<CustomerMonth>,
    /// Everything a pool account cost in a month (tagged, untagged and unknown tags), by (tier, pool, month).
    pub pools: BTreeMap<(String, u32, Month), f64>,
}

/// Allocates the rows per customer and month.
pub fn monthly(rows: &[CostRow], tenancy: &Tenancy, shared: Shared) -> Monthly {
    let mut customers: BTreeMap<(&str, Month), CustomerMonth> = BTreeMap::new();
    for piece in pieces(rows, tenancy, shared) {
        let Some(customer) = piece.customer else { continue };
        let month = piece.row.month;
        let entry = customers.entry((customer, month)).or_insert_with(|| {
            let (tier, pool) = tenancy.placement(customer, month).expect("attributed pieces have a placement that month");
            CustomerMonth { customer: customer.into(), month, tier: tier.into(), pool, direct: 0.0, shared: 0.0, total: 0.0 }
        });
        if piece.shared {
            entry.shared += piece.amount;
        } else {
            entry.direct += piece.amount;
        }
        entry.total += piece.amount;
    }
    let mut pools = BTreeMap::new();
    for row in rows {
        if let Some((tier, pool)) = tenancy.pool_accounts.get(&row.account_id) {
            *pools.entry((tier.clone(), *pool, row.month)).or_default() += row.cost;
        }
    }
    Monthly { customers: customers.into_values().collect(), pools }
}

/// How many customers each tier had in each month, for unit cost.
pub fn placed(tenancy: &Tenancy, months: &[Month]) -> BTreeMap<(String, Month), usize> {
    let mut out = BTreeMap::new();
    for stints in tenancy.customers.values() {
        for &month in months {
            if let Some((tier, _)) = placement(stints, month) {
                *out.entry((tier.to_string(), month)).or_default() += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: &str) -> Month {
        Month::parse(m).unwrap()
    }

    fn row(m: &str, account: &str, tag: Option<&str>, cost: f64) -> CostRow {
        CostRow { month: month(m), account_id: account.into(), tag: tag.map(Into::into), service: None, cost }
    }

    /// Pool 1 (account 111) holds ACME and Globex; Initech has silo 1 (222); core account 900.
    /// Umbrella moved from pool 1 to silo 2 (333) in October.
    fn tenancy() -> Tenancy {
        let stint = |from: &str, tier: &str, pool: u32| Stint { from: month(from), tier: tier.into(), pool };
        Tenancy {
            customers: BTreeMap::from([
                ("ACME".into(), vec![stint("2026-01", "pool", 1)]),
                ("Globex".into(), vec![stint("2026-01", "pool", 1)]),
                ("Initech".into(), vec![stint("2026-01", "silo", 1)]),
                ("Umbrella".into(), vec![stint("2026-01", "pool", 1), stint("2026-10", "silo", 2)]),
            ]),
            pool_accounts: BTreeMap::from([
                ("111".into(), ("pool".into(), 1)),
                ("222".into(), ("silo".into(), 1)),
                ("333".into(), ("silo".into(), 2)),
            ]),
            dedicated_tiers: BTreeSet::from(["silo".into()]),
            platform: BTreeMap::from([("900".into(), "Miyabi Security".into())]),
            account_names: BTreeMap::new(),
        }
    }

    fn table(allocation: &Allocation) -> String {
        let mut out = String::new();
        for r in &allocation.rows {
            out.push_str(&format!(
                "{} {}/{} direct {:.2} shared {:.2} total {:.2}\n",
                r.customer.as_deref().or(r.tier.as_deref()).or(r.account_id.as_deref()).or(r.service.as_deref()).unwrap_or("-"),
                r.tier.as_deref().unwrap_or("-"),
                r.pool.map_or("-".into(), |p| p.to_string()),
                r.direct,
                r.shared,
                r.total
            ));
        }
        for u in &allocation.unattributed {
            out.push_str(&format!("{:?} {} {} {:.2}\n", u.kind, u.account_id, u.value.as_deref().unwrap_or("-"), u.total));
        }
        out.push_str(&format!(
            "total {:.2} of {:.2}, untagged pool share {:.3}",
            allocation.total, allocation.cur_total, allocation.untagged_pool_share
        ));
        out
    }

    fn october() -> Vec<CostRow> {
        vec![
            row("2026-10", "111", Some("ACME"), 30.0),
            row("2026-10", "111", Some("Globex"), 10.0),
            row("2026-10", "111", None, 20.0),
            row("2026-10", "111", Some("Hooli"), 5.0),
            row("2026-10", "222", None, 7.0),
            row("2026-10", "222", Some("ACME"), 1.0),
            row("2026-10", "900", None, 50.0),
            row("2026-10", "444", None, 2.0),
        ]
    }

    #[test]
    fn proportional() {
        insta::assert_snapshot!(table(&allocate(&october(), &tenancy(), Shared::Proportional, By::Customer)), @r"
        ACME pool/1 direct 30.00 shared 15.00 total 45.00
        Globex pool/1 direct 10.00 shared 5.00 total 15.00
        Initech silo/1 direct 8.00 shared 0.00 total 8.00
        Platform 900 - 50.00
        UnknownTag 111 Hooli 5.00
        Unallocated 444 - 2.00
        total 125.00 of 125.00, untagged pool share 0.308
        ");
    }

    #[test]
    fn even_and_none() {
        insta::assert_snapshot!(table(&allocate(&october(), &tenancy(), Shared::Even, By::Customer)), @r"
        ACME pool/1 direct 30.00 shared 10.00 total 40.00
        Globex pool/1 direct 10.00 shared 10.00 total 20.00
        Initech silo/1 direct 8.00 shared 0.00 total 8.00
        Platform 900 - 50.00
        UnknownTag 111 Hooli 5.00
        Unallocated 444 - 2.00
        total 125.00 of 125.00, untagged pool share 0.308
        ");
        insta::assert_snapshot!(table(&allocate(&october(), &tenancy(), Shared::None, By::Customer)), @r"
        ACME pool/1 direct 30.00 shared 0.00 total 30.00
        Globex pool/1 direct 10.00 shared 0.00 total 10.00
        Initech silo/1 direct 8.00 shared 0.00 total 8.00
        Platform 900 - 50.00
        UnknownTag 111 Hooli 5.00
        Unallocated 111 - 20.00
        Unallocated 444 - 2.00
        total 125.00 of 125.00, untagged pool share 0.308
        ");
    }

    #[test]
    fn a_pool_with_no_tagged_cost_splits_evenly() {
        let rows = vec![row("2026-10", "111", None, 9.0)];
        insta::assert_snapshot!(table(&allocate(&rows, &tenancy(), Shared::Proportional, By::Customer)), @r"
        ACME pool/1 direct 0.00 shared 4.50 total 4.50
        Globex pool/1 direct 0.00 shared 4.50 total 4.50
        total 9.00 of 9.00, untagged pool share 1.000
        ");
    }

    #[test]
    fn a_customer_with_net_negative_tagged_cost_takes_no_share() {
        let rows =
            vec![row("2026-10", "111", Some("ACME"), 6.0), row("2026-10", "111", Some("Globex"), -2.0), row("2026-10", "111", None, 3.0)];
        insta::assert_snapshot!(table(&allocate(&rows, &tenancy(), Shared::Proportional, By::Customer)), @r"
        ACME pool/1 direct 6.00 shared 3.00 total 9.00
        Globex pool/1 direct -2.00 shared 0.00 total -2.00
        total 7.00 of 7.00, untagged pool share 0.429
        ");
    }

    #[test]
    fn a_customer_migrated_mid_period_is_charged_where_it_was_each_month() {
        let rows = vec![
            row("2026-09", "111", Some("Umbrella"), 4.0),
            row("2026-09", "111", None, 6.0),
            row("2026-10", "333", None, 12.0),
            row("2026-10", "111", Some("Umbrella"), 1.0),
        ];
        insta::assert_snapshot!(table(&allocate(&rows, &tenancy(), Shared::Proportional, By::Customer)), @r"
        Umbrella silo/2 direct 16.00 shared 6.00 total 22.00
        UnknownTag 111 Umbrella 1.00
        total 23.00 of 23.00, untagged pool share 0.545
        ");
    }

    #[test]
    fn by_tier_and_by_account() {
        insta::assert_snapshot!(table(&allocate(&october(), &tenancy(), Shared::Proportional, By::Tier)), @r"
        pool pool/- direct 45.00 shared 20.00 total 65.00
        platform platform/- direct 50.00 shared 0.00 total 50.00
        silo silo/- direct 8.00 shared 0.00 total 8.00
        unknown unknown/- direct 2.00 shared 0.00 total 2.00
        total 125.00 of 125.00, untagged pool share 0.308
        ");
    }
}
