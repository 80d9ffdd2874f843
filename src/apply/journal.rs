//! The journal of asynchronous requests (`.miyabi-org/journal.jsonl`, git-ignored): each
//! CreateAccount request is written down before it is polled, so that a run that was stopped
//! resumes it instead of asking for a second account. Identity Center assignment requests are
//! written the same way, since AWS does not refuse a second, duplicate assignment.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::observe::sso::Assignment;

pub const JOURNAL: &str = ".miyabi-org/journal.jsonl";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// About to send CreateAccount.
    Requesting,
    /// CreateAccount answered with a request id.
    InProgress,
    Succeeded,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub account_name: String,
    pub email: String,
    pub state: State,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// Which assignment request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentOp {
    Create,
    Delete,
}

impl std::fmt::Display for AssignmentOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AssignmentOp::Create => "CreateAccountAssignment",
            AssignmentOp::Delete => "DeleteAccountAssignment",
        })
    }
}

/// A line of an assignment request; its fields never parse as an [`Entry`], nor the reverse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentEntry {
    pub op: AssignmentOp,
    pub assignment: Assignment,
    pub state: State,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// An append-only file of entries; the last entry of an account is its state.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    lock: Mutex<()>,
}

impl Journal {
    pub fn in_repo(root: &Path) -> Journal {
        Journal { path: root.join(JOURNAL), lock: Mutex::new(()) }
    }

    /// Appends and flushes one entry before the caller goes on.
    pub fn record(&self, entry: &Entry) -> std::io::Result<()> {
        self.append(entry)
    }

    pub fn record_assignment(&self, entry: &AssignmentEntry) -> std::io::Result<()> {
        self.append(entry)
    }

    fn append(&self, entry: &impl Serialize) -> std::io::Result<()> {
        let path = &self.path;
        let _guard = self.lock.lock().expect("journal lock");
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = std::fs::OpenOptions::new().create(true).append(true).read(true).open(path)?;
        // A line cut short by a crash must not swallow this one.
        let torn = file.metadata()?.len() > 0 && {
            use std::io::{Read, Seek, SeekFrom};
            let mut last = [0u8];
            file.seek(SeekFrom::End(-1))?;
            file.read_exact(&mut last)?;
            last[0] != b'\n'
        };
        let line = serde_json::to_string(entry).expect("entries serialize");
        writeln!(file, "{}{line}", if torn { "\n" } else { "" })?;
        file.sync_data()
    }

    /// Requests that were sent and not seen to finish, by account name.
    pub fn unfinished(&self) -> BTreeMap<String, Entry> {
        let Ok(text) = std::fs::read_to_string(&self.path) else { return BTreeMap::new() };
        let mut last: BTreeMap<String, Entry> = BTreeMap::new();
        // A line cut short by a crash is skipped: the request it would name is asked of AWS anyway.
        for entry in text.lines().filter_map(|line| serde_json::from_str::<Entry>(line).ok()) {
            last.insert(entry.account_name.clone(), entry);
        }
        last.retain(|_, e| matches!(e.state, State::Requesting | State::InProgress));
        last
    }

    /// Assignment requests that were sent and not seen to finish.
    pub fn unfinished_assignments(&self) -> Vec<AssignmentEntry> {
        let Ok(text) = std::fs::read_to_string(&self.path) else { return Vec::new() };
        let mut last: BTreeMap<(AssignmentOp, Assignment), AssignmentEntry> = BTreeMap::new();
        for entry in text.lines().filter_map(|line| serde_json::from_str::<AssignmentEntry>(line).ok()) {
            last.insert((entry.op, entry.assignment.clone()), entry);
        }
        last.into_values().filter(|e| matches!(e.state, State::Requesting | State::InProgress)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_entry_of_an_account_counts_and_torn_lines_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::in_repo(dir.path());
        let entry = |name: &str, state: State, request: Option<&str>| Entry {
            account_name: name.into(),
            email: format!("{name}@example.com"),
            state,
            request_id: request.map(Into::into),
            account_id: None,
        };
        journal.record(&entry("Pool-1", State::Requesting, None)).unwrap();
        journal.record(&entry("Pool-1", State::InProgress, Some("car-1"))).unwrap();
        journal.record(&entry("Pool-2", State::InProgress, Some("car-2"))).unwrap();
        journal.record(&entry("Pool-2", State::Succeeded, Some("car-2"))).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(dir.path().join(JOURNAL))
            .unwrap()
            .write_all(b"{\"account_name\":\"Pool-3\",\"ema")
            .unwrap();
        journal.record(&entry("Pool-4", State::InProgress, Some("car-4"))).unwrap();
        let unfinished = journal.unfinished();
        assert_eq!(unfinished.keys().collect::<Vec<_>>(), ["Pool-1", "Pool-4"]);
        assert_eq!(unfinished["Pool-1"].request_id.as_deref(), Some("car-1"));
    }
}
