//! The signed checkpoints, the head and the streaming verifier: what is found and what is not.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use proptest::prelude::*;

use super::*;
use crate::disclosure::Status;

// Throwaway SM2 keys made with `openssl genpkey -algorithm SM2` for these tests only: never use them.
const KEY: &str = r"-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQg3D3keRvGdgtuUlIn
dD3a/W+s6uahh1qtiznFJhJmoS+hRANCAARLcdkOv6CTnx8xC93JD9lqFiXkA4+1
ICFTDv31ylDFLazSSc6fURP8vTicP9OmpckpJhu5Q9fag1i/2mdT5KHw
-----END PRIVATE KEY-----
";
const KEY_PUB: &str = r"-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAES3HZDr+gk58fMQvdyQ/ZahYl5AOP
tSAhUw799cpQxS2s0knOn1ET/L04nD/TpqXJKSYbuUPX2oNYv9pnU+Sh8A==
-----END PUBLIC KEY-----
";
const OTHER_KEY: &str = r"-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgU15cG0tiJpzNBI74
nCjP/SBKA8B+8K91tDprAc1ykpChRANCAASVOgr4LBCrDFEjLSERbyyQm245dvEN
jbrOhIySZ29BsTyswn6BEDbuwg/z55G9gFzWQJY9qi5QiOHF/FZNLCim
-----END PRIVATE KEY-----
";
const OTHER_PUB: &str = r"-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAElToK+CwQqwxRIy0hEW8skJtuOXbx
DY26zoSMkmdvQbE8rMJ+gRA27sIP8+eRvYBc1kCWPaouUIjhxfxWTSwopg==
-----END PUBLIC KEY-----
";

fn key() -> AuditSigningKey {
    AuditSigningKey::from_pem(KEY).unwrap()
}

fn public() -> AuditVerifyingKey {
    AuditVerifyingKey::from_pem(KEY_PUB).unwrap()
}

fn event(i: usize) -> AuditEvent {
    AuditEvent {
        item_id: format!("D{}", i % 3),
        action: "propose".into(),
        actor: "P1".into(),
        at: "2026-03-02T09:00:00+08:00".parse().unwrap(),
        from: Status::Draft,
        to: Status::Proposed,
        comment: String::new(),
        version: 0,
        content_sha256: "ab".into(),
    }
}

/// `n` entries, signed at each count in `signed_at` (0 signs the empty log).
fn log_signed_at(n: usize, signed_at: &[usize]) -> AuditLog {
    let mut log = AuditLog::new();
    for i in 0..=n {
        if signed_at.contains(&i) {
            log.sign(&key()).unwrap();
        }
        if i < n {
            log.append(event(i));
        }
    }
    log
}

fn verdict(v: &Verification) -> (bool, Option<u64>, Option<&str>) {
    (v.valid, v.first_broken, v.code.as_deref())
}

/// Edits entry `i` and recomputes every hash after it with the library's own functions, as a forger would.
fn forge(log: &AuditLog, i: usize) -> AuditLog {
    let mut f = log.clone();
    f.entries[i].event.actor = "FORGER".into();
    let mut prev = if i == 0 {
        GENESIS_HASH.to_owned()
    } else {
        f.entries[i - 1].hash.clone()
    };
    for e in f.entries.iter_mut().skip(i) {
        e.prev_hash = prev;
        e.hash = e.compute_hash();
        prev = e.hash.clone();
    }
    f
}

#[test]
fn keys_read_from_openssl_pem_and_their_ids_match() {
    let k = key();
    let p = public();
    assert_eq!(k.key_id(), p.key_id());
    assert_eq!(k.key_id().len(), 64);
    assert_ne!(
        AuditVerifyingKey::from_pem(OTHER_PUB).unwrap().key_id(),
        p.key_id()
    );
    // Each kind of key refused where the other is expected, and garbage refused, with the field.
    for bad in [
        KEY_PUB,
        "",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
    ] {
        let e = AuditSigningKey::from_pem(bad).unwrap_err();
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            ("INVALID_PRIVATE_KEY", "private_key")
        );
    }
    for bad in [KEY, "", "MFkw"] {
        assert_eq!(
            AuditVerifyingKey::from_pem(bad).unwrap_err().code(),
            "INVALID_PUBLIC_KEY"
        );
    }
    // The public key written back is the one read.
    assert_eq!(p.to_pem().unwrap().trim(), KEY_PUB.trim());
    // The secret never shows in debug output.
    assert!(!format!("{k:?}").contains("secret"));
}

