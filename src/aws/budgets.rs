//! AWS Budgets behind the `BudgetRead` and `BudgetWrite` ports.

use std::sync::Arc;

use aws_sdk_budgets::Client;
use aws_sdk_budgets::types::{
    BudgetType, ComparisonOperator, Dimension, Expression, ExpressionDimensionValues, MatchOption, Notification, NotificationType,
    NotificationWithSubscribers, Spend, Subscriber, SubscriptionType, TagValues, ThresholdType, TimeUnit,
};
use tokio::sync::Semaphore;

use crate::api_error::{AwsError, AwsErrorKind};
use crate::apply::{BudgetSpec, BudgetWrite};
use crate::observe::{Budget, BudgetFilter, BudgetRead};

/// Reads; the type `drift` is limited to.
#[derive(Clone)]
pub struct BudgetReader {
    client: Client,
    limit: Arc<Semaphore>,
}

/// Writes, for `apply`.
#[derive(Clone)]
pub struct BudgetWriter {
    client: Client,
    limit: Arc<Semaphore>,
}

impl BudgetReader {
    pub(super) fn new(client: Client, limit: Arc<Semaphore>) -> Self {
        Self { client, limit }
    }
}

impl BudgetWriter {
    pub(super) fn new(client: Client, limit: Arc<Semaphore>) -> Self {
        Self { client, limit }
    }
}

fn filter_of(budget: &aws_sdk_budgets::types::Budget) -> BudgetFilter {
    let Some(expression) = budget.filter_expression() else { return BudgetFilter::Other };
    if let Some(dimension) = expression.dimensions()
        && dimension.key() == &Dimension::LinkedAccount
        && let [account_id] = dimension.values()
    {
        return BudgetFilter::LinkedAccount { account_id: account_id.clone() };
    }
    if let Some(tags) = expression.tags()
        && let (Some(key), [value]) = (tags.key(), tags.values())
    {
        return BudgetFilter::Tag { key: key.to_string(), value: value.clone() };
    }
    BudgetFilter::Other
}

fn notification(threshold: f64) -> Notification {
    Notification::builder()
        .notification_type(NotificationType::Actual)
        .comparison_operator(ComparisonOperator::GreaterThan)
        .threshold(threshold)
        .threshold_type(ThresholdType::Percentage)
        .build()
        .expect("all required fields are set")
}

fn subscribers(notify: &[String]) -> Vec<Subscriber> {
    notify
        .iter()
        .map(|address| {
            Subscriber::builder().subscription_type(SubscriptionType::Email).address(address).build().expect("all required fields are set")
        })
        .collect()
}

fn budget(spec: &BudgetSpec) -> aws_sdk_budgets::types::Budget {
    let expression = match &spec.filter {
        BudgetFilter::LinkedAccount { account_id } => Some(
            Expression::builder()
                .dimensions(
                    ExpressionDimensionValues::builder()
                        .key(Dimension::LinkedAccount)
                        .values(account_id)
                        .match_options(MatchOption::Equals)
                        .build()
                        .expect("key and values are set"),
                )
                .build(),
        ),
        BudgetFilter::Tag { key, value } => {
            Some(Expression::builder().tags(TagValues::builder().key(key).values(value).match_options(MatchOption::Equals).build()).build())
        }
        BudgetFilter::Other => None,
    };
    aws_sdk_budgets::types::Budget::builder()
        .budget_name(&spec.name)
        .budget_limit(Spend::builder().amount(format!("{:.2}", spec.limit_usd)).unit("USD").build().expect("amount and unit are set"))
        .time_unit(TimeUnit::Monthly)
        .budget_type(BudgetType::Cost)
        .set_filter_expression(expression)
        .build()
        .expect("all required fields are set")
}

impl BudgetRead for BudgetReader {
    async fn describe_budgets(&self, account_id: &str) -> Result<Vec<Budget>, AwsError> {
        let mut budgets = Vec::new();
        let mut token = None;
        loop {
            let _slot = self.limit.acquire().await.expect("never closed");
            let call = self.client.describe_budgets().account_id(account_id).max_results(100).set_next_token(token);
            let out = match call.send().await.map_err(sdk!("DescribeBudgets", Some(account_id))) {
                Err(err) if err.kind == AwsErrorKind::NotFound => return Ok(budgets), // an account without budgets
                other => other?,
            };
            budgets.extend(out.budgets().iter().map(|b| Budget {
                name: b.budget_name().to_string(),
                limit_usd: b.budget_limit().and_then(|l| l.amount().parse().ok()).unwrap_or_default(),
                filter: filter_of(b),
                alert_percent: Vec::new(),
            }));
            token = out.next_token().map(str::to_string);
            if token.is_none() {
                return Ok(budgets);
            }
        }
    }

    async fn describe_notifications(&self, account_id: &str, budget: &str) -> Result<Vec<f64>, AwsError> {
        let _slot = self.limit.acquire().await.expect("never closed");
        let call = self.client.describe_notifications_for_budget().account_id(account_id).budget_name(budget).max_results(100);
        match call.send().await.map_err(sdk!("DescribeNotificationsForBudget", Some(budget))) {
            Ok(out) => Ok(out.notifications().iter().map(Notification::threshold).collect()),
            Err(err) if err.kind == AwsErrorKind::NotFound => Ok(Vec::new()),
            Err(err) => Err(err),
        }
    }
}

