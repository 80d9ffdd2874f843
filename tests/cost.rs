//! Cost per customer: the local engine on generated CUR 2.0 and legacy data against an independent
//! computation, the real CUR sample AWS wrote, Athena and Cost Explorer against the sandbox's
//! canned results, and bad input.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use miyabi_org::cost::generate::{Accounts, Format, Line, Spec, lines};
use miyabi_org::cost::{Month, Schema};
use serde_json::{Value, json};
use support::{Sandbox, edit, example_repo, json as run_json, stderr, stdout, tool};

const TENANTS: &str = r#"[[pool]]
tier = "pool"
number = 1
account_id = "111111111111"

[[pool]]
tier = "pool"
number = 2
account_id = "222222222222"

[[pool]]
tier = "silo"
number = 1
account_id = "333333333333"

[[tenant]]
customer = "ACME"
tier = "pool"
pool = 1
since = "2026-01-05"

[[tenant]]
customer = "Globex"
tier = "pool"
pool = 1
since = "2026-01-05"

[[tenant]]
customer = "Hooli"
tier = "pool"
pool = 2
since = "2026-01-05"

[[tenant]]
customer = "Initech"
tier = "silo"
pool = 1
since = "2026-01-05"
"#;

/// A repo whose pools and core accounts have ids, as after an apply.
fn repo_with_accounts() -> tempfile::TempDir {
    let repo = example_repo();
    std::fs::write(repo.path().join("tenants.toml"), TENANTS).unwrap();
    for (name, id) in
        [("Miyabi Security", "900000000001"), ("Miyabi Log Archive", "900000000002"), ("Miyabi Shared Services", "900000000003")]
    {
        edit(
            repo.path(),
            "miyabi-org.toml",
            &format!("[account.\"{name}\"]\ntemplate = \"core\""),
            &format!("[account.\"{name}\"]\nid = \"{id}\"\ntemplate = \"core\""),
        );
    }
    repo
}

/// The accounts as `cost generate` builds them from that repo: pools and platform by id.
fn accounts() -> Accounts {
    Accounts {
        pools: vec![("111111111111".into(), vec!["ACME".into(), "Globex".into()]), ("222222222222".into(), vec!["Hooli".into()])],
        silos: vec![("333333333333".into(), "Initech".into())],
        platform: vec!["900000000001".into(), "900000000002".into(), "900000000003".into()],
    }
}

fn amortized(l: &Line) -> f64 {
    match l.kind {
        "SavingsPlanCoveredUsage" => l.sp_effective,
        "SavingsPlanRecurringFee" => l.sp_total_commitment - l.sp_used_commitment,
        "SavingsPlanNegation" | "SavingsPlanUpfrontFee" => 0.0,
        "DiscountedUsage" => l.ri_effective,
        "RIFee" => l.ri_unused_upfront + l.ri_unused_recurring,
        _ => l.unblended,
    }
}

/// Cost per customer computed straight from the generated lines: silo lines to the silo's
/// customer, tagged pool lines to the tag, untagged pool lines split by tagged cost.
fn expected(month: Month, rows: usize, cost: fn(&Line) -> f64) -> (BTreeMap<String, f64>, f64) {
    let spec = Spec {
        schema: Schema::Cur2,
        format: Format::Parquet,
        months: vec![month],
        rows_per_month: rows,
        seed: 11,
        accounts: accounts(),
        scale: BTreeMap::new(),
    };
    let pools = accounts().pools;
    let mut direct: BTreeMap<(String, String), f64> = BTreeMap::new();
    let mut untagged: BTreeMap<String, f64> = BTreeMap::new();
    let mut customers: BTreeMap<String, f64> = BTreeMap::new();
    let mut total = 0.0;
    for line in lines(&spec, month) {
        let c = cost(&line);
        total += c;
        if line.account_id == "333333333333" {
            *customers.entry("Initech".into()).or_default() += c;
        } else if let Some((_, members)) = pools.iter().find(|(id, _)| *id == line.account_id) {
            match &line.tag {
                Some(tag) if members.contains(tag) => *direct.entry((line.account_id.clone(), tag.clone())).or_default() += c,
                Some(_) => {}
                None => *untagged.entry(line.account_id.clone()).or_default() += c,
            }
        }
    }
    for (account, members) in &pools {
        let weights: Vec<f64> = members.iter().map(|m| direct.get(&(account.clone(), m.clone())).copied().unwrap_or(0.0)).collect();
        let sum: f64 = weights.iter().sum();
        for (member, weight) in members.iter().zip(weights) {
            let share = untagged.get(account).copied().unwrap_or(0.0) * weight / sum;
            *customers.entry(member.clone()).or_default() += weight + share;
        }
    }
    (customers, total)
}

