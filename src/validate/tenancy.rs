//! Checks of accounts, tiers, pools and tenants: references, identities, capacity.

use std::collections::{BTreeMap, BTreeSet};

use super::{Checker, at, is_email, placeholders};
use crate::config::Repo;
use crate::diagnostic::Location;
use crate::model::FULL_AWS_ACCESS;
use crate::model::accounts::{self, AccountRef};
use crate::policy_kind::PolicyKind;

/// `[A-Za-z0-9][A-Za-z0-9-]{0,62}`
pub fn is_customer_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric()) && id.len() <= 63 && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
}

pub fn is_account_id(id: &str) -> bool {
    id.len() == 12 && id.chars().all(|c| c.is_ascii_digit())
}

fn is_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    parts.len() == 3
        && [4, 2, 2].iter().zip(&parts).all(|(len, part)| part.len() == *len && part.chars().all(|c| c.is_ascii_digit()))
        && (1..=12).contains(&parts[1].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&parts[2].parse::<u32>().unwrap_or(0))
}

/// AWS account names: 1-50 printable ASCII characters.
pub fn is_account_name(name: &str) -> bool {
    (1..=50).contains(&name.len()) && name.chars().all(|c| c.is_ascii() && !c.is_ascii_control())
}

impl Checker<'_> {
    fn template_exists(&self, name: &str) -> bool {
        self.repo.templates.iter().any(|t| t.name == name)
    }

    fn template_names(&self) -> String {
        self.repo.templates.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", ")
    }

    fn ou_declared(&self, path: &str) -> bool {
        self.repo.org.ou.keys().any(|k| k.get_ref() == path)
    }

    /// `[account."Name"]`: core accounts.
    pub(super) fn accounts(&mut self) {
        let source = self.org_source().clone();
        for (name, section) in &self.repo.org.account {
            let n = name.get_ref();
            let target = format!("[account.\"{n}\"]");
            if !is_account_name(n) {
                self.push(at(&source, name), format!("`{n}` is not a valid account name"), "use 1-50 printable ASCII characters");
            }
            if !self.template_exists(section.template.get_ref()) {
                self.push(
                    at(&source, &section.template),
                    format!("{target} uses template {}, which is not in account-templates/", section.template.get_ref()),
                    format!("use one of: {}", self.template_names()),
                );
            }
            if let Some(ou) = &section.ou
                && !self.ou_declared(ou.get_ref())
            {
                self.push(
                    at(&source, ou),
                    format!("{target} is placed in OU {}, which is not declared", ou.get_ref()),
                    format!("add [ou.\"{}\"] or correct the path", ou.get_ref()),
                );
            }
            if let Some(email) = &section.email
                && !is_email(email.get_ref())
            {
                self.push(at(&source, email), format!("`{}` is not an email address", email.get_ref()), "use name@domain");
            }
            if let Some(id) = &section.id
                && !is_account_id(id.get_ref())
            {
                self.push(at(&source, id), format!("`{}` is not an AWS account id", id.get_ref()), "use the 12 digits of the account id");
            }
            self.policy_list(&source, &target, &section.scps, PolicyKind::ServiceControl);
        }
    }

    /// `[tenancy]` and `tenants.toml`.
    pub(super) fn tenancy(&mut self) {
        let org_source = self.org_source().clone();
        let source = self.repo.tenants_source.clone();
        let tenants = &self.repo.tenants;
        let Some(tenancy) = &self.repo.org.tenancy else {
            if let Some(pool) = tenants.pool.first() {
                self.push(
                    at(&source, &pool.tier),
                    "tenants.toml has pools but miyabi-org.toml has no [tenancy]",
                    "add [tenancy] with the tiers, as in `miyabi-org init`",
                );
            }
            return;
        };
        let tag = tenancy.customer_tag.get_ref();
        if tag.is_empty() || tag.len() > 128 || tag.to_ascii_lowercase().starts_with("aws:") {
            self.push(
                at(&org_source, &tenancy.customer_tag),
                format!("`{tag}` cannot be a tag key"),
                "use 1-128 characters without the aws: prefix, such as customer",
            );
        } else if let Some(c) = tag.chars().find(|&c| !is_tag_key_char(c)) {
            // The cost queries quote the tag in SQL; AWS allows none of the characters that could break out.
            self.push(
                at(&org_source, &tenancy.customer_tag),
                format!("`{tag}` cannot be a tag key: AWS does not allow `{c}` in one"),
                "use letters, digits, spaces and _ . : / = + - @, such as customer",
            );
        }
        let mut capacity: BTreeMap<&str, u32> = BTreeMap::new();
        for (name, tier) in &tenancy.tier {
            let t = name.get_ref();
            if !self.template_exists(tier.template.get_ref()) {
                self.push(
                    at(&org_source, &tier.template),
                    format!("tier {t} uses template {}, which is not in account-templates/", tier.template.get_ref()),
                    format!("use one of: {}", self.template_names()),
                );
            } else if let Some(template) = self.repo.templates.iter().find(|x| &x.name == tier.template.get_ref()) {
                match &template.file.name {
                    None => self.push(
                        template.source.whole(),
                        format!("template {} has no name pattern, but tier {t} uses it for tenant accounts", template.name),
                        "add name = \"...-{pool}\" (or {customer} for a tier of capacity 1)",
                    ),
                    Some(name) if *tier.capacity.get_ref() > 1 && placeholders(name.get_ref()).iter().any(|p| p == "customer") => self
                        .push(
                            at(&template.source, name),
                            format!(
                                "template {} names accounts by {{customer}}, but tier {t} puts {} customers in one account",
                                template.name,
                                tier.capacity.get_ref()
                            ),
                            "name pooled accounts by {pool}; {customer} is for tiers of capacity 1",
                        ),
                    Some(_) => {}
                }
            }
            if *tier.capacity.get_ref() == 0 {
                self.push(
                    at(&org_source, &tier.capacity),
                    format!("tier {t} has a capacity of 0"),
                    "give the number of customers one account holds; 1 makes a silo",
                );
            }
            if let Some(target) = &tier.target_usd_per_customer
                && !(target.get_ref().is_finite() && *target.get_ref() > 0.0)
            {
                self.push(
                    at(&org_source, target),
                    format!("tier {t} has a target of {} USD per customer", target.get_ref()),
                    "give the monthly unit cost the tier is priced for, above 0 (such as 5), or remove target_usd_per_customer",
                );
            }
            capacity.insert(t, *tier.capacity.get_ref());
        }
        if let Some(share) = self.repo.org.cost.as_ref().and_then(|c| c.advise.as_ref()).and_then(|a| a.noisy_share_percent.as_ref())
            && !(*share.get_ref() > 0.0 && *share.get_ref() < 100.0)
        {
            self.push(
                at(&org_source, share),
                format!("noisy_share_percent = {} is not a share of a pool's cost", share.get_ref()),
                "give a percentage between 0 and 100, such as 25",
            );
        }

        let mut pools = BTreeSet::new();
        let mut account_ids: BTreeMap<String, Location> = BTreeMap::new();
        for (name, section) in &self.repo.org.account {
            if let Some(id) = &section.id {
                account_ids.insert(id.get_ref().clone(), at(&org_source, name));
            }
        }
        for pool in &tenants.pool {
            let (tier, number) = (pool.tier.get_ref(), *pool.number.get_ref());
            if !capacity.contains_key(tier.as_str()) {
                self.push(
                    at(&source, &pool.tier),
                    format!("pool {number} is of tier {tier}, which is not declared"),
                    format!("add [tenancy.tier.{tier}] or correct the tier"),
                );
            }
            if number == 0 {
                self.push(at(&source, &pool.number), "pool numbers start at 1", "renumber the pool");
            }
            if !pools.insert((tier.clone(), number)) {
                self.push(at(&source, &pool.number), format!("{tier} {number} is declared twice"), "remove the duplicate [[pool]]");
            }
            if let Some(id) = &pool.account_id {
                if !is_account_id(id.get_ref()) {
                    self.push(
                        at(&source, id),
                        format!("`{}` is not an AWS account id", id.get_ref()),
                        "use the 12 digits of the account id",
                    );
                } else if account_ids.insert(id.get_ref().clone(), at(&source, id)).is_some() {
                    self.push(
                        at(&source, id),
                        format!("account {} is declared twice", id.get_ref()),
                        "one account is one pool or one core account",
                    );
                }
            }
        }

        let mut customers = BTreeSet::new();
        let mut placed: BTreeMap<(String, u32), u32> = BTreeMap::new();
        for tenant in &tenants.tenant {
            let c = tenant.customer.get_ref();
            if !is_customer_id(c) {
                self.push(
                    at(&source, &tenant.customer),
                    format!("`{c}` is not a valid customer id"),
                    "use letters, digits and dashes, starting with a letter or digit, at most 63 characters",
                );
            }
            if !customers.insert(c.clone()) {
                self.push(at(&source, &tenant.customer), format!("customer {c} is registered twice"), "keep one [[tenant]] per customer");
            }
            let (tier, number) = (tenant.tier.get_ref().clone(), *tenant.pool.get_ref());
            let Some(&cap) = capacity.get(tier.as_str()) else {
                self.push(
                    at(&source, &tenant.tier),
                    format!("customer {c} is in tier {tier}, which is not declared"),
                    format!("add [tenancy.tier.{tier}] or correct the tier"),
                );
                continue;
            };
            if !pools.contains(&(tier.clone(), number)) {
                self.push(
                    at(&source, &tenant.pool),
                    format!("customer {c} is in {tier} {number}, which is not declared"),
                    "add the [[pool]], or place the customer with `miyabi-org tenant place`",
                );
                continue;
            }
            if let Some(dedicated) = &tenant.dedicated
                && *dedicated.get_ref()
                && cap != 1
            {
                self.push(
                    at(&source, dedicated),
                    format!("customer {c} is dedicated, but tier {tier} puts {cap} customers in one account"),
                    format!(
                        "remove dedicated = true, move the customer with `miyabi-org tenant migrate {c} --to {}`, then set it again",
                        capacity.iter().find(|(_, cap)| **cap == 1).map_or("silo", |(t, _)| *t)
                    ),
                );
            }
            let count = placed.entry((tier.clone(), number)).or_default();
            *count += 1;
            if *count == cap + 1 {
                self.push(
                    at(&source, &tenant.customer),
                    format!("{tier} {number} is over its capacity of {cap} with customer {c}"),
                    "place the customer in another pool, or raise the tier's capacity",
                );
            }
            if let Some(budget) = &tenant.budget_usd
                && *budget.get_ref() <= 0.0
            {
                self.push(
                    at(&source, budget),
                    format!("customer {c} has a budget of {} USD", budget.get_ref()),
                    "give a monthly amount above 0, or remove budget_usd",
                );
            }
            if let Some(since) = &tenant.since
                && !is_date(since.get_ref())
            {
                self.push(at(&source, since), format!("`{}` is not a date", since.get_ref()), "write dates as YYYY-MM-DD");
            }
            if tenant.history.iter().any(|p| !is_date(&p.from) && !p.from.is_empty() || !is_date(&p.to)) {
                self.push(
                    at(&source, &tenant.customer),
                    format!("customer {c} has a placement history entry without valid dates"),
                    "write dates as YYYY-MM-DD",
                );
            }
        }
    }

    /// Accounts as they will be named: unique names and emails, valid for AWS.
    pub(super) fn rendered_accounts(&mut self) {
        let desired = accounts::desired_accounts(self.repo);
        let max = self.limits().scps_per_target;
        let mut names: BTreeSet<String> = BTreeSet::new();
        let mut emails: BTreeSet<String> = BTreeSet::new();
        for account in &desired {
            let location = self.location(&account.declared_as);
            let what = &account.declared_as;
            if !is_account_name(&account.name) {
                self.push(
                    location.clone(),
                    format!("{what} would be named `{}`, not a valid account name", account.name),
                    "account names are 1-50 printable ASCII characters: shorten the template's name",
                );
            }
            if !names.insert(account.name.clone()) {
                self.push(
                    location.clone(),
                    format!("{what} would be named {}, like another account", account.name),
                    "give each account a unique name",
                );
            }
            if !is_email(&account.email) {
                self.push(
                    location.clone(),
                    format!("{what} would get the email `{}`", account.email),
                    "set [organization] email to a pattern such as aws+{slug}@example.com",
                );
            } else if !emails.insert(account.email.to_ascii_lowercase()) {
                self.push(
                    location.clone(),
                    format!("{what} would get the email {}, like another account", account.email),
                    "AWS requires a unique email per account: use {slug} in the pattern or set email",
                );
            }
            let count = account.scps.len() + usize::from(!account.scps.contains(FULL_AWS_ACCESS));
            if max > 0 && count > max {
                self.push(
                    location,
                    format!("{what} would have {count} SCPs, over the limit of {max} per target"),
                    "attach fewer policies to the template and the account",
                );
            }
        }
    }

    fn location(&self, declared_as: &AccountRef) -> Location {
        declared_at(self.repo, declared_as)
    }
}

