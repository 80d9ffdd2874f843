//! IAM Identity Center (sso-admin) and its identity store behind the `SsoRead` and `SsoWrite`
//! ports. Writes retry `ConflictException`, which the SDK does not, with jittered backoff.

use std::future::Future;
use std::sync::Arc;

use aws_sdk_identitystore::types::{AlternateIdentifier, UniqueAttribute};
use aws_sdk_ssoadmin::Client;
use aws_sdk_ssoadmin::types::{
    CustomerManagedPolicyReference, PermissionsBoundary, PrincipalType, ProvisionTargetType, ProvisioningStatus, StatusValues, Tag,
    TargetType,
};
use aws_smithy_types::Document;
use tokio::sync::Semaphore;

use super::calls::{self, done_if, limited, none_if_not_found};
use crate::access::{Boundary, PolicyRef, PrincipalKind};
use crate::api_error::{AwsError, AwsErrorKind};
use crate::apply::{RequestState, RequestStatus, SsoWrite};
use crate::observe::Tags;
use crate::observe::sso::{Assignment, Instance, PermissionSetInfo, SsoRead};
use crate::plan::{PermissionSetFields, SsoPolicy};

fn principal_type(kind: PrincipalKind) -> PrincipalType {
    PrincipalType::from(kind.aws_name())
}

fn policy_ref(reference: &CustomerManagedPolicyReference) -> PolicyRef {
    PolicyRef { name: reference.name().to_string(), path: reference.path().unwrap_or("/").to_string() }
}

fn reference(policy: &PolicyRef) -> CustomerManagedPolicyReference {
    CustomerManagedPolicyReference::builder().name(&policy.name).path(&policy.path).build().expect("the name is set")
}

/// The two status shapes of asynchronous Identity Center requests (assignments, provisioning).
trait OperationStatus {
    fn request_id(&self) -> Option<&str>;
    fn status(&self) -> Option<&StatusValues>;
    fn failure_reason(&self) -> Option<&str>;
}

macro_rules! operation_status {
    ($($ty:ty),*) => {$(
        impl OperationStatus for $ty {
            fn request_id(&self) -> Option<&str> {
                self.request_id()
            }
            fn status(&self) -> Option<&StatusValues> {
                self.status()
            }
            fn failure_reason(&self) -> Option<&str> {
                self.failure_reason()
            }
        }
    )*};
}

operation_status!(aws_sdk_ssoadmin::types::AccountAssignmentOperationStatus, aws_sdk_ssoadmin::types::PermissionSetProvisioningStatus);

/// Where a request stands, by the id it was sent with or, for a new one, the id AWS gave it.
fn request_status(status: Option<&impl OperationStatus>, request_id: Option<&str>) -> RequestStatus {
    RequestStatus {
        request_id: request_id.or_else(|| status.and_then(|s| s.request_id())).unwrap_or_default().to_string(),
        state: request_state(status.and_then(|s| s.status()), status.and_then(|s| s.failure_reason())),
    }
}

fn request_state(status: Option<&StatusValues>, reason: Option<&str>) -> RequestState {
    match status {
        Some(StatusValues::Succeeded) => RequestState::Succeeded,
        Some(StatusValues::Failed) => RequestState::Failed { reason: reason.unwrap_or("no reason given").to_string() },
        _ => RequestState::InProgress,
    }
}

/// Reads; the type `drift` is limited to.
#[derive(Clone)]
pub struct SsoReader {
    client: Client,
    identity: aws_sdk_identitystore::Client,
    limit: Arc<Semaphore>,
}

impl SsoReader {
    pub(super) fn new(client: Client, identity: aws_sdk_identitystore::Client, limit: Arc<Semaphore>) -> Self {
        Self { client, identity, limit }
    }

    /// Follows `NextToken` to the last page; each page holds a slot of the service's limit.
    async fn pages<T, F, Fut>(&self, page: F) -> Result<Vec<T>, AwsError>
    where
        F: Fn(Option<String>) -> Fut,
        Fut: Future<Output = Result<(Vec<T>, Option<String>), AwsError>>,
    {
        calls::pages(&self.limit, page).await
    }
}

impl SsoRead for SsoReader {
    async fn list_instances(&self) -> Result<Vec<Instance>, AwsError> {
        self.pages(|token| async move {
            let out = self.client.list_instances().set_next_token(token).send().await.map_err(sdk!("ListInstances", None))?;
            let instances = out.instances().iter().map(|i| Instance {
                arn: i.instance_arn().unwrap_or_default().to_string(),
                identity_store_id: i.identity_store_id().unwrap_or_default().to_string(),
            });
            Ok((instances.collect(), out.next_token().map(str::to_string)))
        })
        .await
    }

    async fn principal_id(&self, identity_store_id: &str, kind: PrincipalKind, name: &str) -> Result<Option<String>, AwsError> {
        let path = match kind {
            PrincipalKind::Group => "displayName",
            PrincipalKind::User => "userName",
        };
        let attribute = UniqueAttribute::builder()
            .attribute_path(path)
            .attribute_value(Document::String(name.to_string()))
            .build()
            .expect("path and value are set");
        let identifier = AlternateIdentifier::UniqueAttribute(attribute);
        let found = match kind {
            PrincipalKind::Group => {
                let call = self.identity.get_group_id().identity_store_id(identity_store_id).alternate_identifier(identifier);
                let out = limited(&self.limit, call.send()).await.map_err(sdk!("GetGroupId", Some(name)));
                out.map(|o| o.group_id().to_string())
            }
            PrincipalKind::User => {
                let call = self.identity.get_user_id().identity_store_id(identity_store_id).alternate_identifier(identifier);
                let out = limited(&self.limit, call.send()).await.map_err(sdk!("GetUserId", Some(name)));
                out.map(|o| o.user_id().to_string())
            }
        };
        none_if_not_found(found)
    }

    async fn principal_name(&self, identity_store_id: &str, kind: PrincipalKind, id: &str) -> Result<Option<String>, AwsError> {
        let found = match kind {
            PrincipalKind::Group => {
                let call = self.identity.describe_group().identity_store_id(identity_store_id).group_id(id);
                let out = limited(&self.limit, call.send()).await.map_err(sdk!("DescribeGroup", Some(id)));
                out.map(|o| o.display_name().unwrap_or(id).to_string())
            }
            PrincipalKind::User => {
                let call = self.identity.describe_user().identity_store_id(identity_store_id).user_id(id);
                let out = limited(&self.limit, call.send()).await.map_err(sdk!("DescribeUser", Some(id)));
                out.map(|o| o.user_name().unwrap_or(id).to_string())
            }
        };
        none_if_not_found(found)
    }

    async fn list_permission_sets(&self, instance_arn: &str) -> Result<Vec<String>, AwsError> {
        self.pages(|token| async move {
            let call = self.client.list_permission_sets().instance_arn(instance_arn).set_next_token(token);
            let out = call.send().await.map_err(sdk!("ListPermissionSets", None))?;
            Ok((out.permission_sets().to_vec(), out.next_token().map(str::to_string)))
        })
        .await
    }

