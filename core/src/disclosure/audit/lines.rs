//! The log as JSON Lines, for logs of any length: an optional first line `{"schema_version":1}`, then one
//! entry per line, each checkpoint on its own line `{"checkpoint":{…}}` right after the entry it ends on.
//! Blank lines are skipped. Read a line at a time ([`AuditLine::parse`]) and feed a [`super::ChainVerifier`]:
//! memory stays constant whatever the length.
#![deny(clippy::arithmetic_side_effects)]

use std::borrow::Cow;

use serde::Deserialize;

use super::encode::EntryFields;
use super::sign::{AuditVerifyingKey, Checkpoint};
use super::verify::{ChainVerifier, Verification};
use super::{check_version, AuditEntry, AuditLog};
use crate::disclosure::item::{Status, Timestamp};
use crate::{Error, Result};

/// One line of a JSON Lines log.
///
/// ```
/// use dangjian::disclosure::AuditLine;
/// assert_eq!(AuditLine::parse("  ", 1).unwrap(), None);
/// assert_eq!(AuditLine::parse(r#"{"schema_version":1}"#, 1).unwrap(), Some(AuditLine::Header));
/// let e = AuditLine::parse(r#"{"seq":0}"#, 7).unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_AUDIT_JSON", "line 7: event"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditLine {
    /// `{"schema_version":1}` (first line only, optional).
    Header,
    /// An entry.
    Entry(Box<AuditEntry>),
    /// `{"checkpoint":{…}}`.
    Checkpoint(Box<Checkpoint>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Other {
    #[serde(default)]
    checkpoint: Option<Checkpoint>,
    #[serde(default)]
    schema_version: Option<u32>,
}

impl AuditLine {
    /// Reads line `number` (1-based, for errors); `None` for a blank line. Errors: `INVALID_AUDIT_JSON` at
    /// `line N: <field path>`, `UNSUPPORTED_SCHEMA_VERSION`.
    pub fn parse(line: &str, number: usize) -> Result<Option<Self>> {
        if line.trim().is_empty() {
            return Ok(None);
        }
        let entry_error = match crate::error::from_json::<AuditEntry>(line, "INVALID_AUDIT_JSON") {
            Ok(e) => return Ok(Some(AuditLine::Entry(Box::new(e)))),
            Err(e) => e,
        };
        let at_line = |e: Error| {
            let d = e.detail();
            let field = if d.field.is_empty() {
                format!("line {number}")
            } else {
                format!("line {number}: {}", d.field)
            };
            Error::input(&d.code, field, d.message_zh.clone(), d.message_en.clone())
        };
        match serde_json::from_str::<Other>(line) {
            Ok(Other {
                checkpoint: Some(c),
                schema_version: None,
            }) => Ok(Some(AuditLine::Checkpoint(Box::new(c)))),
            Ok(Other {
                checkpoint: None,
                schema_version: Some(v),
            }) => check_version(v)
                .map(|()| Some(AuditLine::Header))
                .map_err(at_line),
            _ => Err(at_line(entry_error)),
        }
    }
}

/// Verifies a JSON Lines log line by line (integrity; with `key`, authenticity too), never holding more
/// than one line. Errors: a line that is neither an entry nor a checkpoint (`INVALID_AUDIT_JSON` at
/// `line N: …`), a header after the first line.
///
/// ```
/// let v = dangjian::disclosure::verify_lines("{\"schema_version\":1}\n", None).unwrap();
/// assert!(v.valid && v.entries == 0);
/// ```
pub fn verify_lines(text: &str, key: Option<&AuditVerifyingKey>) -> Result<Verification> {
    let mut v = ChainVerifier::new(key);
    let mut entries = 0u64;
    for (i, line) in text.lines().enumerate() {
        let number = i.saturating_add(1);
        // An entry line is read in place first: its strings borrowed from the text, nothing allocated. Any
        // other line, or one that does not read so, goes through `AuditLine::parse`, which answers for it.
        if let Some(e) = entry_line(line) {
            entries = entries.saturating_add(1);
            v.entry_fields(&e.fields(), &e.hash);
            continue;
        }
        match AuditLine::parse(line, number)? {
            None => {}
            Some(AuditLine::Header) if number == 1 => {}
            Some(AuditLine::Header) => return Err(late_header(number)),
            Some(AuditLine::Entry(e)) => {
                entries = entries.saturating_add(1);
                v.entry(&e);
            }
            Some(AuditLine::Checkpoint(c)) => {
                v.checkpoint(&c);
            }
        }
    }
    let mut out = v.finish();
    out.entries = entries;
    Ok(out)
}

/// The line read in place as an entry, or `None` (then [`AuditLine::parse`] answers).
#[cfg(not(feature = "wasm"))]
fn entry_line(line: &str) -> Option<EntryLine<'_>> {
    serde_json::from_str(line).ok()
}

