//! Accounts and budgets wanted by the repo: core accounts from `[account]`, one account per
//! pool of `tenants.toml` (a silo is a pool of capacity 1), rendered from their templates.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{FULL_AWS_ACCESS, MANAGED_BY_KEY, MANAGED_BY_VALUE};
use crate::config::Repo;
use crate::config::schema::TemplateFile;

pub type Tags = BTreeMap<String, String>;

/// The entry of the repo that declares an account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "declared_as", rename_all = "lowercase")]
pub enum AccountRef {
    /// `[account."Name"]` in miyabi-org.toml.
    Core { name: String },
    /// `[[pool]]` in tenants.toml.
    Pool { tier: String, number: u32 },
}

impl std::fmt::Display for AccountRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AccountRef::Core { name } => write!(f, "core account {name}"),
            AccountRef::Pool { tier, number } => write!(f, "{tier} {number}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DesiredAccount {
    pub declared_as: AccountRef,
    pub template: String,
    pub name: String,
    pub email: String,
    /// OU path.
    pub ou: String,
    /// The tags the tool sets; other tags on the account are left alone.
    pub tags: Tags,
    /// The account's SCPs: FullAWSAccess, the template's and the account's own.
    pub scps: BTreeSet<String>,
    /// Known once the account exists.
    pub id: Option<String>,
    /// Customers placed in it, and how many it can hold (pools only).
    pub customers: Vec<String>,
    pub capacity: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum BudgetScope {
    /// The cost of one account, by its name in the repo.
    Account { account: String },
    /// The cost tagged with a customer (`user:<tag>$<customer>`).
    Customer { tag: String, customer: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct DesiredBudget {
    /// `miyabi-<account name>` or `miyabi-customer-<id>`.
    pub name: String,
    pub limit_usd: f64,
    pub scope: BudgetScope,
    pub alert_percent: Vec<f64>,
    pub notify: Vec<String>,
}

pub const BUDGET_PREFIX: &str = "miyabi-";

/// Template placeholders and their values for one account.
#[derive(Debug, Default, Clone)]
pub struct Vars {
    pub pool: Option<u32>,
    pub customer: Option<String>,
    pub tier: Option<String>,
    pub slug: Option<String>,
}

pub fn render(pattern: &str, vars: &Vars) -> String {
    let pool = vars.pool.map(|p| p.to_string()).unwrap_or_default();
    pattern
        .replace("{pool}", &pool)
        .replace("{customer}", vars.customer.as_deref().unwrap_or(""))
        .replace("{tier}", vars.tier.as_deref().unwrap_or(""))
        .replace("{slug}", vars.slug.as_deref().unwrap_or(""))
}

/// Lower-case letters, digits and dashes: `Miyabi Security` gives `miyabi-security`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The default email pattern when `[organization] email` is not set.
pub const DEFAULT_EMAIL: &str = "aws+{slug}@example.com";

pub fn budget_name_for_account(account: &str) -> String {
    format!("{BUDGET_PREFIX}{account}")
}

pub fn budget_name_for_customer(customer: &str) -> String {
    format!("{BUDGET_PREFIX}customer-{customer}")
}

fn template<'r>(repo: &'r Repo, name: &str) -> Option<&'r TemplateFile> {
    repo.templates.iter().find(|t| t.name == name).map(|t| &t.file)
}

/// Builds an account from its template; `None` when the template is missing (validation reports it).
fn account(repo: &Repo, declared_as: AccountRef, template_name: &str, vars: Vars) -> Option<DesiredAccount> {
    let file = template(repo, template_name)?;
    let email_pattern = repo.org.organization.email.as_ref().map_or(DEFAULT_EMAIL, |e| e.get_ref().as_str());
    let name = match &declared_as {
        AccountRef::Core { name } => name.clone(),
        AccountRef::Pool { .. } => render(file.name.as_ref()?.get_ref(), &vars),
    };
    let vars = Vars { slug: Some(slug(&name)), ..vars };
    let mut tags: Tags = file.tags.iter().map(|(k, v)| (k.get_ref().clone(), render(v.get_ref(), &vars))).collect();
    tags.insert(MANAGED_BY_KEY.into(), MANAGED_BY_VALUE.into());
    let mut scps: BTreeSet<String> = file.scps.iter().map(|s| s.get_ref().clone()).collect();
    scps.insert(FULL_AWS_ACCESS.into());
    Some(DesiredAccount {
        declared_as,
        template: template_name.to_string(),
        email: render(email_pattern, &vars),
        name,
        ou: file.ou.get_ref().clone(),
        tags,
        scps,
        id: None,
        customers: Vec::new(),
        capacity: None,
    })
}

/// Every account the repo declares, core accounts first, then pools by tier and number.
pub fn desired_accounts(repo: &Repo) -> Vec<DesiredAccount> {
    let mut accounts = Vec::new();
    for (name, section) in &repo.org.account {
        let declared_as = AccountRef::Core { name: name.get_ref().clone() };
        let Some(mut desired) = account(repo, declared_as, section.template.get_ref(), Vars::default()) else { continue };
        if let Some(ou) = &section.ou {
            desired.ou = ou.get_ref().clone();
        }
        if let Some(email) = &section.email {
            desired.email = email.get_ref().clone();
        }
        desired.scps.extend(section.scps.iter().map(|s| s.get_ref().clone()));
        desired.id = section.id.as_ref().map(|id| id.get_ref().clone());
        accounts.push(desired);
    }
    let Some(tenancy) = &repo.org.tenancy else { return accounts };
    let customer_tag = tenancy.customer_tag.get_ref();
    let mut pools: Vec<_> = repo.tenants.pool.iter().collect();
    pools.sort_by_key(|p| (p.tier.get_ref().clone(), *p.number.get_ref()));
    for pool in pools {
        let (tier, number) = (pool.tier.get_ref(), *pool.number.get_ref());
        let Some((_, tier_section)) = tenancy.tier.iter().find(|(name, _)| name.get_ref() == tier) else { continue };
        let customers: Vec<String> = repo
            .tenants
            .tenant
            .iter()
            .filter(|t| t.tier.get_ref() == tier && *t.pool.get_ref() == number)
            .map(|t| t.customer.get_ref().clone())
            .collect();
        let capacity = *tier_section.capacity.get_ref();
        let dedicated = capacity == 1;
        let vars = Vars {
            pool: Some(number),
            customer: dedicated.then(|| customers.first().cloned()).flatten(),
            tier: Some(tier.clone()),
            slug: None,
        };
        let declared_as = AccountRef::Pool { tier: tier.clone(), number };
        let Some(mut desired) = account(repo, declared_as, tier_section.template.get_ref(), vars) else { continue };
        if let (true, Some(customer)) = (dedicated, customers.first()) {
            desired.tags.insert(customer_tag.clone(), customer.clone());
        }
        desired.id = pool.account_id.as_ref().map(|id| id.get_ref().clone());
        desired.customers = customers;
        desired.capacity = Some(capacity);
        accounts.push(desired);
    }
    accounts
}

/// A budget per account whose template has `[budget]`, and one per pooled customer with `budget_usd`.
pub fn desired_budgets(repo: &Repo, accounts: &[DesiredAccount]) -> Vec<DesiredBudget> {
    let mut budgets = budgets(repo, accounts);
    // A notification needs a subscriber: without anyone to tell there are no alerts.
    for budget in &mut budgets {
        if budget.notify.is_empty() {
            budget.alert_percent.clear();
        }
    }
    budgets
}

fn budgets(repo: &Repo, accounts: &[DesiredAccount]) -> Vec<DesiredBudget> {
    let mut budgets = Vec::new();
    for account in accounts {
        let Some(budget) = template(repo, &account.template).and_then(|t| t.budget.as_ref()) else { continue };
        budgets.push(DesiredBudget {
            name: budget_name_for_account(&account.name),
            limit_usd: *budget.monthly_usd.get_ref(),
            scope: BudgetScope::Account { account: account.name.clone() },
            alert_percent: budget.alert_percent.iter().map(|p| *p.get_ref()).collect(),
            notify: budget.notify.iter().map(|n| n.get_ref().clone()).collect(),
        });
    }
    let Some(tenancy) = &repo.org.tenancy else { return budgets };
    for tenant in &repo.tenants.tenant {
        let Some(limit) = &tenant.budget_usd else { continue };
        let pool_template =
            tenancy.tier.iter().find(|(name, _)| name.get_ref() == tenant.tier.get_ref()).map(|(_, t)| t.template.get_ref().clone());
        let notify = pool_template.as_deref().and_then(|t| template(repo, t)).and_then(|t| t.budget.as_ref());
        budgets.push(DesiredBudget {
            name: budget_name_for_customer(tenant.customer.get_ref()),
            limit_usd: *limit.get_ref(),
            scope: BudgetScope::Customer { tag: tenancy.customer_tag.get_ref().clone(), customer: tenant.customer.get_ref().clone() },
            alert_percent: notify.map(|b| b.alert_percent.iter().map(|p| *p.get_ref()).collect()).unwrap_or_else(|| vec![80.0, 100.0]),
            notify: notify.map(|b| b.notify.iter().map(|n| n.get_ref().clone()).collect()).unwrap_or_default(),
        });
    }
    budgets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_rendering() {
        assert_eq!(slug("Miyabi Security"), "miyabi-security");
        assert_eq!(slug("Silo-ACME"), "silo-acme");
        assert_eq!(slug("  Pool--7 "), "pool-7");
        let vars = Vars { pool: Some(3), customer: Some("ACME".into()), tier: Some("pool".into()), slug: Some("pool-3".into()) };
        assert_eq!(render("Pool-{pool}/{tier}/{customer}/{slug}", &vars), "Pool-3/pool/ACME/pool-3");
    }
}