    async fn describe_permission_set(&self, instance_arn: &str, arn: &str) -> Result<PermissionSetInfo, AwsError> {
        let call = self.client.describe_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
        let out = limited(&self.limit, call.send()).await.map_err(sdk!("DescribePermissionSet", Some(arn)))?;
        let set = out.permission_set().ok_or_else(|| AwsError::unexpected("DescribePermissionSet", "no permission set"))?;
        Ok(PermissionSetInfo {
            arn: arn.to_string(),
            name: set.name().unwrap_or_default().to_string(),
            description: set.description().filter(|d| !d.is_empty()).map(str::to_string),
            session_duration: set.session_duration().map(str::to_string),
            relay_state: set.relay_state().filter(|r| !r.is_empty()).map(str::to_string),
        })
    }

    async fn managed_policies(&self, instance_arn: &str, arn: &str) -> Result<Vec<String>, AwsError> {
        self.pages(|token| async move {
            let call = self.client.list_managed_policies_in_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
            let out = call.set_next_token(token).send().await.map_err(sdk!("ListManagedPoliciesInPermissionSet", Some(arn)))?;
            let arns = out.attached_managed_policies().iter().filter_map(|p| p.arn().map(str::to_string));
            Ok((arns.collect(), out.next_token().map(str::to_string)))
        })
        .await
    }

    async fn customer_managed_policies(&self, instance_arn: &str, arn: &str) -> Result<Vec<PolicyRef>, AwsError> {
        self.pages(|token| async move {
            let call =
                self.client.list_customer_managed_policy_references_in_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
            let out =
                call.set_next_token(token).send().await.map_err(sdk!("ListCustomerManagedPolicyReferencesInPermissionSet", Some(arn)))?;
            Ok((out.customer_managed_policy_references().iter().map(policy_ref).collect(), out.next_token().map(str::to_string)))
        })
        .await
    }

    async fn inline_policy(&self, instance_arn: &str, arn: &str) -> Result<Option<String>, AwsError> {
        let call = self.client.get_inline_policy_for_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
        let out = limited(&self.limit, call.send()).await.map_err(sdk!("GetInlinePolicyForPermissionSet", Some(arn)))?;
        Ok(out.inline_policy().filter(|p| !p.is_empty()).map(str::to_string))
    }

    async fn permissions_boundary(&self, instance_arn: &str, arn: &str) -> Result<Option<Boundary>, AwsError> {
        let call = self.client.get_permissions_boundary_for_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
        // AWS answers ResourceNotFoundException for a permission set without a boundary.
        let out =
            none_if_not_found(limited(&self.limit, call.send()).await.map_err(sdk!("GetPermissionsBoundaryForPermissionSet", Some(arn))))?;
        let boundary = out.as_ref().and_then(|o| o.permissions_boundary());
        Ok(boundary.and_then(|b| match (b.managed_policy_arn(), b.customer_managed_policy_reference()) {
            (Some(arn), _) => Some(Boundary::Managed(arn.to_string())),
            (None, Some(reference)) => Some(Boundary::CustomerManaged(policy_ref(reference))),
            (None, None) => None,
        }))
    }

    async fn assignments_for_principal(&self, instance_arn: &str, kind: PrincipalKind, id: &str) -> Result<Vec<Assignment>, AwsError> {
        let rows = self
            .pages(|token| async move {
                let call = self
                    .client
                    .list_account_assignments_for_principal()
                    .instance_arn(instance_arn)
                    .principal_type(principal_type(kind))
                    .principal_id(id)
                    .set_next_token(token);
                let out = call.send().await.map_err(sdk!("ListAccountAssignmentsForPrincipal", Some(id)))?;
                let rows = out.account_assignments().iter().map(|a| Assignment {
                    account_id: a.account_id().unwrap_or_default().to_string(),
                    permission_set_arn: a.permission_set_arn().unwrap_or_default().to_string(),
                    principal_kind: a.principal_type().and_then(|t| PrincipalKind::from_aws_name(t.as_str())).unwrap_or(kind),
                    principal_id: a.principal_id().unwrap_or_default().to_string(),
                });
                Ok((rows.collect::<Vec<_>>(), out.next_token().map(str::to_string)))
            })
            .await?;
        // The API can return assignments of other principals (for a user, those of its groups).
        Ok(rows.into_iter().filter(|a| a.principal_id == id && a.principal_kind == kind).collect())
    }

    async fn provisioned_accounts(&self, instance_arn: &str, arn: &str, outdated: bool) -> Result<Vec<String>, AwsError> {
        let status = outdated.then_some(ProvisioningStatus::LatestPermissionSetNotProvisioned);
        self.pages(|token| {
            let status = status.clone();
            async move {
                let call = self
                    .client
                    .list_accounts_for_provisioned_permission_set()
                    .instance_arn(instance_arn)
                    .permission_set_arn(arn)
                    .set_provisioning_status(status)
                    .set_next_token(token);
                let out = call.send().await.map_err(sdk!("ListAccountsForProvisionedPermissionSet", Some(arn)))?;
                Ok((out.account_ids().to_vec(), out.next_token().map(str::to_string)))
            }
        })
        .await
    }

    async fn account_assignments(&self, instance_arn: &str, account_id: &str, arn: &str) -> Result<Vec<Assignment>, AwsError> {
        self.pages(|token| async move {
            let call = self.client.list_account_assignments().instance_arn(instance_arn).account_id(account_id).permission_set_arn(arn);
            let out = call.set_next_token(token).send().await.map_err(sdk!("ListAccountAssignments", Some(account_id)))?;
            let rows = out.account_assignments().iter().filter_map(|a| {
                Some(Assignment {
                    account_id: a.account_id().unwrap_or(account_id).to_string(),
                    permission_set_arn: a.permission_set_arn().unwrap_or(arn).to_string(),
                    principal_kind: PrincipalKind::from_aws_name(a.principal_type()?.as_str())?,
                    principal_id: a.principal_id()?.to_string(),
                })
            });
            Ok((rows.collect(), out.next_token().map(str::to_string)))
        })
        .await
    }
}

/// Writes, for `apply`.
#[derive(Clone)]
pub struct SsoWriter {
    client: Client,
    limit: Arc<Semaphore>,
    /// To find what a retried create had already made.
    reader: SsoReader,
}

impl SsoWriter {
    pub(super) fn new(reader: SsoReader) -> Self {
        Self { client: reader.client.clone(), limit: reader.limit.clone(), reader }
    }

    /// One call, retried on `ConflictException`: Identity Center refuses concurrent changes to
    /// one permission set or account. Throttling is retried by the SDK's adaptive mode.
    async fn call<T, F, Fut>(&self, call: F) -> Result<T, AwsError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, AwsError>>,
    {
        calls::retrying(&self.limit, 10, call).await
    }

    fn boundary(boundary: &Boundary) -> PermissionsBoundary {
        match boundary {
            Boundary::Managed(arn) => PermissionsBoundary::builder().managed_policy_arn(arn).build(),
            Boundary::CustomerManaged(policy) => {
                PermissionsBoundary::builder().customer_managed_policy_reference(reference(policy)).build()
            }
        }
    }
}

