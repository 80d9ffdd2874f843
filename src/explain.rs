//! Which organization policy decides an action in an account.
//!
//! Evaluates service control policies (SCPs) or resource control policies (RCPs) along the chain
//! root -> OUs -> account, the way AWS Organizations does:
//! - a matching `Deny` at any level denies;
//! - SCPs: the action must also be matched by an `Allow` at every level ("SCP evaluation": an explicit
//!   allow is needed at the root, each OU and the account; `FullAWSAccess` is an ordinary `Allow * *`);
//! - RCPs: AWS attaches `RCPFullAWSAccess` to every root, OU and account and it cannot be detached
//!   ("RCP evaluation"), so every level allows and only `Deny` statements decide.
//!
//! What cannot be known offline (a `Condition`, or a statement limited to resources when the request names
//! none) is never guessed: such statements do not decide, and are reported in `depends_on` instead.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

/// The kind of organization policy being evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    ServiceControl,
    ResourceControl,
}

/// A policy attached to one level of the chain.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachedPolicy {
    pub name: String,
    pub document: Value,
    /// False for a policy the repo leaves alone (e.g. Control Tower guardrails matched by `ignore_policies`):
    /// it still applies in AWS, so it is evaluated like any other; the explanation only says whose it is.
    pub managed: bool,
}

/// One level of the chain, with the policies attached directly to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    pub kind: LevelKind,
    /// "root", an OU path like "Workloads/Pool", or an account name.
    pub name: String,
    pub policies: Vec<AttachedPolicy>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelKind {
    Root,
    Ou,
    Account,
}

/// The action asked about, e.g. `s3:GetObject`, and the resource ARN if known.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub action: String,
    pub resource: Option<String>,
}

/// A statement's `Effect`, spelled as in policy documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Effect {
    Allow,
    Deny,
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        })
    }
}

/// Points at one statement of one attached policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementRef {
    pub policy: String,
    pub managed: bool,
    /// Position in the policy's `Statement` array (0 when `Statement` is a single object).
    pub index: usize,
    pub sid: Option<String>,
    pub effect: Effect,
}

/// The resources a statement is limited to, when the request names no resource to compare them with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResourceScope {
    /// True when the statement uses `NotResource`: it applies to every resource except `arns`.
    pub not_resource: bool,
    pub arns: Vec<String>,
}

/// A matching statement whose effect depends on something only known at request time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConditionalRef {
    #[serde(flatten)]
    pub statement: StatementRef,
    /// Name of the level the policy is attached to.
    pub level: String,
    /// The `Condition` block rendered compactly, e.g. `StringNotEquals aws:RequestedRegion ["eu-west-1"]`.
    pub condition: Option<String>,
    /// Set when the statement is limited to resources and the request gave none.
    pub resource: Option<ResourceScope>,
}

impl fmt::Display for ConditionalRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.statement;
        write!(f, "{} in {}", s.effect, s.policy)?;
        let notes: Vec<String> =
            s.sid.iter().map(|sid| format!("sid {sid}")).chain((!s.managed).then(|| "not managed by the repo".to_string())).collect();
        if !notes.is_empty() {
            write!(f, " ({})", notes.join(", "))?;
        }
        write!(f, " at {}", self.level)?;
        let mut clauses: Vec<String> = self.condition.iter().cloned().collect();
        if let Some(scope) = &self.resource {
            clauses.push(describe_scope(scope));
        }
        if !clauses.is_empty() {
            write!(f, " when {}", clauses.join(" and "))?;
        }
        Ok(())
    }
}

fn describe_scope(scope: &ResourceScope) -> String {
    let arns = scope.arns.join(", ");
    match (scope.not_resource, scope.arns.len()) {
        (false, 1) => format!("the resource is {arns}"),
        (false, _) => format!("the resource is one of {arns}"),
        (true, 1) => format!("the resource is not {arns}"),
        (true, _) => format!("the resource is none of {arns}"),
    }
}

/// What was found at one level for the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LevelResult {
    pub kind: LevelKind,
    pub name: String,
    /// Whether this level lets the action pass its allow check: an unconditional matching `Allow` is
    /// attached here, or (RCPs) always, because `RCPFullAWSAccess` is attached everywhere.
    pub has_allow: bool,
    /// Unconditional matching `Allow` statements.
    pub allows: Vec<StatementRef>,
    /// Unconditional matching `Deny` statements.
    pub denies: Vec<StatementRef>,
    /// Matching statements of either effect that cannot be decided offline.
    pub conditional: Vec<ConditionalRef>,
}

/// The outcome for the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    Allowed,
    /// The first unconditional matching `Deny`, walking root -> account.
    DeniedBy {
        policy: String,
        managed: bool,
        level: String,
        sid: Option<String>,
    },
    /// The first level (SCPs only) where no unconditional `Allow` matches.
    NotAllowedAt {
        level: String,
    },
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Allowed => f.write_str("allowed"),
            Verdict::DeniedBy { policy, managed, level, .. } => {
                write!(f, "denied by {policy} at {level}")?;
                if !managed {
                    f.write_str(" (not managed by the repo)")?;
                }
                Ok(())
            }
            Verdict::NotAllowedAt { level } => write!(f, "not allowed at {level}: no policy there allows it"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub family: Family,
    pub action: String,
    pub resource: Option<String>,
    pub verdict: Verdict,
    pub levels: Vec<LevelResult>,
    /// The conditional statements whose outcome could turn the verdict from allowed to not, or back.
    pub depends_on: Vec<ConditionalRef>,
}

