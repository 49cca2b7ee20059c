//! The chain's head: all a workflow action needs to append, whatever the log's length — how many entries,
//! the last hash and the last signed checkpoint. A host keeps the head beside its stored log and appends in
//! constant time ([`AuditHead::append`]); the entries it gets back go to the end of its log.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

use super::encode::{is_digest_hex, EntryHasher};
use super::sign::Checkpoint;
use super::{AuditEntry, AuditEvent, GENESIS_HASH};
use crate::{Error, Result};

/// The head of a chain (`{"entries":53,"hash":"…","checkpoint":{…}}`).
///
/// ```
/// use dangjian::disclosure::{AuditEvent, AuditHead, AuditLog, Status};
/// # let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
/// #   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
/// #   comment: String::new(), version: 0, content_sha256: String::new() };
/// let mut log = AuditLog::new();
/// log.append(ev.clone());
/// let mut head = log.head();
/// let entry = head.append(ev.clone());
/// assert_eq!(entry, log.append(ev));
/// assert_eq!(head, log.head());
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditHead {
    /// Entries in the log.
    pub entries: u64,
    /// The last entry's hash ([`GENESIS_HASH`] for an empty log).
    pub hash: String,
    /// The last signed checkpoint, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub checkpoint: Option<Checkpoint>,
}

impl Default for AuditHead {
    fn default() -> Self {
        Self::genesis()
    }
}

impl AuditHead {
    /// The head of an empty log.
    ///
    /// ```
    /// assert_eq!(dangjian::disclosure::AuditHead::genesis().entries, 0);
    /// ```
    pub fn genesis() -> Self {
        Self {
            entries: 0,
            hash: GENESIS_HASH.to_owned(),
            checkpoint: None,
        }
    }

    /// Appends an event after this head: returns the new entry and moves the head onto it. Constant time.
    pub fn append(&mut self, event: AuditEvent) -> AuditEntry {
        self.append_with(&mut EntryHasher::default(), event)
    }

    pub(super) fn append_with(
        &mut self,
        hasher: &mut EntryHasher,
        event: AuditEvent,
    ) -> AuditEntry {
        let mut entry = AuditEntry {
            seq: self.entries,
            event,
            prev_hash: std::mem::take(&mut self.hash),
            hash: String::new(),
        };
        let hash = hasher.hash(&entry);
        entry.hash = String::from_utf8_lossy(&hash).into_owned();
        self.hash.clone_from(&entry.hash);
        self.entries = self.entries.saturating_add(1);
        entry
    }

    /// Reads a head, checking its shape: `hash` 64 lower-case hex digits, [`GENESIS_HASH`] exactly when
    /// `entries` is 0; a checkpoint no further than the head (and on the head's hash when it ends there).
    /// Errors: `INVALID_AUDIT_HEAD_JSON` naming the field. The head cannot be checked against a log it does not
    /// carry: keep it with the log, and verify the log.
    ///
    /// ```
    /// let e = dangjian::disclosure::AuditHead::from_json(r#"{"entries":0,"hash":"ab"}"#).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_AUDIT_HEAD_JSON", "hash"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        const CODE: &str = "INVALID_AUDIT_HEAD_JSON";
        let head: AuditHead = crate::error::from_json(json, CODE)?;
        let bad = |field: &str, zh: &str, en: &str| Err(Error::input(CODE, field, zh, en));
        if !is_digest_hex(&head.hash) || (head.entries == 0) != (head.hash == GENESIS_HASH) {
            return bad(
                "hash",
                "链头哈希应为 64 位小写十六进制；空日志的链头为 64 个 0",
                "the head hash is 64 lower-case hex digits, 64 zeros exactly for an empty log",
            );
        }
        if let Some(c) = &head.checkpoint {
            if c.entries > head.entries || (c.entries == head.entries && c.head != head.hash) {
                return bad(
                    "checkpoint",
                    "签名检查点超出链头或与链头不符",
                    "the checkpoint lies beyond the head or does not match it",
                );
            }
        }
        Ok(head)
    }
}
