//! PURE: what a customer of each tier costs a month, against the unit cost the tier is priced for
//! (`[tenancy.tier.T] target_usd_per_customer`). `cost advise` judges by it and the HTML report
//! draws it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Month;
use super::allocate::CustomerMonth;

/// A tier as cost advice sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tier {
    pub name: String,
    /// Customers per account; 1 makes a silo.
    pub capacity: u32,
    /// The unit cost the tier is priced for, USD per customer and month.
    pub target_usd: Option<f64>,
}

/// One tier's cost per customer, month by month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitCost {
    pub tier: String,
    pub target_usd: Option<f64>,
    pub months: Vec<TierMonth>,
    /// Change of the cost per customer from the first month to the last, in percent; `None` when
    /// either has no customer or the first is not above 0.
    pub trend_percent: Option<f64>,
    /// Months whose cost per customer exceeds the target.
    pub months_over_target: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierMonth {
    pub month: Month,
    /// Customers placed in the tier that month (with or without cost).
    pub customers: usize,
    /// Everything allocated to them that month, direct and shared.
    pub cost: f64,
    /// `cost / customers`; `None` without customers.
    pub per_customer: Option<f64>,
}

/// Unit cost per tier over `months`, tiers in the order given. `placed` says how many customers
/// each (tier, month) had, so that a customer without cost still counts.
pub fn unit_costs(costs: &[CustomerMonth], placed: &BTreeMap<(String, Month), usize>, tiers: &[Tier], months: &[Month]) -> Vec<UnitCost> {
    let mut cost: BTreeMap<(&str, Month), f64> = BTreeMap::new();
    for c in costs {
        *cost.entry((c.tier.as_str(), c.month)).or_default() += c.total;
    }
    tiers
        .iter()
        .map(|tier| {
            let months: Vec<TierMonth> = months
                .iter()
                .map(|&month| {
                    let customers = placed.get(&(tier.name.clone(), month)).copied().unwrap_or(0);
                    let cost = cost.get(&(tier.name.as_str(), month)).copied().unwrap_or(0.0);
                    TierMonth { month, customers, cost, per_customer: (customers > 0).then(|| cost / customers as f64) }
                })
                .collect();
            let first = months.first().and_then(|m| m.per_customer);
            let last = months.last().and_then(|m| m.per_customer);
            let trend_percent = match (first, last) {
                (Some(first), Some(last)) if first > 0.0 && months.len() > 1 => Some((last - first) / first * 100.0),
                _ => None,
            };
            let months_over_target =
                tier.target_usd.map_or(0, |target| months.iter().filter(|m| m.per_customer.is_some_and(|p| p > target)).count());
            UnitCost { tier: tier.name.clone(), target_usd: tier.target_usd, months, trend_percent, months_over_target }
        })
        .collect()
}
