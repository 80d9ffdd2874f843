//! The local sandbox for integration tests: moto's server on a free port, the fault proxy in
//! front of it, the real SDK to seed and tamper, and the tool's binary; `fake_org`, an organization
//! in memory behind the four ports, for the property tests.
#![allow(dead_code)] // each test binary uses its own part of the harness

pub mod fake_org;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn venv_bin(name: &str) -> PathBuf {
    let path = Path::new(ROOT).join(".venv/bin").join(name);
    assert!(path.exists(), "the sandbox is not installed ({} is missing): run scripts/sandbox.sh install", path.display());
    path
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A moto server of this test's own, killed when dropped.
pub struct Sandbox {
    child: Child,
    pub url: String,
}

impl Sandbox {
    pub fn start() -> Sandbox {
        let port = free_port();
        let child = Process::new(venv_bin("moto_server"))
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto_server starts");
        let sandbox = Sandbox { child, url: format!("http://127.0.0.1:{port}") };
        let deadline = Instant::now() + Duration::from_secs(60);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "moto_server did not listen on {port} within 60 s");
            std::thread::sleep(Duration::from_millis(50));
        }
        sandbox
    }

    /// An organizations client of the real SDK, for seeding and tampering behind the tool's back.
    pub async fn organizations(&self) -> aws_sdk_organizations::Client {
        let config = aws_sdk_organizations::Config::builder()
            .behavior_version(aws_sdk_organizations::config::BehaviorVersion::latest())
            .region(aws_sdk_organizations::config::Region::new("us-east-1"))
            .endpoint_url(&self.url)
            .credentials_provider(aws_sdk_organizations::config::Credentials::new("testing", "testing", None, None, "tests"))
            .build();
        aws_sdk_organizations::Client::from_conf(config)
    }

    /// Creates the organization, as `aws organizations create-organization` would; returns its id.
    pub async fn create_organization(&self) -> String {
        let out = self
            .organizations()
            .await
            .create_organization()
            .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
            .send()
            .await
            .unwrap();
        out.organization().unwrap().id().unwrap().to_string()
    }

    /// The SDK configuration of a member account, reached through its member role as the tool
    /// reaches it: each account's queues and tables are its own in the sandbox.
    #[allow(dead_code)] // not every test binary reaches member accounts
    pub async fn member(&self, account: &str) -> aws_config::SdkConfig {
        let base = aws_config::SdkConfig::builder()
            .behavior_version(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .endpoint_url(&self.url)
            .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(aws_credential_types::Credentials::new(
                "testing", "testing", None, None, "tests",
            )))
            .build();
        let role = format!("arn:aws:iam::{account}:role/OrganizationAccountAccessRole");
        let out = aws_sdk_sts::Client::new(&base).assume_role().role_arn(role).role_session_name("tests").send().await.unwrap();
        let c = out.credentials().unwrap();
        let credentials =
            aws_credential_types::Credentials::new(c.access_key_id(), c.secret_access_key(), Some(c.session_token().into()), None, "tests");
        base.into_builder().credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(credentials)).build()
    }
}

/// Changes behind the tool's back, as a person with the console or the CLI would make them.
impl Sandbox {
    pub async fn budgets(&self) -> aws_sdk_budgets::Client {
        let config = aws_sdk_budgets::Config::builder()
            .behavior_version(aws_sdk_budgets::config::BehaviorVersion::latest())
            .region(aws_sdk_budgets::config::Region::new("us-east-1"))
            .endpoint_url(&self.url)
            .credentials_provider(aws_sdk_budgets::config::Credentials::new("testing", "testing", None, None, "tests"))
            .build();
        aws_sdk_budgets::Client::from_conf(config)
    }

    pub async fn root_id(&self) -> String {
        self.organizations().await.list_roots().send().await.unwrap().roots()[0].id().unwrap().to_string()
    }

