//! No input makes a loader panic: arbitrary bytes and mutated copies of the example repo's files
//! fed to `config::load`, `validate`, the editor of `tenants.toml` and `miyabi-org.toml`, and
//! arbitrary CUR files fed to the local engine's schema check. The answer is always success or a
//! diagnostic, and the repo's files are byte for byte what they were.
//!
//! `PROPTEST_CASES=2000 cargo test --test loader_properties` runs more cases than the default.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use miyabi_org::config::edit::Edit;
use miyabi_org::config::schema::PastPlacement;
use miyabi_org::config::{self, Changes, REPO_FILE, TENANTS_FILE};
use miyabi_org::validate::validate;
use proptest::prelude::*;
use proptest::sample::{Index, select};

/// A few seconds in a debug build; `PROPTEST_CASES` asks for more.
const DEFAULT_CASES: u32 = 128;

fn config() -> ProptestConfig {
    // Setting `cases` bypasses proptest's own reading of PROPTEST_CASES, so it is read here.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_CASES);
    // No regression files in the tree: a failure prints its shrunk case, which becomes a test by hand.
    ProptestConfig { cases, failure_persistence: None, max_shrink_iters: 4096, ..ProptestConfig::default() }
}

// ---- the example repo and variants of its files

/// A registry with pools, tenants, a budget and a history, in the tool's own form.
const TENANTS: &str = r#"# The tenant registry: pools (shared accounts) and the customers placed in them.

[[pool]]
tier = "pool"
number = 1
account_id = "111111111111"

[[pool]]
tier = "silo"
number = 1

[[tenant]]
customer = "ACME"
tier = "pool"
pool = 1
since = "2026-01-05"
budget_usd = 250.0
history = [{ tier = "silo", pool = 1, from = "2025-11-01", to = "2026-01-05" }]

[[tenant]]
customer = "Globex"
tier = "silo"
pool = 1
since = "2026-02-01"
"#;

/// The same registry written with inline arrays of inline tables, which TOML allows.
const TENANTS_INLINE: &str = r#"pool = [{ tier = "pool", number = 1, account_id = "111111111111" }, { tier = "silo", number = 1 }]
tenant = [
  { customer = "ACME", tier = "pool", pool = 1, since = "2026-01-05", budget_usd = 250.0, history = [{ tier = "silo", pool = 1, from = "2025-11-01", to = "2026-01-05" }] },
  { customer = "Globex", tier = "silo", pool = 1, since = "2026-02-01" },
]
"#;

/// The registry with a history written as `[[tenant.history]]` tables, which TOML also allows.
const TENANTS_HISTORY_TABLES: &str = r#"[[pool]]
tier = "pool"
number = 1

[[tenant]]
customer = "ACME"
tier = "pool"
pool = 1
since = "2026-01-05"

[[tenant.history]]
tier = "silo"
pool = 1
from = "2025-11-01"
to = "2026-01-05"
"#;

/// The core accounts of the example's miyabi-org.toml, as `init` writes them.
const ACCOUNTS: &str = r#"[account."Miyabi Security"]
template = "core"
ou = "Security"
email = "security@miyabi.io"

[account."Miyabi Log Archive"]
template = "core"
ou = "Security"

[account."Miyabi Shared Services"]
template = "core"
"#;

/// The same accounts as inline tables in `[account]`.
const ACCOUNTS_INLINE: &str = r#"[account]
"Miyabi Security" = { template = "core", ou = "Security", email = "security@miyabi.io" }
"Miyabi Log Archive" = { template = "core", ou = "Security" }
"Miyabi Shared Services" = { template = "core" }
"#;

/// The same accounts as one inline table, at the top of the file (before any table header).
const ACCOUNTS_TOP: &str = r#"account = { "Miyabi Security" = { template = "core", ou = "Security", email = "security@miyabi.io" }, "Miyabi Log Archive" = { template = "core", ou = "Security" }, "Miyabi Shared Services" = { template = "core" } }
"#;

/// The same accounts as dotted keys at the top of the file.
const ACCOUNTS_DOTTED: &str = r#"account."Miyabi Security".template = "core"
account."Miyabi Security".ou = "Security"
account."Miyabi Log Archive".template = "core"
account."Miyabi Shared Services".template = "core"
"#;

/// Every file of the example repo by path relative to its root.
type Files = BTreeMap<PathBuf, Vec<u8>>;

struct Example {
    files: Files,
    /// Texts each editable file starts from before it is mutated.
    bases: BTreeMap<PathBuf, Vec<String>>,
}

