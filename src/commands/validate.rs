//! `validate` and `scp validate`: the offline checks, no AWS call.

use serde::Serialize;

use super::Session;
use crate::cli::OutputFormat;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::output::Table;
use crate::policy_kind::PolicyKind;

#[derive(Debug, Serialize)]
struct Validated {
    valid: bool,
    ous: usize,
    policies: usize,
    templates: usize,
}

pub fn validate(session: &Session) -> Result<ExitStatus, Error> {
    session.printer.require("validate", &[OutputFormat::Table, OutputFormat::Json])?;
    let repo = session.repo()?;
    let result = Validated { valid: true, ous: repo.org.ou.len(), policies: repo.policies.len(), templates: repo.templates.len() };
    match session.printer.format {
        OutputFormat::Json => session.printer.json(&result)?,
        _ => session.printer.out(&format!(
            "{} is valid: {} OUs, {} policies, {} account templates.",
            repo.root.join(crate::config::REPO_FILE).display(),
            result.ous,
            result.policies,
            result.templates
        ))?,
    }
    Ok(ExitStatus::Success)
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
            limit: match doc.kind {
                PolicyKind::ServiceControl => limits.scp_max_chars,
                PolicyKind::Tag => limits.tag_policy_max_chars,
            },
        })
        .collect();
    let mut table = Table::new(&["policy", "type", "file", "chars (minified)", "limit"]);
    for p in &policies {
        table.row(vec![p.name.clone(), p.policy_type.aws_name().into(), p.file.clone(), p.chars.to_string(), p.limit.to_string()]);
    }
    printer.listing(&table, &PolicySizes { valid: true, policies })?;
    Ok(ExitStatus::Success)
}
