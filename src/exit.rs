//! The exit statuses the tool promises (README, "Exit codes and outputs").

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Success, or no drift.
    Success,
    /// An error, including a partial apply.
    Failure,
    /// Drift or changes, from `drift` and `plan --detailed-exitcode` only.
    Changes,
    /// The command line was wrong (clap's own 2 is remapped).
    Usage,
    Interrupted,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Changes => 2,
            ExitStatus::Usage => 64,
            ExitStatus::Interrupted => 130,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(status.code())
    }
}