impl SsoWrite for SsoWriter {
    async fn create_permission_set(
        &self,
        instance_arn: &str,
        name: &str,
        fields: &PermissionSetFields,
        tags: &Tags,
    ) -> Result<String, AwsError> {
        let tags: Vec<Tag> = tags.iter().map(|(k, v)| Tag::builder().key(k).value(v).build().expect("key and value are set")).collect();
        let created = self
            .call(|| async {
                let call = self
                    .client
                    .create_permission_set()
                    .instance_arn(instance_arn)
                    .name(name)
                    .description(&fields.description)
                    .session_duration(&fields.session_duration)
                    .set_relay_state(fields.relay_state.clone())
                    .set_tags(Some(tags.clone()));
                let out = call.send().await.map_err(sdk!("CreatePermissionSet", Some(name)))?;
                let set = out.permission_set().ok_or_else(|| AwsError::unexpected("CreatePermissionSet", "no permission set"))?;
                Ok(set.permission_set_arn().unwrap_or_default().to_string())
            })
            .await;
        match created {
            // A retry of a create that had gone through: AWS refuses the name a second time, with a
            // ConflictException.
            Err(err) if matches!(err.kind, AwsErrorKind::AlreadyExists | AwsErrorKind::ConcurrentModification) => {
                for arn in self.reader.list_permission_sets(instance_arn).await? {
                    if self.reader.describe_permission_set(instance_arn, &arn).await?.name == name {
                        return Ok(arn);
                    }
                }
                Err(err)
            }
            other => other,
        }
    }

    async fn update_permission_set(&self, instance_arn: &str, arn: &str, fields: &PermissionSetFields) -> Result<(), AwsError> {
        self.call(|| async {
            let call = self
                .client
                .update_permission_set()
                .instance_arn(instance_arn)
                .permission_set_arn(arn)
                .description(&fields.description)
                .session_duration(&fields.session_duration)
                .set_relay_state(fields.relay_state.clone());
            call.send().await.map(|_| ()).map_err(sdk!("UpdatePermissionSet", Some(arn)))
        })
        .await
    }

    async fn attach_policy(&self, instance_arn: &str, arn: &str, policy: &SsoPolicy) -> Result<(), AwsError> {
        let result = self
            .call(|| async {
                match policy {
                    SsoPolicy::Managed(policy_arn) => {
                        let call = self.client.attach_managed_policy_to_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
                        let out = call.managed_policy_arn(policy_arn).send().await;
                        out.map(|_| ()).map_err(sdk!("AttachManagedPolicyToPermissionSet", Some(arn)))
                    }
                    SsoPolicy::CustomerManaged(policy) => {
                        let call = self
                            .client
                            .attach_customer_managed_policy_reference_to_permission_set()
                            .instance_arn(instance_arn)
                            .permission_set_arn(arn);
                        let out = call.customer_managed_policy_reference(reference(policy)).send().await;
                        out.map(|_| ()).map_err(sdk!("AttachCustomerManagedPolicyReferenceToPermissionSet", Some(arn)))
                    }
                    SsoPolicy::Inline(document) => {
                        let call = self.client.put_inline_policy_to_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
                        let out = call.inline_policy(document).send().await;
                        out.map(|_| ()).map_err(sdk!("PutInlinePolicyToPermissionSet", Some(arn)))
                    }
                    SsoPolicy::Boundary(boundary) => {
                        let call =
                            self.client.put_permissions_boundary_to_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
                        let out = call.permissions_boundary(Self::boundary(boundary)).send().await;
                        out.map(|_| ()).map_err(sdk!("PutPermissionsBoundaryToPermissionSet", Some(arn)))
                    }
                }
            })
            .await;
        done_if(AwsErrorKind::AlreadyExists, result)
    }

    async fn detach_policy(&self, instance_arn: &str, arn: &str, policy: &SsoPolicy) -> Result<(), AwsError> {
        let result = self
            .call(|| async {
                match policy {
                    SsoPolicy::Managed(policy_arn) => {
                        let call =
                            self.client.detach_managed_policy_from_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
                        let out = call.managed_policy_arn(policy_arn).send().await;
                        out.map(|_| ()).map_err(sdk!("DetachManagedPolicyFromPermissionSet", Some(arn)))
                    }
                    SsoPolicy::CustomerManaged(policy) => {
                        let call = self
                            .client
                            .detach_customer_managed_policy_reference_from_permission_set()
                            .instance_arn(instance_arn)
                            .permission_set_arn(arn);
                        let out = call.customer_managed_policy_reference(reference(policy)).send().await;
                        out.map(|_| ()).map_err(sdk!("DetachCustomerManagedPolicyReferenceFromPermissionSet", Some(arn)))
                    }
                    SsoPolicy::Inline(_) => {
                        let call =
                            self.client.delete_inline_policy_from_permission_set().instance_arn(instance_arn).permission_set_arn(arn);
                        call.send().await.map(|_| ()).map_err(sdk!("DeleteInlinePolicyFromPermissionSet", Some(arn)))
                    }
                    SsoPolicy::Boundary(_) => {
                        let call = self
                            .client
                            .delete_permissions_boundary_from_permission_set()
                            .instance_arn(instance_arn)
                            .permission_set_arn(arn);
                        call.send().await.map(|_| ()).map_err(sdk!("DeletePermissionsBoundaryFromPermissionSet", Some(arn)))
                    }
                }
            })
            .await;
        done_if(AwsErrorKind::NotFound, result)
    }

    async fn provision_permission_set(&self, instance_arn: &str, arn: &str) -> Result<RequestStatus, AwsError> {
        self.call(|| async {
            let call = self
                .client
                .provision_permission_set()
                .instance_arn(instance_arn)
                .permission_set_arn(arn)
                .target_type(ProvisionTargetType::AllProvisionedAccounts);
            let out = call.send().await.map_err(sdk!("ProvisionPermissionSet", Some(arn)))?;
            let status = out.permission_set_provisioning_status();
            Ok(request_status(status, None))
        })
        .await
    }

    async fn provisioning_status(&self, instance_arn: &str, request_id: &str) -> Result<RequestStatus, AwsError> {
        let call = self
            .client
            .describe_permission_set_provisioning_status()
            .instance_arn(instance_arn)
            .provision_permission_set_request_id(request_id);
        let out = limited(&self.limit, call.send()).await.map_err(sdk!("DescribePermissionSetProvisioningStatus", Some(request_id)))?;
        let status = out.permission_set_provisioning_status();
        Ok(request_status(status, Some(request_id)))
    }

    async fn create_assignment(&self, instance_arn: &str, assignment: &Assignment) -> Result<RequestStatus, AwsError> {
        self.call(|| async {
            let call = self
                .client
                .create_account_assignment()
                .instance_arn(instance_arn)
                .target_id(&assignment.account_id)
                .target_type(TargetType::AwsAccount)
                .permission_set_arn(&assignment.permission_set_arn)
                .principal_type(principal_type(assignment.principal_kind))
                .principal_id(&assignment.principal_id);
            let out = call.send().await.map_err(sdk!("CreateAccountAssignment", Some(&assignment.account_id)))?;
            let status = out.account_assignment_creation_status();
            Ok(request_status(status, None))
        })
        .await
    }

    async fn assignment_creation_status(&self, instance_arn: &str, request_id: &str) -> Result<RequestStatus, AwsError> {
        let call = self
            .client
            .describe_account_assignment_creation_status()
            .instance_arn(instance_arn)
            .account_assignment_creation_request_id(request_id);
        let out = limited(&self.limit, call.send()).await.map_err(sdk!("DescribeAccountAssignmentCreationStatus", Some(request_id)))?;
        let status = out.account_assignment_creation_status();
        Ok(request_status(status, Some(request_id)))
    }

