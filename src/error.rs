//! Error kinds, each with the fix to show and the exit status it maps to.

use std::path::PathBuf;

use crate::api_error::{AwsError, CredentialProblem};
use crate::config::FindError;
use crate::diagnostic::Problems;
use crate::exit::ExitStatus;
use crate::observe::ObserveError;
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
    Plan(#[from] PlanError),
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

impl Error {
    pub fn refused(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::Refused { message: message.into(), help: help.into() }
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

    /// What to do about it; `None` where the message carries its own help.
    pub fn help(&self) -> Option<String> {
        match self {
            Error::Problems(_) | Error::Interrupted | Error::BrokenPipe => None,
            Error::Find(err) => Some(err.help().into()),
            Error::Aws(err) | Error::Observe(ObserveError::Aws(err)) => Some(err.help()),
            Error::Credentials(problem) => Some(problem.help()),
            Error::Observe(ObserveError::WrongOrganization { .. }) => {
                Some("use credentials for the organization in [organization] id, or correct the id in miyabi-org.toml".into())
            }
            Error::Observe(ObserveError::NotManagement { management, .. }) => Some(format!(
                "run with credentials of the management account {management}, or register this account as a delegated administrator for AWS Organizations policies"
            )),
            Error::Plan(err) => Some(err.help().into()),
            Error::Usage { help, .. } | Error::Refused { help, .. } => Some(help.clone()),
            Error::Io { .. } => Some("check the path and its permissions".into()),
        }
    }

    /// The whole message for stderr.
    pub fn render(&self) -> String {
        match self {
            Error::Problems(problems) => problems.to_string(),
            other => match other.help() {
                Some(help) => format!("error: {other}\n  = help: {help}"),
                None => format!("error: {other}"),
            },
        }
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
