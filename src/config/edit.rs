//! Edits of the repo's files by the tool (`tenants.toml`, `[account]` and `[[sso.assignment]]` in
//! `miyabi-org.toml`), keeping comments and order so that a person can review them in a pull request.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, TableLike, Value, value};

/// A file as text being edited; `to_string` gives the new text.
///
/// TOML has two ways to write each thing the tool edits, and the loader reads both: an array of
/// tables as `[[pool]]` headers or as `pool = [{ … }]`, a table of accounts as `[account."X"]`
/// headers or as inline tables (`[account]` with `"X" = { … }`, `account = { X = { … } }`). Edits
/// keep the form the file uses; what the tool adds to a file without the key uses headers.
#[derive(Debug, Clone)]
pub struct Edit {
    doc: DocumentMut,
}

impl Edit {
    /// The text has been parsed by the loader already, so it is valid TOML.
    pub fn new(text: &str) -> Edit {
        Edit { doc: text.parse().expect("the loader parsed this file") }
    }

    /// Appends a table to an array of tables. The comment a file opens with stays at the top: in a
    /// file without tables toml_edit holds it as trailing text, which would end up below.
    fn push(&mut self, key: &str, mut table: Table) {
        if self.doc.is_empty() && !self.doc.trailing().as_str().unwrap_or("").is_empty() {
            let header = self.doc.trailing().as_str().unwrap_or("").trim_end().to_string();
            table.decor_mut().set_prefix(format!("{header}\n\n"));
            self.doc.set_trailing("");
        }
        if !self.doc.contains_key(key) {
            self.doc.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
        }
        push_to(&mut self.doc[key], table);
    }

    /// The tables of an array of tables, in either form.
    fn entries(&mut self, key: &str) -> Vec<&mut dyn TableLike> {
        self.doc.get_mut(key).map_or_else(Vec::new, tables_of)
    }

    fn find(&mut self, key: &str, matches: impl Fn(&dyn TableLike) -> bool) -> Option<&mut dyn TableLike> {
        self.entries(key).into_iter().find(|t| matches(&**t))
    }

    // ---- tenants.toml

    pub fn add_pool(&mut self, tier: &str, number: u32) {
        let mut pool = Table::new();
        pool["tier"] = value(tier);
        pool["number"] = value(i64::from(number));
        self.push("pool", pool);
    }

    pub fn set_pool_account(&mut self, tier: &str, number: u32, account_id: &str) {
        if let Some(pool) = self.find("pool", |t| is_pool(t, tier, number)) {
            set(pool, "account_id", account_id);
        }
    }

    /// `drained = true`, or no `drained` key at all.
    pub fn set_pool_drained(&mut self, tier: &str, number: u32, drained: bool) {
        if let Some(pool) = self.find("pool", |t| is_pool(t, tier, number)) {
            if drained {
                set(pool, "drained", true);
            } else {
                pool.remove("drained");
            }
        }
    }

    pub fn remove_pool(&mut self, tier: &str, number: u32) {
        match self.doc.get_mut("pool") {
            Some(Item::ArrayOfTables(tables)) => tables.retain(|t| !is_pool(t, tier, number)),
            Some(Item::Value(Value::Array(array))) => array.retain(|v| !v.as_inline_table().is_some_and(|t| is_pool(t, tier, number))),
            _ => {}
        }
    }

    pub fn add_tenant(&mut self, customer: &str, tier: &str, pool: u32, since: &str) {
        let mut tenant = Table::new();
        tenant["customer"] = value(customer);
        tenant["tier"] = value(tier);
        tenant["pool"] = value(i64::from(pool));
        tenant["since"] = value(since);
        self.push("tenant", tenant);
    }

    /// Moves a customer, keeping where it was (and from when) in its history.
    pub fn move_tenant(&mut self, customer: &str, tier: &str, pool: u32, date: &str) {
        let Some(tenant) = self.find("tenant", |t| is_customer(t, customer)) else {
            return;
        };
        let text = |key: &str| tenant.get(key).and_then(Item::as_str).unwrap_or("").to_string();
        let mut past = Table::new();
        past["tier"] = value(text("tier"));
        past["pool"] = value(tenant.get("pool").and_then(Item::as_integer).unwrap_or_default());
        past["from"] = value(text("since"));
        past["to"] = value(date);
        // `history = [{ … }]` or `[[tenant.history]]`: the loader reads both.
        match tenant.get_mut("history") {
            Some(history) if history.is_array() || history.is_array_of_tables() => push_to(history, past),
            _ => {
                tenant.insert("history", value(Array::from_iter([past.into_inline_table()])));
            }
        }
        set(tenant, "tier", tier);
        set(tenant, "pool", i64::from(pool));
        set(tenant, "since", date);
    }

