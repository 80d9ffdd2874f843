//! AWS Organizations behind the `OrgRead` and `OrgWrite` ports.

use std::future::Future;
use std::sync::Arc;

use aws_sdk_organizations::Client;
use aws_sdk_organizations::types::{PolicyType, PolicyTypeStatus, Tag};
use tokio::sync::Semaphore;

use super::calls::{self, done_if, limited};
use crate::api_error::{AwsError, AwsErrorKind};
use crate::apply::{CreateAccountState, CreateAccountStatus, OrgWrite};
use crate::observe::{Account, OrgRead, Organization, Ou, PolicySummary, Root, Tags};
use crate::policy_kind::PolicyKind;

fn policy_type(kind: PolicyKind) -> PolicyType {
    PolicyType::from(kind.aws_name())
}

fn to_status(status: &aws_sdk_organizations::types::CreateAccountStatus) -> CreateAccountStatus {
    use aws_sdk_organizations::types::CreateAccountState as State;
    let state = match status.state() {
        Some(State::Succeeded) => CreateAccountState::Succeeded { account_id: status.account_id().unwrap_or_default().to_string() },
        Some(State::Failed) => {
            CreateAccountState::Failed { reason: status.failure_reason().map_or("UNKNOWN".to_string(), |r| r.as_str().to_string()) }
        }
        _ => CreateAccountState::InProgress,
    };
    CreateAccountStatus {
        request_id: status.id().unwrap_or_default().into(),
        account_name: status.account_name().unwrap_or_default().into(),
        state,
    }
}

fn to_tags(tags: &Tags) -> Vec<Tag> {
    tags.iter().map(|(k, v)| Tag::builder().key(k).value(v).build().expect("key and value are set")).collect()
}

/// Reads; the type `drift` is limited to.
#[derive(Clone)]
pub struct OrgReader {
    client: Client,
    sts: aws_sdk_sts::Client,
    limit: Arc<Semaphore>,
}

impl OrgReader {
    pub(super) fn new(client: Client, sts: aws_sdk_sts::Client, limit: Arc<Semaphore>) -> Self {
        Self { client, sts, limit }
    }
}

impl OrgReader {
    /// Follows `NextToken` to the last page; each page holds a slot of the service's limit.
    async fn pages<T, F, Fut>(&self, page: F) -> Result<Vec<T>, AwsError>
    where
        F: Fn(Option<String>) -> Fut,
        Fut: Future<Output = Result<(Vec<T>, Option<String>), AwsError>>,
    {
        calls::pages(&self.limit, page).await
    }
}

impl OrgRead for OrgReader {
    async fn describe_organization(&self) -> Result<Organization, AwsError> {
        let out = limited(&self.limit, self.client.describe_organization().send()).await.map_err(sdk!("DescribeOrganization", None))?;
        let org = out.organization().ok_or_else(|| AwsError::unexpected("DescribeOrganization", "no organization"))?;
        Ok(Organization {
            id: org.id().unwrap_or_default().to_string(),
            management_account_id: org.master_account_id().unwrap_or_default().to_string(),
        })
    }

    async fn caller_account_id(&self) -> Result<String, AwsError> {
        let out = self.sts.get_caller_identity().send().await.map_err(sdk!("GetCallerIdentity", None))?;
        Ok(out.account().unwrap_or_default().to_string())
    }

