//! Offline syntax check of Service Control Policy (SCP) and Resource Control Policy (RCP) documents.
//!
//! AWS refuses a policy only when it is uploaded; this module finds the same faults from the file in git, and
//! points each one at a byte offset so the caller can print `file:line:column` and a fix.
//!
//! serde_json keeps the last of duplicate keys without a word, while AWS refuses duplicates, so the document
//! is read by a small positioned JSON parser that keeps every key with its offset.

/// Which kind of AWS Organizations authorization policy a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// A service control policy: limits the principals of member accounts.
    ServiceControl,
    /// A resource control policy: limits the resources of member accounts.
    ResourceControl,
}

/// One fault of a policy document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxProblem {
    /// Byte offset in the text of the thing at fault (a key, a value, or where the JSON breaks).
    pub offset: usize,
    /// What is wrong, naming the statement by its Sid or its position.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Service prefixes that RCPs apply to, exactly as listed under "List of AWS services that support RCPs" on
/// <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services>
/// (page copy fetched 2026-09-26), in the page's order. Refresh it from that page when AWS adds services.
pub const RCP_SERVICES: &[&str] = &[
    "appstream",
    "dsql",
    "clouddirectory",
    "cloudfront",
    "cloudsearch",
    "logs",
    "networkmonitor",
    "cognito-identity",
    "cognito-idp",
    "comprehend",
    "comprehendmedical",
    "firehose",
    "dynamodb",
    "dax",
    "autoscaling",
    "ecr",
    "ecr-public",
    "gamelift",
    "inspector-scan",
    "kendra",
    "kinesisvideo",
    "memorydb",
    "aoss",
    "personalize",
    "polly",
    "s3",
    "swf",
    "sqs",
    "textract",
    "timestream-influxdb",
    "transcribe",
    "translate",
    "workspaces",
    "appconfig",
    "autoscaling-plans",
    "budgets",
    "servicediscovery",
    "cloudtrail-data",
    "codeartifact",
    "codebuild",
    "codecommit",
    "codepipeline",
    "compute-optimizer",
    "cost-optimization-hub",
    "events",
    "fms",
    "fis",
    "health",
    "rolesanywhere",
    "kms",
    "opensearch",
    "pricing",
    "pca-connector-ad",
    "resource-groups",
    "secretsmanager",
    "sts",
    "signin",
    "support",
    "transfer",
    "notifications",
    "wafv2",
    "xray",
];

/// IAM condition operators, from
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>.
/// Each takes an optional `IfExists` suffix (except `Null`) and an optional `ForAllValues:` / `ForAnyValue:` prefix.
pub const CONDITION_OPERATORS: &[&str] = &[
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
    "ArnNotLike",
    "Null",
];

const TOP_LEVEL_KEYS: &[&str] = &["Version", "Id", "Statement"];
const STATEMENT_KEYS: &[&str] =
    &["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];
const SET_OPERATOR_PREFIXES: &[&str] = &["ForAllValues:", "ForAnyValue:"];
const POLICY_VERSION: &str = "2012-10-17";

/// Every problem of an SCP or RCP document, in document order; empty when AWS would take it.
pub fn check_iam_policy(text: &str, family: Family) -> Vec<SyntaxProblem> {
    let parser = Parser { text, pos: 0 };
    let root = match parser.document() {
        Ok(root) => root,
        Err(problem) => return vec![problem],
    };
    let mut checker = Checker { family, problems: Vec::new() };
    checker.policy(&root);
    // Stable, so problems found at one offset keep the order in which they were found.
    checker.problems.sort_by_key(|problem| problem.offset);
    checker.problems
}

// ---------------------------------------------------------------------------------------------------------------
// Positioned JSON

pub(super) enum Value {
    Null,
    Bool,
    Number,
    Str(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

pub(super) struct Node {
    pub(super) offset: usize,
    pub(super) value: Value,
}

pub(super) struct Member {
    pub(super) key: String,
    pub(super) key_offset: usize,
    pub(super) value: Node,
}

impl Node {
    pub(super) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(text) => Some(text),
            _ => None,
        }
    }

    /// The value as the caller would name it in a message: a string verbatim, anything else by its kind.
    pub(super) fn describe(&self) -> String {
        match &self.value {
            Value::Str(text) => format!("`{text}`"),
            Value::Null => "null".to_string(),
            Value::Bool => "a boolean".to_string(),
            Value::Number => "a number".to_string(),
            Value::Array(_) => "an array".to_string(),
            Value::Object(_) => "an object".to_string(),
        }
    }

    fn is_scalar(&self) -> bool {
        matches!(self.value, Value::Str(_) | Value::Number | Value::Bool)
    }
}

/// The first member named `key`: a duplicate is reported on its own, and checking it again would only repeat.
fn first<'a>(members: &'a [Member], key: &str) -> Option<&'a Member> {
    members.iter().find(|member| member.key == key)
}

/// Deep enough for any policy, shallow enough that recursion can never exhaust the stack.
const MAX_DEPTH: usize = 64;

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
}

type Parsed<T> = Result<T, SyntaxProblem>;

