//! The org repo on disk: finding it, reading its files, and reporting every parse problem at once.

pub mod edit;
pub mod schema;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Problem, Problems, SourceFile};
use crate::policy_kind::PolicyKind;
use schema::{OrgFile, TemplateFile, TenantsFile};

pub const REPO_FILE: &str = "miyabi-org.toml";
pub const TENANTS_FILE: &str = "tenants.toml";

/// Everything read from the org repo, parsed but not yet checked against each other.
#[derive(Debug)]
pub struct Repo {
    pub root: PathBuf,
    pub org_source: SourceFile,
    pub org: OrgFile,
    /// `tenants.toml`; empty until the first customer is placed.
    pub tenants_source: SourceFile,
    pub tenants: TenantsFile,
    pub policies: Vec<PolicyDocument>,
    pub iam_policies: Vec<SourceFile>,
    pub templates: Vec<Template>,
    /// Files named by `[sso.permission_set] inline_policy`, by the path as written; `None` when
    /// unreadable (validation says so at the line that names it).
    pub sso_policies: BTreeMap<String, Option<SourceFile>>,
}

impl Repo {
    /// Whether edited texts of the files the tool edits say what the repo says already.
    pub fn says_already(&self, changes: &Changes) -> bool {
        changes.iter().all(|(file, text)| {
            let source = if file == Path::new(REPO_FILE) { &self.org_source } else { &self.tenants_source };
            (file == Path::new(REPO_FILE) || file == Path::new(TENANTS_FILE)) && &source.text == text
        })
    }
}

/// An organization policy file: `policies/scp/NAME.json` or `policies/tag/NAME.json`.
#[derive(Debug)]
pub struct PolicyDocument {
    pub kind: PolicyKind,
    pub name: String,
    pub source: SourceFile,
    pub document: serde_json::Value,
}

impl PolicyDocument {
    /// The document as it is sent to AWS: whitespace counts against the size limit there.
    pub fn minified(&self) -> String {
        self.document.to_string()
    }
}

#[derive(Debug)]
pub struct Template {
    pub name: String,
    pub source: SourceFile,
    pub file: TemplateFile,
}

#[derive(Debug, thiserror::Error)]
pub enum FindError {
    #[error("--config {0}: no such directory")]
    NoSuchDir(PathBuf),
    #[error("--config {0}: there is no {REPO_FILE} in it")]
    NoRepoFile(PathBuf),
    #[error("no {REPO_FILE} in {0} or any parent directory")]
    NotFound(PathBuf),
}

impl FindError {
    pub fn help(&self) -> &'static str {
        match self {
            FindError::NoSuchDir(_) | FindError::NoRepoFile(_) => {
                "pass the directory that holds miyabi-org.toml, or create one with `miyabi-org init DIR`"
            }
            FindError::NotFound(_) => "run from inside an org repo, pass --config DIR, or create one with `miyabi-org init DIR`",
        }
    }
}

/// The org repo: `--config DIR`, or the first directory upwards from `cwd` holding `miyabi-org.toml`.
pub fn find_root(config: Option<&Path>, cwd: &Path) -> Result<PathBuf, FindError> {
    if let Some(dir) = config {
        if !dir.is_dir() {
            return Err(FindError::NoSuchDir(dir.to_path_buf()));
        }
        if !dir.join(REPO_FILE).is_file() {
            return Err(FindError::NoRepoFile(dir.to_path_buf()));
        }
        return Ok(dir.to_path_buf());
    }
    cwd.ancestors().find(|dir| dir.join(REPO_FILE).is_file()).map(Path::to_path_buf).ok_or_else(|| FindError::NotFound(cwd.to_path_buf()))
}

/// Reads and parses every file of the repo, collecting all problems.
pub fn load(root: &Path) -> Result<Repo, Problems> {
    load_with(root, &Changes::new())
}

/// New texts of repo files by path, not yet written: a command checks its edits before writing.
pub type Changes = BTreeMap<PathBuf, String>;

