//! `validate` and `scp validate`: the offline checks, no AWS call.

use serde::Serialize;

use super::Session;
use crate::cli::OutputFormat;
use crate::diagnostic::{Annotation, Level, Problems};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::output::Table;
use crate::policy_kind::PolicyKind;

/// `validate --output json`: the counts when the repo is valid, every problem when it is not.
#[derive(Debug, Serialize)]
struct Validated {
    valid: bool,
    problems: Problems,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    counts: Option<Counts>,
}

#[derive(Debug, Serialize)]
struct Counts {
    ous: usize,
    policies: usize,
    templates: usize,
}

const TITLE: &str = "miyabi-org validate";

pub fn validate(session: &Session) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("validate", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Github])?;
    let problems = match session.repo() {
        Ok(repo) => {
            let counts = Counts { ous: repo.org.ou.len(), policies: repo.policies.len(), templates: repo.templates.len() };
            let line = format!(
                "{} is valid: {} OUs, {} policies, {} account templates.",
                repo.root.join(crate::config::REPO_FILE).display(),
                counts.ous,
                counts.policies,
                counts.templates
            );
            match printer.format {
                OutputFormat::Json => printer.json(&Validated { valid: true, problems: Problems::default(), counts: Some(counts) })?,
                OutputFormat::Github => {
                    let valid = Annotation { level: Level::Notice, title: TITLE.into(), location: None, message: line };
                    printer.annotations(&repo.root, &[valid])?
                }
                _ => printer.out(&line)?,
            }
            return Ok(ExitStatus::Success);
        }
        Err(Error::Problems(problems)) => problems,
        Err(other) => return Err(other),
    };
    match printer.format {
        // The result is the list of problems, on stdout; the command still fails.
        OutputFormat::Json => {
            let count = problems.count_line();
            printer.json(&Validated { valid: false, problems, counts: None })?;
            printer.note(&count);
            Ok(ExitStatus::Failure)
        }
        OutputFormat::Github => Err(annotated(session, TITLE, problems)),
        _ => Err(Error::Problems(problems)),
    }
}

/// `--output github` on a repo with problems: an annotation per problem for the pull request,
/// then the problems as the error, so that the log has the whole text and the step fails.
pub(super) fn annotated(session: &Session, title: &str, problems: Problems) -> Error {
    let annotations: Vec<Annotation> = problems.0.iter().map(|p| Annotation::problem(p, title)).collect();
    match session.root().and_then(|root| session.printer.annotations(&root, &annotations)) {
        Ok(()) => Error::Problems(problems),
        Err(err) => err,
    }
}

#[derive(Debug, Serialize)]
struct PolicySize {
    name: String,
    policy_type: PolicyKind,
    file: String,
    chars: usize,
    limit: usize,
}

#[derive(Debug, Serialize)]
struct PolicySizes {
    valid: bool,
    policies: Vec<PolicySize>,
}

pub fn scp_validate(session: &Session) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("scp validate", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo()?;
    let limits = &repo.org.limits;
    let policies: Vec<PolicySize> = repo
        .policies
        .iter()
        .map(|doc| PolicySize {
            name: doc.name.clone(),
            policy_type: doc.kind,
            file: doc.source.path.display().to_string(),
            chars: doc.minified().chars().count(),
            limit: limits.max_chars(doc.kind).0,
        })
        .collect();
    let mut table = Table::new(&["policy", "type", "file", "chars (minified)", "limit"]);
    for p in &policies {
        table.row(vec![p.name.clone(), p.policy_type.aws_name().into(), p.file.clone(), p.chars.to_string(), p.limit.to_string()]);
    }
    printer.listing(&table, &PolicySizes { valid: true, policies })?;
    Ok(ExitStatus::Success)
}
