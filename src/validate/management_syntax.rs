//! Offline syntax check of AWS Organizations management policies: tag, backup, AI services opt-out, declarative
//! (EC2) and chat applications (chatbot) policies.
//!
//! AWS refuses a malformed policy only when it is uploaded; this module finds the same faults from the file in git
//! and points each one at a byte offset so the caller can print `file:line:column` and a fix.
//!
//! All management policy types share one syntax: a fixed top-level key, objects of named settings, and in each
//! setting the inheritance operators of
//! <https://docs.aws.amazon.com/organizations/latest/userguide/policy-operators.html>. So each type's layout is data
//! (the `Shape` consts below, each naming the page it was checked against), walked by one checker. The document is
//! read by the positioned parser of `policy_syntax`, which keeps duplicate keys (AWS refuses them, serde_json would
//! silently keep the last).

use super::policy_syntax::{Member, Node, Parser, SyntaxProblem, Value, suggest};

/// Which management policy type a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManagementType {
    /// A tag policy (`TAG_POLICY`): standard tag keys, values and enforcement.
    Tag,
    /// A backup policy (`BACKUP_POLICY`): AWS Backup plans deployed to accounts.
    Backup,
    /// An AI services opt-out policy (`AISERVICES_OPT_OUT_POLICY`).
    AiOptOut,
    /// A declarative policy for EC2 (`DECLARATIVE_POLICY_EC2`): account attributes AWS holds fixed.
    DeclarativeEc2,
    /// A chat applications policy (`CHATBOT_POLICY`): Amazon Q Developer in chat applications.
    Chatbot,
}

/// Every problem of a management policy document, in document order; empty when AWS would take it.
pub fn check_management_policy(text: &str, kind: ManagementType) -> Vec<SyntaxProblem> {
    let root = match (Parser { text, pos: 0 }).document() {
        Ok(root) => root,
        Err(problem) => return vec![problem],
    };
    let mut checker = Checker { text, rules: kind.rules(), problems: Vec::new() };
    checker.duplicates(&root, &mut Vec::new());
    if matches!(root.value, Value::Object(_)) {
        checker.walk(&root, Shape::Fields(checker.rules.top), &mut Vec::new());
    } else {
        let top = checker.rules.top.first().map_or("...", |field| field.name);
        checker.report(
            root.offset,
            "the policy is not a JSON object".to_string(),
            format!("write the policy as one object: {{\"{top}\": {{...}}}}"),
        );
    }
    // Stable, so problems found at one offset keep the order in which they were found.
    checker.problems.sort_by_key(|problem| problem.offset);
    checker.problems
}

// ---------------------------------------------------------------------------------------------------------------
// Inheritance operators, from "Inheritance operators"
// <https://docs.aws.amazon.com/organizations/latest/userguide/policy-operators.html>.

const ASSIGN: &str = "@@assign";
const APPEND: &str = "@@append";
const REMOVE: &str = "@@remove";
const CHILD_CONTROL: &str = "@@operators_allowed_for_child_policies";
const ALL: &str = "@@all";
const NONE: &str = "@@none";
/// Every key a policy may start with `@@`.
const OPERATORS: &[&str] = &[ASSIGN, APPEND, REMOVE, CHILD_CONTROL];
/// What `@@operators_allowed_for_child_policies` may list; `@@all` and `@@none` only alone.
const CHILD_CONTROL_VALUES: &[&str] = &[ASSIGN, APPEND, REMOVE, ALL, NONE];
/// `@@append` and `@@remove` work on multi-valued (array) settings only, per the same page.
const ALL_VALUE_OPERATORS: &[&str] = &[ASSIGN, APPEND, REMOVE];
const CHILD_CONTROL_HELP: &str =
    "write [\"@@none\"] to lock the setting, [\"@@all\"] to allow every operator, or list some of `@@assign`, `@@append` and `@@remove`";

// ---------------------------------------------------------------------------------------------------------------
// Policy layouts

/// What one place in a policy holds.
#[derive(Clone, Copy)]
enum Shape {
    /// An object whose keys are these fixed names.
    Fields(&'static [Field]),
    /// An object whose keys the author chooses (plan names, tag keys, services), each holding the same shape.
    Named(Names, &'static Shape),
    /// A setting: an object of inheritance operators that set a value of this kind.
    Setting(Kind),
    /// A part whose keys this module does not model: only its operators are checked.
    Unmodelled,
}

#[derive(Clone, Copy)]
struct Field {
    name: &'static str,
    shape: Shape,
    required: bool,
}

const fn field(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: false }
}

const fn required(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: true }
}

/// What the author-chosen keys of a `Shape::Named` may be.
#[derive(Clone, Copy)]
enum Names {
    Any,
    /// AI service names: a near miss of a documented one is reported, an unknown one taken (AWS adds services).
    AiService,
    /// `criteria_1` to `criteria_10`.
    ImageCriteria,
}

/// The value a setting's operators set.
#[derive(Clone, Copy)]
enum Kind {
    /// One string.
    Text,
    /// One string equal to its policy key but for case (a tag policy's `tag_key`).
    TagKey,
    /// One of these strings, case-sensitive.
    OneOf(&'static [&'static str]),
    /// A whole number in this range, as a JSON number or a string of digits (AWS's examples quote them).
    Integer(i64, i64),
    /// An array of strings; the only kind `@@append` and `@@remove` work on.
    List(Items),
}

/// What each string of a `Kind::List` must be.
#[derive(Clone, Copy)]
enum Items {
    Any,
    OneOf(&'static [&'static str]),
    /// A tag value: at most one `*` wildcard.
    TagValue,
    /// `service:resourceType`, e.g. `dynamodb:table` or `ec2:ALL_SUPPORTED`.
    ResourceType,
}

const ENABLED_DISABLED: &[&str] = &["enabled", "disabled"];

/// A tag policy's entries, from "Tag policy syntax and examples"
/// <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_example-tag-policies.html>, and
/// "Inheritance examples" <https://docs.aws.amazon.com/organizations/latest/userguide/inheritance-examples.html>,
/// which appends to and removes from `tag_value` and `enforced_for`. `report_required_tag_for` is named by the
/// Resource Groups Tagging API's `RequiredTag.ReportingTagKeys`
/// <https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_RequiredTag.html>. `tag_key` is not
/// required: AWS's own "Policy B – account tag policy" sets only `tag_value` under an inherited key.
const TAG_ENTRY: &[Field] = &[
    field("tag_key", Shape::Setting(Kind::TagKey)),
    field("tag_value", Shape::Setting(Kind::List(Items::TagValue))),
    field("enforced_for", Shape::Setting(Kind::List(Items::ResourceType))),
    field("report_required_tag_for", Shape::Setting(Kind::List(Items::ResourceType))),
];
const TAG_POLICY: &[Field] = &[required("tags", Shape::Named(Names::Any, &Shape::Fields(TAG_ENTRY)))];

/// AI service name keys listed on "AI services opt-out policy syntax and examples"
/// <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out_syntax.html>: the
/// full list of a 2023 copy, plus the names the current page lists first (only its start was readable). The list
/// grows, so only near misses of these names are reported and an unlisted service is taken.
const AI_SERVICES: &[&str] = &[
    "default",
    "aidevops",
    "aiops",
    "awssupplychain",
    "chimesdkvoiceanalytics",
    "cloudwatch",
    "codeguruprofiler",
    "codewhisperer",
    "comprehend",
    "connectamd",
    "connectoptimization",
    "contactlens",
    "frauddetector",
    "guardduty",
    "lex",
    "polly",
    "rekognition",
    "textract",
    "transcribe",
    "translate",
];
/// Same page: "The `opt_out_policy` key. This key must be present. This is the only key you can place under a
/// service name key", set with `@@assign` only, to `optOut` or `optIn`.
const AI_SERVICE_ENTRY: &[Field] = &[required("opt_out_policy", Shape::Setting(Kind::OneOf(&["optOut", "optIn"])))];
const AI_OPT_OUT_POLICY: &[Field] = &[required("services", Shape::Named(Names::AiService, &Shape::Fields(AI_SERVICE_ENTRY)))];

