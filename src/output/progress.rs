//! Progress that is a bar on a terminal and plain lines elsewhere (CI logs).

use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Progress {
    pub fn new(total: usize, animate: bool, quiet: bool) -> Progress {
        let bar = animate.then(|| {
            let bar = ProgressBar::new(total as u64);
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {msg}").expect("valid template").progress_chars("=> "),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress { bar, quiet }
    }

    /// One finished step, printed above the bar.
    pub fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => {
                bar.println(text);
                bar.inc(1);
            }
            None if !self.quiet => eprintln!("{text}"),
            None => {}
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

pub struct Spinner {
    bar: Option<ProgressBar>,
}

impl Spinner {
    pub fn new(message: &str, animate: bool, quiet: bool) -> Spinner {
        if animate {
            let bar = ProgressBar::new_spinner();
            bar.set_message(message.to_string());
            bar.enable_steady_tick(Duration::from_millis(120));
            Spinner { bar: Some(bar) }
        } else {
            if !quiet {
                eprintln!("{message}");
            }
            Spinner { bar: None }
        }
    }
}

impl Spinner {
    /// A new message on a terminal; plain output keeps its one line.
    pub fn set(&self, message: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(message.to_string());
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
