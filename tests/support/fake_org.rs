//! An organization in memory behind the four ports, refusing every call AWS would refuse, so that
//! a plan in the wrong order shows up as a failed outcome instead of passing silently.
//!
//! It is stricter than the adapters: they turn "already exists" and "already gone" into success,
//! this model answers them with an error, because a plan made from a fresh snapshot never needs
//! either.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

// The types the concurrent refactoring moves to leaf modules: named here only, and re-exported.
pub use miyabi_org::api_error::{AwsError, AwsErrorKind};
pub use miyabi_org::policy_kind::PolicyKind;

use miyabi_org::apply::workers::{EntryFailure, Outgoing, Received, WorkerWrite};
use miyabi_org::apply::{BudgetSpec, BudgetWrite, CreateAccountState, CreateAccountStatus, OrgWrite, RequestStatus, SsoWrite};
use miyabi_org::model::FULL_AWS_ACCESS;
use miyabi_org::observe::sso::Assignment;
use miyabi_org::observe::workers::{InstalledScaling, Queue, ScalableTarget, ScalingActivity, Service, Table, WorkerRead};
use miyabi_org::observe::{Account, Budget, BudgetFilter, BudgetRead, OrgRead, Organization, Ou, PolicySummary, Root, Tags};
use miyabi_org::plan::{PermissionSetFields, SsoPolicy};
use miyabi_org::scaling::{Alarm, StepPolicy};
use miyabi_org::task::{TaskRecord, TaskState};