impl Explanation {
    /// The verdict line, then one `depends on: ...` line per statement in `depends_on`.
    pub fn summary(&self) -> String {
        let mut out = self.verdict.to_string();
        for dependency in &self.depends_on {
            out.push_str("\ndepends on: ");
            out.push_str(&dependency.to_string());
        }
        out
    }
}

/// Evaluates `request` against the policies of `levels`, given in order root -> OUs -> account.
/// An empty chain has nothing that denies or withholds, so it is allowed.
pub fn explain(family: Family, levels: &[Level], request: &Request) -> Explanation {
    let results: Vec<LevelResult> = levels.iter().map(|level| evaluate_level(family, level, request)).collect();

    let denied = results.iter().find_map(|result| {
        result.denies.first().map(|deny| Verdict::DeniedBy {
            policy: deny.policy.clone(),
            managed: deny.managed,
            level: result.name.clone(),
            sid: deny.sid.clone(),
        })
    });
    let verdict = denied.unwrap_or_else(|| match results.iter().find(|result| !result.has_allow) {
        Some(result) => Verdict::NotAllowedAt { level: result.name.clone() },
        None => Verdict::Allowed,
    });

    let depends_on = dependencies(&verdict, &results);
    Explanation { family, action: request.action.clone(), resource: request.resource.clone(), verdict, levels: results, depends_on }
}

/// Picks the conditional statements that could flip access one way or the other.
fn dependencies(verdict: &Verdict, results: &[LevelResult]) -> Vec<ConditionalRef> {
    // Conditions can only add denies or allows; neither lifts an unconditional deny.
    if matches!(verdict, Verdict::DeniedBy { .. }) {
        return Vec::new();
    }
    // Access could only open up if every level lacking an allow has a conditional one; otherwise some
    // level stays closed whatever the conditions say, and nothing conditional changes the outcome.
    let can_open = results.iter().filter(|r| !r.has_allow).all(|r| r.conditional.iter().any(|c| c.statement.effect == Effect::Allow));
    if !can_open {
        return Vec::new();
    }
    results
        .iter()
        .flat_map(|r| {
            r.conditional.iter().filter(move |c| match c.statement.effect {
                Effect::Deny => true,
                // An extra allow where one already exists changes nothing.
                Effect::Allow => !r.has_allow,
            })
        })
        .cloned()
        .collect()
}

fn evaluate_level(family: Family, level: &Level, request: &Request) -> LevelResult {
    let mut result = LevelResult {
        kind: level.kind,
        name: level.name.clone(),
        has_allow: false,
        allows: Vec::new(),
        denies: Vec::new(),
        conditional: Vec::new(),
    };
    for policy in &level.policies {
        for (index, raw) in statements(&policy.document) {
            let Some(statement) = Statement::parse(raw) else { continue };
            if !statement.action.matches(&request.action) {
                continue;
            }
            let scope = match statement.resource_match(request.resource.as_deref()) {
                ResourceMatch::No => continue,
                ResourceMatch::Yes => None,
                ResourceMatch::Unknown(scope) => Some(scope),
            };
            let reference = StatementRef {
                policy: policy.name.clone(),
                managed: policy.managed,
                index,
                sid: statement.sid.map(str::to_string),
                effect: statement.effect,
            };
            match (statement.condition, scope, statement.effect) {
                (None, None, Effect::Allow) => result.allows.push(reference),
                (None, None, Effect::Deny) => result.denies.push(reference),
                (condition, resource, _) => {
                    result.conditional.push(ConditionalRef { statement: reference, level: level.name.clone(), condition, resource })
                }
            }
        }
    }
    result.has_allow = family == Family::ResourceControl || !result.allows.is_empty();
    result
}

/// The statements of a policy document with their index; anything that is not a policy object yields none.
fn statements(document: &Value) -> Vec<(usize, &Value)> {
    match document.get("Statement") {
        Some(Value::Array(items)) => items.iter().enumerate().collect(),
        Some(single @ Value::Object(_)) => vec![(0, single)],
        _ => Vec::new(),
    }
}

/// `Action`/`NotAction` or `Resource`/`NotResource`: a list of wildcard patterns, possibly negated.
struct Patterns<'a> {
    negated: bool,
    patterns: Vec<&'a str>,
}

impl Patterns<'_> {
    /// Action names are case-insensitive.
    fn matches(&self, action: &str) -> bool {
        let action = action.to_lowercase();
        self.patterns.iter().any(|p| wildcard_match(&p.to_lowercase(), &action, false)) != self.negated
    }
}

enum ResourceMatch {
    Yes,
    No,
    Unknown(ResourceScope),
}

