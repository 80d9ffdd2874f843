//! The shape of `miyabi-org.toml` and of account templates. Unknown keys are errors.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::policy_kind::PolicyKind;

/// `miyabi-org.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgFile {
    pub organization: OrganizationSection,
    #[serde(default)]
    pub limits: Limits,
    pub root: Option<RootSection>,
    #[serde(default)]
    pub ou: BTreeMap<Spanned<String>, TargetSection>,
    #[serde(default)]
    pub policy: BTreeMap<Spanned<String>, PolicySection>,
    /// Core accounts, keyed by account name.
    #[serde(default)]
    pub account: BTreeMap<Spanned<String>, AccountSection>,
    pub tenancy: Option<TenancySection>,
    pub sso: Option<SsoSection>,
    pub workers: Option<WorkersSection>,
    pub cost: Option<CostSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationSection {
    pub name: Spanned<String>,
    /// Guard: refuse to touch any other organization.
    pub id: Option<Spanned<String>>,
    pub home_region: Spanned<String>,
    /// Policies another system owns (glob patterns); left alone entirely.
    #[serde(default = "default_ignore_policies")]
    pub ignore_policies: Vec<Spanned<String>>,
    /// The role AWS creates in every new account, for the tool to assume.
    #[serde(default = "default_member_role")]
    pub member_role: Spanned<String>,
    /// The default account email; `{slug}` is the lower-case account name.
    pub email: Option<Spanned<String>>,
}

fn default_member_role() -> Spanned<String> {
    Spanned::new(0..0, "OrganizationAccountAccessRole".to_string())
}

fn default_ignore_policies() -> Vec<Spanned<String>> {
    // AWS Control Tower's guardrail SCPs.
    vec![Spanned::new(0..0, "aws-guardrails-*".to_string())]
}

/// AWS quotas, overridable because AWS raises them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    pub scp_max_chars: usize,
    pub tag_policy_max_chars: usize,
    pub scps_per_target: usize,
    pub ou_max_depth: usize,
    /// Calls in flight per AWS service; the SDK's adaptive retry handles the rest.
    pub api_calls_in_flight: usize,
    /// CreateAccount requests in progress at once (AWS allows 5).
    pub create_account_in_flight: usize,
    /// Share of member accounts AWS lets you close per rolling 30 days.
    pub close_account_percent: usize,
    /// Identity Center assignment requests outstanding at once.
    pub sso_assignments_in_flight: usize,
    /// AWS-managed and customer-managed policies on one permission set (the IAM default quota).
    pub sso_managed_policies: usize,
    /// Characters of a permission set's inline policy.
    pub sso_inline_policy_max_chars: usize,
    /// Member accounts read or written at once by the workers' commands and plumbing.
    pub accounts_in_flight: usize,
    /// The size quota of the other policy types, by folder (`rcp = 5120`); AWS's when absent.
    pub max_chars: BTreeMap<Spanned<String>, usize>,
    /// Policies of the other types on one target, by folder (`rcp = 5`); AWS's when absent.
    pub per_target: BTreeMap<Spanned<String>, usize>,
}

impl Limits {
    /// A document's size quota for the kind, and the `[limits]` key that raises it.
    pub fn max_chars(&self, kind: PolicyKind) -> (usize, String) {
        match kind {
            PolicyKind::ServiceControl => (self.scp_max_chars, "scp_max_chars".into()),
            PolicyKind::Tag => (self.tag_policy_max_chars, "tag_policy_max_chars".into()),
            _ => (lookup(&self.max_chars, kind).unwrap_or(kind.row().max_chars), format!("max_chars.{}", kind.dir())),
        }
    }

    /// The quota of the kind's policies on one target, and the `[limits]` key that raises it.
    pub fn per_target(&self, kind: PolicyKind) -> (usize, String) {
        match kind {
            PolicyKind::ServiceControl => (self.scps_per_target, "scps_per_target".into()),
            _ => (lookup(&self.per_target, kind).unwrap_or(kind.row().per_target), format!("per_target.{}", kind.dir())),
        }
    }
}

fn lookup(map: &BTreeMap<Spanned<String>, usize>, kind: PolicyKind) -> Option<usize> {
    map.iter().find(|(key, _)| key.get_ref() == kind.dir()).map(|(_, value)| *value)
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            scp_max_chars: 10_240,
            tag_policy_max_chars: 10_000,
            scps_per_target: 10,
            ou_max_depth: 5,
            api_calls_in_flight: 8,
            create_account_in_flight: 5,
            close_account_percent: 10,
            sso_assignments_in_flight: 10,
            sso_managed_policies: 10,
            sso_inline_policy_max_chars: 32_768,
            accounts_in_flight: 16,
            max_chars: BTreeMap::new(),
            per_target: BTreeMap::new(),
        }
    }
}