/// The keys of one plan, from the overview of "Backup policy syntax and examples"
/// <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_backup_syntax.html>. Below a
/// plan's top level only operators are checked: the rule and selection keys grow with AWS Backup.
const BACKUP_PLAN: &[Field] = &[
    field("rules", Shape::Unmodelled),
    field("regions", Shape::Setting(Kind::List(Items::Any))),
    field("selections", Shape::Unmodelled),
    field("advanced_backup_settings", Shape::Unmodelled),
    field("backup_plan_tags", Shape::Unmodelled),
    field("scan_settings", Shape::Unmodelled),
];
const BACKUP_POLICY: &[Field] = &[required("plans", Shape::Named(Names::Any, &Shape::Fields(BACKUP_PLAN)))];

/// The attributes and fields of "Declarative policy syntax and examples"
/// <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html>.
const EC2_ATTRIBUTES: &[Field] = &[
    field("exception_message", Shape::Setting(Kind::Text)),
    field(
        "vpc_block_public_access",
        Shape::Fields(&[field(
            "internet_gateway_block",
            Shape::Fields(&[
                field("mode", Shape::Setting(Kind::OneOf(&["off", "block_ingress", "block_bidirectional"]))),
                field("exclusions_allowed", Shape::Setting(Kind::OneOf(ENABLED_DISABLED))),
            ]),
        )]),
    ),
    field("serial_console_access", Shape::Fields(&[field("status", Shape::Setting(Kind::OneOf(ENABLED_DISABLED)))])),
    field("image_block_public_access", Shape::Fields(&[field("state", Shape::Setting(Kind::OneOf(&["unblocked", "block_new_sharing"])))])),
    field(
        "allowed_images_settings",
        Shape::Fields(&[
            field("state", Shape::Setting(Kind::OneOf(&["enabled", "disabled", "audit_mode"]))),
            field("image_criteria", Shape::Named(Names::ImageCriteria, &Shape::Fields(IMAGE_CRITERION))),
        ]),
    ),
    field(
        "instance_metadata_defaults",
        Shape::Fields(&[
            field("http_tokens", Shape::Setting(Kind::OneOf(&["no_preference", "required", "optional"]))),
            field("http_put_response_hop_limit", Shape::Setting(Kind::Integer(-1, 64))),
            field("http_endpoint", Shape::Setting(Kind::OneOf(&["no_preference", "enabled", "disabled"]))),
            field("instance_metadata_tags", Shape::Setting(Kind::OneOf(&["no_preference", "enabled", "disabled"]))),
        ]),
    ),
    field(
        "snapshot_block_public_access",
        Shape::Fields(&[field("state", Shape::Setting(Kind::OneOf(&["block_all_sharing", "block_new_sharing", "unblocked"])))]),
    ),
];
const IMAGE_CRITERION: &[Field] = &[
    field("allowed_image_providers", Shape::Setting(Kind::List(Items::Any))),
    field("image_names", Shape::Setting(Kind::List(Items::Any))),
    field("marketplace_product_codes", Shape::Setting(Kind::List(Items::Any))),
    field(
        "creation_date_condition",
        Shape::Fields(&[field("maximum_days_since_created", Shape::Setting(Kind::Integer(0, 2_147_483_647)))]),
    ),
    field(
        "deprecation_time_condition",
        Shape::Fields(&[field("maximum_days_since_deprecated", Shape::Setting(Kind::Integer(0, 2_147_483_647)))]),
    ),
];
const DECLARATIVE_EC2_POLICY: &[Field] = &[required("ec2_attributes", Shape::Fields(EC2_ATTRIBUTES))];

/// The blocks of "Chat applications policy syntax and examples"
/// <https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_chatbot_syntax.html>.
const CHAT_CLIENT: Field = field("client", Shape::Setting(Kind::OneOf(ENABLED_DISABLED)));
const CHANNEL_TYPES: Field = field("supported_channel_types", Shape::Setting(Kind::List(Items::OneOf(&["public", "private"]))));
const ROLE_SETTINGS: Field = field("supported_role_settings", Shape::Setting(Kind::List(Items::OneOf(&["user_role", "channel_role"]))));
const SLACK_SETTINGS: &[Field] = &[CHANNEL_TYPES, ROLE_SETTINGS];
const TEAMS_SETTINGS: &[Field] = &[ROLE_SETTINGS];
const CHAT_PLATFORMS: &[Field] = &[
    field(
        "slack",
        Shape::Fields(&[
            CHAT_CLIENT,
            field("workspaces", Shape::Setting(Kind::List(Items::Any))),
            field("default", Shape::Fields(SLACK_SETTINGS)),
            field("overrides", Shape::Named(Names::Any, &Shape::Fields(SLACK_SETTINGS))),
        ]),
    ),
    field(
        "microsoft_teams",
        Shape::Fields(&[
            CHAT_CLIENT,
            field("tenants", Shape::Named(Names::Any, &Shape::Setting(Kind::List(Items::Any)))),
            field("default", Shape::Fields(TEAMS_SETTINGS)),
            field("overrides", Shape::Named(Names::Any, &Shape::Named(Names::Any, &Shape::Fields(TEAMS_SETTINGS)))),
        ]),
    ),
    field("chime", Shape::Fields(&[CHAT_CLIENT])),
    // The page's syntax puts `default` beside `platforms`, but its Example 1 puts it inside: both are taken.
    field("default", Shape::Fields(&[CHAT_CLIENT])),
];
const CHATBOT_POLICY: &[Field] = &[required(
    "chatbot",
    Shape::Fields(&[field("platforms", Shape::Fields(CHAT_PLATFORMS)), field("default", Shape::Fields(&[CHAT_CLIENT]))]),
)];

/// What differs between the management policy types.
struct Rules {
    /// The type's name in messages, in the plural: "tag policies take only ...".
    plural: &'static str,
    /// The keys of the policy object.
    top: &'static [Field],
    /// The value-setting operators the type takes.
    value_operators: &'static [&'static str],
}

impl ManagementType {
    fn rules(self) -> Rules {
        let (plural, top) = match self {
            ManagementType::Tag => ("tag policies", TAG_POLICY),
            ManagementType::Backup => ("backup policies", BACKUP_POLICY),
            ManagementType::AiOptOut => ("AI services opt-out policies", AI_OPT_OUT_POLICY),
            ManagementType::DeclarativeEc2 => ("declarative policies for EC2", DECLARATIVE_EC2_POLICY),
            ManagementType::Chatbot => ("chat applications policies", CHATBOT_POLICY),
        };
        // "You can't use the @@append and @@remove inheritance operators in AI services opt-out policies."
        let value_operators = if self == ManagementType::AiOptOut { &[ASSIGN][..] } else { ALL_VALUE_OPERATORS };
        Rules { plural, top, value_operators }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Checker

struct Checker<'a> {
    text: &'a str,
    rules: Rules,
    problems: Vec<SyntaxProblem>,
}

/// The key path of a place, as messages name it: `tags.costcenter.tag_value`.
fn named(path: &[&str]) -> String {
    format!("`{}`", path.join("."))
}

/// What a message about `path` starts with; nothing at the top of the policy.
fn prefix(path: &[&str]) -> String {
    if path.is_empty() { String::new() } else { format!("{}: ", named(path)) }
}

/// `a`, `b` and `c`.
fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

fn field_names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|field| field.name).collect()
}

/// The members of an object that are the first with their key: a repeat is reported once, as a duplicate.
fn firsts(members: &[Member]) -> impl Iterator<Item = &Member> {
    members
        .iter()
        .enumerate()
        .filter(|(index, member)| !members[..*index].iter().any(|earlier| earlier.key == member.key))
        .map(|(_, member)| member)
}

/// A sample value of a shape, for help texts.
fn sample(shape: Shape) -> String {
    match shape {
        Shape::Setting(kind) => format!("{{\"@@assign\": {}}}", sample_value(kind)),
        _ => "{...}".to_string(),
    }
}

fn sample_value(kind: Kind) -> String {
    match kind {
        Kind::OneOf(values) => format!("\"{}\"", values.first().unwrap_or(&"...")),
        Kind::Integer(..) => "\"1\"".to_string(),
        Kind::List(Items::OneOf(values)) => format!("[\"{}\"]", values.first().unwrap_or(&"...")),
        Kind::List(_) => "[\"...\"]".to_string(),
        Kind::Text | Kind::TagKey => "\"...\"".to_string(),
    }
}

/// A string as JSON source, for help texts that repeat the author's value.
fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"...\"".to_string())
}

