//! How a plan reads: grouped by kind, `+ ~ -` markers, a line diff of changed policy content.

use std::fmt::Write;

use similar::{ChangeTag, TextDiff};

use super::{Change, Effect, Plan, SsoPolicy, Target, TargetKind, Unmanaged};
use crate::diagnostic::{ANNOTATIONS_SHOWN, Annotation, Level, Location};
use crate::model::BudgetScope;

fn marker(effect: Effect) -> char {
    match effect {
        Effect::Add => '+',
        Effect::Change => '~',
        Effect::Remove => '-',
    }
}

fn target(target: &Target) -> String {
    match target.kind {
        TargetKind::Root => "root".into(),
        TargetKind::Ou => format!("OU {}", target.name),
        TargetKind::Account => target.name.clone(),
    }
}

/// One line per change, without the marker.
pub fn describe(change: &Change) -> String {
    match change {
        Change::CreateOu { path } => format!("OU {path}"),
        Change::DeleteOu { path, id } => format!("OU {path} ({id})"),
        Change::EnablePolicyType { policy_type } => format!("enable {} on the root", policy_type.aws_name()),
        Change::CreatePolicy { policy_type, name, .. } => format!("{policy_type} {name}"),
        Change::UpdatePolicy { policy_type, name, description, content, .. } => {
            let what: Vec<&str> =
                [content.as_ref().map(|_| "content"), description.as_ref().map(|_| "description")].into_iter().flatten().collect();
            format!("{policy_type} {name} ({})", what.join(", "))
        }
        Change::TagPolicy { policy_type, name, .. } => format!("{policy_type} {name}: tag managed-by=miyabi-org"),
        Change::DeletePolicy { policy_type, name, id } => format!("{policy_type} {name} ({id})"),
        Change::AttachPolicy { policy_type, policy, target: t, .. } => format!("{policy_type} {policy} -> {}", target(t)),
        Change::DetachPolicy { policy_type, policy, target: t, .. } => format!("{policy_type} {policy} -/-> {}", target(t)),
        Change::CreateAccount { account, name, email, .. } => format!("account {name} <{email}> ({account})"),
        Change::MoveAccount { name, from, to, .. } => format!("account {name}: {from} -> {to}"),
        Change::TagAccount { name, tags, .. } => {
            let tags: Vec<String> = tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("account {name}: tag {}", tags.join(", "))
        }
        Change::CreateBudget { budget } => {
            format!("budget {} ({:.2} USD a month, {})", budget.name, budget.limit_usd, budget_scope(&budget.scope))
        }
        Change::UpdateBudget { budget, limit_from, alerts_from, filter_changed } => {
            let mut what = Vec::new();
            if let Some(from) = limit_from {
                what.push(format!("limit {from:.2} -> {:.2} USD", budget.limit_usd));
            }
            if let Some(from) = alerts_from {
                what.push(format!("alerts {from:?} -> {:?} %", budget.alert_percent));
            }
            if *filter_changed {
                what.push(format!("filter -> {}", budget_scope(&budget.scope)));
            }
            format!("budget {} ({})", budget.name, what.join(", "))
        }
        Change::DeleteBudget { name } => format!("budget {name}"),
        Change::CreatePermissionSet { name, fields } => {
            format!("permission set {name} (session {}{})", fields.session_duration, relay(fields.relay_state.as_deref()))
        }
        Change::UpdatePermissionSet { name, changed, .. } => {
            let what: Vec<String> = changed.iter().map(|(field, u)| format!("{field} {:?} -> {:?}", u.from, u.to)).collect();
            format!("permission set {name} ({})", what.join(", "))
        }
        Change::AttachPermissionSetPolicy { permission_set, policy, .. } => {
            format!("permission set {permission_set}: {}", sso_policy(policy))
        }
        Change::DetachPermissionSetPolicy { permission_set, policy, .. } => {
            format!("permission set {permission_set}: {}", sso_policy(policy))
        }
        Change::ProvisionPermissionSet { permission_set, outdated_accounts, .. } => match outdated_accounts.len() {
            0 => format!("provision permission set {permission_set} to its accounts"),
            n => format!("provision permission set {permission_set}: out of date in {n} account{}", if n == 1 { "" } else { "s" }),
        },
        Change::CreateAccountAssignment { principal, permission_set, account, from, .. } => {
            format!("{principal} -> {permission_set} in {account} (from {})", from.join(", "))
        }
        Change::DeleteAccountAssignment { principal, permission_set, account, account_id, .. } => {
            format!("{principal} -> {permission_set} in {account} ({account_id})")
        }
        Change::CreateQueue { account, queue, dead_letter_queue, attributes, .. } => {
            let what: Vec<String> = attributes.iter().map(|(k, v)| format!("{k} {v}")).collect();
            let redrive =
                dead_letter_queue.as_ref().map(|d| format!(", dead letters to {} after {} receives", d.queue, d.max_receive_count));
            format!("queue {queue} in {account} ({}{})", what.join(", "), redrive.unwrap_or_default())
        }
        Change::SetQueueAttributes { account, queue, changed, .. } => format!("queue {queue} in {account} ({})", updates(changed)),
        Change::CreateTable { account, table, .. } => format!("table {table} in {account} (PK, SK; on demand)"),
        Change::RegisterScalableTarget { account, resource, target, changed, .. } if changed.is_empty() => {
            let suspended = if target.suspended { ", scaling suspended" } else { "" };
            format!("scalable target {resource} in {account} ({} to {} tasks{suspended})", target.min, target.max)
        }
        Change::RegisterScalableTarget { account, resource, changed, .. } => {
            format!("scalable target {resource} in {account} ({})", updates(changed))
        }
        Change::PutScalingPolicy { account, direction, policy, alarm, changed, .. } if changed.is_empty() => {
            let way = direction.as_str();
            format!("scale-{way} policy and alarm in {account} (when {}: {})", alarm.describe(), policy.describe(alarm.threshold))
        }
        Change::PutScalingPolicy { account, direction, changed, .. } => {
            format!("scale-{} policy and alarm in {account} ({})", direction.as_str(), updates(changed))
        }
    }
}

