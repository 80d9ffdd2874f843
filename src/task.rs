//! Agent-worker tasks as plain data: the GitHub issue a task works on, who may send it, its id,
//! the message the workers read and the row of the task table. Shared by the commands, the
//! dispatcher and the adapters; imports nothing of the tool.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A GitHub issue: `OWNER/REPO#N`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Issue {
    pub owner: String,
    pub repo: String,
    pub number: u64,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}#{}", self.owner, self.repo, self.number)
    }
}

impl Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// GitHub: 1-39 letters, digits and single dashes, not at either end.
fn is_owner(owner: &str) -> bool {
    (1..=39).contains(&owner.len())
        && owner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !owner.starts_with('-')
        && !owner.ends_with('-')
        && !owner.contains("--")
}

/// GitHub: 1-100 letters, digits, `-`, `_` and `.`, not `.` or `..`.
fn is_repo(repo: &str) -> bool {
    (1..=100).contains(&repo.len()) && repo.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) && repo != "." && repo != ".."
}

impl std::str::FromStr for Issue {
    type Err = String;

    /// `OWNER/REPO#N` or `https://github.com/OWNER/REPO/issues/N`.
    fn from_str(text: &str) -> Result<Issue, String> {
        let bad = || format!("`{text}` is not an issue: write OWNER/REPO#N or https://github.com/OWNER/REPO/issues/N");
        let (owner, repo, number) = if let Some(path) = text.strip_prefix("https://github.com/") {
            let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
            match parts.as_slice() {
                [owner, repo, "issues" | "pull", number] => (*owner, *repo, *number),
                _ => return Err(bad()),
            }
        } else {
            let (repo_path, number) = text.split_once('#').ok_or_else(bad)?;
            let (owner, repo) = repo_path.split_once('/').ok_or_else(bad)?;
            (owner, repo, number)
        };
        let number: u64 = number.parse().ok().filter(|n| *n > 0).ok_or_else(bad)?;
        if !is_owner(owner) || !is_repo(repo) {
            return Err(bad());
        }
        Ok(Issue { owner: owner.to_string(), repo: repo.to_string(), number })
    }
}

/// A customer's `github = [...]` entry: `owner/repo`, or `owner/*` for all of the owner's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepoPattern {
    pub owner: String,
    /// `None` for `owner/*`.
    pub repo: Option<String>,
}

impl std::str::FromStr for RepoPattern {
    type Err = String;

    fn from_str(text: &str) -> Result<RepoPattern, String> {
        let bad = || format!("`{text}` is not a GitHub repository pattern: write `owner/repo` or `owner/*`");
        let (owner, repo) = text.split_once('/').ok_or_else(bad)?;
        if !is_owner(owner) {
            return Err(bad());
        }
        match repo {
            "*" => Ok(RepoPattern { owner: owner.to_string(), repo: None }),
            repo if is_repo(repo) => Ok(RepoPattern { owner: owner.to_string(), repo: Some(repo.to_string()) }),
            _ => Err(bad()),
        }
    }
}

impl RepoPattern {
    /// GitHub names are case-insensitive.
    pub fn matches(&self, issue: &Issue) -> bool {
        self.owner.eq_ignore_ascii_case(&issue.owner) && self.repo.as_ref().is_none_or(|r| r.eq_ignore_ascii_case(&issue.repo))
    }
}

/// The customer whose patterns claim the issue's repository, the most specific pattern first
/// (`acme/app` wins over `acme/*`).
pub fn owner_of<'a>(issue: &Issue, patterns: &'a BTreeMap<String, Vec<RepoPattern>>) -> Option<&'a str> {
    let mut best: Option<(&str, bool)> = None;
    for (customer, list) in patterns {
        for pattern in list.iter().filter(|p| p.matches(issue)) {
            let exact = pattern.repo.is_some();
            if best.is_none_or(|(_, was_exact)| exact && !was_exact) {
                best = Some((customer, exact));
            }
        }
    }
    best.map(|(customer, _)| customer)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    Queued,
    Running,
    Succeeded,
    Failed,
    DeadLettered,
    Cancelled,
}

impl TaskState {
    pub const ALL: [TaskState; 6] =
        [TaskState::Queued, TaskState::Running, TaskState::Succeeded, TaskState::Failed, TaskState::DeadLettered, TaskState::Cancelled];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskState::Queued => "queued",
            TaskState::Running => "running",
            TaskState::Succeeded => "succeeded",
            TaskState::Failed => "failed",
            TaskState::DeadLettered => "dead_lettered",
            TaskState::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<TaskState> {
        TaskState::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Workers may still pick it up: cancelling means something.
    pub fn is_open(self) -> bool {
        matches!(self, TaskState::Queued | TaskState::Running)
    }
}

impl std::fmt::Display for TaskState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
}

/// The kind of work when none is named: work the issue.
pub const DEFAULT_KIND: &str = "issue";

/// `[a-z0-9][a-z0-9_-]{0,63}`: the workers route on it.
pub fn is_kind(kind: &str) -> bool {
    let mut chars = kind.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && kind.len() <= 64
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// What an operator asks for, from the command line or a line of a JSONL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskRequest {
    pub customer: String,
    pub issue: Issue,
    pub kind: String,
    pub priority: Priority,
    /// Free text for the worker.
    pub note: Option<String>,
    /// A new attempt with its own id, even if the task was dispatched before.
    pub again: bool,
}