/// Why `entry` is not `service:resourceType`, if it is not.
fn resource_type_problem(entry: &str) -> Option<(String, &'static str)> {
    match entry.split_once(':') {
        Some(("*", _)) => {
            Some((format!("`{entry}` names no service"), "AWS takes no wildcard for the service; name it, e.g. `ec2:instance` or `ec2:*`"))
        }
        Some((service, resource))
            if !service.is_empty()
                && service.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !resource.is_empty()
                && !resource.contains(|c: char| c == ':' || c.is_whitespace()) =>
        {
            None
        }
        _ => Some((
            format!("`{entry}` is not `service:resourceType`"),
            "write a resource type as `service:resourceType`, e.g. `dynamodb:table`, `secretsmanager:*` or `ec2:ALL_SUPPORTED`",
        )),
    }
}

fn is_image_criteria(name: &str) -> bool {
    (1..=10).any(|number| name == format!("criteria_{number}"))
}

impl<'a> Checker<'a> {
    fn report(&mut self, offset: usize, message: String, help: impl Into<String>) {
        self.problems.push(SyntaxProblem { offset, message, help: help.into() });
    }

    /// Reports every key that repeats an earlier key of its object, at the repeat, anywhere in `node`.
    fn duplicates(&mut self, node: &'a Node, path: &mut Vec<&'a str>) {
        match &node.value {
            Value::Object(members) => {
                for (index, member) in members.iter().enumerate() {
                    if members[..index].iter().any(|earlier| earlier.key == member.key) {
                        self.report(
                            member.key_offset,
                            format!("{}duplicate key `{}`: AWS refuses it; merge the two", prefix(path), member.key),
                            format!("keep a single `{}` holding what both held", member.key),
                        );
                    }
                    path.push(&member.key);
                    self.duplicates(&member.value, path);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.duplicates(item, path);
                }
            }
            _ => {}
        }
    }

    fn walk(&mut self, node: &'a Node, shape: Shape, path: &mut Vec<&'a str>) {
        match shape {
            Shape::Fields(fields) => self.fields(node, fields, path),
            Shape::Named(names, entry) => self.named_entries(node, names, *entry, path),
            Shape::Setting(kind) => self.setting(node, kind, path),
            Shape::Unmodelled => self.unmodelled(node, path),
        }
    }

    /// The members of a node that must be an object, reporting it when it is not.
    fn object(&mut self, node: &'a Node, path: &[&str], help: String) -> Option<&'a [Member]> {
        match &node.value {
            Value::Object(members) => Some(members),
            _ => {
                self.report(node.offset, format!("{} must be an object, not {}", named(path), node.describe()), help);
                None
            }
        }
    }

    fn fields(&mut self, node: &'a Node, fields: &'static [Field], path: &mut Vec<&'a str>) {
        let names = field_names(fields);
        let Some(members) = self.object(node, path, format!("write an object with some of {}", list(&names))) else { return };
        for member in firsts(members) {
            if member.key.starts_with("@@") {
                let setting = fields.iter().find(|field| matches!(field.shape, Shape::Setting(_))).or(fields.first());
                let mut example = path.clone();
                example.push(setting.map_or("...", |field| field.name));
                self.container_operator(member, path, format!("move `{}` into the setting it sets, e.g. {}", member.key, named(&example)));
                continue;
            }
            match fields.iter().find(|field| field.name == member.key) {
                Some(field) => {
                    path.push(&member.key);
                    self.walk(&member.value, field.shape, path);
                    path.pop();
                }
                None => self.unknown_key(member, &names, path),
            }
        }
        for field in fields.iter().filter(|field| field.required && !members.iter().any(|member| member.key == field.name)) {
            let (message, help) = if path.is_empty() {
                (format!("`{}` is missing", field.name), format!("{} start with the fixed key `{}`", self.rules.plural, field.name))
            } else {
                (format!("{}`{}` is missing", prefix(path), field.name), format!("add \"{}\": {}", field.name, sample(field.shape)))
            };
            self.report(node.offset, message, help);
        }
    }

    fn unknown_key(&mut self, member: &Member, names: &[&str], path: &[&str]) {
        let message = if path.is_empty() {
            format!("unknown top-level key `{}`", member.key)
        } else {
            format!("{}unknown key `{}`", prefix(path), member.key)
        };
        let help = match suggest(&member.key, names) {
            Some(known) => format!("did you mean `{known}`? keys are case-sensitive"),
            None if path.is_empty() => format!("{} take only {}", self.rules.plural, list(names)),
            None => format!("{} takes only {}", named(path), list(names)),
        };
        self.report(member.key_offset, message, help);
    }

    fn named_entries(&mut self, node: &'a Node, names: Names, entry: Shape, path: &mut Vec<&'a str>) {
        let help = format!("write an object of named entries: {{\"<name>\": {}}}", sample(entry));
        let Some(members) = self.object(node, path, help) else { return };
        for member in firsts(members) {
            if member.key.starts_with("@@") {
                self.container_operator(
                    member,
                    path,
                    format!("move `{}` into the setting it sets, inside one of the entries of {}", member.key, named(path)),
                );
                continue;
            }
            self.entry_name(member, names, path);
            path.push(&member.key);
            self.walk(&member.value, entry, path);
            path.pop();
        }
    }

    fn entry_name(&mut self, member: &Member, names: Names, path: &[&str]) {
        let key = member.key.as_str();
        match names {
            Names::Any => {}
            Names::AiService => {
                if !AI_SERVICES.contains(&key)
                    && let Some(known) = suggest(key, AI_SERVICES)
                {
                    self.report(
                        member.key_offset,
                        format!("{}unknown AI service `{key}`", prefix(path)),
                        format!("did you mean `{known}`? service names are case-sensitive"),
                    );
                }
            }
            Names::ImageCriteria => {
                if !is_image_criteria(key) {
                    self.report(
                        member.key_offset,
                        format!("{}`{key}` is not a criteria name", prefix(path)),
                        "name image criteria `criteria_1` to `criteria_10`",
                    );
                }
            }
        }
    }

    /// An `@@` key where the policy names settings rather than sets one.
    fn container_operator(&mut self, member: &'a Member, path: &[&str], help: String) {
        match member.key.as_str() {
            CHILD_CONTROL => self.child_control(member, path),
            ASSIGN | APPEND | REMOVE => {
                self.report(member.key_offset, format!("{}`{}` only sets a value inside a setting", prefix(path), member.key), help)
            }
            _ => self.unknown_operator(member, path),
        }
    }

    fn unknown_operator(&mut self, member: &Member, path: &[&str]) {
        let help = match suggest(&member.key, OPERATORS) {
            Some(known) => format!("did you mean `{known}`?"),
            None => format!("the inheritance operators are {}", list(OPERATORS)),
        };
        self.report(member.key_offset, format!("{}unknown inheritance operator `{}`", prefix(path), member.key), help);
    }

    /// Whether the policy type takes this value-setting operator, reporting it when not.
    fn operator_allowed(&mut self, member: &Member, path: &[&str]) -> bool {
        if self.rules.value_operators.contains(&member.key.as_str()) {
            return true;
        }
        self.report(
            member.key_offset,
            format!("{}{} do not take `{}`", prefix(path), self.rules.plural, member.key),
            "set the value with `@@assign`",
        );
        false
    }

    fn setting(&mut self, node: &'a Node, kind: Kind, path: &mut Vec<&'a str>) {
        let Value::Object(members) = &node.value else {
            let last = path.last().copied().unwrap_or_default();
            let value = match (&node.value, kind) {
                (Value::Str(text), Kind::List(_)) => format!("[{}]", json_string(text)),
                (Value::Str(text), _) => json_string(text),
                _ => sample_value(kind),
            };
            self.report(
                node.offset,
                format!("{} must be an object of inheritance operators, not {}", named(path), node.describe()),
                format!("write \"{last}\": {{\"@@assign\": {value}}}"),
            );
            return;
        };
        for member in firsts(members) {
            match member.key.as_str() {
                CHILD_CONTROL => self.child_control(member, path),
                ASSIGN => self.value(member, kind, path),
                APPEND | REMOVE => {
                    if !self.operator_allowed(member, path) {
                        continue;
                    }
                    if matches!(kind, Kind::List(_)) {
                        self.value(member, kind, path);
                    } else {
                        self.report(
                            member.key_offset,
                            format!("{}`{}` works only on list settings, and {} holds one value", prefix(path), member.key, named(path)),
                            "set the value with `@@assign`",
                        );
                    }
                }
                key if key.starts_with("@@") => self.unknown_operator(member, path),
                key => {
                    let help = match suggest(key, OPERATORS) {
                        Some(known) => format!("did you mean `{known}`?"),
                        None => format!("a setting holds only the inheritance operators {}", list(OPERATORS)),
                    };
                    self.report(member.key_offset, format!("{}unknown key `{key}` in a setting", prefix(path)), help);
                }
            }
        }
    }

    /// The value an operator sets.
    fn value(&mut self, member: &Member, kind: Kind, path: &[&str]) {
        let (operator, node, prefix) = (&member.key, &member.value, prefix(path));
        match kind {
            Kind::Text | Kind::TagKey => match node.as_str() {
                None => self.report(
                    node.offset,
                    format!("{prefix}`{operator}` must be a string, not {}", node.describe()),
                    format!("write \"{operator}\": \"...\""),
                ),
                Some(text) if matches!(kind, Kind::TagKey) => self.tag_key(node, text, path),
                Some(_) => {}
            },
            Kind::OneOf(values) => {
                if node.as_str().is_some_and(|text| values.contains(&text)) {
                    return;
                }
                let help = match node.as_str().and_then(|text| suggest(text, values)) {
                    Some(known) => format!("did you mean `{known}`? values are case-sensitive"),
                    None => format!("set one of {}", list(values)),
                };
                let choices = list(values).replace(" and ", " or ");
                self.report(node.offset, format!("{prefix}`{operator}` must be {choices}, not {}", node.describe()), help);
            }
            Kind::Integer(min, max) => {
                let (shown, number) = match &node.value {
                    Value::Str(text) => (format!("`{text}`"), text.parse::<i64>().ok()),
                    Value::Number => {
                        let literal = self.number_literal(node.offset);
                        (format!("`{literal}`"), literal.parse::<i64>().ok())
                    }
                    _ => (node.describe(), None),
                };
                if !number.is_some_and(|number| (min..=max).contains(&number)) {
                    self.report(
                        node.offset,
                        format!("{prefix}`{operator}` must be a whole number from {min} to {max}, not {shown}"),
                        format!("write \"{operator}\": \"{}\" or another whole number from {min} to {max}", max.min(2)),
                    );
                }
            }
            Kind::List(items) => self.list_value(member, items, path),
        }
    }

    /// The text of the JSON number at `offset`.
    fn number_literal(&self, offset: usize) -> &'a str {
        let rest = self.text.get(offset..).unwrap_or_default();
        let end = rest.find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E')).unwrap_or(rest.len());
        &rest[..end]
    }

