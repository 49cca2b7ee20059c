//! Walking a chain: one entry (or checkpoint) at a time, in constant memory, so a log of any length can be
//! checked as it streams by ([`ChainVerifier`]); [`super::AuditLog::verify`] feeds it a whole log.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

use super::encode::{EntryFields, EntryHasher};
use super::sign::{AuditVerifyingKey, Checkpoint};
use super::{AuditEntry, GENESIS_HASH};

/// The result of verifying a log: valid, or the first break and why.
///
/// Codes: `SEQUENCE_BROKEN` (an entry deleted, inserted or moved), `CHAIN_BROKEN` (its `prev_hash` is not the
/// previous entry's hash), `HASH_MISMATCH` (its content was edited), `HEAD_MISMATCH` (the log does not end
/// where a receipt says); checkpoints: `CHECKPOINT_ORDER` (not in increasing order of entries),
/// `CHECKPOINT_MISMATCH` (its head is not the hash of the entry it covers: the entries up to it were
/// rewritten), `CHECKPOINT_BEYOND_END` (it covers entries the log no longer has: cut off); with a key:
/// `NOT_SIGNED` (no checkpoint at all), `KEY_MISMATCH` (signed by another key), `SIGNATURE_INVALID` (forged or
/// altered), `UNSIGNED_TAIL` (entries after the last checkpoint).
///
/// ```
/// let v = dangjian::disclosure::AuditLog::new().verify();
/// assert!(v.valid && v.first_broken.is_none() && !v.authenticated);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Verification {
    /// Whether everything checked holds.
    pub valid: bool,
    /// Entries read.
    pub entries: u64,
    /// Position (from 0) of the first broken entry; for a checkpoint, the last entry it covers; for
    /// entries cut off, the number of entries left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_broken: Option<u64>,
    /// Why (see the type's docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The last entry's hash (the receipt to keep), when valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// `true` only when checked with a public key and valid: every entry is covered by a checkpoint that
    /// key signed. `false` means only integrity (the chain holds together) was checked, not who wrote it:
    /// anyone can rewrite a chain and recompute its hashes.
    pub authenticated: bool,
    /// The id of the key checked against, when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// Checkpoints read.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub checkpoints: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Checks a chain as it streams by: entries in order, each checkpoint right after the entry it ends on.
/// Memory is constant whatever the length.
///
/// ```
/// use dangjian::disclosure::{AuditEvent, AuditHead, ChainVerifier, Status};
/// # let ev = AuditEvent { item_id: "D1".into(), action: "create".into(), actor: "P1".into(),
/// #   at: "2026-03-02T09:00:00+08:00".parse().unwrap(), from: Status::Draft, to: Status::Draft,
/// #   comment: String::new(), version: 0, content_sha256: String::new() };
/// let mut head = AuditHead::genesis();
/// let mut v = ChainVerifier::new(None);
/// for _ in 0..3 {
///     assert!(v.entry(&head.append(ev.clone())));
/// }
/// let out = v.finish();
/// assert_eq!((out.valid, out.entries, out.head), (true, 3, Some(head.hash)));
/// ```
#[derive(Debug)]
pub struct ChainVerifier<'k> {
    key: Option<&'k AuditVerifyingKey>,
    hasher: EntryHasher,
    entries: u64,
    prev: String,
    checkpoints: u64,
    /// Entries covered by the last checkpoint read.
    covered: Option<u64>,
    broken: Option<(u64, &'static str)>,
}

impl<'k> ChainVerifier<'k> {
    /// A verifier of integrity only (`None`), or of integrity and the signatures of `key`.
    pub fn new(key: Option<&'k AuditVerifyingKey>) -> Self {
        Self {
            key,
            hasher: EntryHasher::default(),
            entries: 0,
            prev: GENESIS_HASH.to_owned(),
            checkpoints: 0,
            covered: None,
            broken: None,
        }
    }

    /// Whether nothing is broken so far.
    pub fn holds(&self) -> bool {
        self.broken.is_none()
    }

    /// Entries read so far.
    pub fn entries(&self) -> u64 {
        self.entries
    }

    /// Reads the next entry; `false` once the chain is broken (later input is ignored).
    pub fn entry(&mut self, e: &AuditEntry) -> bool {
        self.entry_fields(&EntryFields::of(e), &e.hash)
    }

    /// [`Self::entry`] of an entry's fields and the hash it carries, wherever they are held.
    pub(super) fn entry_fields(&mut self, e: &EntryFields<'_>, hash: &str) -> bool {
        if self.broken.is_some() {
            return false;
        }
        let at = self.entries;
        let code = if e.seq != at {
            Some("SEQUENCE_BROKEN")
        } else if e.prev_hash != self.prev {
            Some("CHAIN_BROKEN")
        } else if self.hasher.hash_fields(e).as_slice() != hash.as_bytes() {
            Some("HASH_MISMATCH")
        } else {
            None
        };
        self.entries = self.entries.saturating_add(1);
        match code {
            Some(code) => self.broken = Some((at, code)),
            None => {
                self.prev.clear();
                self.prev.push_str(hash);
            }
        }
        self.broken.is_none()
    }

    /// Reads a checkpoint, which must end on the last entry read; `false` once anything is broken.
    pub fn checkpoint(&mut self, c: &Checkpoint) -> bool {
        if self.broken.is_some() {
            return false;
        }
        self.checkpoints = self.checkpoints.saturating_add(1);
        let last = self.entries.saturating_sub(1);
        let code = if self.covered.is_some_and(|n| c.entries <= n) || c.entries < self.entries {
            Some("CHECKPOINT_ORDER")
        } else if c.entries > self.entries {
            Some("CHECKPOINT_BEYOND_END")
        } else if c.head != self.prev {
            Some("CHECKPOINT_MISMATCH")
        } else {
            self.key.and_then(|k| k.check(c).err())
        };
        self.covered = Some(c.entries);
        if let Some(code) = code {
            let at = if code == "CHECKPOINT_BEYOND_END" {
                self.entries
            } else {
                last.min(c.entries.saturating_sub(1))
            };
            self.broken = Some((at, code));
        }
        self.broken.is_none()
    }

    /// The verdict. With a key, every entry must be covered by a checkpoint of that key.
    pub fn finish(self) -> Verification {
        let unsigned = match self.covered {
            None => Some((0, "NOT_SIGNED")),
            Some(n) if n < self.entries => Some((n, "UNSIGNED_TAIL")),
            Some(_) => None,
        };
        let broken = self.broken.or(self.key.and(unsigned));
        let valid = broken.is_none();
        Verification {
            valid,
            entries: self.entries,
            first_broken: broken.map(|(at, _)| at),
            code: broken.map(|(_, code)| code.to_owned()),
            head: (valid && self.entries > 0).then_some(self.prev),
            authenticated: valid && self.key.is_some(),
            key_id: self.key.map(|k| k.key_id().to_owned()),
            checkpoints: self.checkpoints,
        }
    }
}