impl BudgetWrite for BudgetWriter {
    async fn create_budget(&self, account_id: &str, spec: &BudgetSpec) -> Result<(), AwsError> {
        let _slot = self.limit.acquire().await.expect("never closed");
        let notifications = spec.alert_percent.iter().map(|&threshold| {
            NotificationWithSubscribers::builder()
                .notification(notification(threshold))
                .set_subscribers(Some(subscribers(&spec.notify)))
                .build()
                .expect("all required fields are set")
        });
        let call = self
            .client
            .create_budget()
            .account_id(account_id)
            .budget(budget(spec))
            .set_notifications_with_subscribers(Some(notifications.collect()));
        match call.send().await.map_err(sdk!("CreateBudget", Some(&spec.name))) {
            Err(err) if err.kind == AwsErrorKind::AlreadyExists => Ok(()),
            other => other.map(|_| ()),
        }
    }

    async fn update_budget(&self, account_id: &str, spec: &BudgetSpec, old_alerts: Option<&[f64]>) -> Result<(), AwsError> {
        {
            let _slot = self.limit.acquire().await.expect("never closed");
            self.client
                .update_budget()
                .account_id(account_id)
                .new_budget(budget(spec))
                .send()
                .await
                .map_err(sdk!("UpdateBudget", Some(&spec.name)))?;
        }
        let Some(old) = old_alerts else { return Ok(()) };
        for threshold in old.iter().filter(|t| !spec.alert_percent.contains(t)) {
            let _slot = self.limit.acquire().await.expect("never closed");
            let call =
                self.client.delete_notification().account_id(account_id).budget_name(&spec.name).notification(notification(*threshold));
            call.send().await.map_err(sdk!("DeleteNotification", Some(&spec.name)))?;
        }
        for threshold in spec.alert_percent.iter().filter(|t| !old.contains(t)) {
            let _slot = self.limit.acquire().await.expect("never closed");
            let call = self
                .client
                .create_notification()
                .account_id(account_id)
                .budget_name(&spec.name)
                .notification(notification(*threshold))
                .set_subscribers(Some(subscribers(&spec.notify)));
            call.send().await.map_err(sdk!("CreateNotification", Some(&spec.name)))?;
        }
        Ok(())
    }

    async fn delete_budget(&self, account_id: &str, name: &str) -> Result<(), AwsError> {
        let _slot = self.limit.acquire().await.expect("never closed");
        match self.client.delete_budget().account_id(account_id).budget_name(name).send().await.map_err(sdk!("DeleteBudget", Some(name))) {
            Err(err) if err.kind == AwsErrorKind::NotFound => Ok(()),
            other => other.map(|_| ()),
        }
    }
}

/// UpdateBudget, which moto lacks, through the real adapter.
#[cfg(test)]
mod tests {
    use aws_sdk_budgets::operation::create_notification::CreateNotificationOutput;
    use aws_sdk_budgets::operation::delete_notification::DeleteNotificationOutput;
    use aws_sdk_budgets::operation::update_budget::UpdateBudgetOutput;
    use aws_smithy_mocks::{RuleMode, mock, mock_client};

    use super::*;

    #[tokio::test]
    async fn an_update_changes_the_limit_and_only_the_notifications_that_differ() {
        let update = mock!(Client::update_budget)
            .match_requests(|r| {
                let budget = r.new_budget().unwrap();
                budget.budget_name() == "miyabi-Pool-1"
                    && budget.budget_limit().unwrap().amount() == "3000.00"
                    && budget.filter_expression().and_then(|e| e.dimensions()).map(|d| d.values().to_vec())
                        == Some(vec!["111122223333".to_string()])
            })
            .then_output(|| UpdateBudgetOutput::builder().build());
        let delete = mock!(Client::delete_notification)
            .match_requests(|r| r.notification().map(|n| n.threshold()) == Some(50.0))
            .then_output(|| DeleteNotificationOutput::builder().build());
        let create = mock!(Client::create_notification)
            .match_requests(|r| r.notification().map(|n| n.threshold()) == Some(100.0) && r.subscribers().len() == 1)
            .then_output(|| CreateNotificationOutput::builder().build());
        let client = mock_client!(aws_sdk_budgets, RuleMode::MatchAny, &[&update, &delete, &create]);
        let writer = BudgetWriter::new(client, Arc::new(Semaphore::new(2)));
        let spec = BudgetSpec {
            name: "miyabi-Pool-1".into(),
            limit_usd: 3000.0,
            filter: BudgetFilter::LinkedAccount { account_id: "111122223333".into() },
            alert_percent: vec![80.0, 100.0],
            notify: vec!["finops@miyabi.io".into()],
        };
        writer.update_budget("123456789012", &spec, Some(&[50.0, 80.0])).await.unwrap();
        assert_eq!((update.num_calls(), delete.num_calls(), create.num_calls()), (1, 1, 1));
    }
}
