//! PURE: placement advice from cost per customer and the tenant registry. Three rules, each judged
//! over every month of the window, each with its evidence and the command that carries it out:
//! noisy neighbours out of shared pools, oversized silos down to a shared tier, and fragmented
//! pools merged so that whole accounts hold no customer. Nothing here moves anything.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Month;
use super::allocate::{CustomerMonth, Monthly, Tenancy};
use super::unit_cost::Tier;

/// The default share of its pool's cost above which a customer is a noisy neighbour.
pub const NOISY_SHARE_PERCENT: f64 = 25.0;

/// A pool account as the registry has it now.
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    pub tier: String,
    pub number: u32,
    pub customers: Vec<String>,
    /// The account's name, and its id once created.
    pub account: String,
    pub account_id: Option<String>,
    /// Out of service (`worker drain`): never a destination.
    pub drained: bool,
}

/// Everything the rules read.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// The window, oldest first.
    pub months: &'a [Month],
    pub monthly: &'a Monthly,
    /// Where each customer was, month by month.
    pub tenancy: &'a Tenancy,
    /// Every tier, with its capacity and target.
    pub tiers: &'a [Tier],
    pub pools: &'a [Pool],
    /// Customers contractually in a silo.
    pub dedicated: &'a BTreeSet<String>,
    pub noisy_share_percent: f64,
}

/// One month of a customer's cost, as evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub month: Month,
    pub total: f64,
    pub direct: f64,
    /// What the customer's pool account cost that month, and the customer's direct share of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool_cost: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    pub customer: String,
    pub from_pool: u32,
    pub to_pool: u32,
    pub command: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PoolFill {
    pub pool: u32,
    pub account: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    pub customers: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Advice {
    NoisyNeighbour {
        customer: String,
        tier: String,
        pool: u32,
        to: String,
        why: String,
        evidence: Vec<Evidence>,
        command: String,
    },
    OversizedSilo {
        customer: String,
        tier: String,
        pool: u32,
        /// The silo's account, which then holds no customer.
        account: String,
        to: String,
        why: String,
        /// The silo's average monthly cost less the workload the customer brings along (estimated
        /// as the destination tier's direct cost per customer, at most the silo's cost).
        monthly_saving_usd: f64,
        evidence: Vec<Evidence>,
        command: String,
    },
    FragmentedPools {
        tier: String,
        capacity: u32,
        /// The tier's pools below half full, as they are now.
        below_half: Vec<PoolFill>,
        moves: Vec<Move>,
        /// The pools that would then hold no customer.
        freed: Vec<PoolFill>,
    },
}

impl Advice {
    /// The commands that carry the advice out, in order.
    pub fn commands(&self) -> Vec<&str> {
        match self {
            Advice::NoisyNeighbour { command, .. } | Advice::OversizedSilo { command, .. } => vec![command],
            Advice::FragmentedPools { moves, .. } => moves.iter().map(|m| m.command.as_str()).collect(),
        }
    }
}

/// What the rules found, with the customers they could not judge.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Advised {
    pub advice: Vec<Advice>,
    /// Customers placed where they are for only part of the window: judged once they have been
    /// there every month of it.
    pub not_judged: Vec<String>,
}

fn migrate(customer: &str, tier: &str, pool: Option<u32>) -> String {
    match pool {
        Some(pool) => format!("miyabi-org tenant migrate {customer} --to {tier} --pool {pool}"),
        None => format!("miyabi-org tenant migrate {customer} --to {tier}"),
    }
}

/// Tiers from the most shared to the most dedicated.
fn ordered(tiers: &[Tier]) -> Vec<&Tier> {
    let mut tiers: Vec<&Tier> = tiers.iter().collect();
    tiers.sort_by(|a, b| b.capacity.cmp(&a.capacity).then_with(|| a.name.cmp(&b.name)));
    tiers
}

/// Counts the rules need for every customer, worked out once: a report has thousands of customers.
struct Counts<'a> {
    /// Customers per pool and month.
    members: BTreeMap<(&'a str, u32, Month), usize>,
    /// Per tier over the window: direct cost, and customer-months.
    direct: BTreeMap<&'a str, (f64, usize)>,
}

