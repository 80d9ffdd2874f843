//! Checks of `[workers]`, the templates that run workers, and the customers' GitHub repositories:
//! names SQS, DynamoDB and ECS would refuse and values out of their ranges, before any call.

use std::collections::BTreeMap;

use toml::Spanned;

use super::{Checker, at, is_region};
use crate::config::schema::ScalingSection;
use crate::model::workers::scaling;
use crate::scaling::check_steps;
use crate::task::RepoPattern;

/// ECS runs at most this many tasks of one service in the tool's rule; more is a typo.
pub const MAX_WORKERS: u32 = 1000;
/// A cooldown past an hour leaves the service unable to answer its queue.
pub const MAX_COOLDOWN_S: u32 = 3600;

/// SQS: 1-80 characters of letters, digits, `-` and `_`, with `.fifo` counted for a FIFO queue.
fn is_queue_name(name: &str) -> bool {
    let stem = name.strip_suffix(".fifo").unwrap_or(name);
    (1..=80).contains(&name.len()) && !stem.is_empty() && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// DynamoDB: 3-255 letters, digits, `_`, `-` and `.`.
fn is_table_name(name: &str) -> bool {
    (3..=255).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
}

/// ECS cluster and service names: 1-255 letters, digits, `-` and `_`.
fn is_ecs_name(name: &str) -> bool {
    (1..=255).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Checker<'_> {
    pub(super) fn workers(&mut self) {
        let source = self.org_source().clone();
        let declared = self.repo.org.workers.is_some();
        for template in &self.repo.templates {
            if let Some(workers) = &template.file.workers
                && *workers.get_ref()
                && !declared
            {
                self.push(
                    at(&template.source, workers),
                    format!("template {} runs workers, but miyabi-org.toml has no [workers]", template.name),
                    "declare queue, dead_letter_queue, table, cluster and service in [workers], or set workers = false",
                );
            }
        }
        self.github_patterns();
        let Some(workers) = &self.repo.org.workers else { return };
        for (key, queue) in [("queue", &workers.queue), ("dead_letter_queue", &workers.dead_letter_queue)] {
            if !is_queue_name(queue.get_ref()) {
                self.push(
                    at(&source, queue),
                    format!("[workers] {key} `{}` is not a name SQS takes", queue.get_ref()),
                    "use 1-80 letters, digits, `-` and `_`, ending in `.fifo` for a FIFO queue",
                );
            }
        }
        let (queue, dead) = (workers.queue.get_ref(), workers.dead_letter_queue.get_ref());
        if queue.ends_with(".fifo") != dead.ends_with(".fifo") {
            self.push(
                at(&source, &workers.dead_letter_queue),
                format!(
                    "the dead-letter queue of {} queue {queue} must be {} too",
                    if queue.ends_with(".fifo") { "FIFO" } else { "standard" },
                    if queue.ends_with(".fifo") { "a FIFO queue (name ending in .fifo)" } else { "a standard queue (no .fifo)" }
                ),
                "SQS moves messages only between queues of the same type",
            );
        }
        if queue == dead {
            self.push(
                at(&source, &workers.dead_letter_queue),
                "the dead-letter queue is the task queue itself",
                "give it its own name, such as miyabi-tasks-dlq",
            );
        }
        self.range(&workers.max_receive_count, 1, 1000, "max_receive_count", "receives before a message goes to the dead-letter queue");
        self.range(&workers.visibility_timeout_s, 0, 43_200, "visibility_timeout_s", "seconds (at most 12 hours)");
        self.range(&workers.max_message_size, 1024, 1_048_576, "max_message_size", "bytes (1 KiB to 1 MiB)");
        if !is_table_name(workers.table.get_ref()) {
            self.push(
                at(&source, &workers.table),
                format!("[workers] table `{}` is not a name DynamoDB takes", workers.table.get_ref()),
                "use 3-255 letters, digits, `_`, `-` and `.`",
            );
        }
        for (key, name) in [("cluster", &workers.cluster), ("service", &workers.service)] {
            if !is_ecs_name(name.get_ref()) {
                self.push(
                    at(&source, name),
                    format!("[workers] {key} `{}` is not an ECS name", name.get_ref()),
                    "use 1-255 letters, digits, `-` and `_`: the name of the application's ECS cluster and service",
                );
            }
        }
        if let Some(region) = &workers.region
            && !is_region(region.get_ref())
        {
            self.push(
                at(&source, region),
                format!("`{}` is not an AWS region", region.get_ref()),
                "use the region code the workers run in, such as us-east-1, or remove the key to use [organization] home_region",
            );
        }
        if let Some(section) = &workers.scaling {
            self.scaling(section.get_ref());
        }
    }

    fn scaling(&mut self, section: &ScalingSection) {
        let source = self.org_source().clone();
        let (min, max) = (*section.min.get_ref(), *section.max.get_ref());
        if min > max {
            self.push(
                at(&source, &section.min),
                format!("[workers.scaling] min = {min} is over max = {max}"),
                "make min at most max: the service runs between the two",
            );
        }
        if max > MAX_WORKERS {
            self.push(
                at(&source, &section.max),
                format!("[workers.scaling] max = {max} is over {MAX_WORKERS}"),
                format!("scale one account's workers to at most {MAX_WORKERS} tasks; place customers in more pools for more"),
            );
        }
        for (key, value) in [("cooldown_out_s", &section.cooldown_out_s), ("cooldown_in_s", &section.cooldown_in_s)] {
            if *value.get_ref() > MAX_COOLDOWN_S {
                self.push(
                    at(&source, value),
                    format!("[workers.scaling] {key} = {} is out of range", value.get_ref()),
                    format!("give 0 to {MAX_COOLDOWN_S} seconds: a longer cooldown leaves the queue unanswered"),
                );
            }
        }
        let rule = scaling(section);
        for problem in check_steps(&rule.steps) {
            let location = match (&section.steps, problem.step) {
                (Some(steps), Some(index)) => at(&source, &steps.get_ref()[index]),
                (Some(steps), None) => at(&source, steps),
                (None, _) => source.whole(),
            };
            self.push(location, format!("[workers.scaling] {}", problem.message), problem.help);
        }
        for template in &self.repo.templates {
            let runs = template.file.workers.as_ref().is_some_and(|w| *w.get_ref());
            if let Some(room) = template.file.fargate_tasks.as_ref().filter(|_| runs)
                && max > *room.get_ref()
            {
                self.push(
                    at(&source, &section.max),
                    format!(
                        "[workers.scaling] max = {max} is over the {} Fargate tasks accounts of template {} have room for (account-templates/{}.toml, fargate_tasks)",
                        room.get_ref(),
                        template.name,
                        template.name
                    ),
                    "lower max, or raise the account's Fargate quota and then fargate_tasks",
                );
            }
        }
    }

    fn range(&mut self, value: &Spanned<u32>, min: u32, max: u32, key: &str, unit: &str) {
        let v = *value.get_ref();
        if !(min..=max).contains(&v) {
            let location = at(self.org_source(), value);
            self.push(location, format!("[workers] {key} = {v} is out of range"), format!("SQS takes {min} to {max} {unit}"));
        }
    }

    /// Each customer's `github` entries parse, and no two customers claim the same one.
    fn github_patterns(&mut self) {
        let source = self.repo.tenants_source.clone();
        // The first customer to claim each pattern (GitHub names ignore case), and where.
        let mut claimed: BTreeMap<String, (&str, &Spanned<String>)> = BTreeMap::new();
        for tenant in &self.repo.tenants.tenant {
            for pattern in &tenant.github {
                let customer = tenant.customer.get_ref();
                match pattern.get_ref().parse::<RepoPattern>() {
                    Err(message) => self.push(
                        at(&source, pattern),
                        message,
                        "GitHub owners are 1-39 letters, digits and dashes; repositories 1-100 letters, digits, `-`, `_` and `.`",
                    ),
                    Ok(_) => match claimed.get(&pattern.get_ref().to_ascii_lowercase()) {
                        Some((other, first)) if other != customer => {
                            let line = at(&source, *first).line.map_or_else(String::new, |l| format!(" (line {})", l.number));
                            self.push(
                                at(&source, pattern),
                                format!("`{}` of customer {customer} is claimed by customer {other} too{line}", pattern.get_ref()),
                                "a repository belongs to one customer: remove the pattern from one of them (GitHub names ignore case)",
                            );
                        }
                        Some(_) => {}
                        None => {
                            claimed.insert(pattern.get_ref().to_ascii_lowercase(), (customer, pattern));
                        }
                    },
                }
            }
        }
    }
}
