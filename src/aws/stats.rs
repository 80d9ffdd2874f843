//! Counts API calls by operation through an SDK interceptor, so every client is counted the same way.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeSerializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use serde::Serialize;

#[derive(Debug, Default)]
struct Counts {
    calls: BTreeMap<String, u64>,
    attempts: u64,
}

/// Shared counters; cloning shares them.
#[derive(Debug, Clone, Default)]
pub struct CallCounter(Arc<Mutex<Counts>>);

/// API calls made, as reported by `-v` and the JSON outputs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CallStats {
    pub api_calls: u64,
    pub api_calls_by_operation: BTreeMap<String, u64>,
    /// Attempts beyond the first, after throttling or a transient failure.
    pub retries: u64,
}

impl CallCounter {
    pub fn stats(&self) -> CallStats {
        let counts = self.0.lock().expect("counter lock");
        let api_calls = counts.calls.values().sum();
        CallStats { api_calls, api_calls_by_operation: counts.calls.clone(), retries: counts.attempts.saturating_sub(api_calls) }
    }
}

impl Intercept for CallCounter {
    fn name(&self) -> &'static str {
        "CallCounter"
    }

    // Not read_before_execution: client interceptors run there before the operation (and its name) is configured.
    fn read_before_serialization(
        &self,
        _context: &BeforeSerializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let operation = cfg.load::<Metadata>().map_or("unknown", |m| m.name()).to_string();
        *self.0.lock().expect("counter lock").calls.entry(operation).or_default() += 1;
        Ok(())
    }

    fn read_before_attempt(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        self.0.lock().expect("counter lock").attempts += 1;
        Ok(())
    }
}