fn example() -> &'static Example {
    static EXAMPLE: OnceLock<Example> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let dir = support::example_repo();
        let files = snapshot(dir.path());
        let mut bases: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
        for (path, bytes) in &files {
            bases.entry(path.clone()).or_default().push(String::from_utf8(bytes.clone()).unwrap());
        }
        bases.get_mut(Path::new(TENANTS_FILE)).unwrap().extend([TENANTS, TENANTS_INLINE, TENANTS_HISTORY_TABLES].map(String::from));
        let org = String::from_utf8(files[Path::new(REPO_FILE)].clone()).unwrap();
        assert!(org.contains(ACCOUNTS), "the example's miyabi-org.toml has no {ACCOUNTS:?}");
        let without = org.replace(ACCOUNTS, "");
        let variants = [
            org.replace(ACCOUNTS, ACCOUNTS_INLINE),
            format!("{ACCOUNTS_TOP}{without}"),
            format!("{ACCOUNTS_DOTTED}{without}"),
            format!("account = {{}}\n{without}"),
        ];
        bases.get_mut(Path::new(REPO_FILE)).unwrap().extend(variants);
        Example { files, bases }
    })
}

/// Every file under a directory, by path relative to it.
fn snapshot(root: &Path) -> Files {
    fn walk(root: &Path, dir: &Path, files: &mut Files) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                files.insert(path.strip_prefix(root).unwrap().to_path_buf(), std::fs::read(&path).unwrap());
            }
        }
    }
    let mut files = Files::new();
    walk(root, root, &mut files);
    files
}