impl Parser<'_> {
    pub(super) fn document(mut self) -> Parsed<Node> {
        self.skip_whitespace();
        let root = self.value(0)?;
        self.skip_whitespace();
        if self.pos < self.text.len() {
            return self.fail(self.pos, "expected the end of the document");
        }
        Ok(root)
    }

    fn fail<T>(&self, offset: usize, what: &str) -> Parsed<T> {
        Err(SyntaxProblem { offset, message: format!("not JSON: {what}"), help: "correct the JSON syntax".to_string() })
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// The text between two offsets; they always sit on ASCII bytes, so the fallback is never taken.
    fn slice(&self, from: usize, to: usize) -> &str {
        self.text.get(from..to).unwrap_or_default()
    }

    fn value(&mut self, depth: usize) -> Parsed<Node> {
        let offset = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::Str(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.literal("true", Value::Bool)?,
            Some(b'f') => self.literal("false", Value::Bool)?,
            Some(b'n') => self.literal("null", Value::Null)?,
            _ => return self.fail(offset, "expected a value"),
        };
        Ok(Node { offset, value })
    }

    fn object(&mut self, depth: usize) -> Parsed<Value> {
        if depth >= MAX_DEPTH {
            return self.fail(self.pos, "nesting deeper than 64 levels");
        }
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return self.fail(self.pos, if members.is_empty() { "expected a string key or '}'" } else { "expected a string key" });
            }
            let key_offset = self.pos;
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return self.fail(self.pos, "expected ':'");
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            members.push(Member { key, key_offset, value });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return self.fail(self.pos, "expected ',' or '}'"),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<Value> {
        if depth >= MAX_DEPTH {
            return self.fail(self.pos, "nesting deeper than 64 levels");
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return self.fail(self.pos, "expected ',' or ']'"),
            }
        }
    }

    fn string(&mut self) -> Parsed<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return self.fail(self.text.len(), "unterminated string"),
                Some(b'"') => {
                    out.push_str(self.slice(run, self.pos));
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.slice(run, self.pos));
                    out.push(self.escape()?);
                    run = self.pos;
                }
                Some(byte) if byte < 0x20 => return self.fail(self.pos, "control character in a string"),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// One escape sequence, the cursor on its backslash; leaves the cursor after it.
    fn escape(&mut self) -> Parsed<char> {
        let backslash = self.pos;
        let simple = match self.text.as_bytes().get(backslash + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos = backslash + 2;
                return self.unicode_escape(backslash);
            }
            _ => return self.fail(backslash, "invalid escape in a string"),
        };
        self.pos = backslash + 2;
        Ok(simple)
    }

    /// The code point of `\uXXXX`, joining a UTF-16 surrogate pair; the cursor just after the `u`.
    fn unicode_escape(&mut self, backslash: usize) -> Parsed<char> {
        let Some(high) = self.hex4(self.pos) else {
            return self.fail(backslash, "invalid \\u escape");
        };
        self.pos += 4;
        let code = match high {
            0xD800..=0xDBFF => {
                let low = if self.text.get(self.pos..self.pos + 2) == Some("\\u") { self.hex4(self.pos + 2) } else { None };
                match low {
                    Some(low @ 0xDC00..=0xDFFF) => {
                        self.pos += 6;
                        0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    }
                    _ => return self.fail(backslash, "lone surrogate in a \\u escape"),
                }
            }
            0xDC00..=0xDFFF => return self.fail(backslash, "lone surrogate in a \\u escape"),
            _ => high,
        };
        match char::from_u32(code) {
            Some(decoded) => Ok(decoded),
            None => self.fail(backslash, "invalid \\u escape"),
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.text.get(at..at + 4)?;
        // from_str_radix alone would also take a leading '+'.
        if !digits.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    }

    fn number(&mut self) -> Parsed<Value> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return self.fail(start, "invalid number"),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
                return self.fail(start, "invalid number");
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
                return self.fail(start, "invalid number");
            }
            self.digits();
        }
        Ok(Value::Number)
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Parsed<Value> {
        if self.text.as_bytes().get(self.pos..).is_some_and(|rest| rest.starts_with(word.as_bytes())) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.fail(self.pos, "expected a value")
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Policy rules

struct Checker {
    family: Family,
    problems: Vec<SyntaxProblem>,
}

impl Checker {
    fn report(&mut self, offset: usize, message: String, help: impl Into<String>) {
        self.problems.push(SyntaxProblem { offset, message, help: help.into() });
    }

    fn is_rcp(&self) -> bool {
        self.family == Family::ResourceControl
    }

    fn policy(&mut self, root: &Node) {
        let Value::Object(members) = &root.value else {
            self.report(
                root.offset,
                "the policy is not a JSON object".to_string(),
                "write the policy as one object: {\"Version\": \"2012-10-17\", \"Statement\": [...]}",
            );
            return;
        };
        self.duplicates(members, "");
        let mut statement_seen = false;
        for member in members {
            if !TOP_LEVEL_KEYS.contains(&member.key.as_str()) {
                let help = match suggest(&member.key, TOP_LEVEL_KEYS) {
                    Some(known) => format!("did you mean `{known}`? keys are case-sensitive"),
                    None => format!("a policy takes only `Version`, `Id` and `Statement`; remove `{}`", member.key),
                };
                self.report(member.key_offset, format!("unknown top-level key `{}`", member.key), help);
            }
            // The first `Statement` is walked statement by statement so that duplicates name their statement.
            if member.key == "Statement" && !statement_seen {
                statement_seen = true;
            } else {
                self.duplicates_within(&member.value, "");
            }
        }

        match first(members, "Version") {
            None => self.report(root.offset, "`Version` is missing".to_string(), "add \"Version\": \"2012-10-17\" to the policy"),
            Some(version) if version.value.as_str() != Some(POLICY_VERSION) => self.report(
                version.value.offset,
                format!("`Version` must be `{POLICY_VERSION}`, not {}", version.value.describe()),
                "set \"Version\": \"2012-10-17\"; SCPs and RCPs take no other version",
            ),
            Some(_) => {}
        }

        if let Some(id) = first(members, "Id")
            && id.value.as_str().is_none()
        {
            self.report(id.value.offset, format!("`Id` must be a string, not {}", id.value.describe()), "make `Id` a string, or remove it");
        }

        let Some(statement) = first(members, "Statement") else {
            self.report(root.offset, "`Statement` is missing".to_string(), "add \"Statement\": [...] with at least one statement");
            return;
        };
        match &statement.value.value {
            Value::Object(_) => self.statements(std::slice::from_ref(&statement.value)),
            Value::Array(items) if items.is_empty() => {
                self.report(statement.value.offset, "`Statement` is empty".to_string(), "add at least one statement, or delete the policy")
            }
            Value::Array(items) => self.statements(items),
            _ => self.report(
                statement.value.offset,
                format!("`Statement` must be an object or an array of objects, not {}", statement.value.describe()),
                "write \"Statement\": [{\"Effect\": ..., \"Action\": ..., ...}]",
            ),
        }
    }

    /// Reports the keys of one object that repeat an earlier key, at the repeat.
    fn duplicates(&mut self, members: &[Member], prefix: &str) {
        for (index, member) in members.iter().enumerate() {
            if members[..index].iter().any(|earlier| earlier.key == member.key) {
                self.report(
                    member.key_offset,
                    format!("{prefix}duplicate key `{}`: AWS refuses it; merge the two", member.key),
                    format!("keep a single `{}` holding what both held", member.key),
                );
            }
        }
    }

    /// Duplicate keys anywhere inside `node`, `node` included.
    fn duplicates_within(&mut self, node: &Node, prefix: &str) {
        match &node.value {
            Value::Object(members) => {
                self.duplicates(members, prefix);
                for member in members {
                    self.duplicates_within(&member.value, prefix);
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.duplicates_within(item, prefix);
                }
            }
            _ => {}
        }
    }

    fn statements(&mut self, items: &[Node]) {
        // Sids seen so far, with the number of the statement that used each first.
        let mut sids: Vec<(&str, usize)> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let number = index + 1;
            let Value::Object(members) = &item.value else {
                self.report(
                    item.offset,
                    format!("statement {number} is not an object"),
                    "write each statement as an object: {\"Effect\": ..., \"Action\": ..., ...}",
                );
                continue;
            };
            let sid = first(members, "Sid").and_then(|member| member.value.as_str().map(|text| (member, text)));
            let prefix = match sid {
                Some((_, text)) if !text.is_empty() => format!("statement `{text}`: "),
                _ => format!("statement {number}: "),
            };
            self.duplicates_within(item, &prefix);
            if let Some((member, text)) = sid
                && !text.is_empty()
            {
                match sids.iter().find(|(seen, _)| *seen == text) {
                    Some((_, earlier)) => self.report(
                        member.value.offset,
                        format!("statement {number}: `Sid` `{text}` is already used by statement {earlier}"),
                        "give each statement its own Sid",
                    ),
                    None => sids.push((text, number)),
                }
            }
            self.statement(members, item.offset, &prefix);
        }
    }

    fn statement(&mut self, members: &[Member], offset: usize, prefix: &str) {
        for member in members {
            if !STATEMENT_KEYS.contains(&member.key.as_str()) {
                let help = match suggest(&member.key, STATEMENT_KEYS) {
                    Some(known) => format!("did you mean `{known}`? keys are case-sensitive"),
                    None => "a statement takes only `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, \
                             `NotResource` and `Condition`"
                        .to_string(),
                };
                self.report(member.key_offset, format!("{prefix}unknown key `{}`", member.key), help);
            }
        }
        self.sid(members, prefix);
        self.effect(members, offset, prefix);
        self.principal(members, offset, prefix);
        self.action(members, offset, prefix);
        self.resource(members, offset, prefix);
        if let Some(condition) = first(members, "Condition") {
            self.condition(&condition.value, prefix);
        }
    }

    fn sid(&mut self, members: &[Member], prefix: &str) {
        let Some(sid) = first(members, "Sid") else { return };
        match sid.value.as_str() {
            None => self.report(
                sid.value.offset,
                format!("{prefix}`Sid` must be a string, not {}", sid.value.describe()),
                "make `Sid` a string of letters and digits",
            ),
            Some(text) if !text.chars().all(|c| c.is_ascii_alphanumeric()) => self.report(
                sid.value.offset,
                format!("{prefix}`Sid` `{text}` has characters other than letters and digits"),
                "use only A-Z, a-z and 0-9 in a Sid, e.g. `DenyRootUser`",
            ),
            Some(_) => {}
        }
    }

    fn effect(&mut self, members: &[Member], offset: usize, prefix: &str) {
        let Some(effect) = first(members, "Effect") else {
            let help = if self.is_rcp() { "add \"Effect\": \"Deny\"" } else { "add \"Effect\": \"Deny\" or \"Effect\": \"Allow\"" };
            self.report(offset, format!("{prefix}`Effect` is missing"), help);
            return;
        };
        match effect.value.as_str() {
            Some("Allow") if self.is_rcp() => self.report(
                effect.value.offset,
                format!("{prefix}an RCP cannot allow: `Effect` must be `Deny`"),
                "write the statement as what to refuse, with \"Effect\": \"Deny\"; only AWS's own RCPFullAWSAccess allows",
            ),
            Some("Allow" | "Deny") => {}
            _ => self.report(
                effect.value.offset,
                format!("{prefix}`Effect` must be `Allow` or `Deny`, not {}", effect.value.describe()),
                if self.is_rcp() { "set \"Effect\": \"Deny\"" } else { "set \"Effect\": \"Deny\" or \"Effect\": \"Allow\"" },
            ),
        }
    }

    fn principal(&mut self, members: &[Member], offset: usize, prefix: &str) {
        let principal = first(members, "Principal");
        let not_principal = first(members, "NotPrincipal");
        if !self.is_rcp() {
            for member in [principal, not_principal].into_iter().flatten() {
                self.report(
                    member.key_offset,
                    format!("{prefix}SCPs do not take `{}`", member.key),
                    "remove it: an SCP applies to the principals of the accounts it is attached to; narrow it with a Condition on \
                     `aws:PrincipalArn`",
                );
            }
            return;
        }
        if let Some(member) = not_principal {
            self.report(
                member.key_offset,
                format!("{prefix}RCPs do not take `NotPrincipal`"),
                "use \"Principal\": \"*\" and exempt principals with a Condition, e.g. on `aws:PrincipalOrgID`",
            );
        }
        match principal {
            None => self.report(
                offset,
                format!("{prefix}`Principal` is missing"),
                "add \"Principal\": \"*\"; an RCP narrows principals with Conditions",
            ),
            Some(member) if !is_any_principal(&member.value) => self.report(
                member.value.offset,
                format!("{prefix}`Principal` must be `*` in an RCP, not {}", member.value.describe()),
                "set \"Principal\": \"*\" and narrow principals with a Condition, e.g. on `aws:PrincipalOrgID`",
            ),
            Some(_) => {}
        }
    }

    fn action(&mut self, members: &[Member], offset: usize, prefix: &str) {
        let action = first(members, "Action");
        let not_action = first(members, "NotAction");
        match (action, not_action) {
            (Some(one), Some(other)) => {
                let later = if one.key_offset > other.key_offset { one } else { other };
                self.report(
                    later.key_offset,
                    format!("{prefix}both `Action` and `NotAction` are set"),
                    "keep one: `Action` lists the actions the statement covers, `NotAction` the ones it leaves out",
                );
            }
            (None, None) => self.report(
                offset,
                format!("{prefix}neither `Action` nor `NotAction` is set"),
                "add \"Action\": [\"service:ActionName\", ...]",
            ),
            _ => {}
        }
        if let Some(member) = action {
            self.actions(member, prefix);
        }
        if let Some(member) = not_action {
            if self.is_rcp() {
                self.report(
                    member.key_offset,
                    format!("{prefix}RCPs do not take `NotAction`"),
                    "list the actions to deny in `Action` instead",
                );
            } else {
                self.actions(member, prefix);
            }
        }
    }

    fn actions(&mut self, member: &Member, prefix: &str) {
        for (offset, action) in self.strings(member, prefix) {
            if !is_action(action) {
                self.report(
                    offset,
                    format!("{prefix}`{action}` is not an action"),
                    "write an action as `service:ActionName`, e.g. `s3:GetObject`, with * and ? as wildcards, or `*` for every action",
                );
                continue;
            }
            if !self.is_rcp() {
                continue;
            }
            if action == "*" {
                self.report(
                    offset,
                    format!("{prefix}an RCP cannot use `*` as an action"),
                    "name the services instead, e.g. `s3:*` or `kms:*`: an RCP covers only the services AWS lists for RCPs",
                );
                continue;
            }
            let service = action.split(':').next().unwrap_or_default();
            if !RCP_SERVICES.contains(&service.to_ascii_lowercase().as_str()) {
                self.report(
                    offset,
                    format!("{prefix}`{action}`: RCPs do not apply to the service `{service}`"),
                    format!(
                        "RCPs apply only to the services in AWS's list of services that support RCPs \
                         (s3, sts, kms, sqs, secretsmanager, ...), named exactly; restrict `{service}` with an SCP instead"
                    ),
                );
            }
        }
    }

    fn resource(&mut self, members: &[Member], offset: usize, prefix: &str) {
        let resource = first(members, "Resource");
        let not_resource = first(members, "NotResource");
        match (resource, not_resource) {
            (Some(one), Some(other)) => {
                let later = if one.key_offset > other.key_offset { one } else { other };
                self.report(
                    later.key_offset,
                    format!("{prefix}both `Resource` and `NotResource` are set"),
                    "keep one: `Resource` lists the resources the statement covers, `NotResource` the ones it leaves out",
                );
            }
            (None, None) if self.is_rcp() => self.report(
                offset,
                format!("{prefix}neither `Resource` nor `NotResource` is set"),
                "add \"Resource\": \"*\" or the ARNs to protect",
            ),
            _ => {}
        }
        for member in [resource, not_resource].into_iter().flatten() {
            for (offset, arn) in self.strings(member, prefix) {
                if arn != "*" && !arn.starts_with("arn:") {
                    self.report(
                        offset,
                        format!("{prefix}`{arn}` is not `*` or an ARN"),
                        "write a resource as `*` or as an ARN starting with `arn:`",
                    );
                }
            }
        }
    }

    /// The strings of an element that takes a string or an array of strings, reporting anything else.
    fn strings<'a>(&mut self, member: &'a Member, prefix: &str) -> Vec<(usize, &'a str)> {
        let key = &member.key;
        match &member.value.value {
            Value::Str(text) => vec![(member.value.offset, text.as_str())],
            Value::Array(items) if items.is_empty() => {
                self.report(
                    member.value.offset,
                    format!("{prefix}`{key}` is empty"),
                    format!("list at least one value, or remove `{key}`"),
                );
                Vec::new()
            }
            Value::Array(items) => {
                let mut found = Vec::new();
                for item in items {
                    match item.as_str() {
                        Some(text) => found.push((item.offset, text)),
                        None => self.report(
                            item.offset,
                            format!("{prefix}`{key}` holds {}; each entry must be a string", item.describe()),
                            "quote the entry as a string",
                        ),
                    }
                }
                found
            }
            _ => {
                self.report(
                    member.value.offset,
                    format!("{prefix}`{key}` must be a string or an array of strings, not {}", member.value.describe()),
                    format!("write \"{key}\": \"...\" or \"{key}\": [\"...\", ...]"),
                );
                Vec::new()
            }
        }
    }

    fn condition(&mut self, node: &Node, prefix: &str) {
        let Value::Object(operators) = &node.value else {
            self.report(
                node.offset,
                format!("{prefix}`Condition` must be an object, not {}", node.describe()),
                "write \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-...\"}}",
            );
            return;
        };
        for operator in operators {
            if let Err((message, help)) = check_operator(&operator.key) {
                self.report(operator.key_offset, format!("{prefix}{message}"), help);
            }
            let Value::Object(keys) = &operator.value.value else {
                self.report(
                    operator.value.offset,
                    format!("{prefix}`{}` must map condition keys to values, not {}", operator.key, operator.value.describe()),
                    format!("write \"{}\": {{\"condition-key\": \"value\"}}", operator.key),
                );
                continue;
            };
            for key in keys {
                if key.key.is_empty() {
                    self.report(
                        key.key_offset,
                        format!("{prefix}empty condition key under `{}`", operator.key),
                        "name a condition key, e.g. `aws:PrincipalOrgID`",
                    );
                }
                match &key.value.value {
                    Value::Array(values) => {
                        for value in values.iter().filter(|value| !value.is_scalar()) {
                            self.report(
                                value.offset,
                                format!(
                                    "{prefix}condition key `{}` holds {}; values must be strings, numbers or booleans",
                                    key.key,
                                    value.describe()
                                ),
                                "use plain strings, numbers or booleans as condition values",
                            );
                        }
                    }
                    _ if key.value.is_scalar() => {}
                    _ => self.report(
                        key.value.offset,
                        format!(
                            "{prefix}condition key `{}` must be a string, number or boolean, or an array of them, not {}",
                            key.key,
                            key.value.describe()
                        ),
                        "use a string, number or boolean, or an array of them",
                    ),
                }
            }
        }
    }
}

