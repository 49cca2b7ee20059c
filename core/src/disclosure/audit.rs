//! The audit trail: an append-only log of every workflow action, each entry chained to the one before by
//! SHA-256 over a canonical encoding, so any edit, deletion, insertion or reordering is found by [`AuditLog::verify`].
//!
//! The encoding is fixed byte for byte (version tag, then each field as `<byte length>:<bytes>\n` in a fixed
//! order, the previous entry's hash included), so every platform computes the same hash. Times are encoded in
//! RFC 3339 with their offset as recorded. A chain alone cannot show that its *last* entries were cut off;
//! [`AuditLog::verify_head`] checks against a length and head hash kept elsewhere (a receipt).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::item::{Status, Timestamp};
use crate::{Error, Result};

/// The `prev_hash` of the first entry: 64 zeros.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The current version of the audit log document.
pub const AUDIT_SCHEMA_VERSION: u32 = 1;

const ENCODING_TAG: &str = "dangjian.disclosure.audit.v1";

/// What happened: one action on one item.
///
/// ```
/// let e: dangjian::disclosure::AuditEvent = serde_json::from_str(r#"{"item_id":"D1","action":"propose","actor":"P1",
///   "at":"2026-03-02T09:00:00+08:00","from":"draft","to":"proposed","comment":"","version":0,"content_sha256":"ab"}"#).unwrap();
/// assert_eq!(e.to, dangjian::disclosure::Status::Proposed);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEvent {
    /// The item.
    pub item_id: String,
    /// The action's code (`create`, `propose`, `approve` …).
    pub action: String,
    /// Who acted.
    pub actor: String,
    /// When.
    pub at: Timestamp,
    /// Status before.
    pub from: Status,
    /// Status after.
    pub to: Status,
    /// Comment or reason.
    pub comment: String,
    /// The item's version number after the action.
    pub version: u32,
    /// SHA-256 (hex) of the item's title and body after the action, so the log shows what content was acted on.
    pub content_sha256: String,
}

/// One entry of the log: its position, the event and the chain.
///
/// ```
/// # use dangjian::disclosure::{AuditEvent, AuditLog, Status, GENESIS_HASH};
/// # let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
/// #   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
/// #   comment: String::new(), version: 0, content_sha256: String::new() };
/// let mut log = AuditLog::new();
/// let e = log.append(ev);
/// assert_eq!((e.seq, e.prev_hash.as_str()), (0, GENESIS_HASH));
/// assert_eq!(e.hash.len(), 64);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    /// Position, from 0.
    pub seq: u64,
    /// The event.
    pub event: AuditEvent,
    /// The previous entry's hash ([`GENESIS_HASH`] for the first).
    pub prev_hash: String,
    /// SHA-256 (lower-case hex) of this entry's canonical encoding.
    pub hash: String,
}

impl AuditEntry {
    /// The hash this entry should carry, recomputed from its fields.
    ///
    /// ```
    /// # use dangjian::disclosure::{AuditEvent, AuditLog, Status};
    /// # let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
    /// #   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
    /// #   comment: String::new(), version: 0, content_sha256: String::new() };
    /// let mut log = AuditLog::new();
    /// let e = log.append(ev);
    /// assert_eq!(e.compute_hash(), e.hash);
    /// ```
    pub fn compute_hash(&self) -> String {
        let e = &self.event;
        let mut buf = Vec::with_capacity(256);
        let mut field = |s: &str| {
            buf.extend_from_slice(s.len().to_string().as_bytes());
            buf.push(b':');
            buf.extend_from_slice(s.as_bytes());
            buf.push(b'\n');
        };
        field(ENCODING_TAG);
        field(&self.seq.to_string());
        field(&self.prev_hash);
        field(&e.item_id);
        field(&e.action);
        field(&e.actor);
        field(&e.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false));
        field(status_code(e.from));
        field(status_code(e.to));
        field(&e.comment);
        field(&e.version.to_string());
        field(&e.content_sha256);
        hex(&Sha256::digest(&buf))
    }
}

