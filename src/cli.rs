//! The command line: clap types only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::plan::Scope;

#[derive(Debug, Parser)]
#[command(
    name = "miyabi-org",
    version,
    about = "Govern a multi-account AWS Organization for a multi-tenant SaaS from files in git",
    long_about = "Govern a multi-account AWS Organization for a multi-tenant SaaS from files in git.\n\nEvery change is shown as a plan first and applied exactly as shown. Exit codes: 0 success or no drift, 1 error, 2 drift or changes (drift, plan --detailed-exitcode), 64 usage error, 130 interrupted."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// The org repo (default: the first directory upwards holding miyabi-org.toml)
    #[arg(long, global = true, value_name = "DIR")]
    pub config: Option<PathBuf>,
    /// AWS profile from ~/.aws/config (default: the SDK's default chain)
    #[arg(long, global = true)]
    pub profile: Option<String>,
    /// AWS region for the SDK (default: the profile's, then [organization] home_region)
    #[arg(long, global = true)]
    pub region: Option<String>,
    /// Send every AWS call to this endpoint, such as the local sandbox
    #[arg(long, global = true, env = "AWS_ENDPOINT_URL", hide_env_values = true, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// How to print results
    #[arg(long, short = 'o', global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// When to color the output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only results and errors
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print API calls by operation and timings, and every item of lists that text output summarises
    #[arg(long, short, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Answer yes to confirmations; required to apply when standard input is not a terminal
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
    /// Plain lines instead of progress bars and spinners
    #[arg(long, global = true)]
    pub no_progress: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Markdown,
    Csv,
    /// GitHub Actions workflow commands: annotations on the files of a pull request
    Github,
    /// One self-contained page with inline SVG charts (`cost report`)
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scaffold an org repo from the embedded defaults
    Init {
        /// Where to create it
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Run every offline check of the repo; makes no AWS call unless --online
    Validate(ValidateArgs),
    /// Read the live organization and show what apply would change
    Plan(PlanArgs),
    /// Apply a saved plan, or plan and apply, after asking
    Apply(ApplyArgs),
    /// Plan for CI: exit 0 when clean, 2 on drift, 1 on error; never writes
    Drift(DriftArgs),
    /// The live organization
    #[command(subcommand)]
    Org(OrgCommand),
    /// Organizational units
    #[command(subcommand)]
    Ou(OuCommand),
    /// Service control policies (and tag policies) and their attachments
    #[command(subcommand)]
    Scp(ScpCommand),
    /// Resource control policies
    #[command(subcommand)]
    Rcp(RcpCommand),
    /// Accounts: the account factory, import, move, close
    #[command(subcommand)]
    Account(AccountCommand),
    /// The tenant registry: customers, their pools and silos
    #[command(subcommand)]
    Tenant(TenantCommand),
    /// Budgets of accounts and customers
    #[command(subcommand)]
    Budget(BudgetCommand),
    /// IAM Identity Center: permission sets and who may enter which account
    #[command(subcommand)]
    Sso(SsoCommand),
    /// Cost per customer from the Cost and Usage Report
    #[command(subcommand)]
    Cost(CostCommand),
    /// Agent-worker tasks in the account each customer lives in
    #[command(subcommand)]
    Worker(WorkerCommand),
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write man pages into a directory
    Man { dir: PathBuf },
}

#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Limit to these parts of the organization
    #[arg(long, value_enum, value_delimiter = ',', value_name = "PART")]
    pub only: Vec<Scope>,
    #[command(flatten)]
    pub sso: SsoReadArgs,
}

/// How much of IAM Identity Center to read.
#[derive(Debug, Clone, Args)]
pub struct SsoReadArgs {
    /// Also read the grants of principals the repo does not name (one ListAccountAssignments per
    /// provisioned account and permission set); they are reported as unmanaged, never removed
    #[arg(long)]
    pub all_principals: bool,
}

#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub result: PlanResultArgs,
}

