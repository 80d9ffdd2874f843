//! Checks of `[sso]`: permission sets, their policies, and assignment rules; and, once the
//! identity store has been asked, the principals it does not know.

use crate::access::Principal;
use crate::config::Repo;
use crate::diagnostic::{Problem, Problems};

use super::at;

/// The declared groups and users the identity store does not know, each at every line naming it:
/// found online, still before any write.
pub fn unknown_principals(repo: &Repo, resolved: &[Principal]) -> Problems {
    let mut problems = Problems::default();
    let Some(sso) = &repo.org.sso else { return problems };
    for principal in resolved.iter().filter(|p| p.id.is_none()) {
        for rule in &sso.assignment {
            let named = match principal.kind {
                crate::access::PrincipalKind::Group => &rule.group,
                crate::access::PrincipalKind::User => &rule.user,
            };
            if let Some(name) = named.as_ref().filter(|n| n.get_ref() == &principal.name) {
                let key = if principal.kind == crate::access::PrincipalKind::Group { "DisplayName" } else { "UserName" };
                problems.push(Problem::new(
                    Some(at(&repo.org_source, name)),
                    format!("the identity store has no {} with {key} `{}`", principal.kind, principal.name),
                    format!(
                        "create the {} in IAM Identity Center (or your identity provider, then sync it), or correct the name",
                        principal.kind
                    ),
                ));
            }
        }
    }
    problems
}
