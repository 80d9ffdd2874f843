//! The plan engine as properties: generated repos against generated organizations (an earlier
//! state of the same repo, with hand-made policies, attachments, OUs and accounts), read, planned
//! and applied for real through `FakeOrg`, which refuses what AWS refuses.
//!
//! `PROPTEST_CASES=2000 cargo test --test plan_properties` runs more cases than the default.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use miyabi_org::apply::journal::Journal;
use miyabi_org::apply::{ApplyReport, Status, Writers, apply};
use miyabi_org::model::{
    AccountRef, BUDGET_PREFIX, BudgetScope, Desired, DesiredAccount, DesiredBudget, DesiredPolicy, FULL_AWS_ACCESS, PolicyKey,
    TargetPolicies, default_description, is_managed,
};
use miyabi_org::observe::{Guard, Snapshot, Tags, observe, observe_budgets};
use miyabi_org::plan::{Effect, Plan, PlanError, Scope, create_plan, find_account, render_change_line, render_text};
use proptest::prelude::*;
use proptest::sample::Index;
use support::fake_org::{FULL_AWS_ACCESS_ID, FakeOrg, MANAGEMENT_ID, OrgState, PolicyKind, ROOT_ID, Write};

/// A few seconds in a debug build; `PROPTEST_CASES` asks for more.
const DEFAULT_CASES: u32 = 64;
const SCPS_PER_TARGET: usize = 10;
const SCP_NAMES: [&str; 4] = ["scp-a", "scp-b", "scp-c", "scp-d"];
const TAG_POLICY_NAMES: [&str; 2] = ["tag-a", "tag-b"];
const OU_NAMES: [&str; 3] = ["A", "B", "C"];
const ACTIONS: [&str; 3] = ["s3:*", "ec2:*", "iam:*"];
const IGNORED: &str = "aws-guardrails-*";

fn config() -> ProptestConfig {
    // Setting `cases` bypasses proptest's own reading of PROPTEST_CASES, so it is read here.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_CASES);
    // No regression files in the tree: a failure prints its shrunk case, which becomes a test by hand.
    ProptestConfig { cases, failure_persistence: None, max_shrink_iters: 4096, ..ProptestConfig::default() }
}

fn document(action: &str) -> serde_json::Value {
    serde_json::json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": action, "Resource": "*"}]})
}

fn managed() -> Tags {
    Tags::from([("managed-by".to_string(), "miyabi-org".to_string())])
}

// ---- the repo

/// A repo, in the words of miyabi-org.toml: what the shrunk failing case prints.
#[derive(Debug, Clone)]
struct RepoSpec {
    /// Extra SCPs and the tag policies of the root; `None`: the root is not managed.
    root: Option<Vec<String>>,
    /// Path, then its SCPs and tag policies (FullAWSAccess alone when it names no SCP).
    ous: Vec<(String, Vec<String>)>,
    /// Kind, name and the action the document denies.
    policies: Vec<(PolicyKind, String, String)>,
    /// Name, OU and extra SCPs.
    accounts: Vec<(String, String, Vec<String>)>,
    /// Budget of an account: account name and limit.
    budgets: Vec<(String, f64)>,
}

fn kind_of(name: &str) -> PolicyKind {
    if name.starts_with("tag-") { PolicyKind::Tag } else { PolicyKind::ServiceControl }
}

fn target_policies(names: &[String], full_aws_access_by_default: bool) -> TargetPolicies {
    let mut by_kind: BTreeMap<PolicyKind, BTreeSet<String>> = BTreeMap::new();
    for name in names {
        by_kind.entry(kind_of(name)).or_default().insert(name.clone());
    }
    let scps = by_kind.entry(PolicyKind::ServiceControl).or_default();
    if full_aws_access_by_default && scps.is_empty() {
        scps.insert(FULL_AWS_ACCESS.into());
    }
    TargetPolicies { by_kind }
}

fn email(account: &str) -> String {
    format!("{}@example.com", account.to_lowercase())
}