pub const ROOT_ID: &str = "r-root";
pub const MANAGEMENT_ID: &str = "000000000000";
pub const FULL_AWS_ACCESS_ID: &str = "p-FullAWSAccess";
/// AWS's maximum depth of an OU below the root.
const MAX_OU_DEPTH: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct FakeOu {
    pub name: String,
    pub parent: String,
    pub tags: Tags,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FakeAccount {
    pub name: String,
    pub email: String,
    pub status: String,
    pub parent: String,
    pub tags: Tags,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FakePolicy {
    pub name: String,
    pub kind: PolicyKind,
    pub description: String,
    pub aws_managed: bool,
    pub content: String,
    pub tags: Tags,
}

/// A successful write, for checking afterwards what a run touched.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    DeleteOu { id: String },
    MoveAccount { account: String },
    TagResource { id: String },
    UpdatePolicy { id: String },
    DetachPolicy { policy: String, target: String },
    DeletePolicy { id: String },
    DeleteBudget { name: String },
    UpdateBudget { name: String },
    Other,
}

#[derive(Debug, Clone)]
pub struct OrgState {
    pub scps_per_target: usize,
    pub policy_types: BTreeSet<PolicyKind>,
    pub ous: BTreeMap<String, FakeOu>,
    pub accounts: BTreeMap<String, FakeAccount>,
    pub policies: BTreeMap<String, FakePolicy>,
    /// (policy id, target id).
    pub attachments: BTreeSet<(String, String)>,
    pub budgets: BTreeMap<String, Budget>,
    pub writes: Vec<Write>,
    next_id: u64,
}

fn error(operation: &'static str, resource: &str, code: &str, kind: AwsErrorKind) -> AwsError {
    AwsError { operation, resource: Some(resource.to_string()), code: Some(code.to_string()), message: code.to_string(), kind }
}

fn refused(operation: &'static str, resource: &str, code: &str) -> AwsError {
    error(operation, resource, code, AwsErrorKind::Other)
}

fn not_found(operation: &'static str, resource: &str, code: &str) -> AwsError {
    error(operation, resource, code, AwsErrorKind::NotFound)
}

fn already(operation: &'static str, resource: &str, code: &str) -> AwsError {
    error(operation, resource, code, AwsErrorKind::AlreadyExists)
}

impl OrgState {
    /// An organization with SCPs enabled, FullAWSAccess on the root and the management account.
    pub fn new(scps_per_target: usize) -> OrgState {
        let mut state = OrgState {
            scps_per_target,
            policy_types: BTreeSet::from([PolicyKind::ServiceControl]),
            ous: BTreeMap::new(),
            accounts: BTreeMap::new(),
            policies: BTreeMap::new(),
            attachments: BTreeSet::new(),
            budgets: BTreeMap::new(),
            writes: Vec::new(),
            next_id: 0,
        };
        state.policies.insert(
            FULL_AWS_ACCESS_ID.into(),
            FakePolicy {
                name: FULL_AWS_ACCESS.into(),
                kind: PolicyKind::ServiceControl,
                description: "Allows access to every operation".into(),
                aws_managed: true,
                content: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#.into(),
                tags: Tags::new(),
            },
        );
        state.attachments.insert((FULL_AWS_ACCESS_ID.into(), ROOT_ID.into()));
        let management = FakeAccount {
            name: "Management".into(),
            email: "management@example.com".into(),
            status: "ACTIVE".into(),
            parent: ROOT_ID.into(),
            tags: Tags::new(),
        };
        state.accounts.insert(MANAGEMENT_ID.into(), management);
        state.attachments.insert((FULL_AWS_ACCESS_ID.into(), MANAGEMENT_ID.into()));
        state
    }

    fn new_id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}-{:04}", self.next_id)
    }

    pub fn target_exists(&self, id: &str) -> bool {
        id == ROOT_ID || self.ous.contains_key(id) || self.accounts.contains_key(id)
    }

    pub fn scp_count(&self, target: &str) -> usize {
        self.attachments.iter().filter(|(policy, t)| t == target && self.policies[policy].kind == PolicyKind::ServiceControl).count()
    }

    /// Every target: the root, OUs and accounts.
    pub fn targets(&self) -> Vec<String> {
        std::iter::once(ROOT_ID.to_string()).chain(self.ous.keys().cloned()).chain(self.accounts.keys().cloned()).collect()
    }

    fn depth(&self, id: &str) -> usize {
        let mut depth = 0;
        let mut current = id;
        while let Some(ou) = self.ous.get(current) {
            depth += 1;
            current = &ou.parent;
        }
        depth
    }

    /// The rules that hold between calls: every target has between one and `scps_per_target` SCPs.
    pub fn broken_invariant(&self) -> Option<String> {
        self.targets().into_iter().find_map(|target| {
            let count = self.scp_count(&target);
            (count == 0 || count > self.scps_per_target).then(|| format!("{target} has {count} SCPs"))
        })
    }

    // ---- the calls, with AWS's rules

    pub fn create_ou(&mut self, parent: &str, name: &str, tags: &Tags) -> Result<String, AwsError> {
        if parent != ROOT_ID && !self.ous.contains_key(parent) {
            return Err(not_found("CreateOrganizationalUnit", name, "ParentNotFoundException"));
        }
        if self.ous.values().any(|ou| ou.parent == parent && ou.name == name) {
            return Err(already("CreateOrganizationalUnit", name, "DuplicateOrganizationalUnitException"));
        }
        if self.depth(parent) + 1 > MAX_OU_DEPTH {
            return Err(refused("CreateOrganizationalUnit", name, "ConstraintViolationException"));
        }
        let id = self.new_id("ou");
        self.ous.insert(id.clone(), FakeOu { name: name.into(), parent: parent.into(), tags: tags.clone() });
        // AWS attaches FullAWSAccess to every new OU.
        self.attachments.insert((FULL_AWS_ACCESS_ID.into(), id.clone()));
        Ok(id)
    }

    pub fn delete_ou(&mut self, id: &str) -> Result<(), AwsError> {
        if !self.ous.contains_key(id) {
            return Err(not_found("DeleteOrganizationalUnit", id, "OrganizationalUnitNotFoundException"));
        }
        if self.ous.values().any(|ou| ou.parent == id) || self.accounts.values().any(|a| a.parent == id) {
            return Err(refused("DeleteOrganizationalUnit", id, "OrganizationalUnitNotEmptyException"));
        }
        self.ous.remove(id);
        self.attachments.retain(|(_, target)| target != id);
        self.writes.push(Write::DeleteOu { id: id.into() });
        Ok(())
    }

    pub fn enable_policy_type(&mut self, root: &str, kind: PolicyKind) -> Result<(), AwsError> {
        if root != ROOT_ID {
            return Err(not_found("EnablePolicyType", root, "RootNotFoundException"));
        }
        if !self.policy_types.insert(kind) {
            return Err(already("EnablePolicyType", root, "PolicyTypeAlreadyEnabledException"));
        }
        self.writes.push(Write::Other);
        Ok(())
    }

    pub fn create_policy(
        &mut self,
        kind: PolicyKind,
        name: &str,
        description: &str,
        content: &str,
        tags: &Tags,
    ) -> Result<String, AwsError> {
        if self.policies.values().any(|p| p.kind == kind && p.name == name) {
            return Err(already("CreatePolicy", name, "DuplicatePolicyException"));
        }
        if serde_json::from_str::<serde_json::Value>(content).is_err() {
            return Err(refused("CreatePolicy", name, "MalformedPolicyDocumentException"));
        }
        let id = self.new_id("p");
        let policy = FakePolicy {
            name: name.into(),
            kind,
            description: description.into(),
            aws_managed: false,
            content: content.into(),
            tags: tags.clone(),
        };
        self.policies.insert(id.clone(), policy);
        self.writes.push(Write::Other);
        Ok(id)
    }

    fn customer_policy(&mut self, operation: &'static str, id: &str) -> Result<&mut FakePolicy, AwsError> {
        match self.policies.get_mut(id) {
            None => Err(not_found(operation, id, "PolicyNotFoundException")),
            Some(policy) if policy.aws_managed => Err(refused(operation, id, "PolicyChangesNotAllowedException")),
            Some(policy) => Ok(policy),
        }
    }

    pub fn update_policy(&mut self, id: &str, description: Option<&str>, content: Option<&str>) -> Result<(), AwsError> {
        let policy = self.customer_policy("UpdatePolicy", id)?;
        if let Some(description) = description {
            policy.description = description.into();
        }
        if let Some(content) = content {
            policy.content = content.into();
        }
        self.writes.push(Write::UpdatePolicy { id: id.into() });
        Ok(())
    }

    pub fn tag_resource(&mut self, id: &str, tags: &Tags) -> Result<(), AwsError> {
        let existing = if let Some(ou) = self.ous.get_mut(id) {
            &mut ou.tags
        } else if let Some(account) = self.accounts.get_mut(id) {
            &mut account.tags
        } else {
            &mut self.customer_policy("TagResource", id)?.tags
        };
        existing.extend(tags.clone());
        self.writes.push(Write::TagResource { id: id.into() });
        Ok(())
    }

    pub fn attach_policy(&mut self, policy: &str, target: &str) -> Result<(), AwsError> {
        let Some(kind) = self.policies.get(policy).map(|p| p.kind) else {
            return Err(not_found("AttachPolicy", policy, "PolicyNotFoundException"));
        };
        if !self.target_exists(target) {
            return Err(not_found("AttachPolicy", target, "TargetNotFoundException"));
        }
        if !self.policy_types.contains(&kind) {
            return Err(not_found("AttachPolicy", policy, "PolicyTypeNotEnabledException"));
        }
        if self.attachments.contains(&(policy.to_string(), target.to_string())) {
            return Err(already("AttachPolicy", policy, "DuplicatePolicyAttachmentException"));
        }
        if kind == PolicyKind::ServiceControl && self.scp_count(target) >= self.scps_per_target {
            return Err(refused("AttachPolicy", target, "ConstraintViolationException: MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"));
        }
        self.attachments.insert((policy.into(), target.into()));
        self.writes.push(Write::Other);
        Ok(())
    }

    pub fn detach_policy(&mut self, policy: &str, target: &str) -> Result<(), AwsError> {
        let Some(kind) = self.policies.get(policy).map(|p| p.kind) else {
            return Err(not_found("DetachPolicy", policy, "PolicyNotFoundException"));
        };
        if !self.attachments.contains(&(policy.to_string(), target.to_string())) {
            return Err(not_found("DetachPolicy", policy, "PolicyNotAttachedException"));
        }
        if kind == PolicyKind::ServiceControl && self.scp_count(target) <= 1 {
            return Err(refused("DetachPolicy", target, "ConstraintViolationException: MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"));
        }
        self.attachments.remove(&(policy.to_string(), target.to_string()));
        self.writes.push(Write::DetachPolicy { policy: policy.into(), target: target.into() });
        Ok(())
    }

    pub fn delete_policy(&mut self, id: &str) -> Result<(), AwsError> {
        self.customer_policy("DeletePolicy", id)?;
        if self.attachments.iter().any(|(policy, _)| policy == id) {
            return Err(refused("DeletePolicy", id, "PolicyInUseException"));
        }
        self.policies.remove(id);
        self.writes.push(Write::DeletePolicy { id: id.into() });
        Ok(())
    }

    /// CreateAccount, finished at once: the account is in the root with FullAWSAccess.
    pub fn create_account(&mut self, name: &str, email: &str, tags: &Tags) -> Result<String, AwsError> {
        if self.accounts.values().any(|a| a.email.eq_ignore_ascii_case(email)) {
            return Err(refused("CreateAccount", name, "EMAIL_ALREADY_EXISTS"));
        }
        self.next_id += 1;
        let id = format!("{:012}", 100_000_000_000 + self.next_id);
        let account =
            FakeAccount { name: name.into(), email: email.into(), status: "ACTIVE".into(), parent: ROOT_ID.into(), tags: tags.clone() };
        self.accounts.insert(id.clone(), account);
        self.attachments.insert((FULL_AWS_ACCESS_ID.into(), id.clone()));
        self.writes.push(Write::Other);
        Ok(id)
    }

    pub fn move_account(&mut self, id: &str, from: &str, to: &str) -> Result<(), AwsError> {
        let Some(account) = self.accounts.get(id) else {
            return Err(not_found("MoveAccount", id, "AccountNotFoundException"));
        };
        if account.parent != from {
            return Err(not_found("MoveAccount", id, "SourceParentNotFoundException"));
        }
        if to != ROOT_ID && !self.ous.contains_key(to) {
            return Err(not_found("MoveAccount", id, "DestinationParentNotFoundException"));
        }
        if from == to {
            return Err(already("MoveAccount", id, "DuplicateAccountException"));
        }
        self.accounts.get_mut(id).expect("checked above").parent = to.into();
        self.writes.push(Write::MoveAccount { account: id.into() });
        Ok(())
    }

    pub fn create_budget(&mut self, budget: &BudgetSpec) -> Result<(), AwsError> {
        if self.budgets.contains_key(&budget.name) {
            return Err(already("CreateBudget", &budget.name, "DuplicateRecordException"));
        }
        self.budgets.insert(budget.name.clone(), stored_budget(budget));
        self.writes.push(Write::Other);
        Ok(())
    }

    pub fn update_budget(&mut self, budget: &BudgetSpec) -> Result<(), AwsError> {
        if !self.budgets.contains_key(&budget.name) {
            return Err(not_found("UpdateBudget", &budget.name, "NotFoundException"));
        }
        self.budgets.insert(budget.name.clone(), stored_budget(budget));
        self.writes.push(Write::UpdateBudget { name: budget.name.clone() });
        Ok(())
    }

    pub fn delete_budget(&mut self, name: &str) -> Result<(), AwsError> {
        if self.budgets.remove(name).is_none() {
            return Err(not_found("DeleteBudget", name, "NotFoundException"));
        }
        self.writes.push(Write::DeleteBudget { name: name.into() });
        Ok(())
    }

    fn ou_path(&self, id: &str) -> String {
        let mut names = Vec::new();
        let mut current = id;
        while let Some(ou) = self.ous.get(current) {
            names.push(ou.name.as_str());
            current = &ou.parent;
        }
        names.reverse();
        names.join("/")
    }

    /// A target by name rather than id: "root", an OU path, or "account NAME".
    pub fn target_name(&self, id: &str) -> String {
        if id == ROOT_ID {
            "root".into()
        } else if let Some(account) = self.accounts.get(id) {
            format!("account {}", account.name)
        } else {
            self.ou_path(id)
        }
    }

    /// The organization by names, paths and contents: ids differ between runs that end alike.
    pub fn shape(&self) -> OrgShape {
        let budget_filter = |filter: &BudgetFilter| match filter {
            BudgetFilter::LinkedAccount { account_id } => format!("account {}", self.target_name(account_id)),
            BudgetFilter::Tag { key, value } => format!("tag {key}={value}"),
            BudgetFilter::Other => "other".into(),
        };
        OrgShape {
            policy_types: self.policy_types.clone(),
            ous: self.ous.keys().map(|id| (self.ou_path(id), self.ous[id].tags.clone())).collect(),
            accounts: self
                .accounts
                .values()
                .map(|a| (a.name.clone(), (a.email.clone(), a.status.clone(), self.target_name(&a.parent), a.tags.clone())))
                .collect(),
            policies: self
                .policies
                .iter()
                .map(|(id, p)| {
                    let targets = self.attachments.iter().filter(|(policy, _)| policy == id).map(|(_, t)| self.target_name(t)).collect();
                    let content = serde_json::from_str(&p.content).unwrap_or(serde_json::Value::Null);
                    ((p.kind, p.name.clone()), (p.description.clone(), content, p.tags.clone(), targets))
                })
                .collect(),
            budgets: self
                .budgets
                .values()
                .map(|b| (b.name.clone(), (format!("{:.2}", b.limit_usd), budget_filter(&b.filter), format!("{:?}", b.alert_percent))))
                .collect(),
        }
    }
}

