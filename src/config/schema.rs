//! The shape of `miyabi-org.toml` and of account templates. Unknown keys are errors.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

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
}

impl Default for Limits {
    fn default() -> Self {
        Self { scp_max_chars: 5120, tag_policy_max_chars: 10_000, scps_per_target: 5, ou_max_depth: 5, api_calls_in_flight: 8 }
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
}

/// `[ou."Path"]`: an OU and its policies.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSection {
    /// Defaults to FullAWSAccess alone, what AWS attaches to a new OU.
    pub scps: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub tag_policies: Vec<Spanned<String>>,
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
    pub name: Spanned<String>,
    pub ou: Spanned<String>,
    #[serde(default)]
    pub tags: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub scps: Vec<Spanned<String>>,
    pub budget: Option<BudgetSection>,
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
