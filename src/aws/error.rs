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
            None => classify(code.as_deref(), err.message()),
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

fn classify(code: Option<&str>, message: Option<&str>) -> AwsErrorKind {
    match code {
        // Identity Center also answers ConflictException for what a request would make twice ("PermissionSet
        // with name X already exists.", "... already has a typed link attachment to a managed policy ...",
        // "... already attached"): done, not a concurrent change to wait out.
        Some("ConflictException") if message.is_some_and(names_a_duplicate) => AwsErrorKind::AlreadyExists,
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
            | "DuplicateRecordException"
            | "ResourceInUseException",
        ) => AwsErrorKind::AlreadyExists,
        Some(
            "PolicyNotAttachedException"
            | "PolicyNotFoundException"
            | "OrganizationalUnitNotFoundException"
            | "TargetNotFoundException"
            | "PolicyTypeNotEnabledException"
            | "NotFoundException"
            | "ResourceNotFoundException"
            | "QueueDoesNotExist"
            | "AWS.SimpleQueueService.NonExistentQueue"
            | "ClusterNotFoundException",
        ) => AwsErrorKind::NotFound,
        _ => AwsErrorKind::Other,
    }
}

/// A ConflictException message saying the thing exists already, not that another change is under way.
fn names_a_duplicate(message: &str) -> bool {
    let lower = message.to_ascii_lowercase();
    ["already exists", "already attached", "already has"].iter().any(|m| lower.contains(m)) && !lower.contains("in progress")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conflict_over_a_duplicate_is_already_done_and_any_other_is_concurrent() {
        let kind = |message| classify(Some("ConflictException"), Some(message));
        assert_eq!(kind("PermissionSet with name ReadOnly already exists."), AwsErrorKind::AlreadyExists);
        assert_eq!(
            kind(
                "Permission set with id ps-1 already has a typed link attachment to a manged policy with arn:aws:iam::aws:policy/ReadOnlyAccess"
            ),
            AwsErrorKind::AlreadyExists
        );
        assert_eq!(kind("Given customer managed policy with name: p  and path / already attached"), AwsErrorKind::AlreadyExists);
        assert_eq!(kind("Could not complete the operation because another operation is in progress"), AwsErrorKind::ConcurrentModification);
        assert_eq!(kind("A provisioning of this permission set is already in progress"), AwsErrorKind::ConcurrentModification);
        assert_eq!(classify(Some("ConflictException"), None), AwsErrorKind::ConcurrentModification);
    }
}