    fn tag_key(&mut self, node: &Node, text: &str, path: &[&str]) {
        // The path is `tags.<policy key>.tag_key`.
        let Some(policy_key) = path.iter().rev().nth(1) else { return };
        if text.to_lowercase() != policy_key.to_lowercase() {
            self.report(
                node.offset,
                format!("{}`{text}` does not match the policy key `{policy_key}`", prefix(path)),
                "a tag key must equal its policy key but for case; rename one of them",
            );
        }
    }

    fn list_value(&mut self, member: &Member, items: Items, path: &[&str]) {
        let (operator, node, prefix) = (&member.key, &member.value, prefix(path));
        let Value::Array(entries) = &node.value else {
            let help = match node.as_str() {
                Some(text) => format!("write \"{operator}\": [{}]", json_string(text)),
                None => format!("write \"{operator}\": [\"...\", ...]"),
            };
            self.report(node.offset, format!("{prefix}`{operator}` must be an array of strings, not {}", node.describe()), help);
            return;
        };
        for entry in entries {
            let Some(text) = entry.as_str() else {
                self.report(
                    entry.offset,
                    format!("{prefix}`{operator}` holds {}; each entry must be a string", entry.describe()),
                    "quote the entry as a string",
                );
                continue;
            };
            match items {
                Items::Any => {}
                Items::OneOf(values) => {
                    if !values.contains(&text) {
                        let choices = list(values).replace(" and ", " or ");
                        let help = match suggest(text, values) {
                            Some(known) => format!("did you mean `{known}`? values are case-sensitive"),
                            None => format!("use {choices}"),
                        };
                        self.report(entry.offset, format!("{prefix}`{text}` is not {choices}"), help);
                    }
                }
                Items::TagValue => {
                    if text.matches('*').count() > 1 {
                        self.report(
                            entry.offset,
                            format!("{prefix}`{text}` has more than one `*`"),
                            "AWS takes one wildcard per tag value, e.g. `*@example.com` but not `*@*.com`",
                        );
                    }
                }
                Items::ResourceType => {
                    if let Some((what, help)) = resource_type_problem(text) {
                        self.report(entry.offset, format!("{prefix}{what}"), help);
                    }
                }
            }
        }
    }

    /// `@@operators_allowed_for_child_policies`: an array of operator names, `@@all` and `@@none` alone.
    fn child_control(&mut self, member: &Member, path: &[&str]) {
        let (node, prefix) = (&member.value, prefix(path));
        let Value::Array(entries) = &node.value else {
            let help = match node.as_str() {
                Some(text) if CHILD_CONTROL_VALUES.contains(&text) => format!("write [\"{text}\"]"),
                _ => CHILD_CONTROL_HELP.to_string(),
            };
            self.report(node.offset, format!("{prefix}`{CHILD_CONTROL}` must be an array, not {}", node.describe()), help);
            return;
        };
        if entries.is_empty() {
            self.report(node.offset, format!("{prefix}`{CHILD_CONTROL}` is empty"), CHILD_CONTROL_HELP);
        }
        for entry in entries {
            let Some(name) = entry.as_str() else {
                self.report(
                    entry.offset,
                    format!("{prefix}`{CHILD_CONTROL}` holds {}; each entry must be an operator name", entry.describe()),
                    CHILD_CONTROL_HELP,
                );
                continue;
            };
            if !CHILD_CONTROL_VALUES.contains(&name) {
                let help = match suggest(name, CHILD_CONTROL_VALUES) {
                    Some(known) => format!("did you mean `{known}`?"),
                    None => CHILD_CONTROL_HELP.to_string(),
                };
                self.report(entry.offset, format!("{prefix}`{CHILD_CONTROL}` lists `{name}`, which is not an operator"), help);
            } else if ALL_VALUE_OPERATORS.contains(&name) && !self.rules.value_operators.contains(&name) {
                self.report(
                    entry.offset,
                    format!("{prefix}`{CHILD_CONTROL}` lists `{name}`, which {} do not take", self.rules.plural),
                    format!("allow children {} or `@@none`", list(self.rules.value_operators)),
                );
            } else if (name == ALL || name == NONE) && entries.len() > 1 {
                self.report(
                    entry.offset,
                    format!("{prefix}`{name}` must stand alone in `{CHILD_CONTROL}`"),
                    format!("write [\"{name}\"], or list only the operators child policies may use"),
                );
            }
        }
    }

