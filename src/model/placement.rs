//! Where a customer goes: one rule for every tier. A named pool, or the lowest-numbered pool of
//! the tier with room, or a new pool numbered after the last one.

use std::collections::BTreeMap;

use crate::config::Repo;

/// The tier of a placement that names none.
pub const DEFAULT_TIER: &str = "pool";

/// The tenant registry as placement sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    /// Capacity by tier.
    pub tiers: BTreeMap<String, u32>,
    /// Pools by tier, with their customers.
    pub pools: BTreeMap<(String, u32), Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub customer: String,
    pub tier: String,
    pub pool: u32,
    /// The pool has no account yet: it is created.
    pub new_pool: bool,
    /// The registry has the customer there already: what is left to do is in AWS, if anything.
    pub already_placed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlacementError {
    /// Placed somewhere other than where the command asks.
    #[error("customer {customer} is already in {tier} {pool}")]
    AlreadyPlaced { customer: String, tier: String, pool: u32 },
    #[error("there is no tier {tier}")]
    UnknownTier { tier: String, tiers: Vec<String> },
    #[error("{tier} {pool} is full ({capacity} of {capacity} customers)")]
    Full { tier: String, pool: u32, capacity: u32, with_room: Vec<u32> },
    #[error("customer {customer} is not registered")]
    UnknownCustomer { customer: String },
}

impl PlacementError {
    pub fn help(&self) -> String {
        match self {
            PlacementError::AlreadyPlaced { customer, .. } => {
                format!("nothing was changed; to move the customer use `miyabi-org tenant migrate {customer} --to TIER`")
            }
            PlacementError::UnknownTier { tiers, .. } => format!("use one of the tiers in [tenancy.tier]: {}", tiers.join(", ")),
            PlacementError::Full { with_room, tier, .. } if with_room.is_empty() => {
                format!("no {tier} pool has room: leave out --pool to place the customer in a new pool")
            }
            PlacementError::Full { with_room, .. } => {
                let pools: Vec<String> = with_room.iter().map(u32::to_string).collect();
                format!("pools with room: {}; or leave out --pool for the first of them", pools.join(", "))
            }
            PlacementError::UnknownCustomer { .. } => "place the customer first with `miyabi-org account create --customer C`".into(),
        }
    }
}

impl Placement {
    fn existing(customer: &str, tier: &str, pool: u32) -> Placement {
        Placement { customer: customer.into(), tier: tier.into(), pool, new_pool: false, already_placed: true }
    }
}

impl Registry {
    pub fn from_repo(repo: &Repo) -> Registry {
        let tiers =
            repo.org.tenancy.iter().flat_map(|t| &t.tier).map(|(name, tier)| (name.get_ref().clone(), *tier.capacity.get_ref())).collect();
        let mut pools: BTreeMap<(String, u32), Vec<String>> =
            repo.tenants.pool.iter().map(|p| ((p.tier.get_ref().clone(), *p.number.get_ref()), Vec::new())).collect();
        for tenant in &repo.tenants.tenant {
            pools.entry((tenant.tier.get_ref().clone(), *tenant.pool.get_ref())).or_default().push(tenant.customer.get_ref().clone());
        }
        Registry { tiers, pools }
    }

    /// Where a customer is now.
    pub fn placement_of(&self, customer: &str) -> Option<(&str, u32)> {
        self.pools.iter().find(|(_, customers)| customers.iter().any(|c| c == customer)).map(|((tier, pool), _)| (tier.as_str(), *pool))
    }

    /// Places a customer in `tier` (default: `pool`). A customer placed already stays where it
    /// is, unless the tier or pool asked for is another one.
    pub fn place(&self, customer: &str, tier: Option<&str>, pool: Option<u32>) -> Result<Placement, PlacementError> {
        if let Some((placed_tier, placed_pool)) = self.placement_of(customer) {
            if tier.is_some_and(|t| t != placed_tier) || pool.is_some_and(|p| p != placed_pool) {
                return Err(PlacementError::AlreadyPlaced { customer: customer.into(), tier: placed_tier.into(), pool: placed_pool });
            }
            return Ok(Placement::existing(customer, placed_tier, placed_pool));
        }
        self.room(customer, tier.unwrap_or(DEFAULT_TIER), pool)
    }

    /// Moves a placed customer to another tier (or pool); its old place does not count against it.
    pub fn migrate(&self, customer: &str, tier: &str, pool: Option<u32>) -> Result<Placement, PlacementError> {
        let Some((from_tier, from_pool)) = self.placement_of(customer) else {
            return Err(PlacementError::UnknownCustomer { customer: customer.into() });
        };
        if from_tier == tier && pool.is_none_or(|p| p == from_pool) {
            return Ok(Placement::existing(customer, from_tier, from_pool));
        }
        let mut without = self.clone();
        without.pools.values_mut().for_each(|customers| customers.retain(|c| c != customer));
        without.room(customer, tier, pool)
    }

