//! miyabi-org: govern a multi-account AWS Organization for a multi-tenant SaaS from files in git.

pub mod access;
pub mod api_error;
pub mod apply;
pub mod aws;
pub mod cli;
pub mod commands;
pub mod config;
pub mod cost;
pub mod diagnostic;
pub mod dispatch;
pub mod error;
pub mod exit;
pub mod explain;
pub mod model;
pub mod observe;
pub mod output;
pub mod plan;
pub mod policy_kind;
pub mod scaling;
pub mod task;
pub mod validate;