/// The wasm build leaves every line to [`AuditLine::parse`]: a second reader of entries would be a second
/// deserializer in the module (≈ 4 KB gzip), for logs a browser verifies a few at a time.
#[cfg(feature = "wasm")]
fn entry_line(_: &str) -> Option<EntryLine<'_>> {
    None
}

/// An entry line as the verifier reads it: [`AuditEntry`]'s fields under the same rules (unknown fields refused,
/// the same types), the strings borrowed from the line where they have no escape.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryLine<'a> {
    seq: u64,
    #[serde(borrow)]
    event: EventLine<'a>,
    #[serde(borrow)]
    prev_hash: Cow<'a, str>,
    #[serde(borrow)]
    hash: Cow<'a, str>,
}

/// [`super::AuditEvent`] read in place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventLine<'a> {
    #[serde(borrow)]
    item_id: Cow<'a, str>,
    #[serde(borrow)]
    action: Cow<'a, str>,
    #[serde(borrow)]
    actor: Cow<'a, str>,
    #[serde(deserialize_with = "super::timestamp::read")]
    at: Timestamp,
    from: Status,
    to: Status,
    #[serde(borrow)]
    comment: Cow<'a, str>,
    version: u32,
    #[serde(borrow)]
    content_sha256: Cow<'a, str>,
}

impl EntryLine<'_> {
    fn fields(&self) -> EntryFields<'_> {
        let e = &self.event;
        EntryFields {
            seq: self.seq,
            prev_hash: &self.prev_hash,
            item_id: &e.item_id,
            action: &e.action,
            actor: &e.actor,
            at: &e.at,
            from: e.from,
            to: e.to,
            comment: &e.comment,
            version: e.version,
            content_sha256: &e.content_sha256,
        }
    }
}

/// `INVALID_AUDIT_JSON`: the header is only allowed on the first line.
pub(super) fn late_header(number: usize) -> Error {
    Error::input(
        "INVALID_AUDIT_JSON",
        format!("line {number}"),
        "版本行只能是第一行",
        "the schema_version line may only be the first line",
    )
}

impl AuditLog {
    /// The log as JSON Lines: a header line, the entries one a line, each checkpoint after its entry.
    ///
    /// ```
    /// let log = dangjian::disclosure::AuditLog::new();
    /// assert_eq!(log.to_jsonl(), "{\"schema_version\":1}\n");
    /// ```
    pub fn to_jsonl(&self) -> String {
        let mut out = format!("{{\"schema_version\":{}}}\n", self.schema_version);
        let mut checkpoints = self.checkpoints.iter().peekable();
        let mut due = |out: &mut String, count: u64| {
            while let Some(c) = checkpoints.next_if(|c| c.entries <= count) {
                out.push_str("{\"checkpoint\":");
                out.push_str(&serde_json::to_string(c).unwrap_or_default());
                out.push_str("}\n");
            }
        };
        due(&mut out, 0);
        for (i, e) in self.entries.iter().enumerate() {
            out.push_str(&serde_json::to_string(e).unwrap_or_default());
            out.push('\n');
            due(&mut out, (i as u64).saturating_add(1));
        }
        due(&mut out, u64::MAX);
        out
    }

    /// Reads a JSON Lines log into memory and verifies its integrity, as [`AuditLog::from_json`]. Errors:
    /// `INVALID_AUDIT_JSON` at `line N: …`, `AUDIT_CHAIN_BROKEN` at `entries[i]`.
    ///
    /// ```
    /// let e = dangjian::disclosure::AuditLog::from_jsonl("{\"schema_version\":1}\n{}").unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_AUDIT_JSON", "line 2: seq"));
    /// ```
    pub fn from_jsonl(text: &str) -> Result<Self> {
        let log = Self::from_jsonl_unverified(text)?;
        let v = log.verify();
        if let (Some(i), Some(code)) = (v.first_broken, v.code) {
            return Err(super::broken_error(i, &code));
        }
        Ok(log)
    }

    /// Reads a JSON Lines log into memory without verifying it (the shape of each line is checked).
    ///
    /// ```
    /// let log = dangjian::disclosure::AuditLog::new();
    /// assert_eq!(dangjian::disclosure::AuditLog::from_jsonl_unverified(&log.to_jsonl()).unwrap(), log);
    /// ```
    pub fn from_jsonl_unverified(text: &str) -> Result<Self> {
        let mut log = AuditLog::new();
        for (i, line) in text.lines().enumerate() {
            let number = i.saturating_add(1);
            match AuditLine::parse(line, number)? {
                None => {}
                Some(AuditLine::Header) if number == 1 => {}
                Some(AuditLine::Header) => return Err(late_header(number)),
                Some(AuditLine::Entry(e)) => log.entries.push(*e),
                Some(AuditLine::Checkpoint(c)) => log.checkpoints.push(*c),
            }
        }
        Ok(log)
    }
}
