//! Error kinds, each with the fix to show, the exit status it maps to, and a `kind` for JSON.

use std::path::PathBuf;

use serde::Serialize;

use crate::api_error::{AwsError, CredentialProblem};
use crate::config::FindError;
use crate::diagnostic::{Problem, Problems};
use crate::exit::ExitStatus;
use crate::model::placement::PlacementError;
use crate::observe::ObserveError;
use crate::observe::sso::SsoObserveError;
use crate::plan::PlanError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the repo's files, already rendered with file, line and fix.
    #[error("{0}")]
    Problems(Problems),
    #[error(transparent)]
    Find(#[from] FindError),
    #[error(transparent)]
    Aws(#[from] AwsError),
    #[error(transparent)]
    Credentials(#[from] CredentialProblem),
    #[error(transparent)]
    Observe(#[from] ObserveError),
    #[error(transparent)]
    Sso(#[from] SsoObserveError),
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Placement(#[from] PlacementError),
    #[error(transparent)]
    SavedPlan(#[from] SavedPlanError),
    /// Some changes of an apply failed; each was reported as it failed.
    #[error("apply failed: {done} changes done, {failed} failed, {skipped} not attempted")]
    PartialApply { done: usize, failed: usize, skipped: usize },
    /// Some tasks of a dispatch were not sent; each was reported with its reason.
    #[error("{failed} of {total} tasks were not sent")]
    PartialDispatch { failed: usize, total: usize },
    /// The query ran and Athena gave up on it; the SQL follows, to try in the console.
    #[error("the Athena query {id} failed: {reason}\n\n{sql}")]
    AthenaFailed { id: String, reason: String, sql: String },
    #[error("the Athena query {id} was cancelled")]
    AthenaCancelled { id: String },
    #[cfg(feature = "local-engine")]
    #[error(transparent)]
    LocalCost(#[from] crate::cost::local::LocalError),
    /// A change with no one to confirm it, or a question not answered yes.
    #[error("{message}")]
    NotConfirmed { message: String, help: String },
    #[error("{message}")]
    Usage { message: String, help: String },
    /// The tool declined to go on for the operator's safety.
    #[error("{message}")]
    Refused { message: String, help: String },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("interrupted")]
    Interrupted,
    /// The reader of stdout went away (`| head`): not an error to report.
    #[error("broken pipe")]
    BrokenPipe,
}

/// A plan saved with `plan --out` that cannot be applied.
#[derive(Debug, thiserror::Error)]
pub enum SavedPlanError {
    #[error("{} is not a saved plan", path.display())]
    Unreadable { path: PathBuf, source: serde_json::Error },
    #[error("{} is a saved plan of format {found}, this miyabi-org reads format {expected}", path.display())]
    Format { path: PathBuf, found: u32, expected: u32 },
    #[error("{} was made for organization {planned}, but these credentials reach {reached}", path.display())]
    OtherOrganization { path: PathBuf, planned: String, reached: String },
    /// The live state is not the one the plan was made from: applying it could undo someone's work.
    #[error("the organization changed since {} was made", path.display())]
    Stale { path: PathBuf },
}

impl SavedPlanError {
    fn help(&self) -> &'static str {
        match self {
            SavedPlanError::Unreadable { .. } => "make a new one with `miyabi-org plan --out FILE`; saved plans are not meant to be edited",
            SavedPlanError::Format { .. } => "make a new one with `miyabi-org plan --out FILE`",
            SavedPlanError::OtherOrganization { .. } => {
                "apply it with credentials for the organization it was made for, or make a new plan"
            }
            SavedPlanError::Stale { .. } => "run `miyabi-org plan --out FILE` again, review it, and apply the new file",
        }
    }
}

/// An error as `--output json` prints it on stdout.
#[derive(Debug, Serialize)]
pub struct ErrorReport {
    pub kind: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The sources of the error, outermost first ("Caused by" in the text form).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<String>,
    /// The repo's problems, each with its file, line and column, as `validate --output json` gives them.
    #[serde(skip_serializing_if = "<[Problem]>::is_empty")]
    pub problems: Vec<Problem>,
}

impl Error {
    pub fn refused(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::Refused { message: message.into(), help: help.into() }
    }

    pub fn not_confirmed(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::NotConfirmed { message: message.into(), help: help.into() }
    }

    pub fn usage(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::Usage { message: message.into(), help: help.into() }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    pub fn exit_status(&self) -> ExitStatus {
        match self {
            Error::Usage { .. } => ExitStatus::Usage,
            Error::Interrupted => ExitStatus::Interrupted,
            Error::BrokenPipe => ExitStatus::Success,
            _ => ExitStatus::Failure,
        }
    }

    /// What kind of error it is, for scripts: stable snake_case words.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Problems(_) => "invalid_repo",
            Error::Find(_) => "no_repo",
            Error::Aws(_) | Error::Observe(ObserveError::Aws(_)) | Error::Sso(SsoObserveError::Aws(_)) => "aws",
            Error::Sso(_) => "identity_center",
            Error::Credentials(_) => "credentials",
            Error::Observe(ObserveError::WrongOrganization { .. }) => "wrong_organization",
            Error::Observe(ObserveError::NotManagement { .. }) => "not_management_account",
            Error::Plan(_) => "unsafe_plan",
            Error::Placement(_) => "placement",
            Error::SavedPlan(SavedPlanError::Stale { .. } | SavedPlanError::OtherOrganization { .. }) => "stale_plan",
            Error::SavedPlan(_) => "invalid_saved_plan",
            Error::PartialApply { .. } => "partial_apply",
            Error::PartialDispatch { .. } => "partial_dispatch",
            Error::AthenaFailed { .. } => "athena_query_failed",
            Error::AthenaCancelled { .. } => "athena_query_cancelled",
            #[cfg(feature = "local-engine")]
            Error::LocalCost(_) => "cost_files",
            Error::NotConfirmed { .. } => "not_confirmed",
            Error::Usage { .. } => "usage",
            Error::Refused { .. } => "refused",
            Error::Io { .. } => "io",
            Error::Interrupted => "interrupted",
            Error::BrokenPipe => "broken_pipe",
        }
    }

    /// What to do about it; `None` where the message carries its own help.
    pub fn help(&self) -> Option<String> {
        match self {
            Error::Problems(_) | Error::Interrupted | Error::BrokenPipe => None,
            Error::Find(err) => Some(err.help().into()),
            Error::Aws(err) | Error::Observe(ObserveError::Aws(err)) => Some(err.help()),
            Error::Sso(err) => Some(err.help()),
            Error::Credentials(problem) => Some(problem.help()),
            Error::Observe(ObserveError::WrongOrganization { .. }) => {
                Some("use credentials for the organization in [organization] id, or correct the id in miyabi-org.toml".into())
            }
            Error::Observe(ObserveError::NotManagement { management, .. }) => Some(format!(
                "run with credentials of the management account {management}, or register this account as a delegated administrator for AWS Organizations policies"
            )),
            Error::Plan(err) => Some(err.help().into()),
            Error::Placement(err) => Some(err.help()),
            Error::SavedPlan(err) => Some(err.help().into()),
            Error::PartialApply { .. } => {
                Some("fix the cause shown above and run apply again: it plans from the live state and converges".into())
            }
            Error::PartialDispatch { .. } => {
                Some("each is listed with its reason; run the same dispatch again to send them (what was sent is not sent twice)".into())
            }
            Error::AthenaFailed { .. } => Some("fix the table or the query in the Athena console; the SQL is above".into()),
            Error::AthenaCancelled { .. } => Some("someone cancelled the query in Athena: run the report again".into()),
            #[cfg(feature = "local-engine")]
            Error::LocalCost(err) => Some(err.help()),
            Error::NotConfirmed { help, .. } | Error::Usage { help, .. } | Error::Refused { help, .. } => Some(help.clone()),
            Error::Io { .. } => Some("check the path and its permissions".into()),
        }
    }

    /// The sources of the error that its message does not already say, outermost first.
    pub fn causes(&self) -> Vec<String> {
        let mut said = self.to_string();
        let mut causes = Vec::new();
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            let text = cause.to_string();
            if !said.contains(&text) {
                said.push_str(&text);
                causes.push(text);
            }
            source = cause.source();
        }
        causes
    }

    /// The whole message for stderr, with its causes the way jj shows them.
    pub fn render(&self) -> String {
        if let Error::Problems(problems) = self {
            return problems.to_string();
        }
        let mut text = format!("error: {self}");
        match self.causes().as_slice() {
            [] => {}
            [cause] => text.push_str(&format!("\nCaused by: {cause}")),
            causes => {
                text.push_str("\nCaused by:");
                for (i, cause) in causes.iter().enumerate() {
                    text.push_str(&format!("\n{}: {cause}", i + 1));
                }
            }
        }
        if let Some(help) = self.help() {
            text.push_str(&format!("\n  = help: {help}"));
        }
        text
    }

    /// Whether `--output json` printed the error inside the command's result already.
    pub fn is_in_result(&self) -> bool {
        matches!(self, Error::PartialApply { .. } | Error::PartialDispatch { .. })
    }

    /// The error as `--output json` prints it.
    pub fn report(&self) -> ErrorReport {
        let (message, problems) = match self {
            Error::Problems(problems) => (problems.count_line(), problems.0.clone()),
            _ => (self.to_string(), Vec::new()),
        };
        ErrorReport { kind: self.kind(), message, help: self.help(), causes: self.causes(), problems }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::Io { path: PathBuf::from("<stdout>"), source: err }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_are_shown_once_after_the_message() {
        let source = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        let err = Error::SavedPlan(SavedPlanError::Unreadable { path: "plan.json".into(), source });
        insta::assert_snapshot!(err.render(), @r"
        error: plan.json is not a saved plan
        Caused by: EOF while parsing an object at line 1 column 1
          = help: make a new one with `miyabi-org plan --out FILE`; saved plans are not meant to be edited
        ");
        insta::assert_json_snapshot!(err.report(), @r#"
        {
          "kind": "invalid_saved_plan",
          "message": "plan.json is not a saved plan",
          "help": "make a new one with `miyabi-org plan --out FILE`; saved plans are not meant to be edited",
          "causes": [
            "EOF while parsing an object at line 1 column 1"
          ]
        }
        "#);
        // A cause the message already says is not repeated.
        let io = Error::io("x.toml", std::io::Error::new(std::io::ErrorKind::NotFound, "gone"));
        assert_eq!(io.render(), "error: x.toml: gone\n  = help: check the path and its permissions");
    }
}
