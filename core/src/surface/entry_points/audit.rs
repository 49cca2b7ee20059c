//! The audit table of the JSON-document entry points (the grammar is in the parent module).

/// The disclosure audit trail at its head, SM2 signatures and JSON Lines (`crate::disclosure::AuditLog`).
///
/// ```text
/// dangjian::audit_entry_points!(my_renderer);
/// ```
#[macro_export]
macro_rules! audit_entry_points {
    ($render:ident) => {
        $render! {
            /// Applies one workflow action and appends its event at the chain's head, in constant time whatever
            /// the log's length: `{"item":…,"entries":[…],"head":…}`, the entries to add to the end of the stored
            /// log and the head after them.
            ///
            /// ```text
            /// head {"entries":3,"hash":"…"}, action {"action":"publish",…}
            ///   →   {"item":{"status":"published",…},"entries":[{"seq":3,…}],"head":{"entries":4,…}}
            /// ```
            fn disclosure_apply_at_head = [$crate::disclosure::apply_head_json](
                policy: policy,
                context: doc("INVALID_CONTEXT_JSON", "DisclosureContext"),
                item: doc("INVALID_ITEM_JSON", "DisclosureItem"),
                action: doc("INVALID_ACTION_JSON", "DisclosureAction"),
                head: doc("INVALID_AUDIT_HEAD_JSON", "AuditHead"),
            ) -> String, js(both "Appended"), uniffi disclosure_apply_at_head;
        }
        $render! {
            /// Appends an audit event at the chain's head, in constant time: `{"entries":[…],"head":…}`, the entry
            /// to add to the end of the stored log and the head after it.
            ///
            /// ```text
            /// head {"entries":3,"hash":"…"}, event {…}   →   {"entries":[{"seq":3,…}],"head":{"entries":4,"hash":"…"}}
            /// ```
            fn disclosure_audit_append_at_head = [$crate::disclosure::audit_append_head_json](
                head: doc("INVALID_AUDIT_HEAD_JSON", "AuditHead"),
                event: doc("INVALID_AUDIT_EVENT_JSON", "AuditEvent"),
            ) -> String, js(both "Appended"), uniffi disclosure_audit_append_at_head;
        }
        $render! {
            /// The head of a verified log (its number of entries, its last hash and its last checkpoint), to
            /// append at later without reading the log again.
            ///
            /// ```text
            /// a log of 4 entries   →   {"entries":4,"hash":"…"}
            /// ```
            fn disclosure_audit_head = [$crate::disclosure::audit_head_json](
                log: doc("INVALID_AUDIT_JSON", "AuditLog"),
            ) -> String, js(none), uniffi disclosure_audit_head;
        }
        $render! {
            /// Signs a log's head with the organization's SM2 private key (PKCS#8 PEM): the log with a new
            /// checkpoint. Errors: `INVALID_PRIVATE_KEY`, `INVALID_AUDIT_JSON`, `AUDIT_CHAIN_BROKEN`,
            /// `ALREADY_SIGNED`.
            ///
            /// ```text
            /// a log of 4 entries, "-----BEGIN PRIVATE KEY-----…"
            ///   →   the log with "checkpoints":[{"entries":4,"head":"…","algorithm":…,"key_id":…,"signature":…}]
            /// ```
            fn disclosure_audit_sign = [$crate::disclosure::sign_audit_json](
                log: doc("INVALID_AUDIT_JSON", "AuditLog"),
                private_key_pem: str,
            ) -> String, js(object "AuditLog"), uniffi disclosure_audit_sign;
        }
        $render! {
            /// Verifies a log's chain and its signed checkpoints with the organization's SM2 public key (PEM):
            /// `"authenticated":true` only when the chain holds and the last checkpoint signs its head.
            ///
            /// ```text
            /// a signed log, "-----BEGIN PUBLIC KEY-----…"   →   {"valid":true,"authenticated":true,…}
            /// ```
            fn disclosure_verify_audit_signed = [$crate::disclosure::verify_audit_signed_json](
                log: doc("INVALID_AUDIT_JSON", "AuditLog"),
                public_key_pem: str,
            ) -> String, js(object "Verification"), uniffi disclosure_verify_audit_signed;
        }
        $render! {
            /// Verifies a log kept as JSON Lines (one entry a line, checkpoints as `{"checkpoint":…}` lines),
            /// line by line without holding it; with a public key, its signatures too. A malformed line is
            /// `INVALID_AUDIT_JSON` naming `line N: field`.
            ///
            /// ```text
            /// "{…entry 0…}\n{…entry 1…}\n", no key   →   {"valid":true,"entries":2,"authenticated":false,…}
            /// ```
            fn disclosure_verify_audit_jsonl = [$crate::disclosure::verify_audit_jsonl](
                jsonl: str,
                public_key_pem: opt_str,
            ) -> String, js(object "Verification"), uniffi disclosure_verify_audit_jsonl;
        }
    };
}
