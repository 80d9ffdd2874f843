//! The only place `aws_sdk_*` appears: one `SdkConfig` for every client, call counting, retries
//! and a limit on calls in flight, and one adapter per service behind the read/write ports.

/// An SDK error as an `AwsError` named by its operation and resource:
/// `.map_err(sdk!("ListRoots", None))`. Defined before the adapters so that all of them see it.
macro_rules! sdk {
    ($op:literal, $resource:expr) => {
        |err| $crate::api_error::AwsError::from_sdk($op, $resource, err)
    };
}

mod access_analyzer;
mod athena;
mod budgets;
mod calls;
mod cost_explorer;
mod credentials;
mod error;
mod organizations;
mod sso;
mod stats;
mod workers;

use std::sync::Arc;
use std::time::Duration;

use aws_config::meta::region::RegionProviderChain;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use tokio::sync::Semaphore;

use crate::api_error::CredentialProblem;
use credentials::ProfileChoice;

pub use access_analyzer::Analyzer;
pub use athena::{Athena, AthenaError, AthenaResult, AthenaSettings};
pub use budgets::{BudgetReader, BudgetWriter};
pub use cost_explorer::{CostExplorer, CostGroup};
pub use organizations::{OrgReader, OrgWriter};
pub use sso::{SsoReader, SsoWriter};
pub use stats::{CallCounter, CallStats};
pub use workers::Workers;

/// More than the SDK's default of 3: throttling must never fail a run that would succeed more slowly.
const MAX_ATTEMPTS: u32 = 12;

/// What the command line and the repo say about reaching AWS.
#[derive(Debug, Clone, Default)]
pub struct AwsOptions {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    /// `[organization] home_region`, used when neither the flags nor the profile name a region.
    pub home_region: Option<String>,
    pub calls_in_flight: usize,
}

/// A loaded SDK configuration and the shared counters and limiter of one run.
#[derive(Clone)]
pub struct AwsContext {
    sdk: SdkConfig,
    counter: CallCounter,
    organizations_limit: Arc<Semaphore>,
    budgets_limit: Arc<Semaphore>,
    sso_limit: Arc<Semaphore>,
    /// Calls to the workers' services (SQS, DynamoDB, ECS) of all member accounts together.
    workers_limit: Arc<Semaphore>,
}

impl AwsContext {
    /// Loads the configuration as every AWS SDK does; a named profile that does not exist is
    /// refused here, before any call.
    pub async fn load(options: &AwsOptions) -> Result<AwsContext, CredentialProblem> {
        let profile = ProfileChoice::read(options.profile.as_deref()).await?;
        let fallback = options.home_region.clone().unwrap_or_else(|| "us-east-1".into());
        let region =
            RegionProviderChain::first_try(options.region.clone().map(Region::new)).or_default_provider().or_else(Region::new(fallback));
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .region(region)
            .retry_config(RetryConfig::adaptive().with_max_attempts(MAX_ATTEMPTS).with_initial_backoff(Duration::from_millis(100)))
            .timeout_config(
                TimeoutConfig::builder()
                    .connect_timeout(Duration::from_secs(10))
                    .operation_attempt_timeout(Duration::from_secs(60))
                    .build(),
            );
        if let Some(profile) = &options.profile {
            loader = loader.profile_name(profile);
        }
        if let Some(url) = &options.endpoint_url {
            loader = loader.endpoint_url(url);
        }
        let mut sdk = loader.load().await;
        if let Some(chain) = sdk.credentials_provider() {
            sdk = sdk.into_builder().credentials_provider(profile.explained(chain)).build();
        }
        Ok(AwsContext {
            sdk,
            counter: CallCounter::default(),
            organizations_limit: Arc::new(Semaphore::new(options.calls_in_flight.max(1))),
            budgets_limit: Arc::new(Semaphore::new(options.calls_in_flight.max(1))),
            sso_limit: Arc::new(Semaphore::new(options.calls_in_flight.max(1))),
            workers_limit: Arc::new(Semaphore::new(options.calls_in_flight.max(1) * 4)),
        })
    }