    async fn list_roots(&self) -> Result<Vec<Root>, AwsError> {
        self.pages(|token| async move {
            let out = self.client.list_roots().set_next_token(token).send().await.map_err(sdk!("ListRoots", None))?;
            let roots = out.roots().iter().map(|root| {
                let policy_types = root
                    .policy_types()
                    .iter()
                    .filter(|t| t.status() == Some(&PolicyTypeStatus::Enabled))
                    .filter_map(|t| t.r#type().and_then(|t| PolicyKind::from_aws_name(t.as_str())))
                    .collect();
                Root { id: root.id().unwrap_or_default().into(), name: root.name().unwrap_or_default().into(), policy_types }
            });
            Ok((roots.collect(), out.next_token().map(str::to_string)))
        })
        .await
    }

    async fn list_ous_for_parent(&self, parent_id: &str) -> Result<Vec<Ou>, AwsError> {
        self.pages(|token| async move {
            let call = self.client.list_organizational_units_for_parent().parent_id(parent_id).set_next_token(token);
            let out = call.send().await.map_err(sdk!("ListOrganizationalUnitsForParent", Some(parent_id)))?;
            let ous = out.organizational_units().iter().map(|ou| Ou {
                id: ou.id().unwrap_or_default().into(),
                name: ou.name().unwrap_or_default().into(),
                parent_id: parent_id.into(),
            });
            Ok((ous.collect(), out.next_token().map(str::to_string)))
        })
        .await
    }

    async fn list_accounts_for_parent(&self, parent_id: &str) -> Result<Vec<Account>, AwsError> {
        self.pages(|token| async move {
            let call = self.client.list_accounts_for_parent().parent_id(parent_id).set_next_token(token);
            let out = call.send().await.map_err(sdk!("ListAccountsForParent", Some(parent_id)))?;
            let accounts = out.accounts().iter().map(|a| Account {
                id: a.id().unwrap_or_default().into(),
                name: a.name().unwrap_or_default().into(),
                email: a.email().unwrap_or_default().into(),
                status: a
                    .state()
                    .map(|s| s.as_str().to_string())
                    .or_else(|| a.status().map(|s| s.as_str().to_string()))
                    .unwrap_or_default(),
                parent_id: parent_id.into(),
                tags: Tags::new(),
            });
            Ok((accounts.collect(), out.next_token().map(str::to_string)))
        })
        .await
    }

    async fn list_policies(&self, kind: PolicyKind) -> Result<Vec<PolicySummary>, AwsError> {
        self.pages(|token| async move {
            let call = self.client.list_policies().filter(policy_type(kind)).set_next_token(token);
            let out = call.send().await.map_err(sdk!("ListPolicies", Some(kind.aws_name())))?;
            let policies = out.policies().iter().map(|p| PolicySummary {
                id: p.id().unwrap_or_default().into(),
                name: p.name().unwrap_or_default().into(),
                kind,
                description: p.description().unwrap_or_default().into(),
                aws_managed: p.aws_managed(),
            });
            Ok((policies.collect(), out.next_token().map(str::to_string)))
        })
        .await
    }

    async fn describe_policy(&self, policy_id: &str) -> Result<String, AwsError> {
        let call = self.client.describe_policy().policy_id(policy_id).send();
        let out = limited(&self.limit, call).await.map_err(sdk!("DescribePolicy", Some(policy_id)))?;
        Ok(out.policy().and_then(|p| p.content()).unwrap_or_default().to_string())
    }

    async fn list_targets_for_policy(&self, policy_id: &str) -> Result<Vec<String>, AwsError> {
        self.pages(|token| async move {
            let call = self.client.list_targets_for_policy().policy_id(policy_id).set_next_token(token);
            let out = call.send().await.map_err(sdk!("ListTargetsForPolicy", Some(policy_id)))?;
            let targets = out.targets().iter().filter_map(|t| t.target_id().map(str::to_string));
            Ok((targets.collect(), out.next_token().map(str::to_string)))
        })
        .await
    }

    async fn list_tags(&self, resource_id: &str) -> Result<Tags, AwsError> {
        let pairs = self
            .pages(|token| async move {
                let call = self.client.list_tags_for_resource().resource_id(resource_id).set_next_token(token);
                let out = call.send().await.map_err(sdk!("ListTagsForResource", Some(resource_id)))?;
                let tags = out.tags().iter().map(|t| (t.key().to_string(), t.value().to_string()));
                Ok((tags.collect(), out.next_token().map(str::to_string)))
            })
            .await?;
        Ok(pairs.into_iter().collect())
    }
}

/// Writes, for `apply`. Each call is retried on `ConcurrentModificationException`, which the SDK does not retry.
#[derive(Clone)]
pub struct OrgWriter {
    client: Client,
    limit: Arc<Semaphore>,
    /// To find what a retried create had already made.
    reader: OrgReader,
}

impl OrgWriter {
    pub(super) fn new(reader: OrgReader) -> Self {
        Self { client: reader.client.clone(), limit: reader.limit.clone(), reader }
    }