    pub fn set_tenant(&mut self, customer: &str, key: &str, amount: f64) {
        if let Some(tenant) = self.find("tenant", |t| is_customer(t, customer)) {
            set(tenant, key, amount);
        }
    }

    // ---- [account."Name"] in miyabi-org.toml

    /// The table of core accounts; the loader has checked that `account`, when there, is one.
    fn accounts(&mut self) -> Option<&mut dyn TableLike> {
        if !self.doc.contains_key("account") {
            let mut table = Table::new();
            table.set_implicit(true);
            self.doc.insert("account", Item::Table(table));
        }
        self.doc["account"].as_table_like_mut()
    }

    pub fn add_account(&mut self, name: &str, template: &str, ou: Option<&str>, email: Option<&str>) {
        let mut account = Table::new();
        account["template"] = value(template);
        if let Some(ou) = ou {
            account["ou"] = value(ou);
        }
        if let Some(email) = email {
            account["email"] = value(email);
        }
        // A new account is written as the others are: `[account."Name"]`, `"Name" = { … }` or
        // `account."Name".template = …`.
        if let Some(accounts) = self.accounts() {
            let inline = accounts.iter().any(|(_, a)| a.is_inline_table()) && !accounts.iter().any(|(_, a)| a.is_table());
            account.set_dotted(accounts.is_dotted());
            let account = if inline { value(account.into_inline_table()) } else { Item::Table(account) };
            insert(accounts, name, account);
        }
    }

    pub fn set_account(&mut self, name: &str, key: &str, text: &str) {
        if let Some(account) = self.accounts().and_then(|a| a.get_mut(name)).and_then(Item::as_table_like_mut) {
            set(account, key, text);
        }
    }

    pub fn remove_account(&mut self, name: &str) {
        if let Some(accounts) = self.accounts() {
            accounts.remove(name);
        }
    }

    // ---- [[sso.assignment]] in miyabi-org.toml

    /// `[[sso.assignment]]` (or `assignment = [{ … }]` in `[sso]`), when there is one.
    fn sso_assignments(&mut self) -> Option<&mut Item> {
        self.doc.get_mut("sso")?.as_table_like_mut()?.get_mut("assignment")
    }

    /// Makes the rules give a grant: nothing when a rule of that principal and permission set lists
    /// the target already; else the target is added to the first such rule without a `label` (a
    /// label ties a rule to account templates), else a new `[[sso.assignment]]` is appended. The
    /// caller has checked that `[sso]` exists.
    pub fn assign_sso(&mut self, grant: &SsoGrant) -> Assigned {
        let rules = self.sso_assignments().map_or_else(Vec::new, tables_of);
        let matching: Vec<(usize, &mut dyn TableLike)> =
            rules.into_iter().enumerate().filter(|(_, rule)| grant.is_rule_of(&**rule)).collect();
        if let Some((index, _)) = matching.iter().find(|(_, rule)| grant.listed_in(&**rule)) {
            return Assigned::Already(*index);
        }
        if let Some((index, rule)) = matching.into_iter().find(|(_, rule)| !rule.contains_key("label")) {
            match rule.get_mut(grant.target_key).and_then(Item::as_array_mut) {
                Some(list) => push_text(list, grant.target()),
                None => insert(rule, grant.target_key, value(Array::from_iter([grant.target()]))),
            }
            return Assigned::Extended(index);
        }
        let mut rule = Table::new();
        rule[grant.principal_key] = value(grant.principal);
        rule["permission_set"] = value(grant.permission_set);
        rule[grant.target_key] = value(Array::from_iter([grant.target()]));
        let index = self.sso_assignments().map_or(0, |item| tables_of(item).len());
        match self.sso_assignments() {
            Some(item) => push_to(item, rule),
            None => {
                // `sso = { … }` keeps its rules inline; a table gets `[[sso.assignment]]`.
                let inline = self.doc.get("sso").is_some_and(Item::is_inline_table);
                let Some(sso) = self.doc.get_mut("sso").and_then(Item::as_table_like_mut) else {
                    return Assigned::Already(0); // no [sso]: refused before editing
                };
                let item = if inline {
                    value(Array::from_iter([rule.into_inline_table()]))
                } else {
                    Item::ArrayOfTables(ArrayOfTables::from_iter([rule]))
                };
                insert(sso, "assignment", item);
            }
        }
        Assigned::Appended(index)
    }