fn stored_budget(budget: &BudgetSpec) -> Budget {
    let mut alert_percent = budget.alert_percent.clone();
    alert_percent.sort_by(f64::total_cmp);
    Budget { name: budget.name.clone(), limit_usd: budget.limit_usd, filter: budget.filter.clone(), alert_percent }
}

type PolicyShape = (String, serde_json::Value, Tags, BTreeSet<String>);

/// See [`OrgState::shape`].
#[derive(Debug, Clone, PartialEq)]
pub struct OrgShape {
    pub policy_types: BTreeSet<PolicyKind>,
    pub ous: BTreeMap<String, Tags>,
    /// By name: email, status, parent, tags.
    pub accounts: BTreeMap<String, (String, String, String, Tags)>,
    /// By kind and name: description, content, tags, targets.
    pub policies: BTreeMap<(PolicyKind, String), PolicyShape>,
    /// By name: limit, filter, alerts.
    pub budgets: BTreeMap<String, (String, String, String)>,
}

/// The ports over an [`OrgState`].
pub struct FakeOrg {
    pub state: RefCell<OrgState>,
}

impl FakeOrg {
    pub fn new(state: OrgState) -> FakeOrg {
        FakeOrg { state: RefCell::new(state) }
    }

    fn write<T>(&self, call: impl FnOnce(&mut OrgState) -> Result<T, AwsError>) -> Result<T, AwsError> {
        call(&mut self.state.borrow_mut())
    }
}

