//! The disclosure audit trail: appending at the chain's head (constant time, whatever the log's length),
//! signing a log's head with the organization's SM2 key (国密 SM2 with SM3; PEM keys) and verifying with its
//! public key, JSON Lines verified line by line, and the [`AuditTrail`] object that holds a log in memory.
//!
//! The typed calls take and return the core's records (`AuditLog`, `AuditEntry`, `AuditHead`, `Checkpoint`,
//! `Verification`); the JSON documents cross as strings through [`crate::entry_points`]. Without a
//! public key a verification checks integrity only (`"authenticated":false`): anyone can rewrite a log and
//! recompute its hashes. See the core's `disclosure::AuditLog` docs for exactly what a signature guarantees.

use std::sync::{Arc, Mutex, MutexGuard};

use dangjian::disclosure::{self as core, AuditLog, AuditSigningKey, AuditVerifyingKey};
pub use dangjian::disclosure::{Appended, AuditEntry, AuditHead, Checkpoint, Verification};

use crate::disclosure::{
    call, checked, Action, Applied, AuditEvent, DisclosureContext, DisclosureItem,
};
use crate::error::{guarded, DangjianError, Result};
use crate::policy::Policy;

/// Appends an audit event at the chain's head (`disclosure::append_at_head`), in constant time whatever the
/// log's length: the new entries (add them to the stored log) and the new head (keep it for the next append).
/// Error: `INVALID_AUDIT_HEAD_JSON` naming the head's field at fault.
///
/// ```kotlin
/// val out = disclosureAppendAtHead(AuditHead(0uL, "0".repeat(64), null), created.event)
/// store.addAll(out.entries); head = out.head
/// ```
#[uniffi::export]
pub fn disclosure_append_at_head(head: AuditHead, event: AuditEvent) -> Result<Appended> {
    call(|| core::append_at_head(head, event))
}

/// Applies a workflow action at the chain's head (`disclosure::apply_at_head`): the item as it now is, the
/// new entries and the new head, in constant time; nothing is appended when the action is refused. Errors as
/// `disclosureApplyAction`, and `INVALID_AUDIT_HEAD_JSON` for the head.
///
/// ```kotlin
/// val out = disclosureApplyActionAtHead(Policy.bundled(), context, draft,
///     DisclosureAction.Propose("P1", "2026-03-02T10:00:00+08:00", ""), head)
/// ```
#[uniffi::export]
pub fn disclosure_apply_action_at_head(
    policy: &Policy,
    context: DisclosureContext,
    item: DisclosureItem,
    action: Action,
    head: AuditHead,
) -> Result<Appended> {
    call(|| core::apply_at_head(&policy.inner, &checked(context)?, &item, &action, head))
}

/// Verifies a log (`AuditLog::verify`, or `verify_with_key` with the organization's SM2 public key, SPKI PEM):
/// a broken or forged log is a report (`valid = false` with `firstBroken` and `code`), not an error.
/// Error: `INVALID_PUBLIC_KEY`.
///
/// ```kotlin
/// disclosureVerifyLog(trail.log(), File("org.pub.pem").readText()).authenticated   // true once signed
/// ```
#[uniffi::export]
pub fn disclosure_verify_log(
    log: AuditLog,
    public_key_pem: Option<String>,
) -> Result<Verification> {
    guarded(|| match public_key_pem {
        Some(pem) => Ok(log.verify_with_key(&AuditVerifyingKey::from_pem(&pem)?)),
        None => Ok(log.verify()),
    })
}

/// An audit log held in memory (`dangjian::disclosure::AuditLog`): append and apply in constant time, the
/// head, verification (with or without the public key), signing, export as JSON or JSON Lines. A call that
/// fails leaves the log as it was.
///
/// ```kotlin
/// val trail = AuditTrail()
/// trail.appendEvent(created.event)
/// val item = trail.applyAction(Policy.bundled(), context, created.item, DisclosureAction.Propose("P1", at, "")).item
/// trail.sign(File("org.key.pem").readText())
/// File("audit.json").writeText(trail.toJson())
/// ```
#[derive(Debug, uniffi::Object)]
pub struct AuditTrail {
    inner: Mutex<AuditLog>,
}

fn unavailable() -> DangjianError {
    DangjianError::InvalidInput {
        code: "AUDIT_TRAIL_UNAVAILABLE".to_owned(),
        field: String::new(),
        message_zh: "审计日志对象在一次失败的调用后不可用，请从导出的 JSON 重新读取".to_owned(),
        message_en:
            "the audit trail is unusable after a failed call; read it again from its exported JSON"
                .to_owned(),
    }
}