    /// Takes a target out of every rule of that principal and permission set (labelled ones too);
    /// a rule without a label that is left with no target goes, and `assignment` with it when it
    /// was the last.
    pub fn unassign_sso(&mut self, grant: &SsoGrant) -> Unassigned {
        let mut outcome = Unassigned::default();
        let Some(item) = self.sso_assignments() else {
            return outcome;
        };
        for (index, rule) in tables_of(item).into_iter().enumerate() {
            if !grant.is_rule_of(&*rule) || !grant.listed_in(&*rule) {
                continue;
            }
            outcome.edited.push(index);
            if let Some(list) = rule.get_mut(grant.target_key).and_then(Item::as_array_mut) {
                remove_texts(list, grant.spellings);
                if list.is_empty() {
                    rule.remove(grant.target_key);
                }
            }
            let targets = TARGET_KEYS.iter().any(|key| rule.get(key).and_then(Item::as_array).is_some_and(|list| !list.is_empty()));
            if !targets && !rule.contains_key("label") {
                outcome.dropped.push(index);
            }
        }
        let mut position = 0;
        let mut keep = |_: &dyn TableLike| {
            position += 1;
            !outcome.dropped.contains(&(position - 1))
        };
        match item {
            Item::ArrayOfTables(tables) => tables.retain(|t| keep(t)),
            Item::Value(Value::Array(array)) => {
                let removed: Vec<usize> =
                    array.iter().enumerate().filter(|(_, v)| v.as_inline_table().is_some_and(|t| !keep(t))).map(|(i, _)| i).collect();
                for i in removed.into_iter().rev() {
                    remove_at(array, i);
                }
            }
            _ => {}
        }
        let empty = match item {
            Item::ArrayOfTables(tables) => tables.is_empty(),
            Item::Value(Value::Array(array)) => array.is_empty(),
            _ => false,
        };
        if empty && let Some(sso) = self.doc.get_mut("sso").and_then(Item::as_table_like_mut) {
            sso.remove("assignment");
        }
        outcome
    }
}

/// The keys of an assignment rule that name its targets.
const TARGET_KEYS: [&str; 4] = ["accounts", "ous", "tiers", "customers"];

/// One grant as `sso assign` and `sso unassign` name it: a principal, a permission set, a target.
#[derive(Debug, Clone, Copy)]
pub struct SsoGrant<'a> {
    /// `group` or `user`.
    pub principal_key: &'a str,
    pub principal: &'a str,
    pub permission_set: &'a str,
    /// `accounts`, `ous`, `tiers` or `customers`.
    pub target_key: &'a str,
    /// The target as it is written, first, then other spellings of it (an account's id and name).
    pub spellings: &'a [String],
}

impl SsoGrant<'_> {
    fn target(&self) -> &str {
        self.spellings.first().map_or("", String::as_str)
    }

    /// A rule of this principal (and no other) and permission set.
    fn is_rule_of(&self, rule: &dyn TableLike) -> bool {
        let other = if self.principal_key == "group" { "user" } else { "group" };
        rule.get(self.principal_key).and_then(Item::as_str) == Some(self.principal)
            && !rule.contains_key(other)
            && rule.get("permission_set").and_then(Item::as_str) == Some(self.permission_set)
    }

    fn listed_in(&self, rule: &dyn TableLike) -> bool {
        let list = rule.get(self.target_key).and_then(Item::as_array);
        list.is_some_and(|list| list.iter().any(|v| v.as_str().is_some_and(|v| self.spellings.iter().any(|s| s == v))))
    }
}

/// What `assign_sso` did, by the rule's place among `[[sso.assignment]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assigned {
    /// The rule lists the target already: nothing was edited.
    Already(usize),
    /// The target was added to the rule's list.
    Extended(usize),
    /// A new rule.
    Appended(usize),
}