#[test]
fn signing_is_deterministic_and_binds_every_field() {
    let k = key();
    let a = k.sign(3, &"a".repeat(64)).unwrap();
    assert_eq!(a, k.sign(3, &"a".repeat(64)).unwrap());
    assert_eq!((a.algorithm.as_str(), a.signature.len()), ("SM2-SM3", 128));
    let p = public();
    assert_eq!(p.check(&a), Ok(()));
    let mut c = a.clone();
    c.entries = 4;
    assert_eq!(p.check(&c), Err("SIGNATURE_INVALID"));
    let mut c = a.clone();
    c.head = "b".repeat(64);
    assert_eq!(p.check(&c), Err("SIGNATURE_INVALID"));
    let mut c = a.clone();
    c.algorithm = "SM2".into();
    assert_eq!(p.check(&c), Err("SIGNATURE_INVALID"));
    let mut c = a.clone();
    c.signature = "zz".into();
    assert_eq!(p.check(&c), Err("SIGNATURE_INVALID"));
    let mut c = a.clone();
    c.signature.replace_range(
        0..2,
        if &a.signature[0..2] == "00" {
            "01"
        } else {
            "00"
        },
    );
    assert_eq!(p.check(&c), Err("SIGNATURE_INVALID"));
    // Another key's signature, with or without our key id written on it.
    let other = AuditSigningKey::from_pem(OTHER_KEY)
        .unwrap()
        .sign(3, &"a".repeat(64))
        .unwrap();
    assert_eq!(p.check(&other), Err("KEY_MISMATCH"));
    let mut claimed = other.clone();
    claimed.key_id = p.key_id().to_owned();
    assert_eq!(p.check(&claimed), Err("SIGNATURE_INVALID"));
}

#[test]
fn a_signed_log_verifies_with_its_key_and_says_so() {
    let log = log_signed_at(10, &[5, 10]);
    let v = log.verify_with_key(&public());
    assert_eq!(verdict(&v), (true, None, None));
    assert!(v.authenticated);
    assert_eq!((v.entries, v.checkpoints), (10, 2));
    assert_eq!(v.key_id.as_deref(), Some(public().key_id()));
    // Without the key: the same chain holds, but nothing about who wrote it.
    let v = log.verify();
    assert!(v.valid && !v.authenticated && v.key_id.is_none());
    // Signing again at the same head adds nothing.
    let mut again = log.clone();
    again.sign(&key()).unwrap();
    assert_eq!(again, log);
    // Another key cannot sign over a head already signed.
    let other = AuditSigningKey::from_pem(OTHER_KEY).unwrap();
    assert_eq!(again.sign(&other).unwrap_err().code(), "ALREADY_SIGNED");
    // The empty log, signed, verifies; unsigned it does not, with a key.
    assert!(
        log_signed_at(0, &[0])
            .verify_with_key(&public())
            .authenticated
    );
    assert_eq!(
        verdict(&AuditLog::new().verify_with_key(&public())),
        (false, Some(0), Some("NOT_SIGNED"))
    );
}

#[test]
fn a_forged_and_rehashed_log_fails_with_the_key() {
    let log = log_signed_at(12, &[12]);
    let forged = forge(&log, 9);
    // The forger's chain holds together.
    let mut stripped = forged.clone();
    stripped.checkpoints.clear();
    assert!(stripped.verify().valid);
    assert!(!stripped.verify().authenticated);
    // With the key: the checkpoint names the old head; dropped, nothing is signed; re-pointed, the
    // signature fails; re-signed by the forger's own key, the key does not match.
    assert_eq!(
        verdict(&forged.verify_with_key(&public())),
        (false, Some(11), Some("CHECKPOINT_MISMATCH"))
    );
    assert_eq!(
        verdict(&stripped.verify_with_key(&public())),
        (false, Some(0), Some("NOT_SIGNED"))
    );
    let mut repointed = forged.clone();
    repointed.checkpoints[0].head = forged.entries[11].hash.clone();
    assert_eq!(
        verdict(&repointed.verify_with_key(&public())),
        (false, Some(11), Some("SIGNATURE_INVALID"))
    );
    let mut resigned = stripped.clone();
    resigned
        .sign(&AuditSigningKey::from_pem(OTHER_KEY).unwrap())
        .unwrap();
    assert_eq!(
        verdict(&resigned.verify_with_key(&public())),
        (false, Some(11), Some("KEY_MISMATCH"))
    );
    // A wrong public key fails the genuine log.
    let wrong = AuditVerifyingKey::from_pem(OTHER_PUB).unwrap();
    assert_eq!(
        verdict(&log.verify_with_key(&wrong)),
        (false, Some(11), Some("KEY_MISMATCH"))
    );
}

