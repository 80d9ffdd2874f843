//! `sso …`: who may enter which account, the permission sets, and the imperative assign/unassign.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;

use super::plan::execute;
use super::{Observed, Session, Stats, write_changes};
use crate::access::PrincipalKind;
use crate::cli::{OutputFormat, SsoAssignArgs, SsoListArgs};
use crate::config::edit::{Assigned, Edit, SsoGrant};
use crate::config::{self, Changes, Repo};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::model::Desired;
use crate::model::placement::PlacementError;
use crate::model::sso::{DesiredSso, TargetRule};
use crate::observe::sso::{SsoReadOptions, SsoSnapshot};
use crate::output::Table;
use crate::plan::{self, Grant, Plan, Scope, declared_grants, find_account};

/// Reads the organization and Identity Center, also for a repo without `[sso]`: then in the home
/// region, with no principal or permission set of the repo's.
async fn read_sso(
    session: &Session,
    repo: &Repo,
    desired: &mut Desired,
    options: SsoReadOptions,
) -> Result<(Observed, SsoSnapshot), Error> {
    if desired.sso.is_none() {
        desired.sso = Some(DesiredSso { region: repo.org.organization.home_region.get_ref().clone(), ..Default::default() });
    }
    let scope = BTreeSet::from([Scope::Sso]);
    let mut observed = session.observe_detail(Some(repo), desired, &scope, &|_| false, &|_| false, options).await?;
    let live = observed.snapshot.sso.take().expect("read with [sso]");
    Ok((observed, live))
}