    async fn delete_assignment(&self, instance_arn: &str, assignment: &Assignment) -> Result<RequestStatus, AwsError> {
        self.call(|| async {
            let call = self
                .client
                .delete_account_assignment()
                .instance_arn(instance_arn)
                .target_id(&assignment.account_id)
                .target_type(TargetType::AwsAccount)
                .permission_set_arn(&assignment.permission_set_arn)
                .principal_type(principal_type(assignment.principal_kind))
                .principal_id(&assignment.principal_id);
            let out = call.send().await.map_err(sdk!("DeleteAccountAssignment", Some(&assignment.account_id)))?;
            let status = out.account_assignment_deletion_status();
            Ok(request_status(status, None))
        })
        .await
    }

    async fn assignment_deletion_status(&self, instance_arn: &str, request_id: &str) -> Result<RequestStatus, AwsError> {
        let call = self
            .client
            .describe_account_assignment_deletion_status()
            .instance_arn(instance_arn)
            .account_assignment_deletion_request_id(request_id);
        let out = limited(&self.limit, call.send()).await.map_err(sdk!("DescribeAccountAssignmentDeletionStatus", Some(request_id)))?;
        let status = out.account_assignment_deletion_status();
        Ok(request_status(status, Some(request_id)))
    }
}

/// Paging, filters, boundaries and ConflictException storms: what moto cannot produce.
#[cfg(test)]
mod tests {
    use aws_sdk_identitystore::operation::get_group_id::{GetGroupIdError, GetGroupIdOutput};
    use aws_sdk_identitystore::operation::get_user_id::GetUserIdOutput;
    use aws_sdk_ssoadmin::operation::attach_managed_policy_to_permission_set::{
        AttachManagedPolicyToPermissionSetError, AttachManagedPolicyToPermissionSetOutput,
    };
    use aws_sdk_ssoadmin::operation::create_account_assignment::{CreateAccountAssignmentError, CreateAccountAssignmentOutput};
    use aws_sdk_ssoadmin::operation::create_permission_set::{CreatePermissionSetError, CreatePermissionSetOutput};
    use aws_sdk_ssoadmin::operation::delete_permissions_boundary_from_permission_set::DeletePermissionsBoundaryFromPermissionSetOutput;
    use aws_sdk_ssoadmin::operation::describe_permission_set::DescribePermissionSetOutput;
    use aws_sdk_ssoadmin::operation::get_permissions_boundary_for_permission_set::{
        GetPermissionsBoundaryForPermissionSetError, GetPermissionsBoundaryForPermissionSetOutput,
    };
    use aws_sdk_ssoadmin::operation::list_account_assignments_for_principal::ListAccountAssignmentsForPrincipalOutput;
    use aws_sdk_ssoadmin::operation::list_accounts_for_provisioned_permission_set::ListAccountsForProvisionedPermissionSetOutput;
    use aws_sdk_ssoadmin::operation::list_permission_sets::ListPermissionSetsOutput;
    use aws_sdk_ssoadmin::operation::put_permissions_boundary_to_permission_set::PutPermissionsBoundaryToPermissionSetOutput;
    use aws_sdk_ssoadmin::types::error::{ConflictException, ResourceNotFoundException};
    use aws_sdk_ssoadmin::types::{AccountAssignmentForPrincipal, AccountAssignmentOperationStatus, PermissionSet};
    use aws_smithy_mocks::{Rule, RuleMode, mock, mock_client};

    use super::*;

    const INSTANCE: &str = "arn:aws:sso:::instance/ssoins-1111111111111111";
    const SET: &str = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111";
    const OTHER_SET: &str = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222";

    /// The code and message the SDK's deserializer would have read off the wire.
    fn meta(code: &str, message: &str) -> aws_smithy_types::error::ErrorMetadata {
        aws_smithy_types::error::ErrorMetadata::builder().code(code).message(message).build()
    }

    fn conflict(message: &str) -> ConflictException {
        ConflictException::builder().message(message).meta(meta("ConflictException", message)).build()
    }

    fn not_found(message: &str) -> ResourceNotFoundException {
        ResourceNotFoundException::builder().message(message).meta(meta("ResourceNotFoundException", message)).build()
    }

    /// A reader over sso-admin rules (`mode`) and identity store rules; a call no rule matches fails the test.
    fn reader_with(mode: RuleMode, admin: &[&Rule], identity: &[&Rule]) -> SsoReader {
        SsoReader::new(
            mock_client!(aws_sdk_ssoadmin, mode, admin),
            mock_client!(aws_sdk_identitystore, RuleMode::MatchAny, identity),
            Arc::new(Semaphore::new(4)),
        )
    }

    fn reader(admin: &[&Rule]) -> SsoReader {
        reader_with(RuleMode::MatchAny, admin, &[])
    }

    fn group_row(account: &str, principal: &str) -> AccountAssignmentForPrincipal {
        AccountAssignmentForPrincipal::builder()
            .account_id(account)
            .permission_set_arn(SET)
            .principal_type(PrincipalType::Group)
            .principal_id(principal)
            .build()
    }

    fn assignment(account: &str) -> Assignment {
        Assignment {
            account_id: account.into(),
            permission_set_arn: SET.into(),
            principal_kind: PrincipalKind::Group,
            principal_id: "g-developers".into(),
        }
    }

    #[tokio::test]
    async fn assignments_for_a_principal_follow_every_page_and_keep_only_its_rows() {
        let first = mock!(Client::list_account_assignments_for_principal)
            .match_requests(|r| {
                r.next_token().is_none() && r.principal_id() == Some("g-developers") && r.principal_type() == Some(&PrincipalType::Group)
            })
            .then_output(|| {
                ListAccountAssignmentsForPrincipalOutput::builder()
                    .account_assignments(group_row("111111111111", "g-developers"))
                    // A user's listing includes the grants of its groups; a group's may hold others too.
                    .account_assignments(group_row("111111111111", "g-admins"))
                    .next_token("page-2")
                    .build()
            });
        let second =
            mock!(Client::list_account_assignments_for_principal).match_requests(|r| r.next_token() == Some("page-2")).then_output(|| {
                ListAccountAssignmentsForPrincipalOutput::builder()
                    .account_assignments(group_row("222222222222", "g-developers"))
                    .account_assignments(
                        AccountAssignmentForPrincipal::builder()
                            .account_id("333333333333")
                            .permission_set_arn(SET)
                            .principal_type(PrincipalType::User)
                            .principal_id("g-developers")
                            .build(),
                    )
                    .build()
            });
        let found = reader(&[&first, &second]).assignments_for_principal(INSTANCE, PrincipalKind::Group, "g-developers").await.unwrap();
        assert_eq!(found, [assignment("111111111111"), assignment("222222222222")]);
        assert_eq!((first.num_calls(), second.num_calls()), (1, 1));
    }