    fn room(&self, customer: &str, tier: &str, pool: Option<u32>) -> Result<Placement, PlacementError> {
        let Some(&capacity) = self.tiers.get(tier) else {
            return Err(PlacementError::UnknownTier { tier: tier.into(), tiers: self.tiers.keys().cloned().collect() });
        };
        let pools: Vec<(u32, usize)> = self.pools.iter().filter(|((t, _), _)| t == tier).map(|((_, n), c)| (*n, c.len())).collect();
        let with_room: Vec<u32> = pools.iter().filter(|(_, used)| *used < capacity as usize).map(|(n, _)| *n).collect();
        let placement =
            |pool: u32, new_pool: bool| Placement { customer: customer.into(), tier: tier.into(), pool, new_pool, already_placed: false };
        match pool {
            Some(n) => match pools.iter().find(|(number, _)| *number == n) {
                Some((_, used)) if *used >= capacity as usize => {
                    Err(PlacementError::Full { tier: tier.into(), pool: n, capacity, with_room })
                }
                Some(_) => Ok(placement(n, false)),
                None => Ok(placement(n, true)),
            },
            None => match with_room.first() {
                Some(&n) => Ok(placement(n, false)),
                None => Ok(placement(pools.iter().map(|(n, _)| *n).max().unwrap_or(0) + 1, true)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry(pools: &[(&str, u32, usize)]) -> Registry {
        let mut registry = Registry { tiers: BTreeMap::from([("pool".into(), 3), ("silo".into(), 1)]), pools: BTreeMap::new() };
        for &(tier, number, customers) in pools {
            registry.pools.insert((tier.into(), number), (0..customers).map(|i| format!("{tier}{number}-{i}")).collect());
        }
        registry
    }

    #[test]
    fn first_fit_then_a_new_pool() {
        let r = registry(&[("pool", 1, 3), ("pool", 2, 1), ("pool", 4, 0)]);
        assert_eq!(
            r.place("A", None, None).unwrap(),
            Placement { customer: "A".into(), tier: "pool".into(), pool: 2, new_pool: false, already_placed: false }
        );
        let full = registry(&[("pool", 1, 3)]);
        assert_eq!(full.place("A", Some("pool"), None).unwrap().pool, 2);
        assert!(full.place("A", Some("pool"), None).unwrap().new_pool);
        assert_eq!(registry(&[]).place("A", Some("silo"), None).unwrap().pool, 1);
    }

    #[test]
    fn a_full_pool_names_the_pools_with_room() {
        let r = registry(&[("pool", 1, 3), ("pool", 2, 2)]);
        let err = r.place("A", None, Some(1)).unwrap_err();
        assert_eq!(err.to_string(), "pool 1 is full (3 of 3 customers)");
        assert_eq!(err.help(), "pools with room: 2; or leave out --pool for the first of them");
        assert!(r.place("A", None, Some(7)).unwrap().new_pool);
    }

    #[test]
    fn placed_customers_stay_and_migrate() {
        let r = registry(&[("pool", 1, 3)]);
        // Placing a placed customer again leaves it where it is, so that a run can be finished.
        let again = Placement { customer: "pool1-0".into(), tier: "pool".into(), pool: 1, new_pool: false, already_placed: true };
        assert_eq!(r.place("pool1-0", None, None).unwrap(), again);
        assert_eq!(r.place("pool1-0", Some("pool"), Some(1)).unwrap(), again);
        // Asking for another tier or pool is a move, which is `migrate`'s.
        let elsewhere = PlacementError::AlreadyPlaced { customer: "pool1-0".into(), tier: "pool".into(), pool: 1 };
        assert_eq!(r.place("pool1-0", Some("silo"), None).unwrap_err(), elsewhere);
        assert_eq!(r.place("pool1-0", None, Some(2)).unwrap_err(), elsewhere);
        assert_eq!(elsewhere.help(), "nothing was changed; to move the customer use `miyabi-org tenant migrate pool1-0 --to TIER`");
        let moved = r.migrate("pool1-0", "silo", None).unwrap();
        assert_eq!((moved.tier.as_str(), moved.pool, moved.new_pool, moved.already_placed), ("silo", 1, true, false));
        // Back into its own, full pool: it is there already.
        let back = registry(&[("pool", 1, 3), ("silo", 1, 0)]);
        assert_eq!(back.migrate("pool1-0", "pool", Some(1)).unwrap(), again);
        assert!(matches!(r.place("X", Some("gold"), None), Err(PlacementError::UnknownTier { .. })));
    }
}