fn write_repo(root: &Path, files: &Files) {
    for (path, bytes) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

// ---- mutations

/// Tokens spliced into a file: TOML and JSON syntax, odd numbers, unicode, the inline forms.
const TOKENS: &[&str] = &[
    "[[pool]]",
    "[[tenant]]",
    "[pool]",
    "[account]",
    "[account.\"X\"]",
    "[ou.\"Workloads/Pool/A/B/C/D/E\"]",
    "[tenancy.tier.x]",
    "= [{",
    "\"",
    "'",
    "\"\"\"",
    "}",
    "{",
    "]",
    "[",
    "=",
    ",",
    ":",
    "#",
    "\\",
    "\\u0000",
    "\\uD800",
    "0",
    "-1",
    "4294967296",
    "-9223372036854775808",
    "99999999999999999999",
    "1e308",
    "-0.0",
    "nan",
    "inf",
    "true",
    "null",
    "1979-05-27T07:32:00Z",
    "日本語",
    "\u{202e}",
    "👩‍👩‍👧",
    "\r",
    "\t",
    "\u{feff}",
    "pool = [{tier=\"pool\", number=1}]",
    "pool = []",
    "tenant = [{customer=\"X\", tier=\"pool\", pool=1}]",
    "tenant = [{customer=\"ACME\", tier=\"pool\", pool=1, history=[]}]",
    "account = { X = { template = \"core\" } }",
    "X = { template = \"core\" }",
    "account.X.template = \"core\"",
    "history = [{ tier = \"pool\", pool = 1, from = \"\", to = \"\" }]",
    "budget_usd = -1e400",
    "{\"Version\": \"2012-10-17\", \"Statement\": []}",
    "\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}]",
    "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
];

/// Values that replace the value of a `key = value` line, changing its type.
const VALUES: &[&str] = &[
    "1",
    "0",
    "-1",
    "4294967296",
    "1.5",
    "\"\"",
    "\"x\"",
    "\"{slug}{slug}\"",
    "\"{customer}\"",
    "true",
    "[]",
    "[1, \"a\"]",
    "[\"FullAWSAccess\", \"FullAWSAccess\"]",
    "{}",
    "{ a = 1 }",
    "1979-05-27",
    "nan",
    "[{ tier = \"pool\", number = 1 }]",
];

/// Strings that replace a quoted string, keeping the file's types: names the repo uses elsewhere,
/// names it does not, and values a check has to refuse.
const STRINGS: &[&str] = &[
    "",
    " ",
    "FullAWSAccess",
    "core",
    "pool",
    "silo",
    "nonexistent",
    "Security",
    "Workloads/Pool",
    "Workloads//Pool",
    "/Workloads",
    "Workloads/Pool/A/B/C/D/E/F",
    "Root",
    "ACME",
    "aws-guardrails-x",
    "deny-root-user",
    "customer-tag",
    "aws:customer",
    "customer's",
    "{slug}",
    "{customer}-{pool}",
    "aws+{slug}@miyabi.io",
    "not an email",
    "111122223333",
    "11112222333",
    "o-a1b2c3d4e5",
    "us-east-1",
    "mars-north-1",
    "2026-01-05",
    "2026-13-45",
    "Deny",
    "Allow",
    "*",
    "s3:*",
    "2012-10-17",
    "日本語",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    InsertLine(Index, &'static str),
    /// A token at a character of a line.
    Splice(Index, Index, &'static str),
    /// The value of a `key = value` line (or of `"key": value` in JSON) replaced.
    ReplaceValue(Index, &'static str),
    /// The first quoted string of a line replaced.
    ReplaceString(Index, &'static str),
    /// A very long string in a line.
    LongString(Index, usize),
    /// The text cut at a character.
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<Index>;
    prop_oneof![
        index().prop_map(Mutation::DeleteLine),
        index().prop_map(Mutation::DuplicateLine),
        (index(), index()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (index(), select(TOKENS)).prop_map(|(at, token)| Mutation::InsertLine(at, token)),
        (index(), index(), select(TOKENS)).prop_map(|(line, at, token)| Mutation::Splice(line, at, token)),
        (index(), select(VALUES)).prop_map(|(line, value)| Mutation::ReplaceValue(line, value)),
        (index(), select(STRINGS)).prop_map(|(line, text)| Mutation::ReplaceString(line, text)),
        (index(), select(STRINGS)).prop_map(|(line, text)| Mutation::ReplaceString(line, text)),
        (index(), 1_000usize..100_000).prop_map(|(line, len)| Mutation::LongString(line, len)),
        index().prop_map(Mutation::Truncate),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for m in mutations {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let n = lines.len();
        match m {
            Mutation::DeleteLine(i) => {
                lines.remove(i.index(n));
            }
            Mutation::DuplicateLine(i) => {
                let line = lines[i.index(n)].clone();
                lines.insert(i.index(n), line);
            }
            Mutation::SwapLines(a, b) => lines.swap(a.index(n), b.index(n)),
            Mutation::InsertLine(i, token) => lines.insert(i.index(n + 1), token.to_string()),
            Mutation::Splice(i, at, token) => {
                let line = &mut lines[i.index(n)];
                let at = char_boundary(line, at);
                line.insert_str(at, token);
            }
            Mutation::ReplaceValue(i, value) => {
                let line = &mut lines[i.index(n)];
                if let Some(eq) = line.find(" = ").map(|e| e + 3).or_else(|| line.find("\": ").map(|e| e + 3)) {
                    let comma = if line.trim_end().ends_with(',') { "," } else { "" };
                    line.replace_range(eq.., &format!("{value}{comma}"));
                }
            }
            Mutation::ReplaceString(i, text) => {
                let line = &mut lines[i.index(n)];
                if let Some(open) = line.find('"')
                    && let Some(close) = line[open + 1..].find('"')
                {
                    line.replace_range(open + 1..open + 1 + close, text);
                }
            }
            Mutation::LongString(i, len) => {
                let line = &mut lines[i.index(n)];
                let at = line.find('"').map_or(line.len(), |q| q + 1);
                line.insert_str(at, &"ä".repeat(*len));
            }
            Mutation::Truncate(at) => {
                let text = lines.join("\n");
                let at = char_boundary(&text, at);
                lines = text[..at].lines().map(str::to_string).collect();
            }
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// A byte offset at a character boundary of `text`, chosen by `at`.
fn char_boundary(text: &str, at: &Index) -> usize {
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    boundaries[at.index(boundaries.len())]
}

/// What one case writes over one file of the example repo.
#[derive(Debug, Clone)]
enum Content {
    Bytes(Vec<u8>),
    /// One of the file's base texts (an index into them), mutated.
    Mutated(Index, Vec<Mutation>),
}

fn content() -> impl Strategy<Value = Content> {
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..512).prop_map(Content::Bytes),
        1 => prop::collection::vec(select(&[b'[', b']', b'{', b'}', b'"', b'=', b'\n', b'a', b'1', b'.', b',', 0xff, 0xc3][..]), 0..256)
            .prop_map(Content::Bytes),
        6 => (any::<Index>(), prop::collection::vec(mutation(), 0..4)).prop_map(|(base, m)| Content::Mutated(base, m)),
    ]
}

fn render(content: &Content, bases: &[String]) -> Vec<u8> {
    match content {
        Content::Bytes(bytes) => bytes.clone(),
        Content::Mutated(base, mutations) => mutate(&bases[base.index(bases.len())], mutations).into_bytes(),
    }
}

// ---- edits the commands make

const TIERS: [&str; 4] = ["pool", "silo", "bridge", "日本"];
const CUSTOMERS: [&str; 4] = ["ACME", "Globex", "New", "\"quoted\""];
const ACCOUNT_NAMES: [&str; 4] = ["Miyabi Security", "Miyabi Shared Services", "X", "New Account"];

#[derive(Debug, Clone)]
enum TenantsOp {
    AddPool(&'static str, u32),
    SetPoolAccount(&'static str, u32),
    RemovePool(&'static str, u32),
    AddTenant(&'static str, &'static str, u32),
    MoveTenant(&'static str, &'static str, u32),
    SetTenant(&'static str, f64),
}

#[derive(Debug, Clone)]
enum OrgOp {
    Add(&'static str, Option<&'static str>, Option<&'static str>),
    Set(&'static str, &'static str, &'static str),
    Remove(&'static str),
}

fn tenants_op() -> impl Strategy<Value = TenantsOp> {
    let (tier, customer, number) = (|| select(&TIERS[..]), || select(&CUSTOMERS[..]), || 0u32..4);
    prop_oneof![
        (tier(), number()).prop_map(|(t, n)| TenantsOp::AddPool(t, n)),
        (tier(), number()).prop_map(|(t, n)| TenantsOp::SetPoolAccount(t, n)),
        (tier(), number()).prop_map(|(t, n)| TenantsOp::RemovePool(t, n)),
        (customer(), tier(), number()).prop_map(|(c, t, n)| TenantsOp::AddTenant(c, t, n)),
        (customer(), tier(), number()).prop_map(|(c, t, n)| TenantsOp::MoveTenant(c, t, n)),
        (customer(), prop_oneof![Just(0.0), Just(12.5), Just(-1.0), Just(f64::MAX)]).prop_map(|(c, a)| TenantsOp::SetTenant(c, a)),
    ]
}

fn org_op() -> impl Strategy<Value = OrgOp> {
    let name = || select(&ACCOUNT_NAMES[..]);
    prop_oneof![
        (name(), prop::option::of(Just("Security")), prop::option::of(Just("new@miyabi.io")))
            .prop_map(|(n, ou, email)| OrgOp::Add(n, ou, email)),
        (name(), select(&["id", "ou", "email"][..]), select(&["111122223333", "Sandbox", ""][..]))
            .prop_map(|(n, k, v)| OrgOp::Set(n, k, v)),
        name().prop_map(OrgOp::Remove),
    ]
}

fn edit_tenants(text: &str, ops: &[TenantsOp]) -> String {
    let mut edit = Edit::new(text);
    for op in ops {
        match *op {
            TenantsOp::AddPool(tier, n) => edit.add_pool(tier, n),
            TenantsOp::SetPoolAccount(tier, n) => edit.set_pool_account(tier, n, "222233334444"),
            TenantsOp::RemovePool(tier, n) => edit.remove_pool(tier, n),
            TenantsOp::AddTenant(customer, tier, n) => edit.add_tenant(customer, tier, n, "2026-11-23"),
            TenantsOp::MoveTenant(customer, tier, n) => edit.move_tenant(customer, tier, n, "2026-11-23"),
            TenantsOp::SetTenant(customer, amount) => edit.set_tenant(customer, "budget_usd", amount),
        }
    }
    edit.to_string()
}

fn edit_org(text: &str, ops: &[OrgOp]) -> String {
    let mut edit = Edit::new(text);
    for op in ops {
        match *op {
            OrgOp::Add(name, ou, email) => edit.add_account(name, "core", ou, email),
            OrgOp::Set(name, key, text) => edit.set_account(name, key, text),
            OrgOp::Remove(name) => edit.remove_account(name),
        }
    }
    edit.to_string()
}

// ---- one case

/// Writes the example repo with `file` replaced, loads and validates it, renders every problem,
/// makes the edits on the files the loader accepted and loads the edited texts; then the repo's
/// files must be what they were.
fn check(file: &Path, bytes: Vec<u8>, tenants_ops: &[TenantsOp], org_ops: &[OrgOp]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let mut files = example().files.clone();
    files.insert(file.to_path_buf(), bytes);
    write_repo(dir.path(), &files);
    let before = snapshot(dir.path());

    let problems = match config::load(dir.path()) {
        Ok(repo) => {
            let problems = validate(&repo);
            let mut changes = Changes::new();
            if !tenants_ops.is_empty() {
                let text = edit_tenants(&repo.tenants_source.text, tenants_ops);
                prop_assert!(text.parse::<toml_edit::DocumentMut>().is_ok(), "the edited tenants.toml is not TOML:\n{text}");
                changes.insert(TENANTS_FILE.into(), text);
            }
            if !org_ops.is_empty() {
                let text = edit_org(&repo.org_source.text, org_ops);
                prop_assert!(text.parse::<toml_edit::DocumentMut>().is_ok(), "the edited miyabi-org.toml is not TOML:\n{text}");
                changes.insert(REPO_FILE.into(), text);
            }
            if !changes.is_empty()
                && let Ok(edited) = config::load_with(dir.path(), &changes)
            {
                validate(&edited);
                // The edits add to what the registry says; they never lose a placement.
                let mut seen = std::collections::BTreeSet::new();
                for tenant in &repo.tenants.tenant {
                    let customer = tenant.customer.get_ref();
                    if !seen.insert(customer) {
                        continue; // the editor and this check both take the first of a customer
                    }
                    let after = edited.tenants.tenant.iter().find(|t| t.customer.get_ref() == customer);
                    let (before, after) = (history(&tenant.history), after.map(|t| history(&t.history)).unwrap_or_default());
                    prop_assert!(after.starts_with(&before), "{customer} lost its history {before:?}: {after:?}");
                }
            }
            problems
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty(), "the loader refused {} without saying why", file.display());
            problems
        }
    };
    for problem in &problems.0 {
        let text = problem.to_string();
        prop_assert!(text.starts_with("error: ") && text.contains("= help: "), "{text}");
        serde_json::to_string(problem).unwrap();
    }
    prop_assert!(snapshot(dir.path()) == before, "the repo's files changed");
    Ok(())
}

fn history(placements: &[PastPlacement]) -> Vec<(String, u32, String, String)> {
    placements.iter().map(|p| (p.tier.clone(), p.pool, p.from.clone(), p.to.clone())).collect()
}

/// Files a repo may come to hold besides the example's: new policies and templates, odd names.
const NEW_FILES: &[&str] = &[
    "policies/scp/new.json",
    "policies/scp/FullAWSAccess.json",
    "policies/scp/aws-guardrails-x.json",
    "policies/scp/ .json",
    "policies/scp/日本語.json",
    "policies/scp/a.json~",
    "policies/scp/.hidden.json",
    "policies/scp/notes.txt",
    "policies/tag/x.JSON",
    "policies/tag/deny-root-user.json",
    "policies/iam/new.json",
    "policies/other/x.json",
    "account-templates/new.toml",
    "account-templates/.toml",
    "account-templates/core.toml.bak",
];

/// A file of the example repo, or a new one.
fn editable() -> impl Strategy<Value = PathBuf> {
    let existing: Vec<PathBuf> =
        example().bases.keys().filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json")).cloned().collect();
    prop_oneof![4 => select(existing), 1 => select(NEW_FILES).prop_map(PathBuf::from)]
}

/// The texts a file is made from: its own, or for a new file those of a policy or a template.
fn bases(file: &Path) -> &'static [String] {
    let example = example();
    example.bases.get(file).unwrap_or_else(|| {
        let like =
            if file.to_string_lossy().contains(".toml") { "account-templates/core.toml" } else { "policies/scp/deny-root-user.json" };
        &example.bases[Path::new(like)]
    })
}

#[test]
fn the_example_and_its_variants_load_and_validate() {
    for (path, bases) in &example().bases {
        for base in bases {
            let dir = tempfile::tempdir().unwrap();
            let mut files = example().files.clone();
            files.insert(path.clone(), base.clone().into_bytes());
            write_repo(dir.path(), &files);
            let repo = config::load(dir.path()).unwrap_or_else(|p| panic!("{}:\n{base}\n{p:?}", path.display()));
            let problems = validate(&repo);
            assert!(problems.is_empty(), "{}:\n{base}\n{problems:?}", path.display());
        }
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any file of the repo replaced, or a new one added, with arbitrary bytes or a mutated copy.
    #[test]
    fn no_file_makes_the_loader_or_validate_panic(file in editable(), content in content()) {
        let bytes = render(&content, bases(&file));
        check(&file, bytes, &[], &[])?;
    }

    /// tenants.toml mutated, then edited as `account create`, `tenant place` and `tenant migrate` do;
    /// every customer keeps its history.
    #[test]
    fn no_tenants_file_makes_the_editor_panic_or_lose_a_placement(
        content in content(),
        ops in prop::collection::vec(tenants_op(), 1..6),
    ) {
        let bytes = render(&content, &example().bases[Path::new(TENANTS_FILE)]);
        check(Path::new(TENANTS_FILE), bytes, &ops, &[])?;
    }

    /// miyabi-org.toml mutated, then edited as `account create` and `account move` do.
    #[test]
    fn no_org_file_makes_the_editor_panic(
        content in content(),
        ops in prop::collection::vec(org_op(), 1..6),
    ) {
        let bytes = render(&content, &example().bases[Path::new(REPO_FILE)]);
        check(Path::new(REPO_FILE), bytes, &[], &ops)?;
    }
}

// ---- the CUR schema check of the local engine

#[cfg(feature = "local-engine")]
mod cur {
    use std::path::Path;
    use std::sync::{Arc, OnceLock};

    use datafusion::arrow::array::{
        ArrayRef, BooleanArray, Float64Array, Int64Array, MapBuilder, StringArray, StringBuilder, TimestampMillisecondArray,
    };
    use datafusion::arrow::datatypes::{Field, Schema as ArrowSchema};
    use datafusion::arrow::record_batch::RecordBatch;
    use datafusion::parquet::arrow::ArrowWriter;
    use miyabi_org::cost::local::{LocalQuery, run};
    use miyabi_org::cost::{Metric, Month, Period, Schema};
    use proptest::prelude::*;
    use proptest::sample::{Index, select};

    use super::{config, snapshot};

    /// The columns the engine looks for, look-alikes, and names CSV and SQL find awkward.
    const NAMES: &[&str] = &[
        "line_item_usage_account_id",
        "line_item_unblended_cost",
        "bill_billing_period_start_date",
        "resource_tags",
        "resource_tags_user_customer",
        "line_item_line_item_type",
        "savings_plan_savings_plan_effective_cost",
        "savings_plan_total_commitment_to_date",
        "savings_plan_used_commitment",
        "reservation_effective_cost",
        "reservation_unused_amortized_upfront_fee_for_billing_period",
        "reservation_unused_recurring_fee",
        "line_item_product_code",
        "LINE_ITEM_USAGE_ACCOUNT_ID",
        "BILLING_PERIOD",
        "year",
        "month",
        "",
        "a,b",
        "\"quoted\"",
        "日本語",
        "x y",
    ];

    const TEXTS: &[&str] = &[
        "",
        "2026-01-01T00:00:00.000Z",
        "2026-01-01",
        "2026-01",
        "not a date",
        "111111111111",
        "ACME",
        "1.5",
        "-1e308",
        "nan",
        "{\"user_customer\":\"ACME\"}",
        "SavingsPlanCoveredUsage",
        "DiscountedUsage",
        "RIFee",
        "日本語",
        "Usage",
    ];

    #[derive(Debug, Clone, Copy)]
    enum Kind {
        Text,
        Float,
        Integer,
        Boolean,
        Timestamp,
        TagMap,
    }

    #[derive(Debug, Clone)]
    struct Column {
        name: &'static str,
        kind: Kind,
        /// Per row: null, or an index into the values of the kind.
        cells: Vec<Option<usize>>,
    }

    #[derive(Debug, Clone, Copy)]
    enum Layout {
        Flat,
        BillingPeriod(&'static str),
        YearMonth(&'static str, &'static str),
    }

    #[derive(Debug, Clone)]
    struct Case {
        parquet: bool,
        layout: Layout,
        columns: Vec<Column>,
        /// CSV only: rows cut short or padded, a header without a row.
        ragged: Vec<usize>,
        schema: Schema,
        metric: Metric,
        from: Month,
        to: Month,
        customer_tag: &'static str,
        by_service: bool,
    }

    fn month() -> impl Strategy<Value = Month> {
        select(&[(2026, 1), (2025, 12), (1970, 1), (9999, 12)][..]).prop_map(|(year, month)| Month { year, month })
    }

    /// The columns a query reads, of the types AWS writes, each with its good value by index.
    fn plausible(schema: Schema, parquet: bool) -> Vec<(&'static str, Kind, usize)> {
        let mut columns = vec![
            ("line_item_usage_account_id", Kind::Text, 5),
            ("line_item_unblended_cost", Kind::Float, 1),
            ("bill_billing_period_start_date", if parquet { Kind::Timestamp } else { Kind::Text }, 1),
            ("line_item_line_item_type", Kind::Text, 15),
            ("savings_plan_savings_plan_effective_cost", Kind::Float, 1),
            ("savings_plan_total_commitment_to_date", Kind::Float, 1),
            ("savings_plan_used_commitment", Kind::Float, 1),
            ("reservation_effective_cost", Kind::Float, 1),
            ("reservation_unused_amortized_upfront_fee_for_billing_period", Kind::Float, 1),
            ("reservation_unused_recurring_fee", Kind::Float, 1),
            ("line_item_product_code", Kind::Text, 6),
        ];
        match schema {
            Schema::Cur2 => columns.push(("resource_tags", Kind::TagMap, 1)),
            Schema::Legacy => columns.push(("resource_tags_user_customer", Kind::Text, 6)),
        }
        columns
    }

    /// What is done to a plausible set of columns.
    #[derive(Debug, Clone)]
    enum Change {
        Drop(Index),
        Retype(Index, Kind),
        Rename(Index, &'static str),
        Add(&'static str, Kind),
    }

    fn case() -> impl Strategy<Value = Case> {
        let kind = || select(&[Kind::Text, Kind::Float, Kind::Integer, Kind::Boolean, Kind::Timestamp, Kind::TagMap][..]);
        let part = || select(&["2026-01", "2026-1", "2026", "01", "1", "13", "", "x"][..]);
        let layout = prop_oneof![
            2 => Just(Layout::Flat),
            1 => prop_oneof![Just("2026-01"), part()].prop_map(Layout::BillingPeriod),
            1 => (prop_oneof![Just("2026"), part()], prop_oneof![Just("1"), part()]).prop_map(|(y, m)| Layout::YearMonth(y, m)),
        ];
        let query = (
            select(&[Schema::Cur2, Schema::Legacy][..]),
            select(&[Metric::Unblended, Metric::Amortized, Metric::NetAmortized][..]),
            month(),
            month(),
            prop_oneof![3 => Just("customer"), 1 => select(&["user_customer", "", "a'b", "日本"][..])],
            any::<bool>(),
        );
        let change = prop_oneof![
            any::<Index>().prop_map(Change::Drop),
            (any::<Index>(), kind()).prop_map(|(i, k)| Change::Retype(i, k)),
            (any::<Index>(), select(NAMES)).prop_map(|(i, n)| Change::Rename(i, n)),
            (select(NAMES), kind()).prop_map(|(n, k)| Change::Add(n, k)),
        ];
        // Half the cases: the columns a query needs, with a few changed; half: any columns.
        let columns = move |schema: Schema, parquet: bool, rows: usize| {
            let cells =
                move |good: usize| prop::collection::vec(prop::option::weighted(0.9, prop_oneof![3 => Just(good), 1 => 0usize..16]), rows);
            let arbitrary = prop::collection::vec(
                (select(NAMES), kind(), cells(0)).prop_map(|(name, kind, cells)| Column { name, kind, cells }),
                0..10,
            );
            let columns: Vec<_> = plausible(schema, parquet)
                .into_iter()
                .map(|(name, kind, good)| cells(good).prop_map(move |cells| Column { name, kind, cells }))
                .collect();
            let plausible = (columns, prop::collection::vec(change.clone(), 0..3), cells(1)).prop_map(|(mut columns, changes, extra)| {
                for change in changes {
                    match change {
                        Change::Drop(i) if !columns.is_empty() => {
                            columns.remove(i.index(columns.len()));
                        }
                        Change::Retype(i, kind) if !columns.is_empty() => {
                            let i = i.index(columns.len());
                            columns[i].kind = kind;
                        }
                        Change::Rename(i, name) if !columns.is_empty() => {
                            let i = i.index(columns.len());
                            columns[i].name = name;
                        }
                        Change::Add(name, kind) => columns.push(Column { name, kind, cells: extra.clone() }),
                        _ => {}
                    }
                }
                columns
            });
            prop_oneof![plausible, arbitrary]
        };
        let ragged = prop_oneof![3 => Just(Vec::new()), 1 => prop::collection::vec(0usize..12, 0..3)];
        (any::<bool>(), layout, 0usize..6, ragged, query)
            .prop_flat_map(move |(parquet, layout, rows, ragged, query)| {
                (Just((parquet, layout, ragged, query)), columns(query.0, parquet, rows))
            })
            .prop_map(|((parquet, layout, ragged, (schema, metric, from, to, customer_tag, by_service)), columns)| Case {
                parquet,
                layout,
                columns,
                ragged,
                schema,
                metric,
                from,
                to,
                customer_tag,
                by_service,
            })
    }

    fn rows(case: &Case) -> usize {
        case.columns.first().map_or(0, |c| c.cells.len())
    }

    fn text(i: usize) -> &'static str {
        TEXTS[i % TEXTS.len()]
    }

    fn array(column: &Column) -> ArrayRef {
        let cells = column.cells.iter();
        match column.kind {
            Kind::Text => Arc::new(cells.map(|c| c.map(text)).collect::<StringArray>()),
            Kind::Float => Arc::new(
                cells.map(|c| c.map(|i| [0.0, 1.5, -1.0, f64::NAN, f64::INFINITY, 1e308, -0.0, 0.1][i % 8])).collect::<Float64Array>(),
            ),
            Kind::Integer => Arc::new(cells.map(|c| c.map(|i| [0, 1, -1, i64::MAX, i64::MIN, 202601][i % 6])).collect::<Int64Array>()),
            Kind::Boolean => Arc::new(cells.map(|c| c.map(|i| i % 2 == 0)).collect::<BooleanArray>()),
            Kind::Timestamp => Arc::new(
                cells
                    .map(|c| c.map(|i| [0, 1_767_225_600_000, -1, i64::MAX, i64::MIN, 253_402_300_799_000][i % 6]))
                    .collect::<TimestampMillisecondArray>()
                    .with_timezone("UTC"),
            ),
            Kind::TagMap => {
                let mut map = MapBuilder::new(None, StringBuilder::new(), StringBuilder::new());
                for cell in cells {
                    match cell {
                        Some(i) => {
                            for (k, v) in [("user_customer", "ACME"), ("user_customer", ""), ("x", "y"), ("", "")].iter().take(i % 5) {
                                map.keys().append_value(k);
                                map.values().append_value(v);
                            }
                            map.append(true).unwrap();
                        }
                        None => map.append(false).unwrap(),
                    }
                }
                Arc::new(map.finish())
            }
        }
    }

    fn csv_cell(column: &Column, row: usize) -> String {
        let Some(i) = column.cells.get(row).copied().flatten() else { return String::new() };
        let raw = match column.kind {
            Kind::Text | Kind::TagMap => text(i).to_string(),
            Kind::Float => ["0", "1.5", "-1", "NaN", "inf", "1e308", "-0.0", "0.1"][i % 8].to_string(),
            Kind::Integer => ["0", "1", "-1", "9223372036854775807", "-9223372036854775808", "99999999999999999999"][i % 6].to_string(),
            Kind::Boolean => ["true", "false"][i % 2].to_string(),
            Kind::Timestamp => ["1970-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "2026-13-01"][i % 4].to_string(),
        };
        quote(&raw)
    }

    fn quote(field: &str) -> String {
        if field.contains([',', '"', '\n']) { format!("\"{}\"", field.replace('"', "\"\"")) } else { field.to_string() }
    }

    /// Writes the case's CUR file under `root/cur`, in its partition directory.
    fn write(case: &Case, root: &Path) {
        let dir = match case.layout {
            Layout::Flat => root.join("cur"),
            Layout::BillingPeriod(period) => root.join("cur").join(format!("BILLING_PERIOD={period}")),
            Layout::YearMonth(year, month) => root.join("cur").join(format!("year={year}")).join(format!("month={month}")),
        };
        std::fs::create_dir_all(&dir).unwrap();
        if case.parquet {
            let fields: Vec<Field> = case
                .columns
                .iter()
                .map(|c| {
                    let array = array(c);
                    Field::new(c.name, array.data_type().clone(), true)
                })
                .collect();
            let schema = Arc::new(ArrowSchema::new(fields));
            let file = std::fs::File::create(dir.join("part-0.parquet")).unwrap();
            let mut writer = ArrowWriter::try_new(file, schema.clone(), None).unwrap();
            if !case.columns.is_empty() {
                let batch = RecordBatch::try_new(schema, case.columns.iter().map(array).collect()).unwrap();
                writer.write(&batch).unwrap();
            }
            writer.close().unwrap();
        } else {
            let mut csv = case.columns.iter().map(|c| quote(c.name)).collect::<Vec<_>>().join(",");
            csv.push('\n');
            for row in 0..rows(case) {
                let mut cells: Vec<String> = case.columns.iter().map(|c| csv_cell(c, row)).collect();
                if let Some(&len) = case.ragged.get(row) {
                    cells.resize(len, "1".into());
                }
                csv.push_str(&cells.join(","));
                csv.push('\n');
            }
            std::fs::write(dir.join("part-0.csv"), csv).unwrap();
        }
    }

    fn runtime() -> &'static tokio::runtime::Runtime {
        static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
        RUNTIME.get_or_init(|| tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap())
    }

    proptest! {
        #![proptest_config(config())]

        /// CUR files with arbitrary, missing, mistyped and duplicate columns, as Parquet or CSV,
        /// flat or partitioned: the local engine answers with data or a `LocalError`.
        #[test]
        fn no_cur_file_makes_the_local_engine_panic(case in case()) {
            let dir = tempfile::tempdir().unwrap();
            write(&case, dir.path());
            let before = snapshot(dir.path());
            let path = dir.path().join("cur");
            let query = LocalQuery {
                path: &path,
                schema: case.schema,
                metric: case.metric,
                period: Period { from: case.from, to: case.to },
                customer_tag: case.customer_tag,
                by_service: case.by_service,
            };
            if let Err(err) = runtime().block_on(run(&query)) {
                prop_assert!(!err.to_string().is_empty() && !err.help().is_empty());
            }
            prop_assert!(snapshot(dir.path()) == before, "the CUR files changed");
        }
    }
}