/// The result of [`AuditLog::verify`]: valid, or the first broken entry and why.
///
/// ```
/// let v = dangjian::disclosure::AuditLog::new().verify();
/// assert!(v.valid && v.first_broken.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    /// Whether the whole chain holds.
    pub valid: bool,
    /// Entries checked.
    pub entries: u64,
    /// Index of the first broken entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_broken: Option<u64>,
    /// Why: `SEQUENCE_BROKEN` (an entry deleted, inserted or moved), `CHAIN_BROKEN` (its `prev_hash` is not the
    /// previous entry's hash), `HASH_MISMATCH` (its content was edited), `HEAD_MISMATCH` (entries cut off the end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The last entry's hash (the receipt to keep), when the chain holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
}

/// The append-only, hash-chained log (`{"schema_version":1,"entries":[…]}`).
///
/// ```
/// use dangjian::disclosure::AuditLog;
/// let log = AuditLog::new();
/// assert_eq!(AuditLog::from_json(&log.to_json()).unwrap(), log);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditLog {
    /// Document version; currently 1.
    pub schema_version: u32,
    /// The entries, oldest first.
    pub entries: Vec<AuditEntry>,
}

impl Default for AuditLog {
    fn default() -> Self {
        Self::new()
    }
}

impl AuditLog {
    /// An empty log.
    ///
    /// ```
    /// assert!(dangjian::disclosure::AuditLog::new().entries.is_empty());
    /// ```
    pub fn new() -> Self {
        Self {
            schema_version: AUDIT_SCHEMA_VERSION,
            entries: Vec::new(),
        }
    }

    /// Appends an event, chaining it to the last entry; returns (a copy of) the new entry.
    ///
    /// ```
    /// # use dangjian::disclosure::{AuditEvent, AuditLog, Status};
    /// # let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
    /// #   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
    /// #   comment: String::new(), version: 0, content_sha256: String::new() };
    /// let mut log = AuditLog::new();
    /// let first = log.append(ev.clone()).hash.clone();
    /// assert_eq!(log.append(ev).prev_hash, first);
    /// ```
    pub fn append(&mut self, event: AuditEvent) -> AuditEntry {
        let prev_hash = self
            .entries
            .last()
            .map_or_else(|| GENESIS_HASH.to_owned(), |e| e.hash.clone());
        let mut entry = AuditEntry {
            seq: self.entries.len() as u64,
            event,
            prev_hash,
            hash: String::new(),
        };
        entry.hash = entry.compute_hash();
        self.entries.push(entry.clone());
        entry
    }

    /// Walks the chain and reports the first broken entry.
    ///
    /// ```
    /// # use dangjian::disclosure::{AuditEvent, AuditLog, Status};
    /// # let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
    /// #   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
    /// #   comment: String::new(), version: 0, content_sha256: String::new() };
    /// let mut log = AuditLog::new();
    /// log.append(ev.clone());
    /// log.append(ev);
    /// log.entries[0].event.comment = "edited".into();
    /// let v = log.verify();
    /// assert_eq!((v.first_broken, v.code.as_deref()), (Some(0), Some("HASH_MISMATCH")));
    /// ```
    pub fn verify(&self) -> Verification {
        let mut prev = GENESIS_HASH;
        for (i, e) in self.entries.iter().enumerate() {
            let code = if e.seq != i as u64 {
                Some("SEQUENCE_BROKEN")
            } else if e.prev_hash != prev {
                Some("CHAIN_BROKEN")
            } else if e.compute_hash() != e.hash {
                Some("HASH_MISMATCH")
            } else {
                None
            };
            if let Some(code) = code {
                return Verification {
                    valid: false,
                    entries: self.entries.len() as u64,
                    first_broken: Some(i as u64),
                    code: Some(code.to_owned()),
                    head: None,
                };
            }
            prev = &e.hash;
        }
        Verification {
            valid: true,
            entries: self.entries.len() as u64,
            first_broken: None,
            code: None,
            head: self.entries.last().map(|e| e.hash.clone()),
        }
    }