impl OrgRead for FakeOrg {
    async fn describe_organization(&self) -> Result<Organization, AwsError> {
        Ok(Organization { id: "o-fake".into(), management_account_id: MANAGEMENT_ID.into() })
    }

    async fn caller_account_id(&self) -> Result<String, AwsError> {
        Ok(MANAGEMENT_ID.into())
    }

    async fn list_roots(&self) -> Result<Vec<Root>, AwsError> {
        let policy_types = self.state.borrow().policy_types.clone();
        Ok(vec![Root { id: ROOT_ID.into(), name: "Root".into(), policy_types }])
    }

    async fn list_ous_for_parent(&self, parent_id: &str) -> Result<Vec<Ou>, AwsError> {
        let state = self.state.borrow();
        Ok(state
            .ous
            .iter()
            .filter(|(_, ou)| ou.parent == parent_id)
            .map(|(id, ou)| Ou { id: id.clone(), name: ou.name.clone(), parent_id: ou.parent.clone() })
            .collect())
    }

    async fn list_accounts_for_parent(&self, parent_id: &str) -> Result<Vec<Account>, AwsError> {
        let state = self.state.borrow();
        Ok(state
            .accounts
            .iter()
            .filter(|(_, a)| a.parent == parent_id)
            .map(|(id, a)| Account {
                id: id.clone(),
                name: a.name.clone(),
                email: a.email.clone(),
                status: a.status.clone(),
                parent_id: a.parent.clone(),
                tags: Tags::new(),
            })
            .collect())
    }