impl<'a> Counts<'a> {
    fn new(input: &Input<'a>) -> Counts<'a> {
        let mut counts = Counts { members: BTreeMap::new(), direct: BTreeMap::new() };
        for customer in input.tenancy.customers.keys() {
            for &month in input.months {
                if let Some((tier, pool)) = input.tenancy.placement(customer, month) {
                    *counts.members.entry((tier, pool, month)).or_default() += 1;
                    counts.direct.entry(tier).or_default().1 += 1;
                }
            }
        }
        for c in input.monthly.customers.iter().filter(|c| input.months.contains(&c.month)) {
            if let Some(entry) = counts.direct.get_mut(c.tier.as_str()) {
                entry.0 += c.direct;
            }
        }
        counts
    }
}

pub fn advise(input: &Input<'_>) -> Advised {
    let tiers = ordered(input.tiers);
    let counts = Counts::new(input);
    let mut costs: BTreeMap<(&str, Month), &CustomerMonth> = BTreeMap::new();
    for c in &input.monthly.customers {
        costs.insert((c.customer.as_str(), c.month), c);
    }
    let mut advised = Advised::default();
    for (customer, stints) in &input.tenancy.customers {
        let Some(now) = stints.last() else { continue };
        let Some(tier) = tiers.iter().position(|t| t.name == now.tier) else { continue };
        // Judged only on months spent in the current tier, every month of the window.
        let placements: Vec<Option<(&str, u32)>> = input.months.iter().map(|m| input.tenancy.placement(customer, *m)).collect();
        if placements.iter().any(|p| p.is_none_or(|(t, _)| t != now.tier)) {
            advised.not_judged.push(customer.clone());
            continue;
        }
        let evidence: Vec<Evidence> = input
            .months
            .iter()
            .zip(&placements)
            .map(|(&month, placement)| {
                let (t, pool) = placement.expect("checked above");
                let (total, direct) = costs.get(&(customer.as_str(), month)).map_or((0.0, 0.0), |c| (c.total, c.direct));
                let pool_cost =
                    (tiers[tier].capacity > 1).then(|| input.monthly.pools.get(&(t.to_string(), pool, month)).copied().unwrap_or(0.0));
                let share_percent = pool_cost.filter(|p| *p > 0.0).map(|p| direct / p * 100.0);
                Evidence { month, total, direct, pool_cost, share_percent }
            })
            .collect();
        let judged = Judged { customer, pool: now.pool, tiers: &tiers, at: tier, evidence };
        if tiers[tier].capacity > 1 {
            advised.advice.extend(noisy(input, &counts, judged));
        } else if !input.dedicated.contains(customer) {
            advised.advice.extend(oversized(input, &counts, judged));
        }
    }
    for tier in tiers.iter().filter(|t| t.capacity > 1) {
        advised.advice.extend(fragmented(input.pools, tier));
    }
    advised
}

/// "in each of the 3 months", or "in 2026-10" for a window of one.
fn every_month(evidence: &[Evidence]) -> String {
    match evidence {
        [only] => format!("in {}", only.month),
        _ => format!("in each of the {} months", evidence.len()),
    }
}

/// A customer judged: where it is now, and its evidence over the window.
struct Judged<'a> {
    customer: &'a str,
    pool: u32,
    /// Every tier, most shared first, and the customer's among them.
    tiers: &'a [&'a Tier],
    at: usize,
    evidence: Vec<Evidence>,
}

/// A shared-tier customer over the next tier's target, or taking more than its share of its pool,
/// in every month.
fn noisy(input: &Input<'_>, counts: &Counts<'_>, judged: Judged<'_>) -> Option<Advice> {
    let Judged { customer, pool, tiers, at, evidence } = judged;
    let next = tiers.get(at + 1)?;
    let highest = evidence.iter().map(|e| e.total).fold(f64::MIN, f64::max);
    let over_next = next.target_usd.filter(|target| evidence.iter().all(|e| e.total > *target));
    let share = input.noisy_share_percent;
    let noisy_share = evidence.iter().all(|e| {
        let customers = counts.members.get(&(tiers[at].name.as_str(), pool, e.month)).copied().unwrap_or(1) as f64;
        e.share_percent.is_some_and(|s| s > share && s > 200.0 / customers)
    });
    let (to, why) = match over_next {
        Some(target) => {
            // The first tier up whose target the customer fits, else the most dedicated one.
            let to =
                tiers[at + 1..].iter().find(|t| t.target_usd.is_some_and(|t| t >= highest)).unwrap_or(tiers.last().expect("not empty"));
            (to, format!("cost more than the {} target of {target:.2} USD {}", next.name, every_month(&evidence)))
        }
        None if noisy_share => (next, format!("took more than {share}% of {} {pool}'s cost {}", tiers[at].name, every_month(&evidence))),
        None => return None,
    };
    Some(Advice::NoisyNeighbour {
        customer: customer.into(),
        tier: tiers[at].name.clone(),
        pool,
        to: to.name.clone(),
        why,
        evidence,
        command: migrate(customer, &to.name, None),
    })
}

