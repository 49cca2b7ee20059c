//! `dangjian disclosure verify --public-key` and `dangjian disclosure sign`: what the signed checkpoints find
//! and what they cannot.
//!
//! `examples/data/audit-log.json` is the 53-entry example chain (seq 0–52) with one checkpoint over all 53,
//! signed with the example's SM2 key; its public key is `examples/data/audit-log.pub.pem`, its private key
//! the TEST-ONLY fixture `tests/fixtures/audit-log.TEST-ONLY.key.pem`. A second key is made here from a
//! fixed PEM (also test-only) to play the forger and the wrong key.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::{Path, PathBuf};

use common::{data_arg as data, run, stderr, stdout};
use dangjian::disclosure::{AuditLog, GENESIS_HASH};

/// A forger's own SM2 key (test-only).
const FORGER_KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQg3D3keRvGdgtuUlIn
dD3a/W+s6uahh1qtiznFJhJmoS+hRANCAARLcdkOv6CTnx8xC93JD9lqFiXkA4+1
ICFTDv31ylDFLazSSc6fURP8vTicP9OmpckpJhu5Q9fag1i/2mdT5KHw
-----END PRIVATE KEY-----
";
const FORGER_PUB: &str = "-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAES3HZDr+gk58fMQvdyQ/ZahYl5AOP
tSAhUw799cpQxS2s0knOn1ET/L04nD/TpqXJKSYbuUPX2oNYv9pnU+Sh8A==
-----END PUBLIC KEY-----
";

fn tmp(name: &str) -> PathBuf {
    common::tmp_in("audit", name)
}

fn write(name: &str, text: &str) -> String {
    let path = tmp(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn private_key() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/audit-log.TEST-ONLY.key.pem")
        .to_str()
        .unwrap()
        .to_owned()
}

fn example() -> AuditLog {
    AuditLog::from_json(&std::fs::read_to_string(data("audit-log.json")).unwrap()).unwrap()
}

/// Edits entry seq 10 and recomputes every hash after it with the library's own functions.
fn forged(mut log: AuditLog) -> AuditLog {
    log.entries[10].event.actor = "DY2026001".into();
    let mut prev = log.entries[9].hash.clone();
    for e in log.entries.iter_mut().skip(10) {
        e.prev_hash = prev;
        e.hash = e.compute_hash();
        prev = e.hash.clone();
    }
    log
}

fn verify(log: &str, key: &str) -> (Option<i32>, String) {
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "verify",
        log,
        "--public-key",
        key,
    ]);
    (out.status.code(), stdout(&out) + &stderr(&out))
}

#[test]
fn the_genuine_signed_example_passes_with_its_key() {
    let (code, text) = verify(&data("audit-log.json"), &data("audit-log.pub.pem"));
    assert_eq!(code, Some(0), "{text}");
    assert!(text.starts_with("OK: 53 entries, head "), "{text}");
    assert!(
        text.contains("signed: every entry is covered by a checkpoint signed with key "),
        "{text}"
    );
    // The tampered copy fails with the key too, at the edited entry.
    let (code, text) = verify(&data("audit-log-tampered.json"), &data("audit-log.pub.pem"));
    assert_eq!(code, Some(1), "{text}");
    assert!(text.starts_with("BROKEN: entry seq 38 "), "{text}");
}

#[test]
fn a_forged_and_rehashed_log_fails_with_the_key_and_passes_without() {
    let log = forged(example());
    // Checkpoint kept: it names the old head.
    let kept = write("forged-kept.json", &log.to_json());
    let (code, text) = verify(&kept, &data("audit-log.pub.pem"));
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("CHECKPOINT_MISMATCH"), "{text}");
    // Checkpoint dropped: the chain holds, and without a key verify says only that it is intact.
    let mut stripped = log.clone();
    stripped.checkpoints.clear();
    let stripped_file = write("forged-stripped.json", &stripped.to_json());
    let out = run(&["--lang", "en", "disclosure", "verify", &stripped_file]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("integrity only"), "{}", stdout(&out));
    let (code, text) = verify(&stripped_file, &data("audit-log.pub.pem"));
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("NOT_SIGNED"), "{text}");
    // Re-signed by the forger's own key: the key does not match.
    let forger_key = write("forger.key.pem", FORGER_KEY);
    let resigned = tmp("forged-resigned.json");
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "sign",
        &stripped_file,
        "--private-key",
        &forger_key,
        "-o",
        resigned.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (code, text) = verify(resigned.to_str().unwrap(), &data("audit-log.pub.pem"));
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("KEY_MISMATCH"), "{text}");
    // The head re-pointed by hand: the signature fails.
    let mut repointed = log.clone();
    repointed.checkpoints[0].head = log.entries[52].hash.clone();
    let repointed = write("forged-repointed.json", &repointed.to_json());
    let (code, text) = verify(&repointed, &data("audit-log.pub.pem"));
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("SIGNATURE_INVALID"), "{text}");
}