    async fn call<T, F, Fut>(&self, call: F) -> Result<T, AwsError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, AwsError>>,
    {
        calls::retrying(&self.limit, 8, call).await
    }
}

impl OrgWrite for OrgWriter {
    async fn create_ou(&self, parent_id: &str, name: &str, tags: &Tags) -> Result<String, AwsError> {
        let created = self
            .call(|| async {
                let out = self
                    .client
                    .create_organizational_unit()
                    .parent_id(parent_id)
                    .name(name)
                    .set_tags(Some(to_tags(tags)))
                    .send()
                    .await
                    .map_err(sdk!("CreateOrganizationalUnit", Some(name)))?;
                Ok(out.organizational_unit().and_then(|ou| ou.id()).unwrap_or_default().to_string())
            })
            .await;
        match created {
            Err(err) if err.kind == AwsErrorKind::AlreadyExists => {
                let existing = self.reader.list_ous_for_parent(parent_id).await?;
                existing.into_iter().find(|ou| ou.name == name).map(|ou| ou.id).ok_or(err)
            }
            other => other,
        }
    }

    async fn delete_ou(&self, id: &str) -> Result<(), AwsError> {
        let result = self
            .call(|| async {
                self.client
                    .delete_organizational_unit()
                    .organizational_unit_id(id)
                    .send()
                    .await
                    .map_err(sdk!("DeleteOrganizationalUnit", Some(id)))?;
                Ok(())
            })
            .await;
        done_if(AwsErrorKind::NotFound, result)
    }

    async fn enable_policy_type(&self, root_id: &str, kind: PolicyKind) -> Result<(), AwsError> {
        let result = self
            .call(|| async {
                self.client
                    .enable_policy_type()
                    .root_id(root_id)
                    .policy_type(policy_type(kind))
                    .send()
                    .await
                    .map_err(sdk!("EnablePolicyType", Some(root_id)))?;
                Ok(())
            })
            .await;
        done_if(AwsErrorKind::AlreadyExists, result)
    }

    async fn create_policy(&self, kind: PolicyKind, name: &str, description: &str, content: &str, tags: &Tags) -> Result<String, AwsError> {
        let created = self
            .call(|| async {
                let out = self
                    .client
                    .create_policy()
                    .r#type(policy_type(kind))
                    .name(name)
                    .description(description)
                    .content(content)
                    .set_tags(Some(to_tags(tags)))
                    .send()
                    .await
                    .map_err(sdk!("CreatePolicy", Some(name)))?;
                Ok(out.policy().and_then(|p| p.policy_summary()).and_then(|s| s.id()).unwrap_or_default().to_string())
            })
            .await;
        match created {
            Err(err) if err.kind == AwsErrorKind::AlreadyExists => {
                let existing = self.reader.list_policies(kind).await?;
                existing.into_iter().find(|p| p.name == name).map(|p| p.id).ok_or(err)
            }
            other => other,
        }
    }

    async fn update_policy(&self, id: &str, description: Option<&str>, content: Option<&str>) -> Result<(), AwsError> {
        self.call(|| async {
            let call = self
                .client
                .update_policy()
                .policy_id(id)
                .set_description(description.map(str::to_string))
                .set_content(content.map(str::to_string));
            call.send().await.map_err(sdk!("UpdatePolicy", Some(id)))?;
            Ok(())
        })
        .await
    }

    async fn tag_resource(&self, id: &str, tags: &Tags) -> Result<(), AwsError> {
        self.call(|| async {
            self.client.tag_resource().resource_id(id).set_tags(Some(to_tags(tags))).send().await.map_err(sdk!("TagResource", Some(id)))?;
            Ok(())
        })
        .await
    }

