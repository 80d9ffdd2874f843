//! The cost report as one self-contained XHTML file: inline SVG charts and CSS, no scripts and
//! no external assets, so it reads offline and can be attached to a CI run as is.

use std::collections::{BTreeMap, BTreeSet};

use super::Month;
use super::allocate::{Allocation, Unattributed};
use super::unit_cost::{TierMonth, UnitCost};

/// What the HTML report shows: the numbers of `cost report --by customer --output json`.
pub struct HtmlReport<'a> {
    /// "Cost per customer, 2026-08 to 2026-10 (amortized)"; goes into <title> and <h1>.
    pub title: &'a str,
    /// The report's rows, one per customer (customer, tier, pool set; rows sorted largest first).
    pub allocation: &'a Allocation,
    /// The rows `--top` left out: how many, and their sum.
    pub others: Option<(usize, f64)>,
    /// Unit cost per tier, month by month (months in order, same months for each tier).
    pub unit_cost: &'a [UnitCost],
}

/// Tier colours (Tableau 10 without its grey), cycled; a tier keeps its colour in every chart.
const PALETTE: [&str; 9] = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"];
/// For bars that belong to no tier: the `--top` remainder, customers of an unknown tier.
const GREY: &str = "#bab0ac";
// Customer chart: label column, bar area (the full length of its scale), row pitch.
const LABEL_W: f64 = 240.0;
const BAR_W: f64 = 480.0;
const ROW_H: f64 = 24.0;
// Vertical charts: left margin for the scale, top padding, plot height; labels go below the plot.
const LEFT: f64 = 70.0;
const TOP: f64 = 16.0;
const PLOT_H: f64 = 240.0;
const BASE: f64 = TOP + PLOT_H;
// No `<` or `&` in here, so it stays valid XML without CDATA.
const CSS: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}\
th,td{border:1px solid #ccc;padding:2px 8px;text-align:left}td.num,td.pct{text-align:right;font-variant-numeric:tabular-nums}\
svg{display:block}text{font-size:12px;fill:#222}.sub{font-size:10px;fill:#666}.end{text-anchor:end}.mid{text-anchor:middle}\
.axis{stroke:#888}.target{stroke:#c00;stroke-width:2;stroke-dasharray:6 3}";

pub fn render(report: &HtmlReport<'_>) -> String {
    let (a, unit, title) = (report.allocation, report.unit_cost, escape(report.title));
    let months: BTreeSet<Month> = unit.iter().flat_map(|u| u.months.iter().map(|m| m.month)).collect();
    let months: Vec<Month> = months.into_iter().collect();
    format!(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head><meta charset=\"utf-8\"/><title>{title}</title>\
         <style>{CSS}</style></head>\n<body>\n<h1>{title}</h1>\n<h2>Cost per customer</h2>\n{}{}<h2>Cost per tier by month</h2>\n{}{}\
         <h2>Unit cost per tier against its target</h2>\n{}{}<h2>Reconciliation</h2>\n{}</body>\n</html>\n",
        customers_chart(a, report.others, unit),
        customers_table(a, report.others),
        tiers_chart(unit, &months),
        tiers_table(unit, &months),
        unit_chart(unit),
        unit_table(unit),
        reconciliation(a, report.others),
    )
}

fn customers_chart(a: &Allocation, others: Option<(usize, f64)>, unit: &[UnitCost]) -> String {
    let rows = a.rows.iter().map(|r| {
        let sub = [r.tier.clone(), r.pool.map(|p| format!("#{p}"))].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        let fill = r.tier.as_ref().and_then(|t| unit.iter().position(|u| &u.tier == t)).map_or(GREY, colour);
        (r.customer.clone().unwrap_or_default(), sub, r.total, fill)
    });
    let bars: Vec<_> = rows.chain(others.map(|(n, sum)| (format!("({n} more)"), String::new(), sum, GREY))).collect();
    let max = bars.iter().map(|b| b.2).fold(0.0, f64::max);
    let mut body = String::new();
    for (i, (label, sub, v, fill)) in bars.iter().enumerate() {
        let (y, w) = (i as f64 * ROW_H + 4.0, scale(*v, max, BAR_W));
        body += &text("end", LABEL_W - 6.0, y + 13.0, &format!("{} <tspan class=\"sub\">{}</tspan>", escape(label), escape(sub)));
        body += &bar(label, None, *v, [LABEL_W, y, w, ROW_H - 6.0], fill);
        body += &text("value", LABEL_W + w + 4.0, y + 13.0, &format!("{v:.2}"));
    }
    svg("chart-customers", LABEL_W + BAR_W + 100.0, bars.len() as f64 * ROW_H + 8.0, &body)
}

fn customers_table(a: &Allocation, others: Option<(usize, f64)>) -> String {
    let mut body = String::new();
    for r in &a.rows {
        let (customer, tier, pool) = (r.customer.as_deref(), r.tier.as_deref(), r.pool.map(|p| p.to_string()));
        let cells = [td(customer.unwrap_or("")), td(tier.unwrap_or("")), td(&pool.unwrap_or_default()), num(r.direct), num(r.shared)];
        body += &format!("<tr>{}{}</tr>\n", cells.concat(), num(r.total));
    }
    if let Some((n, sum)) = others {
        body += &format!("<tr>{}{}{}</tr>\n", td(&format!("({n} more)")), td("").repeat(4), num(sum));
    }
    table("customers", &["customer", "tier", "pool", "direct", "shared", "total"], &body)
}

fn tiers_chart(unit: &[UnitCost], months: &[Month]) -> String {
    const COL: f64 = 64.0;
    const BAR: f64 = 40.0;
    // Negative costs draw nothing, so only a stack's positive part needs room.
    let stack = |m: Month| unit.iter().filter_map(|u| month_of(u, m)).map(|t| t.cost.max(0.0)).sum::<f64>();
    let max = months.iter().map(|&m| stack(m)).fold(0.0, f64::max);
    let legend_x = LEFT + months.len() as f64 * COL + 24.0;
    let mut body = axis(legend_x - 16.0, max);
    for (i, &m) in months.iter().enumerate() {
        let (x, mut y) = (LEFT + i as f64 * COL + (COL - BAR) / 2.0, BASE);
        for (t, u) in unit.iter().enumerate() {
            if let Some(tm) = month_of(u, m) {
                let h = scale(tm.cost, max, PLOT_H);
                y -= h;
                body += &bar(&u.tier, Some(m), tm.cost, [x, y, BAR, h], colour(t));
            }
        }
        body += &text("mid", x + BAR / 2.0, BASE + 16.0, &m.to_string());
    }
    for (t, u) in unit.iter().enumerate() {
        let y = TOP + t as f64 * 20.0;
        body += &format!("<rect x=\"{legend_x:.2}\" y=\"{y:.2}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n", colour(t));
        body += &text("legend", legend_x + 18.0, y + 10.0, &escape(&u.tier));
    }
    svg("chart-tiers", legend_x + 160.0, (BASE + 40.0).max(TOP + unit.len() as f64 * 20.0), &body)
}

fn tiers_table(unit: &[UnitCost], months: &[Month]) -> String {
    let header: Vec<&str> = std::iter::once("month").chain(unit.iter().map(|u| u.tier.as_str())).chain(["total"]).collect();
    let mut body = String::new();
    for &m in months {
        let cells: String = unit.iter().map(|u| month_of(u, m).map_or_else(|| td(""), |t| num(t.cost))).collect();
        let total = unit.iter().filter_map(|u| month_of(u, m)).map(|t| t.cost).sum();
        body += &format!("<tr>{}{cells}{}</tr>\n", td(&m.to_string()), num(total));
    }
    table("tiers", &header, &body)
}

fn unit_chart(unit: &[UnitCost]) -> String {
    const BAR: f64 = 20.0;
    const GAP: f64 = 4.0;
    const GROUP_GAP: f64 = 40.0;
    let max = unit.iter().flat_map(|u| u.months.iter().filter_map(|m| m.per_customer).chain(u.target_usd)).fold(0.0, f64::max);
    let (mut body, mut x) = (String::new(), LEFT + GROUP_GAP / 2.0);
    for (t, u) in unit.iter().enumerate() {
        let start = x;
        for m in &u.months {
            if let Some(v) = m.per_customer {
                let h = scale(v, max, PLOT_H);
                body += &bar(&u.tier, Some(m.month), v, [x, BASE - h, BAR, h], colour(t));
            }
            body += &text("mid sub", x + BAR / 2.0, BASE + 12.0, &format!("{:02}", m.month.month));
            x += BAR + GAP;
        }
        let end = start.max(x - GAP);
        if let Some(target) = u.target_usd {
            let (y, tier) = (BASE - scale(target, max, PLOT_H), escape(&u.tier));
            body += &format!(
                "<line class=\"target\" data-tier=\"{tier}\" data-value=\"{target:.2}\" x1=\"{:.2}\" y1=\"{y:.2}\" x2=\"{:.2}\" y2=\"{y:.2}\"/>\n",
                start - 6.0,
                end + 6.0
            );
        }
        body += &text("mid", (start + end) / 2.0, BASE + 30.0, &escape(&u.tier));
        x = end + GROUP_GAP;
    }
    let width = x - GROUP_GAP / 2.0;
    svg("chart-unit-cost", width, BASE + 40.0, &(axis(width, max) + &body))
}

fn unit_table(unit: &[UnitCost]) -> String {
    let mut body = String::new();
    for u in unit {
        let target = u.target_usd.map_or_else(|| td("–"), num);
        for m in &u.months {
            let cells = [td(&u.tier), td(&m.month.to_string()), td(&m.customers.to_string()), num(m.cost)];
            body += &format!("<tr>{}{}{target}</tr>\n", cells.concat(), m.per_customer.map_or_else(|| td("–"), num));
        }
        let trend = u.trend_percent.map_or_else(|| "–".to_string(), |p| format!("{p:+.1}%"));
        let over =
            u.target_usd.map_or("no target".to_string(), |_| format!("{} of {} months over target", u.months_over_target, u.months.len()));
        body += &format!("<tr class=\"summary\">{}<td colspan=\"5\">trend {trend}; {over}</td></tr>\n", td(&u.tier));
    }
    table("unit-cost", &["tier", "month", "customers", "cost", "per customer", "target"], &body)
}

fn reconciliation(a: &Allocation, others: Option<(usize, f64)>) -> String {
    let customers = a.rows.iter().map(|r| r.total).sum::<f64>() + others.map_or(0.0, |o| o.1);
    // A BTreeMap lists the kinds in their declared order, whatever order the rows come in.
    let mut by_kind = BTreeMap::new();
    for u in &a.unattributed {
        *by_kind.entry(u.kind).or_insert(0.0) += u.total;
    }
    let mut rows = vec![("customers total", num(customers))];
    rows.extend(by_kind.into_iter().map(|(kind, total)| {
        let label = match kind {
            Unattributed::Platform => "platform",
            Unattributed::UnknownTag => "unknown tag",
            Unattributed::Unallocated => "unallocated",
        };
        (label, num(total))
    }));
    rows.extend([("report total", num(a.total)), ("CUR total", num(a.cur_total))]);
    rows.push(("untagged share of pool cost", format!("<td class=\"pct\">{:.1}%</td>", a.untagged_pool_share * 100.0)));
    let rows: String = rows.into_iter().map(|(label, cell)| format!("<tr><th>{label}</th>{cell}</tr>\n")).collect();
    // Compared as the table shows them, so the sentence never contradicts the cells above it.
    let verdict = if format!("{:.2}", a.total) == format!("{:.2}", a.cur_total) {
        "The report total equals the CUR total (to the cent).".to_string()
    } else {
        format!("The report total differs from the CUR total by {:.2}.", a.total - a.cur_total)
    };
    format!("<table id=\"reconciliation\"><tbody>\n{rows}</tbody></table>\n<p>{verdict}</p>\n")
}

/// Length of a bar of value `v` on a scale where `max` spans `len`; non-positive values and an
/// all-zero scale give 0, so neither NaN nor a negative size reaches the SVG.
fn scale(v: f64, max: f64, len: f64) -> f64 {
    if v > 0.0 && max > 0.0 { v / max * len } else { 0.0 }
}

fn month_of(u: &UnitCost, m: Month) -> Option<&TierMonth> {
    u.months.iter().find(|t| t.month == m)
}

fn colour(tier_index: usize) -> &'static str {
    PALETTE[tier_index % PALETTE.len()]
}

/// A bar of value `v` at `[x, y, width, height]`; the per-tier charts also say which month it is.
fn bar(label: &str, month: Option<Month>, v: f64, [x, y, w, h]: [f64; 4], fill: &str) -> String {
    let (label, month) = (escape(label), month.map(|m| format!(" data-month=\"{m}\"")).unwrap_or_default());
    format!(
        "<rect class=\"bar\" data-label=\"{label}\"{month} data-value=\"{v:.2}\" x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"{fill}\"/>\n"
    )
}

/// `content` must be escaped already.
fn text(class: &str, x: f64, y: f64, content: &str) -> String {
    format!("<text class=\"{class}\" x=\"{x:.2}\" y=\"{y:.2}\">{content}</text>\n")
}

/// Baseline and the two ends of the scale, for the vertical charts.
fn axis(right: f64, max: f64) -> String {
    let line = format!("<line class=\"axis\" x1=\"{LEFT:.2}\" y1=\"{BASE:.2}\" x2=\"{right:.2}\" y2=\"{BASE:.2}\"/>\n");
    line + &text("end sub", LEFT - 6.0, TOP + 4.0, &format!("{max:.2}")) + &text("end sub", LEFT - 6.0, BASE, "0.00")
}

fn svg(id: &str, w: f64, h: f64, body: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" viewBox=\"0 0 {w:.2} {h:.2}\" width=\"{w:.2}\" height=\"{h:.2}\">\n{body}</svg>\n"
    )
}

fn table(id: &str, header: &[&str], body: &str) -> String {
    let th: String = header.iter().map(|h| format!("<th>{}</th>", escape(h))).collect();
    format!("<table id=\"{id}\"><thead><tr>{th}</tr></thead><tbody>\n{body}</tbody></table>\n")
}

fn td(s: &str) -> String {
    format!("<td>{}</td>", escape(s))
}

fn num(v: f64) -> String {
    format!("<td class=\"num\">{v:.2}</td>")
}

/// XML-escapes text and attribute values; drops control characters, which XML forbids even escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use roxmltree::{Document, Node};

    use super::*;
    use crate::cost::allocate::{ReportRow, UnattributedRow};

    const TRICKY: &str = "Big <&> \"Co\" 'x'";

    fn row(customer: &str, tier: &str, pool: Option<u32>, direct: f64, shared: f64) -> ReportRow {
        let (customer, tier, total) = (Some(customer.to_string()), Some(tier.to_string()), direct + shared);
        ReportRow { customer, account_id: None, account: None, tier, pool, service: None, month: None, direct, shared, total }
    }

    fn tier(tier: &str, target_usd: Option<f64>, trend_percent: Option<f64>, months: [(usize, f64); 3]) -> UnitCost {
        let months: Vec<_> = (8..)
            .zip(months)
            .map(|(month, (customers, cost))| {
                let per_customer = (customers > 0).then(|| cost / customers as f64);
                TierMonth { month: Month { year: 2026, month }, customers, cost, per_customer }
            })
            .collect();
        let months_over_target = months.iter().filter(|m| matches!((m.per_customer, target_usd), (Some(p), Some(t)) if p > t)).count();
        UnitCost { tier: tier.to_string(), target_usd, months, trend_percent, months_over_target }
    }

    fn fixture() -> (Allocation, Vec<UnitCost>) {
        let rows = vec![
            row(TRICKY, "silo", None, 280.0, 20.25),
            row("acme", "pool", Some(1), 100.0, 20.5),
            row("refund", "pool", Some(2), -20.0, 5.0),
        ];
        let unattributed = [(Unattributed::UnknownTag, 2.25), (Unattributed::Platform, 10.0), (Unattributed::Platform, 5.0)]
            .map(|(kind, total)| UnattributedRow { kind, account_id: "111111111111".to_string(), value: None, total });
        // 300.25 + 120.50 - 15.00 + 3.50 (others) + 17.25 (unattributed)
        let allocation = Allocation { rows, unattributed: unattributed.into(), total: 426.5, cur_total: 426.5, untagged_pool_share: 0.125 };
        let unit = vec![
            tier("pool", Some(50.0), Some(-30.0), [(2, 100.0), (2, 110.0), (3, 105.0)]),
            tier("silo", None, None, [(0, 0.0), (1, 200.0), (1, 300.25)]),
        ];
        (allocation, unit)
    }

    fn render_fixture() -> String {
        let (allocation, unit_cost) = fixture();
        render(&HtmlReport {
            title: "Cost per customer, 2026-08 to 2026-10",
            allocation: &allocation,
            others: Some((2, 3.5)),
            unit_cost: &unit_cost,
        })
    }

    fn by_id<'a, 'i>(doc: &'a Document<'i>, id: &str) -> Node<'a, 'i> {
        doc.root().descendants().find(|n| n.attribute("id") == Some(id)).unwrap()
    }

    fn of_class<'a, 'i>(doc: &'a Document<'i>, id: &str, class: &str) -> Vec<Node<'a, 'i>> {
        by_id(doc, id).descendants().filter(|n| n.attribute("class") == Some(class)).collect()
    }

    fn f(n: Node, attr: &str) -> f64 {
        n.attribute(attr).unwrap().parse().unwrap()
    }

    /// The text of the cell beside the row header `label` in the reconciliation table.
    fn reconciled<'a>(doc: &'a Document<'_>, label: &str) -> Option<&'a str> {
        let mut rows = by_id(doc, "reconciliation").descendants().filter(|n| n.has_tag_name("tr"));
        let tr = rows.find(|tr| tr.first_element_child().and_then(|th| th.text()) == Some(label))?;
        tr.children().find(|n| n.has_tag_name("td"))?.text()
    }

    #[test]
    fn well_formed_and_self_contained() {
        let html = render_fixture();
        let doc = Document::parse(&html).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"));
        assert_eq!(doc.root_element().tag_name().namespace(), Some("http://www.w3.org/1999/xhtml"));
        assert_eq!(doc.root_element().tag_name().name(), "html");
        for banned in ["<script", "href=", "src=", "NaN", "inf"] {
            assert!(!html.contains(banned), "{banned}");
        }
        for id in ["chart-customers", "chart-tiers", "chart-unit-cost"] {
            assert_eq!(by_id(&doc, id).tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        }
    }

    #[test]
    fn customer_bars_are_proportional() {
        let html = render_fixture();
        let doc = Document::parse(&html).unwrap();
        let bars = of_class(&doc, "chart-customers", "bar");
        assert_eq!(bars.iter().map(|b| b.attribute("data-label").unwrap()).collect::<Vec<_>>(), [TRICKY, "acme", "refund", "(2 more)"]);
        for &b in &bars {
            let (v, w) = (f(b, "data-value"), f(b, "width"));
            assert!((w - v.max(0.0) / 300.25 * BAR_W).abs() <= 0.01, "{v} drawn {w} wide");
        }
        assert_eq!(f(bars[0], "width"), BAR_W);
        assert_eq!(bars[2].attribute("width"), Some("0.00"));
    }

    #[test]
    fn tier_stacks_match_costs() {
        let html = render_fixture();
        let doc = Document::parse(&html).unwrap();
        let bars = of_class(&doc, "chart-tiers", "bar");
        assert_eq!(bars.len(), 6);
        let unit = fixture().1;
        for i in 0..3 {
            let mut stack_top = BASE;
            for (u, m) in unit.iter().map(|u| (u, &u.months[i])) {
                let month = m.month.to_string();
                let b =
                    *bars.iter().find(|b| b.attribute("data-label") == Some(&u.tier) && b.attribute("data-month") == Some(&month)).unwrap();
                assert_eq!(b.attribute("data-value").unwrap(), format!("{:.2}", m.cost));
                // The largest stack, 2026-10 (105.00 + 300.25), spans the plot height.
                assert!((f(b, "height") - m.cost / 405.25 * PLOT_H).abs() <= 0.01);
                assert!((f(b, "y") + f(b, "height") - stack_top).abs() <= 0.01, "{} sits on the segment below", u.tier);
                stack_top = f(b, "y");
            }
        }
    }

    #[test]
    fn unit_cost_at_target_reaches_the_target_line() {
        let html = render_fixture();
        let doc = Document::parse(&html).unwrap();
        let targets = of_class(&doc, "chart-unit-cost", "target");
        assert_eq!(targets.len(), 1, "silo has no target");
        assert_eq!((targets[0].attribute("data-tier"), targets[0].attribute("data-value")), (Some("pool"), Some("50.00")));
        let bars = of_class(&doc, "chart-unit-cost", "bar");
        assert_eq!(bars.len(), 5, "silo's month without customers draws no bar");
        let at_target =
            bars.iter().find(|b| b.attribute("data-month") == Some("2026-08") && b.attribute("data-label") == Some("pool")).unwrap();
        assert_eq!(at_target.attribute("data-value"), Some("50.00"));
        assert!((f(*at_target, "y") - f(targets[0], "y1")).abs() <= 0.01);
    }

    #[test]
    fn tables_carry_the_numbers_and_escaped_text() {
        let html = render_fixture();
        let doc = Document::parse(&html).unwrap();
        let expected = [
            ("customers total", "409.25"),
            ("platform", "15.00"),
            ("unknown tag", "2.25"),
            ("report total", "426.50"),
            ("CUR total", "426.50"),
        ];
        for (label, value) in expected {
            assert_eq!(reconciled(&doc, label), Some(value), "{label}");
        }
        assert_eq!(reconciled(&doc, "unallocated"), None);
        assert_eq!(reconciled(&doc, "untagged share of pool cost"), Some("12.5%"));
        let tbody = by_id(&doc, "customers").descendants().find(|n| n.has_tag_name("tbody")).unwrap();
        let first_cells: Vec<_> = tbody.children().filter_map(|tr| tr.first_element_child()?.text()).collect();
        assert_eq!(first_cells, [TRICKY, "acme", "refund", "(2 more)"]);
        assert!(html.contains("trend -30.0%; 1 of 3 months over target") && html.contains("trend –; no target"));
    }

    #[test]
    fn empty_report_is_well_formed() {
        let allocation = Allocation { rows: vec![], unattributed: vec![], total: 0.0, cur_total: 0.0, untagged_pool_share: 0.0 };
        let html = render(&HtmlReport { title: "", allocation: &allocation, others: None, unit_cost: &[] });
        let doc = Document::parse(&html).unwrap();
        assert!(of_class(&doc, "chart-customers", "bar").is_empty());
        assert!(!html.contains("NaN") && !html.contains("inf"));
    }
}