/// `[root]`: the root's policies. Without it the root's attachments are not managed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootSection {
    pub scps: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub tag_policies: Vec<Spanned<String>>,
    /// FullAWSAccess stays on the root unless this says otherwise: losing it locks out every account.
    #[serde(default)]
    pub detach_full_aws_access: bool,
    #[serde(default)]
    pub rcps: Vec<Spanned<String>>,
    #[serde(default)]
    pub backup_policies: Vec<Spanned<String>>,
    #[serde(default)]
    pub ai_opt_out_policies: Vec<Spanned<String>>,
    #[serde(default)]
    pub declarative_policies: Vec<Spanned<String>>,
    #[serde(default)]
    pub chatbot_policies: Vec<Spanned<String>>,
}

/// The lists of every type but SCPs (whose list has its own rules) on the root or an OU, each with
/// its kind. RCPFullAWSAccess, which AWS attaches everywhere and never detaches, need not be listed.
macro_rules! other_lists {
    ($section:ty) => {
        impl $section {
            pub fn other_lists(&self) -> [(PolicyKind, &Vec<Spanned<String>>); 6] {
                [
                    (PolicyKind::ResourceControl, &self.rcps),
                    (PolicyKind::Tag, &self.tag_policies),
                    (PolicyKind::Backup, &self.backup_policies),
                    (PolicyKind::AiOptOut, &self.ai_opt_out_policies),
                    (PolicyKind::DeclarativeEc2, &self.declarative_policies),
                    (PolicyKind::Chatbot, &self.chatbot_policies),
                ]
            }
        }
    };
}
other_lists!(RootSection);
other_lists!(TargetSection);

/// `[ou."Path"]`: an OU and its policies.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSection {
    /// Defaults to FullAWSAccess alone, what AWS attaches to a new OU.
    pub scps: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub tag_policies: Vec<Spanned<String>>,
    #[serde(default)]
    pub rcps: Vec<Spanned<String>>,
    #[serde(default)]
    pub backup_policies: Vec<Spanned<String>>,
    #[serde(default)]
    pub ai_opt_out_policies: Vec<Spanned<String>>,
    #[serde(default)]
    pub declarative_policies: Vec<Spanned<String>>,
    #[serde(default)]
    pub chatbot_policies: Vec<Spanned<String>>,
}

/// `[policy."name"]`: settings of a policy whose document is in `policies/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySection {
    pub description: Spanned<String>,
}

/// `account-templates/*.toml`: an account baseline.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateFile {
    pub description: String,
    /// How tenant accounts are named; core accounts are named by their `[account]` key.
    pub name: Option<Spanned<String>>,
    pub ou: Spanned<String>,
    #[serde(default)]
    pub tags: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub scps: Vec<Spanned<String>>,
    pub budget: Option<BudgetSection>,
    /// Labels of `[[sso.assignment]]`s that apply to every account made from the template.
    #[serde(default)]
    pub sso: Vec<Spanned<String>>,
    /// Whether its accounts run agent workers (the queues and table of `[workers]`).
    pub workers: Option<Spanned<bool>>,
    /// The Fargate tasks an account of the template has room for (its quota, less what else runs
    /// there): `[workers.scaling] max` may not pass it.
    pub fargate_tasks: Option<Spanned<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetSection {
    pub monthly_usd: Spanned<f64>,
    #[serde(default)]
    pub alert_percent: Vec<Spanned<f64>>,
    #[serde(default)]
    pub notify: Vec<Spanned<String>>,
}

/// `[account."Name"]`: a core account of the platform.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountSection {
    pub template: Spanned<String>,
    /// Overrides the template's OU.
    pub ou: Option<Spanned<String>>,
    /// Overrides `[organization] email`.
    pub email: Option<Spanned<String>>,
    /// Set when the account exists (created or imported by the tool).
    pub id: Option<Spanned<String>>,
    /// Account-level SCPs on top of the template's.
    #[serde(default)]
    pub scps: Vec<Spanned<String>>,
}

/// `[tenancy]`: how customers are placed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenancySection {
    /// The cost allocation tag on pooled resources and silo accounts.
    #[serde(default = "default_customer_tag")]
    pub customer_tag: Spanned<String>,
    #[serde(default)]
    pub tier: BTreeMap<Spanned<String>, TierSection>,
}

