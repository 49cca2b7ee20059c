//! The failures that stop the tool before or outside the per-row work: a bad command line, an unreadable
//! file, an unusable header or policy. They all exit with status 2; a bad *row* is not one of them (it is
//! reported, the other rows go on, and the exit status is 1).

use std::fmt;

/// A failure that ends the run with exit status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CliError {
    /// What went wrong, possibly over several lines.
    pub(crate) message: String,
    /// Whether "run `dangjian CMD --help`" should follow (the command line itself was wrong).
    pub(crate) show_usage: bool,
}

impl CliError {
    /// A command-line mistake: the message is followed by where to read the command's help.
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            show_usage: true,
        }
    }

    /// A file that cannot be read or used (roster, header, policy): the message says which and why.
    pub(crate) fn input(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            show_usage: false,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