impl RepoSpec {
    /// What `Desired::from_repo` makes of such a repo, once it passed validation.
    fn desired(&self) -> Desired {
        let root = self.root.as_ref().map(|names| {
            let mut root = target_policies(names, false);
            root.by_kind.entry(PolicyKind::ServiceControl).or_default().insert(FULL_AWS_ACCESS.into());
            root
        });
        let accounts = self
            .accounts
            .iter()
            .map(|(name, ou, scps)| DesiredAccount {
                declared_as: AccountRef::Core { name: name.clone() },
                template: "core".into(),
                name: name.clone(),
                email: email(name),
                ou: ou.clone(),
                tags: Tags::from([("managed-by".into(), "miyabi-org".into()), ("tier".into(), "core".into())]),
                scps: scps.iter().cloned().chain([FULL_AWS_ACCESS.to_string()]).collect(),
                id: None,
                customers: Vec::new(),
                capacity: None,
            })
            .collect();
        Desired {
            root,
            ous: self.ous.iter().map(|(path, names)| (path.clone(), target_policies(names, true))).collect(),
            policies: self
                .policies
                .iter()
                .map(|(kind, name, action)| {
                    let key = PolicyKey { kind: *kind, name: name.clone() };
                    (key, DesiredPolicy { content: document(action), description: default_description(*kind, name) })
                })
                .collect(),
            ignore_policies: vec![IGNORED.into()],
            accounts,
            sso: None,
            workers: None,
            budgets: self
                .budgets
                .iter()
                .map(|(account, limit)| DesiredBudget {
                    name: format!("{BUDGET_PREFIX}{account}"),
                    limit_usd: *limit,
                    scope: BudgetScope::Account { account: account.clone() },
                    alert_percent: vec![80.0, 100.0],
                    notify: vec!["finops@example.com".into()],
                })
                .collect(),
        }
    }
}

/// Picks from `names` by the bits of `bits`.
fn pick(names: &[String], bits: u8) -> Vec<String> {
    names.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, n)| n.clone()).collect()
}

/// OU tree: each entry a parent (0 the root, else an earlier OU) and a name; up to depth 5.
fn ou_tree(entries: &[(Index, usize)]) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for (parent, name) in entries {
        let parent = parent.index(paths.len() + 1);
        let path = match parent {
            0 => OU_NAMES[*name].to_string(),
            i => format!("{}/{}", paths[i - 1], OU_NAMES[*name]),
        };
        if path.split('/').count() <= 5 && !paths.contains(&path) {
            paths.push(path);
        }
    }
    paths
}

prop_compose! {
    fn repo_spec()(
        tree in prop::collection::vec((any::<Index>(), 0..OU_NAMES.len()), 0..8),
        scps in 0u8..16,
        tag_policies in 0u8..4,
        actions in prop::collection::vec(0..ACTIONS.len(), 6),
        root in prop::option::of(0u8..64),
        ou_policies in prop::collection::vec(0u8..64, 8),
        accounts in prop::collection::vec((any::<Index>(), 0u8..16, prop::option::of(1u32..4)), 0..4),
    ) -> RepoSpec {
        let scp_names: Vec<String> = pick(&SCP_NAMES.map(String::from), scps);
        let tag_names: Vec<String> = pick(&TAG_POLICY_NAMES.map(String::from), tag_policies);
        let mut policies = Vec::new();
        for (i, name) in scp_names.iter().chain(&tag_names).enumerate() {
            policies.push((kind_of(name), name.clone(), ACTIONS[actions[i]].to_string()));
        }
        // Up to four declared SCPs, so FullAWSAccess and all of them fit one target.
        let attachable: Vec<String> = scp_names.iter().chain(&tag_names).cloned().collect();
        let ous: Vec<(String, Vec<String>)> =
            ou_tree(&tree).into_iter().zip(ou_policies).map(|(path, bits)| (path, pick(&attachable, bits))).collect();
        let accounts: Vec<(String, String, Vec<String>, Option<u32>)> = if ous.is_empty() {
            Vec::new()
        } else {
            accounts
                .iter()
                .enumerate()
                .map(|(i, (ou, bits, budget))| (format!("Acct-{i}"), ous[ou.index(ous.len())].0.clone(), pick(&scp_names, *bits), *budget))
                .collect()
        };
        RepoSpec {
            root: root.map(|bits| pick(&attachable, bits)),
            ous,
            policies,
            budgets: accounts.iter().filter_map(|(name, _, _, budget)| budget.map(|b| (name.clone(), f64::from(b) * 100.0))).collect(),
            accounts: accounts.into_iter().map(|(name, ou, scps, _)| (name, ou, scps)).collect(),
        }
    }
}