/// What `unassign_sso` did, by the rules' places among `[[sso.assignment]]` before the edit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unassigned {
    /// The rules the target was taken out of; none when no rule listed it.
    pub edited: Vec<usize>,
    /// Those of them removed, left with no target.
    pub dropped: Vec<usize>,
}

/// The tables of an array of tables, in either form.
fn tables_of(item: &mut Item) -> Vec<&mut dyn TableLike> {
    match item {
        Item::ArrayOfTables(tables) => tables.iter_mut().map(|t| t as &mut dyn TableLike).collect(),
        Item::Value(Value::Array(array)) => {
            array.iter_mut().filter_map(Value::as_inline_table_mut).map(|t| t as &mut dyn TableLike).collect()
        }
        _ => Vec::new(),
    }
}

/// Appends a string to an array, on its own line when the last element is on its own line; a
/// comment at the end of the last line stays there.
fn push_text(array: &mut Array, text: &str) {
    let text_of = |raw: Option<&toml_edit::RawString>| raw.and_then(|r| r.as_str()).unwrap_or("").to_string();
    let Some(last) = array.iter().last() else {
        array.push(text);
        return;
    };
    let prefix = text_of(last.decor().prefix());
    let suffix = text_of(last.decor().suffix());
    let Some(indent) = prefix.rfind('\n').map(|i| prefix[i..].to_string()) else {
        array.push(text);
        return;
    };
    // `"a", # note` keeps its note in the array's trailing text, `"a" # note` in the element's
    // suffix: either way it moves to the end of the line that holds "a".
    let mut comment = String::new();
    if let Some(end) = suffix.rfind('\n') {
        comment = suffix[..end].to_string();
        if let Some(last) = array.iter_mut().last() {
            last.decor_mut().set_suffix("");
        }
        array.set_trailing(format!("{}{}", &suffix[end..], array.trailing().as_str().unwrap_or("")));
    } else if array.trailing_comma() {
        let trailing = array.trailing().as_str().unwrap_or("").to_string();
        if let Some(end) = trailing.rfind('\n') {
            comment = trailing[..end].to_string();
            array.set_trailing(&trailing[end..]);
        }
    }
    let mut entry = Value::from(text);
    entry.decor_mut().set_prefix(format!("{comment}{indent}"));
    array.push_formatted(entry);
}

/// Removes every element that is one of `texts`.
fn remove_texts(array: &mut Array, texts: &[String]) {
    let found: Vec<usize> =
        array.iter().enumerate().filter(|(_, v)| v.as_str().is_some_and(|v| texts.iter().any(|t| t == v))).map(|(i, _)| i).collect();
    for i in found.into_iter().rev() {
        remove_at(array, i);
    }
}

/// Removes an element; the first element's spacing goes to the one that becomes first, so that
/// `["a", "b"]` becomes `["b"]`, not `[ "b"]`.
fn remove_at(array: &mut Array, index: usize) {
    let removed = array.remove(index);
    if index == 0
        && let Some(first) = array.get_mut(0)
    {
        let prefix = removed.decor().prefix().cloned();
        match prefix {
            Some(prefix) => first.decor_mut().set_prefix(prefix),
            None => first.decor_mut().set_prefix(""),
        }
    }
}

/// Appends a table to an array of tables in either form; an inline element goes on its own line
/// when the one before it does.
fn push_to(item: &mut Item, table: Table) {
    match item {
        Item::ArrayOfTables(tables) => tables.push(table),
        Item::Value(Value::Array(array)) => {
            let multiline = array
                .iter()
                .last()
                .and_then(|last| last.decor().prefix())
                .cloned()
                .filter(|p| p.as_str().is_some_and(|p| p.contains('\n')));
            let mut entry = Value::InlineTable(table.into_inline_table());
            match multiline {
                Some(prefix) => {
                    entry.decor_mut().set_prefix(prefix);
                    array.push_formatted(entry);
                }
                None => array.push(entry),
            }
        }
        _ => {}
    }
}

/// Sets a key of a table in either form, keeping the key's place.
fn set(table: &mut dyn TableLike, key: &str, new: impl Into<Value>) {
    match table.get_mut(key) {
        Some(item) => *item = value(new),
        None => insert(table, key, value(new)),
    }
}

