//! Edits of the repo's files by the tool (`tenants.toml`, `[account]` in `miyabi-org.toml`),
//! keeping comments and order so that a person can review them in a pull request.

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
        match self.doc.get_mut(key) {
            Some(Item::ArrayOfTables(tables)) => tables.iter_mut().map(|t| t as &mut dyn TableLike).collect(),
            Some(Item::Value(Value::Array(array))) => {
                array.iter_mut().filter_map(Value::as_inline_table_mut).map(|t| t as &mut dyn TableLike).collect()
            }
            _ => Vec::new(),
        }
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
}
