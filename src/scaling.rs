//! The workers' step rule as plain data: which change in desired tasks a queue depth calls for,
//! the decision `worker autoscale` takes from it, and the two Application Auto Scaling step
//! policies and CloudWatch alarms that make AWS take the same decisions. Imports nothing of the
//! tool.

use serde::{Deserialize, Serialize};

/// Depths of visible messages in `[at_least, below)` change the desired count by `change`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Step {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_least: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub below: Option<u64>,
    pub change: i32,
}

impl Step {
    pub fn direction(&self) -> Direction {
        if self.change > 0 { Direction::Out } else { Direction::In }
    }
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.at_least, self.below) {
            (Some(a), Some(b)) => write!(f, "{a} <= depth < {b}: {:+}", self.change),
            (Some(a), None) => write!(f, "depth >= {a}: {:+}", self.change),
            (None, Some(b)) => write!(f, "depth < {b}: {:+}", self.change),
            (None, None) => write!(f, "any depth: {:+}", self.change),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Out,
    In,
}

impl Direction {
    pub const BOTH: [Direction; 2] = [Direction::Out, Direction::In];

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Out => "out",
            Direction::In => "in",
        }
    }
}

/// `[workers.scaling]`, checked: steps do not overlap, leave no gap within a direction, and there
/// is at least one step each way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scaling {
    pub min: u32,
    pub max: u32,
    pub cooldown_out_s: u32,
    pub cooldown_in_s: u32,
    pub steps: Vec<Step>,
}

/// The system design's rule: below 10 one task fewer; from 50, 100 and 500 on, 5, 10 and 20 more.
pub const DEFAULT_STEPS: [Step; 4] = [
    Step { at_least: None, below: Some(10), change: -1 },
    Step { at_least: Some(50), below: None, change: 5 },
    Step { at_least: Some(100), below: None, change: 10 },
    Step { at_least: Some(500), below: None, change: 20 },
];

impl Default for Scaling {
    fn default() -> Scaling {
        Scaling { min: 1, max: 100, cooldown_out_s: 60, cooldown_in_s: 300, steps: DEFAULT_STEPS.to_vec() }
    }
}

/// Why the desired count is not simply the current one plus the step's change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Held {
    /// Scaling in stops at the messages in flight: each is being worked.
    InFlight,
    Min,
    Max,
}

/// What the rule decides for one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub visible: u64,
    pub in_flight: u64,
    pub current: u32,
    pub desired: u32,
    /// `None` in the dead band.
    pub step: Option<Step>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<Held>,
}

impl Decision {
    pub fn changes(&self) -> bool {
        self.desired != self.current
    }
}

impl Scaling {
    /// The step a depth falls in, if any (none in the dead band).
    pub fn step_for(&self, depth: u64) -> Option<Step> {
        let mut intervals = Direction::BOTH.into_iter().flat_map(|d| self.intervals(d));
        intervals.find(|i| depth >= i.low && i.high.is_none_or(|h| depth < h)).map(|i| i.step)
    }

    /// The rule applied to a live queue: the step's change, scaling in never below the messages
    /// in flight (and never out because of them), then clamped to `min..=max`.
    pub fn decide(&self, visible: u64, in_flight: u64, current: u32) -> Decision {
        let step = self.step_for(visible);
        let change = i64::from(step.map_or(0, |s| s.change));
        let mut desired = i64::from(current) + change;
        let mut held = None;
        if change < 0 {
            let floor = i64::from(current).min(in_flight.min(u64::from(u32::MAX)) as i64);
            if desired < floor {
                desired = floor;
                held = Some(Held::InFlight);
            }
        }
        if desired < i64::from(self.min) {
            desired = i64::from(self.min);
            held = Some(Held::Min);
        } else if desired > i64::from(self.max) {
            desired = i64::from(self.max);
            held = Some(Held::Max);
        }
        Decision { visible, in_flight, current, desired: desired as u32, step, held }
    }

    /// The depths each step of a direction covers, lowest first.
    pub fn intervals(&self, direction: Direction) -> Vec<Interval> {
        ordered(&self.steps, direction).into_iter().map(|(_, i)| i).collect()
    }

    /// Where the direction's alarm fires: the lowest `at_least` out, the highest `below` in.
    pub fn threshold(&self, direction: Direction) -> u64 {
        let intervals = self.intervals(direction);
        match direction {
            Direction::Out => intervals.first().map_or(0, |i| i.low),
            Direction::In => intervals.last().and_then(|i| i.high).unwrap_or(0),
        }
    }

