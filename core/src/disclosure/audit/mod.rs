//! The audit trail: an append-only log of every workflow action, each entry chained to the one before by
//! SHA-256 over a canonical encoding, with checkpoints signed by the organization's SM2 key.
//!
//! **What verification guarantees.**
//! - Without a key ([`AuditLog::verify`]): *integrity only*. Every entry's hash matches its content and
//!   chains to the one before, and each checkpoint lies on the chain. This finds accidental damage and
//!   careless edits, but not a forger: anyone can edit an entry and recompute every hash with this library.
//! - With the organization's public key ([`AuditLog::verify_with_key`]): *authenticity* of every entry. Each
//!   checkpoint must carry that key's valid SM2 signature over the head it names (entry count and the hash of
//!   the last entry), and the last checkpoint must cover the last entry. So any edit, insertion, deletion or
//!   reordering of signed entries, any entry added after the last checkpoint, and any cut that removes
//!   signed entries while keeping a checkpoint over them, fails — rehashed or not — unless the forger holds
//!   the private key.
//! - **Not guaranteed, even with the key:** that the log is the *latest* one. A copy cut back to an earlier
//!   checkpoint, with the later checkpoints dropped, is a genuinely signed shorter log and verifies; only the
//!   last head kept elsewhere (a receipt: [`AuditLog::verify_head`], or the newest checkpoint) shows it. Nor
//!   that the events are true (the signer signs what it was given), when the signature was made (a checkpoint
//!   carries no time), or that the key is the organization's: the verifier must obtain the public key by a
//!   trusted channel; the key id only names it. Entries appended after the last checkpoint are protected by
//!   integrity alone until the next signature (and fail `UNSIGNED_TAIL` with a key): sign at every export.
//!
//! The encoding is fixed byte for byte (version tag, then each field as `<byte length>:<bytes>\n` in a fixed
//! order, the previous entry's hash included), so every platform computes the same hash. Times are encoded in
//! RFC 3339 with their offset as recorded. Appending needs only the head ([`AuditHead`]); verification reads
//! one entry at a time ([`ChainVerifier`]), so a JSON Lines log of any length is checked in constant memory.

use serde::{Deserialize, Serialize};

use super::item::{Status, Timestamp};
use crate::{Error, Result};

mod encode;
mod head;
mod json;
mod lines;
mod sign;
#[cfg(test)]
mod tests;
mod timestamp;
mod verify;

pub(crate) use encode::content_digest;
pub use head::{append_at_head, apply_at_head, Appended, AuditHead};
pub use json::{
    append_event_json, apply_head_json, apply_to_log_json, audit_append_head_json,
    audit_append_json, audit_head_json, sign_audit_json, verify_audit_jsonl,
    verify_audit_signed_json,
};
pub use lines::{verify_lines, AuditLine};
pub use sign::{AuditSigningKey, AuditVerifyingKey, Checkpoint, CHECKPOINT_ALGORITHM};
pub use verify::{ChainVerifier, Verification};

/// The `prev_hash` of the first entry: 64 zeros.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The current version of the audit log document.
pub const AUDIT_SCHEMA_VERSION: u32 = 1;

/// What happened: one action on one item.
///
/// ```
/// let e: dangjian::disclosure::AuditEvent = serde_json::from_str(r#"{"item_id":"D1","action":"propose","actor":"P1",
///   "at":"2026-03-02T09:00:00+08:00","from":"draft","to":"proposed","comment":"","version":0,"content_sha256":"ab"}"#).unwrap();
/// assert_eq!(e.to, dangjian::disclosure::Status::Proposed);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    #[serde(deserialize_with = "timestamp::read")]
    pub at: Timestamp,
    /// Status before.
    #[cfg_attr(feature = "wasm", tsify(type = "DisclosureStatus"))]
    pub from: Status,
    /// Status after.
    #[cfg_attr(feature = "wasm", tsify(type = "DisclosureStatus"))]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
        let hash = encode::EntryHasher::default().hash(self);
        String::from_utf8_lossy(&hash).into_owned()
    }
}