    #[tokio::test]
    async fn only_the_outdated_read_asks_for_accounts_not_on_the_latest_version() {
        let outdated = mock!(Client::list_accounts_for_provisioned_permission_set)
            .match_requests(|r| r.provisioning_status() == Some(&ProvisioningStatus::LatestPermissionSetNotProvisioned))
            .then_output(|| ListAccountsForProvisionedPermissionSetOutput::builder().account_ids("222222222222").build());
        let all = mock!(Client::list_accounts_for_provisioned_permission_set)
            .match_requests(|r| r.provisioning_status().is_none() && r.permission_set_arn() == Some(SET))
            .then_output(|| {
                ListAccountsForProvisionedPermissionSetOutput::builder().account_ids("111111111111").account_ids("222222222222").build()
            });
        let read = reader(&[&outdated, &all]);
        assert_eq!(read.provisioned_accounts(INSTANCE, SET, true).await.unwrap(), ["222222222222"]);
        assert_eq!((outdated.num_calls(), all.num_calls()), (1, 0));
        assert_eq!(read.provisioned_accounts(INSTANCE, SET, false).await.unwrap(), ["111111111111", "222222222222"]);
        assert_eq!((outdated.num_calls(), all.num_calls()), (1, 1));
    }

    #[tokio::test]
    async fn a_permissions_boundary_is_read_as_none_managed_or_customer_managed() {
        let get = |arn: &'static str| {
            mock!(Client::get_permissions_boundary_for_permission_set).match_requests(move |r| r.permission_set_arn() == Some(arn))
        };
        // AWS answers ResourceNotFoundException for a permission set without a boundary.
        let none = get(SET).then_error(|| {
            GetPermissionsBoundaryForPermissionSetError::ResourceNotFoundException(not_found(
                "Could not find PermissionsBoundary for PermissionSet",
            ))
        });
        let managed = get(OTHER_SET).then_output(|| {
            GetPermissionsBoundaryForPermissionSetOutput::builder()
                .permissions_boundary(PermissionsBoundary::builder().managed_policy_arn("arn:aws:iam::aws:policy/PowerUserAccess").build())
                .build()
        });
        let read = reader(&[&none, &managed]);
        assert_eq!(read.permissions_boundary(INSTANCE, SET).await.unwrap(), None);
        assert_eq!(
            read.permissions_boundary(INSTANCE, OTHER_SET).await.unwrap(),
            Some(Boundary::Managed("arn:aws:iam::aws:policy/PowerUserAccess".into()))
        );