    async fn attach_policy(&self, policy_id: &str, target_id: &str) -> Result<(), AwsError> {
        let result = self
            .call(|| async {
                self.client
                    .attach_policy()
                    .policy_id(policy_id)
                    .target_id(target_id)
                    .send()
                    .await
                    .map_err(sdk!("AttachPolicy", Some(policy_id)))?;
                Ok(())
            })
            .await;
        done_if(AwsErrorKind::AlreadyExists, result)
    }

    async fn detach_policy(&self, policy_id: &str, target_id: &str) -> Result<(), AwsError> {
        let result = self
            .call(|| async {
                self.client
                    .detach_policy()
                    .policy_id(policy_id)
                    .target_id(target_id)
                    .send()
                    .await
                    .map_err(sdk!("DetachPolicy", Some(policy_id)))?;
                Ok(())
            })
            .await;
        done_if(AwsErrorKind::NotFound, result)
    }

    async fn delete_policy(&self, id: &str) -> Result<(), AwsError> {
        let result = self
            .call(|| async {
                self.client.delete_policy().policy_id(id).send().await.map_err(sdk!("DeletePolicy", Some(id)))?;
                Ok(())
            })
            .await;
        done_if(AwsErrorKind::NotFound, result)
    }

    async fn create_account(&self, name: &str, email: &str, role_name: &str, tags: &Tags) -> Result<String, AwsError> {
        // Not retried on conflicts by `call`: a second CreateAccount could make a second account.
        let call = self.client.create_account().account_name(name).email(email).role_name(role_name).set_tags(Some(to_tags(tags))).send();
        let out = limited(&self.limit, call).await.map_err(sdk!("CreateAccount", Some(name)))?;
        out.create_account_status().map(|s| to_status(s).request_id).ok_or_else(|| AwsError::unexpected("CreateAccount", "no request id"))
    }

    async fn create_account_status(&self, request_id: &str) -> Result<CreateAccountStatus, AwsError> {
        let call = self.client.describe_create_account_status().create_account_request_id(request_id).send();
        let out = limited(&self.limit, call).await.map_err(sdk!("DescribeCreateAccountStatus", Some(request_id)))?;
        out.create_account_status().map(to_status).ok_or_else(|| AwsError::unexpected("DescribeCreateAccountStatus", "no status"))
    }

    async fn account_requests_in_progress(&self) -> Result<Vec<CreateAccountStatus>, AwsError> {
        self.reader
            .pages(|token| async move {
                let call = self
                    .client
                    .list_create_account_status()
                    .states(aws_sdk_organizations::types::CreateAccountState::InProgress)
                    .set_next_token(token);
                let out = call.send().await.map_err(sdk!("ListCreateAccountStatus", None))?;
                Ok((out.create_account_statuses().iter().map(to_status).collect(), out.next_token().map(str::to_string)))
            })
            .await
    }

    async fn move_account(&self, account_id: &str, from_parent_id: &str, to_parent_id: &str) -> Result<(), AwsError> {
        let result = self
            .call(|| async {
                let call =
                    self.client.move_account().account_id(account_id).source_parent_id(from_parent_id).destination_parent_id(to_parent_id);
                call.send().await.map_err(sdk!("MoveAccount", Some(account_id)))?;
                Ok(())
            })
            .await;
        done_if(AwsErrorKind::AlreadyExists, result)
    }

    async fn close_account(&self, account_id: &str) -> Result<(), AwsError> {
        let result = self
            .call(|| async {
                self.client.close_account().account_id(account_id).send().await.map_err(sdk!("CloseAccount", Some(account_id)))?;
                Ok(())
            })
            .await;
        done_if(AwsErrorKind::AlreadyExists, result)
    }
}

/// Paging, retries and error cases moto cannot produce.
#[cfg(test)]
mod tests {
    use aws_sdk_organizations::operation::attach_policy::{AttachPolicyError, AttachPolicyOutput};
    use aws_sdk_organizations::operation::create_organizational_unit::CreateOrganizationalUnitError;
    use aws_sdk_organizations::operation::describe_organization::DescribeOrganizationOutput;
    use aws_sdk_organizations::operation::list_accounts_for_parent::ListAccountsForParentOutput;
    use aws_sdk_organizations::operation::list_organizational_units_for_parent::ListOrganizationalUnitsForParentOutput;
    use aws_sdk_organizations::operation::list_roots::ListRootsError;
    use aws_sdk_organizations::types::error::{
        AccessDeniedException, ConcurrentModificationException, DuplicateOrganizationalUnitException, DuplicatePolicyAttachmentException,
    };
    use aws_sdk_organizations::types::{self, OrganizationalUnit};
    use aws_sdk_sts::operation::get_caller_identity::GetCallerIdentityOutput;
    use aws_smithy_mocks::{RuleMode, mock, mock_client};

