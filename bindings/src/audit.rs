//! The disclosure audit trail: appending at the chain's head (constant time, whatever the log's length),
//! signing a log's head with the organization's SM2 key (国密 SM2 with SM3; PEM keys) and verifying with its
//! public key, JSON Lines verified line by line, and the [`AuditTrail`] object that holds a log in memory.
//!
//! Documents cross as JSON strings in the core's contract (`dangjian::disclosure::*_json`). Without a
//! public key a verification checks integrity only (`"authenticated":false`): anyone can rewrite a log and
//! recompute its hashes. See the core's `disclosure::AuditLog` docs for exactly what a signature guarantees.

use std::sync::{Arc, Mutex, MutexGuard};

use dangjian::disclosure::{self as core, AuditLog, AuditSigningKey, AuditVerifyingKey};

use crate::credits::to_json;
use crate::error::{guarded, DangjianError, Result};
use crate::policy::Policy;

/// Applies one workflow action at the chain's head (`disclosure::apply_head_json`), in constant time: the
/// head (`{"entries":53,"hash":"…","checkpoint":{…}}`, as [`disclosure_audit_head`] or the last call gave it)
/// in; `{"item":…,"entries":[…],"head":…}` out — add `entries` to the end of the stored log, keep `head`.
///
/// Errors: `DangjianException.InvalidInput` — as `disclosureApply`, and `INVALID_AUDIT_HEAD_JSON` at the
/// head's field at fault.
///
/// ```kotlin
/// val out = JSONObject(disclosureApplyAtHead(Policy.bundled(), ctx, item, action, head))
/// ```
#[uniffi::export]
pub fn disclosure_apply_at_head(
    policy: &Policy,
    context_json: String,
    item_json: String,
    action_json: String,
    head_json: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::apply_head_json(
            &policy.inner,
            &context_json,
            &item_json,
            &action_json,
            &head_json,
        )?)
    })
}

/// Appends an audit event at the chain's head (`disclosure::audit_append_head_json`), in constant time:
/// `{"entries":[…],"head":…}`. The empty log's head is `{"entries":0,"hash":"000…0"}` (64 zeros).
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_AUDIT_HEAD_JSON`, `INVALID_AUDIT_EVENT_JSON`.
///
/// ```kotlin
/// val out = JSONObject(disclosureAuditAppendAtHead(head, created.getJSONObject("event").toString()))
/// ```
#[uniffi::export]
pub fn disclosure_audit_append_at_head(head_json: String, event_json: String) -> Result<String> {
    guarded(|| Ok(core::audit_append_head_json(&head_json, &event_json)?))
}

/// The head of a log (verified first): `{"entries":…,"hash":…,"checkpoint":…}`.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_AUDIT_JSON`, `AUDIT_CHAIN_BROKEN` at `entries[i]`.
///
/// ```kotlin
/// val head = disclosureAuditHead(logJson)
/// ```
#[uniffi::export]
pub fn disclosure_audit_head(log_json: String) -> Result<String> {
    guarded(|| Ok(core::audit_head_json(&log_json)?))
}

/// Signs a log's head with the organization's SM2 private key (PKCS#8 PEM, `openssl genpkey -algorithm
/// SM2`): the log with a new checkpoint. Deterministic (no randomness needed).
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_PRIVATE_KEY` at `private_key`, `INVALID_AUDIT_JSON`,
/// `AUDIT_CHAIN_BROKEN` (a broken chain is never signed), `ALREADY_SIGNED`.
///
/// ```kotlin
/// val signed = disclosureAuditSign(logJson, File("org.key.pem").readText())
/// ```
#[uniffi::export]
pub fn disclosure_audit_sign(log_json: String, private_key_pem: String) -> Result<String> {
    guarded(|| Ok(core::sign_audit_json(&log_json, &private_key_pem)?))
}

/// Verifies a log with the organization's SM2 public key (SubjectPublicKeyInfo PEM): the chain and every
/// checkpoint's signature; `{"valid":true,"entries":53,"head":"…","authenticated":true,"key_id":"…",
/// "checkpoints":1}`, or `valid:false` with `first_broken` and `code` (`CHECKPOINT_MISMATCH`, `NOT_SIGNED`,
/// `KEY_MISMATCH`, `SIGNATURE_INVALID`, `UNSIGNED_TAIL`, … and the chain's codes).
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_PUBLIC_KEY` at `public_key`, `INVALID_AUDIT_JSON`.
///
/// ```kotlin
/// val v = JSONObject(disclosureVerifyAuditSigned(logJson, File("org.pub.pem").readText()))
/// ```
#[uniffi::export]
pub fn disclosure_verify_audit_signed(log_json: String, public_key_pem: String) -> Result<String> {
    guarded(|| Ok(core::verify_audit_signed_json(&log_json, &public_key_pem)?))
}

