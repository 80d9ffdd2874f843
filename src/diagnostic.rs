//! Problems found in the org repo, with the file, line and fix, rendered like a compiler error,
//! as JSON, or as GitHub Actions annotations.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// Where in the repo a problem is: a file, and a line and column when one exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub line: Option<Line>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub column: usize,
    pub text: String,
}

/// One thing wrong with the repo and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Option<Location>,
    pub message: String,
    pub help: String,
}

impl Problem {
    pub fn new(location: Option<Location>, message: impl Into<String>, help: impl Into<String>) -> Self {
        Self { location, message: message.into(), help: help.into() }
    }
}

/// A file's text kept for turning byte offsets into lines.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the repo root, as shown to the user.
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    pub fn new(path: impl AsRef<Path>, text: String) -> Self {
        Self { path: path.as_ref().to_path_buf(), text }
    }

    pub fn whole(&self) -> Location {
        Location { file: self.path.clone(), line: None }
    }

    /// The location of a byte offset.
    pub fn at(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let number = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[start..].find('\n').map_or(self.text.len(), |i| start + i);
        let text = self.text[start..end].trim_end_matches('\r').to_string();
        let column = self.text[start..offset].chars().count() + 1;
        Location { file: self.path.clone(), line: Some(Line { number, column, text }) }
    }

    /// The location of a 1-based line and column (as serde_json reports them).
    pub fn at_line(&self, number: usize, column: usize) -> Location {
        let text = self.text.lines().nth(number.saturating_sub(1)).unwrap_or("").to_string();
        Location { file: self.path.clone(), line: Some(Line { number, column: column.max(1), text }) }
    }

    /// The first line that contains `needle`, or the whole file when none does.
    pub fn find(&self, needle: &str) -> Location {
        self.text.find(needle).map_or_else(|| self.whole(), |offset| self.at(offset))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = &self.line {
            write!(f, ":{}:{}", line.number, line.column)?;
        }
        Ok(())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        // The gutter is as wide as the line number, as rustc draws it.
        let line = self.location.as_ref().and_then(|l| l.line.as_ref());
        let gutter = " ".repeat(line.map_or(1, |l| l.number.to_string().len()));
        if let Some(location) = &self.location {
            writeln!(f, "{gutter}--> {location}")?;
        }
        if let Some(line) = line {
            writeln!(f, "{gutter} |")?;
            writeln!(f, "{} | {}", line.number, line.text)?;
            let pad: String = line.text.chars().take(line.column - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            writeln!(f, "{gutter} | {pad}^")?;
        }
        write!(f, "{gutter} = help: {}", self.help)
    }
}

/// A problem as `validate --output json` gives it: where (null when the problem is not in one
/// file, or not at one line of it), what and what to do.
#[derive(Serialize)]
struct ProblemFields<'a> {
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    help: &'a str,
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let line = self.location.as_ref().and_then(|l| l.line.as_ref());
        ProblemFields {
            file: self.location.as_ref().map(|l| l.file.display().to_string()),
            line: line.map(|l| l.number),
            column: line.map(|l| l.column),
            message: &self.message,
            help: &self.help,
        }
        .serialize(serializer)
    }
}

/// How loudly GitHub shows an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Notice,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Notice => "notice",
        }
    }
}

/// GitHub shows this many annotations of each level in a step and drops the rest.
pub const ANNOTATIONS_SHOWN: usize = 10;

/// A message for GitHub to show on a line of a file in a pull request (`--output github`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub level: Level,
    pub title: String,
    pub location: Option<Location>,
    pub message: String,
}

impl Annotation {
    /// A problem, with its fix on a line of its own.
    pub fn problem(problem: &Problem, title: &str) -> Annotation {
        Annotation {
            level: Level::Error,
            title: title.to_string(),
            location: problem.location.clone(),
            message: format!("{}\nhelp: {}", problem.message, problem.help),
        }
    }

    /// The workflow command that makes GitHub Actions show it:
    /// `::error file=F,line=L,col=C,title=T::message`.
    pub fn workflow_command(&self) -> String {
        let mut properties = Vec::new();
        if let Some(location) = &self.location {
            properties.push(format!("file={}", property(&location.file.display().to_string())));
            if let Some(line) = &location.line {
                properties.push(format!("line={},col={}", line.number, line.column));
            }
        }
        properties.push(format!("title={}", property(&self.title)));
        format!("::{} {}::{}", self.level.name(), properties.join(","), data(&self.message))
    }
}

/// Escapes a workflow command's message, as `@actions/core` does.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow command's property value: `:` and `,` would end it.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// All the problems found in one pass; never empty when returned as an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
    }

    /// How many were found, and that nothing went to AWS: the last line of the text form.
    pub fn count_line(&self) -> String {
        let n = self.0.len();
        format!("{n} problem{} found; nothing was sent to AWS", if n == 1 { "" } else { "s" })
    }

    /// Ok when nothing was found.
    pub fn into_result(self) -> Result<(), Problems> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.0 {
            writeln!(f, "{problem}\n")?;
        }
        write!(f, "{}", self.count_line())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_line_and_caret() {
        let source = SourceFile::new("miyabi-org.toml", "[root]\nscpz = []\n".into());
        let problem = Problem::new(Some(source.at(7)), "unknown key `scpz`", "did you mean `scps`?");
        insta::assert_snapshot!(problem.to_string(), @r"
        error: unknown key `scpz`
         --> miyabi-org.toml:2:1
          |
        2 | scpz = []
          | ^
          = help: did you mean `scps`?
        ");
    }

    #[test]
    fn a_problem_as_json_and_as_a_workflow_command() {
        let source = SourceFile::new("policies/scp/a,b:c.json", "{\n  \"Version\": 1\n}\n".into());
        let problem =
            Problem::new(Some(source.at(4)), "policy Version must be \"2012-10-17\"\r\n100% sure", "set \"Version\": \"2012-10-17\"");
        insta::assert_json_snapshot!(problem, @r#"
        {
          "file": "policies/scp/a,b:c.json",
          "line": 2,
          "column": 3,
          "message": "policy Version must be \"2012-10-17\"\r\n100% sure",
          "help": "set \"Version\": \"2012-10-17\""
        }
        "#);
        insta::assert_snapshot!(Annotation::problem(&problem, "miyabi-org validate").workflow_command(), @r#"::error file=policies/scp/a%2Cb%3Ac.json,line=2,col=3,title=miyabi-org validate::policy Version must be "2012-10-17"%0D%0A100%25 sure%0Ahelp: set "Version": "2012-10-17""#);
        let nowhere = Problem::new(None, "no SCP", "add one");
        insta::assert_json_snapshot!(nowhere, @r#"
        {
          "file": null,
          "line": null,
          "column": null,
          "message": "no SCP",
          "help": "add one"
        }
        "#);
        let whole = Annotation { level: Level::Notice, title: "a: b, c".into(), location: Some(source.whole()), message: "m".into() };
        assert_eq!(whole.workflow_command(), "::notice file=policies/scp/a%2Cb%3Ac.json,title=a%3A b%2C c::m");
    }
}