/// Adds a key at the end of a table in either form.
fn insert(table: &mut dyn TableLike, key: &str, item: Item) {
    // In `{ a = 1 }` the space before `}` belongs to the last value: it goes to the new one.
    if let Some((_, Item::Value(last))) = table.iter_mut().last()
        && last.decor().suffix().and_then(|s| s.as_str()).is_some_and(|s| s.trim().is_empty() && !s.contains('\n'))
    {
        last.decor_mut().set_suffix("");
    }
    table.insert(key, item);
}

fn is_pool(table: &dyn TableLike, tier: &str, number: u32) -> bool {
    table.get("tier").and_then(Item::as_str) == Some(tier) && table.get("number").and_then(Item::as_integer) == Some(i64::from(number))
}

fn is_customer(table: &dyn TableLike, customer: &str) -> bool {
    table.get("customer").and_then(Item::as_str) == Some(customer)
}

impl std::fmt::Display for Edit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_comment_stays_on_top() {
        let mut edit = Edit::new("# The tenant registry.\n# Written by the tool.\n");
        edit.add_pool("pool", 1);
        insta::assert_snapshot!(edit.to_string(), @r#"
        # The tenant registry.
        # Written by the tool.

        [[pool]]
        tier = "pool"
        number = 1
        "#);
    }