    async fn list_policies(&self, kind: PolicyKind) -> Result<Vec<PolicySummary>, AwsError> {
        let state = self.state.borrow();
        Ok(state
            .policies
            .iter()
            .filter(|(_, p)| p.kind == kind)
            .map(|(id, p)| PolicySummary {
                id: id.clone(),
                name: p.name.clone(),
                kind,
                description: p.description.clone(),
                aws_managed: p.aws_managed,
            })
            .collect())
    }

    async fn describe_policy(&self, policy_id: &str) -> Result<String, AwsError> {
        let state = self.state.borrow();
        state
            .policies
            .get(policy_id)
            .map(|p| p.content.clone())
            .ok_or_else(|| not_found("DescribePolicy", policy_id, "PolicyNotFoundException"))
    }

    async fn list_targets_for_policy(&self, policy_id: &str) -> Result<Vec<String>, AwsError> {
        let state = self.state.borrow();
        Ok(state.attachments.iter().filter(|(policy, _)| policy == policy_id).map(|(_, target)| target.clone()).collect())
    }

    async fn list_tags(&self, resource_id: &str) -> Result<Tags, AwsError> {
        let state = self.state.borrow();
        let tags = state
            .ous
            .get(resource_id)
            .map(|ou| &ou.tags)
            .or_else(|| state.accounts.get(resource_id).map(|a| &a.tags))
            .or_else(|| state.policies.get(resource_id).map(|p| &p.tags));
        tags.cloned().ok_or_else(|| not_found("ListTagsForResource", resource_id, "TargetNotFoundException"))
    }
}

