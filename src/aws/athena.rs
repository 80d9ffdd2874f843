//! Amazon Athena: start the query, poll it with backoff, page the results (1000 rows a page, the
//! header on the first page only), and stop the query on Ctrl-C.

use std::time::Duration;

use aws_sdk_athena::Client;
use aws_sdk_athena::types::{QueryExecutionContext, QueryExecutionState, ResultConfiguration};

use crate::api_error::AwsError;

pub struct AthenaSettings<'a> {
    pub database: &'a str,
    pub workgroup: &'a str,
    pub output_location: Option<&'a str>,
}

/// The rows of a query, each a list of cells, and the columns' names.
#[derive(Debug, Clone, Default)]
pub struct AthenaResult {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Option<String>>>,
    pub scanned_bytes: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum AthenaError {
    #[error(transparent)]
    Aws(#[from] AwsError),
    #[error("the Athena query {id} failed: {reason}")]
    Failed { id: String, reason: String },
    #[error("the Athena query {id} was cancelled")]
    Cancelled { id: String },
    /// Ctrl-C: the query was stopped.
    #[error("interrupted; the Athena query {id} was stopped")]
    Interrupted { id: String },
}

#[derive(Clone)]
pub struct Athena {
    client: Client,
}

impl Athena {
    pub(super) fn new(client: Client) -> Self {
        Self { client }
    }

    /// Runs one query to the end. `on_state` is told each state Athena reports, for a spinner.
    pub async fn run(&self, sql: &str, settings: &AthenaSettings<'_>, on_state: &dyn Fn(&str)) -> Result<AthenaResult, AthenaError> {
        let start = self
            .client
            .start_query_execution()
            .query_string(sql)
            .query_execution_context(QueryExecutionContext::builder().database(settings.database).build())
            .work_group(settings.workgroup)
            .set_result_configuration(settings.output_location.map(|o| ResultConfiguration::builder().output_location(o).build()))
            .send()
            .await
            .map_err(sdk!("StartQueryExecution", Some(settings.database)))?;
        let id = start.query_execution_id().unwrap_or_default().to_string();
        let mut delay = Duration::from_millis(200);
        let scanned = loop {
            let out =
                self.client.get_query_execution().query_execution_id(&id).send().await.map_err(sdk!("GetQueryExecution", Some(&id)))?;
            let execution = out.query_execution();
            let status = execution.and_then(|e| e.status());
            let state = status.and_then(|s| s.state()).cloned().unwrap_or(QueryExecutionState::Queued);
            on_state(state.as_str());
            match state {
                QueryExecutionState::Succeeded => {
                    break execution.and_then(|e| e.statistics()).and_then(|s| s.data_scanned_in_bytes()).unwrap_or(0).max(0) as u64;
                }
                QueryExecutionState::Failed => {
                    let reason = status.and_then(|s| s.state_change_reason()).unwrap_or("no reason given").to_string();
                    return Err(AthenaError::Failed { id, reason });
                }
                QueryExecutionState::Cancelled => return Err(AthenaError::Cancelled { id }),
                // QUEUED, RUNNING (which may go back to QUEUED): wait, unless the operator gives up.
                _ => {
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = tokio::signal::ctrl_c() => {
                            self.client.stop_query_execution().query_execution_id(&id).send().await.map_err(sdk!("StopQueryExecution", Some(&id)))?;
                            return Err(AthenaError::Interrupted { id });
                        }
                    }
                    delay = (delay * 3 / 2).min(Duration::from_secs(5));
                }
            }
        };
        let (mut header, mut rows) = (Vec::new(), Vec::new());
        let mut token = None;
        let mut first = true;
        loop {
            let out = self
                .client
                .get_query_results()
                .query_execution_id(&id)
                .max_results(1000)
                .set_next_token(token)
                .send()
                .await
                .map_err(sdk!("GetQueryResults", Some(&id)))?;
            let cells = |row: &aws_sdk_athena::types::Row| -> Vec<Option<String>> {
                row.data().iter().map(|d| d.var_char_value().map(str::to_string)).collect()
            };
            let mut page = out.result_set().map(|r| r.rows()).unwrap_or_default().iter();
            // The header row comes on the first page only.
            if std::mem::take(&mut first) {
                header = page.next().map(|row| cells(row).into_iter().map(Option::unwrap_or_default).collect()).unwrap_or_default();
            }
            rows.extend(page.map(cells));
            token = out.next_token().map(str::to_string);
            if token.is_none() {
                return Ok(AthenaResult { header, rows, scanned_bytes: scanned });
            }
        }
    }
}

/// Paging, failures and cancellation, which the sandbox's canned results cannot show.
#[cfg(test)]
mod tests {
    use aws_sdk_athena::operation::get_query_execution::GetQueryExecutionOutput;
    use aws_sdk_athena::operation::get_query_results::GetQueryResultsOutput;
    use aws_sdk_athena::operation::start_query_execution::StartQueryExecutionOutput;
    use aws_sdk_athena::types::{Datum, QueryExecution, QueryExecutionStatistics, QueryExecutionStatus, ResultSet, Row};
    use aws_smithy_mocks::{Rule, RuleMode, mock, mock_client};