impl TaskRequest {
    /// The id of the first attempt: the same customer, issue and kind always give the same id, so
    /// a repeated dispatch is recognised. `CUSTOMER:` + 12 hex digits; the customer id has no `:`.
    pub fn base_id(&self) -> String {
        let digest = Sha256::digest(format!("{}\n{}\n{}", self.customer, self.issue, self.kind).as_bytes());
        let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
        format!("{}:{hex}", self.customer)
    }
}

/// The id of attempt `n` (1 is the base id): `ACME:3f9a2c1b7d4e`, `ACME:3f9a2c1b7d4e:2`.
pub fn attempt_id(base: &str, attempt: u32) -> String {
    if attempt <= 1 { base.to_string() } else { format!("{base}:{attempt}") }
}

/// The attempt number of an id made by [`attempt_id`] from `base`.
pub fn attempt_of(base: &str, id: &str) -> Option<u32> {
    match id.strip_prefix(base)? {
        "" => Some(1),
        rest => rest.strip_prefix(':')?.parse().ok(),
    }
}

/// The customer a task id belongs to.
pub fn customer_of(task_id: &str) -> Option<&str> {
    let (customer, rest) = task_id.split_once(':')?;
    let hex = rest.split(':').next()?;
    (hex.len() == 12 && hex.chars().all(|c| c.is_ascii_hexdigit()) && !customer.is_empty()).then_some(customer)
}

/// The message body the workers read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskMessage {
    pub task_id: String,
    pub customer: String,
    pub issue: String,
    pub kind: String,
    pub priority: Priority,
    pub requested_by: String,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl TaskMessage {
    pub fn body(&self) -> String {
        serde_json::to_string(self).expect("a task message serializes")
    }
}

/// A row of the task table: the tool writes `queued` and `message_id`, the workers the rest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskRecord {
    pub task_id: String,
    pub customer: String,
    pub issue: String,
    pub kind: String,
    pub priority: Priority,
    pub state: TaskState,
    /// Times a worker has started it.
    pub attempts: u32,
    pub requested_by: String,
    pub created_at: String,
    pub updated_at: String,
    /// Set once the message is on the queue: a row without it was recorded by a run that
    /// stopped before sending, and the next run sends it.
    pub message_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl TaskRecord {
    pub fn message(&self) -> TaskMessage {
        TaskMessage {
            task_id: self.task_id.clone(),
            customer: self.customer.clone(),
            issue: self.issue.clone(),
            kind: self.kind.clone(),
            priority: self.priority,
            requested_by: self.requested_by.clone(),
            created_at: self.created_at.clone(),
            note: self.note.clone(),
        }
    }
}

/// The table's partition key of a customer.
pub fn partition_key(customer: &str) -> String {
    format!("CUSTOMER#{customer}")
}

/// The table's sort key of a task.
pub fn sort_key(task_id: &str) -> String {
    format!("TASK#{task_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_are_read_in_both_spellings_and_nothing_else() {
        let issue: Issue = "acme-corp/app#12".parse().unwrap();
        assert_eq!(issue, Issue { owner: "acme-corp".into(), repo: "app".into(), number: 12 });
        assert_eq!("https://github.com/acme-corp/app/issues/12".parse::<Issue>().unwrap(), issue);
        assert_eq!(issue.to_string(), "acme-corp/app#12");
        for bad in ["acme/app", "acme#1", "acme/app#0", "acme/app#x", "-acme/app#1", "acme/a b#1", "https://github.com/acme/app/1", ""] {
            assert!(bad.parse::<Issue>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_most_specific_pattern_owns_a_repository() {
        let patterns = BTreeMap::from([
            ("ACME".to_string(), vec!["acme-corp/*".parse().unwrap()]),
            ("LABS".to_string(), vec!["acme-corp/labs".parse().unwrap()]),
        ]);
        assert_eq!(owner_of(&"Acme-Corp/app#1".parse().unwrap(), &patterns), Some("ACME"));
        assert_eq!(owner_of(&"acme-corp/labs#1".parse().unwrap(), &patterns), Some("LABS"));
        assert_eq!(owner_of(&"other/labs#1".parse().unwrap(), &patterns), None);
        assert!("acme/**".parse::<RepoPattern>().is_err() && "acme".parse::<RepoPattern>().is_err());
    }

    #[test]
    fn task_ids_are_stable_per_customer_issue_and_kind_and_name_their_customer() {
        let request = |kind: &str| TaskRequest {
            customer: "ACME-2".into(),
            issue: "acme/app#7".parse().unwrap(),
            kind: kind.into(),
            priority: Priority::Normal,
            note: None,
            again: false,
        };
        let base = request("issue").base_id();
        assert_eq!(base, request("issue").base_id());
        assert_ne!(base, request("review").base_id());
        assert_eq!(customer_of(&base), Some("ACME-2"));
        assert_eq!(customer_of(&attempt_id(&base, 3)), Some("ACME-2"));
        assert_eq!(attempt_of(&base, &attempt_id(&base, 3)), Some(3));
        assert_eq!(attempt_of(&base, &base), Some(1));
        assert_eq!(customer_of("nonsense"), None);
    }
}