    use super::*;
    use crate::observe::{Guard, ObserveError, observe};

    /// The code and message the SDK's deserializer would have read off the wire.
    fn meta(code: &str, message: &str) -> aws_smithy_types::error::ErrorMetadata {
        aws_smithy_types::error::ErrorMetadata::builder().code(code).message(message).build()
    }

    fn reader(client: Client, sts: aws_sdk_sts::Client) -> OrgReader {
        OrgReader::new(client, sts, Arc::new(Semaphore::new(4)))
    }

    fn no_sts() -> aws_sdk_sts::Client {
        mock_client!(aws_sdk_sts, RuleMode::MatchAny, &[] as &[&aws_smithy_mocks::Rule])
    }

    fn account(id: &str) -> types::Account {
        types::Account::builder().id(id).name(format!("Account {id}")).email(format!("{id}@example.com")).build()
    }

    #[tokio::test]
    async fn reads_follow_every_page() {
        let first = mock!(Client::list_accounts_for_parent)
            .match_requests(|r| r.next_token().is_none())
            .then_output(|| ListAccountsForParentOutput::builder().accounts(account("111111111111")).next_token("page-2").build());
        let second = mock!(Client::list_accounts_for_parent)
            .match_requests(|r| r.next_token() == Some("page-2"))
            .then_output(|| ListAccountsForParentOutput::builder().accounts(account("222222222222")).build());
        let client = mock_client!(aws_sdk_organizations, RuleMode::MatchAny, &[&first, &second]);
        let accounts = reader(client, no_sts()).list_accounts_for_parent("r-root").await.unwrap();
        let ids: Vec<&str> = accounts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["111111111111", "222222222222"]);
        assert_eq!((first.num_calls(), second.num_calls()), (1, 1));
    }

