//! The disclosure audit trail (core `dangjian::disclosure::AuditLog`): appending at the chain's head in
//! constant time, the organization's SM2 signatures over the head (国密 SM2 with SM3; PEM keys), verification
//! with or without the public key, JSON Lines verified line by line, and the [`AuditTrail`] class that holds
//! a log in memory. Object functions return plain JS values; the `…Json` twins are byte for byte the core's
//! JSON entry points. Without a public key a verification checks integrity only (`authenticated: false`):
//! anyone can rewrite a log and recompute its hashes.

use dangjian::disclosure::{self as core, AuditLog, AuditSigningKey, AuditVerifyingKey};
use wasm_bindgen::prelude::*;

use crate::convert::{parse_json, stringify, to_js};
use crate::error::ApiError;
use crate::policy::Policy;

const AUDIT: &str = "INVALID_AUDIT_JSON";
const HEAD: &str = "INVALID_AUDIT_HEAD_JSON";
const EVENT: &str = "INVALID_AUDIT_EVENT_JSON";

/// Applies one action at the chain's head, in constant time: `{ item, entries, head }` — add `entries` to
/// the end of the stored log, keep `head` for the next action. Errors as `disclosureApply`, and
/// `INVALID_AUDIT_HEAD_JSON` for the head.
///
/// ```js
/// const out = disclosureApplyAtHead(Policy.bundled(), ctx, item, { action: "propose", actor: "P1", at }, head);
/// store.push(...out.entries); head = out.head;
/// ```
#[wasm_bindgen(js_name = disclosureApplyAtHead, unchecked_return_type = "Appended")]
pub fn disclosure_apply_at_head(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "DisclosureContext")] context: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem")] item: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureAction")] action: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AuditHead")] head: &JsValue,
) -> Result<JsValue, ApiError> {
    let p = &policy.inner;
    let json = core::apply_head_json(
        p,
        &stringify(context, "INVALID_CONTEXT_JSON")?,
        &stringify(item, "INVALID_ITEM_JSON")?,
        &stringify(action, "INVALID_ACTION_JSON")?,
        &stringify(head, HEAD)?,
    )?;
    parse_json(&json)
}

/// `disclosureApplyAtHead` over JSON.
///
/// ```js
/// const out = JSON.parse(disclosureApplyAtHeadJson(Policy.bundled(), ctxJson, itemJson, actionJson, headJson));
/// ```
#[wasm_bindgen(js_name = disclosureApplyAtHeadJson)]
pub fn disclosure_apply_at_head_json(
    policy: &Policy,
    #[wasm_bindgen(js_name = contextJson)] context_json: &str,
    #[wasm_bindgen(js_name = itemJson)] item_json: &str,
    #[wasm_bindgen(js_name = actionJson)] action_json: &str,
    #[wasm_bindgen(js_name = headJson)] head_json: &str,
) -> Result<String, ApiError> {
    let p = &policy.inner;
    let r = core::apply_head_json(p, context_json, item_json, action_json, head_json);
    Ok(r?)
}

/// Appends an audit event at the chain's head, in constant time: `{ entries, head }`. The empty log's head is
/// `{ entries: 0, hash: "000…0" }` (64 zeros).
///
/// ```js
/// const out = disclosureAuditAppendAtHead({ entries: 0, hash: "0".repeat(64) }, created.event);
/// ```
#[wasm_bindgen(js_name = disclosureAuditAppendAtHead, unchecked_return_type = "Appended")]
pub fn disclosure_audit_append_at_head(
    #[wasm_bindgen(unchecked_param_type = "AuditHead")] head: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AuditEvent")] event: &JsValue,
) -> Result<JsValue, ApiError> {
    let json = core::audit_append_head_json(&stringify(head, HEAD)?, &stringify(event, EVENT)?)?;
    parse_json(&json)
}

/// `disclosureAuditAppendAtHead` over JSON.
///
/// ```js
/// const out = JSON.parse(disclosureAuditAppendAtHeadJson(headJson, JSON.stringify(created.event)));
/// ```
#[wasm_bindgen(js_name = disclosureAuditAppendAtHeadJson)]
pub fn disclosure_audit_append_at_head_json(
    #[wasm_bindgen(js_name = headJson)] head_json: &str,
    #[wasm_bindgen(js_name = eventJson)] event_json: &str,
) -> Result<String, ApiError> {
    Ok(core::audit_append_head_json(head_json, event_json)?)
}