/// `"*"` or `{"AWS": "*"}`: the only principal an RCP takes.
fn is_any_principal(node: &Node) -> bool {
    match &node.value {
        Value::Str(text) => text == "*",
        Value::Object(members) => matches!(members.as_slice(), [only] if only.key == "AWS" && only.value.as_str() == Some("*")),
        _ => false,
    }
}

/// `*`, or `service:ActionName` where both sides may carry the wildcards `*` and `?`.
fn is_action(action: &str) -> bool {
    if action == "*" {
        return true;
    }
    let Some((service, name)) = action.split_once(':') else { return false };
    let service_ok = !service.is_empty() && service.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '*' | '?'));
    let name_ok = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '*' | '?' | '-' | '_' | '.'));
    service_ok && name_ok
}

/// Checks a condition operator: `[ForAllValues:|ForAnyValue:]Base[IfExists]`; on error, the message and help.
fn check_operator(name: &str) -> Result<(), (String, String)> {
    let (set_prefix, rest) =
        SET_OPERATOR_PREFIXES.iter().find_map(|prefix| name.strip_prefix(prefix).map(|rest| (*prefix, rest))).unwrap_or(("", name));
    let (base, suffix) = match rest.strip_suffix("IfExists") {
        Some(base) => (base, "IfExists"),
        None => (rest, ""),
    };
    if CONDITION_OPERATORS.contains(&base) {
        if base == "Null" && !suffix.is_empty() {
            return Err((
                format!("`{name}` is not an operator: `Null` takes no `IfExists`"),
                "use `Null` alone: it already tests whether the key is present".to_string(),
            ));
        }
        return Ok(());
    }
    let help = match suggest(base, CONDITION_OPERATORS) {
        Some(known) => format!("did you mean `{set_prefix}{known}{suffix}`?"),
        None => "use an IAM condition operator such as `StringEquals`, `ArnLike` or `Bool`, optionally suffixed `IfExists` or prefixed \
                 `ForAllValues:` / `ForAnyValue:`"
            .to_string(),
    };
    Err((format!("unknown condition operator `{name}`"), help))
}