fn check_report(dir: &Path, path: &str, schema: &str, metric: &str, cost: fn(&Line) -> f64) {
    let report = run_json(tool("http://127.0.0.1:9", dir).args([
        "-q", "cost", "report", "--engine", "local", "--path", path, "--schema", schema, "--metric", metric, "--month", "2026-10",
        "--output", "json",
    ]));
    let (want, total) = expected(Month::parse("2026-10").unwrap(), 3000, cost);
    let got: BTreeMap<String, f64> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["customer"].as_str().unwrap().to_string(), r["total"].as_f64().unwrap()))
        .collect();
    assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>(), "{report:#}");
    for (customer, amount) in &want {
        assert!((got[customer] - amount).abs() < 0.005, "{schema} {metric} {customer}: report {} vs {amount}", got[customer]);
    }
    let (report_total, cur_total) = (report["total"].as_f64().unwrap(), report["cur_total"].as_f64().unwrap());
    assert!((report_total - total).abs() < 0.005 && (cur_total - total).abs() < 0.005, "{report_total} {cur_total} {total}");
    assert_eq!(report["from"], "2026-10");
    assert!(report["unattributed"].as_array().unwrap().iter().any(|u| u["kind"] == "unknown-tag"));
    assert!(report["unattributed"].as_array().unwrap().iter().any(|u| u["kind"] == "platform"));
}

#[test]
fn the_local_engine_matches_an_independent_computation_on_cur2_and_legacy() {
    let repo = repo_with_accounts();
    let dir = repo.path();
    for (out, schema, format) in [("cur2", "cur2", "parquet"), ("legacy", "legacy", "csv")] {
        let output = tool("http://127.0.0.1:9", dir)
            .args([
                "cost",
                "generate",
                "--out",
                out,
                "--schema",
                schema,
                "--format",
                format,
                "--from",
                "2026-09",
                "--to",
                "2026-10",
                "--rows-per-month",
                "3000",
                "--seed",
                "11",
            ])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        check_report(dir, out, schema, "unblended", |l| l.unblended);
        check_report(dir, out, schema, "amortized", amortized);
    }
    // Legacy partitions are year=YYYY/month=M, unpadded.
    assert!(dir.join("legacy/year=2026/month=9").is_dir());
    assert!(dir.join("cur2/BILLING_PERIOD=2026-09").is_dir());

    let text = stdout(
        &tool("http://127.0.0.1:9", dir)
            .args(["cost", "report", "--engine", "local", "--path", "cur2", "--month", "2026-10"])
            .output()
            .unwrap(),
    );
    assert!(text.contains("Tag values that name no tenant of their pool: Unknown-1 in 111111111111"), "{text}");
    let by_month = run_json(tool("http://127.0.0.1:9", dir).args([
        "-q", "cost", "report", "--engine", "local", "--path", "cur2", "--from", "2026-09", "--to", "2026-10", "--by", "month", "--output",
        "json",
    ]));
    assert_eq!(by_month["rows"].as_array().unwrap().len(), 2);
}

#[test]
fn the_real_legacy_sample_adds_up_to_its_bill() {
    let repo = example_repo();
    let sample = Path::new(support::ROOT).join("tests/data/cur-legacy-sample");
    let report = run_json(
        tool("http://127.0.0.1:9", repo.path())
            .args([
                "-q",
                "cost",
                "report",
                "--engine",
                "local",
                "--schema",
                "legacy",
                "--metric",
                "unblended",
                "--month",
                "2022-10",
                "--by",
                "account",
                "--output",
                "json",
            ])
            .arg("--path")
            .arg(&sample),
    );
    assert!((report["cur_total"].as_f64().unwrap() - 1.9539007572).abs() < 1e-6, "{report:#}");
    assert!((report["total"].as_f64().unwrap() - 1.9539007572).abs() < 1e-6);
}