/// The parts of a statement that decide whether and how it applies.
struct Statement<'a> {
    sid: Option<&'a str>,
    effect: Effect,
    action: Patterns<'a>,
    /// None when the statement has neither `Resource` nor `NotResource`, which then covers every resource.
    resource: Option<Patterns<'a>>,
    condition: Option<String>,
}

impl<'a> Statement<'a> {
    /// None for a statement AWS would reject (no object, no valid `Effect`, no or both action elements,
    /// both resource elements, non-string patterns): skipping it beats panicking on someone's typo.
    fn parse(raw: &'a Value) -> Option<Self> {
        let object = raw.as_object()?;
        let effect = match object.get("Effect")?.as_str()? {
            "Allow" => Effect::Allow,
            "Deny" => Effect::Deny,
            _ => return None,
        };
        let action = either(object.get("Action"), object.get("NotAction"))??;
        let resource = match either(object.get("Resource"), object.get("NotResource")) {
            None => None,
            Some(patterns) => Some(patterns?),
        };
        let condition = match object.get("Condition") {
            None | Some(Value::Null) => None,
            Some(Value::Object(map)) if map.is_empty() => None,
            Some(condition) => Some(render_condition(condition)),
        };
        Some(Statement { sid: object.get("Sid").and_then(Value::as_str), effect, action, resource, condition })
    }

    fn resource_match(&self, resource: Option<&str>) -> ResourceMatch {
        let Some(patterns) = &self.resource else { return ResourceMatch::Yes };
        let any_star = patterns.patterns.contains(&"*");
        match resource {
            Some(arn) => {
                let hit = patterns.patterns.iter().any(|p| wildcard_match(p, arn, true));
                if hit != patterns.negated { ResourceMatch::Yes } else { ResourceMatch::No }
            }
            // `*` settles it for any resource; anything narrower depends on which resource it is.
            None if any_star => {
                if patterns.negated {
                    ResourceMatch::No
                } else {
                    ResourceMatch::Yes
                }
            }
            None => ResourceMatch::Unknown(ResourceScope {
                not_resource: patterns.negated,
                arns: patterns.patterns.iter().map(|p| p.to_string()).collect(),
            }),
        }
    }
}

/// Reads a positive/negated element pair: None if neither is present, Some(None) if malformed
/// (both present, or a value that is not a string or an array of strings).
fn either<'a>(positive: Option<&'a Value>, negated: Option<&'a Value>) -> Option<Option<Patterns<'a>>> {
    let (value, negated) = match (positive, negated) {
        (None, None) => return None,
        (Some(value), None) => (value, false),
        (None, Some(value)) => (value, true),
        (Some(_), Some(_)) => return Some(None),
    };
    let patterns = match value {
        Value::String(s) => Some(vec![s.as_str()]),
        Value::Array(items) => items.iter().map(Value::as_str).collect(),
        _ => None,
    };
    Some(patterns.map(|patterns| Patterns { negated, patterns }))
}

/// `{"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}` -> `StringNotEquals aws:RequestedRegion ["eu-west-1"]`;
/// several operators or keys (all must hold in AWS) are joined with " and ".
fn render_condition(condition: &Value) -> String {
    let Value::Object(operators) = condition else { return condition.to_string() };
    let mut parts = Vec::new();
    for (operator, keys) in operators {
        match keys {
            Value::Object(keys) => parts.extend(keys.iter().map(|(key, value)| format!("{operator} {key} {value}"))),
            other => parts.push(format!("{operator} {other}")),
        }
    }
    // Sorted so the text does not depend on whether serde_json keeps insertion order (feature preserve_order).
    parts.sort();
    parts.join(" and ")
}