/// Where a plan goes and what its exit status says.
#[derive(Debug, Clone, Args)]
pub struct PlanResultArgs {
    /// Save the plan for `apply FILE`
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Exit 2 when there are changes, 0 when there are none
    #[arg(long)]
    pub detailed_exitcode: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ApplyArgs {
    /// A plan saved with `plan --out`; refused if the organization changed since
    #[arg(value_name = "FILE", conflicts_with = "only")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Clone, Args)]
pub struct DriftArgs {
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// The organization, its root and a line per OU
    Show,
    /// The OU tree with accounts and attached policies
    Tree,
}

#[derive(Debug, Subcommand)]
pub enum OuCommand {
    /// Live and declared OUs side by side
    List,
    /// Plan and apply the OU tree only
    Apply,
}

#[derive(Debug, Subcommand)]
pub enum ScpCommand {
    /// Live policies, their targets and whether the repo manages them
    List,
    /// Check the policy files offline and show their sizes against the limits
    Validate,
    /// Plan policies and attachments only
    Plan(PlanResultArgs),
    /// Plan and apply policies and attachments only
    Apply,
    /// Which SCP allows or denies an action in an account: root, OUs and the account, as AWS evaluates them
    Explain(ExplainArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Then send every SCP and RCP to IAM Access Analyzer's ValidatePolicy and show its findings
    #[arg(long)]
    pub online: bool,
}

#[derive(Debug, Subcommand)]
pub enum RcpCommand {
    /// Which RCP denies an action on the resources of an account: root, OUs and the account
    Explain(ExplainArgs),
}

#[derive(Debug, Clone, Args)]
#[command(group(clap::ArgGroup::new("where").required(true).args(["account", "all_accounts"])))]
pub struct ExplainArgs {
    /// The account, by name or id
    #[arg(long, value_name = "NAME|ID")]
    pub account: Option<String>,
    /// Every account where the action is not allowed, from one read of the organization
    #[arg(long, conflicts_with = "repo")]
    pub all_accounts: bool,
    /// The action, as service:Action (s3:PutObject)
    #[arg(long)]
    pub action: String,
    /// The resource ARN the action is on; statements limited to resources are shown as depending on it without one
    #[arg(long, value_name = "ARN")]
    pub resource: Option<String>,
    /// From the repo alone, with no AWS call: the policies and attachments the repo declares
    #[arg(long)]
    pub repo: bool,
}

#[derive(Debug, Clone, Args)]
pub struct PlacementArgs {
    /// The customer id ([A-Za-z0-9][A-Za-z0-9-]{0,62})
    #[arg(long)]
    pub customer: Option<String>,
    /// The tier from [tenancy.tier] (default: pool)
    #[arg(long, conflicts_with = "silo")]
    pub tier: Option<String>,
    /// A dedicated account: the tier `silo`
    #[arg(long)]
    pub silo: bool,
    /// This pool number rather than the first with room
    #[arg(long, value_name = "N")]
    pub pool: Option<u32>,
    /// Monthly budget for the customer's tagged cost
    #[arg(long, value_name = "USD")]
    pub budget_usd: Option<f64>,
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Place a customer in a pool (created when needed), or create a core account with --template
    Create(AccountCreateArgs),
    /// Accounts with their OU, tier, pool, customers and status
    List,
    /// Adopt an existing account into the repo without recreating it
    Import(AccountImportArgs),
    /// Move a core account to another OU (tenant accounts follow their template)
    Move(AccountMoveArgs),
    /// Close an account that hosts no customer, and remove it from the repo
    Close(AccountCloseArgs),
}

#[derive(Debug, Clone, Args)]
pub struct AccountCreateArgs {
    #[command(flatten)]
    pub placement: PlacementArgs,
    #[command(flatten)]
    pub core: CoreAccountArgs,
    /// Show the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `account create --template T --name N`: a core account instead of a customer's.
#[derive(Debug, Clone, Args)]
pub struct CoreAccountArgs {
    /// A core account from this template (with --name)
    #[arg(long, requires = "name", conflicts_with_all = ["customer", "tier", "silo", "pool", "budget_usd"])]
    pub template: Option<String>,
    /// The core account's name
    #[arg(long, requires = "template")]
    pub name: Option<String>,
    /// The core account's OU, instead of the template's
    #[arg(long, requires = "template", value_name = "PATH")]
    pub ou: Option<String>,
    /// The core account's email, instead of [organization] email
    #[arg(long, requires = "template")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct AccountImportArgs {
    /// The account id
    pub id: String,
    /// As this pool (with --tier, default pool)
    #[arg(long, required_unless_present = "core", conflicts_with = "core")]
    pub pool: Option<u32>,
    #[arg(long, requires = "pool")]
    pub tier: Option<String>,
    /// As a core account of this name
    #[arg(long, value_name = "NAME")]
    pub core: Option<String>,
    /// The core account's template
    #[arg(long, requires = "core", default_value = "core")]
    pub template: String,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct AccountMoveArgs {
    pub id: String,
    #[arg(long, value_name = "PATH")]
    pub ou: String,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct AccountCloseArgs {
    pub id: String,
    /// The account's name, to close without typing it (with --yes)
    #[arg(long, value_name = "NAME")]
    pub confirm: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TenantCommand {
    /// Every customer with its tier, pool and account
    List,
    /// One customer, with its placement history
    Show { customer: String },
    /// Place a customer (the same as `account create --customer`)
    Place(TenantPlaceArgs),
    /// Move a customer to another tier or pool, creating the account when needed
    Migrate(TenantMigrateArgs),
}

#[derive(Debug, Clone, Args)]
pub struct TenantPlaceArgs {
    pub customer: String,
    #[arg(long)]
    pub tier: Option<String>,
    #[arg(long, value_name = "N")]
    pub pool: Option<u32>,
    #[arg(long, value_name = "USD")]
    pub budget_usd: Option<f64>,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct TenantMigrateArgs {
    pub customer: String,
    /// The tier to move to (silo, pool, ...)
    #[arg(long, value_name = "TIER")]
    pub to: String,
    #[arg(long, value_name = "N")]
    pub pool: Option<u32>,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum BudgetCommand {
    /// Declared and live budgets side by side
    List,
    /// Plan and apply budgets only
    Apply,
}

#[derive(Debug, Subcommand)]
pub enum SsoCommand {
    /// Who reaches which account with which permission set, from the live organization
    List(SsoListArgs),
    /// Plan Identity Center only
    Plan {
        #[command(flatten)]
        sso: SsoReadArgs,
        #[command(flatten)]
        result: PlanResultArgs,
    },
    /// Plan and apply Identity Center only, after asking
    Apply {
        #[command(flatten)]
        sso: SsoReadArgs,
    },
    /// Add an assignment to miyabi-org.toml, then plan and apply it
    Assign(SsoAssignArgs),
    /// Remove an assignment from miyabi-org.toml, then plan and apply the removal
    Unassign(SsoAssignArgs),
    /// Declared and live permission sets, with their provisioning state
    PermissionSets,
}

#[derive(Debug, Clone, Args)]
pub struct SsoListArgs {
    /// Only this account (name or id)
    #[arg(long, value_name = "NAME|ID")]
    pub account: Option<String>,
    /// Only this group or user
    #[arg(long, value_name = "NAME")]
    pub principal: Option<String>,
    /// Only the account this customer is placed in
    #[arg(long, value_name = "CUSTOMER")]
    pub customer: Option<String>,
    #[command(flatten)]
    pub sso: SsoReadArgs,
}

/// A principal, a permission set and one kind of target.
#[derive(Debug, Clone, Args)]
#[command(group(clap::ArgGroup::new("principal").required(true).args(["group", "user"])))]
#[command(group(clap::ArgGroup::new("target").required(true).args(["account", "ou", "tier", "customer"])))]
pub struct SsoAssignArgs {
    /// A group, by DisplayName
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
    /// A user, by UserName
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// A permission set declared in [sso.permission_set]
    #[arg(long, value_name = "NAME")]
    pub permission_set: String,
    /// An account, by name or id
    #[arg(long, value_name = "NAME|ID")]
    pub account: Option<String>,
    /// Every account below an OU
    #[arg(long, value_name = "PATH")]
    pub ou: Option<String>,
    /// Every account of a tier
    #[arg(long, value_name = "TIER")]
    pub tier: Option<String>,
    /// The account a customer is placed in
    #[arg(long, value_name = "CUSTOMER")]
    pub customer: Option<String>,
    /// Show the plan of the edit; write nothing, to miyabi-org.toml or to AWS
    #[arg(long)]
    pub dry_run: bool,
}

/// `cost report`: the query, and how its rows are shown.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub query: CostArgs,
    /// Only the N largest rows; the rest are summed in one line
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// A bar per row, scaled to the widest (table output)
    #[arg(long)]
    pub chart: bool,
}

/// What `cost report` and `cost sql` ask of the CUR.
#[derive(Debug, Clone, Args)]
pub struct CostArgs {
    /// What one row of the report is
    #[arg(long, value_enum, default_value_t = crate::cost::By::Customer)]
    pub by: crate::cost::By,
    /// One month, YYYY-MM (default: the last full month)
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["from", "to"])]
    pub month: Option<String>,
    /// First month of a range, YYYY-MM
    #[arg(long, value_name = "YYYY-MM", requires = "to")]
    pub from: Option<String>,
    /// Last month of a range, YYYY-MM
    #[arg(long, value_name = "YYYY-MM", requires = "from")]
    pub to: Option<String>,
    #[command(flatten)]
    pub cur: CurArgs,
}

/// Where and how the CUR is read: `cost report`, `cost sql` and `cost advise`.
#[derive(Debug, Clone, Args)]
pub struct CurArgs {
    /// Where to read the CUR (default: [cost] engine)
    #[arg(long, value_enum)]
    pub engine: Option<crate::cost::Engine>,
    /// The CUR's schema (default: [cost] schema)
    #[arg(long, value_enum)]
    pub schema: Option<crate::cost::Schema>,
    /// Which cost (default: [cost] metric)
    #[arg(long, value_enum)]
    pub metric: Option<crate::cost::Metric>,
    /// How untagged pool cost is split (default: [cost] shared)
    #[arg(long, value_enum)]
    pub shared: Option<crate::cost::Shared>,
    /// The CUR files for the local engine (default: [cost.local] path)
    #[arg(long, value_name = "DIR")]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct AdviseArgs {
    /// How many full months to judge by; advice holds only if it holds in each
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub months: u32,
    /// The last month of the window, YYYY-MM (default: the last full month)
    #[arg(long, value_name = "YYYY-MM")]
    pub to: Option<String>,
    #[command(flatten)]
    pub cur: CurArgs,
}

#[derive(Debug, Subcommand)]
pub enum CostCommand {
    /// Cost per customer (or account, pool, tier, service, month), reconciled with the CUR total
    Report(ReportArgs),
    /// The SQL the report runs, for the Athena console
    Sql(CostArgs),
    /// Placement advice from cost per customer: noisy neighbours, oversized silos, fragmented
    /// pools, unit cost per tier (exit 2 when there is advice; nothing is moved)
    Advise(AdviseArgs),
    /// Write a synthetic CUR for the repo's accounts and customers (tests, demo, benchmark)
    #[cfg(feature = "local-engine")]
    #[command(hide = true)]
    Generate(GenerateArgs),
}

#[cfg(feature = "local-engine")]
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// Where to write the files
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value_t = crate::cost::Schema::Cur2)]
    pub schema: crate::cost::Schema,
    #[arg(long, value_enum, default_value_t = GenerateFormat::Parquet)]
    pub format: GenerateFormat,
    /// First month, YYYY-MM
    #[arg(long, value_name = "YYYY-MM")]
    pub from: String,
    /// Last month, YYYY-MM
    #[arg(long, value_name = "YYYY-MM")]
    pub to: String,
    #[arg(long, default_value_t = 10_000)]
    pub rows_per_month: usize,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// CUSTOMER=FACTOR: that customer's lines cost FACTOR times as much (repeatable)
    #[arg(long, value_name = "CUSTOMER=FACTOR")]
    pub scale: Vec<String>,
}

#[cfg(feature = "local-engine")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GenerateFormat {
    Parquet,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum WorkerCommand {
    /// Send a task (or a JSONL file of tasks) to the queue of the customer's account
    Dispatch(WorkerDispatchArgs),
    /// Queue depth, in-flight, delayed, dead letters, ECS counts and the scaling state, one row per account
    Status(WorkerStatusArgs),
    /// A customer's tasks from the task table
    Tasks(WorkerTasksArgs),
    /// Mark tasks cancelled in the task table (workers skip them); nothing is deleted
    Cancel(WorkerCancelArgs),
    /// Move dead letters back to the task queue
    Redrive(WorkerRedriveArgs),
    /// Set the desired count of the workers' ECS service, within [workers.scaling] min..max (asks first)
    Scale(WorkerScaleArgs),
    /// The step rule of [workers.scaling] applied now to each account's queue: shown, and set with --apply
    Autoscale(WorkerAutoscaleArgs),
    /// Refuse new tasks for a pool, suspend its scaling, wait for its queue to empty, then scale its workers to 0
    Drain(WorkerDrainArgs),
    /// Undo `worker drain`: tasks accepted and scaling resumed, desired count back to min
    Resume(WorkerResumeArgs),
}

#[derive(Debug, Clone, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["file", "customer"])))]
pub struct WorkerDispatchArgs {
    /// The customer the task is for
    #[arg(long, requires = "issue")]
    pub customer: Option<String>,
    /// OWNER/REPO#N or https://github.com/OWNER/REPO/issues/N
    #[arg(long, requires = "customer", value_name = "ISSUE")]
    pub issue: Option<String>,
    /// What the worker should do with the issue
    #[arg(long, default_value = crate::task::DEFAULT_KIND, conflicts_with = "file")]
    pub kind: String,
    #[arg(long, value_enum, default_value_t, conflicts_with = "file")]
    pub priority: crate::task::Priority,
    /// Free text for the worker, sent in the message
    #[arg(long, conflicts_with = "file")]
    pub note: Option<String>,
    /// Dispatch again what was dispatched before, as a new attempt with its own id
    #[arg(long, conflicts_with = "file")]
    pub again: bool,
    /// One task per line: {"customer", "issue", "kind"?, "priority"?, "note"?, "again"?}
    #[arg(long, value_name = "FILE", conflicts_with_all = ["customer", "issue"])]
    pub file: Option<PathBuf>,
}

/// What `worker status` looks at.
#[derive(Debug, Clone, Args)]
#[group(multiple = false)]
pub struct WorkerSelection {
    /// Only the accounts of this tier
    #[arg(long)]
    pub tier: Option<String>,
    /// Only this pool (of the tier given, or `pool`)
    #[arg(long)]
    pub pool: Option<u32>,
    /// Only the account of this customer, with its tasks by state
    #[arg(long)]
    pub customer: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct WorkerStatusArgs {
    #[command(flatten)]
    pub selection: WorkerSelection,
    /// Read again every --interval seconds until interrupted
    #[arg(long, conflicts_with = "fail_on")]
    pub watch: bool,
    /// Seconds between reads with --watch
    #[arg(long, default_value_t = 5, requires = "watch", value_parser = clap::value_parser!(u64).range(1..))]
    pub interval: u64,
    /// Exit 2 when the condition holds: `dlq` (any dead letter), `backlog=N` (an account with more than N visible)
    #[arg(long, value_name = "CONDITION")]
    pub fail_on: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct WorkerTasksArgs {
    #[arg(long)]
    pub customer: String,
    /// Only tasks in this state
    #[arg(long, value_enum)]
    pub state: Option<crate::task::TaskState>,
}

#[derive(Debug, Clone, Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["task_id", "customer"])))]
pub struct WorkerCancelArgs {
    /// The task to cancel (CUSTOMER:HASH[:ATTEMPT], as dispatch prints it)
    pub task_id: Option<String>,
    /// Cancel every task of this customer in --state (asks first)
    #[arg(long, requires = "state", conflicts_with = "task_id")]
    pub customer: Option<String>,
    #[arg(long, value_enum, requires = "customer")]
    pub state: Option<crate::task::TaskState>,
}

#[derive(Debug, Clone, Args)]
pub struct WorkerScaleArgs {
    #[command(flatten)]
    pub selection: WorkerSelection,
    /// The number of worker tasks to run
    #[arg(long)]
    pub desired: u32,
    /// Allow a count outside [workers.scaling] min..max (the alarms bring it back within)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct WorkerAutoscaleArgs {
    #[command(flatten)]
    pub selection: WorkerSelection,
    /// Set the desired counts shown (asks first, or --yes)
    #[arg(long)]
    pub apply: bool,
}

/// A pool by tier and number.
#[derive(Debug, Clone, Args)]
pub struct PoolArgs {
    /// The pool's number
    #[arg(long)]
    pub pool: u32,
    /// The pool's tier
    #[arg(long, default_value = "pool")]
    pub tier: String,
}

#[derive(Debug, Clone, Args)]
pub struct WorkerDrainArgs {
    #[command(flatten)]
    pub pool: PoolArgs,
    /// How long to wait for the queue to empty: 90s, 30m, 2h
    #[arg(long, default_value = "30m", value_parser = duration)]
    pub timeout: std::time::Duration,
    /// Seconds between reads of the queue while waiting
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
    pub interval: u64,
}

#[derive(Debug, Clone, Args)]
pub struct WorkerResumeArgs {
    #[command(flatten)]
    pub pool: PoolArgs,
}

/// `90s`, `30m`, `2h`, or whole seconds.
fn duration(text: &str) -> Result<std::time::Duration, String> {
    let (number, unit) = text.find(|c: char| !c.is_ascii_digit()).map_or((text, "s"), |i| text.split_at(i));
    let n: u64 = number.parse().map_err(|_| format!("`{text}` is not a duration: write 90s, 30m or 2h"))?;
    let seconds = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => return Err(format!("`{text}` is not a duration: write 90s, 30m or 2h")),
    };
    Ok(std::time::Duration::from_secs(seconds))
}

#[derive(Debug, Clone, Args)]
pub struct WorkerRedriveArgs {
    /// Only this customer's dead letters (all accounts' otherwise)
    #[arg(long)]
    pub customer: Option<String>,
    /// At most this many messages moved a second, per account
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=3000))]
    pub rate: u32,
}