/// The append-only, hash-chained log (`{"schema_version":1,"entries":[…],"checkpoints":[…]}`; `checkpoints`
/// is left out while there are none, so an unsigned log reads as before).
///
/// ```
/// use dangjian::disclosure::AuditLog;
/// let log = AuditLog::new();
/// assert_eq!(AuditLog::from_json(&log.to_json()).unwrap(), log);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditLog {
    /// Document version; currently 1.
    pub schema_version: u32,
    /// The entries, oldest first.
    pub entries: Vec<AuditEntry>,
    /// Signed checkpoints, in increasing order of the entries they cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub checkpoints: Vec<Checkpoint>,
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
            checkpoints: Vec::new(),
        }
    }

    /// The head: the entry count, the last hash and the last checkpoint.
    ///
    /// ```
    /// let head = dangjian::disclosure::AuditLog::new().head();
    /// assert_eq!((head.entries, head.hash.as_str()), (0, dangjian::disclosure::GENESIS_HASH));
    /// ```
    pub fn head(&self) -> AuditHead {
        AuditHead {
            entries: self.entries.len() as u64,
            hash: self
                .entries
                .last()
                .map_or_else(|| GENESIS_HASH.to_owned(), |e| e.hash.clone()),
            checkpoint: self.checkpoints.last().cloned(),
        }
    }

    /// Appends an event, chaining it to the last entry; returns (a copy of) the new entry. Constant time.
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
        let mut head = AuditHead {
            entries: self.entries.len() as u64,
            hash: self
                .entries
                .last()
                .map_or_else(|| GENESIS_HASH.to_owned(), |e| e.hash.clone()),
            checkpoint: None,
        };
        let entry = head.append(event);
        self.entries.push(entry.clone());
        entry
    }

    /// Signs the head with the organization's key, adding a checkpoint (none when the last checkpoint
    /// already covers every entry and is this key's). Sign at every export: entries after the last
    /// checkpoint are protected by integrity only. Errors: `AUDIT_CHAIN_BROKEN` (a broken chain is never
    /// signed), `ALREADY_SIGNED` (the head is signed by another key).
    ///
    /// ```
    /// # use dangjian::disclosure::{AuditEvent, AuditLog, AuditSigningKey, Status};
    /// # let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
    /// #   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
    /// #   comment: String::new(), version: 0, content_sha256: String::new() };
    /// # let pem = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQg3D3keRvGdgtuUlIn\ndD3a/W+s6uahh1qtiznFJhJmoS+hRANCAARLcdkOv6CTnx8xC93JD9lqFiXkA4+1\nICFTDv31ylDFLazSSc6fURP8vTicP9OmpckpJhu5Q9fag1i/2mdT5KHw\n-----END PRIVATE KEY-----\n";
    /// let key = AuditSigningKey::from_pem(pem).unwrap(); // a throwaway key, for this example only
    /// let mut log = AuditLog::new();
    /// log.append(ev.clone());
    /// log.sign(&key).unwrap();
    /// assert!(log.verify_with_key(&key.verifying_key()).authenticated);
    /// log.append(ev); // not signed yet
    /// assert_eq!(log.verify_with_key(&key.verifying_key()).code.as_deref(), Some("UNSIGNED_TAIL"));
    /// assert!(log.verify().valid); // the chain itself holds
    /// ```
    pub fn sign(&mut self, key: &AuditSigningKey) -> Result<&Checkpoint> {
        let v = self.verify();
        if let (Some(i), Some(code)) = (v.first_broken, v.code) {
            return Err(broken_error(i, &code));
        }
        let head = self.head();
        let covered = self
            .checkpoints
            .last()
            .filter(|c| c.entries == head.entries);
        if let Some(c) = covered {
            if c.key_id != key.key_id() {
                return Err(Error::input(
                    "ALREADY_SIGNED",
                    format!("checkpoints[{}]", self.checkpoints.len().saturating_sub(1)),
                    "链头已由另一密钥签名",
                    "the head is already signed by another key",
                ));
            }
        } else {
            self.checkpoints.push(key.sign(head.entries, &head.hash)?);
        }
        self.checkpoints.last().ok_or_else(|| {
            Error::input(
                "SIGNING_FAILED",
                "checkpoints",
                "签名失败",
                "signing failed",
            )
        })
    }

    /// Checks integrity only: walks the chain and the checkpoints' places on it, and reports the first
    /// break. `authenticated` is always `false`: without the public key a rewritten, rehashed log cannot be
    /// told from the original. Use [`AuditLog::verify_with_key`] for that.
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
        self.walk(None)
    }

    /// Checks integrity and authenticity: as [`AuditLog::verify`], and every checkpoint must be signed by
    /// `key`, with at least one, the last covering every entry (see the module docs for what this does and
    /// does not guarantee).
    pub fn verify_with_key(&self, key: &AuditVerifyingKey) -> Verification {
        self.walk(Some(key))
    }

    fn walk(&self, key: Option<&AuditVerifyingKey>) -> Verification {
        let mut v = ChainVerifier::new(key);
        let mut checkpoints = self.checkpoints.iter().peekable();
        let mut feed_due = |v: &mut ChainVerifier<'_>, count: u64| {
            while let Some(c) = checkpoints.next_if(|c| c.entries <= count) {
                v.checkpoint(c);
            }
        };
        feed_due(&mut v, 0);
        for (i, e) in self.entries.iter().enumerate() {
            if !v.entry(e) {
                break;
            }
            feed_due(&mut v, (i as u64).saturating_add(1));
        }
        for c in checkpoints {
            v.checkpoint(c);
        }
        let mut out = v.finish();
        // A break stops the walk; the count is the log's.
        out.entries = self.entries.len() as u64;
        out
    }

    /// [`AuditLog::verify`], then checks the log still has `len` entries ending in `head` (a receipt kept
    /// elsewhere): the way to see entries cut off the end, back to an earlier checkpoint included.
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
        with_receipt(self.verify(), len, head)
    }

    /// The log as JSON.
    ///
    /// ```
    /// assert!(dangjian::disclosure::AuditLog::new().to_json().starts_with(r#"{"schema_version":1"#));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a log and verifies its integrity. Errors: `INVALID_AUDIT_JSON` (malformed, with the field path),
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
            return Err(broken_error(i, &code));
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
        check_version(log.schema_version)?;
        Ok(log)
    }
}