/// `key from -> to`, for each thing that differs.
fn updates(changed: &std::collections::BTreeMap<String, crate::plan::Update>) -> String {
    changed.iter().map(|(k, u)| format!("{k} {} -> {}", u.from, u.to)).collect::<Vec<_>>().join(", ")
}

fn relay(relay_state: Option<&str>) -> String {
    relay_state.map(|r| format!(", relay state {r}")).unwrap_or_default()
}

fn sso_policy(policy: &SsoPolicy) -> String {
    match policy {
        SsoPolicy::Managed(arn) => format!("managed policy {arn}"),
        SsoPolicy::CustomerManaged(reference) => format!("customer-managed policy {reference}"),
        SsoPolicy::Inline(_) => "inline policy".into(),
        SsoPolicy::Boundary(boundary) => format!("permissions boundary {boundary}"),
    }
}

fn budget_scope(scope: &BudgetScope) -> String {
    match scope {
        BudgetScope::Account { account } => format!("account {account}"),
        BudgetScope::Customer { tag, customer } => format!("user:{tag}${customer}"),
    }
}

fn section(change: &Change) -> &'static str {
    match change {
        Change::CreateOu { .. } | Change::DeleteOu { .. } => "Organizational units",
        Change::EnablePolicyType { .. }
        | Change::CreatePolicy { .. }
        | Change::UpdatePolicy { .. }
        | Change::TagPolicy { .. }
        | Change::DeletePolicy { .. } => "Policies",
        Change::AttachPolicy { .. } | Change::DetachPolicy { .. } => "Attachments",
        Change::CreateAccount { .. } | Change::MoveAccount { .. } | Change::TagAccount { .. } => "Accounts",
        Change::CreateBudget { .. } | Change::UpdateBudget { .. } | Change::DeleteBudget { .. } => "Budgets",
        Change::CreatePermissionSet { .. }
        | Change::UpdatePermissionSet { .. }
        | Change::AttachPermissionSetPolicy { .. }
        | Change::DetachPermissionSetPolicy { .. }
        | Change::ProvisionPermissionSet { .. } => "Permission sets",
        Change::CreateAccountAssignment { .. } | Change::DeleteAccountAssignment { .. } => "Account assignments",
        Change::CreateQueue { .. }
        | Change::SetQueueAttributes { .. }
        | Change::CreateTable { .. }
        | Change::RegisterScalableTarget { .. }
        | Change::PutScalingPolicy { .. } => "Workers",
    }
}