// ---- the organization

/// One step of building the live organization, as a person with the console would take it.
/// Steps AWS refuses (an attachment over the limit, a detachment of the last SCP) are skipped.
#[derive(Debug, Clone)]
enum Step {
    EnableTagPolicies,
    CreateOu { path: String, managed: bool },
    CreatePolicy { kind: PolicyKind, name: String, action: String, description: String, managed: bool },
    Attach { policy: String, target: String },
    Detach { policy: String, target: String },
    CreateAccount { name: String, parent: String, tags: Tags },
    CreateBudget { name: String, account: String, limit: f64, alerts: Vec<f64> },
}

fn target_id(state: &OrgState, name: &str) -> Option<String> {
    state.targets().into_iter().find(|id| state.target_name(id) == name)
}

fn policy_id(state: &OrgState, name: &str) -> Option<String> {
    state.policies.iter().find(|(_, p)| p.name == name).map(|(id, _)| id.clone())
}

/// The organization the steps build, from a new one.
fn build(steps: &[Step]) -> OrgState {
    let mut state = OrgState::new(SCPS_PER_TARGET);
    for step in steps {
        // A refused step is one AWS would refuse too: the organization stays as it was.
        let _ = match step {
            Step::EnableTagPolicies => state.enable_policy_type(ROOT_ID, PolicyKind::Tag),
            Step::CreateOu { path, managed: tagged } => {
                let (parent, name) = path
                    .rsplit_once('/')
                    .map_or((Some(ROOT_ID.to_string()), path.as_str()), |(parent, name)| (target_id(&state, parent), name));
                let tags = if *tagged { managed() } else { Tags::new() };
                parent.map(|parent| state.create_ou(&parent, name, &tags).map(drop)).unwrap_or(Ok(()))
            }
            Step::CreatePolicy { kind, name, action, description, managed: tagged } => {
                let tags = if *tagged { managed() } else { Tags::new() };
                // Pretty-printed, as a person writes it: formatting is not drift.
                let content = serde_json::to_string_pretty(&document(action)).unwrap();
                state.create_policy(*kind, name, description, &content, &tags).map(drop)
            }
            Step::Attach { policy, target } | Step::Detach { policy, target } => {
                match (policy_id(&state, policy), target_id(&state, target)) {
                    (Some(policy), Some(target)) if matches!(step, Step::Attach { .. }) => state.attach_policy(&policy, &target),
                    (Some(policy), Some(target)) => state.detach_policy(&policy, &target),
                    _ => Ok(()),
                }
            }
            Step::CreateAccount { name, parent, tags } => match (state.create_account(name, &email(name), tags), target_id(&state, parent))
            {
                (Ok(id), Some(parent)) if parent != ROOT_ID => state.move_account(&id, ROOT_ID, &parent),
                _ => Ok(()),
            },
            Step::CreateBudget { name, account, limit, alerts } => {
                let filter = match target_id(&state, &format!("account {account}")) {
                    Some(account_id) => miyabi_org::observe::BudgetFilter::LinkedAccount { account_id },
                    None => miyabi_org::observe::BudgetFilter::Other,
                };
                let spec = miyabi_org::apply::BudgetSpec {
                    name: name.clone(),
                    limit_usd: *limit,
                    filter,
                    alert_percent: alerts.clone(),
                    notify: vec!["someone@example.com".into()],
                };
                state.create_budget(&spec)
            }
        };
    }
    state.writes.clear();
    state
}