/// A silo customer whose cost stayed below a shared tier's target every month: it goes to the most
/// shared such tier.
fn oversized(input: &Input<'_>, counts: &Counts<'_>, judged: Judged<'_>) -> Option<Advice> {
    let Judged { customer, pool, tiers, at, evidence } = judged;
    let highest = evidence.iter().map(|e| e.total).fold(f64::MIN, f64::max);
    let (to, target) = tiers[..at]
        .iter()
        .filter(|t| t.capacity > 1)
        .find_map(|t| t.target_usd.filter(|target| highest < *target).map(|target| (t, target)))?;
    let months = evidence.len() as f64;
    let average = evidence.iter().map(|e| e.total).sum::<f64>() / months;
    let workload = match counts.direct.get(to.name.as_str()) {
        Some(&(direct, customer_months)) if customer_months > 0 => direct / customer_months as f64,
        _ => target,
    };
    Some(Advice::OversizedSilo {
        customer: customer.into(),
        tier: tiers[at].name.clone(),
        pool,
        account: input.pools.iter().find(|p| p.tier == tiers[at].name && p.number == pool).map(|p| p.account.clone()).unwrap_or_default(),
        to: to.name.clone(),
        why: format!("cost less than the {} target of {target:.2} USD {}", to.name, every_month(&evidence)),
        monthly_saving_usd: average - workload.min(average).max(0.0),
        evidence,
        command: migrate(customer, &to.name, None),
    })
}