    /// The step scaling policy of a direction; bounds are relative to the alarm's threshold.
    pub fn policy(&self, direction: Direction) -> StepPolicy {
        let threshold = self.threshold(direction) as f64;
        let adjustments = self
            .intervals(direction)
            .into_iter()
            .map(|i| Adjustment {
                // The lowest step in reaches depth 0, and no depth is below that.
                lower: (direction == Direction::Out || i.low > 0).then_some(i.low as f64 - threshold),
                upper: i.high.map(|h| h as f64 - threshold),
                change: i.step.change,
            })
            .collect();
        let cooldown_s = match direction {
            Direction::Out => self.cooldown_out_s,
            Direction::In => self.cooldown_in_s,
        };
        StepPolicy { name: policy_name(direction), cooldown_s, adjustments }
    }

    /// The CloudWatch alarm on the queue's visible messages that drives a direction's policy.
    pub fn alarm(&self, direction: Direction, queue: &str) -> Alarm {
        let (comparison, evaluation_periods, missing) = match direction {
            Direction::Out => ("GreaterThanOrEqualToThreshold", 1, "notBreaching"),
            // A queue idle for six hours stops reporting: that is an empty queue.
            Direction::In => ("LessThanThreshold", SCALE_IN_MINUTES, "breaching"),
        };
        Alarm {
            name: alarm_name(queue, direction),
            queue: queue.to_string(),
            comparison: comparison.to_string(),
            threshold: self.threshold(direction) as f64,
            evaluation_periods,
            period_s: 60,
            treat_missing_data: missing.to_string(),
        }
    }
}

/// The depths a step covers, `[low, high)`, `high` `None` for no end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub low: u64,
    pub high: Option<u64>,
    pub step: Step,
}

/// The steps of a direction with the depths each covers, lowest first, with their indices in
/// `steps`. Steps nest the way the design writes them: `at_least = 50` reaches up to the next
/// `at_least`, `below = 10` down to the next `below`; a bound written out is kept as written.
fn ordered(steps: &[Step], direction: Direction) -> Vec<(usize, Interval)> {
    let mut steps: Vec<(usize, Step)> = steps.iter().copied().enumerate().filter(|(_, s)| s.direction() == direction).collect();
    match direction {
        Direction::Out => {
            steps.sort_by_key(|(_, s)| s.at_least.unwrap_or(0));
            let lows: Vec<u64> = steps.iter().map(|(_, s)| s.at_least.unwrap_or(0)).collect();
            let high = |i: usize, s: &Step| s.below.or_else(|| lows.get(i + 1).copied());
            steps.iter().enumerate().map(|(i, (n, s))| (*n, Interval { low: lows[i], high: high(i, s), step: *s })).collect()
        }
        Direction::In => {
            steps.sort_by_key(|(_, s)| s.below.unwrap_or(u64::MAX));
            let highs: Vec<Option<u64>> = steps.iter().map(|(_, s)| s.below).collect();
            let low = |i: usize, s: &Step| s.at_least.or_else(|| i.checked_sub(1).and_then(|p| highs[p])).unwrap_or(0);
            steps.iter().enumerate().map(|(i, (n, s))| (*n, Interval { low: low(i, s), high: highs[i], step: *s })).collect()
        }
    }
}

/// What is wrong with the steps: `step` is the index of the step at fault, `None` for the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepProblem {
    pub step: Option<usize>,
    pub message: String,
    pub help: String,
}