    use super::*;

    fn row(values: &[&str]) -> Row {
        Row::builder().set_data(Some(values.iter().map(|v| Datum::builder().var_char_value(*v).build()).collect())).build()
    }

    fn execution(state: QueryExecutionState, reason: Option<&str>) -> GetQueryExecutionOutput {
        let status = QueryExecutionStatus::builder().state(state).set_state_change_reason(reason.map(Into::into)).build();
        let stats = QueryExecutionStatistics::builder().data_scanned_in_bytes(2_500_000).build();
        GetQueryExecutionOutput::builder()
            .query_execution(QueryExecution::builder().query_execution_id("q-1").status(status).statistics(stats).build())
            .build()
    }

    fn start() -> Rule {
        mock!(Client::start_query_execution).then_output(|| StartQueryExecutionOutput::builder().query_execution_id("q-1").build())
    }

    const SETTINGS: AthenaSettings<'static> = AthenaSettings { database: "cur", workgroup: "primary", output_location: None };

    #[tokio::test]
    async fn every_page_is_read_and_the_header_only_once() {
        let states = mock!(Client::get_query_execution)
            .sequence()
            .output(|| execution(QueryExecutionState::Queued, None))
            .output(|| execution(QueryExecutionState::Running, None))
            .output(|| execution(QueryExecutionState::Succeeded, None))
            .build();
        let first = mock!(Client::get_query_results).match_requests(|r| r.next_token().is_none()).then_output(|| {
            GetQueryResultsOutput::builder()
                .result_set(
                    ResultSet::builder()
                        .rows(row(&["month", "account_id", "tag", "cost"]))
                        .rows(row(&["2026-10", "111", "ACME", "1.5"]))
                        .build(),
                )
                .next_token("page-2")
                .build()
        });
        let second = mock!(Client::get_query_results).match_requests(|r| r.next_token() == Some("page-2")).then_output(|| {
            GetQueryResultsOutput::builder()
                .result_set(ResultSet::builder().rows(row(&["2026-10", "111", "Globex", "2.5"])).build())
                .build()
        });
        let start = start();
        let client = mock_client!(aws_sdk_athena, RuleMode::MatchAny, &[&start, &states, &first, &second]);
        let seen = std::sync::Mutex::new(Vec::new());
        let result = Athena::new(client).run("SELECT 1", &SETTINGS, &|s| seen.lock().unwrap().push(s.to_string())).await.unwrap();
        assert_eq!(result.header, ["month", "account_id", "tag", "cost"]);
        assert_eq!(result.rows.len(), 2);
        assert_eq!(result.rows[1][2].as_deref(), Some("Globex"));
        assert_eq!(result.scanned_bytes, 2_500_000);
        assert_eq!(*seen.lock().unwrap(), ["QUEUED", "RUNNING", "SUCCEEDED"]);
    }

    #[tokio::test]
    async fn a_failed_query_gives_athenas_reason() {
        let states = mock!(Client::get_query_execution)
            .then_output(|| execution(QueryExecutionState::Failed, Some("TABLE_NOT_FOUND: line 5:6: Table 'cur.cur2' does not exist")));
        let start = start();
        let client = mock_client!(aws_sdk_athena, RuleMode::MatchAny, &[&start, &states]);
        let err = Athena::new(client).run("SELECT 1", &SETTINGS, &|_| {}).await.unwrap_err();
        assert_eq!(err.to_string(), "the Athena query q-1 failed: TABLE_NOT_FOUND: line 5:6: Table 'cur.cur2' does not exist");
    }

    #[tokio::test]
    async fn a_cancelled_query_says_so() {
        let states = mock!(Client::get_query_execution).then_output(|| execution(QueryExecutionState::Cancelled, None));
        let start = start();
        let client = mock_client!(aws_sdk_athena, RuleMode::MatchAny, &[&start, &states]);
        let err = Athena::new(client).run("SELECT 1", &SETTINGS, &|_| {}).await.unwrap_err();
        assert!(matches!(err, AthenaError::Cancelled { .. }), "{err}");
    }
}
