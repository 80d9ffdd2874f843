//! `validate` and `scp validate`: the offline checks, no AWS call; `validate --online` then asks
//! IAM Access Analyzer about every SCP and RCP.

use serde::Serialize;

use super::{Session, Stats};
use crate::cli::{OutputFormat, ValidateArgs};
use crate::config::Repo;
use crate::diagnostic::{Annotation, Level, Problem, Problems, SourceFile};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::observe::analyzer::{Finding, PolicyAnalyzer, Severity};
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

pub async fn validate(session: &Session, args: &ValidateArgs) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("validate", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Github])?;
    let problems = match session.repo() {
        Ok(repo) if args.online => return online(session, &repo).await,
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

#[derive(Debug, Serialize)]
struct PolicyFindings {
    policy: String,
    policy_type: PolicyKind,
    file: String,
    findings: Vec<Finding>,
}

#[derive(Debug, Serialize)]
struct OnlineResult {
    valid: bool,
    errors: usize,
    policies: Vec<PolicyFindings>,
    stats: Stats,
}

/// `validate --online`: the repo passed the offline checks; each SCP and RCP goes to
/// ValidatePolicy as it is in its file, so that a finding's position is the file's. Errors fail
/// the command; warnings and suggestions are shown.
async fn online(session: &Session, repo: &Repo) -> Result<ExitStatus, Error> {
    let aws = session.aws(Some(repo)).await?;
    let analyzer = aws.analyzer(repo.org.organization.home_region.get_ref());
    let mut policies = Vec::new();
    for doc in repo.policies.iter().filter(|d| matches!(d.kind, PolicyKind::ServiceControl | PolicyKind::ResourceControl)) {
        let findings = analyzer.validate_policy(&doc.source.text, doc.kind).await?;
        policies.push(PolicyFindings {
            policy: doc.name.clone(),
            policy_type: doc.kind,
            file: doc.source.path.display().to_string(),
            findings,
        });
    }
    let errors = policies.iter().flat_map(|p| &p.findings).filter(|f| f.severity == Severity::Error).count();
    let printer = &session.printer;
    match printer.format {
        OutputFormat::Json => printer.json(&OnlineResult { valid: errors == 0, errors, policies, stats: session.stats(&aws) })?,
        _ => {
            let mut total = 0;
            for (policy, finding) in policies.iter().flat_map(|p| p.findings.iter().map(move |f| (p, f))) {
                let source = repo.policies.iter().find(|d| d.name == policy.policy && d.kind == policy.policy_type).map(|d| &d.source);
                printer.out(&format!("{}\n", finding_text(source, finding)))?;
                total += 1;
            }
            printer.out(&format!(
                "IAM Access Analyzer checked {} SCPs and RCPs: {errors} error(s), {} other finding(s).",
                policies.len(),
                total - errors
            ))?;
        }
    }
    session.report_stats(&aws);
    Ok(if errors == 0 { ExitStatus::Success } else { ExitStatus::Failure })
}

/// A finding as a compiler would show it, at its line of the policy's file.
fn finding_text(source: Option<&SourceFile>, finding: &Finding) -> String {
    let location = source.map(|s| finding.offset.map_or_else(|| s.whole(), |o| s.at(o)));
    let message = format!("Access Analyzer {}: {}", finding.issue_code, finding.detail);
    let text = Problem::new(location, message, format!("see {}", finding.learn_more)).to_string();
    match finding.severity {
        Severity::Error => text,
        other => text.replacen("error:", &format!("{}:", severity_word(other)), 1),
    }
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::SecurityWarning => "security warning",
        Severity::Warning => "warning",
        Severity::Suggestion => "suggestion",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_is_shown_at_its_line_of_the_policy_file() {
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n";
        let source = SourceFile::new("policies/rcp/perimeter.json", text.to_string());
        let finding = |severity| Finding {
            severity,
            issue_code: "EMPTY_ARRAY_STATEMENT".into(),
            detail: "the Statement array is empty".into(),
            learn_more: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html".into(),
            offset: text.find("\"Statement\""),
        };
        insta::assert_snapshot!(finding_text(Some(&source), &finding(Severity::Suggestion)), @r#"
        suggestion: Access Analyzer EMPTY_ARRAY_STATEMENT: the Statement array is empty
         --> policies/rcp/perimeter.json:3:3
          |
        3 |   "Statement": []
          |   ^
          = help: see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
        "#);
        assert!(finding_text(Some(&source), &finding(Severity::Error)).starts_with("error: Access Analyzer EMPTY_ARRAY_STATEMENT"));
    }
}
