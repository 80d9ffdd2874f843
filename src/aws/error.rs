//! SDK errors made into `AwsError`s: named by operation and resource, classified for the decisions
//! the tool makes.

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

use super::credentials::find_problem;
use crate::api_error::{AwsError, AwsErrorKind, CredentialProblem};

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
}

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
        // Identity Center's ConflictException: a concurrent change to the same permission set or account.
        Some("ConcurrentModificationException" | "ConflictException") => AwsErrorKind::ConcurrentModification,
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
            | "NotFoundException"
            | "ResourceNotFoundException",
        ) => AwsErrorKind::NotFound,
        _ => AwsErrorKind::Other,
    }
}
