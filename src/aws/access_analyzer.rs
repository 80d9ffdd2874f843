//! IAM Access Analyzer behind the `PolicyAnalyzer` port: ValidatePolicy for SCPs and RCPs.

use aws_sdk_accessanalyzer::types::{PolicyType, ValidatePolicyFindingType};

use crate::api_error::AwsError;
use crate::observe::analyzer::{Finding, PolicyAnalyzer, Severity};
use crate::policy_kind::PolicyKind;

pub struct Analyzer {
    client: aws_sdk_accessanalyzer::Client,
}

impl Analyzer {
    pub(super) fn new(client: aws_sdk_accessanalyzer::Client) -> Analyzer {
        Analyzer { client }
    }
}

fn policy_type(kind: PolicyKind) -> PolicyType {
    match kind {
        PolicyKind::ResourceControl => PolicyType::ResourceControlPolicy,
        _ => PolicyType::ServiceControlPolicy,
    }
}

fn severity(kind: &ValidatePolicyFindingType) -> Severity {
    match kind {
        ValidatePolicyFindingType::Error => Severity::Error,
        ValidatePolicyFindingType::SecurityWarning => Severity::SecurityWarning,
        ValidatePolicyFindingType::Suggestion => Severity::Suggestion,
        _ => Severity::Warning,
    }
}

impl PolicyAnalyzer for Analyzer {
    async fn validate_policy(&self, document: &str, kind: PolicyKind) -> Result<Vec<Finding>, AwsError> {
        let mut findings = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let request =
                self.client.validate_policy().policy_document(document).policy_type(policy_type(kind)).set_next_token(token.take());
            let out = request.send().await.map_err(sdk!("ValidatePolicy", Some(kind.aws_name())))?;
            findings.extend(out.findings().iter().map(|f| Finding {
                severity: severity(f.finding_type()),
                issue_code: f.issue_code().to_string(),
                detail: f.finding_details().to_string(),
                learn_more: f.learn_more_link().to_string(),
                offset: f.locations().first().and_then(|l| l.span()).and_then(|s| s.start()).map(|p| p.offset().max(0) as usize),
            }));
            match out.next_token() {
                Some(next) if !next.is_empty() => token = Some(next.to_string()),
                _ => return Ok(findings),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use aws_sdk_accessanalyzer::operation::validate_policy::{ValidatePolicyInput, ValidatePolicyOutput};
    use aws_sdk_accessanalyzer::types::{Location, PathElement, Position, Span, ValidatePolicyFinding};
    use aws_smithy_mocks::{RuleMode, mock, mock_client};

    use super::*;

    fn finding(kind: ValidatePolicyFindingType, code: &str, offset: i32) -> ValidatePolicyFinding {
        let position = |offset| Position::builder().line(1).column(offset).offset(offset).build().unwrap();
        let span = Span::builder().start(position(offset)).end(position(offset + 5)).build();
        let location = Location::builder().path(PathElement::Key("Statement".into())).span(span).build().unwrap();
        ValidatePolicyFinding::builder()
            .finding_details(format!("{code} details"))
            .finding_type(kind)
            .issue_code(code)
            .learn_more_link("https://docs.aws.amazon.com/")
            .locations(location)
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn every_page_of_findings_is_read_with_the_policy_type_of_the_kind() {
        let first = mock!(aws_sdk_accessanalyzer::Client::validate_policy)
            .match_requests(|r: &ValidatePolicyInput| {
                r.policy_type() == Some(&PolicyType::ResourceControlPolicy) && r.next_token().is_none()
            })
            .then_output(|| {
                ValidatePolicyOutput::builder()
                    .findings(finding(ValidatePolicyFindingType::Error, "MISSING_PRINCIPAL", 41))
                    .next_token("2")
                    .build()
                    .unwrap()
            });
        let second = mock!(aws_sdk_accessanalyzer::Client::validate_policy)
            .match_requests(|r: &ValidatePolicyInput| r.next_token() == Some("2"))
            .then_output(|| {
                ValidatePolicyOutput::builder()
                    .findings(finding(ValidatePolicyFindingType::Suggestion, "EMPTY_ARRAY_ACTION", 60))
                    .build()
                    .unwrap()
            });
        let client = mock_client!(aws_sdk_accessanalyzer, RuleMode::MatchAny, &[&first, &second]);
        let findings = Analyzer::new(client).validate_policy("{}", PolicyKind::ResourceControl).await.unwrap();
        let summary: Vec<(Severity, &str, Option<usize>)> =
            findings.iter().map(|f| (f.severity, f.issue_code.as_str(), f.offset)).collect();
        assert_eq!(summary, [(Severity::Error, "MISSING_PRINCIPAL", Some(41)), (Severity::Suggestion, "EMPTY_ARRAY_ACTION", Some(60))]);
        assert_eq!((first.num_calls(), second.num_calls()), (1, 1));
    }
}
