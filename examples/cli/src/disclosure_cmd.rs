//! `dangjian disclosure verify LOG [--public-key KEY.pem] [--receipt N:HASH]` and
//! `dangjian disclosure sign LOG --private-key KEY.pem -o OUT`: party-affairs disclosure (党务公开) — the
//! audit chain checked and signed. The board one person sees on one day is `disclosure_board.rs`.
//!
//! The rules are the core's: `AuditLog::verify` / `verify_with_key` walk the chain and the SM2-signed
//! checkpoints (a `.jsonl` log is read a line at a time through `ChainVerifier`). This module reads files
//! and prints.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dangjian::disclosure::{
    AuditEntry, AuditLine, AuditLog, AuditSigningKey, AuditVerifyingKey, ChainVerifier,
    Verification,
};

use crate::error::CliError;
use crate::output::code_of;

/// `disclosure verify`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VerifyArgs {
    /// The audit log.
    pub(crate) log: PathBuf,
    /// A receipt kept elsewhere: the number of entries and the head hash (finds entries cut off the end).
    pub(crate) receipt: Option<(u64, String)>,
    /// The organization's SM2 public key (PEM): checks the signed checkpoints, not only the chain.
    pub(crate) public_key: Option<PathBuf>,
}

/// `disclosure sign`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SignArgs {
    /// The audit log (`.json`, or `.jsonl` for JSON Lines).
    pub(crate) log: PathBuf,
    /// The organization's SM2 private key (PKCS#8 PEM).
    pub(crate) private_key: PathBuf,
    /// Where the signed log goes (same format as its extension says).
    pub(crate) out: PathBuf,
}

/// `N:HASH`, as `verify` prints them.
pub(crate) fn parse_receipt(text: &str) -> Result<(u64, String), CliError> {
    text.split_once(':')
        .and_then(|(n, hash)| {
            let ok = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
            Some((n.trim().parse().ok()?, hash.to_ascii_lowercase())).filter(|_| ok)
        })
        .ok_or_else(|| {
            CliError::usage(format!(
                "`--receipt {text}`: expected ENTRIES:HEAD, the count and the 64-digit hash `verify` printed"
            ))
        })
}