/// Pools of a tier below half full whose customers fit in the tier's other pools: the pools with
/// the fewest customers are emptied first, each customer into the fullest pool with room.
fn fragmented(pools: &[Pool], tier: &Tier) -> Option<Advice> {
    let capacity = tier.capacity as usize;
    let of_tier: Vec<&Pool> = pools.iter().filter(|p| p.tier == tier.name).collect();
    let fill =
        |p: &Pool| PoolFill { pool: p.number, account: p.account.clone(), account_id: p.account_id.clone(), customers: p.customers.len() };
    let below_half: Vec<&Pool> = of_tier.iter().copied().filter(|p| !p.customers.is_empty() && p.customers.len() * 2 < capacity).collect();
    let mut candidates = below_half.clone();
    candidates.sort_by(|a, b| a.customers.len().cmp(&b.customers.len()).then(b.number.cmp(&a.number)));
    let mut load: BTreeMap<u32, usize> = of_tier.iter().map(|p| (p.number, p.customers.len())).collect();
    let mut emptied: BTreeSet<u32> = BTreeSet::new();
    let mut moves = Vec::new();
    for pool in candidates {
        if load[&pool.number] != pool.customers.len() {
            // It took customers in: it is a destination now.
            continue;
        }
        let mut trial = load.clone();
        let mut planned = Vec::new();
        for customer in &pool.customers {
            let to = of_tier
                .iter()
                .filter(|p| p.number != pool.number && !p.drained && !emptied.contains(&p.number) && trial[&p.number] < capacity)
                .max_by(|a, b| trial[&a.number].cmp(&trial[&b.number]).then(b.number.cmp(&a.number)));
            let Some(to) = to else { break };
            *trial.get_mut(&to.number).expect("a pool of the tier") += 1;
            planned.push(Move {
                customer: customer.clone(),
                from_pool: pool.number,
                to_pool: to.number,
                command: migrate(customer, &tier.name, Some(to.number)),
            });
        }
        if planned.len() == pool.customers.len() {
            trial.insert(pool.number, 0);
            load = trial;
            emptied.insert(pool.number);
            moves.extend(planned);
        }
    }
    if emptied.is_empty() {
        return None;
    }
    Some(Advice::FragmentedPools {
        tier: tier.name.clone(),
        capacity: tier.capacity,
        below_half: below_half.into_iter().map(fill).collect(),
        moves,
        freed: of_tier.into_iter().filter(|p| emptied.contains(&p.number)).map(fill).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::allocate::Stint;

    const MONTHS: [Month; 3] = [Month { year: 2026, month: 8 }, Month { year: 2026, month: 9 }, Month { year: 2026, month: 10 }];

    fn tiers() -> Vec<Tier> {
        let tier = |name: &str, capacity, target| Tier { name: name.into(), capacity, target_usd: target };
        vec![tier("silo", 1, Some(50.0)), tier("pool", 20, Some(5.0)), tier("bridge", 5, Some(15.0))]
    }

    /// Pools, customers and their monthly cost, built up by the tests.
    #[derive(Default)]
    struct World {
        tenancy: Tenancy,
        monthly: Monthly,
        pools: Vec<Pool>,
        dedicated: BTreeSet<String>,
    }

    impl World {
        /// A customer placed in `tier` `pool` since January, costing `direct` each month (all of it
        /// direct), which its pool's cost includes.
        fn customer(&mut self, customer: &str, tier: &str, pool: u32, direct: [f64; 3]) -> &mut World {
            self.tenancy.customers.insert(customer.into(), vec![Stint { from: Month { year: 2026, month: 1 }, tier: tier.into(), pool }]);
            match self.pools.iter_mut().find(|p| p.tier == tier && p.number == pool) {
                Some(p) => p.customers.push(customer.into()),
                None => self.pools.push(Pool {
                    tier: tier.into(),
                    number: pool,
                    customers: vec![customer.into()],
                    account: format!("{tier}-{pool}"),
                    account_id: None,
                    drained: false,
                }),
            }
            for (month, cost) in MONTHS.iter().zip(direct) {
                self.monthly.customers.push(CustomerMonth {
                    customer: customer.into(),
                    month: *month,
                    tier: tier.into(),
                    pool,
                    direct: cost,
                    shared: 0.0,
                    total: cost,
                });
                *self.monthly.pools.entry((tier.into(), pool, *month)).or_default() += cost;
            }
            self
        }

        /// `n` customers of `cost` a month each in `tier` `pool`, named `prefix-1` ...
        fn filler(&mut self, prefix: &str, tier: &str, pool: u32, n: usize, cost: f64) -> &mut World {
            for i in 1..=n {
                self.customer(&format!("{prefix}-{i}"), tier, pool, [cost; 3]);
            }
            self
        }

        /// A pool 1 of `n` customers of `cost` a month each.
        fn pool(n: usize, cost: f64) -> World {
            let mut world = World::default();
            world.filler("P", "pool", 1, n, cost);
            world
        }

        fn advised(&self) -> Advised {
            advise(&Input {
                months: &MONTHS,
                monthly: &self.monthly,
                tenancy: &self.tenancy,
                tiers: &tiers(),
                pools: &self.pools,
                dedicated: &self.dedicated,
                noisy_share_percent: NOISY_SHARE_PERCENT,
            })
        }

        /// Each recommendation as its kind and commands.
        fn advise(&self) -> Vec<String> {
            let advice = self.advised().advice;
            advice.iter().map(|a| format!("{}: {}", serde_json::to_value(a).unwrap()["kind"], a.commands().join("; "))).collect()
        }
    }

    #[test]
    fn a_pool_customer_over_the_bridge_target_in_every_month() {
        // Eight customers of 10.00 a month keep ACME's share of the pool below a quarter.
        let pool = || World::pool(8, 10.0);
        assert_eq!(pool().customer("ACME", "pool", 1, [15.0; 3]).advise(), Vec::<String>::new(), "exactly at the target is not over it");
        // Over the bridge target is over what a bridge customer is priced for: the silo's target covers it.
        assert_eq!(
            pool().customer("ACME", "pool", 1, [15.01, 20.0, 16.0]).advise(),
            [r#""noisy-neighbour": miyabi-org tenant migrate ACME --to silo"#]
        );
        assert_eq!(pool().customer("ACME", "pool", 1, [20.0, 14.99, 20.0]).advise(), Vec::<String>::new(), "one month below");
        // No target covers it: the most dedicated tier.
        assert_eq!(
            pool().customer("ACME", "pool", 1, [60.0; 3]).advise(),
            [r#""noisy-neighbour": miyabi-org tenant migrate ACME --to silo"#]
        );
        let bridge_over_silo = World::default().filler("B", "bridge", 1, 3, 5.0).customer("Big", "bridge", 1, [51.0; 3]).advise();
        assert_eq!(bridge_over_silo, [r#""noisy-neighbour": miyabi-org tenant migrate Big --to silo"#]);
    }

    #[test]
    fn a_pool_customer_taking_more_than_its_share_of_the_pool() {
        // Twelve customers of 1.00 and ACME: ACME's share is ACME / (12 + ACME).
        let pool = || World::pool(12, 1.0);
        assert_eq!(pool().customer("ACME", "pool", 1, [4.0; 3]).advise(), Vec::<String>::new(), "exactly a quarter");
        assert_eq!(
            pool().customer("ACME", "pool", 1, [4.5, 5.0, 4.5]).advise(),
            [r#""noisy-neighbour": miyabi-org tenant migrate ACME --to bridge"#]
        );
        // In a pool of three, 40% is more than a quarter but not twice an even split.
        let few_customers = World::default().filler("P", "pool", 1, 2, 1.5).customer("ACME", "pool", 1, [2.0; 3]).advise();
        assert!(few_customers.iter().all(|a| !a.contains("noisy")), "{few_customers:?}");
    }

    #[test]
    fn a_silo_below_a_shared_tier_target_moves_down_unless_dedicated() {
        let mut world = World::default();
        world.filler("P", "pool", 1, 6, 1.0).customer("Idle", "silo", 1, [0.5, 4.99, 1.0]).customer(
            "Fits-bridge",
            "silo",
            2,
            [5.0, 10.0, 14.0],
        );
        world.customer("Busy", "silo", 3, [30.0, 14.0, 30.0]).customer("Contract", "silo", 4, [0.1; 3]);
        world.dedicated.insert("Contract".into());
        assert_eq!(
            world.advise(),
            [
                r#""oversized-silo": miyabi-org tenant migrate Fits-bridge --to bridge"#,
                r#""oversized-silo": miyabi-org tenant migrate Idle --to pool"#,
            ]
        );
        let Advice::OversizedSilo { monthly_saving_usd, account, .. } = &world.advised().advice[1] else { panic!("oversized") };
        // Idle averages 2.163; a pool customer's workload is 1.00 a month.
        assert!((monthly_saving_usd - (6.49 / 3.0 - 1.0)).abs() < 1e-9, "{monthly_saving_usd}");
        assert_eq!(account, "silo-1");
    }

    #[test]
    fn pools_below_half_full_are_merged_fewest_customers_first() {
        let exactly_half = World::default().filler("A", "pool", 1, 10, 1.0).filler("B", "pool", 2, 10, 1.0).advise();
        assert_eq!(exactly_half, Vec::<String>::new(), "a pool exactly half full is not fragmented");
        let mut world = World::default();
        world.filler("A", "pool", 1, 9, 1.0).filler("B", "pool", 2, 3, 1.0).filler("C", "pool", 3, 3, 1.0).filler("D", "pool", 4, 12, 1.0);
        let moves = |to: [u32; 6]| {
            let customers = ["C-1", "C-2", "C-3", "B-1", "B-2", "B-3"];
            let commands: Vec<String> =
                customers.iter().zip(to).map(|(c, pool)| format!("miyabi-org tenant migrate {c} --to pool --pool {pool}")).collect();
            vec![format!("\"fragmented-pools\": {}", commands.join("; "))]
        };
        // C and B (3 each) go first, each customer to the fullest pool with room: D fills up to 20.
        assert_eq!(world.advise(), moves([4, 4, 4, 4, 4, 4]));
        world.pools[3].drained = true;
        assert_eq!(world.advise(), moves([1, 1, 1, 1, 1, 1]), "a drained pool takes no customer");
        // A drained pool still gives its customers away: A (drained) empties into 2 once C has.
        world.pools[0].drained = true;
        let a_moves: Vec<String> = (1..=9).map(|i| format!("miyabi-org tenant migrate A-{i} --to pool --pool 2")).collect();
        assert_eq!(
            world.advise(),
            [format!(
                "\"fragmented-pools\": miyabi-org tenant migrate C-1 --to pool --pool 2; miyabi-org tenant migrate C-2 --to pool --pool 2; \
             miyabi-org tenant migrate C-3 --to pool --pool 2; {}",
                a_moves.join("; ")
            )]
        );
    }

    #[test]
    fn customers_placed_during_the_window_are_not_judged() {
        let mut world = World::default();
        world.filler("P", "pool", 1, 8, 1.0).customer("New", "pool", 1, [0.0, 30.0, 30.0]);
        world.tenancy.customers.get_mut("New").unwrap()[0].from = MONTHS[1];
        let advised = world.advised();
        assert_eq!((advised.advice.len(), advised.not_judged), (0, vec!["New".to_string()]));
    }
}
