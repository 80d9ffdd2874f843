//! The account factory and tenant placement against the sandbox, through the real SDK.

mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{Proxy, Sandbox, example_repo, json, stderr, stdout, tool};

/// Customers per pool account, from `account list`.
fn pools(sandbox: &Sandbox, dir: &std::path::Path) -> BTreeMap<String, u64> {
    let list = json(tool(&sandbox.url, dir).args(["-q", "account", "list", "--output", "json"]));
    list["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["tier"] == "pool" || a["tier"] == "silo")
        .map(|a| (a["name"].as_str().unwrap().to_string(), a["customers"].as_u64().unwrap()))
        .collect()
}

async fn emails(sandbox: &Sandbox) -> Vec<String> {
    let org = sandbox.organizations().await;
    let mut emails = Vec::new();
    let mut token = None;
    loop {
        let page = org.list_accounts().set_next_token(token).send().await.unwrap();
        emails.extend(page.accounts().iter().map(|a| a.email().unwrap().to_string()));
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            return emails;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_fill_pools_first_fit_silos_get_their_own_and_migration_frees_a_seat() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "apply", "--yes"]).assert().success();

    for i in 1..=250 {
        let output =
            tool(&sandbox.url, dir).args(["-q", "account", "create", "--customer", &format!("C{i:03}"), "--yes"]).output().unwrap();
        assert!(output.status.success(), "customer {i}: {}", stderr(&output));
    }
    let counts = pools(&sandbox, dir);
    assert_eq!(counts, BTreeMap::from([("Pool-1".into(), 100), ("Pool-2".into(), 100), ("Pool-3".into(), 50)]));

    for customer in ["Umbrella", "Initech"] {
        tool(&sandbox.url, dir).args(["-q", "account", "create", "--silo", "--customer", customer, "--yes"]).assert().success();
    }
    let counts = pools(&sandbox, dir);
    assert_eq!((counts["Silo-Umbrella"], counts["Silo-Initech"]), (1, 1));

    // Placing a placed customer changes nothing.
    let again = tool(&sandbox.url, dir).args(["account", "create", "--customer", "C001", "--yes"]).output().unwrap();
    assert!(again.status.success());
    assert_eq!(stdout(&again), "Customer C001 is already in pool 1 (Pool-1); nothing was changed.\n");

    // Pool 1 is full: --pool 1 names the pools with room.
    let full = tool(&sandbox.url, dir).args(["-q", "account", "create", "--pool", "1", "--customer", "Late", "--yes"]).output().unwrap();
    assert_eq!(full.status.code(), Some(1));
    assert_eq!(
        stderr(&full),
        "error: pool 1 is full (100 of 100 customers)\n  = help: pools with room: 3; or leave out --pool for the first of them\n"
    );

    tool(&sandbox.url, dir).args(["-q", "tenant", "migrate", "C007", "--to", "silo", "--yes"]).assert().success();
    let counts = pools(&sandbox, dir);
    assert_eq!((counts["Pool-1"], counts["Silo-C007"]), (99, 1));
    let show = json(tool(&sandbox.url, dir).args(["tenant", "show", "C007", "--output", "json"]));
    assert_eq!(show["tier"], "silo");
    assert_eq!(show["history"][0]["tier"], "pool");
    assert_eq!(show["history"][0]["pool"], 1);
    // The freed seat is the first with room.
    tool(&sandbox.url, dir).args(["-q", "tenant", "place", "Newcomer", "--yes"]).assert().success();
    assert_eq!(pools(&sandbox, dir)["Pool-1"], 100);

    // The silo account carries its customer's tag; drift is clean; no email twice.
    let tree = json(tool(&sandbox.url, dir).args(["-q", "account", "list", "--output", "json"]));
    assert!(tree["accounts"].as_array().unwrap().iter().all(|a| a["status"] != "unmanaged"), "{tree:#}");
    tool(&sandbox.url, dir).args(["-q", "drift"]).assert().code(0);
    let all = emails(&sandbox).await;
    let unique: std::collections::BTreeSet<&String> = all.iter().collect();
    assert_eq!(all.len(), unique.len());
    assert_eq!(all.len(), 1 + 3 + 3 + 3); // management, core, pools, silos
}