/// Verifies a JSON Lines log line by line (an optional `{"schema_version":1}` line, one entry a line, each
/// checkpoint as `{"checkpoint":{…}}` after its entry), with the public key when given (`null`: integrity
/// only). The same verification document as [`disclosure_verify_audit_signed`].
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_PUBLIC_KEY`, `INVALID_AUDIT_JSON` at `line N: …`.
///
/// ```kotlin
/// val v = disclosureVerifyAuditJsonl(File("audit.jsonl").readText(), publicKeyPem)
/// ```
#[uniffi::export]
pub fn disclosure_verify_audit_jsonl(
    jsonl: String,
    public_key_pem: Option<String>,
) -> Result<String> {
    guarded(|| Ok(core::verify_audit_jsonl(&jsonl, public_key_pem.as_deref())?))
}

/// An audit log held in memory (`dangjian::disclosure::AuditLog`): append and apply in constant time, the
/// head, verification (with or without the public key), signing, export as JSON or JSON Lines. A call that
/// fails leaves the log as it was.
///
/// ```kotlin
/// val trail = AuditTrail()
/// trail.append(created.getJSONObject("event").toString())
/// trail.apply(Policy.bundled(), ctx, item, """{"action":"propose","actor":"P1","at":"…"}""")
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
}

#[uniffi::export]
impl AuditTrail {
    /// An empty log.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            inner: Mutex::new(AuditLog::new()),
        })
    }

    /// A log read from its JSON document (`{"schema_version":1,"entries":[…],"checkpoints":[…]}`), its chain
    /// verified. Errors: `INVALID_AUDIT_JSON`, `UNSUPPORTED_SCHEMA_VERSION`, `AUDIT_CHAIN_BROKEN`.
    #[uniffi::constructor]
    pub fn from_json(log_json: String) -> Result<Arc<Self>> {
        guarded(|| {
            Ok(Arc::new(Self {
                inner: Mutex::new(AuditLog::from_json(&log_json)?),
            }))
        })
    }

    /// A log read from JSON Lines, its chain verified. Errors: `INVALID_AUDIT_JSON` at `line N: …`,
    /// `AUDIT_CHAIN_BROKEN`.
    #[uniffi::constructor]
    pub fn from_jsonl(jsonl: String) -> Result<Arc<Self>> {
        guarded(|| {
            Ok(Arc::new(Self {
                inner: Mutex::new(AuditLog::from_jsonl(&jsonl)?),
            }))
        })
    }

    /// Appends an audit event (the `event` of `disclosureCreate`): `{"entries":[…],"head":…}`. Error:
    /// `INVALID_AUDIT_EVENT_JSON`.
    pub fn append(&self, event_json: String) -> Result<String> {
        guarded(|| Ok(core::append_event_json(&mut *self.lock()?, &event_json)?))
    }

    /// Applies a workflow action and appends its event: `{"item":…,"entries":[…],"head":…}`. Errors as
    /// `disclosureApply` (nothing is appended when the action is refused).
    pub fn apply(
        &self,
        policy: &Policy,
        context_json: String,
        item_json: String,
        action_json: String,
    ) -> Result<String> {
        guarded(|| {
            Ok(core::apply_to_log_json(
                &policy.inner,
                &context_json,
                &item_json,
                &action_json,
                &mut *self.lock()?,
            )?)
        })
    }

    /// The head: `{"entries":…,"hash":…,"checkpoint":…}`.
    pub fn head(&self) -> Result<String> {
        guarded(|| to_json(&self.lock()?.head()))
    }

    /// The number of entries.
    pub fn len(&self) -> Result<u64> {
        guarded(|| Ok(self.lock()?.entries.len() as u64))
    }

    /// Whether the log has no entries.
    pub fn is_empty(&self) -> Result<bool> {
        guarded(|| Ok(self.lock()?.entries.is_empty()))
    }

    /// Verifies integrity only (`"authenticated":false`).
    pub fn verify(&self) -> Result<String> {
        guarded(|| to_json(&self.lock()?.verify()))
    }

    /// Verifies integrity and authenticity with the organization's SM2 public key (SPKI PEM). Error:
    /// `INVALID_PUBLIC_KEY`.
    pub fn verify_with_key(&self, public_key_pem: String) -> Result<String> {
        guarded(|| {
            let key = AuditVerifyingKey::from_pem(&public_key_pem)?;
            to_json(&self.lock()?.verify_with_key(&key))
        })
    }

    /// Signs the head with the organization's SM2 private key (PKCS#8 PEM); returns the checkpoint. Sign at
    /// every export. Errors: `INVALID_PRIVATE_KEY`, `ALREADY_SIGNED`.
    pub fn sign(&self, private_key_pem: String) -> Result<String> {
        guarded(|| {
            let key = AuditSigningKey::from_pem(&private_key_pem)?;
            let mut log = self.lock()?;
            let checkpoint = log.sign(&key)?.clone();
            to_json(&checkpoint)
        })
    }

    /// The log as its JSON document.
    pub fn to_json(&self) -> Result<String> {
        guarded(|| to_json(&*self.lock()?))
    }

    /// The log as JSON Lines.
    pub fn to_jsonl(&self) -> Result<String> {
        guarded(|| Ok(self.lock()?.to_jsonl()))
    }
}
