//! How every adapter makes a call: under its service's limit, following every page, and for
//! writes retried with full jitter while AWS reports a concurrent change.

use std::future::Future;
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::api_error::{AwsError, AwsErrorKind};

/// Runs one call while holding a slot of the service's limit.
pub(super) async fn limited<T>(limit: &Semaphore, call: impl Future<Output = T>) -> T {
    let _permit = limit.acquire().await.expect("the limiter is never closed");
    call.await
}

/// Follows `NextToken` to the last page; each page holds a slot of the service's limit.
pub(super) async fn pages<T, F, Fut>(limit: &Semaphore, page: F) -> Result<Vec<T>, AwsError>
where
    F: Fn(Option<String>) -> Fut,
    Fut: Future<Output = Result<(Vec<T>, Option<String>), AwsError>>,
{
    let mut items = Vec::new();
    let mut token = None;
    loop {
        let (found, next) = limited(limit, page(token)).await?;
        items.extend(found);
        match next {
            Some(next) => token = Some(next),
            None => return Ok(items),
        }
    }
}

/// One write, retried up to `attempts` times on a concurrent change
/// (`ConcurrentModificationException`, Identity Center's `ConflictException`), which the SDK
/// does not retry. Full jitter, so that parallel writers do not collide again in step.
pub(super) async fn retrying<T, F, Fut>(limit: &Semaphore, attempts: u32, call: F) -> Result<T, AwsError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<T, AwsError>>,
{
    let mut delay = Duration::from_millis(250);
    for attempt in 1.. {
        match limited(limit, call()).await {
            Err(err) if err.kind == AwsErrorKind::ConcurrentModification && attempt < attempts => {
                tokio::time::sleep(delay.mul_f64(fastrand::f64())).await;
                delay = (delay * 2).min(Duration::from_secs(8));
            }
            result => return result,
        }
    }
    unreachable!("the loop returns on the last attempt")
}

/// Treats "already done" as done: a retried request may have gone through the first time.
pub(super) fn done_if(kind: AwsErrorKind, result: Result<(), AwsError>) -> Result<(), AwsError> {
    match result {
        Err(err) if err.kind == kind => Ok(()),
        other => other,
    }
}

/// `None` for "there is none", the answer many services give as an error (the identity store,
/// sso-admin, SQS, DynamoDB, ECS).
pub(super) fn none_if_not_found<T>(result: Result<T, AwsError>) -> Result<Option<T>, AwsError> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(err) if err.kind == AwsErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}
