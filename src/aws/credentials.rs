//! Where the SDK will find credentials, and what to do when it cannot: a profile that does not
//! exist is refused before the first call, and every other loading failure reaches the operator
//! as a `CredentialProblem` that names its source and the fix, never as a transport error.

use std::borrow::Cow;

use aws_config::profile::{Profile, ProfileSet};
use aws_credential_types::Credentials;
use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider, future};
use aws_runtime::env_config::file::EnvConfigFiles;
use aws_types::os_shim_internal::{Env, Fs};

use crate::api_error::CredentialProblem;

/// Profile settings that give credentials; a profile with none of them (only a region, say)
/// leaves the SDK to the rest of its chain.
const CREDENTIAL_SETTINGS: [&str; 9] = [
    "aws_access_key_id",
    "role_arn",
    "source_profile",
    "credential_source",
    "credential_process",
    "web_identity_token_file",
    "sso_session",
    "sso_start_url",
    "login_session",
];

/// The profile the SDK will read, as the shared config files describe it.
#[derive(Debug, Clone)]
pub struct ProfileChoice {
    name: String,
    /// Whether the profile exists and sets something that gives credentials.
    gives_credentials: bool,
    sso: bool,
}

impl ProfileChoice {
    /// Reads the shared config files (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, or the files
    /// under ~/.aws) as the SDK will, and refuses a named profile that is not there.
    pub async fn read(profile: Option<&str>) -> Result<ProfileChoice, CredentialProblem> {
        let (fs, env) = (Fs::real(), Env::real());
        let set = aws_config::profile::load(&fs, &env, &EnvConfigFiles::default(), profile.map(|p| Cow::Owned(p.to_string())))
            .await
            .map_err(|e| CredentialProblem::ConfigFiles { cause: e.to_string() })?;
        let name = set.selected_profile().to_string();
        let named_by = match profile {
            Some(_) => Some("--profile"),
            None => env.get("AWS_PROFILE").ok().map(|_| "AWS_PROFILE"),
        };
        let found = set.get_profile(&name);
        // `default` may be absent: the environment or an instance role can still give credentials.
        if let (None, Some(named_by)) = (found, named_by)
            && name != "default"
        {
            return Err(CredentialProblem::UnknownProfile { profile: name, named_by, files: files(&env), known: known(&set) });
        }
        Ok(ProfileChoice {
            name,
            gives_credentials: found.is_some_and(|p| CREDENTIAL_SETTINGS.iter().any(|key| p.get(key).is_some())),
            sso: found.is_some_and(is_sso),
        })
    }

    /// What a failure of the SDK's credential chain means for this profile.
    fn explain(&self, err: &CredentialsError) -> CredentialProblem {
        let cause = super::error::causes(err);
        let token = ["SSO token", "sso/cache", "UnauthorizedException", "Session token not found"].iter().any(|t| cause.contains(t));
        match (self.gives_credentials, self.sso) {
            (true, true) if token => CredentialProblem::SsoLogin { profile: self.name.clone() },
            (true, sso) => CredentialProblem::Profile { profile: self.name.clone(), sso, cause },
            (false, _) => CredentialProblem::Missing { cause: missing_cause(&self.name, &cause) },
        }
    }

    /// The SDK's provider, with its failures explained.
    pub fn explained(&self, inner: SharedCredentialsProvider) -> SharedCredentialsProvider {
        SharedCredentialsProvider::new(Explained { inner, profile: self.clone() })
    }
}

fn is_sso(profile: &Profile) -> bool {
    profile.get("sso_session").is_some() || profile.get("sso_start_url").is_some()
}

fn known(set: &ProfileSet) -> Vec<String> {
    let mut names: Vec<String> = set.profiles().map(str::to_string).collect();
    names.sort();
    names
}

/// The files profiles are read from, as the SDK finds them.
fn files(env: &Env) -> String {
    let home = env.get("HOME").unwrap_or_else(|_| "~".into());
    let config = env.get("AWS_CONFIG_FILE").unwrap_or_else(|_| format!("{home}/.aws/config"));
    let credentials = env.get("AWS_SHARED_CREDENTIALS_FILE").unwrap_or_else(|_| format!("{home}/.aws/credentials"));
    format!("{config} or {credentials}")
}

/// What the chain tried, in words: its last source (instance metadata) answers for all of them,
/// and on a laptop "IMDS refused the connection" says nothing useful on its own.
fn missing_cause(profile: &str, cause: &str) -> String {
    let tried = format!("tried the environment, profile `{profile}`, web identity, the container and instance metadata");
    if cause.contains("IMDS") || cause.contains("not enabled") {
        format!("{tried} (instance metadata: {})", cause.rsplit(": ").next().unwrap_or(cause))
    } else {
        format!("{tried} ({cause})")
    }
}

#[derive(Debug)]
struct Explained {
    inner: SharedCredentialsProvider,
    profile: ProfileChoice,
}

impl ProvideCredentials for Explained {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::new(async move {
            self.inner.provide_credentials().await.map_err(|err| CredentialsError::provider_error(self.profile.explain(&err)))
        })
    }

    fn fallback_on_interrupt(&self) -> Option<Credentials> {
        self.inner.fallback_on_interrupt()
    }
}

/// The explained problem somewhere in an SDK error's chain of sources.
pub fn find_problem(err: &(dyn std::error::Error + 'static)) -> Option<CredentialProblem> {
    let mut next = Some(err);
    while let Some(err) = next {
        if let Some(problem) = err.downcast_ref::<CredentialProblem>() {
            return Some(problem.clone());
        }
        next = err.source();
    }
    None
}
