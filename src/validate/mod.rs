//! Every check that can run offline (README, "What `validate` checks"), all problems reported together.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use toml::Spanned;

use crate::config::schema::{Limits, TemplateFile};
use crate::config::{Repo, Template};
use crate::diagnostic::{Location, Problem, Problems, SourceFile};
use crate::model::{self, FULL_AWS_ACCESS};
use crate::policy_kind::{PolicyKind, PolicyType, Syntax, TYPES};
use management_syntax::{ManagementType, check_management_policy};
use policy_syntax::{Family, check_iam_policy};

/// Tags the tool adds to every account it creates besides the template's.
const TOOL_TAGS: usize = 1;
const MAX_TAGS: usize = 50;
const TEMPLATE_PLACEHOLDERS: [&str; 4] = ["pool", "customer", "slug", "tier"];

mod management_syntax;
mod policy_syntax;
mod sso;
mod tenancy;
mod workers;

pub use sso::{is_instance_arn, is_permission_set_name, is_policy_arn, unknown_principals};
pub use tenancy::{declared_at, is_account_id, is_customer_id};

pub fn validate(repo: &Repo) -> Problems {
    let mut check = Checker { repo, problems: Problems::default() };
    check.organization();
    check.check_limits();
    check.policies();
    check.targets();
    check.ous();
    for template in &repo.templates {
        check.template(template);
    }
    check.accounts();
    check.tenancy();
    check.rendered_accounts();
    check.sso();
    check.workers();
    check.problems
}

struct Checker<'a> {
    repo: &'a Repo,
    problems: Problems,
}

/// The location of a spanned value in a file; a default value (empty span at 0) has no line.
pub fn at<T>(source: &SourceFile, spanned: &Spanned<T>) -> Location {
    let span = spanned.span();
    if span == (0..0) { source.whole() } else { source.at(span.start) }
}