/// Signs a log's head with the organization's SM2 private key (PKCS#8 PEM): the log with a new checkpoint.
/// Errors: `INVALID_PRIVATE_KEY`, `AUDIT_CHAIN_BROKEN` (never signed), `ALREADY_SIGNED`.
///
/// ```js
/// const signed = disclosureAuditSign(log, privateKeyPem);
/// ```
#[wasm_bindgen(js_name = disclosureAuditSign, unchecked_return_type = "AuditLog")]
pub fn disclosure_audit_sign(
    #[wasm_bindgen(unchecked_param_type = "AuditLog")] log: &JsValue,
    #[wasm_bindgen(js_name = privateKeyPem)] private_key_pem: &str,
) -> Result<JsValue, ApiError> {
    let json = core::sign_audit_json(&stringify(log, AUDIT)?, private_key_pem)?;
    parse_json(&json)
}

/// Verifies a log with the organization's SM2 public key (SubjectPublicKeyInfo PEM): the chain and every
/// checkpoint's signature. `{ valid, entries, head?, authenticated, key_id, checkpoints?, first_broken?,
/// code? }`; a forged log is `valid: false` (`CHECKPOINT_MISMATCH`, `NOT_SIGNED`, `KEY_MISMATCH`,
/// `SIGNATURE_INVALID`, `UNSIGNED_TAIL`, …), not an error. Error: `INVALID_PUBLIC_KEY`.
///
/// ```js
/// disclosureVerifyAuditSigned(log, publicKeyPem).authenticated; // true
/// ```
#[wasm_bindgen(js_name = disclosureVerifyAuditSigned, unchecked_return_type = "Verification")]
pub fn disclosure_verify_audit_signed(
    #[wasm_bindgen(unchecked_param_type = "AuditLog")] log: &JsValue,
    #[wasm_bindgen(js_name = publicKeyPem)] public_key_pem: &str,
) -> Result<JsValue, ApiError> {
    let json = core::verify_audit_signed_json(&stringify(log, AUDIT)?, public_key_pem)?;
    parse_json(&json)
}

/// Verifies a JSON Lines log line by line, with the public key when given (otherwise integrity only).
/// Error: `INVALID_AUDIT_JSON` at `line N: …`, `INVALID_PUBLIC_KEY`.
///
/// ```js
/// disclosureVerifyAuditJsonl(text, publicKeyPem).valid;
/// ```
#[wasm_bindgen(js_name = disclosureVerifyAuditJsonl, unchecked_return_type = "Verification")]
pub fn disclosure_verify_audit_jsonl(
    jsonl: &str,
    #[wasm_bindgen(js_name = publicKeyPem)] public_key_pem: Option<String>,
) -> Result<JsValue, ApiError> {
    parse_json(&core::verify_audit_jsonl(jsonl, public_key_pem.as_deref())?)
}

/// An audit log held in memory: append and apply in constant time, the head, verification with or without
/// the public key, signing, export as JSON or JSON Lines. A call that throws leaves the log as it was.
///
/// ```js
/// const trail = new AuditTrail();
/// trail.append(created.event);
/// const { item } = trail.apply(Policy.bundled(), ctx, created.item, { action: "propose", actor: "P1", at });
/// trail.sign(privateKeyPem);
/// trail.verifyWithKey(publicKeyPem).authenticated; // true
/// ```
#[wasm_bindgen]
#[derive(Debug, Clone, Default)]
pub struct AuditTrail {
    inner: AuditLog,
}

#[wasm_bindgen]
impl AuditTrail {
    /// An empty log.
    ///
    /// ```js
    /// const trail = new AuditTrail();
    /// ```
    #[wasm_bindgen(constructor)]
    pub fn new() -> AuditTrail {
        AuditTrail::default()
    }

