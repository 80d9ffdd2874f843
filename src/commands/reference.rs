//! `completions SHELL` and `man DIR`: generated from the clap definitions, so they never go stale.

use std::path::Path;

use clap::CommandFactory;

use super::Session;
use crate::cli::Cli;
use crate::error::Error;
use crate::exit::ExitStatus;

pub fn completions(session: &Session, shell: clap_complete::Shell) -> Result<ExitStatus, Error> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "miyabi-org", &mut script);
    session.printer.out(&String::from_utf8_lossy(&script))?;
    Ok(ExitStatus::Success)
}

pub fn man(session: &Session, dir: &Path) -> Result<ExitStatus, Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    clap_mangen::generate_to(Cli::command(), dir).map_err(|e| Error::io(dir, e))?;
    session.printer.note(&format!("Wrote man pages to {}.", dir.display()));
    Ok(ExitStatus::Success)
}
