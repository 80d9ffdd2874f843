//! The command line itself: versions, usage errors, generated files, init, broken pipes.

mod support;

use std::path::Path;

use assert_cmd::Command;
use support::{ROOT, edit, example_repo, stderr, stdout};

fn miyabi() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("miyabi-org"));
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn version_and_help() {
    let output = miyabi().arg("--version").output().unwrap();
    assert_eq!(stdout(&output), format!("miyabi-org {}\n", env!("CARGO_PKG_VERSION")));
    let help = miyabi().arg("--help").output().unwrap();
    assert!(help.status.success());
    for command in ["init", "validate", "plan", "apply", "drift", "org", "ou", "scp", "completions", "man"] {
        assert!(stdout(&help).contains(&format!("  {command} ")), "help lacks {command}");
    }
}

#[test]
fn usage_errors_exit_64_not_clap_2() {
    let output = miyabi().arg("frobnicate").output().unwrap();
    assert_eq!(output.status.code(), Some(64));
    assert!(stderr(&output).starts_with("error: unrecognized subcommand 'frobnicate'"), "{}", stderr(&output));
    miyabi().args(["drift", "--quiet", "--verbose"]).assert().code(64);
    miyabi().args(["apply", "plan.json", "--only", "ou"]).assert().code(64);
}

/// The committed completions and man pages are what the binary generates now.
#[test]
fn completions_and_man_pages_are_fresh() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let generated = stdout(&miyabi().args(["completions", shell]).output().unwrap());
        let file = Path::new(ROOT).join("completions").join(format!("miyabi-org.{shell}"));
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(committed == generated, "{} is stale: run scripts/generate.sh", file.display());
    }
    let dir = tempfile::tempdir().unwrap();
    miyabi().arg("man").arg(dir.path()).assert().success();
    let mut generated: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    generated.sort();
    let mut committed: Vec<String> =
        std::fs::read_dir(Path::new(ROOT).join("man")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    committed.sort();
    assert_eq!(committed, generated, "man/ is stale: run scripts/generate.sh");
    for page in generated {
        let fresh = std::fs::read_to_string(dir.path().join(&page)).unwrap();
        let old = std::fs::read_to_string(Path::new(ROOT).join("man").join(&page)).unwrap();
        assert!(fresh == old, "man/{page} is stale: run scripts/generate.sh");
    }
}

#[test]
fn init_scaffolds_a_valid_repo_and_never_overwrites() {
    let repo = example_repo();
    let output = miyabi().arg("validate").current_dir(repo.path()).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).ends_with("miyabi-org.toml is valid: 9 OUs, 8 policies, 4 account templates.\n"), "{}", stdout(&output));
    // The embedded defaults are exactly this repository's own files.
    for entry in walk(Path::new(ROOT), &["miyabi-org.toml", "tenants.toml", "policies", "account-templates"]) {
        let ours = std::fs::read(Path::new(ROOT).join(&entry)).unwrap();
        let theirs = std::fs::read(repo.path().join(&entry)).unwrap_or_else(|_| panic!("init did not write {entry}"));
        assert!(ours == theirs, "init wrote a different {entry}");
    }
    let again = miyabi().arg("init").arg(repo.path()).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already holds miyabi-org.toml, .gitignore, tenants.toml, policies/scp/"), "{}", stderr(&again));
}

fn walk(root: &Path, entries: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    for entry in entries {
        let path = root.join(entry);
        if path.is_dir() {
            let children: Vec<String> =
                std::fs::read_dir(&path).unwrap().map(|e| format!("{entry}/{}", e.unwrap().file_name().to_string_lossy())).collect();
            files.extend(walk(root, &children.iter().map(String::as_str).collect::<Vec<_>>()));
        } else {
            files.push(entry.to_string());
        }
    }
    files
}

#[test]
fn json_and_csv_outputs_of_offline_commands() {
    let repo = example_repo();
    let output = miyabi().args(["validate", "--output", "json"]).current_dir(repo.path()).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value, serde_json::json!({"valid": true, "problems": [], "ous": 9, "policies": 8, "templates": 4}));
    let csv = stdout(&miyabi().args(["scp", "validate", "--output", "csv"]).current_dir(repo.path()).output().unwrap());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "policy,type,file,chars (minified),limit");
    assert_eq!(lines.len(), 9);
    assert!(lines.iter().any(|l| l.starts_with("customer-tag,TAG_POLICY,policies/tag/customer-tag.json,")), "{csv}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("data-perimeter,RESOURCE_CONTROL_POLICY,policies/rcp/data-perimeter.json,") && l.ends_with(",5120")),
        "{csv}"
    );
}

#[test]
fn validate_gives_its_problems_as_json_and_as_github_annotations() {
    let repo = example_repo();
    edit(repo.path(), "miyabi-org.toml", r#"scps = ["FullAWSAccess", "region-guard"]"#, r#"scps = ["FullAWSAccess", "region-gaurd"]"#);
    let validate = |format: &str| {
        miyabi().args(["validate", "--output", format]).current_dir(repo.path()).env_remove("GITHUB_WORKSPACE").output().unwrap()
    };

    let output = validate("json");
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        value,
        serde_json::json!({"valid": false, "problems": [{
            "file": "miyabi-org.toml",
            "line": 44,
            "column": 26,
            "message": "[ou.\"Sandbox\"] lists SCP region-gaurd, which is not defined",
            "help": "add policies/scp/region-gaurd.json or correct the name"
        }]})
    );
    assert_eq!(stderr(&output), "1 problem found; nothing was sent to AWS\n");

    let output = validate("github");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "::error file=miyabi-org.toml,line=44,col=26,title=miyabi-org validate::[ou.\"Sandbox\"] lists SCP region-gaurd, which is not defined%0Ahelp: add policies/scp/region-gaurd.json or correct the name\n"
    );
    assert!(
        stderr(&output).starts_with("error: [ou.\"Sandbox\"] lists SCP region-gaurd, which is not defined\n  --> miyabi-org.toml:44:26"),
        "{}",
        stderr(&output)
    );

    // Any other command fails with the same problems in its JSON error, before reaching AWS.
    let output = miyabi()
        .args(["plan", "--output", "json"])
        .current_dir(repo.path())
        .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (&value["error"]["kind"], &value["error"]["message"]),
        (&"invalid_repo".into(), &"1 problem found; nothing was sent to AWS".into())
    );
    assert_eq!(value["error"]["problems"][0]["line"], 44, "{value:#}");

    // An org repo in a directory of the checkout: GitHub wants the path from the checkout.
    let checkout = repo.path().parent().unwrap();
    let dir = repo.path().file_name().unwrap().to_str().unwrap();
    let output = miyabi()
        .args(["--config", dir, "validate", "--output", "github"])
        .current_dir(checkout)
        .env("GITHUB_WORKSPACE", checkout)
        .output()
        .unwrap();
    assert!(stdout(&output).starts_with(&format!("::error file={dir}/miyabi-org.toml,line=44,col=26,")), "{}", stdout(&output));

    edit(repo.path(), "miyabi-org.toml", "region-gaurd", "region-guard");
    let output = validate("github");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("::notice title=miyabi-org validate::"), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("miyabi-org.toml is valid: 9 OUs, 8 policies, 4 account templates.\n"), "{}", stdout(&output));
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let repo = example_repo();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("miyabi-org"))
        .args(["completions", "bash"])
        .current_dir(repo.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}