/// Where the repo declares an account: its `[account."Name"]` or its `[[pool]]`.
pub fn declared_at(repo: &Repo, declared_as: &AccountRef) -> Location {
    match declared_as {
        AccountRef::Core { name } => repo.org_source.find(&format!("[account.\"{name}\"]")),
        AccountRef::Pool { tier, number } => {
            let pool = repo.tenants.pool.iter().find(|p| p.tier.get_ref() == tier && p.number.get_ref() == number);
            pool.map_or_else(|| repo.tenants_source.whole(), |p| at(&repo.tenants_source, &p.tier))
        }
    }
}

/// A character AWS allows in a tag key.
fn is_tag_key_char(c: char) -> bool {
    c.is_alphanumeric() || c == ' ' || "_.:/=+-@".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities() {
        assert!(is_customer_id("ACME") && is_customer_id("a-1") && !is_customer_id("-a") && !is_customer_id("a_b") && !is_customer_id(""));
        assert!(is_account_id("111122223333") && !is_account_id("11112222333"));
        assert!(is_date("2026-10-01") && !is_date("2026-13-01") && !is_date("26-10-01"));
        assert!(is_account_name("Pool-1") && !is_account_name(&"x".repeat(51)));
        assert!("cost-center:customer_id@x".chars().all(is_tag_key_char) && "顧客".chars().all(is_tag_key_char));
        assert!(!is_tag_key_char('\'') && !is_tag_key_char('"') && !is_tag_key_char('\\') && !is_tag_key_char('\n'));
    }
}
