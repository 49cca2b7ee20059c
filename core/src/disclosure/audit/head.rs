//! The chain's head: all a workflow action needs to append, whatever the log's length — how many entries,
//! the last hash and the last signed checkpoint. A host keeps the head beside its stored log and appends in
//! constant time ([`AuditHead::append`]); the entries it gets back go to the end of its log.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

use super::encode::{is_digest_hex, EntryHasher};
use super::sign::Checkpoint;
use super::{AuditEntry, AuditEvent, GENESIS_HASH};
use crate::disclosure::{apply, Action, DisclosureContext, DisclosureItem};
use crate::{Error, Policy, Result};

/// What an append at the head gives back (`{"item":…,"entries":[…],"head":…}`): the new entries, to add to
/// the end of the stored log, the head after them, to keep for the next append, and the item as it now is
/// when a workflow action was applied ([`apply_at_head`]; absent for a plain event, [`append_at_head`]).
///
/// ```
/// use dangjian::disclosure::{append_at_head, AuditEvent, AuditHead, Status};
/// let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
///   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
///   comment: String::new(), version: 0, content_sha256: String::new() };
/// let out = append_at_head(AuditHead::genesis(), ev).unwrap();
/// assert_eq!((out.entries[0].seq, out.head.entries, out.item.is_none()), (0, 1, true));
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Appended {
    /// The item after the action, when an action was applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub item: Option<DisclosureItem>,
    /// The new entries, in order: add them to the end of the stored log.
    pub entries: Vec<AuditEntry>,
    /// The head after them.
    pub head: AuditHead,
}

/// Appends an event after `head` (checked as [`AuditHead::from_json`] checks a head read from JSON), in
/// constant time whatever the log's length. Error: `INVALID_AUDIT_HEAD_JSON` naming the head's field at fault.
///
/// ```
/// use dangjian::disclosure::{append_at_head, AuditEvent, AuditHead, Status};
/// # let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
/// #   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
/// #   comment: String::new(), version: 0, content_sha256: String::new() };
/// let mut bad = AuditHead::genesis();
/// bad.entries = 3; // an empty log's hash on a log of three entries
/// assert_eq!(append_at_head(bad, ev).unwrap_err().detail().field, "hash");
/// ```
pub fn append_at_head(mut head: AuditHead, event: AuditEvent) -> Result<Appended> {
    head.check()?;
    let entry = head.append(event);
    Ok(Appended {
        item: None,
        entries: vec![entry],
        head,
    })
}

/// [`apply`] at the chain's head: the action applied to `item` (errors as [`apply`]) and its event appended
/// after `head` (as [`append_at_head`]), in constant time; nothing is appended when the action is refused.
///
/// ```
/// use dangjian::disclosure::{apply_at_head, create, Action, AuditHead, DisclosureContext, NewItem, Status};
/// let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],
///   "roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
/// let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b",
///   "category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
/// let created = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap();
/// let mut head = AuditHead::genesis();
/// head.append(created.event);
/// let propose: Action = serde_json::from_str(r#"{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}"#).unwrap();
/// let out = apply_at_head(&dangjian::Policy::bundled(), &ctx, &created.item, &propose, head).unwrap();
/// assert_eq!((out.item.unwrap().status, out.entries[0].seq, out.head.entries), (Status::Proposed, 1, 2));
/// ```
pub fn apply_at_head(
    policy: &Policy,
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    action: &Action,
    mut head: AuditHead,
) -> Result<Appended> {
    head.check()?;
    let applied = apply(policy, ctx, item, action)?;
    let entry = head.append(applied.event);
    Ok(Appended {
        item: Some(applied.item),
        entries: vec![entry],
        head,
    })
}

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
        let head: AuditHead = crate::error::from_json(json, HEAD_CODE)?;
        head.check()?;
        Ok(head)
    }

    /// Checks the head's shape: `hash` 64 lower-case hex digits, [`GENESIS_HASH`] exactly when `entries` is 0;
    /// a checkpoint no further than the head (and on the head's hash when it ends there). Error:
    /// `INVALID_AUDIT_HEAD_JSON` naming the field (the code of a head read from JSON, so that a head given as a
    /// record fails as the same head given as text).
    ///
    /// ```
    /// let mut head = dangjian::disclosure::AuditHead::genesis();
    /// assert!(head.check().is_ok());
    /// head.hash = "AB".repeat(32); // upper-case
    /// assert_eq!(head.check().unwrap_err().code(), "INVALID_AUDIT_HEAD_JSON");
    /// ```
    pub fn check(&self) -> Result<()> {
        let bad = |field: &str, zh: &str, en: &str| Err(Error::input(HEAD_CODE, field, zh, en));
        if !is_digest_hex(&self.hash) || (self.entries == 0) != (self.hash == GENESIS_HASH) {
            return bad(
                "hash",
                "链头哈希应为 64 位小写十六进制；空日志的链头为 64 个 0",
                "the head hash is 64 lower-case hex digits, 64 zeros exactly for an empty log",
            );
        }
        if let Some(c) = &self.checkpoint {
            if c.entries > self.entries || (c.entries == self.entries && c.head != self.hash) {
                return bad(
                    "checkpoint",
                    "签名检查点超出链头或与链头不符",
                    "the checkpoint lies beyond the head or does not match it",
                );
            }
        }
        Ok(())
    }
}

/// The code of a malformed head.
const HEAD_CODE: &str = "INVALID_AUDIT_HEAD_JSON";