/// An earlier state of the repo's organization, and what people did by hand since.
#[derive(Debug, Clone)]
struct LiveChoices {
    tag_policies_enabled: bool,
    /// Per declared OU: exists (if its parent does), and whether tagged as the tool's.
    ous: Vec<(bool, bool)>,
    /// Leftover OUs: parent and whether tagged as the tool's.
    leftover_ous: Vec<(Index, bool)>,
    /// Per declared policy: 0 missing, 1 as declared, 2 another document, 3 as declared but untagged, 4 another description.
    policies: Vec<u8>,
    /// Undeclared policies: SCP or tag policy, and 0 the tool's leftover, 1 hand-made, 2 ignored.
    extra_policies: Vec<(bool, u8)>,
    attachments: Vec<(Index, Index)>,
    detachments: Vec<(Index, Index)>,
    /// Per declared account: exists, where, and whether its tags are complete.
    accounts: Vec<Option<(Index, bool)>>,
    /// Accounts nobody declared, by parent.
    extra_accounts: Vec<Index>,
    /// Per declared budget: 0 missing, 1 as declared, 2 another limit, 3 other alerts.
    budgets: Vec<u8>,
    leftover_budget: bool,
    unmanaged_budget: bool,
}

prop_compose! {
    fn live_choices()(
        tag_policies_enabled in any::<bool>(),
        ous in prop::collection::vec((any::<bool>(), any::<bool>()), 8),
        leftover_ous in prop::collection::vec((any::<Index>(), any::<bool>()), 0..3),
        policies in prop::collection::vec(0u8..5, 6),
        extra_policies in prop::collection::vec((any::<bool>(), 0u8..3), 0..3),
        attachments in prop::collection::vec((any::<Index>(), any::<Index>()), 0..8),
        detachments in prop::collection::vec((any::<Index>(), any::<Index>()), 0..4),
        accounts in prop::collection::vec(prop::option::of((any::<Index>(), any::<bool>())), 4),
        extra_accounts in prop::collection::vec(any::<Index>(), 0..3),
        budgets in prop::collection::vec(0u8..4, 4),
        leftover_budget in any::<bool>(),
        unmanaged_budget in any::<bool>(),
    ) -> LiveChoices {
        LiveChoices {
            tag_policies_enabled, ous, leftover_ous, policies, extra_policies, attachments, detachments,
            accounts, extra_accounts, budgets, leftover_budget, unmanaged_budget,
        }
    }
}