/// The known word that `word` most likely misspells: the same but for case, or at most two edits away.
pub(super) fn suggest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    if let Some(same) = known.iter().find(|candidate| candidate.eq_ignore_ascii_case(word)) {
        return Some(same);
    }
    known
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, in characters.
fn edit_distance(from: &str, to: &str) -> usize {
    let to: Vec<char> = to.chars().collect();
    let mut previous: Vec<usize> = (0..=to.len()).collect();
    for (i, a) in from.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, b) in to.iter().enumerate() {
            let substitution = previous[j] + usize::from(a != *b);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or_default()
}

/// Garbles documents for the fuzz tests of both policy syntaxes: one to three characters replaced,
/// removed or inserted, by a tiny deterministic generator so that a failing case reproduces.
#[cfg(test)]
pub(super) struct Garbler {
    state: u64,
    alphabet: Vec<char>,
}

#[cfg(test)]
impl Garbler {
    pub(super) fn new(alphabet: &str) -> Garbler {
        Garbler { state: 0x9E37_79B9_7F4A_7C15, alphabet: alphabet.chars().collect() }
    }

    fn below(&mut self, bound: usize) -> usize {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        (self.state % bound as u64) as usize
    }

    pub(super) fn garble(&mut self, seed: &str) -> String {
        let mut chars: Vec<char> = seed.chars().collect();
        for _ in 0..1 + self.below(3) {
            let at = self.below(chars.len());
            let pick = self.below(self.alphabet.len());
            let c = self.alphabet[pick];
            match self.below(3) {
                0 => chars[at] = c,
                1 => {
                    chars.remove(at);
                }
                _ => chars.insert(at, c),
            }
        }
        chars.into_iter().collect()
    }
}