#[tokio::test(flavor = "multi_thread")]
async fn a_run_killed_after_create_account_creates_no_second_account() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "apply", "--yes"]).assert().success();

    let slow = Proxy::start(&sandbox.url, &["--delay-ms", "400", "--seed", "5"]);
    let mut child = support::process(&slow.url, dir)
        .args(["-q", "account", "create", "--silo", "--customer", "ACME", "--yes"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !slow.requests().iter().any(|l| l.starts_with("CreateAccount ")) {
        assert!(Instant::now() < deadline, "CreateAccount was never sent");
        assert!(child.try_wait().unwrap().is_none(), "the run ended before CreateAccount");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!slow.requests().iter().any(|l| l.starts_with("MoveAccount ")), "the run got past creating the account");

    // The registry was written before the apply; the account exists but is not where it belongs.
    tool(&sandbox.url, dir).args(["-q", "drift"]).assert().code(2);
    let output = tool(&sandbox.url, dir).args(["-q", "apply", "--yes", "--output", "json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let actions: Vec<&str> = report["changes"].as_array().unwrap().iter().map(|c| c["action"].as_str().unwrap()).collect();
    assert!(!actions.contains(&"create_account"), "{actions:?}");
    tool(&sandbox.url, dir).args(["-q", "drift"]).assert().code(0);
    let silos = emails(&sandbox).await.into_iter().filter(|e| e == "aws+silo-acme@miyabi.io").count();
    assert_eq!(silos, 1);
    let tenants = std::fs::read_to_string(dir.join("tenants.toml")).unwrap();
    assert!(tenants.contains("account_id = \""), "{tenants}");
}

#[tokio::test(flavor = "multi_thread")]
async fn budgets_appear_as_declared_and_drift_reports_one_changed_by_hand() {
    let sandbox = Sandbox::start();
    let org_id = sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "apply", "--yes"]).assert().success();
    tool(&sandbox.url, dir).args(["-q", "account", "create", "--customer", "ACME", "--budget-usd", "50", "--yes"]).assert().success();

    let budgets = sandbox.budgets().await;
    let management = "123456789012";
    let live = budgets.describe_budgets().account_id(management).send().await.unwrap();
    let mut names: Vec<&str> = live.budgets().iter().map(|b| b.budget_name()).collect();
    names.sort();
    assert_eq!(
        names,
        ["miyabi-Miyabi Log Archive", "miyabi-Miyabi Security", "miyabi-Miyabi Shared Services", "miyabi-Pool-1", "miyabi-customer-ACME"]
    );
    let acme = live.budgets().iter().find(|b| b.budget_name() == "miyabi-customer-ACME").unwrap();
    assert_eq!(acme.budget_limit().unwrap().amount().parse::<f64>().unwrap(), 50.0);
    let tags = acme.filter_expression().unwrap().tags().unwrap();
    assert_eq!((tags.key(), tags.values()), (Some("customer"), &["ACME".to_string()][..]));
    let notifications =
        budgets.describe_notifications_for_budget().account_id(management).budget_name("miyabi-Pool-1").send().await.unwrap();
    let mut thresholds: Vec<f64> = notifications.notifications().iter().map(|n| n.threshold()).collect();
    thresholds.sort_by(f64::total_cmp);
    assert_eq!(thresholds, [80.0, 100.0]);
    tool(&sandbox.url, dir).args(["-q", "drift"]).assert().code(0);

    // By hand: the pool's budget recreated at 5000 USD (moto has no UpdateBudget).
    let pool = live.budgets().iter().find(|b| b.budget_name() == "miyabi-Pool-1").unwrap().clone();
    budgets.delete_budget().account_id(management).budget_name("miyabi-Pool-1").send().await.unwrap();
    let mut changed = pool.clone();
    changed.budget_limit = Some(aws_sdk_budgets::types::Spend::builder().amount("5000").unit("USD").build().unwrap());
    budgets.create_budget().account_id(management).budget(changed).send().await.unwrap();

    let output = tool(&sandbox.url, dir).args(["-q", "drift"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains("~ budget miyabi-Pool-1 (limit 5000.00 -> 3000.00 USD, alerts [] -> [80.0, 100.0] %)"),
        "{}",
        stdout(&output)
    );
    let drift = json(tool(&sandbox.url, dir).args(["-q", "drift", "--only", "budget", "--output", "json"]));
    assert_eq!(drift["organization_id"], org_id);
    assert_eq!(drift["changes"].as_array().unwrap().len(), 1);
    assert_eq!(drift["changes"][0]["action"], "update_budget");
}

#[tokio::test(flavor = "multi_thread")]
async fn core_accounts_are_created_imported_moved_and_closed() {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "apply", "--yes"]).assert().success();

    // A dry run shows the plan and changes nothing, in AWS or on disk.
    let proxy = Proxy::start(&sandbox.url, &[]);
    let before = std::fs::read_to_string(dir.join("miyabi-org.toml")).unwrap();
    let dry = tool(&proxy.url, dir)
        .args(["account", "create", "--template", "core", "--name", "Miyabi Audit", "--ou", "Security", "--dry-run"])
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(stdout(&dry).contains("+ account Miyabi Audit <aws+miyabi-audit@miyabi.io> (core account Miyabi Audit)"), "{}", stdout(&dry));
    assert_eq!(std::fs::read_to_string(dir.join("miyabi-org.toml")).unwrap(), before);
    assert_eq!(proxy.writes(), Vec::<String>::new());

    tool(&sandbox.url, dir)
        .args(["-q", "account", "create", "--template", "core", "--name", "Miyabi Audit", "--ou", "Security", "--yes"])
        .assert()
        .success();
    let org_file = std::fs::read_to_string(dir.join("miyabi-org.toml")).unwrap();
    assert!(org_file.contains("[account.\"Miyabi Audit\"]\ntemplate = \"core\"\nou = \"Security\"\nid = \""), "{org_file}");

    // An account made outside the tool, adopted as a core account: it moves to the template's OU.
    let made =
        sandbox.organizations().await.create_account().account_name("Legacy Tools").email("legacy@example.com").send().await.unwrap();
    let id = made.create_account_status().unwrap().account_id().unwrap().to_string();
    let listed = json(tool(&sandbox.url, dir).args(["-q", "account", "list", "--output", "json"]));
    assert!(listed["accounts"].as_array().unwrap().iter().any(|a| a["id"] == id.as_str() && a["status"] == "unmanaged"));
    tool(&sandbox.url, dir).args(["-q", "account", "import", &id, "--core", "Legacy Tools", "--yes"]).assert().success();
    tool(&sandbox.url, dir).args(["-q", "account", "move", &id, "--ou", "Sandbox", "--yes"]).assert().success();
    let listed = json(tool(&sandbox.url, dir).args(["-q", "account", "list", "--output", "json"]));
    let legacy = listed["accounts"].as_array().unwrap().iter().find(|a| a["id"] == id.as_str()).unwrap().clone();
    assert_eq!((legacy["ou"].as_str(), legacy["tier"].as_str()), (Some("Sandbox"), Some("core")));
    tool(&sandbox.url, dir).args(["-q", "drift"]).assert().code(0);

    // Closing asks for the name; unattended it needs --yes --confirm NAME.
    let refused = tool(&sandbox.url, dir).args(["-q", "account", "close", &id]).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(stderr(&refused), "error: refusing to close an account unattended\n  = help: pass --yes --confirm \"Legacy Tools\"\n");
    tool(&sandbox.url, dir).args(["-q", "account", "close", &id, "--yes", "--confirm", "Legacy Tools"]).assert().success();
    assert!(!std::fs::read_to_string(dir.join("miyabi-org.toml")).unwrap().contains("Legacy Tools"));
    let status = sandbox.organizations().await.describe_account().account_id(&id).send().await.unwrap();
    assert_ne!(status.account().unwrap().state().map(|s| s.as_str()), Some("ACTIVE"));
}