const SECTIONS: [&str; 8] =
    ["Organizational units", "Policies", "Accounts", "Attachments", "Permission sets", "Account assignments", "Workers", "Budgets"];

fn pretty(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| json.to_string())
}

/// The changed lines of two policy documents, with a line of context around each change.
fn content_diff(from: &str, to: &str, indent: &str) -> String {
    let (from, to) = (pretty(from), pretty(to));
    let diff = TextDiff::from_lines(&from, &to);
    let mut out = String::new();
    for group in diff.grouped_ops(1) {
        for op in group {
            for line in diff.iter_changes(&op) {
                let sign = match line.tag() {
                    ChangeTag::Delete => '-',
                    ChangeTag::Insert => '+',
                    ChangeTag::Equal => ' ',
                };
                let _ = writeln!(out, "{indent}{sign} {}", line.value().trim_end_matches('\n'));
            }
        }
    }
    out
}

/// Details shown under a change: the content diff and the description change.
fn details(change: &Change, indent: &str) -> String {
    let mut out = String::new();
    if let Change::UpdatePolicy { description, content, .. } = change {
        if let Some(d) = description {
            let _ = writeln!(out, "{indent}description: {:?} -> {:?}", d.from, d.to);
        }
        if let Some(c) = content {
            out.push_str(&content_diff(&c.from, &c.to, indent));
        }
    }
    out
}

pub fn summary(plan: &Plan) -> String {
    format!(
        "Plan: {} to add, {} to change, {} to remove.",
        thousands(plan.count(Effect::Add)),
        thousands(plan.count(Effect::Change)),
        thousands(plan.count(Effect::Remove))
    )
}

/// GitHub refuses a pull-request comment longer than this many characters.
pub const MARKDOWN_MAX: usize = 65_536;

/// Up to this many unmanaged resources are listed one by one; more are summarised by kind.
const LISTED: usize = 20;

/// How many of each kind a summary still names.
const FIRST_FEW: usize = 5;

/// `1000` as `1,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// Where a policy is attached, on one line: a few targets by name, or how many of each kind
/// ("root, 14 OUs, 1,000 accounts"), since FullAWSAccess alone is attached to every account.
pub fn summarize_targets(targets: &[Target], everything: bool) -> String {
    if everything || targets.len() <= FIRST_FEW {
        return targets.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", ");
    }
    let of = |kind: TargetKind| targets.iter().filter(|t| t.kind == kind).count();
    let mut parts = Vec::new();
    if of(TargetKind::Root) > 0 {
        parts.push("root".to_string());
    }
    if of(TargetKind::Ou) > 0 {
        parts.push(count(of(TargetKind::Ou), "OU", "OUs"));
    }
    if of(TargetKind::Account) > 0 {
        parts.push(count(of(TargetKind::Account), "account", "accounts"));
    }
    parts.join(", ")
}

/// Why a resource is unmanaged, and where a policy is attached.
fn unmanaged_detail(item: &Unmanaged, everything: bool) -> String {
    match item.attached_to.as_deref() {
        None => item.detail.clone(),
        Some([]) => format!("{}; not attached", item.detail),
        Some(targets) => format!("{}; attached to {}", item.detail, summarize_targets(targets, everything)),
    }
}

fn unmanaged_line(item: &Unmanaged, everything: bool) -> String {
    format!("{} {} ({}): {}", item.kind, item.name, item.id, unmanaged_detail(item, everything))
}

/// "ou", "policy", "account" or "budget" as people count them.
fn kind_word(kind: &str, n: usize) -> String {
    match (kind, n) {
        ("ou", 1) => "OU".into(),
        ("ou", _) => "OUs".into(),
        ("policy", 1) => "policy".into(),
        ("policy", _) => "policies".into(),
        (other, 1) => other.into(),
        (other, _) => format!("{other}s"),
    }
}

/// Unmanaged resources by kind, in the order the planner found them.
fn by_kind(items: &[Unmanaged]) -> Vec<(&str, Vec<&Unmanaged>)> {
    let mut groups: Vec<(&str, Vec<&Unmanaged>)> = Vec::new();
    for item in items {
        match groups.iter_mut().find(|(kind, _)| *kind == item.kind) {
            Some((_, group)) => group.push(item),
            None => groups.push((&item.kind, vec![item])),
        }
    }
    groups
}

