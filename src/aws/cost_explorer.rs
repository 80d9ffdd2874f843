//! AWS Cost Explorer: GetCostAndUsage grouped by linked account and the customer tag, monthly,
//! every page followed. Each request costs $0.01, so they are counted.

use aws_sdk_costexplorer::Client;
use aws_sdk_costexplorer::types::{DateInterval, Granularity, GroupDefinition, GroupDefinitionType};

use crate::api_error::AwsError;

/// One group of one month.
#[derive(Debug, Clone, PartialEq)]
pub struct CostGroup {
    /// `YYYY-MM-DD`, the first day of the month.
    pub start: String,
    pub account_id: String,
    /// The tag value as Cost Explorer gives it: empty when the group is untagged.
    pub tag: Option<String>,
    pub amount: f64,
}

#[derive(Clone)]
pub struct CostExplorer {
    client: Client,
}

impl CostExplorer {
    pub(super) fn new(client: Client) -> Self {
        Self { client }
    }

    /// Groups between `start` and `end` (exclusive), with the number of requests made.
    pub async fn cost_and_usage(&self, start: &str, end: &str, metric: &str, tag: &str) -> Result<(Vec<CostGroup>, u64), AwsError> {
        let mut groups = Vec::new();
        let mut token = None;
        let mut requests = 0;
        loop {
            let out = self
                .client
                .get_cost_and_usage()
                .time_period(DateInterval::builder().start(start).end(end).build().expect("start and end are set"))
                .granularity(Granularity::Monthly)
                .metrics(metric)
                .group_by(GroupDefinition::builder().r#type(GroupDefinitionType::Dimension).key("LINKED_ACCOUNT").build())
                .group_by(GroupDefinition::builder().r#type(GroupDefinitionType::Tag).key(tag).build())
                .set_next_page_token(token)
                .send()
                .await
                .map_err(sdk!("GetCostAndUsage", None))?;
            requests += 1;
            for result in out.results_by_time() {
                let start = result.time_period().map(|p| p.start().to_string()).unwrap_or_default();
                for group in result.groups() {
                    let keys = group.keys();
                    let amount =
                        group.metrics().and_then(|m| m.get(metric)).and_then(|v| v.amount()).and_then(|a| a.parse().ok()).unwrap_or(0.0);
                    // The tag key comes as `customer$ACME`, or `customer$` when untagged.
                    let tag = keys.get(1).and_then(|k| k.split_once('$')).map(|(_, v)| v.to_string());
                    groups.push(CostGroup { start: start.clone(), account_id: keys.first().cloned().unwrap_or_default(), tag, amount });
                }
            }
            token = out.next_page_token().map(str::to_string);
            if token.is_none() {
                return Ok((groups, requests));
            }
        }
    }
}