impl Checker<'_> {
    fn org_source(&self) -> &SourceFile {
        &self.repo.org_source
    }

    fn push(&mut self, location: Location, message: impl Into<String>, help: impl Into<String>) {
        self.problems.push(Problem::new(Some(location), message, help));
    }

    fn limits(&self) -> &Limits {
        &self.repo.org.limits
    }

    fn declared(&self, kind: PolicyKind, name: &str) -> bool {
        self.repo.policies.iter().any(|p| p.kind == kind && p.name == name)
    }

    fn organization(&mut self) {
        let source = self.org_source().clone();
        let org = &self.repo.org.organization;
        if let Some(email) = &org.email {
            let pattern = email.get_ref();
            let sample = model::accounts::render(pattern, &model::accounts::Vars { slug: Some("pool-1".into()), ..Default::default() });
            if !is_email(&sample) || placeholders(pattern).iter().any(|p| p != "slug") {
                self.push(
                    at(&source, email),
                    format!("`{pattern}` is not an email pattern"),
                    "write it as name+{slug}@domain, with {slug} the only placeholder",
                );
            } else if !pattern.contains("{slug}") {
                self.push(
                    at(&source, email),
                    "the email pattern gives every account the same address",
                    "add {slug}, as in aws+{slug}@example.com: AWS requires a unique email per account",
                );
            }
        }
        let role = org.member_role.get_ref();
        if role.is_empty() || role.len() > 64 || !role.chars().all(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c)) {
            self.push(
                at(&source, &org.member_role),
                format!("`{role}` is not an IAM role name"),
                "use the role AWS creates in new accounts, OrganizationAccountAccessRole by default",
            );
        }
        if org.name.get_ref().trim().is_empty() {
            self.push(at(&source, &org.name), "organization name is empty", "set [organization] name to the name of your organization");
        }
        if let Some(id) = &org.id
            && !is_organization_id(id.get_ref())
        {
            self.push(
                at(&source, id),
                format!("`{}` is not an organization id", id.get_ref()),
                "use the id `aws organizations describe-organization` prints, like o-a1b2c3d4e5, or remove the key",
            );
        }
        if !is_region(org.home_region.get_ref()) {
            self.push(
                at(&source, &org.home_region),
                format!("`{}` is not an AWS region", org.home_region.get_ref()),
                "use a region code such as us-east-1",
            );
        }
        for pattern in &org.ignore_policies {
            for doc in self.repo.policies.iter().filter(|doc| model::glob_matches(pattern.get_ref(), &doc.name)) {
                let message =
                    format!("policies/{}/{}.json matches ignore_policies pattern `{}`", doc.kind.dir(), doc.name, pattern.get_ref());
                let location = if pattern.span() == (0..0) { doc.source.whole() } else { at(&source, pattern) };
                self.push(location, message, "ignored policies belong to another system: rename the file or change the pattern");
            }
        }
    }

    fn limits_check(&mut self, key: &str, value: usize) {
        if value == 0 {
            let location = self.org_source().find(key);
            self.push(
                location,
                format!("[limits] {key} must be at least 1"),
                format!("set {key} to the quota AWS gives your organization"),
            );
        }
    }

    fn check_limits(&mut self) {
        let limits = self.limits().clone();
        self.limits_check("scp_max_chars", limits.scp_max_chars);
        self.limits_check("tag_policy_max_chars", limits.tag_policy_max_chars);
        self.limits_check("scps_per_target", limits.scps_per_target);
        self.limits_check("ou_max_depth", limits.ou_max_depth);
        self.limits_check("api_calls_in_flight", limits.api_calls_in_flight);
        self.limits_check("create_account_in_flight", limits.create_account_in_flight);
        self.limits_check("sso_assignments_in_flight", limits.sso_assignments_in_flight);
        self.limits_check("sso_managed_policies", limits.sso_managed_policies);
        self.limits_check("sso_inline_policy_max_chars", limits.sso_inline_policy_max_chars);
        self.limits_check("accounts_in_flight", limits.accounts_in_flight);
        // SCPs (and, for sizes, tag policies) keep the keys they had before the other types came.
        let own_keys = [
            ("max_chars", &limits.max_chars, "scp_max_chars, tag_policy_max_chars"),
            ("per_target", &limits.per_target, "scps_per_target"),
        ];
        for (table, map, legacy) in own_keys {
            let overridable =
                |t: &&PolicyType| t.kind != PolicyKind::ServiceControl && (table == "per_target" || t.kind != PolicyKind::Tag);
            for (key, value) in map {
                let location = at(self.org_source(), key);
                if !TYPES.iter().filter(overridable).any(|t| t.dir == key.get_ref()) {
                    let folders: Vec<&str> = TYPES.iter().filter(overridable).map(|t| t.dir).collect();
                    let help = format!("name a policy type by its folder: {} ({legacy} are keys of their own)", folders.join(", "));
                    self.push(location, format!("[limits] {table} has `{}`, which is not a policy type it sets", key.get_ref()), help);
                } else if *value == 0 {
                    self.push(
                        location,
                        format!("[limits] {table}.{} must be at least 1", key.get_ref()),
                        "set it to the quota AWS gives your organization",
                    );
                }
            }
        }
        if limits.close_account_percent == 0 || limits.close_account_percent > 100 {
            let location = self.org_source().find("close_account_percent");
            self.push(
                location,
                "[limits] close_account_percent must be between 1 and 100",
                "AWS allows closing 10% of member accounts per 30 days",
            );
        }
    }

    fn policies(&mut self) {
        let limits = self.limits().clone();
        for doc in &self.repo.policies {
            let source = &doc.source;
            if let Some(default) = TYPES.iter().filter_map(|t| t.default_policy).find(|d| d.name == doc.name) {
                self.push(
                    source.whole(),
                    format!("{} is the AWS-managed policy and cannot be redefined", default.name),
                    "rename the file: AWS owns that name",
                );
                continue;
            }
            if doc.name.is_empty() || doc.name.len() > 128 || !doc.name.chars().all(|c| c.is_ascii_graphic()) {
                self.push(
                    source.whole(),
                    format!("`{}` is not a valid policy name", doc.name),
                    "name the file with 1-128 printable characters, no spaces",
                );
            }
            let (max, key) = limits.max_chars(doc.kind);
            let size = doc.minified().chars().count();
            if size > max {
                self.push(
                    source.whole(),
                    format!("{} {} is {size} characters when minified, over the limit of {max}", doc.kind, doc.name),
                    format!("split it into two policies, or raise [limits] {key} if AWS raised your quota"),
                );
            }
            match doc.kind.row().syntax {
                Syntax::Iam => {
                    let family = if doc.kind == PolicyKind::ResourceControl { Family::ResourceControl } else { Family::ServiceControl };
                    for problem in check_iam_policy(&source.text, family) {
                        self.push(source.at(problem.offset), problem.message, problem.help);
                    }
                }
                Syntax::Management => {
                    let kind = match doc.kind {
                        PolicyKind::Tag => ManagementType::Tag,
                        PolicyKind::Backup => ManagementType::Backup,
                        PolicyKind::AiOptOut => ManagementType::AiOptOut,
                        PolicyKind::DeclarativeEc2 => ManagementType::DeclarativeEc2,
                        PolicyKind::Chatbot | PolicyKind::ServiceControl | PolicyKind::ResourceControl => ManagementType::Chatbot,
                    };
                    for problem in check_management_policy(&source.text, kind) {
                        self.push(source.at(problem.offset), problem.message, problem.help);
                    }
                }
            }
        }
        for source in &self.repo.iam_policies {
            if let Ok(document) = serde_json::from_str::<Value>(&source.text) {
                self.statement_grammar(source, &document);
            }
        }
        let org_source = self.org_source().clone();
        for (name, section) in &self.repo.org.policy {
            if !PolicyKind::ALL.iter().any(|&kind| self.declared(kind, name.get_ref())) {
                self.push(
                    at(&org_source, name),
                    format!("[policy.\"{}\"] names a policy that has no file", name.get_ref()),
                    format!(
                        "add policies/scp/{0}.json or policies/tag/{0}.json (or in the folder of another type), or remove the section",
                        name.get_ref()
                    ),
                );
            }
            if section.description.get_ref().chars().count() > 512 {
                self.push(at(&org_source, &section.description), "policy description is over 512 characters", "shorten it");
            }
        }
    }

    /// The IAM policy grammar of the repo's IAM policies (drift's role, Identity Center's inline
    /// policies); SCPs and RCPs get `policy_syntax`, with the rules of Organizations: Version, Statement, Effect, Action or NotAction.
    fn statement_grammar(&mut self, source: &SourceFile, document: &Value) {
        let Some(object) = document.as_object() else {
            self.push(
                source.at_line(1, 1),
                "a policy must be a JSON object",
                "write it as {\"Version\": \"2012-10-17\", \"Statement\": [...]}",
            );
            return;
        };
        if object.get("Version").and_then(Value::as_str) != Some("2012-10-17") {
            self.push(source.find("\"Version\""), "policy Version must be \"2012-10-17\"", "set \"Version\": \"2012-10-17\"");
        }
        let statements = match object.get("Statement") {
            Some(Value::Array(list)) => list.iter().collect::<Vec<_>>(),
            Some(statement @ Value::Object(_)) => vec![statement],
            _ => {
                self.push(source.at_line(1, 1), "policy has no Statement", "add \"Statement\": [{\"Effect\": ..., \"Action\": ...}]");
                return;
            }
        };
        if statements.is_empty() {
            self.push(source.find("\"Statement\""), "policy Statement is empty", "add at least one statement");
        }
        for (i, statement) in statements.iter().enumerate() {
            let sid = statement.get("Sid").and_then(Value::as_str);
            let location = sid.map_or_else(|| source.find("\"Statement\""), |sid| source.find(&format!("\"{sid}\"")));
            let which = sid.map_or_else(|| format!("statement {}", i + 1), |sid| format!("statement {sid}"));
            match statement.get("Effect").and_then(Value::as_str) {
                Some("Allow" | "Deny") => {}
                _ => self.push(
                    location.clone(),
                    format!("{which} has no Effect of \"Allow\" or \"Deny\""),
                    "set \"Effect\": \"Deny\" or \"Allow\"",
                ),
            }
            if statement.get("Action").is_none() && statement.get("NotAction").is_none() {
                self.push(
                    location,
                    format!("{which} has neither Action nor NotAction"),
                    "add \"Action\": [...] naming the actions it covers",
                );
            }
        }
    }

    /// The policies attached to the root and each OU.
    fn targets(&mut self) {
        let source = self.org_source().clone();
        let org = &self.repo.org;
        type Target<'r> = (String, Option<&'r Spanned<Vec<Spanned<String>>>>, [(PolicyKind, &'r Vec<Spanned<String>>); 6], bool);
        let mut targets: Vec<Target> = Vec::new();
        if let Some(root) = &org.root {
            targets.push(("[root]".into(), Some(&root.scps), root.other_lists(), !root.detach_full_aws_access));
        }
        for (path, section) in &org.ou {
            targets.push((format!("[ou.\"{}\"]", path.get_ref()), section.scps.as_ref(), section.other_lists(), false));
        }
        for (target, scps, others, keeps_full_access) in targets {
            if let Some(scps) = scps {
                if scps.get_ref().is_empty() {
                    self.push(
                        at(&source, scps),
                        format!("{target} has no SCP: AWS requires at least one on every target"),
                        "list at least \"FullAWSAccess\"",
                    );
                }
                let mut count = self.policy_list(&source, &target, scps.get_ref(), PolicyKind::ServiceControl);
                if keeps_full_access && !scps.get_ref().iter().any(|s| s.get_ref() == FULL_AWS_ACCESS) {
                    count += 1;
                }
                let max = self.limits().scps_per_target;
                if max > 0 && count > max {
                    let kept = if keeps_full_access && count > scps.get_ref().len() {
                        " (FullAWSAccess, kept on the root, takes one)"
                    } else {
                        ""
                    };
                    self.push(
                        at(&source, scps),
                        format!("{target} has {count} SCPs{kept}, over the limit of {max} per target"),
                        "merge policies into fewer documents, or raise [limits] scps_per_target if AWS raised your quota",
                    );
                }
            }
            for (kind, list) in others {
                let count = self.policy_list(&source, &target, list, kind);
                let (max, key) = self.limits().per_target(kind);
                if let Some(first) = list.first().filter(|_| max > 0 && count > max) {
                    self.push(
                        at(&source, first),
                        format!("{target} has {count} {}s, over the limit of {max} per target", kind),
                        format!("merge policies into fewer documents, or raise [limits] {key} if AWS raised your quota"),
                    );
                }
            }
        }
    }

    /// Checks one list of policy names; returns how many distinct names it holds.
    fn policy_list(&mut self, source: &SourceFile, target: &str, names: &[Spanned<String>], kind: PolicyKind) -> usize {
        let mut seen = BTreeSet::new();
        for name in names {
            let n = name.get_ref();
            if !seen.insert(n.clone()) {
                self.push(at(source, name), format!("{target} lists {n} twice"), "remove the duplicate");
                continue;
            }
            let exists = self.declared(kind, n) || kind.default_policy().is_some_and(|d| d.name == n);
            if exists {
                continue;
            }
            let other = PolicyKind::ALL.into_iter().find(|&other| other != kind && self.declared(other, n));
            let (message, help) = match other {
                Some(other) => (
                    format!("{target} lists {n} under {}, but it is {}", kind.config_key(), other.with_article()),
                    format!("move it to {}", other.config_key()),
                ),
                None if self.repo.org.organization.ignore_policies.iter().any(|p| model::glob_matches(p.get_ref(), n)) => (
                    format!("{target} lists {n}, which matches ignore_policies"),
                    "ignored policies are attached by the system that owns them: remove it from the list".to_string(),
                ),
                None => (
                    format!("{target} lists {kind} {n}, which is not defined"),
                    format!("add policies/{}/{n}.json or correct the name", kind.dir()),
                ),
            };
            self.push(at(source, name), message, help);
        }
        seen.len()
    }

    fn ous(&mut self) {
        let source = self.org_source().clone();
        let max_depth = self.limits().ou_max_depth;
        let paths: BTreeSet<&str> = self.repo.org.ou.keys().map(|k| k.get_ref().as_str()).collect();
        for key in self.repo.org.ou.keys() {
            let path = key.get_ref();
            let location = at(&source, key);
            if let Some(bad) = path.split('/').find(|name| name.is_empty() || name.len() > 128 || name.trim() != *name) {
                let why = if bad.is_empty() { "an empty name".to_string() } else { format!("the name `{bad}`") };
                self.push(
                    location,
                    format!("`{path}` is not a valid OU path: it has {why}"),
                    "write OU paths as Parent/Child with names of 1-128 characters and no surrounding spaces",
                );
                continue;
            }
            let depth = model::depth(path);
            if depth > max_depth {
                self.push(
                    location.clone(),
                    format!("OU {path} is {depth} levels deep, over the limit of {max_depth}"),
                    "flatten the tree: AWS nests OUs at most 5 levels below the root",
                );
            }
            if let Some(parent) = model::parent_path(path)
                && !paths.contains(parent)
            {
                self.push(location, format!("OU {path} has no declared parent {parent}"), format!("add [ou.\"{parent}\"]"));
            }
        }
    }

    fn template_name(&mut self, source: &SourceFile, name: &Spanned<String>) {
        for placeholder in placeholders(name.get_ref()) {
            if !TEMPLATE_PLACEHOLDERS.contains(&placeholder.as_str()) {
                self.push(
                    at(source, name),
                    format!("unknown placeholder {{{placeholder}}} in the account name"),
                    "use {pool}, {customer}, {slug} or {tier}",
                );
            }
        }
        let literal: String = strip_placeholders(name.get_ref());
        if literal.len() > 50 || !literal.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
            self.push(
                at(source, name),
                "account name pattern must give 1-50 printable ASCII characters",
                "shorten it or remove other characters",
            );
        }
    }

    fn template(&mut self, template: &Template) {
        let source = &template.source;
        let file: &TemplateFile = &template.file;
        if let Some(name) = &file.name {
            self.template_name(source, name);
        }
        if !self.repo.org.ou.keys().any(|k| k.get_ref() == file.ou.get_ref()) {
            self.push(
                at(source, &file.ou),
                format!("template {} places accounts in OU {}, which is not declared", template.name, file.ou.get_ref()),
                format!("add [ou.\"{}\"] to miyabi-org.toml or correct the path", file.ou.get_ref()),
            );
        }
        let target = format!("template {}", template.name);
        self.policy_list(source, &target, &file.scps, PolicyKind::ServiceControl);
        self.tags(source, &file.tags);
        if let Some(budget) = &file.budget {
            if *budget.monthly_usd.get_ref() <= 0.0 {
                self.push(at(source, &budget.monthly_usd), "budget monthly_usd must be above 0", "set the monthly amount in USD");
            }
            for percent in &budget.alert_percent {
                if !(*percent.get_ref() > 0.0 && *percent.get_ref() <= 1000.0) {
                    self.push(
                        at(source, percent),
                        "alert_percent values must be between 0 and 1000",
                        "use percentages of the budget such as 80 or 100",
                    );
                }
            }
            if budget.alert_percent.len() > 10 {
                self.push(source.find("alert_percent"), "a budget has at most 10 notifications", "keep 10 alert_percent values or fewer");
            }
            if budget.notify.len() > 10 {
                self.push(source.find("notify"), "a notification has at most 10 email subscribers", "notify a list address instead");
            }
            for email in &budget.notify {
                if !is_email(email.get_ref()) {
                    self.push(at(source, email), format!("`{}` is not an email address", email.get_ref()), "use name@domain");
                }
            }
        }
    }

    fn tags(&mut self, source: &SourceFile, tags: &BTreeMap<Spanned<String>, Spanned<String>>) {
        if tags.len() + TOOL_TAGS > MAX_TAGS {
            self.push(
                source.find("tags"),
                format!("{} tags, over the limit of {MAX_TAGS} per resource with managed-by", tags.len() + TOOL_TAGS),
                "remove some tags",
            );
        }
        for (key, value) in tags {
            let k = key.get_ref();
            if k.is_empty() || k.chars().count() > 128 {
                self.push(at(source, key), format!("tag key `{k}` must be 1-128 characters"), "shorten the key");
            }
            if k.to_ascii_lowercase().starts_with("aws:") {
                self.push(
                    at(source, key),
                    format!("tag key `{k}` uses the reserved aws: prefix"),
                    "choose another prefix, such as miyabi:",
                );
            }
            if value.get_ref().chars().count() > 256 {
                self.push(at(source, value), format!("tag value of `{k}` is over 256 characters"), "shorten the value");
            }
        }
    }
}

fn placeholders(pattern: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        found.push(rest[open + 1..open + close].to_string());
        rest = &rest[open + close + 1..];
    }
    found
}

fn strip_placeholders(pattern: &str) -> String {
    let mut out = pattern.to_string();
    for p in placeholders(pattern) {
        out = out.replace(&format!("{{{p}}}"), "");
    }
    out
}

fn is_organization_id(id: &str) -> bool {
    id.strip_prefix("o-")
        .is_some_and(|rest| (10..=32).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

fn is_region(region: &str) -> bool {
    let parts: Vec<&str> = region.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
        && parts.last().is_some_and(|p| p.chars().all(|c| c.is_ascii_digit()))
}

pub fn is_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_regions_emails() {
        assert!(is_organization_id("o-a1b2c3d4e5"));
        assert!(!is_organization_id("o-abc"));
        assert!(is_region("us-east-1") && is_region("us-gov-west-1") && !is_region("useast1") && !is_region("us-east"));
        assert!(is_email("a+b@x.io") && !is_email("a@b") && !is_email("x y@z.io"));
        assert_eq!(placeholders("Pool-{pool}-{x}"), vec!["pool", "x"]);
    }
}
