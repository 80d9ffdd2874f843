//! What goes to stdout (results) and what to stderr (progress, notes), in the chosen format.

mod progress;
mod table;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cli::{ColorChoice, GlobalArgs, OutputFormat};
use crate::diagnostic::Annotation;
use crate::error::Error;

pub use progress::{Progress, Spinner};
pub use table::Table;

#[derive(Debug, Clone)]
pub struct Printer {
    pub format: OutputFormat,
    quiet: bool,
    verbose: bool,
    /// Bars and spinners; plain lines otherwise.
    animate: bool,
    color: bool,
}

impl Printer {
    pub fn new(global: &GlobalArgs) -> Printer {
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(color);
        Printer {
            format: global.output,
            quiet: global.quiet,
            verbose: global.verbose > 0,
            animate: std::io::stderr().is_terminal() && !global.no_progress && !global.quiet,
            color,
        }
    }

    /// Refuses an output format a command cannot produce, rather than ignoring it.
    pub fn require(&self, command: &str, formats: &[OutputFormat]) -> Result<(), Error> {
        if formats.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<&str> = formats.iter().map(|f| format_name(*f)).collect();
        Err(Error::usage(
            format!("`{command}` cannot print --output {}", format_name(self.format)),
            format!("use --output {}", names.join(", --output ")),
        ))
    }

    /// A result, on stdout.
    pub fn out(&self, text: &str) -> Result<(), Error> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            stdout.write_all(b"\n")?;
        }
        stdout.flush()?;
        Ok(())
    }

    pub fn json(&self, value: &impl Serialize) -> Result<(), Error> {
        self.out(&serde_json::to_string_pretty(value).expect("outputs serialize"))
    }

    /// A command's failure: the text on stderr, and with `--output json` also `{"error": {kind,
    /// message, help, causes}}` on stdout, where a script reads the result it expected.
    pub fn error(&self, err: &Error) {
        if matches!(err, Error::BrokenPipe) {
            return;
        }
        if self.format == OutputFormat::Json && !err.is_in_result() {
            let _ = self.json(&serde_json::json!({ "error": err.report() }));
        }
        eprintln!("{}", err.render());
    }

    /// Rows as JSON (the whole object), CSV or a table, as the format says.
    pub fn listing(&self, table: &Table, json: &impl Serialize) -> Result<(), Error> {
        match self.format {
            OutputFormat::Json => self.json(json),
            OutputFormat::Csv => self.out(&table.csv()),
            _ => self.out(&table.render()),
        }
    }

    /// Workflow commands on stdout, where GitHub Actions reads them. Their files are given
    /// relative to the repo root; GitHub wants them relative to the checkout, which the org repo
    /// may be a directory of.
    pub fn annotations(&self, repo_root: &Path, annotations: &[Annotation]) -> Result<(), Error> {
        let prefix = checkout_prefix(repo_root);
        let mut out = String::new();
        for annotation in annotations {
            let mut annotation = annotation.clone();
            if let Some(location) = &mut annotation.location {
                location.file = prefix.join(&location.file);
            }
            out.push_str(&annotation.workflow_command());
            out.push('\n');
        }
        self.out(&out)
    }

    /// A note for the operator, on stderr; silent with -q.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    /// Detail for -v, on stderr.
    pub fn detail(&self, text: &str) {
        if self.verbose {
            eprintln!("{text}");
        }
    }

    pub fn is_verbose(&self) -> bool {
        self.verbose
    }

    pub fn progress(&self, total: usize) -> Progress {
        Progress::new(total, self.animate, self.quiet)
    }

    pub fn spinner(&self, message: &str) -> Spinner {
        Spinner::new(message, self.animate, self.quiet)
    }

    /// Colors a plan's `+ ~ -` lines when color is on.
    pub fn paint_plan(&self, text: &str) -> String {
        if !self.color {
            return text.to_string();
        }
        text.lines()
            .map(|line| match line.trim_start().chars().next() {
                Some('+') => console::style(line).green().to_string(),
                Some('~') => console::style(line).yellow().to_string(),
                Some('-') => console::style(line).red().to_string(),
                Some('?') => console::style(line).dim().to_string(),
                _ => line.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }
}

pub fn format_name(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Table => "table",
        OutputFormat::Json => "json",
        OutputFormat::Markdown => "markdown",
        OutputFormat::Csv => "csv",
        OutputFormat::Github => "github",
        OutputFormat::Html => "html",
    }
}

/// Where the repo root is within the checkout (`$GITHUB_WORKSPACE`, else the current directory):
/// empty when they are the same, or when the repo is elsewhere.
fn checkout_prefix(repo_root: &Path) -> PathBuf {
    let checkout = std::env::var_os("GITHUB_WORKSPACE").map(PathBuf::from).or_else(|| std::env::current_dir().ok());
    let (Some(checkout), Ok(root)) = (checkout.and_then(|c| c.canonicalize().ok()), repo_root.canonicalize()) else {
        return PathBuf::new();
    };
    root.strip_prefix(&checkout).map(Path::to_path_buf).unwrap_or_default()
}