fn default_customer_tag() -> Spanned<String> {
    Spanned::new(0..0, "customer".to_string())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierSection {
    pub template: Spanned<String>,
    /// Customers per account; 1 makes a silo.
    pub capacity: Spanned<u32>,
    /// The unit cost the tier is priced for, USD per customer and month: what `cost advise` judges by.
    pub target_usd_per_customer: Option<Spanned<f64>>,
}

/// `tenants.toml`: the tenant registry, written by the tool.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantsFile {
    #[serde(default)]
    pub pool: Vec<PoolEntry>,
    #[serde(default)]
    pub tenant: Vec<TenantEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolEntry {
    pub tier: Spanned<String>,
    pub number: Spanned<u32>,
    pub account_id: Option<Spanned<String>>,
    /// Set by `worker drain`: no task is dispatched here and its scaling is suspended.
    #[serde(default)]
    pub drained: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantEntry {
    pub customer: Spanned<String>,
    pub tier: Spanned<String>,
    pub pool: Spanned<u32>,
    /// Monthly budget for the customer's tagged cost in its pool.
    pub budget_usd: Option<Spanned<f64>>,
    /// The day the current placement began (YYYY-MM-DD).
    pub since: Option<Spanned<String>>,
    /// Earlier placements, oldest first, so cost can follow a customer across months.
    #[serde(default)]
    pub history: Vec<PastPlacement>,
    /// GitHub repositories the customer owns: `owner/repo` or `owner/*`.
    #[serde(default)]
    pub github: Vec<Spanned<String>>,
    /// Contractually in a silo: `cost advise` never advises the customer out of it, and `tenant
    /// migrate` refuses to move it to a shared tier.
    pub dedicated: Option<Spanned<bool>>,
}

impl TenantEntry {
    pub fn is_dedicated(&self) -> bool {
        self.dedicated.as_ref().is_some_and(|d| *d.get_ref())
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PastPlacement {
    pub tier: String,
    pub pool: u32,
    pub from: String,
    pub to: String,
}

/// `[sso]`: IAM Identity Center permission sets and who gets them in which accounts.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SsoSection {
    /// Discovered with ListInstances when absent.
    pub instance_arn: Option<Spanned<String>>,
    /// Where Identity Center lives; `[organization] home_region` when absent.
    pub region: Option<Spanned<String>>,
    #[serde(default)]
    pub permission_set: BTreeMap<Spanned<String>, PermissionSetSection>,
    #[serde(default)]
    pub assignment: Vec<AssignmentSection>,
}

/// `[sso.permission_set."Name"]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PermissionSetSection {
    pub description: Option<Spanned<String>>,
    /// ISO-8601, PT1H..PT12H; PT1H (what AWS gives) when absent.
    pub session_duration: Option<Spanned<String>>,
    pub relay_state: Option<Spanned<String>>,
    #[serde(default)]
    pub managed_policies: Vec<Spanned<String>>,
    #[serde(default)]
    pub customer_managed_policies: Vec<Spanned<PolicyReference>>,
    /// A JSON file of the repo.
    pub inline_policy: Option<Spanned<String>>,
    pub permissions_boundary: Option<Spanned<BoundarySection>>,
}

/// A customer-managed IAM policy, by the name and path it has in every account.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyReference {
    /// Optional here so that a missing name is reported with its line, not as a parse error.
    pub name: Option<String>,
    #[serde(default = "default_policy_path")]
    pub path: String,
}

fn default_policy_path() -> String {
    "/".into()
}

/// `permissions_boundary`: exactly one of the two.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundarySection {
    pub customer_managed: Option<PolicyReference>,
    pub managed: Option<String>,
}

/// `[[sso.assignment]]`: a principal, a permission set, and the accounts it reaches.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentSection {
    /// The name account templates use in `sso = [...]`.
    pub label: Option<Spanned<String>>,
    pub group: Option<Spanned<String>>,
    /// A UserName.
    pub user: Option<Spanned<String>>,
    pub permission_set: Spanned<String>,
    /// By name or id.
    #[serde(default)]
    pub accounts: Vec<Spanned<String>>,
    /// Every account below, recursively.
    #[serde(default)]
    pub ous: Vec<Spanned<String>>,
    #[serde(default)]
    pub tiers: Vec<Spanned<String>>,
    #[serde(default)]
    pub customers: Vec<Spanned<String>>,
    #[serde(default)]
    pub exclude_accounts: Vec<Spanned<String>>,
}

