//! IAM Identity Center vocabulary shared by the repo's model, the observed state, the plan and the
//! AWS adapters: principals, policy references, permissions boundaries, session durations. A leaf:
//! it imports nothing of the crate.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PrincipalKind {
    Group,
    User,
}

impl PrincipalKind {
    /// The name AWS uses in its API.
    pub fn aws_name(self) -> &'static str {
        match self {
            PrincipalKind::Group => "GROUP",
            PrincipalKind::User => "USER",
        }
    }

    pub fn from_aws_name(name: &str) -> Option<PrincipalKind> {
        match name {
            "GROUP" => Some(PrincipalKind::Group),
            "USER" => Some(PrincipalKind::User),
            _ => None,
        }
    }
}

impl fmt::Display for PrincipalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PrincipalKind::Group => "group",
            PrincipalKind::User => "user",
        })
    }
}

/// A group (by DisplayName) or a user (by UserName), with its identity store id once resolved.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Principal {
    pub kind: PrincipalKind,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{} {} ({id})", self.kind, self.name),
            None => write!(f, "{} {}", self.kind, self.name),
        }
    }
}

/// A customer-managed IAM policy: the same name and path must exist in every account reached.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PolicyRef {
    pub name: String,
    pub path: String,
}

impl fmt::Display for PolicyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.path, self.name)
    }
}

/// A permission set's permissions boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boundary {
    /// An AWS-managed policy, by ARN.
    Managed(String),
    CustomerManaged(PolicyRef),
}

impl fmt::Display for Boundary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Boundary::Managed(arn) => f.write_str(arn),
            Boundary::CustomerManaged(policy) => write!(f, "customer-managed {policy}"),
        }
    }
}

/// Minutes of an ISO-8601 duration of hours and minutes (`PT4H`, `PT90M`, `PT1H30M`), as AWS
/// takes a session duration; `None` for anything else.
pub fn duration_minutes(text: &str) -> Option<u32> {
    let rest = text.strip_prefix("PT")?;
    if rest.is_empty() {
        return None;
    }
    let (mut minutes, mut number, mut last_unit) = (0u32, String::new(), None);
    for c in rest.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let value: u32 = std::mem::take(&mut number).parse().ok()?;
        let (unit, added) = match c {
            'H' => (0, value.checked_mul(60)?),
            'M' => (1, value),
            'S' if value.is_multiple_of(60) => (2, value / 60),
            _ => return None,
        };
        // Hours, minutes, seconds: in that order, each at most once.
        if last_unit.is_some_and(|last| last >= unit) {
            return None;
        }
        last_unit = Some(unit);
        minutes = minutes.checked_add(added)?;
    }
    number.is_empty().then_some(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_minutes("PT4H"), Some(240));
        assert_eq!(duration_minutes("PT90M"), Some(90));
        assert_eq!(duration_minutes("PT1H30M"), Some(90));
        assert_eq!(duration_minutes("PT3600S"), Some(60));
        assert_eq!(duration_minutes("PT"), None);
        assert_eq!(duration_minutes("4h"), None);
        assert_eq!(duration_minutes("PT30M1H"), None);
        assert_eq!(duration_minutes("PT4"), None);
        assert_eq!(duration_minutes("P1D"), None);
    }
}
