//! Checks of `[sso]`: permission sets, their policies, and assignment rules, offline before the
//! first AWS call; and, once the identity store has been asked, the principals it does not know.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path};

use toml::Spanned;

use super::{Checker, at, is_account_id, is_region};
use crate::access::{Principal, duration_minutes};
use crate::config::Repo;
use crate::config::schema::{AssignmentSection, PermissionSetSection, PolicyReference, SsoSection};
use crate::diagnostic::{Location, Problem, Problems};
use crate::model::accounts::desired_accounts;

/// Identity Center's limits on a permission set.
const NAME_MAX: usize = 32;
const DESCRIPTION_MAX: usize = 700;
const RELAY_STATE_MAX: usize = 240;
/// Session durations AWS allows, in minutes: PT1H to PT12H.
const SESSION_MINUTES: std::ops::RangeInclusive<u32> = 60..=720;
/// IAM's limits on a policy's name and path.
const POLICY_NAME_MAX: usize = 128;
const POLICY_PATH_MAX: usize = 512;

const ARN_HELP: &str = "write an AWS-managed policy as arn:aws:iam::aws:policy/NAME; give a customer-managed policy by name in customer_managed_policies = [{ name = \"NAME\", path = \"/\" }]";
const NAME_CHARS: &str = "letters, digits and + = , . @ _ -";