    /// [`AuditLog::verify`], then checks the log still has `len` entries ending in `head` (a receipt kept
    /// elsewhere): the only way to see entries cut off the end.
    ///
    /// ```
    /// # use dangjian::disclosure::{AuditEvent, AuditLog, Status};
    /// # let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
    /// #   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
    /// #   comment: String::new(), version: 0, content_sha256: String::new() };
    /// let mut log = AuditLog::new();
    /// log.append(ev.clone());
    /// let head = log.append(ev).hash.clone();
    /// log.entries.pop();
    /// assert!(log.verify().valid);
    /// assert_eq!(log.verify_head(2, &head).code.as_deref(), Some("HEAD_MISMATCH"));
    /// ```
    pub fn verify_head(&self, len: u64, head: &str) -> Verification {
        let mut v = self.verify();
        if v.valid && (v.entries != len || v.head.as_deref() != Some(head)) {
            v.valid = false;
            v.first_broken = Some(v.entries.min(len));
            v.code = Some("HEAD_MISMATCH".to_owned());
            v.head = None;
        }
        v
    }

    /// The log as JSON.
    ///
    /// ```
    /// assert!(dangjian::disclosure::AuditLog::new().to_json().starts_with(r#"{"schema_version":1"#));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a log and verifies it. Errors: `INVALID_AUDIT_JSON` (malformed, with the field path),
    /// `UNSUPPORTED_SCHEMA_VERSION`, `AUDIT_CHAIN_BROKEN` at `entries[i]` (the first broken entry). To inspect a
    /// broken log rather than refuse it, use [`AuditLog::from_json_unverified`] and [`AuditLog::verify`].
    ///
    /// ```
    /// let e = dangjian::disclosure::AuditLog::from_json(r#"{"schema_version":1,"entries":[{"seq":0}]}"#).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_AUDIT_JSON", "entries[0].event"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        let log = Self::from_json_unverified(json)?;
        let v = log.verify();
        if let (Some(i), Some(code)) = (v.first_broken, v.code) {
            return Err(Error::input(
                "AUDIT_CHAIN_BROKEN",
                format!("entries[{i}]"),
                format!("审计日志第 {i} 条被改动（{code}）"),
                format!("the audit log is broken at entry {i} ({code})"),
            ));
        }
        Ok(log)
    }

    /// Reads a log without verifying the chain (the shape and version are still checked): for forensics, so
    /// a damaged log is never lost.
    ///
    /// ```
    /// let log = dangjian::disclosure::AuditLog::from_json_unverified(r#"{"schema_version":1,"entries":[]}"#).unwrap();
    /// assert!(log.verify().valid);
    /// ```
    pub fn from_json_unverified(json: &str) -> Result<Self> {
        let log: AuditLog = crate::error::from_json(json, "INVALID_AUDIT_JSON")?;
        if log.schema_version != AUDIT_SCHEMA_VERSION {
            return Err(Error::input(
                "UNSUPPORTED_SCHEMA_VERSION",
                "schema_version",
                format!("不支持的审计日志版本：{}", log.schema_version),
                format!(
                    "unsupported audit log schema_version {}",
                    log.schema_version
                ),
            ));
        }
        Ok(log)
    }
}

/// SHA-256 (hex) of an item's title and body, length-prefixed so `("ab","c")` and `("a","bc")` differ.
pub(crate) fn content_digest(title: &str, body: &str) -> String {
    let mut h = Sha256::new();
    h.update(title.len().to_string().as_bytes());
    h.update(b":");
    h.update(title.as_bytes());
    h.update(b"\n");
    h.update(body.len().to_string().as_bytes());
    h.update(b":");
    h.update(body.as_bytes());
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            s.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    s
}

fn status_code(s: Status) -> &'static str {
    match s {
        Status::Draft => "draft",
        Status::Proposed => "proposed",
        Status::Reviewed => "reviewed",
        Status::Approved => "approved",
        Status::Published => "published",
        Status::Withdrawn => "withdrawn",
        Status::Archived => "archived",
    }
}