/// The grants the repo's rules give, by (principal id, permission set, account id).
fn grants_by_key(desired: &Desired, observed: &Observed, live: &SsoSnapshot) -> BTreeMap<(String, String, String), Grant> {
    let Some(sso) = &desired.sso else { return BTreeMap::new() };
    declared_grants(sso, &desired.accounts, &observed.snapshot, live, false)
        .into_iter()
        .filter_map(|grant| {
            let key = (grant.principal.id.clone()?, grant.permission_set.clone(), grant.account_id.clone()?);
            Some((key, grant))
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct AssignmentLine {
    account: String,
    account_id: String,
    principal_kind: PrincipalKind,
    principal_name: String,
    principal_id: String,
    permission_set: String,
    permission_set_arn: String,
    /// `managed` (a rule of the repo gives it), `managed-undeclared` (the repo's principal and
    /// permission set, but no rule gives it: apply removes it) or `unmanaged` (left alone).
    state: &'static str,
    /// The rules that give a managed one: `tier pool`, `ou Workloads`, ...
    from: Vec<String>,
}

#[derive(Debug, Serialize)]
struct AssignmentList {
    assignments: Vec<AssignmentLine>,
    /// Whether everyone's grants were read (`--all-principals`), or only those of the principals
    /// the repo names.
    all_principals: bool,
    stats: Stats,
}

/// The live account ids the filters of `sso list` keep; `None` keeps every account.
fn listed_accounts(desired: &Desired, observed: &Observed, args: &SsoListArgs) -> Result<Option<BTreeSet<String>>, Error> {
    let snapshot = &observed.snapshot;
    let mut kept: Option<BTreeSet<String>> = None;
    let mut keep =
        |ids: BTreeSet<String>| kept = Some(kept.take().map_or_else(|| ids.clone(), |k| k.intersection(&ids).cloned().collect()));
    if let Some(wanted) = &args.account {
        let live: BTreeSet<String> =
            snapshot.accounts.iter().filter(|a| &a.id == wanted || &a.name == wanted).map(|a| a.id.clone()).collect();
        let declared = desired.accounts.iter().any(|a| &a.name == wanted || a.id.as_ref() == Some(wanted));
        if live.is_empty() && !declared {
            return Err(Error::refused(
                format!("there is no account {wanted} in organization {}", snapshot.organization.id),
                "give an account's name or id, as `miyabi-org account list` shows them",
            ));
        }
        keep(live);
    }
    if let Some(customer) = &args.customer {
        let ids = desired
            .accounts
            .iter()
            .filter(|a| a.customers.contains(customer))
            .filter_map(|a| find_account(a, &snapshot.accounts))
            .map(|a| a.id.clone())
            .collect();
        keep(ids);
    }
    Ok(kept)
}

/// `sso list`: who may enter which account with which permission set, from the live organization.
pub async fn list(session: &Session, args: &SsoListArgs) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("sso list", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo()?;
    if let Some(customer) = &args.customer
        && !repo.tenants.tenant.iter().any(|t| t.customer.get_ref() == customer)
    {
        return Err(PlacementError::UnknownCustomer { customer: customer.clone() }.into());
    }
    let mut desired = Desired::from_repo(&repo);
    let declares_sso = desired.sso.is_some();
    let all_principals = args.sso.all_principals;
    let (observed, live) = read_sso(session, &repo, &mut desired, SsoReadOptions { all_principals }).await?;
    let snapshot = &observed.snapshot;
    let accounts = listed_accounts(&desired, &observed, args)?;
    let sso = desired.sso.as_ref().expect("set by read_sso");
    let grants = grants_by_key(&desired, &observed, &live);
    let declared_ids: BTreeSet<&str> = live.principals.iter().filter_map(|p| p.id.as_deref()).collect();
    let mut lines: Vec<AssignmentLine> = live
        .assignments
        .iter()
        .filter(|a| accounts.as_ref().is_none_or(|ids| ids.contains(&a.account_id)))
        .map(|a| {
            let principal = live.principal_by_id(a.principal_kind, &a.principal_id);
            let set =
                live.permission_set_by_arn(&a.permission_set_arn).map_or_else(|| a.permission_set_arn.clone(), |s| s.info.name.clone());
            let grant = grants.get(&(a.principal_id.clone(), set.clone(), a.account_id.clone()));
            let state = match grant {
                Some(_) => "managed",
                None if declared_ids.contains(a.principal_id.as_str()) && sso.permission_sets.contains_key(&set) => "managed-undeclared",
                None => "unmanaged",
            };
            AssignmentLine {
                account: snapshot.accounts.iter().find(|l| l.id == a.account_id).map_or_else(|| a.account_id.clone(), |l| l.name.clone()),
                account_id: a.account_id.clone(),
                principal_kind: a.principal_kind,
                principal_name: principal.name,
                principal_id: a.principal_id.clone(),
                permission_set: set,
                permission_set_arn: a.permission_set_arn.clone(),
                state,
                from: grant.map(|g| g.from.clone()).unwrap_or_default(),
            }
        })
        .filter(|line| args.principal.as_ref().is_none_or(|p| &line.principal_name == p || &line.principal_id == p))
        .collect();
    lines.sort_by(|a, b| {
        (&a.account, &a.account_id, a.principal_kind, &a.principal_name, &a.permission_set).cmp(&(
            &b.account,
            &b.account_id,
            b.principal_kind,
            &b.principal_name,
            &b.permission_set,
        ))
    });

    if !all_principals {
        let named = sso.principals();
        if !declares_sso || named.is_empty() {
            printer.note("miyabi-org.toml names no group or user in [[sso.assignment]]: --all-principals reads everyone's grants.");
        } else {
            let (n, s) = (named.len(), if named.len() == 1 { "" } else { "s" });
            printer.note(&format!(
                "Only the grants of the {n} principal{s} [[sso.assignment]] names are read; --all-principals reads everyone's."
            ));
            if let Some(principal) = &args.principal
                && !named.iter().any(|(_, name)| name == principal)
                && !live.principals.iter().any(|p| p.id.as_deref() == Some(principal))
            {
                printer.note(&format!("{principal} is in no [[sso.assignment]]: pass --all-principals to read its grants."));
            }
        }
    }
    if let Some(wanted) = &args.account
        && accounts.as_ref().is_some_and(BTreeSet::is_empty)
        && args.customer.is_none()
    {
        printer.note(&format!("Account {wanted} is declared in the repo and does not exist yet: nobody can enter it."));
    }
    if let Some(customer) = &args.customer
        && accounts.as_ref().is_some_and(BTreeSet::is_empty)
        && args.account.is_none()
    {
        printer.note(&format!("The account of customer {customer} does not exist yet: nobody can enter it."));
    }

    let mut table = Table::new(&["account", "account id", "kind", "principal", "principal id", "permission set", "state", "from"]);
    for l in &lines {
        table.row(vec![
            l.account.clone(),
            l.account_id.clone(),
            l.principal_kind.to_string(),
            l.principal_name.clone(),
            l.principal_id.clone(),
            l.permission_set.clone(),
            l.state.into(),
            l.from.join(", "),
        ]);
    }
    printer.listing(&table, &AssignmentList { assignments: lines, all_principals, stats: session.stats(&observed.aws) })?;
    session.report_stats(&observed.aws);
    Ok(ExitStatus::Success)
}

#[derive(Debug, Serialize)]
struct PermissionSetLine {
    name: String,
    /// In `[sso.permission_set]`.
    declared: bool,
    /// In Identity Center.
    live: bool,
    arn: Option<String>,
    /// The live one's; the declared one's for a set not created yet.
    session_duration: Option<String>,
    /// Managed, customer-managed, inline and boundary: those attached to a declared set, those
    /// declared for a missing one; `None` for an undeclared set, whose policies are not read.
    policies: Option<usize>,
    /// `up to date`, `out of date in N accounts`, `missing` (declared, not in Identity Center) or
    /// `unmanaged` (not declared; its provisioning is not read).
    state: String,
    /// Ids of the accounts where a declared set's latest version is not provisioned.
    outdated_accounts: Vec<String>,
}

#[derive(Debug, Serialize)]
struct PermissionSetList {
    instance_arn: String,
    permission_sets: Vec<PermissionSetLine>,
    stats: Stats,
}

/// `sso permission-sets`: declared and live permission sets side by side.
pub async fn permission_sets(session: &Session) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    printer.require("sso permission-sets", &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv])?;
    let repo = session.repo()?;
    let mut desired = Desired::from_repo(&repo);
    let (observed, live) = read_sso(session, &repo, &mut desired, SsoReadOptions::default()).await?;
    let sso = desired.sso.as_ref().expect("set by read_sso");
    let mut names: BTreeSet<&String> = sso.permission_sets.keys().collect();
    names.extend(live.permission_sets.iter().map(|s| &s.info.name));
    let sets: Vec<PermissionSetLine> = names
        .into_iter()
        .map(|name| {
            let declared = sso.permission_sets.get(name);
            let found = live.permission_set(name);
            let outdated = found.and_then(|s| live.outdated.get(&s.info.arn)).cloned().unwrap_or_default();
            let state = match (declared, found) {
                (Some(_), None) => "missing".to_string(),
                (None, _) => "unmanaged".to_string(),
                (Some(_), Some(_)) if outdated.is_empty() => "up to date".to_string(),
                (Some(_), Some(_)) => format!("out of date in {} account{}", outdated.len(), if outdated.len() == 1 { "" } else { "s" }),
            };
            let policies = match (declared, found) {
                (_, Some(set)) => set.policies.as_ref().map(|p| {
                    let boundary = p.boundary.as_ref().is_some_and(Option::is_some);
                    p.managed.len() + p.customer_managed.len() + usize::from(p.inline.is_some()) + usize::from(boundary)
                }),
                (Some(d), None) => Some(
                    d.managed_policies.len()
                        + d.customer_managed_policies.len()
                        + usize::from(d.inline_policy.is_some())
                        + usize::from(d.boundary.is_some()),
                ),
                (None, None) => None,
            };
            PermissionSetLine {
                name: name.clone(),
                declared: declared.is_some(),
                live: found.is_some(),
                arn: found.map(|s| s.info.arn.clone()),
                session_duration: match found {
                    Some(set) => set.info.session_duration.clone(),
                    None => declared.map(|d| d.session_duration.clone()),
                },
                policies,
                state,
                outdated_accounts: outdated,
            }
        })
        .collect();
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    let mut table = Table::new(&["permission set", "declared", "live", "ARN", "session", "policies", "state"]);
    for s in &sets {
        table.row(vec![
            s.name.clone(),
            yes_no(s.declared),
            yes_no(s.live),
            s.arn.clone().unwrap_or_default(),
            s.session_duration.clone().unwrap_or_default(),
            s.policies.map(|p| p.to_string()).unwrap_or_default(),
            s.state.clone(),
        ]);
    }
    let list = PermissionSetList { instance_arn: live.instance.arn.clone(), permission_sets: sets, stats: session.stats(&observed.aws) };
    printer.listing(&table, &list)?;
    session.report_stats(&observed.aws);
    Ok(ExitStatus::Success)
}

/// What `sso assign` and `sso unassign` name, as the repo and the plan spell it.
struct Target {
    /// `accounts`, `ous`, `tiers` or `customers`.
    key: &'static str,
    rule: TargetRule,
    /// As given first, then the account's other spelling (its name or its id) when the repo knows it.
    spellings: Vec<String>,
}

impl Target {
    fn from_args(args: &SsoAssignArgs, desired: &Desired) -> Result<Target, Error> {
        let (key, given, rule): (_, _, fn(String) -> TargetRule) = match (&args.account, &args.ou, &args.tier, &args.customer) {
            (Some(account), ..) => ("accounts", account, TargetRule::Account),
            (_, Some(ou), ..) => ("ous", ou, TargetRule::Ou),
            (_, _, Some(tier), _) => ("tiers", tier, TargetRule::Tier),
            (_, _, _, Some(customer)) => ("customers", customer, TargetRule::Customer),
            _ => return Err(Error::usage("name a target", "pass one of --account, --ou, --tier or --customer")),
        };
        let mut spellings = vec![given.clone()];
        if key == "accounts" {
            for account in desired.accounts.iter().filter(|a| &a.name == given || a.id.as_ref() == Some(given)) {
                spellings.extend(std::iter::once(account.name.clone()).chain(account.id.clone()));
            }
        }
        let mut seen = BTreeSet::new();
        spellings.retain(|s| seen.insert(s.clone()));
        Ok(Target { key, rule: rule(given.clone()), spellings })
    }

    /// How a plan's `from` names this target, in each spelling.
    fn origins(&self) -> BTreeSet<String> {
        match &self.rule {
            TargetRule::Account(_) => self.spellings.iter().map(|s| TargetRule::Account(s.clone()).to_string()).collect(),
            rule => BTreeSet::from([rule.to_string()]),
        }
    }
}

/// Checks offline that an assignment's target exists where the repo can tell: tiers and customers.
fn check_target_offline(repo: &Repo, target: &Target) -> Result<(), Error> {
    let tiers: Vec<String> = repo.org.tenancy.iter().flat_map(|t| t.tier.keys()).map(|k| k.get_ref().clone()).collect();
    let registered = |customer: &String| repo.tenants.tenant.iter().any(|t| t.customer.get_ref() == customer);
    match &target.rule {
        TargetRule::Tier(tier) if !tiers.contains(tier) => Err(PlacementError::UnknownTier { tier: tier.clone(), tiers }.into()),
        TargetRule::Customer(customer) if !registered(customer) => {
            Err(PlacementError::UnknownCustomer { customer: customer.clone() }.into())
        }
        _ => Ok(()),
    }
}

/// Checks that an account or OU target exists, in the repo or in the organization.
fn check_target_live(desired: &Desired, observed: &Observed, target: &Target) -> Result<(), Error> {
    let snapshot = &observed.snapshot;
    let organization = &snapshot.organization.id;
    let known_account = |account: &String| {
        desired.accounts.iter().any(|a| &a.name == account || a.id.as_ref() == Some(account))
            || snapshot.accounts.iter().any(|a| &a.name == account || &a.id == account)
    };
    match &target.rule {
        TargetRule::Account(account) if !known_account(account) => Err(Error::refused(
            format!("there is no account {account} in the repo or in organization {organization}"),
            "give an account's name or id, as `miyabi-org account list` shows them",
        )),
        TargetRule::Ou(path) if !desired.ous.contains_key(path) && !snapshot.ou_paths().contains_key(path) => Err(Error::refused(
            format!("there is no OU {path} in the repo or in organization {organization}"),
            "give an OU's path, such as Workloads/Pool, as `miyabi-org ou list` shows them",
        )),
        _ => Ok(()),
    }
}

/// The JSON of `sso assign --dry-run` and `sso unassign --dry-run`.
#[derive(Debug, Serialize)]
struct DryRun<'a> {
    dry_run: bool,
    /// Whether miyabi-org.toml would be edited.
    repo_changed: bool,
    #[serde(flatten)]
    plan: &'a Plan,
    stats: Stats,
}