    #[test]
    fn edits_keep_comments_and_order() {
        let mut edit = Edit::new(
            "# The tenant registry.\n\n[[pool]]\ntier = \"pool\"\nnumber = 1 # the first\n\n[[tenant]]\ncustomer = \"ACME\"\ntier = \"pool\"\npool = 1\nsince = \"2026-09-01\"\n",
        );
        edit.set_pool_account("pool", 1, "111122223333");
        edit.add_pool("silo", 1);
        edit.move_tenant("ACME", "silo", 1, "2026-10-15");
        edit.add_tenant("Beta", "pool", 1, "2026-10-15");
        insta::assert_snapshot!(edit.to_string(), @r#"
        # The tenant registry.

        [[pool]]
        tier = "pool"
        number = 1 # the first
        account_id = "111122223333"

        [[pool]]
        tier = "silo"
        number = 1

        [[tenant]]
        customer = "ACME"
        tier = "silo"
        pool = 1
        since = "2026-10-15"
        history = [{ tier = "pool", pool = 1, from = "2026-09-01", to = "2026-10-15" }]

        [[tenant]]
        customer = "Beta"
        tier = "pool"
        pool = 1
        since = "2026-10-15"
        "#);
    }

    #[test]
    fn inline_arrays_of_tables_are_edited_inline() {
        let mut edit = Edit::new(
            "pool = [{ tier = \"pool\", number = 1 }]\ntenant = [\n  { customer = \"ACME\", tier = \"pool\", pool = 1, since = \"2026-09-01\" },\n  { customer = \"Beta\", tier = \"pool\", pool = 1 },\n]\n",
        );
        edit.set_pool_account("pool", 1, "111122223333");
        edit.add_pool("silo", 1);
        edit.add_pool("silo", 2);
        edit.remove_pool("silo", 2);
        edit.move_tenant("ACME", "silo", 1, "2026-10-15");
        edit.move_tenant("ACME", "pool", 1, "2026-11-01");
        edit.set_tenant("Beta", "budget_usd", 100.0);
        edit.add_tenant("Gamma", "pool", 1, "2026-10-15");
        insta::assert_snapshot!(edit.to_string(), @r#"
        pool = [{ tier = "pool", number = 1, account_id = "111122223333" }, { tier = "silo", number = 1 }]
        tenant = [
          { customer = "ACME", tier = "pool", pool = 1, since = "2026-11-01", history = [{ tier = "pool", pool = 1, from = "2026-09-01", to = "2026-10-15" }, { tier = "silo", pool = 1, from = "2026-10-15", to = "2026-11-01" }] },
          { customer = "Beta", tier = "pool", pool = 1, budget_usd = 100.0 },
          { customer = "Gamma", tier = "pool", pool = 1, since = "2026-10-15" },
        ]
        "#);
    }

    #[test]
    fn a_history_of_tables_keeps_its_form() {
        let mut edit = Edit::new(
            "[[tenant]]\ncustomer = \"ACME\"\ntier = \"pool\"\npool = 2\nsince = \"2026-09-01\"\n\n[[tenant.history]]\ntier = \"pool\"\npool = 1\nfrom = \"2026-08-01\"\nto = \"2026-09-01\"\n",
        );
        edit.move_tenant("ACME", "silo", 1, "2026-10-15");
        insta::assert_snapshot!(edit.to_string(), @r#"
        [[tenant]]
        customer = "ACME"
        tier = "silo"
        pool = 1
        since = "2026-10-15"

        [[tenant.history]]
        tier = "pool"
        pool = 1
        from = "2026-08-01"
        to = "2026-09-01"

        [[tenant.history]]
        tier = "pool"
        pool = 2
        from = "2026-09-01"
        to = "2026-10-15"
        "#);
    }

    #[test]
    fn inline_accounts_are_edited_inline() {
        let mut edit = Edit::new("[account]\n\"Security\" = { template = \"core\" }\n");
        edit.set_account("Security", "id", "111122223333");
        edit.add_account("Logs", "core", Some("Security"), None);
        insta::assert_snapshot!(edit.to_string(), @r#"
        [account]
        "Security" = { template = "core", id = "111122223333" }
        Logs = { template = "core", ou = "Security" }
        "#);
        let mut edit = Edit::new("account = { Security = { template = \"core\" } }\n\n[organization]\nname = \"x\"\n");
        edit.set_account("Security", "id", "111122223333");
        edit.add_account("Logs", "core", None, None);
        edit.remove_account("Nobody");
        insta::assert_snapshot!(edit.to_string(), @r#"
        account = { Security = { template = "core", id = "111122223333" }, Logs = { template = "core" } }

        [organization]
        name = "x"
        "#);
        let mut edit = Edit::new("account.Security.template = \"core\"\n\n[organization]\nname = \"x\"\n");
        edit.set_account("Security", "id", "111122223333");
        edit.add_account("Logs", "core", None, None);
        insta::assert_snapshot!(edit.to_string(), @r#"
        account.Security.template = "core"
        account.Security.id = "111122223333"
        account.Logs.template = "core"

        [organization]
        name = "x"
        "#);
    }

    fn grant<'a>(principal_key: &'a str, principal: &'a str, set: &'a str, key: &'a str, spellings: &'a [String]) -> SsoGrant<'a> {
        SsoGrant { principal_key, principal, permission_set: set, target_key: key, spellings }
    }

    fn one(text: &str) -> Vec<String> {
        vec![text.to_string()]
    }

    const SSO: &str = r#"# Org.
[organization]
name = "x"

# Identity Center.
[sso]
region = "us-east-1" # where it lives

[sso.permission_set."ReadOnly"]
session_duration = "PT4H"

[sso.permission_set."Admin"]

# Cost.
[cost]
engine = "local"
"#;

    #[test]
    fn assign_appends_a_rule_then_extends_it_and_never_twice() {
        let mut edit = Edit::new(SSO);
        let (pool, acme) = (one("pool"), one("ACME"));
        assert_eq!(edit.assign_sso(&grant("group", "Developers", "ReadOnly", "tiers", &pool)), Assigned::Appended(0));
        assert_eq!(edit.assign_sso(&grant("group", "Developers", "ReadOnly", "customers", &acme)), Assigned::Extended(0));
        // Another principal, or the same one with another permission set, is another rule.
        assert_eq!(edit.assign_sso(&grant("user", "Developers", "ReadOnly", "tiers", &pool)), Assigned::Appended(1));
        assert_eq!(edit.assign_sso(&grant("group", "Developers", "Admin", "tiers", &pool)), Assigned::Appended(2));
        let once = edit.to_string();
        assert_eq!(edit.assign_sso(&grant("group", "Developers", "ReadOnly", "tiers", &pool)), Assigned::Already(0));
        assert_eq!(edit.to_string(), once);
        insta::assert_snapshot!(once, @r#"
        # Org.
        [organization]
        name = "x"

        # Identity Center.
        [sso]
        region = "us-east-1" # where it lives

        [sso.permission_set."ReadOnly"]
        session_duration = "PT4H"

        [sso.permission_set."Admin"]

        [[sso.assignment]]
        group = "Developers"
        permission_set = "ReadOnly"
        tiers = ["pool"]
        customers = ["ACME"]

        [[sso.assignment]]
        user = "Developers"
        permission_set = "ReadOnly"
        tiers = ["pool"]

        [[sso.assignment]]
        group = "Developers"
        permission_set = "Admin"
        tiers = ["pool"]

        # Cost.
        [cost]
        engine = "local"
        "#);
    }

    #[test]
    fn assign_knows_an_account_by_either_spelling_and_leaves_labelled_rules_alone() {
        let mut edit = Edit::new(
            "[sso.permission_set.Admin]\n\n[[sso.assignment]] # by hand\nlabel = \"ops\"\ngroup = \"Ops\"\npermission_set = \"Admin\"\n\n[[sso.assignment]]\ngroup = \"Ops\"\npermission_set = \"Admin\"\naccounts = [\n  \"111122223333\", # Pool-1\n]\n",
        );
        let pool_1 = ["Pool-1".to_string(), "111122223333".to_string()];
        assert_eq!(edit.assign_sso(&grant("group", "Ops", "Admin", "accounts", &pool_1)), Assigned::Already(1));
        assert_eq!(edit.assign_sso(&grant("group", "Ops", "Admin", "accounts", &one("Pool-2"))), Assigned::Extended(1));
        insta::assert_snapshot!(edit.to_string(), @r#"
        [sso.permission_set.Admin]

        [[sso.assignment]] # by hand
        label = "ops"
        group = "Ops"
        permission_set = "Admin"

        [[sso.assignment]]
        group = "Ops"
        permission_set = "Admin"
        accounts = [
          "111122223333", # Pool-1
          "Pool-2",
        ]
        "#);
        // Without a trailing comma, the note stays on its line too.
        let mut edit =
            Edit::new("[sso]\n[[sso.assignment]]\ngroup = \"Ops\"\npermission_set = \"Admin\"\nous = [\n  \"Security\" # audits\n]\n");
        edit.assign_sso(&grant("group", "Ops", "Admin", "ous", &one("Sandbox")));
        insta::assert_snapshot!(edit.to_string(), @r#"
        [sso]
        [[sso.assignment]]
        group = "Ops"
        permission_set = "Admin"
        ous = [
          "Security", # audits
          "Sandbox"
        ]
        "#);
        // Only a labelled rule: the grant gets a rule of its own.
        let mut edit = Edit::new("[sso]\n[[sso.assignment]]\nlabel = \"ops\"\ngroup = \"Ops\"\npermission_set = \"Admin\"\n");
        assert_eq!(edit.assign_sso(&grant("group", "Ops", "Admin", "ous", &one("Security"))), Assigned::Appended(1));
        insta::assert_snapshot!(edit.to_string(), @r#"
        [sso]
        [[sso.assignment]]
        label = "ops"
        group = "Ops"
        permission_set = "Admin"

        [[sso.assignment]]
        group = "Ops"
        permission_set = "Admin"
        ous = ["Security"]
        "#);
    }

    #[test]
    fn unassign_takes_the_target_out_of_every_rule_and_drops_empty_ones() {
        let mut edit = Edit::new(
            "[sso]\n\n# Developers read the pools.\n[[sso.assignment]]\ngroup = \"Developers\"\npermission_set = \"ReadOnly\"\ntiers = [\"pool\", \"bridge\"]\n\n[[sso.assignment]]\ngroup = \"Developers\"\npermission_set = \"ReadOnly\"\ntiers = [\"pool\"]\nexclude_accounts = [\"Pool-9\"]\n\n[[sso.assignment]]\nlabel = \"pools\"\ngroup = \"Developers\"\npermission_set = \"ReadOnly\"\ntiers = [\"pool\"]\n\n[[sso.assignment]]\nuser = \"Developers\"\npermission_set = \"ReadOnly\"\ntiers = [\"pool\"]\n",
        );
        let pool = one("pool");
        let outcome = edit.unassign_sso(&grant("group", "Developers", "ReadOnly", "tiers", &pool));
        assert_eq!(outcome, Unassigned { edited: vec![0, 1, 2], dropped: vec![1] });
        insta::assert_snapshot!(edit.to_string(), @r#"
        [sso]

        # Developers read the pools.
        [[sso.assignment]]
        group = "Developers"
        permission_set = "ReadOnly"
        tiers = ["bridge"]

        [[sso.assignment]]
        label = "pools"
        group = "Developers"
        permission_set = "ReadOnly"

        [[sso.assignment]]
        user = "Developers"
        permission_set = "ReadOnly"
        tiers = ["pool"]
        "#);
        assert_eq!(edit.unassign_sso(&grant("group", "Developers", "ReadOnly", "tiers", &pool)), Unassigned::default());
        assert_eq!(edit.unassign_sso(&grant("group", "Developers", "Admin", "tiers", &one("bridge"))), Unassigned::default());
    }

    #[test]
    fn unassign_of_the_last_rule_removes_the_array_and_keeps_the_rest() {
        let mut edit = Edit::new(SSO);
        let pool_1 = ["111122223333".to_string(), "Pool-1".to_string()];
        edit.assign_sso(&grant("user", "alice", "Admin", "accounts", &["Pool-1".to_string()]));
        let outcome = edit.unassign_sso(&grant("user", "alice", "Admin", "accounts", &pool_1));
        assert_eq!(outcome, Unassigned { edited: vec![0], dropped: vec![0] });
        assert_eq!(edit.to_string(), SSO);
    }

    #[test]
    fn inline_rules_are_edited_inline() {
        let mut edit = Edit::new(
            "[sso]\nassignment = [\n  { group = \"Ops\", permission_set = \"Admin\", tiers = [\"pool\", \"silo\"] },\n  { group = \"Ops\", permission_set = \"ReadOnly\", label = \"ops\" },\n]\n\n[sso.permission_set.Admin]\n",
        );
        let security = one("Security");
        assert_eq!(edit.assign_sso(&grant("group", "Ops", "Admin", "ous", &security)), Assigned::Extended(0));
        assert_eq!(edit.assign_sso(&grant("group", "Ops", "ReadOnly", "ous", &security)), Assigned::Appended(2));
        edit.unassign_sso(&grant("group", "Ops", "Admin", "tiers", &one("pool")));
        insta::assert_snapshot!(edit.to_string(), @r#"
        [sso]
        assignment = [
          { group = "Ops", permission_set = "Admin", tiers = ["silo"], ous = ["Security"] },
          { group = "Ops", permission_set = "ReadOnly", label = "ops" },
          { group = "Ops", permission_set = "ReadOnly", ous = ["Security"] },
        ]

        [sso.permission_set.Admin]
        "#);
        edit.unassign_sso(&grant("group", "Ops", "Admin", "tiers", &one("silo")));
        let outcome = edit.unassign_sso(&grant("group", "Ops", "Admin", "ous", &security));
        assert_eq!(outcome, Unassigned { edited: vec![0], dropped: vec![0] });
        insta::assert_snapshot!(edit.to_string(), @r#"
        [sso]
        assignment = [
          { group = "Ops", permission_set = "ReadOnly", label = "ops" },
          { group = "Ops", permission_set = "ReadOnly", ous = ["Security"] },
        ]

        [sso.permission_set.Admin]
        "#);
        // `sso = { … }` gets its first rule inline too.
        let mut edit = Edit::new("sso = { permission_set = { Admin = {} } }\n");
        assert_eq!(edit.assign_sso(&grant("group", "Ops", "Admin", "accounts", &one("Pool-1"))), Assigned::Appended(0));
        insta::assert_snapshot!(edit.to_string(), @r#"sso = { permission_set = { Admin = {} }, assignment = [{ group = "Ops", permission_set = "Admin", accounts = ["Pool-1"] }] }"#);
    }

    #[test]
    fn a_first_rule_goes_below_the_permission_sets_of_an_implicit_sso() {
        let mut edit = Edit::new("[sso.permission_set.Admin]\nmanaged_policies = []\n\n[cost]\nengine = \"local\"\n");
        edit.assign_sso(&grant("group", "Ops", "Admin", "accounts", &one("Pool-1")));
        insta::assert_snapshot!(edit.to_string(), @r#"
        [sso.permission_set.Admin]
        managed_policies = []

        [[sso.assignment]]
        group = "Ops"
        permission_set = "Admin"
        accounts = ["Pool-1"]

        [cost]
        engine = "local"
        "#);
    }
}