impl LiveChoices {
    /// The steps that build this organization for `repo`.
    fn steps(&self, repo: &RepoSpec) -> Vec<Step> {
        let mut steps = Vec::new();
        if self.tag_policies_enabled {
            steps.push(Step::EnableTagPolicies);
        }
        let mut ous: Vec<String> = Vec::new();
        for ((path, _), (exists, tagged)) in repo.ous.iter().zip(&self.ous) {
            let parent_exists = path.rsplit_once('/').is_none_or(|(parent, _)| ous.iter().any(|p| p == parent));
            if *exists && parent_exists {
                steps.push(Step::CreateOu { path: path.clone(), managed: *tagged });
                ous.push(path.clone());
            }
        }
        for (i, (parent, tagged)) in self.leftover_ous.iter().enumerate() {
            let name = if *tagged { format!("Old{i}") } else { format!("Hand{i}") };
            let path = match parent.index(ous.len() + 1) {
                0 => name,
                p => format!("{}/{name}", ous[p - 1]),
            };
            if path.split('/').count() <= 5 {
                steps.push(Step::CreateOu { path: path.clone(), managed: *tagged });
                ous.push(path);
            }
        }
        let mut policies = vec![FULL_AWS_ACCESS.to_string()];
        for ((kind, name, action), state) in repo.policies.iter().zip(&self.policies) {
            let (action, description, tagged) = match state {
                0 => continue,
                2 => ("organizations:*".to_string(), default_description(*kind, name), true),
                3 => (action.clone(), default_description(*kind, name), false),
                4 => (action.clone(), "written by hand".to_string(), true),
                _ => (action.clone(), default_description(*kind, name), true),
            };
            steps.push(Step::CreatePolicy { kind: *kind, name: name.clone(), action, description, managed: tagged });
            policies.push(name.clone());
        }
        for (i, (scp, owner)) in self.extra_policies.iter().enumerate() {
            let kind = if *scp { PolicyKind::ServiceControl } else { PolicyKind::Tag };
            let prefix = if *scp { "" } else { "tag-" };
            let name = match owner {
                0 => format!("{prefix}old-{i}"),
                1 => format!("{prefix}hand-{i}"),
                _ => format!("aws-guardrails-{prefix}{i}"),
            };
            let description = "made elsewhere".to_string();
            steps.push(Step::CreatePolicy { kind, name: name.clone(), action: "sqs:*".into(), description, managed: *owner == 0 });
            policies.push(name);
        }
        let mut accounts: Vec<String> = Vec::new();
        let parents: Vec<String> = std::iter::once("root".to_string()).chain(ous.iter().cloned()).collect();
        for ((name, _, _), choice) in repo.accounts.iter().zip(&self.accounts) {
            let Some((parent, complete)) = choice else { continue };
            let tags = if *complete {
                Tags::from([("managed-by".into(), "miyabi-org".into()), ("tier".into(), "core".into())])
            } else {
                Tags::from([("tier".into(), "old".into())])
            };
            steps.push(Step::CreateAccount { name: name.clone(), parent: parents[parent.index(parents.len())].clone(), tags });
            accounts.push(format!("account {name}"));
        }
        for (i, parent) in self.extra_accounts.iter().enumerate() {
            let name = format!("Hand-{i}");
            steps.push(Step::CreateAccount { name: name.clone(), parent: parents[parent.index(parents.len())].clone(), tags: Tags::new() });
            accounts.push(format!("account {name}"));
        }
        let targets: Vec<String> = parents.iter().chain(&accounts).cloned().collect();
        for (policy, target) in &self.attachments {
            let (policy, target) = (policies[policy.index(policies.len())].clone(), targets[target.index(targets.len())].clone());
            steps.push(Step::Attach { policy, target });
        }
        for (policy, target) in &self.detachments {
            let (policy, target) = (policies[policy.index(policies.len())].clone(), targets[target.index(targets.len())].clone());
            steps.push(Step::Detach { policy, target });
        }
        for ((account, limit), state) in repo.budgets.iter().zip(&self.budgets) {
            let name = format!("{BUDGET_PREFIX}{account}");
            let (limit, alerts) = match state {
                0 => continue,
                2 => (limit + 50.0, vec![80.0, 100.0]),
                3 => (*limit, vec![50.0]),
                _ => (*limit, vec![80.0, 100.0]),
            };
            steps.push(Step::CreateBudget { name, account: account.clone(), limit, alerts });
        }
        if self.leftover_budget {
            steps.push(Step::CreateBudget { name: format!("{BUDGET_PREFIX}Gone"), account: "Gone".into(), limit: 10.0, alerts: vec![] });
        }
        if self.unmanaged_budget {
            steps.push(Step::CreateBudget { name: "team-budget".into(), account: "Management".into(), limit: 10.0, alerts: vec![] });
        }
        steps
    }
}

/// A repo and the organization it meets.
#[derive(Debug, Clone)]
struct Case {
    repo: RepoSpec,
    organization: Vec<Step>,
    /// Where a run is cut short, as a share of the plan.
    crash_at: Index,
}

fn case() -> impl Strategy<Value = Case> {
    (repo_spec(), live_choices(), any::<Index>()).prop_map(|(repo, live, crash_at)| Case {
        organization: live.steps(&repo),
        repo,
        crash_at,
    })
}

// ---- reading, planning, applying

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap()
}

