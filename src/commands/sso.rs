//! `sso …`: who may enter which account, the permission sets, and the imperative assign/unassign.

use super::Session;
use crate::cli::{SsoAssignArgs, SsoListArgs};
use crate::error::Error;
use crate::exit::ExitStatus;

pub async fn list(session: &Session, args: &SsoListArgs) -> Result<ExitStatus, Error> {
    let _ = (session, args);
    Err(Error::Usage { message: "sso list: in progress".into(), help: String::new() })
}

pub async fn permission_sets(session: &Session) -> Result<ExitStatus, Error> {
    let _ = session;
    Err(Error::Usage { message: "sso permission-sets: in progress".into(), help: String::new() })
}

pub async fn assign(session: &Session, args: &SsoAssignArgs, add: bool) -> Result<ExitStatus, Error> {
    let _ = (session, args, add);
    Err(Error::Usage { message: "sso assign: in progress".into(), help: String::new() })
}
