//! Edits of the repo's files by the tool (`tenants.toml`, `[account]` in `miyabi-org.toml`),
//! keeping comments and order so that a person can review them in a pull request.

use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, value};

/// A file as text being edited; `to_string` gives the new text.
#[derive(Debug, Clone)]
pub struct Edit {
    doc: DocumentMut,
}

impl Edit {
    /// The text has been parsed by the loader already, so it is valid TOML.
    pub fn new(text: &str) -> Edit {
        Edit { doc: text.parse().expect("the loader parsed this file") }
    }

    fn array(&mut self, key: &str) -> &mut ArrayOfTables {
        if !self.doc.contains_key(key) {
            self.doc.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
        }
        self.doc[key].as_array_of_tables_mut().expect("checked by the loader")
    }

    /// Appends a table to an array of tables. The comment a file opens with stays at the top: in a
    /// file without tables toml_edit holds it as trailing text, which would end up below.
    fn push(&mut self, key: &str, mut table: Table) {
        if self.doc.is_empty() && !self.doc.trailing().as_str().unwrap_or("").is_empty() {
            let header = self.doc.trailing().as_str().unwrap_or("").trim_end().to_string();
            table.decor_mut().set_prefix(format!("{header}\n\n"));
            self.doc.set_trailing("");
        }
        self.array(key).push(table);
    }

    fn find(&mut self, key: &str, matches: impl Fn(&Table) -> bool) -> Option<&mut Table> {
        self.array(key).iter_mut().find(|t| matches(t))
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
            pool["account_id"] = value(account_id);
        }
    }

    pub fn remove_pool(&mut self, tier: &str, number: u32) {
        self.array("pool").retain(|t| !is_pool(t, tier, number));
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
        let Some(tenant) = self.find("tenant", |t| t.get("customer").and_then(Item::as_str) == Some(customer)) else {
            return;
        };
        let mut past = InlineTable::new();
        past.insert("tier", tenant["tier"].as_str().unwrap_or_default().into());
        past.insert("pool", tenant["pool"].as_integer().unwrap_or_default().into());
        past.insert("from", tenant.get("since").and_then(Item::as_str).unwrap_or("").into());
        past.insert("to", date.into());
        if tenant.get("history").and_then(Item::as_array).is_none() {
            tenant["history"] = value(toml_edit::Array::new());
        }
        tenant["history"].as_array_mut().expect("set above").push(past);
        tenant["tier"] = value(tier);
        tenant["pool"] = value(i64::from(pool));
        tenant["since"] = value(date);
    }

    pub fn set_tenant(&mut self, customer: &str, key: &str, amount: f64) {
        if let Some(tenant) = self.find("tenant", |t| t.get("customer").and_then(Item::as_str) == Some(customer)) {
            tenant[key] = value(amount);
        }
    }

    // ---- [account."Name"] in miyabi-org.toml

    fn accounts(&mut self) -> &mut Table {
        if !self.doc.contains_key("account") {
            let mut table = Table::new();
            table.set_implicit(true);
            self.doc.insert("account", Item::Table(table));
        }
        self.doc["account"].as_table_mut().expect("checked by the loader")
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
        self.accounts().insert(name, Item::Table(account));
    }

    pub fn set_account(&mut self, name: &str, key: &str, text: &str) {
        if let Some(account) = self.accounts().get_mut(name).and_then(Item::as_table_mut) {
            account[key] = value(text);
        }
    }

    pub fn remove_account(&mut self, name: &str) {
        self.accounts().remove(name);
    }
}

fn is_pool(table: &Table, tier: &str, number: u32) -> bool {
    table.get("tier").and_then(Item::as_str) == Some(tier) && table.get("number").and_then(Item::as_integer) == Some(i64::from(number))
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
}