/// Every way the steps cannot be a rule: a step without a bound, of change 0 or of the wrong
/// sign, steps that overlap, a gap within a direction, or a direction without a step.
pub fn check_steps(steps: &[Step]) -> Vec<StepProblem> {
    let problem = |step: Option<usize>, message: String, help: &str| StepProblem { step, message, help: help.to_string() };
    let mut problems = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        let wrong = match (step.at_least, step.below, step.change) {
            (None, None, _) => Some((
                format!("step {} has neither at_least nor below", index + 1),
                "give the depths it applies to: `at_least = N` scales out from N, `below = N` scales in under N",
            )),
            (_, _, 0) => Some((format!("step `{step}` changes nothing"), "leave it out: depths no step covers are the dead band")),
            (Some(_), None, c) if c < 0 => Some((
                format!("step `{step}` scales in from a depth upwards"),
                "a step with only at_least scales out: make change positive, or write below = N for a step that scales in",
            )),
            (None, Some(_), c) if c > 0 => Some((
                format!("step `{step}` scales out below a depth"),
                "a step with only below scales in: make change negative, or write at_least = N for a step that scales out",
            )),
            (Some(a), Some(b), _) if a >= b => {
                Some((format!("step `{step}` covers no depth: at_least must be under below"), "correct the bounds"))
            }
            (Some(0) | None, _, c) if c > 0 => {
                Some((format!("step `{step}` scales out on an empty queue"), "start scaling out at a depth of 1 or more"))
            }
            (_, Some(0), _) => {
                Some((format!("step `{step}` covers no depth (no queue is below 0)"), "scale in below a depth of 1 or more"))
            }
            _ => None,
        };
        if let Some((message, help)) = wrong {
            problems.push(problem(Some(index), message, help));
        }
    }
    if !problems.is_empty() {
        return problems;
    }
    for direction in Direction::BOTH {
        let ordered = ordered(steps, direction);
        if ordered.is_empty() {
            let (way, example) = match direction {
                Direction::Out => ("out", "{ at_least = 50, change = 5 }"),
                Direction::In => ("in", "{ below = 10, change = -1 }"),
            };
            problems.push(problem(
                None,
                format!("no step scales {way}"),
                &format!("add one, such as {example}: AWS scales each way by its own policy"),
            ));
            continue;
        }
        for pair in ordered.windows(2) {
            let ((_, a), (index, b)) = (pair[0], pair[1]);
            let a_high = a.high.expect("only the last step out and every step in have no end, and these have one");
            if a_high > b.low || a_high <= a.low || b.high.is_some_and(|h| h <= b.low) {
                problems.push(problem(
                    Some(index),
                    format!("step `{}` overlaps step `{}`", b.step, a.step),
                    "give each depth one step: move a bound",
                ));
            } else if a_high < b.low {
                problems.push(problem(
                    Some(index),
                    format!("depths {a_high} to {} fall between steps `{}` and `{}`, which scale {}", b.low - 1, a.step, b.step, direction.as_str()),
                    "close the gap: one step's bound must be where the next begins (the dead band lies between the steps in and the steps out)",
                ));
            }
        }
        match direction {
            Direction::Out => {
                if let Some((index, last)) = ordered.last().filter(|(_, i)| i.high.is_some()) {
                    problems.push(problem(
                        Some(*index),
                        format!("depths from {} up are in no step: `{}` is the highest step out", last.high.unwrap_or_default(), last.step),
                        "leave out its below, so that a long queue keeps scaling out",
                    ));
                }
            }
            Direction::In => {
                if let Some((index, first)) = ordered.first().filter(|(_, i)| i.low > 0) {
                    problems.push(problem(
                        Some(*index),
                        format!("depths under {} are in no step: `{}` is the lowest step in", first.low, first.step),
                        "leave out its at_least, so that an empty queue scales in",
                    ));
                }
            }
        }
    }
    if let (Some((_, top_in)), Some((index, bottom_out))) = (ordered(steps, Direction::In).last(), ordered(steps, Direction::Out).first())
        && top_in.high.is_some_and(|h| h > bottom_out.low)
    {
        problems.push(problem(
            Some(*index),
            format!("step `{}` overlaps step `{}`, which scales in", bottom_out.step, top_in.step),
            "the highest below may not pass the lowest at_least: depths between them are the dead band",
        ));
    }
    problems
}

/// Minutes the queue must stay short before tasks are taken away: workers are not started and
/// stopped on every lull.
pub const SCALE_IN_MINUTES: u32 = 5;

pub fn policy_name(direction: Direction) -> String {
    format!("miyabi-workers-scale-{}", direction.as_str())
}

pub fn alarm_name(queue: &str, direction: Direction) -> String {
    format!("miyabi-workers-{queue}-scale-{}", direction.as_str())
}

/// The Application Auto Scaling resource of the workers' ECS service.
pub fn resource_id(cluster: &str, service: &str) -> String {
    format!("service/{cluster}/{service}")
}

/// One StepAdjustment: bounds relative to the threshold, `None` for no bound.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    pub change: i32,
}

impl Eq for Adjustment {}

/// A step scaling policy: ChangeInCapacity on the Maximum of the metric, as the tool installs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepPolicy {
    pub name: String,
    pub cooldown_s: u32,
    pub adjustments: Vec<Adjustment>,
}

