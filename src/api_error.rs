//! Errors of AWS calls as plain data: what the ports return and the domain decides on. Made from
//! SDK errors in `aws/`, which depends on this module and never the other way round.

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
            AwsErrorKind::AccessDenied | AwsErrorKind::Other if self.operation == "AssumeRole" => format!(
                "check that the role {} exists in that account and trusts the caller's account, and that the caller may sts:AssumeRole it; the role's name is [organization] member_role in miyabi-org.toml",
                self.resource.as_deref().and_then(|arn| arn.rsplit('/').next()).unwrap_or("named by [organization] member_role")
            ),
            AwsErrorKind::AccessDenied => format!(
                "the caller lacks {} or is not in the management account: use a role with policies/iam/operator.json (or drift-readonly.json for drift)",
                self.iam_action()
            ),
            _ => "nothing was changed by the failed call; run the command again, and if it persists check the AWS Health Dashboard".into(),
        }
    }
}

impl AwsError {
    /// The IAM action that allows the operation, as the policies of `policies/iam/` name it.
    fn iam_action(&self) -> String {
        let op = self.operation;
        let service = if ["GetGroupId", "GetUserId", "DescribeGroup", "DescribeUser"].contains(&op) {
            "identitystore"
        } else if op == "ListInstances" || op.contains("PermissionSet") || op.contains("AccountAssignment") {
            "sso"
        } else if [
            "GetQueueUrl",
            "GetQueueAttributes",
            "CreateQueue",
            "SetQueueAttributes",
            "SendMessageBatch",
            "ReceiveMessage",
            "DeleteMessageBatch",
            "ChangeMessageVisibilityBatch",
        ]
        .contains(&op)
        {
            "sqs"
        } else if ["DescribeTable", "CreateTable", "Query", "BatchGetItem", "PutItem", "UpdateItem"].contains(&op) {
            "dynamodb"
        } else if op == "DescribeServices" {
            "ecs"
        } else if op.contains("Budget") {
            return if op.starts_with("Describe") { "budgets:ViewBudget".into() } else { "budgets:ModifyBudget".into() };
        } else {
            "organizations"
        };
        format!("{service}:{op}")
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

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialProblem {
    #[error("there is no AWS profile `{profile}` (named by {named_by}) in {files}")]
    UnknownProfile { profile: String, named_by: &'static str, files: String, known: Vec<String> },
    #[error("the shared AWS config files cannot be read: {cause}")]
    ConfigFiles { cause: String },
    #[error("the IAM Identity Center session of profile `{profile}` was never started or has expired")]
    SsoLogin { profile: String },
    #[error("profile `{profile}` gave no credentials: {cause}")]
    Profile { profile: String, sso: bool, cause: String },
    #[error("no AWS credentials were found: {cause}")]
    Missing { cause: String },
}

impl CredentialProblem {
    pub fn help(&self) -> String {
        match self {
            CredentialProblem::UnknownProfile { profile, named_by, known, .. } => {
                let create = format!(
                    "create it with `aws configure sso --profile {profile}` (IAM Identity Center) or `aws configure --profile {profile}` (access keys)"
                );
                let unset = if *named_by == "AWS_PROFILE" { ", or unset AWS_PROFILE" } else { "" };
                if known.is_empty() {
                    format!("there are no profiles yet: {create}{unset}")
                } else {
                    format!("use one of the profiles there ({}) with --profile or AWS_PROFILE, or {create}{unset}", known.join(", "))
                }
            }
            CredentialProblem::ConfigFiles { .. } => {
                "correct the file (the AWS CLI reads it the same way), or point AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE elsewhere"
                    .into()
            }
            CredentialProblem::SsoLogin { profile } => format!("run `aws sso login --profile {profile}`, then this command again"),
            CredentialProblem::Profile { profile, sso: true, .. } => format!(
                "if the session expired run `aws sso login --profile {profile}`; otherwise check the profile's sso_account_id and sso_role_name in the AWS config file"
            ),
            CredentialProblem::Profile { .. } => {
                "check the profile's settings in the AWS config file (role_arn, source_profile, credential_process), or name another with --profile"
                    .into()
            }
            CredentialProblem::Missing { .. } => "give the tool credentials in one of these ways: an IAM Identity Center profile (`aws configure sso`, then `aws sso login --profile NAME` and --profile NAME or AWS_PROFILE=NAME); AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN for temporary keys); web identity in CI (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE); or a role of the instance or container the tool runs on".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_denied_names_the_iam_action_of_its_service() {
        let denied = |operation| AwsError {
            operation,
            resource: None,
            code: Some("AccessDeniedException".into()),
            message: "denied".into(),
            kind: AwsErrorKind::AccessDenied,
        };
        assert!(denied("ListRoots").help().contains("lacks organizations:ListRoots "));
        assert!(denied("CreateAccountAssignment").help().contains("lacks sso:CreateAccountAssignment "));
        assert!(denied("ListInstances").help().contains("lacks sso:ListInstances "));
        assert!(denied("GetGroupId").help().contains("lacks identitystore:GetGroupId "));
        assert!(denied("DescribeBudgets").help().contains("lacks budgets:ViewBudget "));
        assert!(denied("CreateBudget").help().contains("lacks budgets:ModifyBudget "));
    }
}
