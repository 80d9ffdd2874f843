//! The kinds of organization policy the tool manages: vocabulary shared by the repo's files, the
//! model, the plan and the AWS adapters, so it depends on none of them.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PolicyKind {
    #[serde(rename = "SERVICE_CONTROL_POLICY")]
    ServiceControl,
    #[serde(rename = "TAG_POLICY")]
    Tag,
}

impl PolicyKind {
    pub const ALL: [PolicyKind; 2] = [PolicyKind::ServiceControl, PolicyKind::Tag];

    /// The folder under `policies/`.
    pub fn dir(self) -> &'static str {
        match self {
            PolicyKind::ServiceControl => "scp",
            PolicyKind::Tag => "tag",
        }
    }

    /// The name AWS uses in its API.
    pub fn aws_name(self) -> &'static str {
        match self {
            PolicyKind::ServiceControl => "SERVICE_CONTROL_POLICY",
            PolicyKind::Tag => "TAG_POLICY",
        }
    }

    pub fn from_aws_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.aws_name() == name)
    }

    /// The key that lists this kind on a target in `miyabi-org.toml`.
    pub fn config_key(self) -> &'static str {
        match self {
            PolicyKind::ServiceControl => "scps",
            PolicyKind::Tag => "tag_policies",
        }
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PolicyKind::ServiceControl => "SCP",
            PolicyKind::Tag => "tag policy",
        })
    }
}