#[test]
fn a_wrong_public_key_fails_and_a_bad_key_file_is_unreadable_input() {
    let wrong = write("wrong.pub.pem", FORGER_PUB);
    let (code, text) = verify(&data("audit-log.json"), &wrong);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.starts_with(
            "BROKEN: entry seq 52 (item GK-2026-006; the 53rd of 53 entries): KEY_MISMATCH"
        ),
        "{text}"
    );
    let (code, text) = verify(&data("audit-log.json"), &data("board.json"));
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("INVALID_PUBLIC_KEY"), "{text}");
    // A private key where the public one is expected, and the other way round.
    let (code, _) = verify(&data("audit-log.json"), &private_key());
    assert_eq!(code, Some(2));
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "sign",
        &data("audit-log.json"),
        "--private-key",
        &data("audit-log.pub.pem"),
        "-o",
        tmp("never.json").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("INVALID_PRIVATE_KEY"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn truncation_past_the_last_checkpoint_is_found_and_back_to_an_earlier_one_is_not() {
    // Signed at 40 and at 53 (the example's key).
    let mut log = example();
    log.entries.truncate(40);
    log.checkpoints.clear();
    let at40 = write("at40.json", &log.to_json());
    let signed40 = tmp("signed40.json");
    let key = private_key();
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "sign",
        &at40,
        "--private-key",
        &key,
        "-o",
        signed40.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut two = AuditLog::from_json(&std::fs::read_to_string(&signed40).unwrap()).unwrap();
    let full = example();
    two.entries = full.entries.clone();
    two.checkpoints.push(full.checkpoints[0].clone());
    let two_file = write("two-checkpoints.json", &two.to_json());
    assert_eq!(verify(&two_file, &data("audit-log.pub.pem")).0, Some(0));

    // Cut to 45 entries, both checkpoints kept: the last one covers entries that are gone.
    let mut cut = two.clone();
    cut.entries.truncate(45);
    let (code, text) = verify(
        &write("cut45.json", &cut.to_json()),
        &data("audit-log.pub.pem"),
    );
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.starts_with("BROKEN: after the last of 45 entries: CHECKPOINT_BEYOND_END"),
        "{text}"
    );
    // ... and the last checkpoint dropped: entries seq 40–44 are unsigned.
    cut.checkpoints.pop();
    let (code, text) = verify(
        &write("cut45-dropped.json", &cut.to_json()),
        &data("audit-log.pub.pem"),
    );
    assert_eq!(code, Some(1), "{text}");
    assert!(text.starts_with("BROKEN: entry seq 40 "), "{text}");
    assert!(text.contains("UNSIGNED_TAIL"), "{text}");
    // Cut back exactly to the earlier checkpoint: a genuinely signed shorter log. The signatures cannot
    // show it (documented); the receipt of the last head does.
    cut.entries.truncate(40);
    let back = write("back40.json", &cut.to_json());
    assert_eq!(verify(&back, &data("audit-log.pub.pem")).0, Some(0));
    let receipt = format!("53:{}", full.entries[52].hash);
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "verify",
        &back,
        "--public-key",
        &data("audit-log.pub.pem"),
        "--receipt",
        &receipt,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("HEAD_MISMATCH"), "{}", stdout(&out));
}

#[test]
fn json_lines_logs_stream_through_sign_and_verify() {
    let mut log = example();
    log.checkpoints.clear();
    let unsigned = write("log.jsonl", &log.to_jsonl());
    let signed = tmp("signed.jsonl");
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "sign",
        &unsigned,
        "--private-key",
        &private_key(),
        "-o",
        signed.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("signed: 53 entries, head "),
        "{}",
        stdout(&out)
    );
    let signed = signed.to_str().unwrap();
    let (code, text) = verify(signed, &data("audit-log.pub.pem"));
    assert_eq!(code, Some(0), "{text}");
    // The same signature as the example's: signing is deterministic.
    let text_lines = std::fs::read_to_string(signed).unwrap();
    assert!(text_lines.contains(&example().checkpoints[0].signature));
    // A tampered line is named by its seq, found by reading the file again.
    let tampered = text_lines.replacen("\"actor\":\"JW01\"", "\"actor\":\"DY2026001\"", 1);
    let (code, text) = verify(
        &write("tampered.jsonl", &tampered),
        &data("audit-log.pub.pem"),
    );
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("HASH_MISMATCH"), "{text}");
    assert!(text.contains("as it stands: item "), "{text}");
    // A line that is not an entry: exit 2 with its line number.
    let (code, text) = verify(
        &write("bad.jsonl", "{\"schema_version\":1}\n{\"seq\":0}\n"),
        &data("audit-log.pub.pem"),
    );
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("line 2: event"), "{text}");
}

#[test]
fn a_broken_chain_is_never_signed_and_an_empty_log_can_be() {
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "sign",
        &data("audit-log-tampered.json"),
        "--private-key",
        &private_key(),
        "-o",
        tmp("x.json").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("NOT SIGNED: entry seq 38 "),
        "{}",
        stdout(&out)
    );
    assert!(!tmp("x.json").exists());
    let empty = write("empty.json", r#"{"schema_version":1,"entries":[]}"#);
    let out_file = tmp("empty-signed.json");
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "sign",
        &empty,
        "--private-key",
        &private_key(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (code, text) = verify(out_file.to_str().unwrap(), &data("audit-log.pub.pem"));
    assert_eq!(code, Some(0), "{text}");
    let signed = AuditLog::from_json(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(signed.checkpoints[0].head, GENESIS_HASH);
    // Usage errors.
    for args in [
        &["disclosure", "sign", "log.json", "-o", "out.json"][..],
        &["disclosure", "sign", "log.json", "--private-key", "k.pem"][..],
    ] {
        assert_eq!(run(args).status.code(), Some(2));
    }
}