impl Checker<'_> {
    /// `[sso]`, and the labels account templates list in `sso = [...]`.
    pub(super) fn sso(&mut self) {
        let sso = self.repo.org.sso.as_ref();
        if let Some(sso) = sso {
            self.sso_instance(sso);
            self.permission_sets(sso);
            self.assignments(sso);
        }
        self.template_labels(sso);
    }

    fn sso_instance(&mut self, sso: &SsoSection) {
        let source = &self.repo.org_source;
        if let Some(arn) = &sso.instance_arn
            && !is_instance_arn(arn.get_ref())
        {
            self.push(
                at(source, arn),
                format!("`{}` is not an IAM Identity Center instance ARN", arn.get_ref()),
                "use the InstanceArn that `aws sso-admin list-instances` prints, like arn:aws:sso:::instance/ssoins-0123456789abcdef, or remove the key to have the tool find it",
            );
        }
        if let Some(region) = &sso.region
            && !is_region(region.get_ref())
        {
            self.push(
                at(source, region),
                format!("`{}` is not an AWS region", region.get_ref()),
                "use the region code of your Identity Center instance, such as us-east-1, or remove the key to use [organization] home_region",
            );
        }
    }

    /// Every `[sso.permission_set."Name"]`, in the order of the file.
    fn permission_sets(&mut self, sso: &SsoSection) {
        let source = &self.repo.org_source;
        let mut sets: Vec<(&Spanned<String>, &PermissionSetSection)> = sso.permission_set.iter().collect();
        sets.sort_by_key(|(name, _)| name.span().start);
        let mut by_lower_case: BTreeMap<String, &Spanned<String>> = BTreeMap::new();
        let mut inline_checked = BTreeSet::new();
        for (name, set) in sets {
            self.permission_set_name(name);
            match by_lower_case.get(&name.get_ref().to_lowercase()) {
                Some(first) => {
                    let line = at(source, *first).line.map_or_else(String::new, |l| format!(" (line {})", l.number));
                    self.push(
                        at(source, name),
                        format!(
                            "permission sets `{}`{line} and `{}` differ only in case: AWS takes them for the same name",
                            first.get_ref(),
                            name.get_ref()
                        ),
                        "rename one of them, or merge them into one [sso.permission_set]: Identity Center names are case-insensitive",
                    );
                }
                None => {
                    by_lower_case.insert(name.get_ref().to_lowercase(), name);
                }
            }
            self.permission_set(name, set, &mut inline_checked);
        }
    }

    fn permission_set_name(&mut self, name: &Spanned<String>) {
        let n = name.get_ref();
        let location = at(&self.repo.org_source, name);
        let suggestion: String = n.chars().filter(|&c| is_name_char(c)).take(NAME_MAX).collect();
        let such_as = if suggestion.is_empty() { String::new() } else { format!(", such as `{suggestion}`") };
        if n.is_empty() {
            self.push(location, "a permission set has an empty name", format!("name it with 1-{NAME_MAX} {NAME_CHARS}"));
        } else if n.chars().any(|c| !is_name_char(c)) {
            self.push(
                location,
                format!("permission set name `{n}` has characters AWS does not allow"),
                format!("use only {NAME_CHARS}{such_as}"),
            );
        } else if n.len() > NAME_MAX {
            self.push(
                location,
                format!("permission set name `{n}` is {} characters, over the limit of {NAME_MAX}", n.len()),
                format!("shorten it to {NAME_MAX} characters{such_as}"),
            );
        }
    }

    fn permission_set(&mut self, name: &Spanned<String>, set: &PermissionSetSection, inline_checked: &mut BTreeSet<String>) {
        let repo = self.repo;
        let source = &repo.org_source;
        let what = format!("permission set {}", name.get_ref());

        if let Some(description) = &set.description {
            let text = description.get_ref();
            let count = text.chars().count();
            if count == 0 {
                self.push(
                    at(source, description),
                    format!("{what} has an empty description"),
                    "describe who it is for, or remove the key to get the default, which names the entry",
                );
            } else if count > DESCRIPTION_MAX {
                self.push(
                    at(source, description),
                    format!("the description of {what} is {count} characters, over the limit of {DESCRIPTION_MAX}"),
                    format!("shorten it to {DESCRIPTION_MAX} characters"),
                );
            } else if let Some(c) = text.chars().find(|&c| !is_description_char(c)) {
                self.push(
                    at(source, description),
                    format!("the description of {what} has `{c}`, which AWS does not allow in one"),
                    "use printable Latin-1 characters only: letters of Western European languages, digits, punctuation, tabs and newlines",
                );
            }
        }
        if let Some(duration) = &set.session_duration {
            let d = duration.get_ref();
            match duration_minutes(d) {
                None => self.push(
                    at(source, duration),
                    format!("{what} has a session_duration of `{d}`, which is not an ISO-8601 duration"),
                    "write hours and minutes as PT4H, PT90M or PT1H30M, from PT1H to PT12H",
                ),
                Some(minutes) if !SESSION_MINUTES.contains(&minutes) => self.push(
                    at(source, duration),
                    format!("{what} has a session_duration of `{d}` ({minutes} minutes), outside the PT1H to PT12H AWS allows"),
                    "use a duration from PT1H to PT12H",
                ),
                Some(_) => {}
            }
        }
        if let Some(relay_state) = &set.relay_state {
            let count = relay_state.get_ref().chars().count();
            if count == 0 {
                self.push(
                    at(source, relay_state),
                    format!("{what} has an empty relay_state"),
                    "give the URL users land on in the console, or remove the key",
                );
            } else if count > RELAY_STATE_MAX {
                self.push(
                    at(source, relay_state),
                    format!("the relay_state of {what} is {count} characters, over the limit of {RELAY_STATE_MAX}"),
                    format!("use a URL of at most {RELAY_STATE_MAX} characters"),
                );
            }
        }

        let mut managed = BTreeSet::new();
        for arn in &set.managed_policies {
            let a = arn.get_ref();
            if !is_policy_arn(a) {
                self.push(at(source, arn), format!("{what} lists `{a}`, which is not an IAM policy ARN"), ARN_HELP);
            }
            if !managed.insert(a.as_str()) {
                self.push(at(source, arn), format!("{what} lists managed policy {a} twice"), "remove the duplicate");
            }
        }
        let mut customer_managed = BTreeSet::new();
        for reference in &set.customer_managed_policies {
            let location = at(source, reference);
            let r = reference.get_ref();
            self.policy_reference(location.clone(), &format!("a customer-managed policy of {what}"), r);
            if let Some(policy) = &r.name
                && !customer_managed.insert((r.path.as_str(), policy.as_str()))
            {
                self.push(location, format!("{what} lists customer-managed policy {}{policy} twice", r.path), "remove the duplicate");
            }
        }
        let max = self.limits().sso_managed_policies;
        let count = managed.len() + customer_managed.len();
        if max > 0 && count > max {
            self.push(
                at(source, name),
                format!("{what} has {count} managed and customer-managed policies, over the limit of {max}"),
                "merge policies, move statements into its inline_policy, or raise [limits] sso_managed_policies if AWS raised your quota",
            );
        }

        if let Some(path) = &set.inline_policy {
            self.inline_policy(&what, path, inline_checked);
        }

        if let Some(boundary) = &set.permissions_boundary {
            let location = at(source, boundary);
            let b = boundary.get_ref();
            match (&b.managed, &b.customer_managed) {
                (Some(_), Some(_)) => self.push(
                    location,
                    format!("the permissions_boundary of {what} has both managed and customer_managed"),
                    "keep one of them: a permission set has one permissions boundary",
                ),
                (None, None) => self.push(
                    location,
                    format!("the permissions_boundary of {what} names no policy"),
                    "set managed = \"arn:aws:iam::aws:policy/NAME\" or customer_managed = { name = \"NAME\", path = \"/\" }, or remove the key",
                ),
                (Some(arn), None) => {
                    if !is_policy_arn(arn) {
                        self.push(location, format!("the permissions_boundary of {what}, `{arn}`, is not an IAM policy ARN"), ARN_HELP);
                    }
                }
                (None, Some(reference)) => {
                    self.policy_reference(location, &format!("the customer-managed permissions_boundary of {what}"), reference)
                }
            }
        }
    }

    /// A customer-managed policy by name and path; `what` says whose it is.
    fn policy_reference(&mut self, location: Location, what: &str, reference: &PolicyReference) {
        match &reference.name {
            None => self.push(
                location.clone(),
                format!("{what} has no name"),
                "add name = \"NAME\": the name the IAM policy has in every account the permission set reaches",
            ),
            Some(name) if !is_policy_name(name) => self.push(
                location.clone(),
                format!("{what} is named `{name}`, which is not an IAM policy name"),
                format!("use 1-{POLICY_NAME_MAX} {NAME_CHARS}"),
            ),
            Some(_) => {}
        }
        if !is_iam_path(&reference.path) {
            self.push(
                location,
                format!("{what} has the path `{}`, which does not start and end with /", reference.path),
                "write the IAM path as / (the default) or like /platform/",
            );
        }
    }

    /// The inline policy's file: in the repo, readable, a JSON policy within the size limit.
    /// A file named by several permission sets is checked once.
    fn inline_policy(&mut self, what: &str, path: &Spanned<String>, checked: &mut BTreeSet<String>) {
        let repo = self.repo;
        let p = path.get_ref();
        let location = at(&repo.org_source, path);
        if p.is_empty() {
            self.push(
                location,
                format!("{what} has an empty inline_policy"),
                "give the path of its JSON file from the repo root, or remove the key",
            );
            return;
        }
        let relative = Path::new(p);
        if relative.is_absolute() || relative.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir)) {
            self.push(
                location,
                format!("{what} has inline_policy `{p}`, which is outside the repo"),
                "keep the file in the repo, such as policies/sso/NAME.json, and give its path from the repo root",
            );
            return;
        }
        let Some(Some(source)) = repo.sso_policies.get(p) else {
            self.push(
                location,
                format!("{what} has inline_policy `{p}`, which cannot be read"),
                "create the file, an IAM policy in JSON (the path is from the repo root), or correct the path",
            );
            return;
        };
        if !checked.insert(p.clone()) {
            return;
        }
        let Some(document) = crate::config::parse_json(source, &mut self.problems) else { return };
        self.statement_grammar(source, &document);
        let max = self.limits().sso_inline_policy_max_chars;
        let size = document.to_string().chars().count();
        if max > 0 && size > max {
            self.push(
                source.whole(),
                format!("inline policy {p} is {size} characters when minified, over the limit of {max}"),
                "move statements into a customer-managed policy, or raise [limits] sso_inline_policy_max_chars if AWS raised your quota",
            );
        }
    }

    /// Every `[[sso.assignment]]`: one principal, a declared permission set, targets the repo knows.
    fn assignments(&mut self, sso: &SsoSection) {
        let repo = self.repo;
        let source = &repo.org_source;
        let mut accounts: BTreeSet<String> = repo.org.account.keys().map(|k| k.get_ref().clone()).collect();
        accounts.extend(desired_accounts(repo).into_iter().map(|a| a.name));
        let ous: BTreeSet<&str> = repo.org.ou.keys().map(|k| k.get_ref().as_str()).collect();
        let tiers: Vec<&str> = repo.org.tenancy.iter().flat_map(|t| t.tier.keys()).map(|k| k.get_ref().as_str()).collect();
        let customers: BTreeSet<&str> = repo.tenants.tenant.iter().map(|t| t.customer.get_ref().as_str()).collect();
        let template_labels: BTreeSet<&str> =
            repo.templates.iter().flat_map(|t| &t.file.sso).map(|label| label.get_ref().as_str()).collect();
        let sets: Vec<&str> = sso.permission_set.keys().map(|k| k.get_ref().as_str()).collect();
        let mut labels: BTreeMap<&str, &Spanned<String>> = BTreeMap::new();

        for assignment in &sso.assignment {
            let who = describe(assignment);
            if let Some(label) = &assignment.label {
                match labels.get(label.get_ref().as_str()) {
                    Some(first) => {
                        let line = at(source, *first).line.map_or_else(String::new, |l| format!(" (the first at line {})", l.number));
                        self.push(
                            at(source, label),
                            format!("two [[sso.assignment]] have the label `{}`{line}", label.get_ref()),
                            "give each assignment a label of its own: account templates name one in sso = [...]",
                        );
                    }
                    None => {
                        labels.insert(label.get_ref(), label);
                    }
                }
            }

            match (&assignment.group, &assignment.user) {
                (Some(group), Some(user)) => self.push(
                    at(source, user),
                    format!(
                        "{} names both group {} and user {}",
                        if assignment.label.is_some() { who.as_str() } else { "an assignment" },
                        group.get_ref(),
                        user.get_ref()
                    ),
                    "split it into two [[sso.assignment]], one for the group and one for the user",
                ),
                (None, None) => self.push(
                    at(source, &assignment.permission_set),
                    format!("{who} names no group or user"),
                    "add group = \"NAME\" (a group's DisplayName) or user = \"NAME\" (a UserName)",
                ),
                _ => {}
            }
            for (kind, principal) in [("group", &assignment.group), ("user", &assignment.user)] {
                if let Some(principal) = principal
                    && principal.get_ref().trim().is_empty()
                {
                    self.push(
                        at(source, principal),
                        format!("{who} names an empty {kind}"),
                        format!("give the {kind}'s name in the identity store"),
                    );
                }
            }

            let set = assignment.permission_set.get_ref();
            if !sets.contains(&set.as_str()) {
                let help = match sets.iter().find(|s| s.to_lowercase() == set.to_lowercase()) {
                    Some(declared) => format!("write `{declared}`, as [sso.permission_set] names it"),
                    None if sets.is_empty() => format!("add [sso.permission_set.\"{set}\"]"),
                    None => format!("add [sso.permission_set.\"{set}\"], or use one of: {}", sets.join(", ")),
                };
                self.push(
                    at(source, &assignment.permission_set),
                    format!("{who} gives permission set {set}, which is not in [sso.permission_set]"),
                    help,
                );
            }

            let account_help = "use the name of a core account ([account.\"NAME\"]) or of a tenant account as its template names it, or a 12-digit account id";
            for (verb, list) in [("reaches", &assignment.accounts), ("excludes", &assignment.exclude_accounts)] {
                for account in list {
                    let a = account.get_ref();
                    if !is_account_id(a) && !accounts.contains(a) {
                        self.push(
                            at(source, account),
                            format!("{who} {verb} account `{a}`, which the repo does not declare"),
                            account_help,
                        );
                    }
                }
            }
            for ou in &assignment.ous {
                let path = ou.get_ref();
                if !ous.contains(path.as_str()) {
                    self.push(
                        at(source, ou),
                        format!("{who} reaches OU {path}, which is not declared"),
                        format!("add [ou.\"{path}\"] or correct the path"),
                    );
                }
            }
            for tier in &assignment.tiers {
                let t = tier.get_ref();
                if !tiers.contains(&t.as_str()) {
                    let help = if tiers.is_empty() {
                        format!("add [tenancy] with [tenancy.tier.{t}], or remove the tier")
                    } else {
                        format!("use one of the tiers in [tenancy.tier]: {}", tiers.join(", "))
                    };
                    self.push(at(source, tier), format!("{who} reaches tier {t}, which is not declared"), help);
                }
            }
            for customer in &assignment.customers {
                let c = customer.get_ref();
                if !customers.contains(c.as_str()) {
                    self.push(
                        at(source, customer),
                        format!("{who} reaches customer {c}, who is not registered in tenants.toml"),
                        format!("place the customer first with `miyabi-org account create --customer {c}`, or correct the id"),
                    );
                }
            }

            let label = assignment.label.as_ref().map(|l| l.get_ref().as_str());
            let listed = label.is_some_and(|l| template_labels.contains(l));
            let targets = [&assignment.accounts, &assignment.ous, &assignment.tiers, &assignment.customers];
            if !listed && targets.iter().all(|list| list.is_empty()) {
                let location = assignment.label.as_ref().map_or_else(|| at(source, &assignment.permission_set), |l| at(source, l));
                let (message, help) = match label {
                    Some(l) => (
                        format!(
                            "{who} reaches no account: it has no accounts, ous, tiers or customers, and no account template lists `{l}` in sso = [...]"
                        ),
                        format!("add accounts, ous, tiers or customers, or sso = [\"{l}\"] to the account templates it is for"),
                    ),
                    None => (
                        format!("{who} reaches no account: it has no accounts, ous, tiers or customers"),
                        "add accounts, ous, tiers or customers, or a label that account templates list in sso = [...]".to_string(),
                    ),
                };
                self.push(location, message, help);
            }
        }
    }

    /// An account template's `sso = [...]` names assignments by label.
    fn template_labels(&mut self, sso: Option<&SsoSection>) {
        let labels: Vec<&str> =
            sso.iter().flat_map(|s| &s.assignment).filter_map(|a| a.label.as_ref()).map(|l| l.get_ref().as_str()).collect();
        for template in &self.repo.templates {
            for label in &template.file.sso {
                let l = label.get_ref();
                if labels.contains(&l.as_str()) {
                    continue;
                }
                let help = if labels.is_empty() {
                    format!("add a [[sso.assignment]] with label = \"{l}\" to miyabi-org.toml, or remove it from sso = [...]")
                } else {
                    format!("add label = \"{l}\" to the [[sso.assignment]] it means, or use one of: {}", labels.join(", "))
                };
                self.push(
                    at(&template.source, label),
                    format!("template {} lists `{l}` in sso = [...], but no [[sso.assignment]] has that label", template.name),
                    help,
                );
            }
        }
    }
}

