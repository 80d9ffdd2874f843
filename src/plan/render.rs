//! How a plan reads: grouped by kind, `+ ~ -` markers, a line diff of changed policy content.

use std::fmt::Write;

use similar::{ChangeTag, TextDiff};

use super::{Change, Effect, Plan, Target, TargetKind};
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
    }
}

const SECTIONS: [&str; 5] = ["Organizational units", "Policies", "Accounts", "Attachments", "Budgets"];

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
    format!("Plan: {} to add, {} to change, {} to remove.", plan.count(Effect::Add), plan.count(Effect::Change), plan.count(Effect::Remove))
}

/// The plan for a terminal.
pub fn render_text(plan: &Plan) -> String {
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
    if !plan.unmanaged.is_empty() {
        let _ = writeln!(out, "\nUnmanaged (left alone)");
        for item in &plan.unmanaged {
            let _ = writeln!(out, "  ? {} {} ({}): {}", item.kind, item.name, item.id, item.detail);
        }
    }
    for warning in &plan.warnings {
        let _ = writeln!(out, "\nwarning: {warning}");
    }
    out
}

/// The plan for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
pub fn render_markdown(plan: &Plan) -> String {
    let mut out = String::new();
    if plan.is_empty() {
        let _ = writeln!(out, "### miyabi-org: no drift\n\nOrganization `{}` matches the repo.", plan.organization_id);
    } else {
        let _ = writeln!(out, "### miyabi-org: drift in `{}`\n\n{}\n", plan.organization_id, summary(plan));
        out.push_str("```diff\n");
        for change in &plan.changes {
            let _ = writeln!(out, "{} {}", marker(change.effect()), describe(change));
            out.push_str(&details(change, "    "));
        }
        out.push_str("```\n");
    }
    if !plan.unmanaged.is_empty() {
        let _ = writeln!(out, "\n#### Unmanaged (left alone)\n\n| kind | name | id | detail |\n| --- | --- | --- | --- |");
        for item in &plan.unmanaged {
            let _ = writeln!(out, "| {} | {} | `{}` | {} |", item.kind, item.name, item.id, item.detail);
        }
    }
    for warning in &plan.warnings {
        let _ = writeln!(out, "\n> **Warning:** {warning}");
    }
    out
}

/// One change as a single line with its marker, for progress and logs.
pub fn render_change_line(change: &Change) -> String {
    format!("{} {}", marker(change.effect()), describe(change))
}
