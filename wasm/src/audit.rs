//! The disclosure audit trail (core `dangjian::disclosure::AuditLog`): appending at the chain's head in
//! constant time, the organization's SM2 signatures over the head (国密 SM2 with SM3; PEM keys), verification
//! with or without the public key, JSON Lines verified line by line, and the [`AuditTrail`] class that holds
//! a log in memory (the functions over JSON documents are in [`crate::entry_points`]). Without a public key a verification checks integrity only (`authenticated: false`):
//! anyone can rewrite a log and recompute its hashes.

use dangjian::disclosure::{self as core, AuditLog, AuditSigningKey, AuditVerifyingKey};
use wasm_bindgen::prelude::*;

use crate::convert::{parse_json, stringify, to_js};
use crate::error::ApiError;
use crate::policy::Policy;

const EVENT: &str = "INVALID_AUDIT_EVENT_JSON";

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