impl BudgetRead for FakeOrg {
    async fn describe_budgets(&self, _account_id: &str) -> Result<Vec<Budget>, AwsError> {
        // Like DescribeBudgets, without the notifications: those are another call.
        Ok(self.state.borrow().budgets.values().map(|b| Budget { alert_percent: Vec::new(), ..b.clone() }).collect())
    }

    async fn describe_notifications(&self, _account_id: &str, budget: &str) -> Result<Vec<f64>, AwsError> {
        let state = self.state.borrow();
        state
            .budgets
            .get(budget)
            .map(|b| b.alert_percent.clone())
            .ok_or_else(|| not_found("DescribeNotificationsForBudget", budget, "NotFoundException"))
    }
}

impl OrgWrite for FakeOrg {
    async fn create_ou(&self, parent_id: &str, name: &str, tags: &Tags) -> Result<String, AwsError> {
        self.write(|s| s.create_ou(parent_id, name, tags))
    }

    async fn delete_ou(&self, id: &str) -> Result<(), AwsError> {
        self.write(|s| s.delete_ou(id))
    }

    async fn enable_policy_type(&self, root_id: &str, kind: PolicyKind) -> Result<(), AwsError> {
        self.write(|s| s.enable_policy_type(root_id, kind))
    }

    async fn create_policy(&self, kind: PolicyKind, name: &str, description: &str, content: &str, tags: &Tags) -> Result<String, AwsError> {
        self.write(|s| s.create_policy(kind, name, description, content, tags))
    }

    async fn update_policy(&self, id: &str, description: Option<&str>, content: Option<&str>) -> Result<(), AwsError> {
        self.write(|s| s.update_policy(id, description, content))
    }

    async fn tag_resource(&self, id: &str, tags: &Tags) -> Result<(), AwsError> {
        self.write(|s| s.tag_resource(id, tags))
    }

    async fn attach_policy(&self, policy_id: &str, target_id: &str) -> Result<(), AwsError> {
        self.write(|s| s.attach_policy(policy_id, target_id))
    }

    async fn detach_policy(&self, policy_id: &str, target_id: &str) -> Result<(), AwsError> {
        self.write(|s| s.detach_policy(policy_id, target_id))
    }

    async fn delete_policy(&self, id: &str) -> Result<(), AwsError> {
        self.write(|s| s.delete_policy(id))
    }

    /// The request id is the account id: the account exists as soon as it is asked for.
    async fn create_account(&self, name: &str, email: &str, _role_name: &str, tags: &Tags) -> Result<String, AwsError> {
        self.write(|s| s.create_account(name, email, tags))
    }

    async fn create_account_status(&self, request_id: &str) -> Result<CreateAccountStatus, AwsError> {
        let state = self.state.borrow();
        let account = state
            .accounts
            .get(request_id)
            .ok_or_else(|| not_found("DescribeCreateAccountStatus", request_id, "CreateAccountStatusNotFoundException"))?;
        Ok(CreateAccountStatus {
            request_id: request_id.into(),
            account_name: account.name.clone(),
            state: CreateAccountState::Succeeded { account_id: request_id.into() },
        })
    }