#[test]
fn insertion_deletion_reordering_and_truncation_of_signed_entries() {
    let log = log_signed_at(8, &[4, 8]);
    let key = public();
    let mut deleted = log.clone();
    deleted.entries.remove(2);
    assert_eq!(
        verdict(&deleted.verify_with_key(&key)),
        (false, Some(2), Some("SEQUENCE_BROKEN"))
    );
    let mut swapped = log.clone();
    swapped.entries.swap(5, 6);
    assert_eq!(
        verdict(&swapped.verify_with_key(&key)),
        (false, Some(5), Some("SEQUENCE_BROKEN"))
    );
    // Cut inside the signed part, checkpoint kept: found even without the key.
    let mut cut = log.clone();
    cut.entries.truncate(6);
    assert_eq!(
        verdict(&cut.verify()),
        (false, Some(6), Some("CHECKPOINT_BEYOND_END"))
    );
    assert_eq!(
        verdict(&cut.verify_with_key(&key)),
        (false, Some(6), Some("CHECKPOINT_BEYOND_END"))
    );
    // Cut inside, the later checkpoint dropped: the tail after the remaining checkpoint is unsigned.
    cut.checkpoints.pop();
    assert_eq!(
        verdict(&cut.verify_with_key(&key)),
        (false, Some(4), Some("UNSIGNED_TAIL"))
    );
    // Cut back exactly to an earlier checkpoint, the later ones dropped: a genuinely signed shorter log.
    // NOT detectable by signatures — only by a receipt of the last head.
    let mut back = log.clone();
    back.entries.truncate(4);
    back.checkpoints.pop();
    assert!(back.verify_with_key(&key).authenticated);
    let receipt = log.head();
    let v = with_receipt(back.verify_with_key(&key), receipt.entries, &receipt.hash);
    assert_eq!(verdict(&v), (false, Some(4), Some("HEAD_MISMATCH")));
    // Entries added after the last checkpoint are not authenticated.
    let mut added = log.clone();
    added.append(event(99));
    assert_eq!(
        verdict(&added.verify_with_key(&key)),
        (false, Some(8), Some("UNSIGNED_TAIL"))
    );
    assert!(added.verify().valid);
    // Checkpoints out of order.
    let mut order = log.clone();
    order.checkpoints.swap(0, 1);
    assert_eq!(
        verdict(&order.verify()),
        (false, Some(3), Some("CHECKPOINT_ORDER"))
    );
}

#[test]
fn the_head_appends_as_the_log_does_and_checks_its_shape() {
    let mut log = log_signed_at(3, &[3]);
    let mut head = AuditHead::from_json(&serde_json::to_string(&log.head()).unwrap()).unwrap();
    assert_eq!(head.checkpoint.as_ref().map(|c| c.entries), Some(3));
    for i in 0..5 {
        let e = head.append(event(i));
        assert_eq!(e, log.append(event(i)));
    }
    assert_eq!(head, log.head());
    for (json, field) in [
        (
            r#"{"entries":1,"hash":"0000000000000000000000000000000000000000000000000000000000000000"}"#,
            "hash",
        ),
        (
            r#"{"entries":0,"hash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}"#,
            "hash",
        ),
        (
            r#"{"entries":1,"hash":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#,
            "hash",
        ),
        (r#"{"entries":1}"#, "hash"),
        (r#"{"entries":-1,"hash":""}"#, "entries"),
    ] {
        let e = AuditHead::from_json(json).unwrap_err();
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            ("INVALID_AUDIT_HEAD_JSON", field),
            "{json}"
        );
    }
    let mut ahead = log.head();
    ahead.checkpoint = log.checkpoints.first().cloned().map(|mut c| {
        c.entries = 100;
        c
    });
    let e = AuditHead::from_json(&serde_json::to_string(&ahead).unwrap()).unwrap_err();
    assert_eq!(e.detail().field, "checkpoint");
}

#[test]
fn json_lines_round_trip_and_stream_the_same_verdicts() {
    let log = log_signed_at(6, &[0, 3, 6]);
    let text = log.to_jsonl();
    assert_eq!(text.lines().count(), 1 + 6 + 3);
    assert_eq!(AuditLog::from_jsonl_unverified(&text).unwrap(), log);
    let v = verify_lines(&text, Some(&public())).unwrap();
    assert_eq!(v, log.verify_with_key(&public()));
    assert!(v.authenticated);
    let forged = forge(&log, 4);
    assert_eq!(
        verify_lines(&forged.to_jsonl(), Some(&public())).unwrap(),
        forged.verify_with_key(&public())
    );
    // A checkpoint line moved before its entries.
    let mut lines: Vec<&str> = text.lines().collect();
    lines.swap(4, 5);
    let v = verify_lines(&lines.join("\n"), None).unwrap();
    assert_eq!(verdict(&v).2, Some("CHECKPOINT_BEYOND_END"));
    // ... or after a later entry.
    let mut lines: Vec<&str> = text.lines().collect();
    lines.swap(5, 6);
    let v = verify_lines(&lines.join("\n"), None).unwrap();
    assert_eq!(verdict(&v), (false, Some(2), Some("CHECKPOINT_ORDER")));
    // Bad lines are coded errors naming the line; a header only first.
    let e = verify_lines("{\"schema_version\":1}\n\n{\"seq\":0,\"event\":{}}", None).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_AUDIT_JSON", "line 3: event.item_id")
    );
    let e = verify_lines("\n{\"schema_version\":1}", None).unwrap_err();
    assert_eq!(e.detail().field, "line 2");
    let e = verify_lines("{\"schema_version\":2}", None).unwrap_err();
    assert_eq!(e.code(), "UNSUPPORTED_SCHEMA_VERSION");
    let e = verify_lines("{\"checkpoint\":{},\"schema_version\":1}", None).unwrap_err();
    assert_eq!(e.code(), "INVALID_AUDIT_JSON");
}