        let customer = mock!(Client::get_permissions_boundary_for_permission_set).then_output(|| {
            let policy = PolicyRef { name: "team-boundary".into(), path: "/miyabi/".into() };
            GetPermissionsBoundaryForPermissionSetOutput::builder()
                .permissions_boundary(PermissionsBoundary::builder().customer_managed_policy_reference(reference(&policy)).build())
                .build()
        });
        assert_eq!(
            reader(&[&customer]).permissions_boundary(INSTANCE, SET).await.unwrap(),
            Some(Boundary::CustomerManaged(PolicyRef { name: "team-boundary".into(), path: "/miyabi/".into() }))
        );
    }

    #[tokio::test]
    async fn a_boundary_is_put_in_the_shape_aws_takes_and_deleted() {
        let managed = mock!(Client::put_permissions_boundary_to_permission_set)
            .match_requests(|r| {
                let boundary = r.permissions_boundary().expect("a boundary is sent");
                r.instance_arn() == Some(INSTANCE)
                    && r.permission_set_arn() == Some(SET)
                    && boundary.managed_policy_arn() == Some("arn:aws:iam::aws:policy/PowerUserAccess")
                    && boundary.customer_managed_policy_reference().is_none()
            })
            .then_output(|| PutPermissionsBoundaryToPermissionSetOutput::builder().build());
        let customer = mock!(Client::put_permissions_boundary_to_permission_set)
            .match_requests(|r| {
                let boundary = r.permissions_boundary().expect("a boundary is sent");
                let reference = boundary.customer_managed_policy_reference();
                boundary.managed_policy_arn().is_none()
                    && reference.map(|p| p.name()) == Some("team-boundary")
                    && reference.and_then(|p| p.path()) == Some("/miyabi/")
            })
            .then_output(|| PutPermissionsBoundaryToPermissionSetOutput::builder().build());
        let delete = mock!(Client::delete_permissions_boundary_from_permission_set)
            .match_requests(|r| r.instance_arn() == Some(INSTANCE) && r.permission_set_arn() == Some(SET))
            .then_output(|| DeletePermissionsBoundaryFromPermissionSetOutput::builder().build());
        let write = SsoWriter::new(reader(&[&managed, &customer, &delete]));
        let boundary = Boundary::Managed("arn:aws:iam::aws:policy/PowerUserAccess".into());
        write.attach_policy(INSTANCE, SET, &SsoPolicy::Boundary(boundary.clone())).await.unwrap();
        let team = Boundary::CustomerManaged(PolicyRef { name: "team-boundary".into(), path: "/miyabi/".into() });
        write.attach_policy(INSTANCE, SET, &SsoPolicy::Boundary(team)).await.unwrap();
        write.detach_policy(INSTANCE, SET, &SsoPolicy::Boundary(boundary)).await.unwrap();
        assert_eq!((managed.num_calls(), customer.num_calls(), delete.num_calls()), (1, 1, 1));
    }

    fn created(request_id: &str) -> CreateAccountAssignmentOutput {
        let status = AccountAssignmentOperationStatus::builder().status(StatusValues::InProgress).request_id(request_id).build();
        CreateAccountAssignmentOutput::builder().account_assignment_creation_status(status).build()
    }

    fn busy() -> CreateAccountAssignmentError {
        CreateAccountAssignmentError::ConflictException(conflict(
            "Could not complete the operation because another operation is in progress",
        ))
    }

    #[tokio::test(start_paused = true)]
    async fn a_write_outlasts_a_conflict_storm() {
        let create = mock!(Client::create_account_assignment).sequence().error(busy).times(6).output(|| created("req-1")).build();
        let write = SsoWriter::new(reader_with(RuleMode::Sequential, &[&create], &[]));
        let status = write.create_assignment(INSTANCE, &assignment("111111111111")).await.unwrap();
        assert_eq!(status, RequestStatus { request_id: "req-1".into(), state: RequestState::InProgress });
        assert_eq!(create.num_calls(), 7);
    }

    #[tokio::test(start_paused = true)]
    async fn a_write_gives_up_after_ten_conflicts_with_the_error() {
        let create = mock!(Client::create_account_assignment).sequence().error(busy).times(10).output(|| created("req-1")).build();
        let write = SsoWriter::new(reader_with(RuleMode::Sequential, &[&create], &[]));
        let err = write.create_assignment(INSTANCE, &assignment("111111111111")).await.unwrap_err();
        assert_eq!(err.kind, AwsErrorKind::ConcurrentModification);
        assert_eq!((err.operation, err.code.as_deref()), ("CreateAccountAssignment", Some("ConflictException")));
        assert_eq!(create.num_calls(), 10);
    }

    #[tokio::test(start_paused = true)]
    async fn a_permission_set_that_exists_already_is_found_by_name_not_retried() {
        let create = mock!(Client::create_permission_set)
            .then_error(|| CreatePermissionSetError::ConflictException(conflict("PermissionSet with name Developers already exists.")));
        let list = mock!(Client::list_permission_sets)
            .then_output(|| ListPermissionSetsOutput::builder().permission_sets(OTHER_SET).permission_sets(SET).build());
        let describe = |arn: &'static str, name: &'static str| {
            mock!(Client::describe_permission_set).match_requests(move |r| r.permission_set_arn() == Some(arn)).then_output(move || {
                DescribePermissionSetOutput::builder()
                    .permission_set(PermissionSet::builder().name(name).permission_set_arn(arn).build())
                    .build()
            })
        };
        let (admins, developers) = (describe(OTHER_SET, "Admins"), describe(SET, "Developers"));
        let write = SsoWriter::new(reader(&[&create, &list, &admins, &developers]));
        let fields = PermissionSetFields { description: "Developers".into(), session_duration: "PT8H".into(), relay_state: None };
        let arn = write.create_permission_set(INSTANCE, "Developers", &fields, &Tags::new()).await.unwrap();
        assert_eq!(arn, SET);
        assert_eq!((create.num_calls(), list.num_calls(), admins.num_calls(), developers.num_calls()), (1, 1, 1, 1));
    }

    #[tokio::test]
    async fn a_created_permission_set_returns_its_arn() {
        let create = mock!(Client::create_permission_set)
            .match_requests(|r| {
                r.name() == Some("Developers")
                    && r.session_duration() == Some("PT8H")
                    && r.tags().iter().any(|t| t.key() == "managed-by" && t.value() == "miyabi-org")
            })
            .then_output(|| {
                CreatePermissionSetOutput::builder()
                    .permission_set(PermissionSet::builder().name("Developers").permission_set_arn(SET).build())
                    .build()
            });
        let write = SsoWriter::new(reader(&[&create]));
        let fields = PermissionSetFields { description: "Developers".into(), session_duration: "PT8H".into(), relay_state: None };
        let tags = Tags::from([("managed-by".to_string(), "miyabi-org".to_string())]);
        assert_eq!(write.create_permission_set(INSTANCE, "Developers", &fields, &tags).await.unwrap(), SET);
    }

    #[tokio::test]
    async fn a_policy_attached_already_is_done_at_once() {
        let attach = mock!(Client::attach_managed_policy_to_permission_set).then_error(|| {
            AttachManagedPolicyToPermissionSetError::ConflictException(conflict(
                "Permission set with id ps-1111111111111111 already has a typed link attachment to a manged policy with arn:aws:iam::aws:policy/ReadOnlyAccess",
            ))
        });
        let write = SsoWriter::new(reader(&[&attach]));
        write.attach_policy(INSTANCE, SET, &SsoPolicy::Managed("arn:aws:iam::aws:policy/ReadOnlyAccess".into())).await.unwrap();
        assert_eq!(attach.num_calls(), 1);

        let busy = mock!(Client::attach_managed_policy_to_permission_set)
            .sequence()
            .error(|| AttachManagedPolicyToPermissionSetError::ConflictException(conflict("Another operation is in progress")))
            .output(|| AttachManagedPolicyToPermissionSetOutput::builder().build())
            .build();
        let write = SsoWriter::new(reader_with(RuleMode::Sequential, &[&busy], &[]));
        write.attach_policy(INSTANCE, SET, &SsoPolicy::Managed("arn:aws:iam::aws:policy/ReadOnlyAccess".into())).await.unwrap();
        assert_eq!(busy.num_calls(), 2);
    }

    fn unique_attribute(identifier: Option<&aws_sdk_identitystore::types::AlternateIdentifier>) -> Option<(&str, &Document)> {
        let attribute = identifier?.as_unique_attribute().ok()?;
        Some((attribute.attribute_path(), attribute.attribute_value()))
    }

    #[tokio::test]
    async fn principals_are_looked_up_by_display_name_and_user_name() {
        let group = mock!(aws_sdk_identitystore::Client::get_group_id)
            .match_requests(|r| {
                r.identity_store_id() == Some("d-1111111111")
                    && unique_attribute(r.alternate_identifier()) == Some(("displayName", &Document::String("Developers".into())))
            })
            .then_output(|| {
                GetGroupIdOutput::builder()
                    .identity_store_id("d-1111111111")
                    .group_id("g-developers")
                    .group_arn("arn:aws:identitystore::111111111111:group/g-developers")
                    .build()
                    .unwrap()
            });
        let missing = mock!(aws_sdk_identitystore::Client::get_group_id)
            .match_requests(|r| unique_attribute(r.alternate_identifier()).is_some_and(|(_, value)| value.as_string() == Some("Nobody")))
            .then_error(|| {
                GetGroupIdError::ResourceNotFoundException(
                    aws_sdk_identitystore::types::error::ResourceNotFoundException::builder()
                        .message("GROUP not found")
                        .meta(meta("ResourceNotFoundException", "GROUP not found"))
                        .build(),
                )
            });
        let user = mock!(aws_sdk_identitystore::Client::get_user_id)
            .match_requests(|r| unique_attribute(r.alternate_identifier()) == Some(("userName", &Document::String("alice".into()))))
            .then_output(|| {
                GetUserIdOutput::builder()
                    .identity_store_id("d-1111111111")
                    .user_id("u-alice")
                    .user_arn("arn:aws:identitystore::111111111111:user/u-alice")
                    .build()
                    .unwrap()
            });
        let read = reader_with(RuleMode::MatchAny, &[], &[&group, &missing, &user]);
        assert_eq!(read.principal_id("d-1111111111", PrincipalKind::Group, "Developers").await.unwrap().as_deref(), Some("g-developers"));
        assert_eq!(read.principal_id("d-1111111111", PrincipalKind::Group, "Nobody").await.unwrap(), None);
        assert_eq!(read.principal_id("d-1111111111", PrincipalKind::User, "alice").await.unwrap().as_deref(), Some("u-alice"));
        assert_eq!((group.num_calls(), missing.num_calls(), user.num_calls()), (1, 1, 1));
    }
}

