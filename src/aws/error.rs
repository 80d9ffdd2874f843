//! API errors named by operation and resource, classified for the decisions the tool makes.

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwsErrorKind {
    AccessDenied,
    NoCredentials,
    ExpiredCredentials,
    /// Another request changed the same resource: retried by the tool.
    ConcurrentModification,
    /// The thing to create exists already (a retried request that had gone through).
    AlreadyExists,
    /// The thing to remove is gone already.
    NotFound,
    Other,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{operation}{}: {message}", resource.as_ref().map(|r| format!(" {r}")).unwrap_or_default())]
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
        let kind = classify(code.as_deref(), &context);
        let message = match (&err, err.message()) {
            (SdkError::ServiceError(_), Some(message)) => message.to_string(),
            _ if kind == AwsErrorKind::NoCredentials => {
                "no credentials in the SDK's default chain (environment, profile, web identity, container, instance metadata)".into()
            }
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
        match self.kind {
            AwsErrorKind::NoCredentials => {
                "no AWS credentials were found: set AWS_PROFILE (or pass --profile), run `aws sso login`, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY".into()
            }
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

/// The error and its sources as one line, without the Debug dump `DisplayErrorContext` appends.
fn causes(err: &(dyn std::error::Error + 'static)) -> String {
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

fn classify(code: Option<&str>, context: &str) -> AwsErrorKind {
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
        _ if context.contains("no credentials") || context.contains("CredentialsNotLoaded") || context.contains("credentials provider") => {
            AwsErrorKind::NoCredentials
        }
        _ => AwsErrorKind::Other,
    }
}