impl StepPolicy {
    /// How it reads in a plan, its bounds as depths for an alarm at `threshold`:
    /// `depth 50-99: +5, 100-499: +10, 500+: +20; cooldown 60 s`.
    pub fn describe(&self, threshold: f64) -> String {
        let depth = |bound: f64| bound + threshold;
        let steps: Vec<String> = self
            .adjustments
            .iter()
            .map(|a| match (a.lower.map(depth), a.upper.map(depth)) {
                (Some(l), Some(u)) => format!("{l}-{}: {:+}", u - 1.0, a.change),
                (Some(l), None) => format!("{l}+: {:+}", a.change),
                (None, Some(u)) => format!("under {u}: {:+}", a.change),
                (None, None) => format!("any: {:+}", a.change),
            })
            .collect();
        format!("depth {}; cooldown {} s", steps.join(", "), self.cooldown_s)
    }
}

/// How CloudWatch operators read in a plan.
fn symbol(comparison: &str) -> &str {
    match comparison {
        "GreaterThanOrEqualToThreshold" => ">=",
        "GreaterThanThreshold" => ">",
        "LessThanThreshold" => "<",
        "LessThanOrEqualToThreshold" => "<=",
        other => other,
    }
}

/// A CloudWatch alarm on AWS/SQS ApproximateNumberOfMessagesVisible (Maximum) of one queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alarm {
    pub name: String,
    pub queue: String,
    /// As CloudWatch spells it: `GreaterThanOrEqualToThreshold` out, `LessThanThreshold` in.
    pub comparison: String,
    pub threshold: f64,
    pub evaluation_periods: u32,
    pub period_s: u32,
    pub treat_missing_data: String,
}

impl Eq for Alarm {}