    async fn account_requests_in_progress(&self) -> Result<Vec<CreateAccountStatus>, AwsError> {
        Ok(Vec::new())
    }

    async fn move_account(&self, account_id: &str, from_parent_id: &str, to_parent_id: &str) -> Result<(), AwsError> {
        self.write(|s| s.move_account(account_id, from_parent_id, to_parent_id))
    }

    async fn close_account(&self, account_id: &str) -> Result<(), AwsError> {
        self.write(|s| match s.accounts.get_mut(account_id) {
            None => Err(not_found("CloseAccount", account_id, "AccountNotFoundException")),
            Some(account) if account.status != "ACTIVE" => Err(already("CloseAccount", account_id, "AccountAlreadyClosedException")),
            Some(account) => {
                account.status = "SUSPENDED".into();
                Ok(())
            }
        })
    }
}

impl BudgetWrite for FakeOrg {
    async fn create_budget(&self, account_id: &str, budget: &BudgetSpec) -> Result<(), AwsError> {
        assert_eq!(account_id, MANAGEMENT_ID, "budgets are written in the management account");
        self.write(|s| s.create_budget(budget))
    }

    async fn update_budget(&self, account_id: &str, budget: &BudgetSpec, _old_alerts: Option<&[f64]>) -> Result<(), AwsError> {
        assert_eq!(account_id, MANAGEMENT_ID, "budgets are written in the management account");
        self.write(|s| s.update_budget(budget))
    }

    async fn delete_budget(&self, account_id: &str, name: &str) -> Result<(), AwsError> {
        assert_eq!(account_id, MANAGEMENT_ID, "budgets are written in the management account");
        self.write(|s| s.delete_budget(name))
    }
}

/// Identity Center is not part of the fake organization: the property tests plan without `[sso]`,
/// so any call here is a failure the test shows.
impl SsoWrite for FakeOrg {
    async fn create_permission_set(&self, _: &str, _: &str, _: &PermissionSetFields, _: &Tags) -> Result<String, AwsError> {
        Err(AwsError::unexpected("CreatePermissionSet", "Identity Center is not modelled by the fake organization"))
    }
    async fn update_permission_set(&self, _: &str, _: &str, _: &PermissionSetFields) -> Result<(), AwsError> {
        Err(AwsError::unexpected("UpdatePermissionSet", "Identity Center is not modelled by the fake organization"))
    }
    async fn attach_policy(&self, _: &str, _: &str, _: &SsoPolicy) -> Result<(), AwsError> {
        Err(AwsError::unexpected("AttachManagedPolicyToPermissionSet", "Identity Center is not modelled by the fake organization"))
    }
    async fn detach_policy(&self, _: &str, _: &str, _: &SsoPolicy) -> Result<(), AwsError> {
        Err(AwsError::unexpected("DetachManagedPolicyFromPermissionSet", "Identity Center is not modelled by the fake organization"))
    }
    async fn provision_permission_set(&self, _: &str, _: &str) -> Result<RequestStatus, AwsError> {
        Err(AwsError::unexpected("ProvisionPermissionSet", "Identity Center is not modelled by the fake organization"))
    }
    async fn provisioning_status(&self, _: &str, _: &str) -> Result<RequestStatus, AwsError> {
        Err(AwsError::unexpected("DescribePermissionSetProvisioningStatus", "Identity Center is not modelled by the fake organization"))
    }
    async fn create_assignment(&self, _: &str, _: &Assignment) -> Result<RequestStatus, AwsError> {
        Err(AwsError::unexpected("CreateAccountAssignment", "Identity Center is not modelled by the fake organization"))
    }
    async fn assignment_creation_status(&self, _: &str, _: &str) -> Result<RequestStatus, AwsError> {
        Err(AwsError::unexpected("DescribeAccountAssignmentCreationStatus", "Identity Center is not modelled by the fake organization"))
    }
    async fn delete_assignment(&self, _: &str, _: &Assignment) -> Result<RequestStatus, AwsError> {
        Err(AwsError::unexpected("DeleteAccountAssignment", "Identity Center is not modelled by the fake organization"))
    }
    async fn assignment_deletion_status(&self, _: &str, _: &str) -> Result<RequestStatus, AwsError> {
        Err(AwsError::unexpected("DescribeAccountAssignmentDeletionStatus", "Identity Center is not modelled by the fake organization"))
    }
}