    /// A part whose keys are not modelled: its operators are still checked.
    fn unmodelled(&mut self, node: &'a Node, path: &mut Vec<&'a str>) {
        let Value::Object(members) = &node.value else { return };
        for member in firsts(members) {
            match member.key.as_str() {
                CHILD_CONTROL => self.child_control(member, path),
                ASSIGN => {}
                APPEND | REMOVE => {
                    if self.operator_allowed(member, path) && !matches!(member.value.value, Value::Array(_)) {
                        self.report(
                            member.value.offset,
                            format!("{}`{}` must be an array, not {}", prefix(path), member.key, member.value.describe()),
                            "`@@append` and `@@remove` work only on list settings; set one value with `@@assign`",
                        );
                    }
                }
                key if key.starts_with("@@") => self.unknown_operator(member, path),
                _ => {
                    path.push(&member.key);
                    self.unmodelled(&member.value, path);
                    path.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAG: ManagementType = ManagementType::Tag;
    const BACKUP: ManagementType = ManagementType::Backup;
    const AI: ManagementType = ManagementType::AiOptOut;
    const EC2: ManagementType = ManagementType::DeclarativeEc2;
    const CHAT: ManagementType = ManagementType::Chatbot;
    const ALL_TYPES: [ManagementType; 5] = [TAG, BACKUP, AI, EC2, CHAT];

    fn messages(text: &str, kind: ManagementType) -> Vec<String> {
        check_management_policy(text, kind).into_iter().map(|problem| problem.message).collect()
    }

    fn only(text: &str, kind: ManagementType, message: &str, token: &str) -> SyntaxProblem {
        super::super::policy_syntax::the_only_problem(text, check_management_policy(text, kind), message, token)
    }

    // AWS's examples, from the pages named on the consts above.

    /// "Tag policy syntax", as on the current page (wildcard value, `ALL_SUPPORTED`).
    const TAG_SYNTAX: &str = r#"{
    "tags": {
        "costcenter": {
            "tag_key": {
                "@@assign": "CostCenter"
            },
            "tag_value": {
                "@@assign": [
                    "100",
                    "200",
                    "300*"
                ]
            },
            "enforced_for": {
                "@@assign": [
                    "secretsmanager:ALL_SUPPORTED"
                ]
            }
        }
    }
}"#;

    /// "Example 2: Prevent use of a tag key".
    const TAG_PREVENT_KEY: &str = r#"{
    "tags": {
        "Color": {
            "tag_key": {
                "@@operators_allowed_for_child_policies": [
                    "@@none"
                ],
                "@@assign": "Color"
            },
            "tag_value": {
                "@@operators_allowed_for_child_policies": [
                    "@@none"
                ],
                "@@assign": []
            },
            "enforced_for": {
                "@@assign": [
                    "dynamodb:table"
                ]
            }
        }
    }
}"#;

    /// Inheritance examples, "Policy C – OU2 tag policy for appending values".
    const TAG_APPEND: &str = r#"{
    "tags": {
        "costcenter": {
            "tag_key": {
                "@@assign": "CostCenter"
            },
            "tag_value": {
                "@@append": [
                    "Marketing"
                ]
            },
            "enforced_for": {
                "@@append": [
                    "redshift:*",
                    "dynamodb:table"
                ]
            }
        }
    }
}"#;

    /// "Example 1: Opt out of all AI services for all accounts in the organization".
    const AI_EXAMPLE_1: &str = r#"{
    "services": {
        "@@operators_allowed_for_child_policies": ["@@none"],
        "default": {
            "@@operators_allowed_for_child_policies": ["@@none"],
            "opt_out_policy": {
                "@@operators_allowed_for_child_policies": ["@@none"],
                "@@assign": "optOut"
            }
        }
    }
}"#;