fn kind_counts(groups: &[(&str, Vec<&Unmanaged>)]) -> String {
    groups.iter().map(|(kind, items)| format!("{} {}", thousands(items.len()), kind_word(kind, items.len()))).collect::<Vec<_>>().join(", ")
}

/// The plan for a terminal. Every change is listed: it is what apply will do. Unmanaged resources
/// (every account of an organization the repo does not declare yet) are summarised by kind when
/// there are many; `render_text_in_full` lists them all.
pub fn render_text(plan: &Plan) -> String {
    text(plan, false)
}

/// The plan for a terminal with every unmanaged resource and every target named (`-v`).
pub fn render_text_in_full(plan: &Plan) -> String {
    text(plan, true)
}

fn text(plan: &Plan, everything: bool) -> String {
    let mut out = String::new();
    if plan.is_empty() {
        out.push_str("No changes. The organization matches the repo.\n");
    } else {
        for name in SECTIONS {
            let changes: Vec<&Change> = plan.changes.iter().filter(|c| section(c) == name).collect();
            if changes.is_empty() {
                continue;
            }
            let _ = writeln!(out, "{name}");
            for change in changes {
                let _ = writeln!(out, "  {} {}", marker(change.effect()), describe(change));
                out.push_str(&details(change, "      "));
            }
        }
        let _ = writeln!(out, "\n{}", summary(plan));
    }
    if everything || plan.unmanaged.len() <= LISTED {
        if !plan.unmanaged.is_empty() {
            let _ = writeln!(out, "\nUnmanaged (left alone)");
        }
        for item in &plan.unmanaged {
            let _ = writeln!(out, "  ? {}", unmanaged_line(item, everything));
        }
    } else {
        let groups = by_kind(&plan.unmanaged);
        let _ = writeln!(out, "\nUnmanaged (left alone): {}", kind_counts(&groups));
        for (kind, items) in &groups {
            for item in items.iter().take(FIRST_FEW) {
                let _ = writeln!(out, "  ? {}", unmanaged_line(item, false));
            }
            if items.len() > FIRST_FEW {
                let more = items.len() - FIRST_FEW;
                let _ = writeln!(out, "  ? ... and {} more {}", thousands(more), kind_word(kind, more));
            }
        }
        let _ = writeln!(out, "  (-v lists every one; --output json gives them all to a program)");
    }
    for warning in &plan.warnings {
        let _ = writeln!(out, "\nwarning: {warning}");
    }
    out
}

/// A table cell: a `|` would end it.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The plan for a pull-request comment or `$GITHUB_STEP_SUMMARY`, always under `MARKDOWN_MAX`
/// characters: what does not fit is counted, and the comment says where to see all of it.
/// `command` is the one whose `--output json` gives the whole plan.
pub fn render_markdown(plan: &Plan, command: &str) -> String {
    let mut head = String::new();
    if plan.is_empty() {
        let _ = writeln!(head, "### miyabi-org: no drift\n\nOrganization `{}` matches the repo.", plan.organization_id);
    } else {
        let _ = writeln!(head, "### miyabi-org: drift in `{}`\n\n{}\n", plan.organization_id, summary(plan));
    }

    let mut tail = String::new();
    let mut unmanaged_shown = plan.unmanaged.len();
    if plan.unmanaged.len() > LISTED {
        let groups = by_kind(&plan.unmanaged);
        let _ = writeln!(
            tail,
            "\n#### Unmanaged (left alone): {}\n\n| kind | count | the first few |\n| --- | --- | --- |",
            kind_counts(&groups)
        );
        unmanaged_shown = 0;
        for (kind, items) in &groups {
            let first: Vec<String> = items.iter().take(FIRST_FEW).map(|i| format!("{} (`{}`)", cell(&i.name), i.id)).collect();
            unmanaged_shown += first.len();
            let _ = writeln!(tail, "| {kind} | {} | {} |", thousands(items.len()), first.join(", "));
        }
    } else if !plan.unmanaged.is_empty() {
        let _ = writeln!(tail, "\n#### Unmanaged (left alone)\n\n| kind | name | id | detail |\n| --- | --- | --- | --- |");
        for item in &plan.unmanaged {
            let detail = unmanaged_detail(item, false);
            let _ = writeln!(tail, "| {} | {} | `{}` | {} |", item.kind, cell(&item.name), item.id, cell(&detail));
        }
    }
    for warning in plan.warnings.iter().take(LISTED) {
        let _ = writeln!(tail, "\n> **Warning:** {warning}");
    }
    let warnings_shown = plan.warnings.len().min(LISTED);

    // Room for the note on what was left out, which is a few hundred characters at most.
    let room = (MARKDOWN_MAX - 1_000).saturating_sub(head.len() + tail.len() + "```diff\n```\n".len());
    let mut changes = String::new();
    let mut changes_shown = 0;
    for change in &plan.changes {
        let block = format!("{} {}\n{}", marker(change.effect()), describe(change), details(change, "    "));
        if changes.len() + block.len() > room {
            break;
        }
        changes.push_str(&block);
        changes_shown += 1;
    }

    let left_out: Vec<String> = [
        (changes_shown, plan.changes.len(), "changes"),
        (unmanaged_shown, plan.unmanaged.len(), "unmanaged resources"),
        (warnings_shown, plan.warnings.len(), "warnings"),
    ]
    .into_iter()
    .filter(|(shown, all, _)| shown < all)
    .map(|(shown, all, what)| format!("{} of {} {what}", thousands(all - shown), thousands(all)))
    .collect();
    let mut out = head;
    // Said first, so that a reader of a long comment knows it is not all there.
    if !left_out.is_empty() {
        let _ = writeln!(
            out,
            "_Shortened to fit a GitHub comment ({} characters at most): {} are not shown here. `miyabi-org {command} --output json` prints the whole plan._\n",
            thousands(MARKDOWN_MAX),
            left_out.join(", ")
        );
    }
    if !plan.is_empty() {
        let _ = write!(out, "```diff\n{changes}```\n");
    }
    out.push_str(&tail);
    out
}