    /// A log read from its JSON document, its chain verified (`AUDIT_CHAIN_BROKEN` otherwise).
    ///
    /// ```js
    /// const trail = AuditTrail.fromJson(await readFile("audit-log.json", "utf8"));
    /// ```
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(js_name = logJson)] log_json: &str,
    ) -> Result<AuditTrail, ApiError> {
        Ok(AuditTrail {
            inner: AuditLog::from_json(log_json)?,
        })
    }

    /// A log read from JSON Lines, its chain verified.
    ///
    /// ```js
    /// const trail = AuditTrail.fromJsonl(await readFile("audit-log.jsonl", "utf8"));
    /// ```
    #[wasm_bindgen(js_name = fromJsonl)]
    pub fn from_jsonl(jsonl: &str) -> Result<AuditTrail, ApiError> {
        Ok(AuditTrail {
            inner: AuditLog::from_jsonl(jsonl)?,
        })
    }

    /// Appends an audit event: `{ entries, head }`. Error: `INVALID_AUDIT_EVENT_JSON`.
    ///
    /// ```js
    /// trail.append(created.event).head.entries; // 1
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Appended")]
    pub fn append(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AuditEvent")] event: &JsValue,
    ) -> Result<JsValue, ApiError> {
        parse_json(&core::append_event_json(
            &mut self.inner,
            &stringify(event, EVENT)?,
        )?)
    }

    /// Applies a workflow action and appends its event: `{ item, entries, head }`; nothing is appended when
    /// the action is refused.
    ///
    /// ```js
    /// const { item } = trail.apply(Policy.bundled(), ctx, created.item, { action: "propose", actor: "P1", at });
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Appended")]
    pub fn apply(
        &mut self,
        policy: &Policy,
        #[wasm_bindgen(unchecked_param_type = "DisclosureContext")] context: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "DisclosureItem")] item: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "DisclosureAction")] action: &JsValue,
    ) -> Result<JsValue, ApiError> {
        parse_json(&core::apply_to_log_json(
            &policy.inner,
            &stringify(context, "INVALID_CONTEXT_JSON")?,
            &stringify(item, "INVALID_ITEM_JSON")?,
            &stringify(action, "INVALID_ACTION_JSON")?,
            &mut self.inner,
        )?)
    }

    /// The head: `{ entries, hash, checkpoint? }`.
    ///
    /// ```js
    /// const { entries, hash } = trail.head();
    /// ```
    #[wasm_bindgen(unchecked_return_type = "AuditHead")]
    pub fn head(&self) -> Result<JsValue, ApiError> {
        to_js(&self.inner.head())
    }

    /// The number of entries.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> f64 {
        self.inner.entries.len() as f64
    }

    /// Verifies integrity only (`authenticated: false`).
    ///
    /// ```js
    /// trail.verify().valid; // true — but authenticated: false
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Verification")]
    pub fn verify(&self) -> Result<JsValue, ApiError> {
        to_js(&self.inner.verify())
    }

    /// Verifies integrity and authenticity with the organization's SM2 public key (SPKI PEM).
    ///
    /// ```js
    /// trail.verifyWithKey(publicKeyPem).authenticated; // true once signed
    /// ```
    #[wasm_bindgen(js_name = verifyWithKey, unchecked_return_type = "Verification")]
    pub fn verify_with_key(
        &self,
        #[wasm_bindgen(js_name = publicKeyPem)] public_key_pem: &str,
    ) -> Result<JsValue, ApiError> {
        let key = AuditVerifyingKey::from_pem(public_key_pem)?;
        to_js(&self.inner.verify_with_key(&key))
    }

    /// Signs the head with the organization's SM2 private key (PKCS#8 PEM); returns the checkpoint.
    ///
    /// ```js
    /// const checkpoint = trail.sign(privateKeyPem); // { entries, head, algorithm: "SM2-SM3", key_id, signature }
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Checkpoint")]
    pub fn sign(
        &mut self,
        #[wasm_bindgen(js_name = privateKeyPem)] private_key_pem: &str,
    ) -> Result<JsValue, ApiError> {
        let key = AuditSigningKey::from_pem(private_key_pem)?;
        let checkpoint = self.inner.sign(&key)?.clone();
        to_js(&checkpoint)
    }

    /// The log as its JSON document.
    ///
    /// ```js
    /// await writeFile("audit-log.json", trail.toJson());
    /// ```
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The log as JSON Lines.
    ///
    /// ```js
    /// await writeFile("audit-log.jsonl", trail.toJsonl());
    /// ```
    #[wasm_bindgen(js_name = toJsonl)]
    pub fn to_jsonl(&self) -> String {
        self.inner.to_jsonl()
    }
}