/// The apply's side of Identity Center (assignment requests polled to the end, provisioning,
/// resumed requests) through the real adapter. Here, not in `apply`, which never imports `aws`.
#[cfg(test)]
mod apply_tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::time::Duration;

    use aws_sdk_ssoadmin::operation::create_account_assignment::CreateAccountAssignmentOutput;
    use aws_sdk_ssoadmin::operation::describe_account_assignment_creation_status::{
        DescribeAccountAssignmentCreationStatusError, DescribeAccountAssignmentCreationStatusOutput,
    };
    use aws_sdk_ssoadmin::operation::describe_permission_set_provisioning_status::DescribePermissionSetProvisioningStatusOutput;
    use aws_sdk_ssoadmin::operation::provision_permission_set::ProvisionPermissionSetOutput;
    use aws_sdk_ssoadmin::types::{AccountAssignmentOperationStatus, PermissionSetProvisioningStatus};
    use aws_smithy_mocks::{Rule, RuleMode, mock, mock_client};

    use super::*;
    use crate::access::Principal;
    use crate::apply::journal::{AssignmentEntry, AssignmentOp, JOURNAL, Journal, State};
    use crate::apply::sso::{Assignments, provision};
    use crate::apply::{ChangeError, Polling, Status, Writers, apply};
    use crate::observe::sso::SsoSnapshot;
    use crate::observe::{Account, Organization, Root, Snapshot};
    use crate::plan::{Change, Plan};

    const INSTANCE: &str = "arn:aws:sso:::instance/ssoins-1111111111111111";
    const SET: &str = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111";
    const ACCOUNT: &str = "222233334444";

    /// Quick at first, as in production, but few polls: tests run in paused time anyway.
    const POLLING: Polling = Polling { first: Duration::from_millis(500), max: Duration::from_secs(5), attempts: 10 };

    fn writer(rules: &[&Rule]) -> SsoWriter {
        SsoWriter::new(SsoReader::new(
            mock_client!(aws_sdk_ssoadmin, RuleMode::MatchAny, rules),
            mock_client!(aws_sdk_identitystore, RuleMode::MatchAny, &[] as &[&Rule]),
            Arc::new(Semaphore::new(4)),
        ))
    }

    fn assignment() -> Assignment {
        Assignment {
            account_id: ACCOUNT.into(),
            permission_set_arn: SET.into(),
            principal_kind: PrincipalKind::Group,
            principal_id: "g-developers".into(),
        }
    }

    fn status(state: StatusValues, reason: Option<&str>) -> AccountAssignmentOperationStatus {
        AccountAssignmentOperationStatus::builder()
            .status(state)
            .request_id("req-1")
            .target_id(ACCOUNT)
            .permission_set_arn(SET)
            .set_failure_reason(reason.map(str::to_string))
            .build()
    }

    fn create_in_progress() -> Rule {
        mock!(Client::create_account_assignment)
            .match_requests(|r| {
                r.target_id() == Some(ACCOUNT)
                    && r.target_type() == Some(&TargetType::AwsAccount)
                    && r.permission_set_arn() == Some(SET)
                    && r.principal_type() == Some(&PrincipalType::Group)
                    && r.principal_id() == Some("g-developers")
            })
            .then_output(|| {
                CreateAccountAssignmentOutput::builder().account_assignment_creation_status(status(StatusValues::InProgress, None)).build()
            })
    }

    fn creation_status(state: StatusValues, reason: Option<&'static str>) -> DescribeAccountAssignmentCreationStatusOutput {
        DescribeAccountAssignmentCreationStatusOutput::builder().account_assignment_creation_status(status(state, reason)).build()
    }

    /// Every line of the journal about assignments, in order.
    fn journal_lines(dir: &std::path::Path) -> Vec<AssignmentEntry> {
        let text = std::fs::read_to_string(dir.join(JOURNAL)).unwrap();
        text.lines().filter_map(|line| serde_json::from_str(line).ok()).collect()
    }

    fn states(dir: &std::path::Path) -> Vec<(State, Option<String>)> {
        journal_lines(dir).into_iter().map(|e| (e.state, e.request_id)).collect()
    }

    #[tokio::test(start_paused = true)]
    async fn an_assignment_in_progress_is_polled_until_it_succeeds_and_journaled_as_finished() {
        let create = create_in_progress();
        let describe = mock!(Client::describe_account_assignment_creation_status)
            .sequence()
            .output(|| creation_status(StatusValues::InProgress, None))
            .times(2)
            .output(|| creation_status(StatusValues::Succeeded, None))
            .build();
        let write = writer(&[&create, &describe]);
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::in_repo(dir.path());
        let limiter = Assignments::new(10);
        limiter.run(&write, &journal, POLLING, INSTANCE, AssignmentOp::Create, &assignment()).await.unwrap();
        assert_eq!((create.num_calls(), describe.num_calls()), (1, 3));
        assert_eq!(states(dir.path()), [(State::Requesting, None), (State::InProgress, Some("req-1".into())), (State::Succeeded, None)]);
        assert!(journal.unfinished_assignments().is_empty());
        assert_eq!(limiter.peak.get(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_assignment_carries_the_reason_of_aws_and_says_what_to_do() {
        let reason = "Received a 404 status error: Policy team-boundary with path / does not exist in account 222233334444";
        let create = create_in_progress();
        let describe = mock!(Client::describe_account_assignment_creation_status)
            .sequence()
            .output(|| creation_status(StatusValues::InProgress, None))
            .output(move || creation_status(StatusValues::Failed, Some(reason)))
            .build();
        let write = writer(&[&create, &describe]);
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::in_repo(dir.path());
        let err = Assignments::new(10).run(&write, &journal, POLLING, INSTANCE, AssignmentOp::Create, &assignment()).await.unwrap_err();
        assert!(matches!(&err, ChangeError::AssignmentFailed { op: AssignmentOp::Create, reason: r } if r == reason), "{err:?}");
        assert_eq!(err.to_string(), format!("CreateAccountAssignment failed: {reason}"));
        assert_eq!(
            err.help(),
            "a customer-managed policy or boundary the permission set names is missing in that account: create it there (same name and path), then run apply again"
        );
        assert_eq!(err.kind(), "assignment_failed");
        // Finished, as failed: the next run plans it again from a fresh read.
        assert_eq!(states(dir.path()).last(), Some(&(State::Failed, None)));
        assert!(journal.unfinished_assignments().is_empty());
    }

    #[tokio::test(start_paused = true)]
    async fn the_answer_to_the_last_poll_counts() {
        let create = create_in_progress();
        let describe = mock!(Client::describe_account_assignment_creation_status)
            .sequence()
            .output(|| creation_status(StatusValues::InProgress, None))
            .output(|| creation_status(StatusValues::Succeeded, None))
            .build();
        let write = writer(&[&create, &describe]);
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::in_repo(dir.path());
        let two_polls = Polling { attempts: 2, ..POLLING };
        Assignments::new(10).run(&write, &journal, two_polls, INSTANCE, AssignmentOp::Create, &assignment()).await.unwrap();

        // One poll too few: still in progress, kept in the journal to be resumed.
        let create = create_in_progress();
        let describe =
            mock!(Client::describe_account_assignment_creation_status).then_output(|| creation_status(StatusValues::InProgress, None));
        let write = writer(&[&create, &describe]);
        let err = Assignments::new(10).run(&write, &journal, two_polls, INSTANCE, AssignmentOp::Create, &assignment()).await.unwrap_err();
        assert!(matches!(err, ChangeError::StillInProgress { .. }), "{err:?}");
        assert_eq!(describe.num_calls(), 2);
        assert_eq!(journal.unfinished_assignments()[0].request_id.as_deref(), Some("req-1"));
    }

    fn provisioning(state: StatusValues, reason: Option<&str>) -> PermissionSetProvisioningStatus {
        PermissionSetProvisioningStatus::builder()
            .status(state)
            .request_id("prov-1")
            .permission_set_arn(SET)
            .set_failure_reason(reason.map(str::to_string))
            .build()
    }

    fn provision_in_progress() -> Rule {
        mock!(Client::provision_permission_set)
            .match_requests(|r| {
                r.permission_set_arn() == Some(SET) && r.target_type() == Some(&ProvisionTargetType::AllProvisionedAccounts)
            })
            .then_output(|| {
                ProvisionPermissionSetOutput::builder()
                    .permission_set_provisioning_status(provisioning(StatusValues::InProgress, None))
                    .build()
            })
    }

    #[tokio::test(start_paused = true)]
    async fn provisioning_is_polled_until_it_succeeds_or_fails() {
        let start = provision_in_progress();
        let describe = mock!(Client::describe_permission_set_provisioning_status)
            .match_requests(|r| r.provision_permission_set_request_id() == Some("prov-1") && r.instance_arn() == Some(INSTANCE))
            .then_output(|| {
                DescribePermissionSetProvisioningStatusOutput::builder()
                    .permission_set_provisioning_status(provisioning(StatusValues::Succeeded, None))
                    .build()
            });
        provision(&writer(&[&start, &describe]), POLLING, INSTANCE, SET).await.unwrap();
        assert_eq!((start.num_calls(), describe.num_calls()), (1, 1));

        let reason = "Received a 409 status error: IAM quota of managed policies per role reached in account 222233334444";
        let start = provision_in_progress();
        let describe = mock!(Client::describe_permission_set_provisioning_status).then_output(move || {
            DescribePermissionSetProvisioningStatusOutput::builder()
                .permission_set_provisioning_status(provisioning(StatusValues::Failed, Some(reason)))
                .build()
        });
        let err = provision(&writer(&[&start, &describe]), POLLING, INSTANCE, SET).await.unwrap_err();
        assert!(matches!(&err, ChangeError::ProvisioningFailed { reason: r } if r == reason), "{err:?}");
        assert_eq!(err.to_string(), format!("ProvisionPermissionSet failed: {reason}"));
        assert!(err.help().starts_with("an IAM quota of the account is reached"), "{}", err.help());
    }

    /// An organization with Identity Center and one member account, and a plan that grants a group
    /// a permission set in it.
    fn one_grant() -> (Snapshot, Plan) {
        let snapshot = Snapshot {
            organization: Organization { id: "o-exampleorg1".into(), management_account_id: "111111111111".into() },
            root: Root { id: "r-root".into(), name: "Root".into(), policy_types: BTreeSet::new() },
            ous: Vec::new(),
            ou_tags: BTreeMap::new(),
            accounts: vec![Account {
                id: ACCOUNT.into(),
                name: "Pool-1".into(),
                email: "aws+pool-1@example.com".into(),
                status: "ACTIVE".into(),
                parent_id: "r-root".into(),
                tags: Tags::new(),
            }],
            policies: Vec::new(),
            budgets: None,
            workers: None,
            sso: Some(SsoSnapshot {
                instance: Instance { arn: INSTANCE.into(), identity_store_id: "d-1111111111".into() },
                permission_sets: Vec::new(),
                principals: Vec::new(),
                assignments: Vec::new(),
                outdated: BTreeMap::new(),
                full_scan: false,
                other_principals: BTreeMap::new(),
            }),
        };
        let change = Change::CreateAccountAssignment {
            principal: Principal { kind: PrincipalKind::Group, name: "Developers".into(), id: Some("g-developers".into()) },
            permission_set: "Developers".into(),
            permission_set_arn: Some(SET.into()),
            account: "Pool-1".into(),
            account_id: Some(ACCOUNT.into()),
            from: vec!["account Pool-1".into()],
        };
        let plan = Plan {
            organization_id: "o-exampleorg1".into(),
            fingerprint: String::new(),
            changes: vec![change],
            unmanaged: Vec::new(),
            warnings: Vec::new(),
        };
        (snapshot, plan)
    }

    /// Applies the plan with only `sso` able to answer: any other call fails the test.
    async fn apply_with(sso: &SsoWriter, journal: &Journal) -> crate::apply::ApplyReport {
        let org = crate::aws::OrgWriter::new(crate::aws::OrgReader::new(
            mock_client!(aws_sdk_organizations, RuleMode::MatchAny, &[] as &[&Rule]),
            mock_client!(aws_sdk_sts, RuleMode::MatchAny, &[] as &[&Rule]),
            Arc::new(Semaphore::new(4)),
        ));
        let budgets =
            crate::aws::BudgetWriter::new(mock_client!(aws_sdk_budgets, RuleMode::MatchAny, &[] as &[&Rule]), Arc::new(Semaphore::new(4)));
        let writers = Writers {
            org: &org,
            budgets: &budgets,
            sso,
            workers: &crate::aws::workers::tests::unreachable(),
            journal,
            member_role: "OrganizationAccountAccessRole",
            create_account_in_flight: 5,
            sso_assignments_in_flight: 10,
            polling: POLLING,
        };
        let (snapshot, plan) = one_grant();
        apply(&plan, &snapshot, &writers, &|_| {}).await
    }

    /// What a run stopped while its request was in progress left in the journal.
    fn stopped_run(dir: &std::path::Path) -> Journal {
        let journal = Journal::in_repo(dir);
        let entry = |state, request_id: Option<&str>| AssignmentEntry {
            op: AssignmentOp::Create,
            assignment: assignment(),
            state,
            request_id: request_id.map(str::to_string),
        };
        journal.record_assignment(&entry(State::Requesting, None)).unwrap();
        journal.record_assignment(&entry(State::InProgress, Some("req-7"))).unwrap();
        journal
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_left_in_progress_is_polled_on_resume_and_not_sent_again() {
        let create = create_in_progress();
        let describe = mock!(Client::describe_account_assignment_creation_status)
            .match_requests(|r| r.account_assignment_creation_request_id() == Some("req-7") && r.instance_arn() == Some(INSTANCE))
            .then_output(|| creation_status(StatusValues::Succeeded, None));
        let dir = tempfile::tempdir().unwrap();
        let journal = stopped_run(dir.path());
        let report = apply_with(&writer(&[&create, &describe]), &journal).await;
        assert_eq!(report.done(), 1, "{:?}", report.outcomes);
        assert_eq!((create.num_calls(), describe.num_calls()), (0, 1));
        assert!(journal.unfinished_assignments().is_empty());
        assert_eq!(states(dir.path()).last(), Some(&(State::Succeeded, None)));
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_whose_status_cannot_be_read_on_resume_fails_the_change_and_is_not_sent_again() {
        let create = create_in_progress();
        let describe = mock!(Client::describe_account_assignment_creation_status)
            .then_error(|| DescribeAccountAssignmentCreationStatusError::unhandled("connection lost"));
        let dir = tempfile::tempdir().unwrap();
        let journal = stopped_run(dir.path());
        let report = apply_with(&writer(&[&create, &describe]), &journal).await;
        assert_eq!(report.failed(), 1, "{:?}", report.outcomes);
        assert!(matches!(&report.outcomes[0].status, Status::Failed(ChangeError::Aws(_))), "{:?}", report.outcomes);
        assert_eq!(create.num_calls(), 0);
        // Still there for the next run.
        assert_eq!(journal.unfinished_assignments()[0].request_id.as_deref(), Some("req-7"));
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_aws_no_longer_knows_is_left_to_the_plan() {
        let create = create_in_progress();
        let describe = mock!(Client::describe_account_assignment_creation_status)
            .match_requests(|r| r.account_assignment_creation_request_id() == Some("req-7"))
            .then_error(|| {
                DescribeAccountAssignmentCreationStatusError::ResourceNotFoundException(
                    aws_sdk_ssoadmin::types::error::ResourceNotFoundException::builder()
                        .message("request not found")
                        .meta(aws_smithy_types::error::ErrorMetadata::builder().code("ResourceNotFoundException").build())
                        .build(),
                )
            });
        let polled = mock!(Client::describe_account_assignment_creation_status)
            .match_requests(|r| r.account_assignment_creation_request_id() == Some("req-1"))
            .then_output(|| creation_status(StatusValues::Succeeded, None));
        let dir = tempfile::tempdir().unwrap();
        let journal = stopped_run(dir.path());
        let report = apply_with(&writer(&[&create, &describe, &polled]), &journal).await;
        assert_eq!(report.done(), 1, "{:?}", report.outcomes);
        assert_eq!((create.num_calls(), describe.num_calls(), polled.num_calls()), (1, 1, 1));
        assert!(journal.unfinished_assignments().is_empty());
    }
}