/// The plan as GitHub Actions annotations (`--output github`). The summary comes first, since
/// GitHub shows only the first `ANNOTATIONS_SHOWN` of each level in a step; then one per change at
/// `level`, on the file and line that declares what it is about (`locate`) when there is one; one
/// per warning; one per kind of unmanaged resource, naming the first few.
pub fn render_annotations(plan: &Plan, command: &str, level: Level, locate: &dyn Fn(&Change) -> Option<Location>) -> Vec<Annotation> {
    let title = format!("miyabi-org {command}");
    let mut rest: Vec<Annotation> = plan
        .changes
        .iter()
        .map(|change| Annotation {
            level,
            title: format!("{title}: {}", section(change)),
            location: locate(change),
            message: format!("{}\n{}", render_change_line(change), details(change, "    ")).trim_end().to_string(),
        })
        .collect();
    rest.extend(plan.warnings.iter().map(|warning| Annotation {
        level: Level::Warning,
        title: format!("{title}: warning"),
        location: None,
        message: warning.clone(),
    }));
    for (kind, items) in by_kind(&plan.unmanaged) {
        let named: Vec<String> = items.iter().take(FIRST_FEW).map(|i| format!("{} ({})", i.name, i.id)).collect();
        let more = items.len() - named.len();
        let more = if more > 0 { format!(" and {} more", thousands(more)) } else { String::new() };
        rest.push(Annotation {
            level: Level::Notice,
            title: format!("{title}: unmanaged (left alone)"),
            location: None,
            message: format!(
                "{} {} not in the repo, left alone: {}{more}",
                thousands(items.len()),
                kind_word(kind, items.len()),
                named.join(", ")
            ),
        });
    }
    let mut summary = if plan.is_empty() { "No changes. The organization matches the repo.".to_string() } else { summary(plan) };
    // The summary is a notice too.
    let shown = |level: Level| rest.iter().filter(|a| a.level == level).count() + usize::from(level == Level::Notice);
    let crowded = shown(Level::Warning) > ANNOTATIONS_SHOWN || shown(Level::Notice) > ANNOTATIONS_SHOWN;
    if crowded {
        let _ = write!(
            summary,
            " GitHub shows the first {ANNOTATIONS_SHOWN} annotations of each level in a step: `miyabi-org {command} --output json` prints the whole plan."
        );
    }
    let mut annotations = vec![Annotation { level: Level::Notice, title, location: None, message: summary }];
    annotations.extend(rest);
    annotations
}

/// One change as a single line with its marker, for progress and logs.
pub fn render_change_line(change: &Change) -> String {
    format!("{} {}", marker(change.effect()), describe(change))
}