/// How messages name an assignment: by its label, else by its principal.
fn describe(assignment: &AssignmentSection) -> String {
    if let Some(label) = &assignment.label {
        return format!("assignment {}", label.get_ref());
    }
    let named = |name: &Option<Spanned<String>>| name.as_ref().map(|n| n.get_ref().trim()).filter(|n| !n.is_empty()).map(str::to_string);
    match (named(&assignment.group), named(&assignment.user)) {
        (Some(group), _) => format!("the assignment of group {group}"),
        (None, Some(user)) => format!("the assignment of user {user}"),
        (None, None) => format!("the assignment of permission set {}", assignment.permission_set.get_ref()),
    }
}

/// `[\w+=,.@-]`: the characters of permission set and IAM policy names.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_+=,.@-".contains(c)
}

/// `[\w+=,.@-]{1,32}`
pub fn is_permission_set_name(name: &str) -> bool {
    (1..=NAME_MAX).contains(&name.len()) && name.chars().all(is_name_char)
}

/// `[\w+=,.@-]{1,128}`
fn is_policy_name(name: &str) -> bool {
    (1..=POLICY_NAME_MAX).contains(&name.len()) && name.chars().all(is_name_char)
}

/// `/` or `/a/b/`: starts and ends with a slash, printable ASCII between.
fn is_iam_path(path: &str) -> bool {
    path.len() <= POLICY_PATH_MAX && path.starts_with('/') && path.ends_with('/') && path.chars().all(|c| c.is_ascii_graphic())
}