impl AuditTrail {
    fn lock(&self) -> Result<MutexGuard<'_, AuditLog>> {
        self.inner.lock().map_err(|_| unavailable())
    }

    fn of(log: AuditLog) -> Arc<Self> {
        Arc::new(Self {
            inner: Mutex::new(log),
        })
    }
}

#[uniffi::export]
impl AuditTrail {
    /// An empty log.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Self::of(AuditLog::new())
    }

    /// A log read from its JSON document, its chain verified (`AuditLog::from_json`). Errors:
    /// `INVALID_AUDIT_JSON`, `UNSUPPORTED_SCHEMA_VERSION`, `AUDIT_CHAIN_BROKEN`.
    #[uniffi::constructor]
    pub fn from_json(log_json: String) -> Result<Arc<Self>> {
        guarded(|| Ok(Self::of(AuditLog::from_json(&log_json)?)))
    }

    /// A log read from JSON Lines, its chain verified (`AuditLog::from_jsonl`).
    #[uniffi::constructor]
    pub fn from_jsonl(jsonl: String) -> Result<Arc<Self>> {
        guarded(|| Ok(Self::of(AuditLog::from_jsonl(&jsonl)?)))
    }

    /// Appends an audit event (the `event` of `disclosureCreateItem`); returns the new entry.
    pub fn append_event(&self, event: AuditEvent) -> Result<AuditEntry> {
        guarded(|| Ok(self.lock()?.append(event)))
    }

    /// Applies a workflow action (`disclosure::apply`, errors as `disclosureApplyAction`) and appends its
    /// event; nothing is appended when the action is refused.
    pub fn apply_action(
        &self,
        policy: &Policy,
        context: DisclosureContext,
        item: DisclosureItem,
        action: Action,
    ) -> Result<Applied> {
        guarded(|| {
            let ctx = DisclosureContext::new(context.orgs, context.roles)?;
            let applied = core::apply(&policy.inner, &ctx, &item, &action)?;
            self.lock()?.append(applied.event.clone());
            Ok(applied)
        })
    }

    /// Appends an event document: `{"entries":[…],"head":…}` (`disclosure::append_event_json`).
    pub fn append(&self, event_json: String) -> Result<String> {
        guarded(|| Ok(core::append_event_json(&mut *self.lock()?, &event_json)?))
    }

    /// Applies an action document and appends its event: `{"item":…,"entries":[…],"head":…}`
    /// (`disclosure::apply_to_log_json`).
    pub fn apply(
        &self,
        policy: &Policy,
        context_json: String,
        item_json: String,
        action_json: String,
    ) -> Result<String> {
        guarded(|| {
            let mut log = self.lock()?;
            let p = &policy.inner;
            Ok(core::apply_to_log_json(
                p,
                &context_json,
                &item_json,
                &action_json,
                &mut log,
            )?)
        })
    }

    /// The head: entries, last hash, last checkpoint.
    pub fn head(&self) -> Result<AuditHead> {
        guarded(|| Ok(self.lock()?.head()))
    }

    /// The whole log.
    pub fn log(&self) -> Result<AuditLog> {
        guarded(|| Ok(self.lock()?.clone()))
    }

    /// The number of entries.
    pub fn len(&self) -> Result<u64> {
        guarded(|| Ok(self.lock()?.entries.len() as u64))
    }

    /// Whether the log has no entries.
    pub fn is_empty(&self) -> Result<bool> {
        guarded(|| Ok(self.lock()?.entries.is_empty()))
    }

    /// Verifies integrity only (`authenticated = false`).
    pub fn verify(&self) -> Result<Verification> {
        guarded(|| Ok(self.lock()?.verify()))
    }

    /// Verifies integrity and authenticity with the organization's SM2 public key (SPKI PEM). Error:
    /// `INVALID_PUBLIC_KEY`.
    pub fn verify_with_key(&self, public_key_pem: String) -> Result<Verification> {
        guarded(|| {
            let key = AuditVerifyingKey::from_pem(&public_key_pem)?;
            Ok(self.lock()?.verify_with_key(&key))
        })
    }

    /// Signs the head with the organization's SM2 private key (PKCS#8 PEM); returns the checkpoint. Sign at
    /// every export. Errors: `INVALID_PRIVATE_KEY`, `ALREADY_SIGNED`.
    pub fn sign(&self, private_key_pem: String) -> Result<Checkpoint> {
        guarded(|| {
            let key = AuditSigningKey::from_pem(&private_key_pem)?;
            Ok(self.lock()?.sign(&key)?.clone())
        })
    }

    /// The log as its JSON document.
    pub fn to_json(&self) -> Result<String> {
        guarded(|| Ok(self.lock()?.to_json()))
    }

    /// The log as JSON Lines.
    pub fn to_jsonl(&self) -> Result<String> {
        guarded(|| Ok(self.lock()?.to_jsonl()))
    }
}