async fn read(org: &FakeOrg, desired: &Desired) -> Snapshot {
    let declared: BTreeSet<String> = desired.ous.keys().cloned().collect();
    let mut snapshot = observe(org, &Guard::default(), &declared, &|_| true).await.expect("the fake answers every read");
    snapshot.budgets = Some(observe_budgets(org, MANAGEMENT_ID, BUDGET_PREFIX, &|_| true).await.expect("the fake answers every read"));
    snapshot
}

async fn apply_plan(org: &FakeOrg, plan: &Plan, snapshot: &Snapshot) -> ApplyReport {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_repo(dir.path());
    let writers = Writers {
        org,
        budgets: org,
        sso: org,
        workers: org,
        journal: &journal,
        member_role: "OrganizationAccountAccessRole",
        create_account_in_flight: 5,
        sso_assignments_in_flight: 10,
        polling: Default::default(),
    };
    apply(plan, snapshot, &writers, &|_| {}).await
}

fn failures(report: &ApplyReport) -> String {
    let failed = report.outcomes.iter().filter(|o| matches!(o.status, Status::Failed(..) | Status::Skipped));
    failed.map(|o| format!("{}: {:?}", render_change_line(&o.change), o.status)).collect::<Vec<_>>().join("\n")
}

fn lines(plan: &Plan) -> String {
    plan.changes.iter().map(render_change_line).collect::<Vec<_>>().join("\n")
}