/// Verifies the chain (and, with `--public-key`, the signed checkpoints): `OK` with the entry count, head
/// hash and what was checked (exit 0), or the first broken entry, by its `seq` and item, with its code
/// (exit 1). A file that is not an audit log, or a key that is not an SM2 key, exits 2.
pub(crate) fn verify(args: &VerifyArgs) -> Result<ExitCode, CliError> {
    let key = args
        .public_key
        .as_deref()
        .map(|path| {
            AuditVerifyingKey::from_pem(&read_text(path)?)
                .map_err(|e| CliError::input(format!("{}: {}", path.display(), e.detail())))
        })
        .transpose()?;
    let (mut v, log) = if is_jsonl(&args.log) {
        (verify_jsonl(&args.log, key.as_ref())?, None)
    } else {
        let json = read_text(&args.log)?;
        // Unverified: a broken log is read so its break can be shown, not refused.
        let log = AuditLog::from_json_unverified(&json)
            .map_err(|e| CliError::input(format!("{}: {}", args.log.display(), e.detail())))?;
        let v = match &key {
            Some(k) => log.verify_with_key(k),
            None => log.verify(),
        };
        (v, Some(log))
    };
    if let Some((len, head)) = &args.receipt {
        v = receipt_checked(v, *len, head);
    }
    let text = if v.valid {
        ok_text(&v, args.receipt.is_some())
    } else {
        let at = v.first_broken.unwrap_or_default();
        let entry = match &log {
            Some(log) => usize::try_from(at)
                .ok()
                .and_then(|i| log.entries.get(i))
                .cloned(),
            None => nth_jsonl_entry(&args.log, at)?,
        };
        broken_text(&v, entry.as_ref())
    };
    crate::say(&text);
    Ok(if v.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// As the core's `verify_head`, on a verification already made (streamed or not).
fn receipt_checked(mut v: Verification, len: u64, head: &str) -> Verification {
    let genesis = dangjian::disclosure::GENESIS_HASH;
    if v.valid && (v.entries != len || v.head.as_deref().unwrap_or(genesis) != head) {
        v.valid = false;
        v.authenticated = false;
        v.first_broken = Some(v.entries.min(len));
        v.code = Some("HEAD_MISMATCH".to_owned());
        v.head = None;
    }
    v
}

fn ok_text(v: &Verification, receipt: bool) -> String {
    let mut text = format!("OK: {}", plural(v.entries, "entry", "entries"));
    if let Some(head) = &v.head {
        text.push_str(&format!(", head {head}"));
    }
    if receipt {
        text.push_str(" (matches the receipt)");
    }
    text.push('\n');
    match &v.key_id {
        Some(key_id) if v.authenticated => text.push_str(&format!(
            "signed: every entry is covered by a checkpoint signed with key {key_id} (SM2 with SM3; {})\n",
            plural(v.checkpoints, "checkpoint", "checkpoints")
        )),
        _ => text.push_str(&format!(
            "integrity only: the hash chain holds, but who wrote it was NOT checked — anyone can edit a log \
             and recompute its hashes; give --public-key KEY.pem to check the organization's signatures ({} in \
             this log)\n",
            plural(v.checkpoints, "signed checkpoint", "signed checkpoints")
        )),
    }
    text
}

/// The first break, named as the log names its entries: by `seq` (from 0) and item.
fn broken_text(v: &Verification, entry: Option<&AuditEntry>) -> String {
    let at = v.first_broken.unwrap_or_default();
    let code = v.code.as_deref().unwrap_or("BROKEN");
    let mut text = match entry {
        Some(e) => {
            let mut where_ = format!(
                "entry seq {} (item {}; the {} of {} entries",
                e.seq,
                e.event.item_id,
                ordinal(at.saturating_add(1)),
                v.entries
            );
            if e.seq != at {
                where_.push_str(&format!(", where seq {at} belongs"));
            }
            where_.push(')');
            where_
        }
        None if v.entries == 0 => "the empty log".to_owned(),
        None => format!(
            "after the last of {}",
            plural(v.entries, "entry", "entries")
        ),
    };
    text = format!("BROKEN: {text}: {code} — {}\n", why(code));
    if let Some(e) = entry {
        let ev = &e.event;
        text.push_str(&format!(
            "entry seq {} as it stands: item {}, {} by {} at {} ({} → {})\n",
            e.seq,
            ev.item_id,
            ev.action,
            ev.actor,
            ev.at.to_rfc3339(),
            code_of(&ev.from),
            code_of(&ev.to)
        ));
    }
    text
}

/// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st.
fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// What each code of the core's `Verification` means.
fn why(code: &str) -> &'static str {
    match code {
        "SEQUENCE_BROKEN" => "an entry was deleted, inserted or moved here",
        "CHAIN_BROKEN" => "its prev_hash is not the previous entry's hash",
        "HASH_MISMATCH" => "its content was changed after it was written",
        "HEAD_MISMATCH" => {
            "the log does not end where the receipt says: entries were cut off or added"
        }
        "CHECKPOINT_ORDER" => "a signed checkpoint is out of order",
        "CHECKPOINT_MISMATCH" => {
            "the signed checkpoint ending here names another head: the entries up to here were rewritten \
             (their hashes recomputed)"
        }
        "CHECKPOINT_BEYOND_END" => {
            "a signed checkpoint covers entries the log no longer has: entries were cut off"
        }
        "NOT_SIGNED" => "the log carries no signed checkpoint, so nothing in it is authenticated",
        "KEY_MISMATCH" => "the checkpoint ending here was signed with another key (not this public key)",
        "SIGNATURE_INVALID" => {
            "the signature of the checkpoint ending here does not verify: forged or altered"
        }
        "UNSIGNED_TAIL" => {
            "this entry and those after it are not covered by any signed checkpoint (added after the last \
             signature, or the log was cut)"
        }
        _ => "the chain does not hold",
    }
}

/// Signs the log's head with the organization's key and writes the signed log: exit 0; a broken chain is
/// never signed (exit 1); unreadable input or key exits 2.
pub(crate) fn sign(args: &SignArgs) -> Result<ExitCode, CliError> {
    let key_text = read_text(&args.private_key)?;
    let key = AuditSigningKey::from_pem(&key_text)
        .map_err(|e| CliError::input(format!("{}: {}", args.private_key.display(), e.detail())))?;
    let text = read_text(&args.log)?;
    let shown = args.log.display();
    let read = if is_jsonl(&args.log) {
        AuditLog::from_jsonl_unverified(&text)
    } else {
        AuditLog::from_json_unverified(&text)
    };
    let mut log = read.map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    let v = log.verify();
    if !v.valid {
        let at = v.first_broken.unwrap_or_default();
        let entry = usize::try_from(at).ok().and_then(|i| log.entries.get(i));
        crate::say(&format!(
            "NOT SIGNED: {}",
            broken_text(&v, entry).trim_start_matches("BROKEN: ")
        ));
        return Ok(ExitCode::from(1));
    }
    let checkpoint = log
        .sign(&key)
        .map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?
        .clone();
    let out = if is_jsonl(&args.out) {
        log.to_jsonl()
    } else {
        let mut json = serde_json::to_string_pretty(&log)
            .map_err(|e| CliError::input(format!("cannot write the log: {e}")))?;
        json.push('\n');
        json
    };
    std::fs::write(&args.out, out)
        .map_err(|e| CliError::input(format!("{}: cannot write: {e}", args.out.display())))?;
    Ok(crate::say(&format!(
        "signed: {}, head {}, with key {} (SM2 with SM3) → {}\n",
        plural(checkpoint.entries, "entry", "entries"),
        checkpoint.head,
        checkpoint.key_id,
        args.out.display()
    )))
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// The longest line a JSON Lines log may have (an entry is a few hundred bytes; comments are short).
const MAX_LINE: usize = 1 << 20;

/// Calls `f` with each line of a JSON Lines file (number from 1), reading one line at a time: memory stays
/// bounded whatever the file's length. A line longer than [`MAX_LINE`] or not UTF-8 is an input error.
fn each_line(
    path: &Path,
    mut f: impl FnMut(usize, &str) -> Result<bool, CliError>,
) -> Result<(), CliError> {
    use std::io::{BufRead, Read};
    let shown = path.display();
    let file = std::fs::File::open(path)
        .map_err(|e| CliError::input(format!("{shown}: cannot read: {e}")))?;
    let mut reader = std::io::BufReader::new(file);
    let mut buf = Vec::new();
    let mut number = 0usize;
    loop {
        buf.clear();
        let limit = u64::try_from(MAX_LINE)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        let n = (&mut reader)
            .take(limit)
            .read_until(b'\n', &mut buf)
            .map_err(|e| CliError::input(format!("{shown}: cannot read: {e}")))?;
        if n == 0 {
            return Ok(());
        }
        number = number.saturating_add(1);
        if buf.len() > MAX_LINE {
            return Err(CliError::input(format!(
                "{shown}: line {number} is longer than {MAX_LINE} bytes"
            )));
        }
        let line = std::str::from_utf8(&buf)
            .map_err(|_| CliError::input(format!("{shown}: line {number} is not UTF-8")))?;
        let line = if number == 1 {
            line.strip_prefix('\u{feff}').unwrap_or(line)
        } else {
            line
        };
        if !f(number, line)? {
            return Ok(());
        }
    }
}

/// A JSON Lines log verified as it is read.
fn verify_jsonl(path: &Path, key: Option<&AuditVerifyingKey>) -> Result<Verification, CliError> {
    let shown = path.display();
    let mut v = ChainVerifier::new(key);
    let mut entries = 0u64;
    each_line(path, |number, line| {
        match AuditLine::parse(line, number)
            .map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?
        {
            Some(AuditLine::Entry(e)) => {
                entries = entries.saturating_add(1);
                v.entry(&e);
            }
            Some(AuditLine::Checkpoint(c)) => {
                v.checkpoint(&c);
            }
            Some(AuditLine::Header) if number > 1 => {
                return Err(CliError::input(format!(
                    "{shown}: line {number}: the schema_version line may only be the first line"
                )))
            }
            Some(AuditLine::Header) | None => {}
        }
        Ok(true)
    })?;
    let mut out = v.finish();
    out.entries = entries;
    Ok(out)
}

/// The entry at position `at` (from 0) of a JSON Lines log, read again to name a break.
fn nth_jsonl_entry(path: &Path, at: u64) -> Result<Option<AuditEntry>, CliError> {
    let mut seen = 0u64;
    let mut found = None;
    each_line(path, |number, line| {
        if let Ok(Some(AuditLine::Entry(e))) = AuditLine::parse(line, number) {
            if seen == at {
                found = Some(*e);
                return Ok(false);
            }
            seen = seen.saturating_add(1);
        }
        Ok(true)
    })?;
    Ok(found)
}

/// A JSON file's text, without the byte-order mark some Windows editors write (also used by `member` and
/// `org`).
pub(crate) fn read_text(path: &Path) -> Result<String, CliError> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::input(format!("{shown}: cannot read: {e}")))?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned())
}

pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts() {
        let hash = "ab".repeat(32);
        assert_eq!(
            parse_receipt(&format!("31:{hash}")).unwrap(),
            (31, hash.clone())
        );
        assert!(parse_receipt("31").is_err());
        assert!(parse_receipt(&format!("x:{hash}")).is_err());
        assert!(parse_receipt("31:abc").is_err());
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 39, 111]
            .map(ordinal)
            .to_vec();
        assert_eq!(
            got,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "39th", "111th"]
        );
    }
}