#[test]
fn bad_cost_input_gets_a_clear_error() {
    let repo = repo_with_accounts();
    let dir = repo.path();
    tool("http://127.0.0.1:9", dir)
        .args(["-q", "cost", "generate", "--out", "cur2", "--from", "2026-10", "--to", "2026-10", "--rows-per-month", "200"])
        .assert()
        .success();
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    // A CUR without the usage account column.
    std::fs::create_dir_all(dir.join("broken")).unwrap();
    std::fs::write(dir.join("broken/cur.csv"), "bill_billing_period_start_date,line_item_unblended_cost\n2026-10-01T00:00:00Z,1.5\n")
        .unwrap();
    let cases: [(&[&str], i32, &str); 5] = [
        (
            &["--path", "empty"],
            1,
            "error: no CUR files (.parquet or .csv) under empty\n  = help: pass --path DIR (or set [cost.local] path) to the directory the CUR export was downloaded to\n",
        ),
        (
            &["--path", "broken", "--schema", "legacy", "--metric", "unblended"],
            1,
            "error: the CUR files under broken have no column line_item_usage_account_id\n  = help: export the CUR with resource ids and all columns (CUR 2.0: the default column set)\n",
        ),
        (
            &["--path", "cur2", "--month", "2026-05"],
            1,
            "error: no CUR data for 2026-05 under cur2 (the files hold 2026-10)\n  = help: choose a month the files hold with --month or --from/--to\n",
        ),
        (
            &["--path", "cur2", "--schema", "legacy", "--month", "2026-10"],
            1,
            "error: the CUR files under cur2 look like CUR 2.0, not legacy CUR\n  = help: pass --schema cur2 (or set [cost] schema)\n",
        ),
        (&["--path", "cur2", "--by", "customers"], 64, ""),
    ];
    for (args, code, error) in cases {
        let output = tool("http://127.0.0.1:9", dir).args(["-q", "cost", "report", "--engine", "local"]).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(code), "{args:?}: {}", stderr(&output));
        if code == 64 {
            assert!(stderr(&output).starts_with("error: invalid value 'customers' for '--by <BY>'"), "{}", stderr(&output));
        } else {
            assert_eq!(stderr(&output), error, "{args:?}");
        }
    }
    let sample = Path::new(support::ROOT).join("tests/data/cur-legacy-sample");
    let output = tool("http://127.0.0.1:9", dir)
        .args(["-q", "cost", "report", "--engine", "local", "--month", "2022-10"])
        .arg("--path")
        .arg(&sample)
        .output()
        .unwrap();
    assert!(stderr(&output).contains("look like legacy CUR, not CUR 2.0"), "{}", stderr(&output));
}