/// `[\t\n\r\x20-\x7E\xA1-\xFF]`: what AWS takes in a permission set's description.
fn is_description_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a1}'..='\u{ff}')
}

/// What follows `arn:aws[-a-z]*:SERVICE:`.
fn arn_after_service<'t>(arn: &'t str, service: &str) -> Option<&'t str> {
    let (partition, rest) = arn.strip_prefix("arn:aws")?.split_once(':')?;
    partition.chars().all(|c| c.is_ascii_lowercase() || c == '-').then_some(())?;
    rest.strip_prefix(service)?.strip_prefix(':')
}

/// `arn:aws[-a-z]*:iam::(aws|\d{12}):policy/[path/]NAME`
pub fn is_policy_arn(arn: &str) -> bool {
    let Some((account, resource)) =
        arn_after_service(arn, "iam").and_then(|rest| rest.strip_prefix(':')).and_then(|rest| rest.split_once(':'))
    else {
        return false;
    };
    let name = resource.strip_prefix("policy/").unwrap_or("");
    (account == "aws" || is_account_id(account))
        && !name.is_empty()
        && !name.starts_with('/')
        && !name.ends_with('/')
        && name.chars().all(|c| c.is_ascii_graphic())
}

/// `arn:aws[-a-z]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}`
pub fn is_instance_arn(arn: &str) -> bool {
    let Some(id) = arn_after_service(arn, "sso").and_then(|rest| rest.strip_prefix("::instance/")) else { return false };
    let Some(id) = id.strip_prefix("ssoins-").or_else(|| id.strip_prefix("ins-")) else { return false };
    id.len() == 16 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// The declared groups and users the identity store does not know, each at every line naming it:
/// found online, still before any write.
pub fn unknown_principals(repo: &Repo, resolved: &[Principal]) -> Problems {
    let mut problems = Problems::default();
    let Some(sso) = &repo.org.sso else { return problems };
    for principal in resolved.iter().filter(|p| p.id.is_none()) {
        for rule in &sso.assignment {
            let named = match principal.kind {
                crate::access::PrincipalKind::Group => &rule.group,
                crate::access::PrincipalKind::User => &rule.user,
            };
            if let Some(name) = named.as_ref().filter(|n| n.get_ref() == &principal.name) {
                let key = if principal.kind == crate::access::PrincipalKind::Group { "DisplayName" } else { "UserName" };
                problems.push(Problem::new(
                    Some(at(&repo.org_source, name)),
                    format!("the identity store has no {} with {key} `{}`", principal.kind, principal.name),
                    format!(
                        "create the {} in IAM Identity Center (or your identity provider, then sync it), or correct the name",
                        principal.kind
                    ),
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::diagnostic::Problems;

    #[test]
    fn names_arns_and_paths() {
        let names = [
            ("PlatformAdmin", true),
            ("a", true),
            ("Read_Only+=,.@-1", true),
            (&"x".repeat(32), true),
            (&"x".repeat(33), false),
            ("", false),
            ("Platform Admin!", false),
            ("管理者", false),
        ];
        for (name, valid) in names {
            assert_eq!(is_permission_set_name(name), valid, "{name:?}");
        }
        let arns = [
            ("arn:aws:iam::aws:policy/AdministratorAccess", true),
            ("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", true),
            ("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess", true),
            ("arn:aws-cn:iam::111122223333:policy/team/ops", true),
            ("arn:aws:iam::aws:policy/", false),
            ("arn:aws:iam::aws:policy/team/", false),
            ("arn:aws:iam::aws:role/Admin", false),
            ("arn:aws:iam::12345:policy/x", false),
            ("arn:aws:iam:us-east-1:aws:policy/x", false),
            ("arn:aws:s3:::aws:policy/x", false),
            ("arn:AWS:iam::aws:policy/x", false),
            ("AdministratorAccess", false),
            ("arn:aws:iam::aws:policy/Admin Access", false),
        ];
        for (arn, valid) in arns {
            assert_eq!(is_policy_arn(arn), valid, "{arn}");
        }
        let instances = [
            ("arn:aws:sso:::instance/ssoins-0123456789abcdef", true),
            ("arn:aws:sso:::instance/ins-0123456789abcdef", true),
            ("arn:aws-us-gov:sso:::instance/ssoins-0123-567.9abcdef", true),
            ("arn:aws:sso:::instance/ssoins-0123456789abcde", false),
            ("arn:aws:sso:::instance/ssoins-0123456789abcdef0", false),
            ("arn:aws:sso:us-east-1::instance/ssoins-0123456789abcdef", false),
            ("arn:aws:sso:::instance/ssoins_0123456789abcdef", false),
            ("arn:aws:sso:::permissionSet/ssoins-0123456789abcdef", false),
            ("ssoins-0123456789abcdef", false),
        ];
        for (arn, valid) in instances {
            assert_eq!(is_instance_arn(arn), valid, "{arn}");
        }
        assert!(is_iam_path("/") && is_iam_path("/platform/") && is_iam_path("/a/b/"));
        assert!(!is_iam_path("platform/") && !is_iam_path("/platform") && !is_iam_path("") && !is_iam_path("/a b/"));
        assert!(is_policy_name("miyabi-operator") && !is_policy_name("miyabi operator") && !is_policy_name(""));
        assert!("Accès complet\tété\n".chars().all(is_description_char));
        assert!(!is_description_char('管') && !is_description_char('\u{7f}') && !is_description_char('—'));
    }

    /// The section of the README's example (a permission set of every kind of policy, an
    /// assignment by every kind of target), with a second set, and assignments by id, name and label.
    const VALID_SSO: &str = r#"
[sso]
instance_arn = "arn:aws:sso:::instance/ssoins-0123456789abcdef"
region = "us-east-1"
[sso.permission_set."PlatformAdmin"]
description = "Full access for the platform team"
session_duration = "PT4H"
relay_state = "https://console.aws.amazon.com/"
managed_policies = ["arn:aws:iam::aws:policy/AdministratorAccess"]
customer_managed_policies = [{ name = "miyabi-operator", path = "/" }]
inline_policy = "policies/sso/platform-admin.json"
permissions_boundary = { customer_managed = { name = "miyabi-boundary", path = "/" } }
[sso.permission_set."ReadOnly"]
permissions_boundary = { managed = "arn:aws:iam::aws:policy/ReadOnlyAccess" }
managed_policies = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
[[sso.assignment]]
label = "pool-admins"
group = "PlatformAdmins"
permission_set = "PlatformAdmin"
accounts = ["Miyabi Security"]
ous = ["Workloads"]
tiers = ["pool"]
customers = ["ACME"]
exclude_accounts = ["Pool-7"]
[[sso.assignment]]
label = "break-glass"
user = "alice@miyabi.io"
permission_set = "PlatformAdmin"
accounts = ["111122223333", "Pool-1", "Silo-Globex"]
[[sso.assignment]]
label = "pool-readers"
user = "alice@miyabi.io"
permission_set = "ReadOnly"
"#;

    const INLINE_POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [{"Sid": "Logs", "Effect": "Allow", "Action": "logs:*", "Resource": "*"}]
}
"#;

    /// Pools 1 to 7, ACME in the first, and Globex in a silo.
    fn tenants() -> String {
        let pools: String = (1..=7).map(|n| format!("[[pool]]\ntier = \"pool\"\nnumber = {n}\n")).collect();
        let silo = "[[pool]]\ntier = \"silo\"\nnumber = 1\n[[tenant]]\ncustomer = \"Globex\"\ntier = \"silo\"\npool = 1\n";
        format!("{pools}{silo}[[tenant]]\ncustomer = \"ACME\"\ntier = \"pool\"\npool = 1\n")
    }

    /// This repository's example org in a directory of its own, with edits to its files (a path,
    /// a text to replace, or "" to append, and the new text), loaded and validated.
    fn validate_example(edits: &[(&str, &str, &str)]) -> Problems {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        let mut files = vec![root.join("miyabi-org.toml"), root.join("tenants.toml")];
        for sub in ["policies/scp", "policies/rcp", "policies/tag", "policies/ai-opt-out", "policies/iam", "account-templates"] {
            files.extend(std::fs::read_dir(root.join(sub)).unwrap().map(|entry| entry.unwrap().path()));
        }
        for file in files {
            let target = dir.path().join(file.strip_prefix(root).unwrap());
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(&file, target).unwrap();
        }
        for (file, from, to) in edits {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let before = std::fs::read_to_string(&path).unwrap_or_default();
            let after = if from.is_empty() { format!("{before}{to}") } else { before.replacen(from, to, 1) };
            assert_ne!(before, after, "{file}: no {from:?}");
            std::fs::write(path, after).unwrap();
        }
        let repo = crate::config::load(dir.path()).unwrap_or_else(|problems| panic!("the example does not load:\n{problems}"));
        super::super::validate(&repo)
    }

    fn messages(problems: &Problems) -> Vec<&str> {
        problems.0.iter().map(|p| p.message.as_str()).collect()
    }

    fn valid_sso(extra: &str) -> Problems {
        validate_example(&[
            ("miyabi-org.toml", "", &format!("{VALID_SSO}{extra}")),
            ("policies/sso/platform-admin.json", "", INLINE_POLICY),
            ("tenants.toml", "", &tenants()),
            ("account-templates/pool.toml", "scps = []\n", "scps = []\nsso = [\"pool-readers\"]\n"),
        ])
    }

    #[test]
    fn the_example_and_a_valid_sso_section_have_no_problem() {
        assert_eq!(validate_example(&[]), Problems::default());
        assert_eq!(valid_sso(""), Problems::default());
    }

    /// Each line of `[sso]` broken, as text to append to the valid section: the messages, in order.
    #[test]
    fn each_problem_of_sso_is_found() {
        let cases: &[(&str, &[&str])] = &[
            (
                "[sso.permission_set.\"platformadmin\"]\n",
                &["permission sets `PlatformAdmin` (line 139) and `platformadmin` differ only in case: AWS takes them for the same name"],
            ),
            ("[sso.permission_set.\"Platform Admin!\"]\n", &["permission set name `Platform Admin!` has characters AWS does not allow"]),
            (
                &format!("[sso.permission_set.\"{}\"]\n", "P".repeat(33)),
                &["permission set name `PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP` is 33 characters, over the limit of 32"],
            ),
            (
                "[sso.permission_set.\"X\"]\nsession_duration = \"4h\"\n",
                &["permission set X has a session_duration of `4h`, which is not an ISO-8601 duration"],
            ),
            (
                "[sso.permission_set.\"X\"]\nsession_duration = \"PT30M\"\n",
                &["permission set X has a session_duration of `PT30M` (30 minutes), outside the PT1H to PT12H AWS allows"],
            ),
            (
                "[sso.permission_set.\"X\"]\nsession_duration = \"PT12H1M\"\n",
                &["permission set X has a session_duration of `PT12H1M` (721 minutes), outside the PT1H to PT12H AWS allows"],
            ),
            ("[sso.permission_set.\"X\"]\ndescription = \"\"\n", &["permission set X has an empty description"]),
            (
                "[sso.permission_set.\"X\"]\ndescription = \"プラットフォーム\"\n",
                &["the description of permission set X has `プ`, which AWS does not allow in one"],
            ),
            (
                &format!("[sso.permission_set.\"X\"]\ndescription = \"{}\"\n", "d".repeat(701)),
                &["the description of permission set X is 701 characters, over the limit of 700"],
            ),
            (
                &format!("[sso.permission_set.\"X\"]\nrelay_state = \"https://{}\"\n", "r".repeat(240)),
                &["the relay_state of permission set X is 248 characters, over the limit of 240"],
            ),
            (
                "[sso.permission_set.\"X\"]\ninline_policy = \"/etc/passwd\"\n",
                &["permission set X has inline_policy `/etc/passwd`, which is outside the repo"],
            ),
            (
                "[sso.permission_set.\"X\"]\ninline_policy = \"../x.json\"\n",
                &["permission set X has inline_policy `../x.json`, which is outside the repo"],
            ),
            // Named twice, checked once.
            ("[sso.permission_set.\"X\"]\ninline_policy = \"policies/sso/platform-admin.json\"\n", &[]),
            (
                "[sso.permission_set.\"X\"]\nmanaged_policies = [\"arn:aws:iam::aws:policy/A\", \"arn:aws:iam::aws:policy/A\"]\ncustomer_managed_policies = [{ name = \"a\" }, { name = \"a\", path = \"/\" }]\n",
                &[
                    "permission set X lists managed policy arn:aws:iam::aws:policy/A twice",
                    "permission set X lists customer-managed policy /a twice",
                ],
            ),
            (
                "[sso.permission_set.\"X\"]\ncustomer_managed_policies = [{ path = \"/\" }, { name = \"bad name\", path = \"x\" }]\n",
                &[
                    "a customer-managed policy of permission set X has no name",
                    "a customer-managed policy of permission set X is named `bad name`, which is not an IAM policy name",
                    "a customer-managed policy of permission set X has the path `x`, which does not start and end with /",
                ],
            ),
            (
                "[sso.permission_set.\"X\"]\npermissions_boundary = { managed = \"arn:aws:iam::aws:policy/A\", customer_managed = { name = \"b\" } }\n",
                &["the permissions_boundary of permission set X has both managed and customer_managed"],
            ),
            ("[sso.permission_set.\"X\"]\npermissions_boundary = {}\n", &["the permissions_boundary of permission set X names no policy"]),
            (
                "[sso.permission_set.\"X\"]\npermissions_boundary = { managed = \"ReadOnlyAccess\" }\n",
                &["the permissions_boundary of permission set X, `ReadOnlyAccess`, is not an IAM policy ARN"],
            ),
            (
                "[sso.permission_set.\"X\"]\npermissions_boundary = { customer_managed = { path = \"/ops\" } }\n",
                &[
                    "the customer-managed permissions_boundary of permission set X has no name",
                    "the customer-managed permissions_boundary of permission set X has the path `/ops`, which does not start and end with /",
                ],
            ),
            (
                "[[sso.assignment]]\ngroup = \"\"\npermission_set = \"readonly\"\naccounts = [\"Pool-8\"]\n",
                &[
                    "the assignment of permission set readonly names an empty group",
                    "the assignment of permission set readonly gives permission set readonly, which is not in [sso.permission_set]",
                    "the assignment of permission set readonly reaches account `Pool-8`, which the repo does not declare",
                ],
            ),
            (
                "[[sso.assignment]]\nlabel = \"pool-admins\"\ngroup = \"G\"\npermission_set = \"ReadOnly\"\nous = [\"Sandbox\"]\n",
                &["two [[sso.assignment]] have the label `pool-admins` (the first at line 151)"],
            ),
            (
                "[[sso.assignment]]\ngroup = \"G\"\npermission_set = \"ReadOnly\"\n",
                &["the assignment of group G reaches no account: it has no accounts, ous, tiers or customers"],
            ),
        ];
        let mut failures = Vec::new();
        for (extra, expected) in cases {
            let problems = valid_sso(extra);
            let messages = messages(&problems);
            if messages != *expected {
                failures.push(format!("{extra}=> {messages:#?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn template_labels_need_an_assignment_and_the_sso_limits_a_value() {
        let problems = validate_example(&[("account-templates/pool.toml", "scps = []\n", "scps = []\nsso = [\"pool-admins\"]\n")]);
        assert_eq!(messages(&problems), ["template pool lists `pool-admins` in sso = [...], but no [[sso.assignment]] has that label"]);
        let limits = "close_account_percent = 10";
        let zero = "close_account_percent = 10\nsso_assignments_in_flight = 0\nsso_managed_policies = 0\nsso_inline_policy_max_chars = 0";
        let problems = validate_example(&[("miyabi-org.toml", limits, zero)]);
        assert_eq!(
            messages(&problems),
            [
                "[limits] sso_assignments_in_flight must be at least 1",
                "[limits] sso_managed_policies must be at least 1",
                "[limits] sso_inline_policy_max_chars must be at least 1"
            ]
        );
    }
}