/// IAM wildcard match: `*` any run of characters, `?` one character. With `arn_segments`, a wildcard stays within
/// one colon-separated ARN segment unless the `*` ends its segment, as the IAM `Resource` element documents.
fn wildcard_match(pattern: &str, text: &str, arn_segments: bool) -> bool {
    let text: Vec<char> = text.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    // row[j]: the pattern read so far matches text[..j]. Dynamic programming keeps this linear in memory and
    // correct with segment-bound stars, where the usual greedy backtracking is not.
    let mut row = vec![false; text.len() + 1];
    row[0] = true;
    for (i, &p) in pattern.iter().enumerate() {
        let mut next = vec![false; text.len() + 1];
        if p == '*' {
            let crosses = !arn_segments || matches!(pattern.get(i + 1), None | Some(':'));
            next[0] = row[0];
            for (j, &t) in text.iter().enumerate() {
                next[j + 1] = row[j + 1] || (next[j] && (crosses || t != ':'));
            }
        } else {
            for (j, &t) in text.iter().enumerate() {
                next[j + 1] = row[j] && (p == t || (p == '?' && !(arn_segments && t == ':')));
            }
        }
        row = next;
    }
    row[text.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn policy(name: &str, document: Value) -> AttachedPolicy {
        AttachedPolicy { name: name.to_string(), document, managed: true }
    }

    fn unmanaged(name: &str, document: Value) -> AttachedPolicy {
        AttachedPolicy { name: name.to_string(), document, managed: false }
    }

    fn full_access() -> AttachedPolicy {
        policy("FullAWSAccess", json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
    }

    fn root(policies: Vec<AttachedPolicy>) -> Level {
        Level { kind: LevelKind::Root, name: "root".to_string(), policies }
    }

    fn ou(name: &str, policies: Vec<AttachedPolicy>) -> Level {
        Level { kind: LevelKind::Ou, name: name.to_string(), policies }
    }

    fn account(name: &str, policies: Vec<AttachedPolicy>) -> Level {
        Level { kind: LevelKind::Account, name: name.to_string(), policies }
    }

    /// root, Workloads and the account "app", each with FullAWSAccess plus `extra` at the named level.
    fn chain(extra_at: &str, extra: Vec<AttachedPolicy>) -> Vec<Level> {
        let with = |name: &str| {
            let mut policies = vec![full_access()];
            if name == extra_at {
                policies.extend(extra.clone());
            }
            policies
        };
        vec![root(with("root")), ou("Workloads", with("Workloads")), account("app", with("app"))]
    }

    fn deny(name: &str, statement: Value) -> AttachedPolicy {
        let mut statement = statement;
        statement["Effect"] = json!("Deny");
        policy(name, json!({"Version": "2012-10-17", "Statement": [statement]}))
    }

    fn allow(name: &str, statement: Value) -> AttachedPolicy {
        let mut statement = statement;
        statement["Effect"] = json!("Allow");
        policy(name, json!({"Version": "2012-10-17", "Statement": [statement]}))
    }

    fn request(action: &str) -> Request {
        Request { action: action.to_string(), resource: None }
    }

    fn request_on(action: &str, resource: &str) -> Request {
        Request { action: action.to_string(), resource: Some(resource.to_string()) }
    }

    fn denied(policy: &str, level: &str, sid: Option<&str>) -> Verdict {
        Verdict::DeniedBy { policy: policy.to_string(), managed: true, level: level.to_string(), sid: sid.map(str::to_string) }
    }

    fn not_allowed(level: &str) -> Verdict {
        Verdict::NotAllowedAt { level: level.to_string() }
    }

    struct Case {
        name: &'static str,
        family: Family,
        levels: Vec<Level>,
        request: Request,
        verdict: Verdict,
        summary: &'static str,
    }

    fn scp(name: &'static str, levels: Vec<Level>, request: Request, verdict: Verdict, summary: &'static str) -> Case {
        Case { name, family: Family::ServiceControl, levels, request, verdict, summary }
    }

    fn region_guard() -> AttachedPolicy {
        deny(
            "region-guard",
            json!({"NotAction": ["iam:*", "sts:*"], "Resource": "*",
                   "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "us-east-1"]}}}),
        )
    }

    fn cases() -> Vec<Case> {
        let deny_ec2 = || deny("deny-ec2", json!({"Sid": "NoRunInstances", "Action": "ec2:RunInstances", "Resource": "*"}));
        let only_iam_sts = || deny("only-iam-sts", json!({"NotAction": ["iam:*", "sts:*"], "Resource": "*"}));
        let protect_bucket =
            || deny("protect-bucket", json!({"Action": "s3:*", "Resource": ["arn:aws:s3:::secret", "arn:aws:s3:::secret/*"]}));
        vec![
            scp("1 full access everywhere", chain("", vec![]), request("s3:GetObject"), Verdict::Allowed, "allowed"),
            scp(
                "2 deny at an OU",
                chain("Workloads", vec![deny_ec2()]),
                request("ec2:RunInstances"),
                denied("deny-ec2", "Workloads", Some("NoRunInstances")),
                "denied by deny-ec2 at Workloads",
            ),
            scp(
                "3 deny at the root wins over allows below",
                vec![
                    root(vec![full_access(), deny_ec2()]),
                    ou("Workloads", vec![full_access(), allow("ec2-ok", json!({"Action": "ec2:*", "Resource": "*"}))]),
                    account("app", vec![full_access()]),
                ],
                request("ec2:RunInstances"),
                denied("deny-ec2", "root", Some("NoRunInstances")),
                "denied by deny-ec2 at root",
            ),
            scp(
                "4 allow-list at the account lacks the action",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![full_access()]),
                    account("app", vec![allow("app-allow-list", json!({"Action": ["s3:*", "dynamodb:*"], "Resource": "*"}))]),
                ],
                request("ec2:RunInstances"),
                not_allowed("app"),
                "not allowed at app: no policy there allows it",
            ),
            scp(
                "5 allow-list at an OU with a wildcard",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![allow("read-only-s3", json!({"Action": ["s3:Get*", "s3:List*"], "Resource": "*"}))]),
                    account("app", vec![full_access()]),
                ],
                request("s3:GetObject"),
                Verdict::Allowed,
                "allowed",
            ),
            scp(
                "5b the same allow-list does not cover a write",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![allow("read-only-s3", json!({"Action": ["s3:Get*", "s3:List*"], "Resource": "*"}))]),
                    account("app", vec![full_access()]),
                ],
                request("s3:PutObject"),
                not_allowed("Workloads"),
                "not allowed at Workloads: no policy there allows it",
            ),
            scp(
                "6a NotAction deny denies what it does not list",
                chain("Workloads", vec![only_iam_sts()]),
                request("ec2:RunInstances"),
                denied("only-iam-sts", "Workloads", None),
                "denied by only-iam-sts at Workloads",
            ),
            scp(
                "6b NotAction deny spares what it lists",
                chain("Workloads", vec![only_iam_sts()]),
                request("iam:CreateRole"),
                Verdict::Allowed,
                "allowed",
            ),
            scp(
                "7a NotAction in an allow",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![allow("all-but-org", json!({"NotAction": "organizations:*", "Resource": "*"}))]),
                    account("app", vec![full_access()]),
                ],
                request("ec2:RunInstances"),
                Verdict::Allowed,
                "allowed",
            ),
            scp(
                "7b NotAction allow leaves out what it lists",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![allow("all-but-org", json!({"NotAction": "organizations:*", "Resource": "*"}))]),
                    account("app", vec![full_access()]),
                ],
                request("organizations:LeaveOrganization"),
                not_allowed("Workloads"),
                "not allowed at Workloads: no policy there allows it",
            ),
            scp(
                "8 action names are case-insensitive",
                chain("app", vec![deny("no-s3-reads", json!({"Action": "s3:GetObject", "Resource": "*"}))]),
                request("S3:getobject"),
                denied("no-s3-reads", "app", None),
                "denied by no-s3-reads at app",
            ),
            scp(
                "9a ? matches one character",
                chain("Workloads", vec![deny("no-describe", json!({"Action": "ec2:Describe?nstances", "Resource": "*"}))]),
                request("ec2:DescribeInstances"),
                denied("no-describe", "Workloads", None),
                "denied by no-describe at Workloads",
            ),
            scp(
                "9b ? does not match zero characters",
                chain("Workloads", vec![deny("no-describe", json!({"Action": "ec2:Describe?nstances", "Resource": "*"}))]),
                request("ec2:Describenstances"),
                Verdict::Allowed,
                "allowed",
            ),
            scp(
                "10 conditioned deny (region guard)",
                chain("root", vec![region_guard()]),
                request("ec2:RunInstances"),
                Verdict::Allowed,
                "allowed\ndepends on: Deny in region-guard at root when StringNotEquals aws:RequestedRegion [\"eu-west-1\",\"us-east-1\"]",
            ),
            scp(
                "11 conditioned allow as the only allow at a level",
                vec![
                    root(vec![full_access()]),
                    ou(
                        "Workloads",
                        vec![allow(
                            "eu-only",
                            json!({"Sid": "EuOnly", "Action": "*", "Resource": "*",
                                   "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}),
                        )],
                    ),
                    account("app", vec![full_access()]),
                ],
                request("ec2:RunInstances"),
                not_allowed("Workloads"),
                "not allowed at Workloads: no policy there allows it\n\
                 depends on: Allow in eu-only (sid EuOnly) at Workloads when StringEquals aws:RequestedRegion \"eu-west-1\"",
            ),
            scp(
                "12 FullAWSAccess removed at an OU",
                vec![root(vec![full_access()]), ou("Workloads", vec![]), account("app", vec![full_access()])],
                request("s3:GetObject"),
                not_allowed("Workloads"),
                "not allowed at Workloads: no policy there allows it",
            ),
            scp(
                "13 unmanaged Control Tower guardrail denies",
                chain(
                    "Workloads",
                    vec![unmanaged(
                        "aws-guardrails-AbCdEf",
                        json!({"Version": "2012-10-17", "Statement": [
                            {"Sid": "GRCLOUDTRAILENABLED", "Effect": "Deny", "Action": ["cloudtrail:DeleteTrail", "cloudtrail:StopLogging"],
                             "Resource": "*"}]}),
                    )],
                ),
                request("cloudtrail:StopLogging"),
                Verdict::DeniedBy {
                    policy: "aws-guardrails-AbCdEf".to_string(),
                    managed: false,
                    level: "Workloads".to_string(),
                    sid: Some("GRCLOUDTRAILENABLED".to_string()),
                },
                "denied by aws-guardrails-AbCdEf at Workloads (not managed by the repo)",
            ),
            scp(
                "14 resource-scoped deny, matching resource",
                chain("Workloads", vec![protect_bucket()]),
                request_on("s3:GetObject", "arn:aws:s3:::secret/report.csv"),
                denied("protect-bucket", "Workloads", None),
                "denied by protect-bucket at Workloads",
            ),
            scp(
                "15 resource-scoped deny, other resource",
                chain("Workloads", vec![protect_bucket()]),
                request_on("s3:GetObject", "arn:aws:s3:::public/report.csv"),
                Verdict::Allowed,
                "allowed",
            ),
            scp(
                "15b resource matching is case-sensitive",
                chain("Workloads", vec![protect_bucket()]),
                request_on("s3:GetObject", "arn:aws:s3:::SECRET/report.csv"),
                Verdict::Allowed,
                "allowed",
            ),
            scp(
                "16 resource-scoped deny, no resource given",
                chain("Workloads", vec![protect_bucket()]),
                request("s3:GetObject"),
                Verdict::Allowed,
                "allowed\ndepends on: Deny in protect-bucket at Workloads when the resource is one of arn:aws:s3:::secret, arn:aws:s3:::secret/*",
            ),
            scp(
                "17a NotResource deny, resource outside the exception",
                chain("app", vec![deny("only-logs-bucket", json!({"Action": "s3:PutObject", "NotResource": "arn:aws:s3:::logs/*"}))]),
                request_on("s3:PutObject", "arn:aws:s3:::data/x"),
                denied("only-logs-bucket", "app", None),
                "denied by only-logs-bucket at app",
            ),
            scp(
                "17b NotResource deny, resource inside the exception",
                chain("app", vec![deny("only-logs-bucket", json!({"Action": "s3:PutObject", "NotResource": "arn:aws:s3:::logs/*"}))]),
                request_on("s3:PutObject", "arn:aws:s3:::logs/2024/01/x"),
                Verdict::Allowed,
                "allowed",
            ),
            scp(
                "17c NotResource deny, no resource given",
                chain("app", vec![deny("only-logs-bucket", json!({"Action": "s3:PutObject", "NotResource": "arn:aws:s3:::logs/*"}))]),
                request("s3:PutObject"),
                Verdict::Allowed,
                "allowed\ndepends on: Deny in only-logs-bucket at app when the resource is not arn:aws:s3:::logs/*",
            ),
            scp(
                "18 two denies: the one nearest the root is reported",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![full_access(), deny("ou-deny", json!({"Action": "ec2:*", "Resource": "*"}))]),
                    account("app", vec![full_access(), deny("account-deny", json!({"Action": "ec2:RunInstances", "Resource": "*"}))]),
                ],
                request("ec2:RunInstances"),
                denied("ou-deny", "Workloads", None),
                "denied by ou-deny at Workloads",
            ),
            Case {
                name: "19a RCP: no allow given, conditioned deny",
                family: Family::ResourceControl,
                levels: vec![
                    root(vec![]),
                    ou(
                        "Workloads",
                        vec![deny(
                            "org-only-s3",
                            json!({"Principal": "*", "Action": "s3:*", "Resource": "*",
                                   "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"},
                                                 "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}),
                        )],
                    ),
                    account("app", vec![]),
                ],
                request: request("s3:GetObject"),
                verdict: Verdict::Allowed,
                summary: "allowed\ndepends on: Deny in org-only-s3 at Workloads when BoolIfExists aws:PrincipalIsAWSService \"false\" \
                          and StringNotEqualsIfExists aws:PrincipalOrgID \"o-abc123\"",
            },
            Case {
                name: "19b RCP: unconditional deny",
                family: Family::ResourceControl,
                levels: vec![
                    root(vec![]),
                    ou("Workloads", vec![deny("no-s3-deletes", json!({"Principal": "*", "Action": "s3:DeleteBucket", "Resource": "*"}))]),
                    account("app", vec![]),
                ],
                request: request("s3:DeleteBucket"),
                verdict: denied("no-s3-deletes", "Workloads", None),
                summary: "denied by no-s3-deletes at Workloads",
            },
            Case {
                name: "19c RCP: the same chain under SCP rules is not allowed at the root",
                family: Family::ServiceControl,
                levels: vec![root(vec![]), ou("Workloads", vec![]), account("app", vec![])],
                request: request("s3:GetObject"),
                verdict: not_allowed("root"),
                summary: "not allowed at root: no policy there allows it",
            },
            scp(
                "20 action array with one match",
                chain(
                    "Workloads",
                    vec![deny("no-leaving", json!({"Action": ["organizations:LeaveOrganization", "account:CloseAccount"]}))],
                ),
                request("account:CloseAccount"),
                denied("no-leaving", "Workloads", None),
                "denied by no-leaving at Workloads",
            ),
            scp(
                "21 malformed statements are skipped",
                chain(
                    "Workloads",
                    vec![policy(
                        "broken",
                        json!({"Statement": [
                            "not an object",
                            {"Action": "ec2:*", "Resource": "*"},
                            {"Effect": "deny", "Action": "ec2:*"},
                            {"Effect": "Deny", "Action": 42},
                            {"Effect": "Deny", "Action": "ec2:*", "NotAction": "s3:*"},
                            {"Effect": "Deny", "Resource": "*"},
                            {"Effect": "Deny", "Sid": "Valid", "Action": "ec2:TerminateInstances"}
                        ]}),
                    )],
                ),
                request("ec2:RunInstances"),
                Verdict::Allowed,
                "allowed",
            ),
            scp(
                "21b a valid statement after malformed ones still counts",
                chain(
                    "Workloads",
                    vec![policy("broken", json!({"Statement": ["junk", {"Effect": "Deny", "Sid": "Valid", "Action": "ec2:*"}]}))],
                ),
                request("ec2:RunInstances"),
                denied("broken", "Workloads", Some("Valid")),
                "denied by broken at Workloads",
            ),
            scp(
                "21c a document that is not an object yields nothing",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![policy("text", json!("Allow everything"))]),
                    account("app", vec![full_access()]),
                ],
                request("ec2:RunInstances"),
                not_allowed("Workloads"),
                "not allowed at Workloads: no policy there allows it",
            ),
            scp(
                "22 nested OUs with the deny at the deepest OU",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![full_access()]),
                    ou(
                        "Workloads/Pool",
                        vec![full_access(), deny("pool-no-iam-users", json!({"Action": "iam:CreateUser", "Resource": "*"}))],
                    ),
                    account("pool-01", vec![full_access()]),
                ],
                request("iam:CreateUser"),
                denied("pool-no-iam-users", "Workloads/Pool", None),
                "denied by pool-no-iam-users at Workloads/Pool",
            ),
            scp(
                "23 single-object Statement",
                chain("root", vec![policy("single", json!({"Statement": {"Effect": "Deny", "Action": "ec2:*", "Resource": "*"}}))]),
                request("ec2:RunInstances"),
                denied("single", "root", None),
                "denied by single at root",
            ),
            scp(
                "24 an unconditional deny makes conditional statements irrelevant",
                chain("Workloads", vec![region_guard(), deny_ec2()]),
                request("ec2:RunInstances"),
                denied("deny-ec2", "Workloads", Some("NoRunInstances")),
                "denied by deny-ec2 at Workloads",
            ),
            scp(
                "25 a level with no possible allow: conditions elsewhere change nothing",
                vec![root(vec![full_access(), region_guard()]), ou("Workloads", vec![]), account("app", vec![full_access()])],
                request("ec2:RunInstances"),
                not_allowed("Workloads"),
                "not allowed at Workloads: no policy there allows it",
            ),
            scp(
                "26 conditional allow and conditional deny both listed when access could open",
                vec![
                    root(vec![full_access(), region_guard()]),
                    ou(
                        "Workloads",
                        vec![allow(
                            "tagged-only",
                            json!({"Action": "ec2:*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ops"}}}),
                        )],
                    ),
                    account("app", vec![full_access()]),
                ],
                request("ec2:RunInstances"),
                not_allowed("Workloads"),
                "not allowed at Workloads: no policy there allows it\n\
                 depends on: Deny in region-guard at root when StringNotEquals aws:RequestedRegion [\"eu-west-1\",\"us-east-1\"]\n\
                 depends on: Allow in tagged-only at Workloads when StringEquals aws:PrincipalTag/team \"ops\"",
            ),
            scp(
                "27 unmanaged conditional deny is flagged in depends_on",
                chain(
                    "root",
                    vec![unmanaged(
                        "aws-guardrails-Region",
                        json!({"Statement": [{"Sid": "GRREGIONDENY", "Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
                                             "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}}]}),
                    )],
                ),
                request("ec2:RunInstances"),
                Verdict::Allowed,
                "allowed\ndepends on: Deny in aws-guardrails-Region (sid GRREGIONDENY, not managed by the repo) at root \
                 when StringNotEquals aws:RequestedRegion [\"eu-west-1\"]",
            ),
            scp(
                "28 NotResource \"*\" covers nothing even without a resource",
                chain("app", vec![deny("odd", json!({"Action": "*", "NotResource": "*"}))]),
                request("ec2:RunInstances"),
                Verdict::Allowed,
                "allowed",
            ),
            scp(
                "29 allow limited to a resource, no resource given",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![allow("one-bucket", json!({"Action": "s3:*", "Resource": "arn:aws:s3:::shared/*"}))]),
                    account("app", vec![full_access()]),
                ],
                request("s3:GetObject"),
                not_allowed("Workloads"),
                "not allowed at Workloads: no policy there allows it\n\
                 depends on: Allow in one-bucket at Workloads when the resource is arn:aws:s3:::shared/*",
            ),
            scp(
                "30 allow limited to a resource, matching resource given",
                vec![
                    root(vec![full_access()]),
                    ou("Workloads", vec![allow("one-bucket", json!({"Action": "s3:*", "Resource": "arn:aws:s3:::shared/*"}))]),
                    account("app", vec![full_access()]),
                ],
                request_on("s3:GetObject", "arn:aws:s3:::shared/a/b"),
                Verdict::Allowed,
                "allowed",
            ),
        ]
    }

    #[test]
    fn table() {
        let cases = cases();
        let mut failures = Vec::new();
        for case in &cases {
            let explanation = explain(case.family, &case.levels, &case.request);
            if explanation.verdict != case.verdict {
                failures.push(format!("{}: verdict {:?}, expected {:?}", case.name, explanation.verdict, case.verdict));
            }
            if explanation.summary() != case.summary {
                failures.push(format!("{}: summary\n{}\nexpected\n{}", case.name, explanation.summary(), case.summary));
            }
        }
        assert!(cases.len() >= 20);
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    #[test]
    fn level_results_list_what_was_found() {
        let levels = chain("Workloads", vec![region_guard(), deny("deny-ec2", json!({"Action": "ec2:*", "Resource": "*"}))]);
        let explanation = explain(Family::ServiceControl, &levels, &request("ec2:RunInstances"));
        let workloads = &explanation.levels[1];
        assert_eq!(workloads.kind, LevelKind::Ou);
        assert!(workloads.has_allow);
        assert_eq!(workloads.allows.iter().map(|s| s.policy.as_str()).collect::<Vec<_>>(), ["FullAWSAccess"]);
        assert_eq!(workloads.denies.iter().map(|s| s.policy.as_str()).collect::<Vec<_>>(), ["deny-ec2"]);
        assert_eq!(workloads.conditional.len(), 1);
        assert_eq!(workloads.conditional[0].statement.policy, "region-guard");
        assert!(explanation.depends_on.is_empty());
    }

    #[test]
    fn rcp_levels_allow_without_an_allow_policy() {
        let levels = vec![root(vec![]), account("app", vec![])];
        let explanation = explain(Family::ResourceControl, &levels, &request("s3:GetObject"));
        assert!(explanation.levels.iter().all(|l| l.has_allow && l.allows.is_empty()));
        assert_eq!(explanation.verdict, Verdict::Allowed);
    }

    #[test]
    fn serializes_with_tagged_verdict() {
        let levels = chain("root", vec![region_guard()]);
        let explanation = explain(Family::ServiceControl, &levels, &request("ec2:RunInstances"));
        let value = serde_json::to_value(&explanation).expect("explanation serializes");
        assert_eq!(value["family"], json!("service_control"));
        assert_eq!(value["verdict"], json!({"verdict": "allowed"}));
        assert_eq!(
            value["depends_on"],
            json!([{
                "policy": "region-guard", "managed": true, "index": 0, "sid": null, "effect": "Deny", "level": "root",
                "condition": "StringNotEquals aws:RequestedRegion [\"eu-west-1\",\"us-east-1\"]", "resource": null
            }])
        );
        assert_eq!(value["levels"][0]["kind"], json!("root"));

        let denied = serde_json::to_value(denied("deny-ec2", "Workloads", Some("NoRun"))).expect("verdict serializes");
        assert_eq!(denied, json!({"verdict": "denied_by", "policy": "deny-ec2", "managed": true, "level": "Workloads", "sid": "NoRun"}));
        let not_allowed = serde_json::to_value(not_allowed("app")).expect("verdict serializes");
        assert_eq!(not_allowed, json!({"verdict": "not_allowed_at", "level": "app"}));
    }

    #[test]
    fn condition_rendering() {
        assert_eq!(render_condition(&json!({"Bool": {"aws:SecureTransport": false}})), "Bool aws:SecureTransport false");
        assert_eq!(
            render_condition(&json!({"StringLike": {"aws:PrincipalArn": ["arn:aws:iam::*:role/Admin*"], "aws:userid": "AID*"}})),
            "StringLike aws:PrincipalArn [\"arn:aws:iam::*:role/Admin*\"] and StringLike aws:userid \"AID*\""
        );
        // Not the documented shape: shown as written rather than dropped.
        assert_eq!(render_condition(&json!(["odd"])), "[\"odd\"]");
        assert_eq!(render_condition(&json!({"Null": "odd"})), "Null \"odd\"");
    }

    #[test]
    fn empty_condition_block_is_unconditional() {
        let levels = chain("Workloads", vec![deny("empty-cond", json!({"Action": "ec2:*", "Resource": "*", "Condition": {}}))]);
        let explanation = explain(Family::ServiceControl, &levels, &request("ec2:RunInstances"));
        assert_eq!(explanation.verdict, denied("empty-cond", "Workloads", None));
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("*", "s3:getobject", false));
        assert!(wildcard_match("s3:get*", "s3:getobject", false));
        assert!(!wildcard_match("s3:get*", "s3:putobject", false));
        assert!(wildcard_match("ec2:describe?nstances", "ec2:describeinstances", false));
        assert!(!wildcard_match("ec2:describe?nstances", "ec2:describeinstance", false));
        assert!(wildcard_match("*object", "s3:getobject", false));
        assert!(wildcard_match("", "", false));
        assert!(!wildcard_match("", "x", false));
        // A `*` that ends an ARN segment may run past colons; one inside a segment may not.
        assert!(wildcard_match("arn:aws:iam::*:role/Admin", "arn:aws:iam::123456789012:role/Admin", true));
        assert!(wildcard_match("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a:b", true));
        assert!(wildcard_match("arn:aws:ec2:us-*-1:*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", true));
        assert!(!wildcard_match("arn:aws:ec2:us-*1:*", "arn:aws:ec2:us-east:x1:instance/i-1", true));
        assert!(!wildcard_match("arn:aws:s3:::a?b", "arn:aws:s3:::a:b", true));
        assert!(wildcard_match("arn:aws:s3:::a?b", "arn:aws:s3:::a:b", false));
        assert!(!wildcard_match("arn:aws:s3:::Secret/*", "arn:aws:s3:::secret/x", true));
    }
}