/// Like `load`, with some files as `changes` says they will be.
pub fn load_with(root: &Path, changes: &Changes) -> Result<Repo, Problems> {
    let mut problems = Problems::default();
    let read = |relative: &Path, problems: &mut Problems| match changes.get(relative) {
        Some(text) => Some(SourceFile::new(relative, text.clone())),
        None => read(root, relative, problems),
    };
    let org_source = read(Path::new(REPO_FILE), &mut problems);
    let org = org_source.as_ref().and_then(|source| match scaling_without_workers(source) {
        Some(problem) => {
            problems.push(problem);
            None
        }
        None => parse_toml::<OrgFile>(source, &mut problems),
    });
    let tenants_source = if root.join(TENANTS_FILE).exists() || changes.contains_key(Path::new(TENANTS_FILE)) {
        read(Path::new(TENANTS_FILE), &mut problems)
    } else {
        Some(SourceFile::new(TENANTS_FILE, String::new()))
    };
    let tenants = tenants_source.as_ref().and_then(|source| parse_toml::<TenantsFile>(source, &mut problems));

    let mut policies = Vec::new();
    for kind in PolicyKind::ALL {
        for source in read_dir(root, &Path::new("policies").join(kind.dir()), "json", &mut problems) {
            if let Some(document) = parse_json(&source, &mut problems) {
                let name = stem(&source.path);
                policies.push(PolicyDocument { kind, name, source, document });
            }
        }
    }
    let mut iam_policies = Vec::new();
    for source in read_dir(root, Path::new("policies/iam"), "json", &mut problems) {
        if parse_json(&source, &mut problems).is_some() {
            iam_policies.push(source);
        }
    }
    let mut templates = Vec::new();
    for source in read_dir(root, Path::new("account-templates"), "toml", &mut problems) {
        if let Some(file) = parse_toml::<TemplateFile>(&source, &mut problems) {
            templates.push(Template { name: stem(&source.path), source, file });
        }
    }

    let inline_paths = org.iter().flat_map(|org| org.sso.iter()).flat_map(|sso| sso.permission_set.values());
    let sso_policies = inline_paths
        .filter_map(|set| set.inline_policy.as_ref())
        .map(|path| {
            let relative = Path::new(path.get_ref());
            let source = std::fs::read_to_string(root.join(relative)).ok().map(|text| SourceFile::new(relative, text));
            (path.get_ref().clone(), source)
        })
        .collect();
    match (org_source, org, tenants_source, tenants) {
        (Some(org_source), Some(org), Some(tenants_source), Some(tenants)) if problems.is_empty() => {
            Ok(Repo { root: root.to_path_buf(), org_source, org, tenants_source, tenants, policies, iam_policies, templates, sso_policies })
        }
        _ => Err(problems),
    }
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

fn read(root: &Path, relative: &Path, problems: &mut Problems) -> Option<SourceFile> {
    match std::fs::read_to_string(root.join(relative)) {
        Ok(text) => Some(SourceFile::new(relative, text)),
        Err(err) => {
            let location = SourceFile::new(relative, String::new()).whole();
            problems.push(Problem::new(Some(location), format!("cannot read the file: {err}"), "make it a readable UTF-8 file"));
            None
        }
    }
}

/// Files of one extension in a directory, sorted by name; a missing directory holds none.
fn read_dir(root: &Path, dir: &Path, extension: &str, problems: &mut Problems) -> Vec<SourceFile> {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let relative = dir.join(path.file_name().unwrap_or_default());
        let name = relative.display().to_string();
        if name.ends_with('~') || path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            continue; // editor backups and hidden files
        }
        if path.extension().and_then(|e| e.to_str()) != Some(extension) {
            let location = SourceFile::new(&relative, String::new()).whole();
            problems.push(Problem::new(
                Some(location),
                format!("unexpected file in {}/: only .{extension} files belong here", dir.display()),
                format!("rename it to NAME.{extension} or move it out of {}/", dir.display()),
            ));
            continue;
        }
        if let Some(file) = read(root, &relative, problems) {
            files.push(file);
        }
    }
    files
}

fn parse_toml<T: serde::de::DeserializeOwned>(source: &SourceFile, problems: &mut Problems) -> Option<T> {
    match toml::from_str::<T>(&source.text) {
        Ok(value) => Some(value),
        Err(err) => {
            let location = err.span().map_or_else(|| source.whole(), |span| source.at(span.start));
            let message = err.message().trim().replace('\n', " ");
            let help = toml_help(&message);
            problems.push(Problem::new(Some(location), message, help));
            None
        }
    }
}

/// `[workers.scaling]` alone would read as a `[workers]` that lacks its queue: say what it is.
fn scaling_without_workers(source: &SourceFile) -> Option<Problem> {
    let table: toml::Table = source.text.parse().ok()?;
    let workers = table.get("workers")?.as_table()?;
    if workers.contains_key("queue") || !workers.contains_key("scaling") {
        return None;
    }
    let line = source.text.lines().position(|l| l.trim_start().starts_with("[workers.scaling]"));
    Some(Problem::new(
        Some(line.map_or_else(|| source.whole(), |n| source.at_line(n + 1, 1))),
        "[workers.scaling] is declared without [workers]: scaling needs the queue it watches and the service it scales",
        "declare queue, dead_letter_queue, table, cluster and service in [workers], or remove [workers.scaling]",
    ))
}

fn toml_help(message: &str) -> String {
    if message.starts_with("unknown field") {
        "remove the key or correct its spelling to one of the expected keys".into()
    } else if message.starts_with("missing field") {
        "add the missing key".into()
    } else if message.starts_with("invalid type") {
        "give the key a value of the expected type".into()
    } else if message.starts_with("duplicate key") {
        "declare each key and table once: remove the second, or rename it".into()
    } else {
        "correct the TOML syntax (see https://toml.io)".into()
    }
}

/// Parses a JSON policy file, or reports where it is malformed (also used for inline policies of `[sso]`).
pub(crate) fn parse_json(source: &SourceFile, problems: &mut Problems) -> Option<serde_json::Value> {
    match serde_json::from_str::<serde_json::Value>(&source.text) {
        Ok(value) => Some(value),
        Err(err) => {
            let location = source.at_line(err.line(), err.column());
            let message = format!("malformed JSON: {}", strip_position(&err.to_string()));
            problems.push(Problem::new(Some(location), message, "correct the JSON syntax (a policy is one JSON object)"));
            None
        }
    }
}

/// serde_json appends " at line L column C", which the location already shows.
fn strip_position(message: &str) -> &str {
    message.rfind(" at line ").map_or(message, |i| &message[..i])
}
