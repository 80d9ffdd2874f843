//! The dependency rule of ARCHITECTURE.md, checked on the sources: the domain never imports the
//! AWS adapters, and the repo's files never depend on the model derived from them.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Lines of `module`'s sources that name any of `forbidden` (as `crate::x` paths).
fn uses(module: &str, forbidden: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let path = src.join(module);
    let files = if path.is_dir() { sources(&path) } else { vec![src.join(format!("{module}.rs"))] };
    let mut found = Vec::new();
    for file in files {
        for (i, line) in std::fs::read_to_string(&file).unwrap().lines().enumerate() {
            if forbidden.iter().any(|f| line.contains(&format!("crate::{f}::")) || line.contains(&format!("crate::{f};"))) {
                found.push(format!("{}:{}: {}", file.strip_prefix(&src).unwrap().display(), i + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_domain_never_imports_the_aws_adapters() {
    for module in ["observe", "apply", "plan", "model", "config", "validate"] {
        assert_eq!(uses(module, &["aws", "commands", "output"]), Vec::<String>::new(), "{module}");
    }
}

#[test]
fn the_repo_files_and_the_shared_leaves_import_no_domain_module() {
    assert_eq!(uses("config", &["model", "plan", "observe", "apply"]), Vec::<String>::new());
    for leaf in ["api_error", "policy_kind", "scaling", "task", "explain"] {
        assert_eq!(uses(leaf, &["aws", "model", "config", "plan", "observe", "apply", "commands", "error"]), Vec::<String>::new());
    }
}
