//! IAM Identity Center (sso-admin) and its identity store behind the `SsoRead` and `SsoWrite`
//! ports. Writes retry `ConflictException`, which the SDK does not, with jittered backoff.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use aws_sdk_identitystore::types::{AlternateIdentifier, UniqueAttribute};
use aws_sdk_ssoadmin::Client;
use aws_sdk_ssoadmin::types::{
    CustomerManagedPolicyReference, PermissionsBoundary, PrincipalType, ProvisionTargetType, ProvisioningStatus, StatusValues, Tag,
    TargetType,
};
use aws_smithy_types::Document;
use tokio::sync::Semaphore;

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

fn request_state(status: Option<&StatusValues>, reason: Option<&str>) -> RequestState {
    match status {
        Some(StatusValues::Succeeded) => RequestState::Succeeded,
        Some(StatusValues::Failed) => RequestState::Failed { reason: reason.unwrap_or("no reason given").to_string() },
        _ => RequestState::InProgress,
    }
}

/// Runs one call while holding a slot of the service's limit.
async fn limited<T>(limit: &Semaphore, call: impl Future<Output = T>) -> T {
    let _permit = limit.acquire().await.expect("the limiter is never closed");
    call.await
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
        let mut items = Vec::new();
        let mut token = None;
        loop {
            let (found, next) = limited(&self.limit, page(token)).await?;
            items.extend(found);
            match next {
                Some(next) => token = Some(next),
                None => return Ok(items),
            }
        }
    }
}

/// `None` for "there is none", the answer the identity store and sso-admin give as an error.
fn none_if_not_found<T>(result: Result<T, AwsError>) -> Result<Option<T>, AwsError> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(err) if err.kind == AwsErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
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
        const ATTEMPTS: u32 = 10;
        let mut delay = Duration::from_millis(250);
        for attempt in 1.. {
            match limited(&self.limit, call()).await {
                Err(err) if err.kind == AwsErrorKind::ConcurrentModification && attempt < ATTEMPTS => {
                    // Full jitter, so that parallel writers do not collide again in step.
                    tokio::time::sleep(delay.mul_f64(fastrand::f64())).await;
                    delay = (delay * 2).min(Duration::from_secs(8));
                }
                result => return result,
            }
        }
        unreachable!("the loop returns on the last attempt")
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

/// Treats "already done" as done: a retried request may have gone through the first time.
fn done_if(kind: AwsErrorKind, result: Result<(), AwsError>) -> Result<(), AwsError> {
    match result {
        Err(err) if err.kind == kind => Ok(()),
        other => other,
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
            Ok(RequestStatus {
                request_id: status.and_then(|s| s.request_id()).unwrap_or_default().to_string(),
                state: request_state(status.and_then(|s| s.status()), status.and_then(|s| s.failure_reason())),
            })
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
        Ok(RequestStatus {
            request_id: request_id.to_string(),
            state: request_state(status.and_then(|s| s.status()), status.and_then(|s| s.failure_reason())),
        })
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
            Ok(RequestStatus {
                request_id: status.and_then(|s| s.request_id()).unwrap_or_default().to_string(),
                state: request_state(status.and_then(|s| s.status()), status.and_then(|s| s.failure_reason())),
            })
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
        Ok(RequestStatus {
            request_id: request_id.to_string(),
            state: request_state(status.and_then(|s| s.status()), status.and_then(|s| s.failure_reason())),
        })
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
            Ok(RequestStatus {
                request_id: status.and_then(|s| s.request_id()).unwrap_or_default().to_string(),
                state: request_state(status.and_then(|s| s.status()), status.and_then(|s| s.failure_reason())),
            })
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
        Ok(RequestStatus {
            request_id: request_id.to_string(),
            state: request_state(status.and_then(|s| s.status()), status.and_then(|s| s.failure_reason())),
        })
    }
}