/// Nor are the workers' accounts: the property tests plan without `[workers]`.
fn no_workers<T>(operation: &'static str) -> Result<T, AwsError> {
    Err(AwsError::unexpected(operation, "member accounts' queues and tables are not modelled by the fake organization"))
}

impl WorkerRead for FakeOrg {
    async fn queue(&self, _: &str, _: &str) -> Result<Option<Queue>, AwsError> {
        no_workers("GetQueueAttributes")
    }
    async fn queue_url(&self, _: &str, _: &str) -> Result<Option<String>, AwsError> {
        no_workers("GetQueueUrl")
    }
    async fn table(&self, _: &str, _: &str) -> Result<Option<Table>, AwsError> {
        no_workers("DescribeTable")
    }
    async fn service(&self, _: &str, _: &str, _: &str) -> Result<Service, AwsError> {
        no_workers("DescribeServices")
    }
    async fn customer_tasks(&self, _: &str, _: &str, _: &str) -> Result<Vec<TaskRecord>, AwsError> {
        no_workers("Query")
    }
    async fn tasks(&self, _: &str, _: &str, _: &[String]) -> Result<Vec<TaskRecord>, AwsError> {
        no_workers("BatchGetItem")
    }
    async fn scaling(&self, _: &str, _: &str, _: &[String], _: &[String]) -> Result<InstalledScaling, AwsError> {
        no_workers("DescribeScalableTargets")
    }
    async fn last_scaling_activity(&self, _: &str, _: &str) -> Result<Option<ScalingActivity>, AwsError> {
        no_workers("DescribeScalingActivities")
    }
}

impl WorkerWrite for FakeOrg {
    async fn create_queue(&self, _: &str, _: &str, _: &BTreeMap<String, String>, _: &Tags) -> Result<(), AwsError> {
        no_workers("CreateQueue")
    }
    async fn set_queue_attributes(&self, _: &str, _: &str, _: &BTreeMap<String, String>) -> Result<(), AwsError> {
        no_workers("SetQueueAttributes")
    }
    async fn create_table(&self, _: &str, _: &str, _: &Tags) -> Result<(), AwsError> {
        no_workers("CreateTable")
    }
    async fn record_tasks(&self, _: &str, _: &str, _: &[TaskRecord]) -> Result<Vec<String>, AwsError> {
        no_workers("TransactWriteItems")
    }
    async fn mark_sent(&self, _: &str, _: &str, _: &[(String, String)]) -> Result<(), AwsError> {
        no_workers("TransactWriteItems")
    }
    async fn set_state(
        &self,
        _: &str,
        _: &str,
        _: &str,
        _: TaskState,
        _: &[TaskState],
        _: &str,
    ) -> Result<Result<(), Option<TaskState>>, AwsError> {
        no_workers("UpdateItem")
    }
    async fn send_batch(&self, _: &str, _: &str, _: &[Outgoing]) -> Result<Vec<Result<String, EntryFailure>>, AwsError> {
        no_workers("SendMessageBatch")
    }
    async fn receive(&self, _: &str, _: &str, _: u32, _: u32) -> Result<Vec<Received>, AwsError> {
        no_workers("ReceiveMessage")
    }
    async fn delete_batch(&self, _: &str, _: &str, _: &[String]) -> Result<(), AwsError> {
        no_workers("DeleteMessageBatch")
    }
    async fn release_batch(&self, _: &str, _: &str, _: &[String]) -> Result<(), AwsError> {
        no_workers("ChangeMessageVisibilityBatch")
    }
    async fn register_scalable_target(&self, _: &str, _: &str, _: &ScalableTarget) -> Result<(), AwsError> {
        no_workers("RegisterScalableTarget")
    }
    async fn put_scaling_policy(&self, _: &str, _: &str, _: &StepPolicy) -> Result<String, AwsError> {
        no_workers("PutScalingPolicy")
    }
    async fn put_alarm(&self, _: &str, _: &Alarm, _: &str, _: &Tags) -> Result<(), AwsError> {
        no_workers("PutMetricAlarm")
    }
    async fn set_desired_count(&self, _: &str, _: &str, _: &str, _: u32) -> Result<(), AwsError> {
        no_workers("UpdateService")
    }
}
