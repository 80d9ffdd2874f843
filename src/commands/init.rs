//! `init DIR`: a new org repo from the defaults embedded in the binary.

use std::path::Path;

use super::Session;
use crate::config::{REPO_FILE, TENANTS_FILE};
use crate::error::Error;
use crate::exit::ExitStatus;

/// This repository's own example org, embedded so that a new repo starts from files that work.
pub const DEFAULTS: &[(&str, &str)] = &[
    (REPO_FILE, include_str!("../../miyabi-org.toml")),
    (".gitignore", ".miyabi-org/\n"),
    (TENANTS_FILE, include_str!("../../tenants.toml")),
    ("policies/scp/deny-leave-organization.json", include_str!("../../policies/scp/deny-leave-organization.json")),
    ("policies/scp/deny-root-user.json", include_str!("../../policies/scp/deny-root-user.json")),
    ("policies/scp/protect-platform-roles.json", include_str!("../../policies/scp/protect-platform-roles.json")),
    ("policies/scp/protect-security-services.json", include_str!("../../policies/scp/protect-security-services.json")),
    ("policies/scp/region-guard.json", include_str!("../../policies/scp/region-guard.json")),
    ("policies/rcp/data-perimeter.json", include_str!("../../policies/rcp/data-perimeter.json")),
    ("policies/tag/customer-tag.json", include_str!("../../policies/tag/customer-tag.json")),
    ("policies/ai-opt-out/opt-out-all.json", include_str!("../../policies/ai-opt-out/opt-out-all.json")),
    ("policies/iam/drift-oidc-trust.json", include_str!("../../policies/iam/drift-oidc-trust.json")),
    ("policies/iam/drift-readonly.json", include_str!("../../policies/iam/drift-readonly.json")),
    ("policies/iam/operator.json", include_str!("../../policies/iam/operator.json")),
    ("account-templates/bridge.toml", include_str!("../../account-templates/bridge.toml")),
    ("account-templates/core.toml", include_str!("../../account-templates/core.toml")),
    ("account-templates/pool.toml", include_str!("../../account-templates/pool.toml")),
    ("account-templates/silo.toml", include_str!("../../account-templates/silo.toml")),
];

pub fn init(session: &Session, dir: &Path) -> Result<ExitStatus, Error> {
    let existing: Vec<String> = DEFAULTS.iter().filter(|(path, _)| dir.join(path).exists()).map(|(path, _)| path.to_string()).collect();
    if !existing.is_empty() {
        return Err(Error::refused(
            format!("{} already holds {}", dir.display(), existing.join(", ")),
            "choose an empty directory, or remove those files first; init never overwrites",
        ));
    }
    for (path, text) in DEFAULTS {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&target, text).map_err(|e| Error::io(&target, e))?;
    }
    session.printer.note(&format!(
        "Created an org repo in {} with {} files. Edit [organization] in {REPO_FILE} (name, id, home_region), then run `miyabi-org validate` and `miyabi-org plan`.",
        dir.display(),
        DEFAULTS.len()
    ));
    Ok(ExitStatus::Success)
}