fn post(url: &str, body: Value) {
    let status = std::process::Command::new("python3")
        .args(["-c", "import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), method='POST')).read()"])
        .arg(url)
        .arg(body.to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

fn cells(values: &[&str]) -> Value {
    json!({"Data": values.iter().map(|v| json!({"VarCharValue": v})).collect::<Vec<_>>()})
}

#[tokio::test(flavor = "multi_thread")]
async fn athena_with_canned_results_from_the_sandbox() {
    let sandbox = Sandbox::start();
    let repo = repo_with_accounts();
    let rows = vec![
        cells(&["month", "account_id", "tag", "cost"]),
        cells(&["2026-10", "111111111111", "ACME", "30"]),
        cells(&["2026-10", "111111111111", "Globex", "10"]),
        json!({"Data": [{"VarCharValue": "2026-10"}, {"VarCharValue": "111111111111"}, {}, {"VarCharValue": "20"}]}),
        cells(&["2026-10", "333333333333", "", "7.5"]),
        cells(&["2026-10", "900000000001", "", "50"]),
    ];
    post(
        &format!("{}/moto-api/static/athena/query-results", sandbox.url),
        json!({"account_id": "123456789012", "region": "us-east-1", "results": [{"rows": rows, "column_info": []}]}),
    );
    let report = run_json(
        tool(&sandbox.url, repo.path()).args(["-q", "cost", "report", "--engine", "athena", "--month", "2026-10", "--output", "json"]),
    );
    let totals: BTreeMap<&str, f64> =
        report["rows"].as_array().unwrap().iter().map(|r| (r["customer"].as_str().unwrap(), r["total"].as_f64().unwrap())).collect();
    assert_eq!(totals, BTreeMap::from([("ACME", 45.0), ("Globex", 15.0), ("Initech", 7.5)]));
    assert_eq!(report["total"], 117.5);
    assert_eq!(report["cur_total"], 117.5);
    assert_eq!(report["engine"], "athena");
}

#[tokio::test(flavor = "multi_thread")]
async fn cost_explorer_follows_every_page() {
    let sandbox = Sandbox::start();
    let repo = repo_with_accounts();
    let group = |account: &str, tag: &str, amount: &str| json!({"Keys": [account, format!("customer${tag}")], "Metrics": {"AmortizedCost": {"Amount": amount, "Unit": "USD"}}});
    let period = json!({"Start": "2026-10-01", "End": "2026-11-01"});
    post(
        &format!("{}/moto-api/static/ce/cost-and-usage-results", sandbox.url),
        json!({"results": [
            {"ResultsByTime": [{"TimePeriod": period, "Groups": [group("111111111111", "ACME", "30"), group("111111111111", "", "20")]}], "NextPageToken": "page-2"},
            {"ResultsByTime": [{"TimePeriod": period, "Groups": [group("111111111111", "Globex", "10"), group("900000000002", "", "5")]}]}
        ]}),
    );
    let report = run_json(tool(&sandbox.url, repo.path()).args([
        "-q",
        "cost",
        "report",
        "--engine",
        "cost-explorer",
        "--month",
        "2026-10",
        "--output",
        "json",
    ]));
    assert_eq!(report["requests"], 2, "{report:#}");
    let totals: BTreeMap<&str, f64> =
        report["rows"].as_array().unwrap().iter().map(|r| (r["customer"].as_str().unwrap(), r["total"].as_f64().unwrap())).collect();
    assert_eq!(totals, BTreeMap::from([("ACME", 45.0), ("Globex", 15.0)]));
    assert_eq!(report["total"], 65.0);
    let output =
        tool(&sandbox.url, repo.path()).args(["-q", "cost", "report", "--engine", "cost-explorer", "--by", "service"]).output().unwrap();
    assert_eq!(output.status.code(), Some(64));
}

/// Two pools of capacity 9 a third full (ACME, made 10x costlier, in pool 1), a busy silo (Stark),
/// a nearly idle one (Idle), and a nearly idle silo the contract keeps (Contract); a generated CUR
/// for August to October.
fn advice_repo() -> tempfile::TempDir {
    let repo = example_repo();
    let dir = repo.path();
    for (from, to) in [
        ("capacity = 100\n", "capacity = 9\n"),
        ("capacity = 10\n", "capacity = 4\n"),
        ("target_usd_per_customer = 5 ", "target_usd_per_customer = 1000 "),
        ("target_usd_per_customer = 15\n", "target_usd_per_customer = 1500\n"),
        ("target_usd_per_customer = 50\n", "target_usd_per_customer = 20000\n"),
    ] {
        edit(dir, "miyabi-org.toml", from, to);
    }
    let mut tenants = String::new();
    for (tier, number, id) in [("pool", 1, "111111111111"), ("pool", 2, "222222222222")].into_iter().chain([
        ("silo", 1, "333333333331"),
        ("silo", 2, "333333333332"),
        ("silo", 3, "333333333333"),
    ]) {
        tenants.push_str(&format!("[[pool]]\ntier = \"{tier}\"\nnumber = {number}\naccount_id = \"{id}\"\n\n"));
    }
    for (customer, tier, pool) in [
        ("ACME", "pool", 1),
        ("Globex", "pool", 1),
        ("Hooli", "pool", 1),
        ("Initech", "pool", 2),
        ("Umbrella", "pool", 2),
        ("Wayne", "pool", 2),
        ("Stark", "silo", 1),
        ("Idle", "silo", 2),
        ("Contract", "silo", 3),
    ] {
        let dedicated = if customer == "Contract" { "dedicated = true\n" } else { "" };
        tenants.push_str(&format!(
            "[[tenant]]\ncustomer = \"{customer}\"\ntier = \"{tier}\"\npool = {pool}\nsince = \"2026-01-05\"\n{dedicated}\n"
        ));
    }
    std::fs::write(dir.join("tenants.toml"), tenants).unwrap();
    tool("http://127.0.0.1:9", dir)
        .args(["-q", "cost", "generate", "--out", "cur", "--from", "2026-08", "--to", "2026-10", "--rows-per-month", "3000"])
        .args(["--scale", "ACME=10", "--scale", "Stark=10", "--scale", "Idle=0.001", "--scale", "Contract=0.001"])
        .assert()
        .success();
    repo
}

#[test]
fn cost_advise_finds_the_noisy_neighbour_the_idle_silo_and_the_fragmented_pools() {
    let repo = advice_repo();
    let dir = repo.path();
    let advise = || tool("http://127.0.0.1:9", dir).args(["-q", "cost", "advise", "--to", "2026-10"]).output().unwrap();
    let output = tool("http://127.0.0.1:9", dir).args(["-q", "cost", "advise", "--to", "2026-10", "--output", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "advice exits 2: {}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let advice: Vec<String> = report["advice"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| format!("{} {}", a["kind"].as_str().unwrap(), a["customer"].as_str().or(a["tier"].as_str()).unwrap()))
        .collect();
    assert_eq!(advice, ["noisy-neighbour ACME", "oversized-silo Idle", "fragmented-pools pool"], "{report:#}");
    assert_eq!(report["months"], json!(["2026-08", "2026-09", "2026-10"]));
    let noisy = &report["advice"][0];
    assert_eq!(noisy["command"], "miyabi-org tenant migrate ACME --to silo", "{noisy:#}");
    assert!(noisy["evidence"].as_array().unwrap().iter().all(|e| e["total"].as_f64().unwrap() > 1500.0), "{noisy:#}");
    let idle = &report["advice"][1];
    assert_eq!((idle["to"].as_str(), idle["account"].as_str()), (Some("pool"), Some("Silo-Idle")));
    let fragmented = &report["advice"][2];
    let moves: Vec<&str> = fragmented["moves"].as_array().unwrap().iter().map(|m| m["command"].as_str().unwrap()).collect();
    assert_eq!(
        moves,
        [
            "miyabi-org tenant migrate Initech --to pool --pool 1",
            "miyabi-org tenant migrate Umbrella --to pool --pool 1",
            "miyabi-org tenant migrate Wayne --to pool --pool 1",
        ]
    );
    assert_eq!(fragmented["freed"], json!([{ "pool": 2, "account": "Pool-2", "account_id": "222222222222", "customers": 3 }]));
    // Unit cost: the six pool customers and three silos, each month, against the targets.
    let pool = &report["unit_cost"].as_array().unwrap().iter().find(|u| u["tier"] == "pool").unwrap()["months"];
    assert!(pool.as_array().unwrap().iter().all(|m| m["customers"] == 6), "{pool:#}");
    // The same advice as a table and as markdown, each with the commands; nothing was moved.
    let text = stdout(&advise());
    for needle in
        ["1. Noisy neighbour: ACME", "2. Oversized silo: Idle", "3. Fragmented pools", "miyabi-org tenant migrate Wayne --to pool --pool 1"]
    {
        assert!(text.contains(needle), "{needle}:\n{text}");
    }
    let markdown = stdout(
        &tool("http://127.0.0.1:9", dir).args(["-q", "cost", "advise", "--to", "2026-10", "--output", "markdown"]).output().unwrap(),
    );
    assert!(
        markdown.starts_with("### Placement advice") && markdown.contains("```sh\nmiyabi-org tenant migrate ACME --to silo\n```"),
        "{markdown}"
    );
    assert!(std::fs::read_to_string(dir.join("tenants.toml")).unwrap().contains("customer = \"ACME\"\ntier = \"pool\"\npool = 1"));
    // With ACME and Idle where the advice puts them, and the pools merged, there is nothing left to advise.
    let tenants = std::fs::read_to_string(dir.join("tenants.toml")).unwrap();
    let settled = tenants
        .replace("customer = \"Initech\"\ntier = \"pool\"\npool = 2", "customer = \"Initech\"\ntier = \"pool\"\npool = 1")
        .replace("customer = \"Umbrella\"\ntier = \"pool\"\npool = 2", "customer = \"Umbrella\"\ntier = \"pool\"\npool = 1")
        .replace("customer = \"Wayne\"\ntier = \"pool\"\npool = 2", "customer = \"Wayne\"\ntier = \"pool\"\npool = 1");
    std::fs::write(dir.join("tenants.toml"), settled).unwrap();
    let mut without = tool("http://127.0.0.1:9", dir);
    let remaining = run_json(without.args(["-q", "cost", "advise", "--to", "2026-10", "--output", "json"]));
    let kinds: Vec<&str> = remaining["advice"].as_array().unwrap().iter().map(|a| a["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["noisy-neighbour", "oversized-silo"], "the pools are merged: {remaining:#}");
}

#[test]
fn cost_advise_bad_input() {
    let repo = advice_repo();
    let dir = repo.path();
    let cases: [(&[&str], i32, &str); 4] = [
        (&["--months", "0"], 64, "error: --months 0 leaves nothing to judge by\n  = help: give at least 1 month; the default is 3\n"),
        (
            &["--months", "5", "--to", "2026-10"],
            64,
            "error: the CUR holds no cost for 2026-06, 2026-07 of the 5 months to judge by (2026-06 to 2026-10)\n  = help: ask for fewer months with --months, or end the window at a month the CUR holds with --to YYYY-MM\n",
        ),
        (
            &["--to", "2027-03"],
            64,
            "error: the CUR holds no cost for 2027-01, 2027-02, 2027-03 of the 3 months to judge by (2027-01 to 2027-03)\n  = help: ask for fewer months with --months, or end the window at a month the CUR holds with --to YYYY-MM\n",
        ),
        (&["--to", "2026-13"], 64, "error: --to 2026-13: not a month\n  = help: write months as YYYY-MM, such as 2026-10\n"),
    ];
    for (args, code, error) in cases {
        let output = tool("http://127.0.0.1:9", dir).args(["-q", "cost", "advise"]).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(code), "{args:?}: {}", stderr(&output));
        assert_eq!(stderr(&output), error, "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    // The contract keeps Contract in a silo: advice leaves it, and a migration by hand is refused.
    let before = std::fs::read_to_string(dir.join("tenants.toml")).unwrap();
    let output = tool("http://127.0.0.1:9", dir).args(["-q", "--yes", "tenant", "migrate", "Contract", "--to", "pool"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("error: customer Contract is dedicated: its contract keeps it in a silo"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(dir.join("tenants.toml")).unwrap(), before);
    let output = tool("http://127.0.0.1:9", dir).args(["-q", "cost", "report", "--chart", "--output", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(64));
    assert_eq!(
        stderr(&output),
        "error: --chart draws bars on the table output, not on --output json\n  = help: leave out --chart, or use --output table (--output html has charts of its own)\n"
    );
}

/// `cost report --chart` and `--output html`: the JSON's numbers, drawn in proportion.
#[test]
fn cost_report_pictures_have_the_numbers_of_the_json() {
    let repo = advice_repo();
    let dir = repo.path();
    let args = ["-q", "cost", "report", "--from", "2026-08", "--to", "2026-10"];
    let report = run_json(tool("http://127.0.0.1:9", dir).args(args).args(["--output", "json"]));
    let text = stdout(&tool("http://127.0.0.1:9", dir).args(args).arg("--chart").output().unwrap());
    let widest = report["rows"].as_array().unwrap().iter().map(|r| r["total"].as_f64().unwrap()).fold(0.0, f64::max);
    let eighths = |line: &str| -> usize {
        line.chars()
            .map(|c| match c {
                '█' => 8,
                '▉'..='▏' => 1 + ('▏' as usize - c as usize),
                _ => 0,
            })
            .sum()
    };
    for row in report["rows"].as_array().unwrap() {
        let customer = row["customer"].as_str().unwrap();
        let line = text.lines().find(|l| l.contains(&format!(" {customer} "))).unwrap_or_else(|| panic!("{customer}:\n{text}"));
        let expected = row["total"].as_f64().unwrap() / widest * 240.0;
        assert!((eighths(line) as f64 - expected).abs() <= 1.0, "{customer}: {} eighths for {expected:.1}\n{text}", eighths(line));
    }
    let by_month = stdout(&tool("http://127.0.0.1:9", dir).args(args).args(["--by", "month", "--chart"]).output().unwrap());
    let months: Vec<&str> = by_month
        .lines()
        .filter(|l| l.starts_with('│'))
        .filter_map(|l| ["2026-08", "2026-09", "2026-10"].into_iter().find(|m| l.contains(m)))
        .collect();
    assert_eq!(months, ["2026-08", "2026-09", "2026-10"], "a bar per month, in order:\n{by_month}");

    // `--output html`: well-formed XHTML with inline SVG, the JSON's numbers, bars in proportion.
    let output = tool("http://127.0.0.1:9", dir).args(args).args(["--output", "html"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let html = stdout(&output);
    let doc = roxmltree::Document::parse(&html).unwrap_or_else(|e| panic!("not well-formed: {e}"));
    assert_eq!(doc.root_element().tag_name().namespace(), Some("http://www.w3.org/1999/xhtml"));
    for absent in ["<script", "href=", "src=", "NaN", "inf"] {
        assert!(!html.contains(absent), "{absent}");
    }
    let money = |v: &Value| format!("{:.2}", v.as_f64().unwrap());
    let bars = |chart: &str| -> Vec<roxmltree::Node<'_, '_>> {
        let svg = doc.descendants().find(|n| n.attribute("id") == Some(chart)).unwrap_or_else(|| panic!("no {chart}"));
        assert_eq!(svg.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        svg.descendants().filter(|n| n.attribute("class") == Some("bar")).collect()
    };
    // Cost per customer: a bar per JSON row, with its total, widths in proportion.
    let customers = bars("chart-customers");
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(customers.len(), rows.len());
    let ratio = |n: &roxmltree::Node| {
        n.attribute("width").unwrap().parse::<f64>().unwrap() / n.attribute("data-value").unwrap().parse::<f64>().unwrap()
    };
    for (bar, row) in customers.iter().zip(rows) {
        assert_eq!(
            (bar.attribute("data-label"), bar.attribute("data-value")),
            (row["customer"].as_str(), Some(money(&row["total"]).as_str()))
        );
        assert!((ratio(bar) - ratio(&customers[0])).abs() * row["total"].as_f64().unwrap() < 0.02, "{:?}", bar.attributes());
    }
    // Per tier by month and unit cost: the JSON's unit_cost figures.
    let unit_cost = report["unit_cost"].as_array().unwrap();
    for bar in bars("chart-tiers") {
        let tier = unit_cost.iter().find(|u| Some(u["tier"].as_str().unwrap()) == bar.attribute("data-label")).unwrap();
        let month = tier["months"].as_array().unwrap().iter().find(|m| m["month"].as_str() == bar.attribute("data-month")).unwrap();
        assert_eq!(bar.attribute("data-value"), Some(money(&month["cost"]).as_str()));
    }
    for bar in bars("chart-unit-cost") {
        let tier = unit_cost.iter().find(|u| Some(u["tier"].as_str().unwrap()) == bar.attribute("data-label")).unwrap();
        let month = tier["months"].as_array().unwrap().iter().find(|m| m["month"].as_str() == bar.attribute("data-month")).unwrap();
        assert_eq!(bar.attribute("data-value"), Some(money(&month["per_customer"]).as_str()));
    }
    // The reconciliation with the CUR total.
    let reconciliation: String =
        doc.descendants().find(|n| n.attribute("id") == Some("reconciliation")).unwrap().descendants().filter_map(|n| n.text()).collect();
    assert!(reconciliation.contains(&money(&report["total"])) && reconciliation.contains(&money(&report["cur_total"])), "{reconciliation}");
}
