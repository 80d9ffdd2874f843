//! The account factory and tenant placement against the sandbox, through the real SDK.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

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

/// A sandbox organization with this repository's example org applied.
async fn applied_example_org() -> (Sandbox, tempfile::TempDir) {
    let sandbox = Sandbox::start();
    sandbox.create_organization().await;
    let repo = example_repo();
    tool(&sandbox.url, repo.path()).args(["-q", "apply", "--yes"]).assert().success();
    (sandbox, repo)
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
    let (sandbox, repo) = applied_example_org().await;
    let dir = repo.path();

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

/// Runs the tool through a proxy that holds CreateAccount (`--hold`: lost on the way to AWS;
/// `--hold-after`: AWS made the account and the answer was lost) and kills it with SIGKILL once
/// CreateAccount was sent.
fn killed_after_create_account(sandbox: &Sandbox, dir: &Path, hold: &str, args: &[&str]) {
    let holding = Proxy::start(&sandbox.url, &[hold, "CreateAccount"]);
    let mut child = support::process(&holding.url, dir)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !holding.requests().iter().any(|l| l.starts_with("CreateAccount ")) {
        assert!(Instant::now() < deadline, "CreateAccount was never sent");
        assert!(child.try_wait().unwrap().is_none(), "the run ended before CreateAccount");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

/// The live accounts named so, with their parents.
async fn accounts_named(sandbox: &Sandbox, name: &str) -> Vec<String> {
    let org = sandbox.organizations().await;
    let mut parents = Vec::new();
    for account in org.list_accounts().send().await.unwrap().accounts().iter().filter(|a| a.name() == Some(name)) {
        let parent = org.list_parents().child_id(account.id().unwrap()).send().await.unwrap();
        parents.push(parent.parents()[0].r#type().unwrap().as_str().to_string());
    }
    parents
}

/// After an interruption, the same command run again finishes the job (with `expect_writes`), and a
/// third run says "nothing was changed" (`settled`) and sends no write.
fn run_again_until_settled(sandbox: &Sandbox, dir: &Path, args: &[&str], settled: &str, expect_writes: &[&str]) {
    let proxy = Proxy::start(&sandbox.url, &[]);
    let again = tool(&proxy.url, dir).args(args).output().unwrap();
    assert!(again.status.success(), "{}", stderr(&again));
    let lacks = settled.replace("nothing was changed.", "the organization still lacks some of it:");
    assert!(stderr(&again).contains(&lacks), "{}", stderr(&again));
    let writes: Vec<String> = proxy.writes().iter().map(|w| w.split(' ').next().unwrap().to_string()).collect();
    for write in expect_writes {
        assert_eq!(writes.iter().filter(|w| w == write).count(), 1, "{write} in {writes:?}");
    }
    if !expect_writes.contains(&"CreateAccount") {
        assert!(!writes.iter().any(|w| w == "CreateAccount"), "{writes:?}");
    }
    tool(&sandbox.url, dir).args(["-q", "drift"]).assert().code(0);

    let quiet = Proxy::start(&sandbox.url, &[]);
    let third = tool(&quiet.url, dir).args(args).output().unwrap();
    assert!(third.status.success(), "{}", stderr(&third));
    assert_eq!(stdout(&third), format!("{settled}\n"));
    assert_eq!(quiet.writes(), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_placement_killed_before_create_account_reached_aws_is_finished_by_running_it_again() {
    let (sandbox, repo) = applied_example_org().await;
    let dir = repo.path();
    let args = ["account", "create", "--silo", "--customer", "KILLME", "--yes"];

    killed_after_create_account(&sandbox, dir, "--hold", &args);
    // The registry was written first; AWS never saw the request.
    assert!(std::fs::read_to_string(dir.join("tenants.toml")).unwrap().contains("customer = \"KILLME\""));
    assert_eq!(accounts_named(&sandbox, "Silo-KILLME").await, Vec::<String>::new());
    tool(&sandbox.url, dir).args(["-q", "drift"]).assert().code(2);

    let settled = "Customer KILLME is already in silo 1 (Silo-KILLME); nothing was changed.";
    run_again_until_settled(&sandbox, dir, &args, settled, &["CreateAccount", "MoveAccount", "CreateBudget"]);
    assert_eq!(accounts_named(&sandbox, "Silo-KILLME").await, ["ORGANIZATIONAL_UNIT"]);
    assert_eq!(emails(&sandbox).await.iter().filter(|e| *e == "aws+silo-killme@miyabi.io").count(), 1);
    assert!(std::fs::read_to_string(dir.join("tenants.toml")).unwrap().contains("account_id = \""));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_placement_killed_after_aws_made_the_account_is_finished_without_a_second_one() {
    let (sandbox, repo) = applied_example_org().await;
    let dir = repo.path();
    let args = ["account", "create", "--silo", "--customer", "KILLME", "--yes"];

    killed_after_create_account(&sandbox, dir, "--hold-after", &args);
    // AWS made the account; the run never learnt it, so it is still in the root, with no budget.
    assert_eq!(accounts_named(&sandbox, "Silo-KILLME").await, ["ROOT"]);

    let settled = "Customer KILLME is already in silo 1 (Silo-KILLME); nothing was changed.";
    run_again_until_settled(&sandbox, dir, &args, settled, &["MoveAccount", "CreateBudget"]);
    assert_eq!(accounts_named(&sandbox, "Silo-KILLME").await, ["ORGANIZATIONAL_UNIT"]);
    assert!(std::fs::read_to_string(dir.join("tenants.toml")).unwrap().contains("account_id = \""));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_migration_and_a_core_account_killed_at_create_account_are_finished_by_running_them_again() {
    let (sandbox, repo) = applied_example_org().await;
    let dir = repo.path();
    tool(&sandbox.url, dir).args(["-q", "account", "create", "--customer", "MOVER", "--yes"]).assert().success();

    let migrate = ["tenant", "migrate", "MOVER", "--to", "silo", "--yes"];
    killed_after_create_account(&sandbox, dir, "--hold-after", &migrate);
    let settled = "Customer MOVER is already in silo 1 (Silo-MOVER); nothing was changed.";
    run_again_until_settled(&sandbox, dir, &migrate, settled, &["MoveAccount", "CreateBudget"]);
    let show = json(tool(&sandbox.url, dir).args(["tenant", "show", "MOVER", "--output", "json"]));
    assert_eq!((show["tier"].as_str(), show["history"].as_array().unwrap().len()), (Some("silo"), 1), "{show:#}");

    let core = ["account", "create", "--template", "core", "--name", "Miyabi Audit", "--ou", "Security", "--yes"];
    killed_after_create_account(&sandbox, dir, "--hold", &core);
    let settled = "Core account Miyabi Audit is declared already; nothing was changed.";
    run_again_until_settled(&sandbox, dir, &core, settled, &["CreateAccount", "MoveAccount", "CreateBudget"]);
    assert_eq!(emails(&sandbox).await.iter().filter(|e| *e == "aws+miyabi-audit@miyabi.io").count(), 1);
    // The same name with other settings is another account: refused, not ignored.
    let other = tool(&sandbox.url, dir)
        .args(["account", "create", "--template", "core", "--name", "Miyabi Audit", "--ou", "Sandbox", "--yes"])
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(1));
    assert_eq!(
        stderr(&other),
        "error: core account Miyabi Audit is declared already in miyabi-org.toml, with other settings\n  = help: edit its [account] entry (or `miyabi-org account move` it), or choose another --name\n"
    );
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
    let (sandbox, repo) = applied_example_org().await;
    let dir = repo.path();

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