    /// The types moto refuses (backup, declarative EC2, chatbot): each enabled, created and
    /// read with its own API name, the listing filtered by type.
    #[tokio::test]
    async fn the_types_the_sandbox_lacks_are_sent_with_their_api_names() {
        use aws_sdk_organizations::operation::create_policy::{CreatePolicyInput, CreatePolicyOutput};
        use aws_sdk_organizations::operation::enable_policy_type::{EnablePolicyTypeInput, EnablePolicyTypeOutput};
        use aws_sdk_organizations::operation::list_policies::{ListPoliciesInput, ListPoliciesOutput};
        for kind in [PolicyKind::Backup, PolicyKind::DeclarativeEc2, PolicyKind::Chatbot] {
            let name = kind.aws_name();
            let enable = mock!(Client::enable_policy_type)
                .match_requests(move |r: &EnablePolicyTypeInput| r.policy_type().map(|t| t.as_str()) == Some(name))
                .then_output(|| EnablePolicyTypeOutput::builder().build());
            let create = mock!(Client::create_policy)
                .match_requests(move |r: &CreatePolicyInput| r.r#type().map(|t| t.as_str()) == Some(name) && r.name() == Some("baseline"))
                .then_output(|| {
                    let summary = types::PolicySummary::builder().id("p-baseline").name("baseline").build();
                    CreatePolicyOutput::builder().policy(types::Policy::builder().policy_summary(summary).build()).build()
                });
            let list = mock!(Client::list_policies)
                .match_requests(move |r: &ListPoliciesInput| r.filter().map(|t| t.as_str()) == Some(name))
                .then_output(move || {
                    let summary = types::PolicySummary::builder().id("p-baseline").name("baseline").r#type(PolicyType::from(name)).build();
                    ListPoliciesOutput::builder().policies(summary).build()
                });
            let client = mock_client!(aws_sdk_organizations, RuleMode::MatchAny, &[&enable, &create, &list]);
            let writer = OrgWriter::new(reader(client, no_sts()));
            writer.enable_policy_type("r-root", kind).await.unwrap();
            assert_eq!(writer.create_policy(kind, "baseline", "d", "{}", &Tags::new()).await.unwrap(), "p-baseline");
            let listed = writer.reader.list_policies(kind).await.unwrap();
            assert_eq!(listed.iter().map(|p| (p.name.as_str(), p.kind)).collect::<Vec<_>>(), [("baseline", kind)], "{kind:?}");
            assert_eq!((enable.num_calls(), create.num_calls(), list.num_calls()), (1, 1, 1), "{kind:?}");
        }
    }

    #[tokio::test]
    async fn writes_are_retried_on_concurrent_modification() {
        let rule = mock!(Client::attach_policy)
            .sequence()
            .error(|| {
                AttachPolicyError::ConcurrentModificationException(
                    ConcurrentModificationException::builder().meta(meta("ConcurrentModificationException", "try again later")).build(),
                )
            })
            .times(2)
            .output(|| AttachPolicyOutput::builder().build())
            .build();
        let client = mock_client!(aws_sdk_organizations, RuleMode::Sequential, &[&rule]);
        let writer = OrgWriter::new(reader(client, no_sts()));
        writer.attach_policy("p-1", "ou-1").await.unwrap();
        assert_eq!(rule.num_calls(), 3);
    }

    #[tokio::test]
    async fn an_attachment_that_exists_is_done() {
        let rule = mock!(Client::attach_policy).then_error(|| {
            AttachPolicyError::DuplicatePolicyAttachmentException(
                DuplicatePolicyAttachmentException::builder().meta(meta("DuplicatePolicyAttachmentException", "attached")).build(),
            )
        });
        let client = mock_client!(aws_sdk_organizations, RuleMode::Sequential, &[&rule]);
        OrgWriter::new(reader(client, no_sts())).attach_policy("p-1", "ou-1").await.unwrap();
    }

    #[tokio::test]
    async fn an_ou_created_by_an_earlier_attempt_is_found_not_duplicated() {
        let create = mock!(Client::create_organizational_unit).then_error(|| {
            CreateOrganizationalUnitError::DuplicateOrganizationalUnitException(
                DuplicateOrganizationalUnitException::builder().meta(meta("DuplicateOrganizationalUnitException", "exists")).build(),
            )
        });
        let list = mock!(Client::list_organizational_units_for_parent).then_output(|| {
            ListOrganizationalUnitsForParentOutput::builder()
                .organizational_units(OrganizationalUnit::builder().id("ou-other").name("Other").build())
                .organizational_units(OrganizationalUnit::builder().id("ou-pool").name("Pool").build())
                .build()
        });
        let client = mock_client!(aws_sdk_organizations, RuleMode::MatchAny, &[&create, &list]);
        let id = OrgWriter::new(reader(client, no_sts())).create_ou("ou-work", "Pool", &Tags::new()).await.unwrap();
        assert_eq!(id, "ou-pool");
    }

    #[tokio::test]
    async fn a_member_account_is_told_it_is_not_the_management_account() {
        let describe = mock!(Client::describe_organization).then_output(|| {
            DescribeOrganizationOutput::builder()
                .organization(types::Organization::builder().id("o-exampleorg1").master_account_id("111111111111").build())
                .build()
        });
        let roots = mock!(Client::list_roots).then_error(|| {
            ListRootsError::AccessDeniedException(AccessDeniedException::builder().meta(meta("AccessDeniedException", "denied")).build())
        });
        let caller = mock!(aws_sdk_sts::Client::get_caller_identity)
            .then_output(|| GetCallerIdentityOutput::builder().account("222222222222").build());
        let client = mock_client!(aws_sdk_organizations, RuleMode::MatchAny, &[&describe, &roots]);
        let sts = mock_client!(aws_sdk_sts, RuleMode::MatchAny, &[&caller]);
        let err = observe(&reader(client, sts), &Guard::default(), &Default::default(), &|_| true).await.unwrap_err();
        assert!(matches!(err, ObserveError::NotManagement { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            "account 222222222222 is not the management account (111111111111) of organization o-exampleorg1, nor a delegated administrator for AWS Organizations"
        );
    }
}

/// Account creation through the real adapter: failure reasons, and requests resumed, not repeated.
#[cfg(test)]
mod creation_tests {
    use aws_sdk_organizations::operation::create_account::CreateAccountOutput;
    use aws_sdk_organizations::operation::describe_create_account_status::DescribeCreateAccountStatusOutput;
    use aws_sdk_organizations::operation::list_create_account_status::ListCreateAccountStatusOutput;
    use aws_sdk_organizations::types::{CreateAccountFailureReason, CreateAccountState as State, CreateAccountStatus as Status};
    use aws_smithy_mocks::{Rule, RuleMode, mock, mock_client};

    use super::*;
    use crate::apply::accounts::Creations;
    use crate::apply::journal::{Entry, Journal, State as JournalState};
    use crate::apply::{BudgetSpec, BudgetWrite, Writers};

    /// Budgets are not written here.
    struct NoBudgets;

    impl BudgetWrite for NoBudgets {
        async fn create_budget(&self, _: &str, _: &BudgetSpec) -> Result<(), AwsError> {
            unreachable!("no budget in these tests")
        }
        async fn update_budget(&self, _: &str, _: &BudgetSpec, _: Option<&[f64]>) -> Result<(), AwsError> {
            unreachable!("no budget in these tests")
        }
        async fn delete_budget(&self, _: &str, _: &str) -> Result<(), AwsError> {
            unreachable!("no budget in these tests")
        }
    }

    fn status(state: State, reason: Option<CreateAccountFailureReason>) -> Status {
        Status::builder()
            .id("car-1")
            .account_name("Pool-1")
            .state(state)
            .set_account_id(Some("222233334444".into()))
            .set_failure_reason(reason)
            .build()
    }

    fn writer(rules: &[&Rule]) -> OrgWriter {
        let client = mock_client!(aws_sdk_organizations, RuleMode::MatchAny, rules);
        let sts = mock_client!(aws_sdk_sts, RuleMode::MatchAny, &[] as &[&Rule]);
        OrgWriter::new(OrgReader::new(client, sts, Arc::new(Semaphore::new(4))))
    }

    async fn create_pool_1(writer: &OrgWriter, journal: &Journal) -> Result<String, String> {
        // A real Identity Center writer whose mock has no rules: any call would fail the test.
        let sso = crate::aws::SsoWriter::new(crate::aws::SsoReader::new(
            mock_client!(aws_sdk_ssoadmin, RuleMode::MatchAny, &[] as &[&Rule]),
            mock_client!(aws_sdk_identitystore, RuleMode::MatchAny, &[] as &[&Rule]),
            Arc::new(Semaphore::new(4)),
        ));
        let writers = Writers {
            org: writer,
            budgets: &NoBudgets,
            sso: &sso,
            workers: &crate::aws::workers::tests::unreachable(),
            journal,
            member_role: "OrganizationAccountAccessRole",
            create_account_in_flight: 5,
            sso_assignments_in_flight: 10,
            polling: Default::default(),
        };
        let creations = Creations::new(5);
        creations.resume(&writers).await;
        creations.create(&writers, "Pool-1", "aws+pool-1@example.com", &Tags::new()).await.map_err(|e| e.to_string())
    }

    fn no_requests_in_progress() -> Rule {
        mock!(Client::list_create_account_status).then_output(|| ListCreateAccountStatusOutput::builder().build())
    }

    #[tokio::test]
    async fn every_failure_reason_says_what_to_do() {
        let reasons = [
            ("EMAIL_ALREADY_EXISTS", "the email aws+pool-1@example.com already belongs to an AWS account"),
            ("ACCOUNT_LIMIT_EXCEEDED", "ask for more in Service Quotas"),
            ("CONCURRENT_ACCOUNT_MODIFICATION", "run apply again"),
            ("INVALID_EMAIL", "AWS rejected the email aws+pool-1@example.com"),
            ("INVALID_ADDRESS", "contact address is invalid"),
            ("INTERNAL_FAILURE", "contact AWS Support"),
            ("INVALID_PAYMENT_INSTRUMENT", "no valid payment method"),
            ("ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED", "run apply again tomorrow"),
        ];
        for (reason, help) in reasons {
            let create = mock!(Client::create_account)
                .then_output(|| CreateAccountOutput::builder().create_account_status(status(State::InProgress, None)).build());
            let describe = mock!(Client::describe_create_account_status).then_output(move || {
                DescribeCreateAccountStatusOutput::builder()
                    .create_account_status(status(State::Failed, Some(CreateAccountFailureReason::from(reason))))
                    .build()
            });
            let list = no_requests_in_progress();
            let dir = tempfile::tempdir().unwrap();
            let journal = Journal::in_repo(dir.path());
            let err = create_pool_1(&writer(&[&create, &describe, &list]), &journal).await.unwrap_err();
            assert!(err.starts_with(&format!("CreateAccount Pool-1: {reason}: ")), "{err}");
            assert!(err.contains(help), "{reason}: {err}");
            assert!(journal.unfinished().is_empty(), "a failed request is finished");
        }
    }

    #[tokio::test]
    async fn an_account_in_progress_at_aws_is_waited_for_not_requested_again() {
        let create = mock!(Client::create_account).then_output(|| CreateAccountOutput::builder().build());
        let list = mock!(Client::list_create_account_status)
            .then_output(|| ListCreateAccountStatusOutput::builder().create_account_statuses(status(State::InProgress, None)).build());
        let describe = mock!(Client::describe_create_account_status)
            .sequence()
            .output(|| DescribeCreateAccountStatusOutput::builder().create_account_status(status(State::InProgress, None)).build())
            .output(|| DescribeCreateAccountStatusOutput::builder().create_account_status(status(State::Succeeded, None)).build())
            .build();
        let dir = tempfile::tempdir().unwrap();
        let id = create_pool_1(&writer(&[&create, &list, &describe]), &Journal::in_repo(dir.path())).await.unwrap();
        assert_eq!(id, "222233334444");
        assert_eq!((create.num_calls(), describe.num_calls()), (0, 2));
    }

    #[tokio::test]
    async fn a_request_in_the_journal_is_resumed() {
        let create = mock!(Client::create_account).then_output(|| CreateAccountOutput::builder().build());
        let describe = mock!(Client::describe_create_account_status)
            .match_requests(|r| r.create_account_request_id() == Some("car-7"))
            .then_output(|| DescribeCreateAccountStatusOutput::builder().create_account_status(status(State::Succeeded, None)).build());
        let list = no_requests_in_progress();
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::in_repo(dir.path());
        let entry = Entry {
            account_name: "Pool-1".into(),
            email: "aws+pool-1@example.com".into(),
            state: JournalState::InProgress,
            request_id: Some("car-7".into()),
            account_id: None,
        };
        journal.record(&entry).unwrap();
        assert_eq!(create_pool_1(&writer(&[&create, &describe, &list]), &journal).await.unwrap(), "222233334444");
        assert_eq!(create.num_calls(), 0);
        assert!(journal.unfinished().is_empty());
    }

    #[tokio::test]
    async fn a_new_request_is_journaled_before_it_is_polled() {
        let create = mock!(Client::create_account)
            .then_output(|| CreateAccountOutput::builder().create_account_status(status(State::InProgress, None)).build());
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::in_repo(dir.path());
        // The poll fails: the request must still be in the journal for the next run.
        let describe = mock!(Client::describe_create_account_status).then_error(|| {
            aws_sdk_organizations::operation::describe_create_account_status::DescribeCreateAccountStatusError::unhandled("connection lost")
        });
        let list = no_requests_in_progress();
        create_pool_1(&writer(&[&create, &describe, &list]), &journal).await.unwrap_err();
        assert_eq!(journal.unfinished()["Pool-1"].request_id.as_deref(), Some("car-1"));
    }
}
