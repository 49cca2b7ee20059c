//! The audit trail's JSON entry points, for bindings that speak JSON: append at the head (constant time), sign
//! a log, verify with or without the organization's public key, verify JSON Lines as they stream.
#![deny(clippy::arithmetic_side_effects)]

use super::head::{append_at_head, apply_at_head, Appended};
use super::{AuditEvent, AuditHead, AuditLog, AuditSigningKey, AuditVerifyingKey};
use crate::disclosure::{apply, Action, DisclosureContext, DisclosureItem};
use crate::error::{from_json, to_json};
use crate::{Policy, Result};

/// [`apply`] at the chain's head, in constant time whatever the log's length: `{"item":…,"entries":[…],
/// "head":…}` — the item after the action, the new entries to add to the end of the stored log, and the
/// new head to keep for the next action. Errors as [`crate::disclosure::apply_json`], and
/// `INVALID_AUDIT_HEAD_JSON` for the head.
///
/// ```
/// let ctx = r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#;
/// let new = r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#;
/// let created: serde_json::Value = serde_json::from_str(&dangjian::disclosure::create_json(ctx, new, "P1", "2026-03-02T09:00:00+08:00").unwrap()).unwrap();
/// let head = dangjian::disclosure::audit_append_head_json(r#"{"entries":0,"hash":"0000000000000000000000000000000000000000000000000000000000000000"}"#,
///     &created["event"].to_string()).unwrap();
/// let head: serde_json::Value = serde_json::from_str(&head).unwrap();
/// let out = dangjian::disclosure::apply_head_json(&dangjian::Policy::bundled(), ctx, &created["item"].to_string(),
///     r#"{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}"#, &head["head"].to_string()).unwrap();
/// assert!(out.contains(r#""status":"proposed""#) && out.contains(r#""seq":1"#) && out.contains(r#""entries":2"#));
/// ```
pub fn apply_head_json(
    policy: &Policy,
    context_json: &str,
    item_json: &str,
    action_json: &str,
    head_json: &str,
) -> Result<String> {
    let ctx = DisclosureContext::from_json(context_json)?;
    let item: DisclosureItem = from_json(item_json, "INVALID_ITEM_JSON")?;
    let action: Action = from_json(action_json, "INVALID_ACTION_JSON")?;
    let head = AuditHead::from_json(head_json)?;
    to_json(&apply_at_head(policy, &ctx, &item, &action, head)?)
}

/// [`apply`] appending to a log held in memory (the bindings' `AuditTrail`), in constant time:
/// `{"item":…,"entries":[…],"head":…}` as [`apply_head_json`].
///
/// ```
/// let ctx = r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#;
/// let new = r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#;
/// let created: serde_json::Value = serde_json::from_str(&dangjian::disclosure::create_json(ctx, new, "P1", "2026-03-02T09:00:00+08:00").unwrap()).unwrap();
/// let mut log = dangjian::disclosure::AuditLog::new();
/// dangjian::disclosure::append_event_json(&mut log, &created["event"].to_string()).unwrap();
/// dangjian::disclosure::apply_to_log_json(&dangjian::Policy::bundled(), ctx, &created["item"].to_string(),
///     r#"{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}"#, &mut log).unwrap();
/// assert_eq!(log.entries.len(), 2);
/// ```
pub fn apply_to_log_json(
    policy: &Policy,
    context_json: &str,
    item_json: &str,
    action_json: &str,
    log: &mut AuditLog,
) -> Result<String> {
    let ctx = DisclosureContext::from_json(context_json)?;
    let item: DisclosureItem = from_json(item_json, "INVALID_ITEM_JSON")?;
    let action: Action = from_json(action_json, "INVALID_ACTION_JSON")?;
    let applied = apply(policy, &ctx, &item, &action)?;
    let entry = log.append(applied.event);
    to_json(&Appended {
        item: Some(applied.item),
        entries: vec![entry],
        head: log.head(),
    })
}

/// Appends an event document to a log held in memory, in constant time: `{"entries":[…],"head":…}`.
/// Error: `INVALID_AUDIT_EVENT_JSON` naming the field.
///
/// ```
/// let mut log = dangjian::disclosure::AuditLog::new();
/// let e = dangjian::disclosure::append_event_json(&mut log, "{}").unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_AUDIT_EVENT_JSON", "item_id"));
/// ```
pub fn append_event_json(log: &mut AuditLog, event_json: &str) -> Result<String> {
    let event: AuditEvent = from_json(event_json, "INVALID_AUDIT_EVENT_JSON")?;
    let entry = log.append(event);
    to_json(&Appended {
        item: None,
        entries: vec![entry],
        head: log.head(),
    })
}