#[test]
fn entry_lines_read_in_place_verify_as_the_whole_log_does_escapes_and_other_time_forms_included() {
    let mut log = AuditLog::new();
    for (i, (comment, at)) in [
        ("同意", "2026-03-02T09:00:00+08:00"),
        ("含\"引号\"与\n换行", "2026-03-02T01:00:00Z"),
        ("\u{1F600}", "2026-03-02T09:00:00.250-05:00"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut e = event(i);
        e.comment = comment.into();
        e.at = at.parse().unwrap();
        log.append(e);
    }
    let text = log.to_jsonl();
    let v = verify_lines(&text, None).unwrap();
    assert_eq!((v.valid, v.entries), (true, 3));
    assert_eq!(v, log.verify());
    // A changed comment (escaped) breaks the hash there, as in the whole log.
    let tampered = text.replacen("与\\n换行", "与\\t换行", 1);
    assert_ne!(tampered, text);
    let v = verify_lines(&tampered, None).unwrap();
    assert_eq!(verdict(&v), (false, Some(1), Some("HASH_MISMATCH")));
    // An entry line the in-place read refuses is answered by the full reader: an unknown field is named.
    let extra = text.replacen("\"seq\":2,", "\"seq\":2,\"note\":1,", 1);
    let e = verify_lines(&extra, None).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_AUDIT_JSON", "line 4: note")
    );
}

#[test]
fn json_entry_points_sign_verify_and_append_at_the_head() {
    let log = log_signed_at(4, &[]);
    let signed = sign_audit_json(&log.to_json(), KEY).unwrap();
    let v: Verification =
        serde_json::from_str(&verify_audit_signed_json(&signed, KEY_PUB).unwrap()).unwrap();
    assert!(v.authenticated);
    let v: Verification =
        serde_json::from_str(&verify_audit_signed_json(&signed, OTHER_PUB).unwrap()).unwrap();
    assert_eq!(v.code.as_deref(), Some("KEY_MISMATCH"));
    assert_eq!(
        verify_audit_signed_json("{}", KEY_PUB).unwrap_err().code(),
        "INVALID_AUDIT_JSON"
    );
    let mut broken = log.clone();
    broken.entries[1].event.comment = "x".into();
    let e = sign_audit_json(&broken.to_json(), KEY).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("AUDIT_CHAIN_BROKEN", "entries[1]")
    );
    // Appending at the head gives the entry appending to the whole log gives.
    let head = audit_head_json(&signed).unwrap();
    let ev = serde_json::to_string(&event(7)).unwrap();
    let out: serde_json::Value =
        serde_json::from_str(&audit_append_head_json(&head, &ev).unwrap()).unwrap();
    let whole: AuditLog = serde_json::from_str(&audit_append_json(&signed, &ev).unwrap()).unwrap();
    let entry: AuditEntry = serde_json::from_value(out["entries"][0].clone()).unwrap();
    assert_eq!(&entry, whole.entries.last().unwrap());
    let new_head: AuditHead = serde_json::from_value(out["head"].clone()).unwrap();
    assert_eq!(new_head, whole.head());
    let e = audit_append_head_json(&head, "{}").unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_AUDIT_EVENT_JSON", "item_id")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Editing any signed entry and rehashing everything after it never verifies with the key, wherever
    /// the checkpoints are; the stream verifier agrees with the whole-log verifier.
    #[test]
    fn no_rehashed_edit_of_a_signed_entry_verifies(n in 1usize..20, edit in 0usize..20, every in 1usize..6) {
        let edit = edit % n;
        let mut at: Vec<usize> = (1..=n).filter(|i| i % every == 0).collect();
        at.push(n);
        let log = log_signed_at(n, &at);
        prop_assert!(log.verify_with_key(&public()).authenticated);
        let forged = forge(&log, edit);
        let v = forged.verify_with_key(&public());
        prop_assert!(!v.valid);
        prop_assert_eq!(verify_lines(&forged.to_jsonl(), Some(&public())).unwrap(), v);
    }
}