/// `UNSUPPORTED_SCHEMA_VERSION` unless `v` is [`AUDIT_SCHEMA_VERSION`].
pub(super) fn check_version(v: u32) -> Result<()> {
    if v == AUDIT_SCHEMA_VERSION {
        return Ok(());
    }
    Err(Error::input(
        "UNSUPPORTED_SCHEMA_VERSION",
        "schema_version",
        format!("不支持的审计日志版本：{v}"),
        format!("unsupported audit log schema_version {v}"),
    ))
}

/// A verification made to fail unless the log has `len` entries ending in `head`.
pub(super) fn with_receipt(mut v: Verification, len: u64, head: &str) -> Verification {
    if v.valid && (v.entries != len || v.head.as_deref().unwrap_or(GENESIS_HASH) != head) {
        v.valid = false;
        v.authenticated = false;
        v.first_broken = Some(v.entries.min(len));
        v.code = Some("HEAD_MISMATCH".to_owned());
        v.head = None;
    }
    v
}

/// `AUDIT_CHAIN_BROKEN` at `entries[i]`.
pub(super) fn broken_error(i: u64, code: &str) -> Error {
    Error::input(
        "AUDIT_CHAIN_BROKEN",
        format!("entries[{i}]"),
        format!("审计日志第 {i} 条（seq 从 0 起）被改动（{code}）"),
        format!("the audit log is broken at entry {i} (seq from 0) ({code})"),
    )
}