/// `[workers]`: the agent workers' plumbing in every account whose template has `workers = true`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkersSection {
    /// A name ending in `.fifo` makes a FIFO queue.
    pub queue: Spanned<String>,
    pub dead_letter_queue: Spanned<String>,
    /// Receives before a message goes to the dead-letter queue.
    #[serde(default = "default_max_receive_count")]
    pub max_receive_count: Spanned<u32>,
    #[serde(default = "default_visibility_timeout")]
    pub visibility_timeout_s: Spanned<u32>,
    /// The queue's MaximumMessageSize in bytes; dispatch refuses a larger task before sending.
    #[serde(default = "default_max_message_size")]
    pub max_message_size: Spanned<u32>,
    /// DynamoDB: PK `CUSTOMER#<id>`, SK `TASK#<task id>`.
    pub table: Spanned<String>,
    /// The application's ECS cluster and service: read and scaled, never created.
    pub cluster: Spanned<String>,
    pub service: Spanned<String>,
    /// Where the workers run; `[organization] home_region` when absent.
    pub region: Option<Spanned<String>>,
    /// Step scaling of the ECS service on the queue's depth; not installed when absent.
    pub scaling: Option<Spanned<ScalingSection>>,
}

/// `[workers.scaling]`: desired tasks between `min` and `max`, changed by the step the queue's
/// visible messages fall in.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalingSection {
    #[serde(default = "default_scaling_min")]
    pub min: Spanned<u32>,
    #[serde(default = "default_scaling_max")]
    pub max: Spanned<u32>,
    #[serde(default = "default_cooldown_out")]
    pub cooldown_out_s: Spanned<u32>,
    #[serde(default = "default_cooldown_in")]
    pub cooldown_in_s: Spanned<u32>,
    /// The system design's steps when absent.
    pub steps: Option<Spanned<Vec<Spanned<StepSection>>>>,
}

fn default_scaling_min() -> Spanned<u32> {
    Spanned::new(0..0, 1)
}

fn default_scaling_max() -> Spanned<u32> {
    Spanned::new(0..0, 100)
}

fn default_cooldown_out() -> Spanned<u32> {
    Spanned::new(0..0, 60)
}

fn default_cooldown_in() -> Spanned<u32> {
    Spanned::new(0..0, 300)
}

/// `{ at_least = 50, change = 5 }`, `{ below = 10, change = -1 }`, or both bounds.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSection {
    pub at_least: Option<u64>,
    pub below: Option<u64>,
    pub change: i32,
}

fn default_max_receive_count() -> Spanned<u32> {
    Spanned::new(0..0, 3)
}

fn default_visibility_timeout() -> Spanned<u32> {
    Spanned::new(0..0, 1800)
}

fn default_max_message_size() -> Spanned<u32> {
    Spanned::new(0..0, 262_144)
}

/// `[cost]`: where `cost report` reads the CUR and how it counts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostSection {
    #[serde(default = "default_engine")]
    pub engine: crate::cost::Engine,
    #[serde(default = "default_schema")]
    pub schema: crate::cost::Schema,
    #[serde(default = "default_metric")]
    pub metric: crate::cost::Metric,
    #[serde(default = "default_shared")]
    pub shared: crate::cost::Shared,
    pub athena: Option<AthenaSection>,
    pub local: Option<LocalSection>,
    pub advise: Option<AdviseSection>,
}

/// `[cost.advise]`: what `cost advise` counts as a noisy neighbour.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviseSection {
    /// A pool customer whose direct cost is more than this share of its pool's cost (and more
    /// than twice an even split) in every month is advised out of the pool. Default 25.
    pub noisy_share_percent: Option<Spanned<f64>>,
}

fn default_engine() -> crate::cost::Engine {
    crate::cost::Engine::Athena
}

fn default_schema() -> crate::cost::Schema {
    crate::cost::Schema::Cur2
}

fn default_metric() -> crate::cost::Metric {
    crate::cost::Metric::Amortized
}

fn default_shared() -> crate::cost::Shared {
    crate::cost::Shared::Proportional
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AthenaSection {
    pub database: String,
    pub table: String,
    #[serde(default = "default_workgroup")]
    pub workgroup: String,
    /// Where Athena writes results; the workgroup's setting when absent.
    pub output_location: Option<Spanned<String>>,
}

fn default_workgroup() -> String {
    "primary".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalSection {
    /// CUR Parquet or CSV files, relative to the repo; hive partitions allowed.
    pub path: String,
}
