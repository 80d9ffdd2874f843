//! IAM Access Analyzer's findings on an SCP or RCP document, through the [`PolicyAnalyzer`] port:
//! `validate --online`, on top of the offline checks.

use serde::Serialize;

use crate::api_error::AwsError;
use crate::policy_kind::PolicyKind;

/// How bad a finding is, in Access Analyzer's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    SecurityWarning,
    Warning,
    Suggestion,
}

/// One finding of ValidatePolicy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub issue_code: String,
    pub detail: String,
    pub learn_more: String,
    /// Where in the document as sent, when Access Analyzer gives a span.
    pub offset: Option<usize>,
}

#[allow(async_fn_in_trait)] // futures are polled on one task; no Send bound is needed
pub trait PolicyAnalyzer {
    /// ValidatePolicy of an SCP or RCP document (every page of findings).
    async fn validate_policy(&self, document: &str, kind: PolicyKind) -> Result<Vec<Finding>, AwsError>;
}