    /// The AI opt-out page's organization-root example.
    const AI_ROOT: &str = r#"{
    "services": {
        "default": {
            "opt_out_policy": {
                "@@assign": "optOut"
            }
        },
        "comprehend": {
            "opt_out_policy": {
                "@@operators_allowed_for_child_policies": ["@@none"],
                "@@assign": "optOut"
            }
        },
        "rekognition": {
            "opt_out_policy": {
                "@@assign": "optIn"
            }
        }
    }
}"#;

    /// "Syntax for backup policies", the functionally complete policy.
    const BACKUP_SYNTAX: &str = r#"{
    "plans": {
        "PII_Backup_Plan": {
            "rules": {
                "My_Hourly_Rule": {
                    "schedule_expression": {"@@assign": "cron(0 5 ? * * *)"},
                    "start_backup_window_minutes": {"@@assign": "60"},
                    "complete_backup_window_minutes": {"@@assign": "604800"},
                    "target_backup_vault_name": {"@@assign": "My_Backup_Vault"},
                    "recovery_point_tags": {
                        "Owner": {
                            "tag_key": {"@@assign": "Owner"},
                            "tag_value": {"@@assign": "Backup"}
                        }
                    },
                    "lifecycle": {
                        "move_to_cold_storage_after_days": {"@@assign": "180"},
                        "delete_after_days": {"@@assign": "270"}
                    },
                    "copy_actions": {
                        "arn:aws:backup:us-west-2:$account:backup-vault:My_Secondary_Vault": {
                            "target_backup_vault_arn": {
                                "@@assign": "arn:aws:backup:us-west-2:$account:backup-vault:My_Secondary_Vault"
                            },
                            "lifecycle": {
                                "move_to_cold_storage_after_days": {"@@assign": "180"},
                                "delete_after_days": {"@@assign": "270"}
                            }
                        }
                    }
                }
            },
            "regions": {
                "@@append": [
                    "us-east-1",
                    "eu-north-1"
                ]
            },
            "selections": {
                "tags": {
                    "My_Backup_Assignment": {
                        "iam_role_arn": {"@@assign": "arn:aws:iam::$account:role/MyIamRole"},
                        "tag_key": {"@@assign": "dataType"},
                        "tag_value": {
                            "@@assign": [
                                "PII",
                                "RED"
                            ]
                        }
                    }
                }
            },
            "advanced_backup_settings": {
                "ec2": {
                    "WindowsVSS": {"@@assign": "enabled"}
                }
            },
            "backup_plan_tags": {
                "stage": {
                    "tag_key": {"@@assign": "Stage"},
                    "tag_value": {"@@assign": "Beta"}
                }
            }
        }
    }
}"#;

    /// Every attribute of "Supported declarative policies", each as its "Policy contents" shows it.
    const EC2_ALL_ATTRIBUTES: &str = r#"{
  "ec2_attributes": {
    "exception_message": {
      "@@assign": "Your custom error message.https://myURL"
    },
    "vpc_block_public_access": {
      "internet_gateway_block": {
        "mode": {
          "@@assign": "block_ingress"
        },
        "exclusions_allowed": {
          "@@assign": "enabled"
        }
      }
    },
    "serial_console_access": {
      "status": {
        "@@assign": "enabled"
      }
    },
    "image_block_public_access": {
      "state": {
        "@@assign": "block_new_sharing"
      }
    },
    "allowed_images_settings": {
      "state": {
        "@@assign": "enabled"
      },
      "image_criteria": {
        "criteria_1": {
          "allowed_image_providers": {
            "@@append": [
              "amazon"
            ]
          },
          "creation_date_condition": {
            "maximum_days_since_created": {
              "@@assign": 300
            }
          }
        }
      }
    },
    "instance_metadata_defaults": {
      "http_tokens": {
        "@@assign": "required"
      },
      "http_put_response_hop_limit": {
        "@@assign": "4"
      },
      "http_endpoint": {
        "@@assign": "enabled"
      },
      "instance_metadata_tags": {
        "@@assign": "enabled"
      }
    },
    "snapshot_block_public_access": {
      "state": {
        "@@assign": "block_new_sharing"
      }
    }
  }
}"#;

    /// "Example 4: Allows restricted Amazon Q Developer in chat applications access for Slack workspaces and a
    /// Microsoft Teams tenant", with the page's backquoted placeholders filled in.
    const CHAT_EXAMPLE_4: &str = r#"{
    "chatbot":{
       "platforms":{
          "slack":{
             "client":{
                "@@assign":"enabled"
             },
             "workspaces": {
                   "@@assign":[
                      "Slack-Workspace-Id1",
                      "Slack-Workspace-Id2"
                   ]
             },
             "default":{
                "supported_channel_types":{
                   "@@assign":[
                      "private"
                   ]
                },
                "supported_role_settings":{
                   "@@assign":[
                      "user_role"
                   ]
                }
             },
             "overrides":{
                "Slack-Workspace-Id2":{
                   "supported_channel_types":{
                      "@@assign":[
                         "public",
                         "private"
                      ]
                   },
                   "supported_role_settings":{
                      "@@assign":[
                         "channel_role",
                         "user_role"
                      ]
                   }
                }
             }
          },
          "microsoft_teams":{
             "client":{
                "@@assign":"enabled"
             },
             "tenants":{
                "Microsoft-Teams-Tenant-Id":{
                   "@@assign":[
                      "Microsoft-Teams-Team-Id"
                   ]
                }
             },
             "default":{
                "supported_role_settings":{
                   "@@assign":[
                      "user_role"
                   ]
                }
             },
             "overrides":{
                "Microsoft-Teams-Tenant-Id":{
                   "Microsoft-Teams-Team-Id":{
                      "supported_role_settings":{
                         "@@assign":[
                            "channel_role",
                            "user_role"
                         ]
                      }
                   }
                }
             }
          }
       },
       "default":{
          "client":{
             "@@assign":"disabled"
          }
       }
    }
}"#;

    /// "Example 1", which puts `default` inside `platforms`.
    const CHAT_EXAMPLE_1: &str = r#"{
   "chatbot": {
      "platforms": {
         "slack": {
            "client": {
               "@@assign": "enabled"
            },
            "workspaces": {
               "@@assign": [
                  "Slack-Workspace-Id"
               ]
            },
            "default": {
               "supported_channel_types": {
                  "@@assign": [
                     "private"
                  ]
               },
               "supported_role_settings": {
                  "@@assign": [
                     "channel_role",
                     "user_role"
                  ]
               }
            }
         },
         "microsoft_teams": {
            "client": {
               "@@assign": "disabled"
            }
         },
         "chime":{
            "client":{
               "@@assign":"disabled"
            }
         },
         "default":{
            "client":{
               "@@assign":"disabled"
            }
         }
      }
   }
}"#;

    const VALID: [(&str, ManagementType); 10] = [
        (TAG_SYNTAX, TAG),
        (TAG_PREVENT_KEY, TAG),
        (TAG_APPEND, TAG),
        (AI_EXAMPLE_1, AI),
        (AI_ROOT, AI),
        (BACKUP_SYNTAX, BACKUP),
        (EC2_ALL_ATTRIBUTES, EC2),
        (CHAT_EXAMPLE_4, CHAT),
        (CHAT_EXAMPLE_1, CHAT),
        (r#"{"tags": {}}"#, TAG),
    ];

    #[test]
    fn aws_examples_are_valid() {
        for (text, kind) in VALID {
            assert_eq!(messages(text, kind), Vec::<String>::new(), "{kind:?}: {text}");
        }
    }

    #[test]
    fn tag_policy_without_tag_key_is_valid() {
        // "Policy B – account tag policy": values for keys whose `tag_key` an inherited policy sets.
        let text = r#"{"tags": {"CostCenter": {"tag_value": {"@@assign": ["Production", "Test"]}},
            "Project": {"tag_value": {"@@assign": ["A", "B"]}}}}"#;
        assert_eq!(messages(text, TAG), Vec::<String>::new());
    }

    #[test]
    fn misspelt_operator() {
        let text = r#"{"tags": {"costcenter": {"tag_key": {"@@assing": "CostCenter"}}}}"#;
        let problem = only(text, TAG, "`tags.costcenter.tag_key`: unknown inheritance operator `@@assing`", r#""@@assing""#);
        assert_eq!(problem.help, "did you mean `@@assign`?");
    }

    #[test]
    fn unknown_operator_without_a_near_miss() {
        let text = r#"{"tags": {"costcenter": {"tag_value": {"@@replace": ["a"]}}}}"#;
        let problem = only(text, TAG, "`tags.costcenter.tag_value`: unknown inheritance operator `@@replace`", r#""@@replace""#);
        assert_eq!(
            problem.help,
            "the inheritance operators are `@@assign`, `@@append`, `@@remove` and `@@operators_allowed_for_child_policies`"
        );
    }

    #[test]
    fn child_control_with_an_unknown_operator() {
        let text = r#"{"tags": {"costcenter": {"tag_key": {"@@assign": "CostCenter",
            "@@operators_allowed_for_child_policies": ["@@nothing"]}}}}"#;
        let problem = only(
            text,
            TAG,
            "`tags.costcenter.tag_key`: `@@operators_allowed_for_child_policies` lists `@@nothing`, which is not an operator",
            r#""@@nothing""#,
        );
        assert_eq!(problem.help, CHILD_CONTROL_HELP);
        let text = r#"{"tags": {"costcenter": {"tag_value": {"@@operators_allowed_for_child_policies": ["@@apend"]}}}}"#;
        let problem = only(
            text,
            TAG,
            "`tags.costcenter.tag_value`: `@@operators_allowed_for_child_policies` lists `@@apend`, which is not an operator",
            r#""@@apend""#,
        );
        assert_eq!(problem.help, "did you mean `@@append`?");
    }

    #[test]
    fn child_control_that_is_not_an_array() {
        let text = r#"{"services": {"default": {"opt_out_policy": {"@@assign": "optOut",
            "@@operators_allowed_for_child_policies": "@@none"}}}}"#;
        let problem = only(
            text,
            AI,
            "`services.default.opt_out_policy`: `@@operators_allowed_for_child_policies` must be an array, not `@@none`",
            r#""@@none"}"#,
        );
        assert_eq!(problem.help, r#"write ["@@none"]"#);
        let text = r#"{"services": {"@@operators_allowed_for_child_policies": []}}"#;
        only(text, AI, "`services`: `@@operators_allowed_for_child_policies` is empty", "[]");
    }

    #[test]
    fn none_and_all_stand_alone() {
        let text = r#"{"tags": {"costcenter": {"tag_value": {"@@assign": ["a"],
            "@@operators_allowed_for_child_policies": ["@@append", "@@none"]}}}}"#;
        let problem = only(
            text,
            TAG,
            "`tags.costcenter.tag_value`: `@@none` must stand alone in `@@operators_allowed_for_child_policies`",
            r#""@@none"]"#,
        );
        assert_eq!(problem.help, r#"write ["@@none"], or list only the operators child policies may use"#);
        let text = r#"{"tags": {"@@operators_allowed_for_child_policies": ["@@all", "@@assign"]}}"#;
        only(text, TAG, "`tags`: `@@all` must stand alone in `@@operators_allowed_for_child_policies`", r#""@@all""#);
        let text = r#"{"tags": {"@@operators_allowed_for_child_policies": ["@@assign", "@@append", "@@remove"]}}"#;
        assert_eq!(messages(text, TAG), Vec::<String>::new());
    }

    #[test]
    fn tag_value_that_is_not_an_array() {
        let text = r#"{"tags": {"costcenter": {"tag_key": {"@@assign": "CostCenter"}, "tag_value": {"@@assign": "100"}}}}"#;
        let problem = only(text, TAG, "`tags.costcenter.tag_value`: `@@assign` must be an array of strings, not `100`", r#""100""#);
        assert_eq!(problem.help, r#"write "@@assign": ["100"]"#);
    }

    #[test]
    fn tag_value_entries_must_be_strings() {
        let text = r#"{"tags": {"costcenter": {"tag_value": {"@@assign": ["100", 200]}}}}"#;
        only(text, TAG, "`tags.costcenter.tag_value`: `@@assign` holds a number; each entry must be a string", "200");
    }

    #[test]
    fn effective_policy_syntax_is_not_a_policy() {
        // What "view effective policy" shows has no operators; AWS will not take it back as a policy.
        let text = r#"{"tags": {"costcenter": {"tag_key": "CostCenter", "tag_value": ["100"]}}}"#;
        let problems = check_management_policy(text, TAG);
        assert_eq!(
            problems.iter().map(|problem| problem.message.as_str()).collect::<Vec<_>>(),
            [
                "`tags.costcenter.tag_key` must be an object of inheritance operators, not `CostCenter`",
                "`tags.costcenter.tag_value` must be an object of inheritance operators, not an array"
            ]
        );
        assert_eq!(problems[0].help, r#"write "tag_key": {"@@assign": "CostCenter"}"#);
        assert_eq!(problems[1].help, r#"write "tag_value": {"@@assign": ["..."]}"#);
    }

    #[test]
    fn append_to_a_single_value() {
        let text = r#"{"tags": {"costcenter": {"tag_key": {"@@append": "CostCenter"}}}}"#;
        let problem = only(
            text,
            TAG,
            "`tags.costcenter.tag_key`: `@@append` works only on list settings, and `tags.costcenter.tag_key` holds one value",
            r#""@@append""#,
        );
        assert_eq!(problem.help, "set the value with `@@assign`");
    }

    #[test]
    fn tag_key_must_match_its_policy_key() {
        let text = r#"{"tags": {"costcenter": {"tag_key": {"@@assign": "Cost-Center"}}}}"#;
        only(text, TAG, "`tags.costcenter.tag_key`: `Cost-Center` does not match the policy key `costcenter`", r#""Cost-Center""#);
    }

    #[test]
    fn tag_value_wildcards_and_resource_types() {
        let text = r#"{"tags": {"owner": {"tag_value": {"@@assign": ["*@example.com", "*@*.com"]},
            "enforced_for": {"@@remove": ["*:instance", "secretsmanager", "ec2:instance"]},
            "report_required_tag_for": {"@@assign": ["ec2:ALL_SUPPORTED", "EC2:instance"]}}}}"#;
        let problems = check_management_policy(text, TAG);
        assert_eq!(
            problems.iter().map(|problem| (problem.message.as_str(), &text[problem.offset..problem.offset + 5])).collect::<Vec<_>>(),
            [
                ("`tags.owner.tag_value`: `*@*.com` has more than one `*`", "\"*@*."),
                ("`tags.owner.enforced_for`: `*:instance` names no service", "\"*:in"),
                ("`tags.owner.enforced_for`: `secretsmanager` is not `service:resourceType`", "\"secr"),
                ("`tags.owner.report_required_tag_for`: `EC2:instance` is not `service:resourceType`", "\"EC2:"),
            ]
        );
    }

    #[test]
    fn ai_opt_out_value_is_case_sensitive() {
        let text = r#"{"services": {"default": {"opt_out_policy": {"@@assign": "optout"}}}}"#;
        let problem =
            only(text, AI, "`services.default.opt_out_policy`: `@@assign` must be `optOut` or `optIn`, not `optout`", r#""optout""#);
        assert_eq!(problem.help, "did you mean `optOut`? values are case-sensitive");
    }

    #[test]
    fn ai_opt_out_unknown_key() {
        let text = r#"{"services": {"lex": {"opt_out_policy": {"@@assign": "optIn"}, "opt_in_policy": {"@@assign": "optIn"}}}}"#;
        let problem = only(text, AI, "`services.lex`: unknown key `opt_in_policy`", r#""opt_in_policy""#);
        assert_eq!(problem.help, "`services.lex` takes only `opt_out_policy`");
    }

    #[test]
    fn ai_opt_out_misspelt_key_is_also_missing_the_right_one() {
        let text = r#"{"services": {"lex": {"opt_out_polcy": {"@@assign": "optIn"}}}}"#;
        let problems = check_management_policy(text, AI);
        assert_eq!(
            problems.iter().map(|problem| problem.message.as_str()).collect::<Vec<_>>(),
            ["`services.lex`: `opt_out_policy` is missing", "`services.lex`: unknown key `opt_out_polcy`"]
        );
        assert_eq!(problems[0].help, r#"add "opt_out_policy": {"@@assign": "optOut"}"#);
        assert!(text[problems[0].offset..].starts_with(r#"{"opt_out_polcy""#));
        assert_eq!(problems[1].help, "did you mean `opt_out_policy`? keys are case-sensitive");
    }

    #[test]
    fn ai_opt_out_takes_no_append() {
        let text = r#"{"services": {"default": {"opt_out_policy": {"@@append": ["optOut"],
            "@@operators_allowed_for_child_policies": ["@@remove"]}}}}"#;
        let problems = check_management_policy(text, AI);
        assert_eq!(
            problems.iter().map(|problem| problem.message.as_str()).collect::<Vec<_>>(),
            [
                "`services.default.opt_out_policy`: AI services opt-out policies do not take `@@append`",
                "`services.default.opt_out_policy`: `@@operators_allowed_for_child_policies` lists `@@remove`, which AI services \
                 opt-out policies do not take"
            ]
        );
        assert_eq!(problems[1].help, "allow children `@@assign` or `@@none`");
    }

    #[test]
    fn ai_service_near_miss() {
        let text = r#"{"services": {"Rekognition": {"opt_out_policy": {"@@assign": "optOut"}},
            "brandnewservice": {"opt_out_policy": {"@@assign": "optOut"}}}}"#;
        let problem = only(text, AI, "`services`: unknown AI service `Rekognition`", r#""Rekognition""#);
        assert_eq!(problem.help, "did you mean `rekognition`? service names are case-sensitive");
    }

    #[test]
    fn unknown_top_level_key_of_each_type() {
        let cases = [
            (r#"{"tags": {}, "Tags": {}}"#, TAG, "did you mean `tags`? keys are case-sensitive"),
            (r#"{"plans": {}, "plan": {}}"#, BACKUP, "did you mean `plans`? keys are case-sensitive"),
            (r#"{"services": {}, "default": {}}"#, AI, "AI services opt-out policies take only `services`"),
            (r#"{"ec2_attributes": {}, "s3_attributes": {}}"#, EC2, "declarative policies for EC2 take only `ec2_attributes`"),
            (r#"{"chatbot": {}, "chatbots": {}}"#, CHAT, "did you mean `chatbot`? keys are case-sensitive"),
        ];
        for (text, kind, help) in cases {
            let key = text.split(", ").nth(1).unwrap();
            let name = key.split('"').nth(1).unwrap();
            let problem = only(text, kind, &format!("unknown top-level key `{name}`"), key);
            assert_eq!(problem.help, help);
        }
    }

    #[test]
    fn missing_top_level_key() {
        let text = r#"{"tag": {"costcenter": {"tag_key": {"@@assign": "CostCenter"}}}}"#;
        let problems = check_management_policy(text, TAG);
        assert_eq!(
            problems.iter().map(|problem| (problem.offset, problem.message.as_str(), problem.help.as_str())).collect::<Vec<_>>(),
            [
                (0, "`tags` is missing", "tag policies start with the fixed key `tags`"),
                (1, "unknown top-level key `tag`", "did you mean `tags`? keys are case-sensitive")
            ]
        );
        only("{}", CHAT, "`chatbot` is missing", "{");
    }

    #[test]
    fn duplicate_key() {
        let text = r#"{"tags": {"costcenter": {"tag_key": {"@@assign": "CostCenter"}, "tag_key": {"@@assign": "costcenter"}}}}"#;
        let problem = only(
            text,
            TAG,
            "`tags.costcenter`: duplicate key `tag_key`: AWS refuses it; merge the two",
            r#""tag_key": {"@@assign": "costcenter"}"#,
        );
        assert_eq!(problem.help, "keep a single `tag_key` holding what both held");
        // At the top too, and inside parts this module does not model.
        only(r#"{"plans": {}, "plans": {}}"#, BACKUP, "duplicate key `plans`: AWS refuses it; merge the two", r#""plans": {}}"#);
        let text = r#"{"plans": {"p": {"rules": {"r": {"lifecycle": {"delete_after_days": {"@@assign": "1", "@@assign": "2"}}}}}}}"#;
        only(
            text,
            BACKUP,
            "`plans.p.rules.r.lifecycle.delete_after_days`: duplicate key `@@assign`: AWS refuses it; merge the two",
            r#""@@assign": "2""#,
        );
    }

    #[test]
    fn backup_plan_with_an_unknown_key() {
        let text = r#"{"plans": {"PII": {"regions": {"@@assign": ["us-east-1"]}, "rule": {}}}}"#;
        let problem = only(text, BACKUP, "`plans.PII`: unknown key `rule`", r#""rule""#);
        assert_eq!(problem.help, "did you mean `rules`? keys are case-sensitive");
        let text = r#"{"plans": {"PII": {"vault": {}}}}"#;
        let problem = only(text, BACKUP, "`plans.PII`: unknown key `vault`", r#""vault""#);
        assert_eq!(
            problem.help,
            "`plans.PII` takes only `rules`, `regions`, `selections`, `advanced_backup_settings`, `backup_plan_tags` and `scan_settings`"
        );
    }

    #[test]
    fn backup_operators_are_checked_below_the_plan() {
        let text = r#"{"plans": {"PII": {"regions": {"@@append": "us-east-1"},
            "rules": {"r": {"target_backup_vault_name": {"@@asign": "v"}, "lifecycle": {"@@remove": "x"}}}}}}"#;
        assert_eq!(
            messages(text, BACKUP),
            [
                "`plans.PII.regions`: `@@append` must be an array of strings, not `us-east-1`",
                "`plans.PII.rules.r.target_backup_vault_name`: unknown inheritance operator `@@asign`",
                "`plans.PII.rules.r.lifecycle`: `@@remove` must be an array, not `x`",
            ]
        );
    }

    #[test]
    fn declarative_attribute_that_does_not_exist() {
        let text = r#"{"ec2_attributes": {"snapshot_block_public_acess": {"state": {"@@assign": "block_all_sharing"}}}}"#;
        let problem = only(text, EC2, "`ec2_attributes`: unknown key `snapshot_block_public_acess`", r#""snapshot_block_public_acess""#);
        assert_eq!(problem.help, "did you mean `snapshot_block_public_access`? keys are case-sensitive");
        let text = r#"{"ec2_attributes": {"vpc_endpoint_policy": {}}}"#;
        let problem = only(text, EC2, "`ec2_attributes`: unknown key `vpc_endpoint_policy`", r#""vpc_endpoint_policy""#);
        assert_eq!(
            problem.help,
            "`ec2_attributes` takes only `exception_message`, `vpc_block_public_access`, `serial_console_access`, \
             `image_block_public_access`, `allowed_images_settings`, `instance_metadata_defaults` and `snapshot_block_public_access`"
        );
    }

    #[test]
    fn declarative_values() {
        let text = r#"{"ec2_attributes": {
            "vpc_block_public_access": {"internet_gateway_block": {"mode": {"@@assign": "block_ingres"}}},
            "instance_metadata_defaults": {"http_put_response_hop_limit": {"@@assign": 65}, "http_tokens": {"@@assign": "Required"}},
            "allowed_images_settings": {"image_criteria": {"criteria_11": {"image_names": {"@@assign": ["al2023-*"]}}}}}}"#;
        let problems = check_management_policy(text, EC2);
        assert_eq!(
            problems.iter().map(|problem| (problem.message.as_str(), problem.help.as_str())).collect::<Vec<_>>(),
            [
                (
                    "`ec2_attributes.vpc_block_public_access.internet_gateway_block.mode`: `@@assign` must be `off`, `block_ingress` or \
                     `block_bidirectional`, not `block_ingres`",
                    "did you mean `block_ingress`? values are case-sensitive"
                ),
                (
                    "`ec2_attributes.instance_metadata_defaults.http_put_response_hop_limit`: `@@assign` must be a whole number from -1 \
                     to 64, not `65`",
                    "write \"@@assign\": \"2\" or another whole number from -1 to 64"
                ),
                (
                    "`ec2_attributes.instance_metadata_defaults.http_tokens`: `@@assign` must be `no_preference`, `required` or \
                     `optional`, not `Required`",
                    "did you mean `required`? values are case-sensitive"
                ),
                (
                    "`ec2_attributes.allowed_images_settings.image_criteria`: `criteria_11` is not a criteria name",
                    "name image criteria `criteria_1` to `criteria_10`"
                ),
            ]
        );
        assert!(text[problems[1].offset..].starts_with("65}"));
    }

    #[test]
    fn chatbot_policy_with_an_unknown_key() {
        let text = r#"{"chatbot": {"platforms": {"slack": {"client": {"@@assign": "enabled"}, "channels": {"@@assign": ["x"]}}}}}"#;
        let problem = only(text, CHAT, "`chatbot.platforms.slack`: unknown key `channels`", r#""channels""#);
        assert_eq!(problem.help, "`chatbot.platforms.slack` takes only `client`, `workspaces`, `default` and `overrides`");
        let text = r#"{"chatbot": {"platform": {}}}"#;
        let problem = only(text, CHAT, "`chatbot`: unknown key `platform`", r#""platform""#);
        assert_eq!(problem.help, "did you mean `platforms`? keys are case-sensitive");
    }

    #[test]
    fn chatbot_values() {
        let text = r#"{"chatbot": {"platforms": {"microsoft_teams": {"client": {"@@assign": "on"},
            "overrides": {"tenant": {"team": {"supported_role_settings": {"@@assign": ["userrole"]},
                "supported_channel_types": {"@@assign": ["private"]}}}}}}}}"#;
        assert_eq!(
            messages(text, CHAT),
            [
                "`chatbot.platforms.microsoft_teams.client`: `@@assign` must be `enabled` or `disabled`, not `on`",
                "`chatbot.platforms.microsoft_teams.overrides.tenant.team.supported_role_settings`: `userrole` is not \
                 `user_role` or `channel_role`",
                "`chatbot.platforms.microsoft_teams.overrides.tenant.team`: unknown key `supported_channel_types`",
            ]
        );
    }

    #[test]
    fn operator_that_sets_a_whole_object() {
        let text = r#"{"tags": {"@@assign": {"costcenter": {}}}}"#;
        let problem = only(text, TAG, "`tags`: `@@assign` only sets a value inside a setting", r#""@@assign""#);
        assert_eq!(problem.help, "move `@@assign` into the setting it sets, inside one of the entries of `tags`");
        let text = r#"{"ec2_attributes": {"serial_console_access": {"@@assign": "enabled"}}}"#;
        let problem =
            only(text, EC2, "`ec2_attributes.serial_console_access`: `@@assign` only sets a value inside a setting", r#""@@assign""#);
        assert_eq!(problem.help, "move `@@assign` into the setting it sets, e.g. `ec2_attributes.serial_console_access.status`");
    }

    #[test]
    fn plain_key_inside_a_setting() {
        // The inheritance examples' "Policy D" nests `enforced_for` inside `tag_value`.
        let text =
            r#"{"tags": {"costcenter": {"tag_value": {"@@remove": ["Development"], "enforced_for": {"@@remove": ["redshift:*"]}}}}}"#;
        let problem = only(text, TAG, "`tags.costcenter.tag_value`: unknown key `enforced_for` in a setting", r#""enforced_for""#);
        assert_eq!(
            problem.help,
            "a setting holds only the inheritance operators `@@assign`, `@@append`, `@@remove` and `@@operators_allowed_for_child_policies`"
        );
        let text = r#"{"tags": {"costcenter": {"tag_key": {"assign": "CostCenter"}}}}"#;
        let problem = only(text, TAG, "`tags.costcenter.tag_key`: unknown key `assign` in a setting", r#""assign""#);
        assert_eq!(problem.help, "did you mean `@@assign`?");
    }

    #[test]
    fn container_that_is_not_an_object() {
        only(r#"{"tags": []}"#, TAG, "`tags` must be an object, not an array", "[]");
        let problem = only(r#"{"plans": {"p": "daily"}}"#, BACKUP, "`plans.p` must be an object, not `daily`", r#""daily""#);
        assert!(problem.help.starts_with("write an object with some of `rules`, `regions`"), "{}", problem.help);
    }

    #[test]
    fn document_that_is_not_an_object() {
        let problem = only(r#"["tags"]"#, TAG, "the policy is not a JSON object", "[");
        assert_eq!(problem.help, r#"write the policy as one object: {"tags": {...}}"#);
        only("\"optOut\"", AI, "the policy is not a JSON object", "\"optOut\"");
    }

    #[test]
    fn a_json_error_is_the_only_problem() {
        let text = r#"{"tags": {"costcenter": {"tag_key": {"@@assing": "CostCenter"}}}, "tags": 1"#;
        let problem = only(text, TAG, "not JSON: expected ',' or '}'", "");
        assert_eq!(problem.offset, text.len());
        only(r#"{"tags": {"a": {"tag_key": {"@@assign": "A",}}}}"#, TAG, "not JSON: expected a string key", "}}}}");
    }

    #[test]
    fn problems_come_in_document_order() {
        let text = r#"{"services": {"lex": {"opt_out_policy": {"@@assign": "in"}}, "lex": {}}, "extra": 1}"#;
        assert_eq!(
            messages(text, AI),
            [
                "`services.lex.opt_out_policy`: `@@assign` must be `optOut` or `optIn`, not `in`",
                "`services`: duplicate key `lex`: AWS refuses it; merge the two",
                "unknown top-level key `extra`",
            ]
        );
    }

    #[test]
    fn layouts_are_data() {
        assert_eq!(field_names(TAG_ENTRY), ["tag_key", "tag_value", "enforced_for", "report_required_tag_for"]);
        assert_eq!(field_names(EC2_ATTRIBUTES).len(), 7);
        assert!(AI_SERVICES.contains(&"default") && AI_SERVICES.contains(&"rekognition"));
        assert!(is_image_criteria("criteria_10") && !is_image_criteria("criteria_0") && !is_image_criteria("criteria_01"));
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&[]), "");
    }

    #[test]
    fn fuzz_truncated_and_garbled_documents() {
        let mut garbler = super::super::policy_syntax::Garbler::new("{}[]\":,\\ @@assignappendremove_0123456789-.etrfalsn*é\n");
        for (seed, _) in VALID {
            for (cut, _) in seed.char_indices() {
                let truncated = &seed[..cut];
                for kind in ALL_TYPES {
                    let problems = check_management_policy(truncated, kind);
                    assert!(!problems.is_empty(), "{truncated:?}");
                    assert!(problems.iter().all(|problem| problem.offset <= truncated.len()));
                }
            }
            for _ in 0..400 {
                let text = garbler.garble(seed);
                for kind in ALL_TYPES {
                    for problem in check_management_policy(&text, kind) {
                        assert!(text.is_char_boundary(problem.offset), "{text:?}");
                    }
                }
            }
        }
    }
}
