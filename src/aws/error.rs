//! API errors named by operation and resource, classified for the decisions the tool makes.

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

use super::credentials::{CredentialProblem, find_problem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AwsErrorKind {
    AccessDenied,
    /// The SDK could not load credentials: nothing was sent.
    Credentials(Box<CredentialProblem>),
    ExpiredCredentials,
    /// Another request changed the same resource: retried by the tool.
    ConcurrentModification,
    /// The thing to create exists already (a retried request that had gone through).
    AlreadyExists,
    /// The thing to remove is gone already.
    NotFound,
    Other,
}

#[derive(Debug, Clone)]
pub struct AwsError {
    pub operation: &'static str,
    pub resource: Option<String>,
    pub code: Option<String>,
    pub message: String,
    pub kind: AwsErrorKind,
}

impl AwsError {
    pub fn from_sdk<E>(operation: &'static str, resource: Option<&str>, err: SdkError<E, HttpResponse>) -> Self
    where
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    {
        let code = err.code().map(str::to_string);
        let context = DisplayErrorContext(&err).to_string();
        let kind = match find_problem(&err) {
            Some(problem) => AwsErrorKind::Credentials(Box::new(problem)),
            // A failure of the credential chain that did not pass through `ProfileChoice::explain`,
            // such as the identity cache timing out.
            None if context.contains("loading credentials") || context.contains("identity resolver") => {
                AwsErrorKind::Credentials(Box::new(CredentialProblem::Missing { cause: causes(&err) }))
            }
            None => classify(code.as_deref()),
        };
        let message = match (&err, err.message(), &kind) {
            (_, _, AwsErrorKind::Credentials(problem)) => problem.to_string(),
            (SdkError::ServiceError(_), Some(message), _) => message.to_string(),
            _ => causes(&err),
        };
        AwsError { operation, resource: resource.map(str::to_string), code, message, kind }
    }

    pub fn unexpected(operation: &'static str, message: &str) -> Self {
        AwsError { operation, resource: None, code: None, message: format!("unexpected response: {message}"), kind: AwsErrorKind::Other }
    }

    pub fn is_access_denied(&self) -> bool {
        self.kind == AwsErrorKind::AccessDenied
    }

    /// What the operator should do about it.
    pub fn help(&self) -> String {
        match &self.kind {
            AwsErrorKind::Credentials(problem) => problem.help(),
            AwsErrorKind::ExpiredCredentials => {
                "the credentials are expired or invalid: run `aws sso login` (or refresh your session token) and try again".into()
            }
            AwsErrorKind::AccessDenied => format!(
                "the caller lacks organizations:{} or is not in the management account: use a role with policies/iam/operator.json (or drift-readonly.json for drift)",
                self.operation
            ),
            _ => "nothing was changed by the failed call; run the command again, and if it persists check the AWS Health Dashboard".into(),
        }
    }
}

impl std::fmt::Display for AwsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.kind, &self.resource) {
            // No request was made: the operation would only distract from the fix.
            (AwsErrorKind::Credentials(_), _) => f.write_str(&self.message),
            (_, Some(resource)) => write!(f, "{} {resource}: {}", self.operation, self.message),
            (_, None) => write!(f, "{}: {}", self.operation, self.message),
        }
    }
}

impl std::error::Error for AwsError {}

/// The error and its sources as one line, without the Debug dump `DisplayErrorContext` appends.
pub(super) fn causes(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    parts.join(": ")
}

fn classify(code: Option<&str>) -> AwsErrorKind {
    match code {
        Some("AccessDeniedException" | "AccessDenied" | "AWSOrganizationsNotInUseException") => AwsErrorKind::AccessDenied,
        Some(
            "ExpiredToken"
            | "ExpiredTokenException"
            | "RequestExpired"
            | "InvalidClientTokenId"
            | "UnrecognizedClientException"
            | "InvalidSignatureException"
            | "SignatureDoesNotMatch",
        ) => AwsErrorKind::ExpiredCredentials,
        Some("ConcurrentModificationException") => AwsErrorKind::ConcurrentModification,
        Some(
            "DuplicateOrganizationalUnitException"
            | "DuplicatePolicyException"
            | "DuplicatePolicyAttachmentException"
            | "PolicyTypeAlreadyEnabledException"
            | "DuplicateAccountException"
            | "AccountAlreadyClosedException"
            | "DuplicateRecordException",
        ) => AwsErrorKind::AlreadyExists,
        Some(
            "PolicyNotAttachedException"
            | "PolicyNotFoundException"
            | "OrganizationalUnitNotFoundException"
            | "TargetNotFoundException"
            | "PolicyTypeNotEnabledException"
            | "NotFoundException",
        ) => AwsErrorKind::NotFound,
        _ => AwsErrorKind::Other,
    }
}