/// Plans from the live state and applies the whole plan; returns the plan.
async fn plan_and_apply(org: &FakeOrg, desired: &Desired) -> Result<Plan, TestCaseError> {
    let snapshot = read(org, desired).await;
    let plan = create_plan(desired, &snapshot, &Scope::all()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let report = apply_plan(org, &plan, &snapshot).await;
    prop_assert_eq!(report.done(), plan.changes.len(), "plan:\n{}\nnot done:\n{}", lines(&plan), failures(&report));
    Ok(plan)
}

/// What the tool must never touch: undeclared OUs, policies and accounts without its tag, ignored
/// policies, and anything attached to a target it does not manage unless it is the tool's own.
struct Unmanaged {
    ous: BTreeSet<String>,
    /// Policies neither declared nor tagged, and ignored ones: never changed or deleted.
    policies: BTreeSet<String>,
    /// Ignored policies: not even detached from a target the tool manages.
    ignored: BTreeSet<String>,
    /// Policies neither declared nor ignored, tagged as the tool's: deleted, so detached anywhere.
    leftovers: BTreeSet<String>,
    accounts: BTreeSet<String>,
    /// The root (when not managed), unmanaged OUs and accounts.
    targets: BTreeSet<String>,
}

impl Unmanaged {
    fn of(state: &OrgState, snapshot: &Snapshot, desired: &Desired) -> Unmanaged {
        let declared_ous: BTreeSet<&String> = desired.ous.keys().collect();
        let ous: BTreeSet<String> = state
            .ous
            .iter()
            .filter(|(id, ou)| !declared_ous.contains(&state.target_name(id)) && !is_managed(&ou.tags))
            .map(|(id, _)| id.clone())
            .collect();
        let declared = |kind: PolicyKind, name: &str| desired.policies.contains_key(&PolicyKey { kind, name: name.to_string() });
        let mut policies = BTreeSet::new();
        let mut leftovers = BTreeSet::new();
        let ignored = state.policies.iter().filter(|(_, p)| desired.is_ignored(&p.name)).map(|(id, _)| id.clone()).collect();
        for (id, policy) in state.policies.iter().filter(|(_, p)| !p.aws_managed) {
            if desired.is_ignored(&policy.name) || (!declared(policy.kind, &policy.name) && !is_managed(&policy.tags)) {
                policies.insert(id.clone());
            } else if !declared(policy.kind, &policy.name) {
                leftovers.insert(id.clone());
            }
        }
        let matched: BTreeSet<String> =
            desired.accounts.iter().filter_map(|d| find_account(d, &snapshot.accounts)).map(|a| a.id.clone()).collect();
        let accounts: BTreeSet<String> = state.accounts.keys().filter(|id| !matched.contains(*id)).cloned().collect();
        let root = desired.root.is_none().then(|| ROOT_ID.to_string());
        let targets = ous.iter().chain(&accounts).cloned().chain(root).collect();
        Unmanaged { ous, policies, ignored, leftovers, accounts, targets }
    }

    fn check(&self, writes: &[Write]) -> Result<(), TestCaseError> {
        for write in writes {
            let touches = match write {
                Write::DeleteOu { id } => self.ous.contains(id),
                Write::MoveAccount { account } => self.accounts.contains(account),
                Write::TagResource { id } | Write::UpdatePolicy { id } | Write::DeletePolicy { id } => {
                    self.ous.contains(id) || self.accounts.contains(id) || self.policies.contains(id)
                }
                Write::DetachPolicy { policy, target } => {
                    self.ignored.contains(policy) || (self.targets.contains(target) && !self.leftovers.contains(policy))
                }
                Write::DeleteBudget { name } | Write::UpdateBudget { name } => !name.starts_with(BUDGET_PREFIX),
                Write::Other => false,
            };
            prop_assert!(!touches, "{write:?} touches something the tool does not manage");
        }
        Ok(())
    }
}

/// "Plan: A to add, C to change, R to remove." counted from the actions themselves.
fn summary_by_action(plan: &Plan) -> String {
    let (mut add, mut change, mut remove) = (0, 0, 0);
    for change_json in serde_json::to_value(&plan.changes).unwrap().as_array().unwrap() {
        let action = change_json["action"].as_str().unwrap();
        if action.starts_with("create_") || action.starts_with("attach_") {
            add += 1;
        } else if action.starts_with("delete_") || action.starts_with("detach_") {
            remove += 1;
        } else {
            change += 1;
        }
    }
    format!("Plan: {add} to add, {change} to change, {remove} to remove.")
}

async fn check(case: &Case) -> Result<(), TestCaseError> {
    let desired = case.repo.desired();
    let initial = build(&case.organization);
    prop_assert_eq!(initial.broken_invariant(), None, "the generator built an organization AWS would not allow");
    let snapshot = read(&FakeOrg::new(initial.clone()), &desired).await;
    let plan = match create_plan(&desired, &snapshot, &Scope::all()) {
        Ok(plan) => plan,
        // A refusal is right only when deleting the policy would leave a target the repo does not manage without SCPs.
        Err(PlanError::LastScp { policy, target, .. }) => {
            let policy_id = policy_id(&initial, &policy).unwrap();
            let target_id = initial.targets().into_iter().find(|id| snapshot.target_name(id) == target).unwrap();
            let unmanaged = Unmanaged::of(&initial, &snapshot, &desired);
            prop_assert!(unmanaged.leftovers.contains(&policy_id) && unmanaged.targets.contains(&target_id));
            let on_target =
                |(policy, target): &&(String, String)| target == &target_id && initial.policies[policy].kind == PolicyKind::ServiceControl;
            prop_assert!(initial.attachments.iter().filter(on_target).all(|(policy, _)| unmanaged.leftovers.contains(policy)));
            return Ok(());
        }
    };
    let unmanaged = Unmanaged::of(&initial, &snapshot, &desired);

    // The summary counts the changes.
    prop_assert_eq!(plan.count(Effect::Add) + plan.count(Effect::Change) + plan.count(Effect::Remove), plan.changes.len());
    let summary = summary_by_action(&plan);
    prop_assert!(plan.is_empty() || render_text(&plan).contains(&summary), "{}\nexpected {summary}", render_text(&plan));

    // Each change is legal where it stands: applied one at a time, in plan order.
    let org = FakeOrg::new(initial.clone());
    for (i, change) in plan.changes.iter().enumerate() {
        let snapshot = read(&org, &desired).await;
        let one = Plan { changes: vec![change.clone()], ..plan.clone() };
        let report = apply_plan(&org, &one, &snapshot).await;
        prop_assert_eq!(report.failed(), 0, "change {} of the plan is refused:\n{}\nplan:\n{}", i + 1, failures(&report), lines(&plan));
        prop_assert_eq!(org.state.borrow().broken_invariant(), None, "after change {}: {}", i + 1, render_change_line(change));
    }

    // The whole plan, as apply runs it, converges: planning again finds nothing.
    let org = FakeOrg::new(initial.clone());
    plan_and_apply(&org, &desired).await?;
    let converged = read(&org, &desired).await;
    let again = create_plan(&desired, &converged, &Scope::all()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(again.is_empty(), "after applying\n{}\nthe next plan is\n{}", lines(&plan), lines(&again));
    unmanaged.check(&org.state.borrow().writes)?;
    prop_assert_eq!(org.state.borrow().broken_invariant(), None);
    let end = org.state.borrow().shape();

    // Stopped after any prefix of the plan, a new plan and apply end in the same organization.
    let cut = case.crash_at.index(plan.changes.len() + 1);
    let org = FakeOrg::new(initial.clone());
    let prefix = Plan { changes: plan.changes[..cut].to_vec(), ..plan.clone() };
    let report = apply_plan(&org, &prefix, &snapshot).await;
    prop_assert_eq!(report.failed(), 0, "{}", failures(&report));
    let resumed = plan_and_apply(&org, &desired).await?;
    let after = create_plan(&desired, &read(&org, &desired).await, &Scope::all()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(after.is_empty(), "stopped after {cut} changes, resumed with\n{}\nthe next plan is\n{}", lines(&resumed), lines(&after));
    unmanaged.check(&org.state.borrow().writes)?;
    prop_assert_eq!(org.state.borrow().shape(), end, "stopped after {} changes, resumed with\n{}", cut, lines(&resumed));
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn plans_are_legal_in_order_converge_and_resume(case in case()) {
        runtime().block_on(check(&case))?;
    }
}

/// The model's rules, one by one: what the properties rely on to catch a plan in the wrong order.
#[test]
fn the_model_refuses_what_aws_refuses() {
    let mut state = OrgState::new(SCPS_PER_TARGET);
    let ou = state.create_ou(ROOT_ID, "A", &Tags::new()).unwrap();
    assert_eq!(state.scp_count(&ou), 1, "a new OU has FullAWSAccess");
    let account = state.create_account("Acct", "acct@example.com", &Tags::new()).unwrap();
    assert_eq!(state.scp_count(&account), 1, "a new account has FullAWSAccess");
    assert!(state.attach_policy("p-missing", &ou).is_err(), "a policy must exist to be attached");
    assert!(state.detach_policy(FULL_AWS_ACCESS_ID, &ou).is_err(), "a target keeps one SCP");
    let policies: Vec<String> = (0..SCPS_PER_TARGET)
        .map(|i| state.create_policy(PolicyKind::ServiceControl, &format!("p{i}"), "", "{}", &Tags::new()).unwrap())
        .collect();
    for policy in &policies[..SCPS_PER_TARGET - 1] {
        state.attach_policy(policy, &ou).unwrap();
    }
    assert!(state.attach_policy(&policies[SCPS_PER_TARGET - 1], &ou).is_err(), "at most scps_per_target SCPs");
    assert!(state.delete_policy(&policies[0]).is_err(), "an attached policy cannot be deleted");
    state.move_account(&account, ROOT_ID, &ou).unwrap();
    assert!(state.delete_ou(&ou).is_err(), "an OU with an account cannot be deleted");
    assert!(state.attach_policy(&policies[0], &ou).is_err(), "an attachment is made once");
    let tag_policy = state.create_policy(PolicyKind::Tag, "t", "", "{}", &Tags::new()).unwrap();
    assert!(state.attach_policy(&tag_policy, &ou).is_err(), "tag policies must be enabled first");
    state.move_account(&account, &ou, ROOT_ID).unwrap();
    state.delete_ou(&ou).unwrap();
    state.delete_policy(&policies[0]).unwrap();
    assert_eq!(state.broken_invariant(), None);
}