/// Appends an event at the chain's head in constant time: `{"entries":[…],"head":…}`. Errors:
/// `INVALID_AUDIT_HEAD_JSON`, `INVALID_AUDIT_EVENT_JSON` naming the field.
///
/// ```
/// let ev = r#"{"item_id":"D1","action":"create","actor":"P1","at":"2026-03-02T09:00:00+08:00","from":"draft",
///   "to":"draft","comment":"","version":0,"content_sha256":""}"#;
/// let out = dangjian::disclosure::audit_append_head_json(
///     r#"{"entries":0,"hash":"0000000000000000000000000000000000000000000000000000000000000000"}"#, ev).unwrap();
/// assert!(out.starts_with(r#"{"entries":[{"seq":0,"#) && out.contains(r#""head":{"entries":1,"#));
/// ```
pub fn audit_append_head_json(head_json: &str, event_json: &str) -> Result<String> {
    let head = AuditHead::from_json(head_json)?;
    let event: AuditEvent = from_json(event_json, "INVALID_AUDIT_EVENT_JSON")?;
    to_json(&append_at_head(head, event)?)
}

/// Appends an event to a whole log (read and verified first, so its cost grows with the log: a convenience;
/// [`audit_append_head_json`] is the constant-time way). Errors: `INVALID_AUDIT_JSON`, `AUDIT_CHAIN_BROKEN`
/// at `entries[i]`, `UNSUPPORTED_SCHEMA_VERSION`, `INVALID_AUDIT_EVENT_JSON`.
///
/// ```
/// let ev = r#"{"item_id":"D1","action":"create","actor":"P1","at":"2026-03-02T09:00:00+08:00","from":"draft",
///   "to":"draft","comment":"","version":0,"content_sha256":""}"#;
/// let out = dangjian::disclosure::audit_append_json(r#"{"schema_version":1,"entries":[]}"#, ev).unwrap();
/// assert!(out.contains(r#""seq":0"#));
/// ```
pub fn audit_append_json(log_json: &str, event_json: &str) -> Result<String> {
    let mut log = AuditLog::from_json(log_json)?;
    let event: AuditEvent = from_json(event_json, "INVALID_AUDIT_EVENT_JSON")?;
    log.append(event);
    to_json(&log)
}

/// The head of a log (verified first): `{"entries":…,"hash":…,"checkpoint":…}`, to append from.
///
/// ```
/// let out = dangjian::disclosure::audit_head_json(r#"{"schema_version":1,"entries":[]}"#).unwrap();
/// assert_eq!(out, r#"{"entries":0,"hash":"0000000000000000000000000000000000000000000000000000000000000000"}"#);
/// ```
pub fn audit_head_json(log_json: &str) -> Result<String> {
    to_json(&AuditLog::from_json(log_json)?.head())
}

/// Signs a log's head with the organization's SM2 private key (PKCS#8 PEM): the log with a new checkpoint
/// (see [`AuditLog::sign`]). Errors: `INVALID_PRIVATE_KEY`, `INVALID_AUDIT_JSON`, `AUDIT_CHAIN_BROKEN`,
/// `ALREADY_SIGNED`.
///
/// ```
/// let e = dangjian::disclosure::sign_audit_json(r#"{"schema_version":1,"entries":[]}"#, "").unwrap_err();
/// assert_eq!(e.code(), "INVALID_PRIVATE_KEY");
/// ```
pub fn sign_audit_json(log_json: &str, private_key_pem: &str) -> Result<String> {
    let key = AuditSigningKey::from_pem(private_key_pem)?;
    let mut log = AuditLog::from_json_unverified(log_json)?;
    log.sign(&key)?;
    to_json(&log)
}

/// Verifies a log's integrity and, with the organization's SM2 public key (SubjectPublicKeyInfo PEM), its
/// authenticity ([`AuditLog::verify_with_key`]). A broken or forged log is a report (`valid: false`), not an
/// error. Errors: `INVALID_PUBLIC_KEY`, `INVALID_AUDIT_JSON`, `UNSUPPORTED_SCHEMA_VERSION`.
///
/// ```
/// let e = dangjian::disclosure::verify_audit_signed_json(r#"{"schema_version":1,"entries":[]}"#, "x").unwrap_err();
/// assert_eq!(e.code(), "INVALID_PUBLIC_KEY");
/// ```
pub fn verify_audit_signed_json(log_json: &str, public_key_pem: &str) -> Result<String> {
    let key = AuditVerifyingKey::from_pem(public_key_pem)?;
    to_json(&AuditLog::from_json_unverified(log_json)?.verify_with_key(&key))
}

/// Verifies a JSON Lines log line by line ([`super::lines::verify_lines`]), with the public key when given
/// (`None`: integrity only). Errors: `INVALID_PUBLIC_KEY`, `INVALID_AUDIT_JSON` at `line N: …`.
///
/// ```
/// let out = dangjian::disclosure::verify_audit_jsonl("{\"schema_version\":1}\n", None).unwrap();
/// assert_eq!(out, r#"{"valid":true,"entries":0,"authenticated":false}"#);
/// ```
pub fn verify_audit_jsonl(jsonl: &str, public_key_pem: Option<&str>) -> Result<String> {
    let key = public_key_pem
        .map(AuditVerifyingKey::from_pem)
        .transpose()?;
    to_json(&super::lines::verify_lines(jsonl, key.as_ref())?)
}