    /// An SCP made by hand (not tagged) that denies one action; returns its id.
    pub async fn create_scp_by_hand(&self, name: &str, action: &str) -> String {
        let content = format!(r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Deny","Action":"{action}","Resource":"*"}}]}}"#);
        let out = self
            .organizations()
            .await
            .create_policy()
            .name(name)
            .description("by hand")
            .r#type(aws_sdk_organizations::types::PolicyType::ServiceControlPolicy)
            .content(content)
            .send()
            .await
            .unwrap();
        out.policy().unwrap().policy_summary().unwrap().id().unwrap().to_string()
    }

    pub async fn attach(&self, policy_id: &str, target_id: &str) {
        self.organizations().await.attach_policy().policy_id(policy_id).target_id(target_id).send().await.unwrap();
    }

    /// An sso-admin client of the real SDK, to tamper with Identity Center as a person would.
    pub async fn ssoadmin(&self) -> aws_sdk_ssoadmin::Client {
        let config = aws_sdk_ssoadmin::Config::builder()
            .behavior_version(aws_sdk_ssoadmin::config::BehaviorVersion::latest())
            .region(aws_sdk_ssoadmin::config::Region::new("us-east-1"))
            .endpoint_url(&self.url)
            .credentials_provider(aws_sdk_ssoadmin::config::Credentials::new("testing", "testing", None, None, "tests"))
            .build();
        aws_sdk_ssoadmin::Client::from_conf(config)
    }

    pub async fn identitystore(&self) -> aws_sdk_identitystore::Client {
        let config = aws_sdk_identitystore::Config::builder()
            .behavior_version(aws_sdk_identitystore::config::BehaviorVersion::latest())
            .region(aws_sdk_identitystore::config::Region::new("us-east-1"))
            .endpoint_url(&self.url)
            .credentials_provider(aws_sdk_identitystore::config::Credentials::new("testing", "testing", None, None, "tests"))
            .build();
        aws_sdk_identitystore::Client::from_conf(config)
    }

    /// The Identity Center instance moto keeps for the management account: (ARN, identity store id).
    pub async fn sso_instance(&self) -> (String, String) {
        let out = self.ssoadmin().await.list_instances().send().await.unwrap();
        let instance = &out.instances()[0];
        (instance.instance_arn().unwrap().to_string(), instance.identity_store_id().unwrap().to_string())
    }

    /// Creates groups in the identity store, as an administrator or a SCIM sync would; returns
    /// their ids by name.
    pub async fn create_groups(&self, names: &[&str]) -> std::collections::BTreeMap<String, String> {
        let (_, store) = self.sso_instance().await;
        let client = self.identitystore().await;
        let mut ids = std::collections::BTreeMap::new();
        for name in names {
            let out = client.create_group().identity_store_id(&store).display_name(*name).send().await.unwrap();
            ids.insert(name.to_string(), out.group_id().to_string());
        }
        ids
    }

    /// Creates a user with a UserName in the identity store; returns its id.
    pub async fn create_user(&self, user_name: &str) -> String {
        let (_, store) = self.sso_instance().await;
        let name = aws_sdk_identitystore::types::Name::builder().given_name("Test").family_name("User").build();
        let out = self
            .identitystore()
            .await
            .create_user()
            .identity_store_id(&store)
            .user_name(user_name)
            .display_name(user_name)
            .name(name)
            .send()
            .await
            .unwrap();
        out.user_id().to_string()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The fault proxy of tests/support/fault_proxy.py, logging every operation it sees.
pub struct Proxy {
    child: Child,
    pub url: String,
    pub log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Proxy {
    pub fn start(upstream: &str, args: &[&str]) -> Proxy {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("requests.log");
        std::fs::write(&log, "").unwrap();
        let mut child = Process::new(venv_bin("python"))
            .arg(Path::new(ROOT).join("tests/support/fault_proxy.py"))
            .args(["--upstream", upstream, "--port", "0", "--log"])
            .arg(&log)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the fault proxy starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let port = line.trim().strip_prefix("ready ").unwrap_or_else(|| panic!("fault proxy said {line:?}")).to_string();
        Proxy { child, url: format!("http://127.0.0.1:{port}"), log, _dir: dir }
    }

    /// Operations seen so far, with their outcome: `CreatePolicy forwarded 200`.
    pub fn requests(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log).unwrap().lines().map(str::to_string).collect()
    }

    /// The operations that change something (AWS names them by verb).
    pub fn writes(&self) -> Vec<String> {
        self.requests().into_iter().filter(|line| is_write(line.split(' ').next().unwrap_or(""))).collect()
    }
}

pub fn is_write(operation: &str) -> bool {
    // AssumeRole changes nothing: it hands out credentials for a member account's reads.
    !["Describe", "List", "Get"].iter().any(|read| operation.starts_with(read)) && operation != "AssumeRole"
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The tool, pointed at an endpoint, with credentials that only the sandbox accepts and no
/// shared AWS config of the machine.
pub fn tool(endpoint: &str, repo: &Path) -> Command {
    Command::from_std(process(endpoint, repo))
}

/// The same as a plain process, for a run that is killed half-way.
pub fn process(endpoint: &str, repo: &Path) -> Process {
    let mut cmd = Process::new(assert_cmd::cargo::cargo_bin!("miyabi-org"));
    cmd.current_dir(repo)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", repo)
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_CONFIG_FILE", "/nonexistent/aws-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("NO_COLOR", "1");
    cmd
}

/// A new org repo made by `miyabi-org init`: this repo's example org.
pub fn example_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    Command::new(assert_cmd::cargo::cargo_bin!("miyabi-org")).arg("init").arg(dir.path()).env("NO_COLOR", "1").assert().success();
    dir
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The tool's JSON output of a command.
pub fn json(cmd: &mut Command) -> serde_json::Value {
    let output = cmd.output().unwrap();
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&output), stderr(&output)))
}

/// Replaces a line of a repo file, failing loudly when the line is not there.
pub fn edit(repo: &Path, file: &str, from: &str, to: &str) {
    let path = repo.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}