impl Alarm {
    pub fn describe(&self) -> String {
        format!(
            "visible {} {} for {} x {} s, missing data {}",
            symbol(&self.comparison),
            self.threshold,
            self.evaluation_periods,
            self.period_s,
            self.treat_missing_data
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(at_least: Option<u64>, below: Option<u64>, change: i32) -> Step {
        Step { at_least, below, change }
    }

    fn messages(steps: &[Step]) -> Vec<String> {
        check_steps(steps).into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn the_design_steps_are_a_rule() {
        assert_eq!(messages(&DEFAULT_STEPS), Vec::<String>::new());
    }

    #[test]
    fn bad_steps_are_named() {
        let design = |extra: Step| {
            let mut steps = DEFAULT_STEPS.to_vec();
            steps.push(extra);
            messages(&steps)
        };
        assert_eq!(design(step(Some(200), None, 0)), ["step `depth >= 200: +0` changes nothing"]);
        assert_eq!(design(step(Some(200), None, -2)), ["step `depth >= 200: -2` scales in from a depth upwards"]);
        assert_eq!(design(step(None, Some(5), 2)), ["step `depth < 5: +2` scales out below a depth"]);
        assert_eq!(design(step(Some(50), None, 7)), ["step `depth >= 50: +7` overlaps step `depth >= 50: +5`"]);
        assert_eq!(
            messages(&[step(None, Some(60), -1), step(Some(50), None, 5)]),
            ["step `depth >= 50: +5` overlaps step `depth < 60: -1`, which scales in"]
        );
        assert_eq!(
            messages(&[step(None, Some(10), -1), step(Some(50), Some(100), 5), step(Some(120), None, 10)]),
            ["depths 100 to 119 fall between steps `50 <= depth < 100: +5` and `depth >= 120: +10`, which scale out"]
        );
        assert_eq!(
            messages(&[step(None, Some(10), -1), step(Some(50), Some(100), 5)]),
            ["depths from 100 up are in no step: `50 <= depth < 100: +5` is the highest step out"]
        );
        assert_eq!(messages(&[step(Some(50), None, 5)]), ["no step scales in"]);
    }

    fn decide(visible: u64) -> Decision {
        Scaling::default().decide(visible, 0, 20)
    }

    #[test]
    fn every_step_boundary_of_the_design() {
        let table: Vec<(u64, u32, Option<i32>)> = [9, 10, 49, 50, 99, 100, 499, 500, 10_000]
            .into_iter()
            .map(|v| (v, decide(v).desired, decide(v).step.map(|s| s.change)))
            .collect();
        assert_eq!(
            table,
            [
                (9, 19, Some(-1)),
                (10, 20, None),
                (49, 20, None),
                (50, 25, Some(5)),
                (99, 25, Some(5)),
                (100, 30, Some(10)),
                (499, 30, Some(10)),
                (500, 40, Some(20)),
                (10_000, 40, Some(20)),
            ]
        );
    }

    #[test]
    fn the_dead_band_changes_nothing() {
        for visible in 10..50 {
            let decision = decide(visible);
            assert_eq!((decision.desired, decision.step, decision.held), (20, None, None), "depth {visible}");
        }
    }

    #[test]
    fn scaling_in_stops_at_the_messages_in_flight() {
        let rule = Scaling::default();
        assert_eq!(rule.decide(0, 7, 7).desired, 7);
        assert_eq!(rule.decide(0, 7, 7).held, Some(Held::InFlight));
        assert_eq!(rule.decide(0, 6, 7).desired, 6);
        assert_eq!(rule.decide(0, 6, 7).held, None);
        // More in flight than tasks holds the count; it does not scale out.
        assert_eq!(rule.decide(0, 30, 7).desired, 7);
        // Scaling out ignores the floor.
        assert_eq!(rule.decide(60, 30, 7).desired, 12);
    }

    #[test]
    fn the_result_is_clamped_to_min_and_max() {
        let rule = Scaling { min: 2, max: 30, ..Scaling::default() };
        assert_eq!((rule.decide(0, 0, 2).desired, rule.decide(0, 0, 2).held), (2, Some(Held::Min)));
        assert_eq!((rule.decide(700, 0, 25).desired, rule.decide(700, 0, 25).held), (30, Some(Held::Max)));
        // Below min in the dead band (after a manual scale) comes back up to min.
        assert_eq!((rule.decide(20, 0, 0).desired, rule.decide(20, 0, 0).held), (2, Some(Held::Min)));
        assert!(!rule.decide(700, 0, 30).changes());
    }

    #[test]
    fn the_policies_are_relative_to_their_alarms() {
        let rule = Scaling::default();
        assert_eq!((rule.threshold(Direction::Out), rule.threshold(Direction::In)), (50, 10));
        let out = rule.policy(Direction::Out);
        assert_eq!(
            out.adjustments,
            [
                Adjustment { lower: Some(0.0), upper: Some(50.0), change: 5 },
                Adjustment { lower: Some(50.0), upper: Some(450.0), change: 10 },
                Adjustment { lower: Some(450.0), upper: None, change: 20 },
            ]
        );
        assert_eq!(out.describe(50.0), "depth 50-99: +5, 100-499: +10, 500+: +20; cooldown 60 s");
        assert_eq!(rule.policy(Direction::In).describe(10.0), "depth under 10: -1; cooldown 300 s");
        assert_eq!(rule.policy(Direction::In).adjustments, [Adjustment { lower: None, upper: Some(0.0), change: -1 }]);
        assert_eq!(rule.alarm(Direction::In, "q").describe(), "visible < 10 for 5 x 60 s, missing data breaching");
    }

    #[test]
    fn explicit_ranges_map_to_the_same_intervals() {
        let steps = vec![
            Step { at_least: None, below: Some(2), change: -3 },
            Step { at_least: Some(2), below: Some(10), change: -1 },
            Step { at_least: Some(50), below: Some(100), change: 5 },
            Step { at_least: Some(100), below: None, change: 10 },
        ];
        let rule = Scaling { steps, ..Scaling::default() };
        assert_eq!(
            rule.policy(Direction::In).adjustments,
            [Adjustment { lower: None, upper: Some(-8.0), change: -3 }, Adjustment { lower: Some(-8.0), upper: Some(0.0), change: -1 }]
        );
        assert_eq!(rule.decide(1, 0, 20).desired, 17);
        assert_eq!(rule.decide(5, 0, 20).desired, 19);
        // The same steps written nested, as the design writes them.
        let nested = vec![
            Step { at_least: None, below: Some(10), change: -1 },
            Step { at_least: None, below: Some(2), change: -3 },
            Step { at_least: Some(100), below: None, change: 10 },
            Step { at_least: Some(50), below: None, change: 5 },
        ];
        let nested = Scaling { steps: nested, ..Scaling::default() };
        for direction in Direction::BOTH {
            assert_eq!(nested.policy(direction), rule.policy(direction));
        }
    }
}