/// Accounts, named, for a sentence: all of them when few.
fn some_accounts(names: &[String]) -> String {
    const NAMED: usize = 5;
    if names.len() <= NAMED { names.join(", ") } else { format!("{} and {} more", names[..NAMED].join(", "), names.len() - NAMED) }
}

/// `sso assign` (`add`) and `sso unassign`: edits `[[sso.assignment]]` in miyabi-org.toml, checks the
/// result offline, then plans and (unless `--dry-run`) applies the grants of that principal and
/// permission set that the target reaches, and nothing else.
pub async fn assign(session: &Session, args: &SsoAssignArgs, add: bool) -> Result<ExitStatus, Error> {
    let printer = &session.printer;
    let command = if add { "sso assign" } else { "sso unassign" };
    printer.require(command, &[OutputFormat::Table, OutputFormat::Json])?;
    let repo = session.repo()?;
    let old = Desired::from_repo(&repo);
    let (kind, principal) = match (&args.group, &args.user) {
        (Some(group), _) => (PrincipalKind::Group, group.as_str()),
        (None, Some(user)) => (PrincipalKind::User, user.as_str()),
        (None, None) => return Err(Error::usage("name a principal", "pass --group NAME or --user NAME")),
    };
    let set = args.permission_set.as_str();
    let target = Target::from_args(args, &old)?;
    let who = format!("{kind} {principal}");
    let declared_set = repo.org.sso.as_ref().is_some_and(|sso| sso.permission_set.keys().any(|k| k.get_ref() == set));
    if add && !declared_set {
        let what = if repo.org.sso.is_none() { "has no [sso]".to_string() } else { format!("declares no permission set {set}") };
        return Err(Error::refused(
            format!("miyabi-org.toml {what}: `{command}` only assigns a permission set the repo declares"),
            format!("declare [sso.permission_set.\"{set}\"] first (its policies and session duration), then run this again"),
        ));
    }
    if add {
        check_target_offline(&repo, &target)?;
    }

    let grant = SsoGrant {
        principal_key: if kind == PrincipalKind::Group { "group" } else { "user" },
        principal,
        permission_set: set,
        target_key: target.key,
        spellings: &target.spellings,
    };
    let mut edit = Edit::new(&repo.org_source.text);
    let summary = if add {
        match edit.assign_sso(&grant) {
            Assigned::Already(_) => format!("{who} already gets {set} in {}", target.rule),
            Assigned::Extended(_) => format!("Adding {} to the [[sso.assignment]] of {who} with {set}", target.rule),
            Assigned::Appended(_) => format!("Adding an [[sso.assignment]]: {who} gets {set} in {}", target.rule),
        }
    } else {
        let outcome = edit.unassign_sso(&grant);
        if outcome.edited.is_empty() {
            return Err(Error::refused(
                format!("no [[sso.assignment]] gives {who} permission set {set} in {}", target.rule),
                format!(
                    "`miyabi-org sso list --principal {principal}` shows where it can enter and the rules that give it (a grant through an account template's `sso = [...]` is removed in the template)"
                ),
            ));
        }
        let (edited, dropped) = (outcome.edited.len(), outcome.dropped.len());
        let rules = if edited == 1 { "the [[sso.assignment]]".to_string() } else { format!("{edited} [[sso.assignment]] rules") };
        let dropped = match dropped {
            0 => String::new(),
            1 if edited == 1 => ", which is left with no target and goes".to_string(),
            n => format!(", {n} of them left with no target and removed"),
        };
        format!("Removing {} from {rules} of {who} with {set}{dropped}", target.rule)
    };
    let changes = Changes::from([(PathBuf::from(config::REPO_FILE), edit.to_string())]);
    let settled = repo.says_already(&changes);
    let next = config::load_with(&repo.root, &changes).map_err(Error::Problems)?;
    crate::validate::validate(&next).into_result().map_err(Error::Problems)?;
    if !args.dry_run {
        session.require_attended()?;
    }
    let new = Desired::from_repo(&next);

    // Read the principals of the repo that names this one: after an unassign it may be named
    // nowhere, and its grants must still be read to be removed. The repo on disk is the one
    // checked against the identity store, so that a problem points at a line that is there.
    let scope = BTreeSet::from([Scope::Sso]);
    let read = if add { &new } else { &old };
    let observed = session.observe_detail(Some(&repo), read, &scope, &|_| false, &|_| false, SsoReadOptions::default()).await?;
    let live = observed.snapshot.sso.as_ref().expect("read with [sso]");
    if add {
        if live.principals.iter().any(|p| p.kind == kind && p.name == principal && p.id.is_none()) {
            let key = if kind == PrincipalKind::Group { "DisplayName" } else { "UserName" };
            return Err(Error::refused(
                format!("the identity store has no {kind} with {key} `{principal}`; nothing was changed"),
                format!("create the {kind} in IAM Identity Center (or your identity provider, then sync it), or correct the name"),
            ));
        }
        check_target_live(&new, &observed, &target)?;
    }
    if !settled {
        printer.note(&format!("{summary}."));
    }
    let ours = |g: &&Grant| g.principal.kind == kind && g.principal.name == principal && g.permission_set == set;
    let by_target = |desired: &Desired| -> Vec<Grant> {
        let origins = target.origins();
        let grants = desired.sso.as_ref().map(|sso| declared_grants(sso, &desired.accounts, &observed.snapshot, live, false));
        grants.unwrap_or_default().iter().filter(ours).filter(|g| g.from.iter().any(|f| origins.contains(f))).cloned().collect()
    };
    let (reached, before) = if add { (by_target(&new), &old) } else { (by_target(&old), &new) };
    let accounts: BTreeSet<String> = reached.iter().map(|g| g.account.clone()).collect();
    // What other rules give in those accounts: the grant was there already (assign), or stays (unassign).
    let others: Vec<Grant> = before
        .sso
        .as_ref()
        .map(|sso| declared_grants(sso, &before.accounts, &observed.snapshot, live, false))
        .unwrap_or_default()
        .iter()
        .filter(ours)
        .filter(|g| accounts.contains(&g.account))
        .cloned()
        .collect();
    if !settled && !others.is_empty() {
        let names: Vec<String> = others.iter().map(|g| g.account.clone()).collect();
        let mut origins: Vec<String> = others.iter().flat_map(|g| g.from.clone()).collect();
        origins.sort();
        origins.dedup();
        let verb = if add { "already gets" } else { "keeps" };
        printer.note(&format!("{who} {verb} {set} in {} (from {}).", some_accounts(&names), origins.join(", ")));
    }

    let mut plan = plan::create_plan(&new, &observed.snapshot, &scope)?;
    plan.limit_to_grants(kind, principal, set, &accounts);
    if settled && !plan.is_empty() {
        printer.note(&format!("{summary}; the organization still lacks some of it:"));
    }
    let when_empty = if settled {
        format!("{summary}; nothing to change.")
    } else {
        "miyabi-org.toml is updated; nothing to change in AWS.".to_string()
    };
    if args.dry_run {
        if printer.format == OutputFormat::Json {
            printer.json(&DryRun { dry_run: true, repo_changed: !settled, plan: &plan, stats: session.stats(&observed.aws) })?;
        } else if settled && plan.is_empty() {
            printer.out(&when_empty)?;
        } else {
            printer.out(&printer.paint_plan(&plan::render_text(&plan)))?;
            printer.note("Dry run: nothing was changed, in AWS or in the repo.");
        }
        session.report_stats(&observed.aws);
        return Ok(ExitStatus::Success);
    }
    let write_repo = || write_changes(&repo.root, &changes);
    execute(session, &next, &new, &observed, &plan, Some(&when_empty), &write_repo).await
}
