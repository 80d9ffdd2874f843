//! The kinds of organization policy the tool manages, as one table: what each is called by AWS,
//! where its documents live in the repo, what lists it on a target, its quotas and its default
//! policy. Vocabulary shared by the repo's files, the model, the plan and the AWS adapters, so it
//! depends on none of them.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PolicyKind {
    #[serde(rename = "SERVICE_CONTROL_POLICY")]
    ServiceControl,
    #[serde(rename = "RESOURCE_CONTROL_POLICY")]
    ResourceControl,
    #[serde(rename = "TAG_POLICY")]
    Tag,
    #[serde(rename = "BACKUP_POLICY")]
    Backup,
    #[serde(rename = "AISERVICES_OPT_OUT_POLICY")]
    AiOptOut,
    #[serde(rename = "DECLARATIVE_POLICY_EC2")]
    DeclarativeEc2,
    #[serde(rename = "CHATBOT_POLICY")]
    Chatbot,
}

/// How a type's documents are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// IAM policy language: `Version`, `Statement`s of `Effect`, `Action`, `Resource`, `Condition`.
    Iam,
    /// Management policies: keys with the inheritance operators `@@assign`, `@@append`, ...
    Management,
}

/// The policy AWS attaches to every root, OU and account once the type is enabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultPolicy {
    pub name: &'static str,
    /// Whether AWS lets it be detached (FullAWSAccess yes, RCPFullAWSAccess never).
    pub detachable: bool,
}

/// One policy type: a row of [`TYPES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyType {
    pub kind: PolicyKind,
    /// The name AWS uses in its API.
    pub aws_name: &'static str,
    /// The folder under `policies/`.
    pub dir: &'static str,
    /// The key that lists this type on `[root]`, `[ou."…"]` (and, for SCPs, `[account."…"]`).
    pub config_key: &'static str,
    /// How messages name it.
    pub label: &'static str,
    /// AWS's default quota on a document's size, counted on the minified text.
    pub max_chars: usize,
    /// AWS's default quota on policies of the type attached to one root, OU or account.
    pub per_target: usize,
    pub default_policy: Option<DefaultPolicy>,
    pub syntax: Syntax,
}

/// Every type the tool manages. AWS's quotas as of 15 May 2026 (SCPs: 10 per target and 10,240
/// characters since then). Adding the next type AWS ships is a row here and a variant above.
pub const TYPES: [PolicyType; 7] = [
    PolicyType {
        kind: PolicyKind::ServiceControl,
        aws_name: "SERVICE_CONTROL_POLICY",
        dir: "scp",
        config_key: "scps",
        label: "SCP",
        max_chars: 10_240,
        per_target: 10,
        default_policy: Some(DefaultPolicy { name: "FullAWSAccess", detachable: true }),
        syntax: Syntax::Iam,
    },
    PolicyType {
        kind: PolicyKind::ResourceControl,
        aws_name: "RESOURCE_CONTROL_POLICY",
        dir: "rcp",
        config_key: "rcps",
        label: "RCP",
        max_chars: 5_120,
        per_target: 5,
        default_policy: Some(DefaultPolicy { name: "RCPFullAWSAccess", detachable: false }),
        syntax: Syntax::Iam,
    },
    PolicyType {
        kind: PolicyKind::Tag,
        aws_name: "TAG_POLICY",
        dir: "tag",
        config_key: "tag_policies",
        label: "tag policy",
        max_chars: 10_000,
        per_target: 10,
        default_policy: None,
        syntax: Syntax::Management,
    },
    PolicyType {
        kind: PolicyKind::Backup,
        aws_name: "BACKUP_POLICY",
        dir: "backup",
        config_key: "backup_policies",
        label: "backup policy",
        max_chars: 10_000,
        per_target: 10,
        default_policy: None,
        syntax: Syntax::Management,
    },
    PolicyType {
        kind: PolicyKind::AiOptOut,
        aws_name: "AISERVICES_OPT_OUT_POLICY",
        dir: "ai-opt-out",
        config_key: "ai_opt_out_policies",
        label: "AI services opt-out policy",
        max_chars: 2_500,
        per_target: 5,
        default_policy: None,
        syntax: Syntax::Management,
    },
    PolicyType {
        kind: PolicyKind::DeclarativeEc2,
        aws_name: "DECLARATIVE_POLICY_EC2",
        dir: "declarative-ec2",
        config_key: "declarative_policies",
        label: "declarative policy",
        max_chars: 10_000,
        per_target: 10,
        default_policy: None,
        syntax: Syntax::Management,
    },
    PolicyType {
        kind: PolicyKind::Chatbot,
        aws_name: "CHATBOT_POLICY",
        dir: "chatbot",
        config_key: "chatbot_policies",
        label: "chatbot policy",
        max_chars: 10_000,
        per_target: 5,
        default_policy: None,
        syntax: Syntax::Management,
    },
];

impl PolicyKind {
    pub const ALL: [PolicyKind; 7] = [
        PolicyKind::ServiceControl,
        PolicyKind::ResourceControl,
        PolicyKind::Tag,
        PolicyKind::Backup,
        PolicyKind::AiOptOut,
        PolicyKind::DeclarativeEc2,
        PolicyKind::Chatbot,
    ];

    /// Its row of [`TYPES`].
    pub fn row(self) -> &'static PolicyType {
        TYPES.iter().find(|row| row.kind == self).expect("every kind has a row")
    }

    pub fn dir(self) -> &'static str {
        self.row().dir
    }

    pub fn aws_name(self) -> &'static str {
        self.row().aws_name
    }

    pub fn from_aws_name(name: &str) -> Option<Self> {
        TYPES.iter().find(|row| row.aws_name == name).map(|row| row.kind)
    }

    pub fn config_key(self) -> &'static str {
        self.row().config_key
    }

    pub fn default_policy(self) -> Option<DefaultPolicy> {
        self.row().default_policy
    }

    /// "an SCP", "an RCP", "an AI services opt-out policy", "a tag policy": as the label is said.
    pub fn with_article(self) -> String {
        let label = self.row().label;
        let vowel_sound = label.starts_with(['A', 'E', 'I', 'O', 'U', 'R', 'S']);
        format!("{} {label}", if vowel_sound { "an" } else { "a" })
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.row().label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_row_and_distinct_names() {
        for kind in PolicyKind::ALL {
            assert_eq!(TYPES.iter().filter(|row| row.kind == kind).count(), 1, "{kind:?}");
            assert_eq!(PolicyKind::from_aws_name(kind.aws_name()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.aws_name());
        }
        for field in [|r: &PolicyType| r.dir, |r: &PolicyType| r.config_key, |r: &PolicyType| r.aws_name] {
            let mut names: Vec<&str> = TYPES.iter().map(field).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), TYPES.len());
        }
    }
}