/// Asserts exactly one problem, with `message`, whose offset points at `token`; returns it. The
/// tests of both policy syntaxes read their problems this way.
#[cfg(test)]
pub(super) fn the_only_problem(text: &str, problems: Vec<SyntaxProblem>, message: &str, token: &str) -> SyntaxProblem {
    assert_eq!(problems.iter().map(|problem| problem.message.as_str()).collect::<Vec<_>>(), [message], "{text}");
    let problem = problems.into_iter().next().expect("one problem");
    assert!(text[problem.offset..].starts_with(token), "offset {} points at {:?}, not {token:?}", problem.offset, &text[problem.offset..]);
    problem
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCP: Family = Family::ServiceControl;
    const RCP: Family = Family::ResourceControl;

    fn messages(text: &str, family: Family) -> Vec<String> {
        check_iam_policy(text, family).into_iter().map(|problem| problem.message).collect()
    }

    fn only(text: &str, family: Family, message: &str, token: &str) -> SyntaxProblem {
        the_only_problem(text, check_iam_policy(text, family), message, token)
    }

    /// An RCP statement body that is valid by itself, for tests that change one thing.
    fn rcp(statement: &str) -> String {
        format!(r#"{{"Version": "2012-10-17", "Statement": [{statement}]}}"#)
    }

    #[test]
    fn valid_scp_deny_root_user_with_condition() {
        let text = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DenyRootUser",
      "Effect": "Deny",
      "Action": "*",
      "Resource": "*",
      "Condition": { "StringLike": { "aws:PrincipalArn": ["arn:aws:iam::*:root"] } }
    }
  ]
}
"#;
        assert_eq!(messages(text, SCP), Vec::<String>::new());
    }

    #[test]
    fn valid_scp_allow_with_not_action_and_resource_arn() {
        let text = r#"{
  "Version": "2012-10-17",
  "Id": "Sandbox",
  "Statement": {
    "Sid": "AllowAllButIam",
    "Effect": "Allow",
    "NotAction": ["iam:*", "organizations:*"],
    "Resource": "arn:aws:s3:::sandbox-bucket/*",
    "Condition": { "BoolIfExists": { "aws:MultiFactorAuthPresent": true }, "NumericLessThan": { "aws:MultiFactorAuthAge": 3600 } }
  }
}"#;
        assert_eq!(messages(text, SCP), Vec::<String>::new());
    }

    #[test]
    fn valid_rcp_data_perimeter() {
        let text = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "EnforceOrgIdentities",
      "Effect": "Deny",
      "Principal": "*",
      "Action": ["s3:*", "kms:*"],
      "Resource": "*",
      "Condition": {
        "StringNotEqualsIfExists": { "aws:PrincipalOrgID": "o-abcd1234" },
        "BoolIfExists": { "aws:PrincipalIsAWSService": "false" }
      }
    },
    {
      "Sid": "EnforceSecureTransport",
      "Effect": "Deny",
      "Principal": { "AWS": "*" },
      "Action": ["sts:*", "sqs:*", "secretsmanager:*"],
      "NotResource": "arn:aws:sqs:*:111122223333:public-*",
      "Condition": { "BoolIfExists": { "aws:SecureTransport": "false" } }
    }
  ]
}"#;
        assert_eq!(messages(text, RCP), Vec::<String>::new());
    }

    #[test]
    fn duplicate_statement_key() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}], "Statement": []}"#;
        let problem = only(text, SCP, "duplicate key `Statement`: AWS refuses it; merge the two", r#""Statement": []"#);
        assert_eq!(problem.help, "keep a single `Statement` holding what both held");
    }

    #[test]
    fn duplicate_key_inside_a_statement() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "A", "Effect": "Deny", "Action": "s3:*", "Action": "kms:*", "Resource": "*"}]}"#;
        only(text, SCP, "statement `A`: duplicate key `Action`: AWS refuses it; merge the two", r#""Action": "kms:*""#);
    }

    #[test]
    fn duplicate_key_inside_a_condition() {
        let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
            "Condition": {"Bool": {"aws:SecureTransport": "false", "aws:SecureTransport": "true"}}}}"#;
        only(
            text,
            SCP,
            "statement 1: duplicate key `aws:SecureTransport`: AWS refuses it; merge the two",
            r#""aws:SecureTransport": "true""#,
        );
    }

    #[test]
    fn wrong_version() {
        let text = r#"{"Version": "2008-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}"#;
        only(text, SCP, "`Version` must be `2012-10-17`, not `2008-10-17`", r#""2008-10-17""#);
    }

    #[test]
    fn missing_version() {
        let text = r#"{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}"#;
        let problem = only(text, SCP, "`Version` is missing", "{");
        assert_eq!(problem.offset, 0);
    }

    #[test]
    fn effect_block() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Block", "Action": "s3:*", "Resource": "*"}]}"#;
        only(text, SCP, "statement 2: `Effect` must be `Allow` or `Deny`, not `Block`", r#""Block""#);
    }

    #[test]
    fn missing_effect() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Action": "s3:*", "Resource": "*"}]}"#;
        only(text, SCP, "statement 1: `Effect` is missing", r#"{"Action""#);
    }

    #[test]
    fn both_action_and_not_action() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "Both", "Effect": "Deny", "Action": "s3:*", "NotAction": "iam:*", "Resource": "*"}]}"#;
        only(text, SCP, "statement `Both`: both `Action` and `NotAction` are set", r#""NotAction""#);
    }

    #[test]
    fn neither_action_nor_not_action() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Resource": "*"}]}"#;
        only(text, SCP, "statement 1: neither `Action` nor `NotAction` is set", r#"{"Effect""#);
    }

    #[test]
    fn malformed_actions() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "Action": ["s3", "s3:Get Object", "ec2:*Instances", 7], "Resource": "*"}]}"#;
        assert_eq!(
            messages(text, SCP),
            [
                "statement 1: `s3` is not an action",
                "statement 1: `s3:Get Object` is not an action",
                "statement 1: `Action` holds a number; each entry must be a string"
            ]
        );
    }

    #[test]
    fn principal_in_an_scp() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "NoRoot", "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}]}"#;
        let problem = only(text, SCP, "statement `NoRoot`: SCPs do not take `Principal`", r#""Principal""#);
        assert!(problem.help.contains("aws:PrincipalArn"));
    }

    #[test]
    fn not_principal_in_an_scp() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*", "Resource": "*"}]}"#;
        only(text, SCP, "statement 1: SCPs do not take `NotPrincipal`", r#""NotPrincipal""#);
    }

    #[test]
    fn rcp_allow() {
        let text = rcp(r#"{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}"#);
        only(&text, RCP, "statement 1: an RCP cannot allow: `Effect` must be `Deny`", r#""Allow""#);
    }

    #[test]
    fn rcp_without_principal() {
        let text = rcp(r#"{"Sid": "NoPrincipal", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}"#);
        only(&text, RCP, "statement `NoPrincipal`: `Principal` is missing", r#"{"Sid""#);
    }

    #[test]
    fn rcp_with_a_named_principal() {
        let text = rcp(r#"{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"}"#);
        only(&text, RCP, "statement 1: `Principal` must be `*` in an RCP, not an object", r#"{"AWS""#);
    }

    #[test]
    fn rcp_with_not_principal() {
        let text = rcp(r#"{"Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"}"#);
        only(&text, RCP, "statement 1: RCPs do not take `NotPrincipal`", r#""NotPrincipal""#);
    }

    #[test]
    fn rcp_with_not_action() {
        let text = rcp(r#"{"Effect": "Deny", "Principal": "*", "NotAction": "s3:GetObject", "Resource": "*"}"#);
        only(&text, RCP, "statement 1: RCPs do not take `NotAction`", r#""NotAction""#);
    }

    #[test]
    fn rcp_without_resource() {
        let text = rcp(r#"{"Effect": "Deny", "Principal": "*", "Action": "s3:*"}"#);
        only(&text, RCP, "statement 1: neither `Resource` nor `NotResource` is set", r#"{"Effect""#);
    }

    #[test]
    fn rcp_action_of_an_unsupported_service() {
        let text = rcp(r#"{"Effect": "Deny", "Principal": "*", "Action": ["s3:GetObject", "ec2:RunInstances"], "Resource": "*"}"#);
        let problem = only(&text, RCP, "statement 1: `ec2:RunInstances`: RCPs do not apply to the service `ec2`", r#""ec2:RunInstances""#);
        assert!(problem.help.contains("SCP"));
    }

    #[test]
    fn rcp_action_star() {
        let text = rcp(r#"{"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}"#);
        only(&text, RCP, "statement 1: an RCP cannot use `*` as an action", r#""*", "Resource""#);
    }

    #[test]
    fn unknown_condition_operator() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEqual": {"aws:PrincipalOrgID": "o-1"}}}]}"#;
        let problem = only(text, SCP, "statement 1: unknown condition operator `StringEqual`", r#""StringEqual""#);
        assert_eq!(problem.help, "did you mean `StringEquals`?");
    }

    #[test]
    fn set_operator_with_if_exists_is_accepted() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
            "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team*", "owner"]},
                "ForAllValues:ArnNotLike": {"aws:SourceArn": "arn:*"}}}]}"#;
        assert_eq!(messages(text, SCP), Vec::<String>::new());
    }

    #[test]
    fn null_if_exists_is_refused() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NullIfExists": {"aws:TagKeys": "true"}}}]}"#;
        only(text, SCP, "statement 1: `NullIfExists` is not an operator: `Null` takes no `IfExists`", r#""NullIfExists""#);
    }

    #[test]
    fn misspelt_operator_keeps_its_prefix_and_suffix_in_the_hint() {
        assert_eq!(
            check_operator("ForAllValues:StringEqualIfExists"),
            Err((
                "unknown condition operator `ForAllValues:StringEqualIfExists`".to_string(),
                "did you mean `ForAllValues:StringEqualsIfExists`?".to_string()
            ))
        );
        assert!(check_operator("IfExists").is_err());
        assert!(check_operator("ForAnyValue:Null").is_ok());
    }

    #[test]
    fn condition_shapes() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
            "Condition": {"StringEquals": "o-1", "Bool": {"aws:SecureTransport": {"x": 1}}, "ArnLike": {"aws:SourceArn": [null]}}}]}"#;
        assert_eq!(
            messages(text, SCP),
            [
                "statement 1: `StringEquals` must map condition keys to values, not `o-1`",
                "statement 1: condition key `aws:SecureTransport` must be a string, number or boolean, or an array of them, not an object",
                "statement 1: condition key `aws:SourceArn` holds null; values must be strings, numbers or booleans",
            ]
        );
    }

    #[test]
    fn duplicate_sid() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "DenyS3", "Effect": "Deny", "Action": "s3:*", "Resource": "*"},
            {"Sid": "DenyS3", "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}]}"#;
        let problem = only(
            text,
            SCP,
            "statement 2: `Sid` `DenyS3` is already used by statement 1",
            r#""DenyS3", "Effect": "Deny", "Action": "s3:PutObject""#,
        );
        assert_eq!(problem.help, "give each statement its own Sid");
    }

    #[test]
    fn sid_with_punctuation() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "deny-s3", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}"#;
        only(text, SCP, "statement `deny-s3`: `Sid` `deny-s3` has characters other than letters and digits", r#""deny-s3""#);
    }

    #[test]
    fn truncated_json_gives_one_problem_at_the_break() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*""#;
        let problems = check_iam_policy(text, SCP);
        assert_eq!(
            problems,
            [SyntaxProblem {
                offset: text.len(),
                message: "not JSON: expected ',' or '}'".to_string(),
                help: "correct the JSON syntax".to_string()
            }]
        );
    }

    #[test]
    fn json_errors_point_at_the_fault() {
        only(r#"{"Version": "2012-10-17",, "Statement": []}"#, SCP, "not JSON: expected a string key", r#", "Statement""#);
        only(r#"{"Version" "2012-10-17"}"#, SCP, "not JSON: expected ':'", r#""2012"#);
        only(r#"{"Action": ["s3:*" "kms:*"]}"#, SCP, "not JSON: expected ',' or ']'", r#""kms"#);
        only("{\"Sid\": \"a\tb\"}", SCP, "not JSON: control character in a string", "\tb");
        only(r#"{"Sid": "\x"}"#, SCP, "not JSON: invalid escape in a string", r#"\x"#);
        only(r#"{"Sid": "\ud800"}"#, SCP, "not JSON: lone surrogate in a \\u escape", r#"\ud800"#);
        only(r#"{"N": -01}"#, SCP, "not JSON: expected ',' or '}'", "1}");
        only(r#"{"N": 1.}"#, SCP, "not JSON: invalid number", "1.");
        only(r#"{"N": tru}"#, SCP, "not JSON: expected a value", "tru");
        only(r#"{} {}"#, SCP, "not JSON: expected the end of the document", "{}");
        only("", SCP, "not JSON: expected a value", "");
        only(&"[".repeat(100_000), SCP, "not JSON: nesting deeper than 64 levels", "[");
    }

    #[test]
    fn escapes_are_decoded() {
        // `\u0044eny` is `Deny`, and a surrogate pair in a Sid is still not alphanumeric.
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "\ud83d\ude00", "Effect": "\u0044eny", "Action": "s3:*", "Resource": "*"}]}"#;
        assert_eq!(messages(text, SCP), ["statement `😀`: `Sid` `😀` has characters other than letters and digits"]);
    }

    #[test]
    fn unknown_top_level_key() {
        let text = r#"{"Version": "2012-10-17", "statement": [], "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}"#;
        let problem = only(text, SCP, "unknown top-level key `statement`", r#""statement""#);
        assert_eq!(problem.help, "did you mean `Statement`? keys are case-sensitive");
    }

    #[test]
    fn unknown_statement_key() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Actions": "s3:*", "Action": "s3:*", "Resource": "*"}]}"#;
        let problem = only(text, SCP, "statement 1: unknown key `Actions`", r#""Actions""#);
        assert_eq!(problem.help, "did you mean `Action`? keys are case-sensitive");
    }

    #[test]
    fn statement_that_is_not_an_object() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}, "s3:*"]}"#;
        only(text, SCP, "statement 2 is not an object", r#""s3:*"]"#);
    }

    #[test]
    fn statement_shapes() {
        only(r#"{"Version": "2012-10-17"}"#, SCP, "`Statement` is missing", "{");
        only(r#"{"Version": "2012-10-17", "Statement": []}"#, SCP, "`Statement` is empty", "[]");
        only(
            r#"{"Version": "2012-10-17", "Statement": "Deny"}"#,
            SCP,
            "`Statement` must be an object or an array of objects, not `Deny`",
            r#""Deny""#,
        );
        only(r#"["Version"]"#, SCP, "the policy is not a JSON object", "[");
    }

    #[test]
    fn resource_shapes() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "Action": "s3:*", "Resource": ["my-bucket"], "NotResource": []}]}"#;
        assert_eq!(
            messages(text, SCP),
            [
                "statement 1: `my-bucket` is not `*` or an ARN",
                "statement 1: both `Resource` and `NotResource` are set",
                "statement 1: `NotResource` is empty"
            ]
        );
    }

    #[test]
    fn problems_come_in_document_order() {
        let text = r#"{"Statement": [{"Effect": "Maybe", "Principal": "*", "Action": "s3:*"}], "Version": "1"}"#;
        assert_eq!(
            messages(text, SCP),
            [
                "statement 1: `Effect` must be `Allow` or `Deny`, not `Maybe`",
                "statement 1: SCPs do not take `Principal`",
                "`Version` must be `2012-10-17`, not `1`"
            ]
        );
    }

    #[test]
    fn rcp_services_are_data() {
        for service in ["s3", "sts", "kms", "sqs", "secretsmanager", "cognito-idp", "logs", "dynamodb", "ecr", "aoss"] {
            assert!(RCP_SERVICES.contains(&service), "{service}");
        }
        assert!(!RCP_SERVICES.contains(&"ec2"));
        assert_eq!(CONDITION_OPERATORS.len(), 27);
    }

    /// The parser must agree with serde_json on what is JSON (duplicate keys aside, which serde_json takes).
    fn assert_agrees_with_serde(text: &str) {
        let ours = check_iam_policy(text, SCP).iter().any(|problem| problem.message.starts_with("not JSON"));
        let _ = check_iam_policy(text, RCP);
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(_) => assert!(!ours, "we refuse JSON that serde_json takes: {text:?}"),
            // serde_json refuses numbers beyond f64, which are still JSON.
            Err(error) if error.to_string().contains("number out of range") => {}
            Err(_) => assert!(ours, "we take what serde_json refuses: {text:?}"),
        }
    }

    #[test]
    fn fuzz_truncated_and_garbled_documents() {
        let seeds = [
            r#"{"Version": "2012-10-17", "Statement": [
            {"Sid": "Dé1", "Effect": "Deny", "Principal": {"AWS": "*"}, "Action": ["s3:*", "kms:Get?"], "Resource": "*",
             "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a\"\\\u00e9\ud83d\ude00", 1.5e-3, true, null]}}}]}"#,
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","NotResource":["arn:aws:s3:::b"],
                "Condition":{"Null":{"k":"false"}}}}"#,
        ];
        let mut garbler = Garbler::new("{}[]\":,\\ u0123456789-.eEtrfalsn*?éAD\n");
        for seed in seeds {
            assert_agrees_with_serde(seed);
            for (cut, _) in seed.char_indices() {
                let truncated = &seed[..cut];
                assert!(!check_iam_policy(truncated, SCP).is_empty(), "{truncated:?}");
                assert_agrees_with_serde(truncated);
            }
            for _ in 0..3000 {
                assert_agrees_with_serde(&garbler.garble(seed));
            }
        }
    }
}