    pub fn stats(&self) -> CallStats {
        self.counter.stats()
    }

    fn organizations_client(&self) -> aws_sdk_organizations::Client {
        let config = aws_sdk_organizations::config::Builder::from(&self.sdk).interceptor(self.counter.clone()).build();
        aws_sdk_organizations::Client::from_conf(config)
    }

    fn sts_client(&self) -> aws_sdk_sts::Client {
        let config = aws_sdk_sts::config::Builder::from(&self.sdk).interceptor(self.counter.clone()).build();
        aws_sdk_sts::Client::from_conf(config)
    }

    /// Read access to the organization; all `drift` ever gets.
    pub fn org_reader(&self) -> OrgReader {
        OrgReader::new(self.organizations_client(), self.sts_client(), self.organizations_limit.clone())
    }

    /// IAM Access Analyzer in `region`, for `validate --online`.
    pub fn analyzer(&self, region: &str) -> Analyzer {
        let config = aws_sdk_accessanalyzer::config::Builder::from(&self.sdk)
            .region(Region::new(region.to_string()))
            .interceptor(self.counter.clone())
            .build();
        Analyzer::new(aws_sdk_accessanalyzer::Client::from_conf(config))
    }

    pub fn athena(&self) -> Athena {
        let config = aws_sdk_athena::config::Builder::from(&self.sdk).interceptor(self.counter.clone()).build();
        Athena::new(aws_sdk_athena::Client::from_conf(config))
    }

    pub fn cost_explorer(&self) -> CostExplorer {
        let config = aws_sdk_costexplorer::config::Builder::from(&self.sdk).interceptor(self.counter.clone()).build();
        CostExplorer::new(aws_sdk_costexplorer::Client::from_conf(config))
    }

    fn budgets_client(&self) -> aws_sdk_budgets::Client {
        let config = aws_sdk_budgets::config::Builder::from(&self.sdk).interceptor(self.counter.clone()).build();
        aws_sdk_budgets::Client::from_conf(config)
    }

    /// AWS Budgets of the management account, read-only.
    pub fn budget_reader(&self) -> BudgetReader {
        BudgetReader::new(self.budgets_client(), self.budgets_limit.clone())
    }

    pub fn budget_writer(&self) -> BudgetWriter {
        BudgetWriter::new(self.budgets_client(), self.budgets_limit.clone())
    }

    /// Write access, for `apply`.
    pub fn org_writer(&self) -> OrgWriter {
        OrgWriter::new(self.org_reader())
    }

    /// IAM Identity Center and its identity store in `region` (where the instance lives), read-only.
    pub fn sso_reader(&self, region: &str) -> SsoReader {
        let region = Region::new(region.to_string());
        let config = aws_sdk_ssoadmin::config::Builder::from(&self.sdk).region(region.clone()).interceptor(self.counter.clone()).build();
        let identity = aws_sdk_identitystore::config::Builder::from(&self.sdk).region(region).interceptor(self.counter.clone()).build();
        SsoReader::new(
            aws_sdk_ssoadmin::Client::from_conf(config),
            aws_sdk_identitystore::Client::from_conf(identity),
            self.sso_limit.clone(),
        )
    }

    /// SQS, DynamoDB and ECS of member accounts in `region`, reached through `member_role`.
    pub fn workers(&self, region: &str, member_role: &str) -> Workers {
        let sdk = self.sdk.clone().into_builder().region(Region::new(region.to_string())).build();
        Workers::new(sdk, self.counter.clone(), self.sts_client(), member_role, self.workers_limit.clone())
    }

    /// Who the base credentials are (GetCallerIdentity), before any role is assumed.
    pub async fn caller_arn(&self) -> Result<String, crate::api_error::AwsError> {
        let out = self.sts_client().get_caller_identity().send().await.map_err(sdk!("GetCallerIdentity", None))?;
        Ok(out.arn().unwrap_or_default().to_string())
    }

    pub fn sso_writer(&self, region: &str) -> SsoWriter {
        SsoWriter::new(self.sso_reader(region))
    }
}
