//! Problems found in the org repo, with the file, line and fix, rendered like a compiler error.

use std::fmt;
use std::path::{Path, PathBuf};

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

/// All the problems found in one pass; never empty when returned as an error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
        let n = self.0.len();
        write!(f, "{n} problem{} found; nothing was sent to AWS", if n == 1 { "" } else { "s" })
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
}
