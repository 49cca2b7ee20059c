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

use dangjian::codes::Code;

use crate::disclosure_words::{action, instant, status, why};
use crate::error::CliError;
use crate::lang::Lang;
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
    /// The language of what is printed.
    pub(crate) lang: Lang,
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
    /// The language of what is printed.
    pub(crate) lang: Lang,
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

/// Verifies the chain (and, with `--public-key`, the signed checkpoints): `通过`/`OK` with the entry count,
/// head hash and what was checked (exit 0), or the first broken entry, by its `seq` and item, with its code
/// (exit 1). A file that is not an audit log, or a key that is not an SM2 key, exits 2.
pub(crate) fn verify(args: &VerifyArgs) -> Result<ExitCode, CliError> {
    let lang = args.lang;
    let key = args
        .public_key
        .as_deref()
        .map(|path| {
            AuditVerifyingKey::from_pem(&read_text(path, lang)?).map_err(|e| {
                CliError::input(format!("{}: {}", path.display(), lang.detail(e.detail())))
            })
        })
        .transpose()?;
    let (mut v, log) = if is_jsonl(&args.log) {
        (verify_jsonl(&args.log, key.as_ref(), lang)?, None)
    } else {
        let json = read_text(&args.log, lang)?;
        // Unverified: a broken log is read so its break can be shown, not refused.
        let log = AuditLog::from_json_unverified(&json).map_err(|e| {
            CliError::input(format!(
                "{}: {}",
                args.log.display(),
                lang.detail(e.detail())
            ))
        })?;
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
        ok_text(&v, args.receipt.is_some(), lang)
    } else {
        let at = v.first_broken.unwrap_or_default();
        let entry = match &log {
            Some(log) => usize::try_from(at)
                .ok()
                .and_then(|i| log.entries.get(i))
                .cloned(),
            None => nth_jsonl_entry(&args.log, at, lang)?,
        };
        format!(
            "{}{}",
            lang.pick("未通过：", "BROKEN: "),
            broken_text(&v, entry.as_ref(), lang)
        )
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
        v.code = Some(Code::HeadMismatch.as_str().to_owned());
        v.head = None;
    }
    v
}

/// What a chain that holds proves: the count and head, then whether the signatures were checked.
fn ok_text(v: &Verification, receipt: bool, lang: Lang) -> String {
    let (n, checkpoints) = (v.entries, v.checkpoints);
    let mut text = match lang {
        Lang::Zh => format!("通过：共 {n} 条记录"),
        Lang::En => format!("OK: {}", plural(n, "entry", "entries")),
    };
    if let Some(head) = &v.head {
        text.push_str(lang.pick("，最新摘要 ", ", head "));
        text.push_str(head);
    }
    if receipt {
        text.push_str(lang.pick("（与回执一致）", " (matches the receipt)"));
    }
    text.push('\n');
    text.push_str(&match (&v.key_id, lang) {
        (Some(key_id), Lang::Zh) if v.authenticated => format!(
            "已核验签名：每条记录都在密钥 {key_id} 签名的检查点之内（SM2/SM3，检查点 {checkpoints} 个）\n"
        ),
        (Some(key_id), Lang::En) if v.authenticated => format!(
            "signed: every entry is covered by a checkpoint signed with key {key_id} (SM2 with SM3; {})\n",
            plural(checkpoints, "checkpoint", "checkpoints")
        ),
        (_, Lang::Zh) => format!(
            "仅核验了完整性：哈希链完整，但没有核验是谁写的——任何人都能改动日志并重算摘要；加 --public-key \
             KEY.pem 才能核验本组织的签名（本日志有签名检查点 {checkpoints} 个）\n"
        ),
        (_, Lang::En) => format!(
            "integrity only: the hash chain holds, but who wrote it was NOT checked — anyone can edit a log \
             and recompute its hashes; give --public-key KEY.pem to check the organization's signatures ({} in \
             this log)\n",
            plural(checkpoints, "signed checkpoint", "signed checkpoints")
        ),
    });
    text
}

/// The first break, named as the log names its entries: by `seq` (from 0) and item; then the entry as it
/// stands. Without the `未通过：`/`BROKEN: ` in front, which `sign` replaces.
fn broken_text(v: &Verification, entry: Option<&AuditEntry>, lang: Lang) -> String {
    let at = v.first_broken.unwrap_or_default();
    let code_text = v.code.as_deref().unwrap_or("BROKEN");
    let why = why(lang, code_text.parse::<Code>().ok());
    let place = match entry {
        Some(e) => entry_place(e, at, v.entries, lang),
        None if v.entries == 0 => lang.pick("空日志", "the empty log").to_owned(),
        None => match lang {
            Lang::Zh => format!("最后一条记录（共 {} 条）之后", v.entries),
            Lang::En => format!(
                "after the last of {}",
                plural(v.entries, "entry", "entries")
            ),
        },
    };
    let mut text = match lang {
        Lang::Zh => format!("{place}：{why} [{code_text}]\n"),
        Lang::En => format!("{place}: {code_text} — {why}\n"),
    };
    if let Some(e) = entry {
        let ev = &e.event;
        let (seq, item, actor) = (e.seq, &ev.item_id, &ev.actor);
        let (when, act) = (instant(lang, &ev.at), action(lang, &ev.action));
        let (from, to) = (status(lang, &ev.from), status(lang, &ev.to));
        text.push_str(&match lang {
            Lang::Zh => format!(
                "序号 {seq} 的记录现状：事项 {item}，{when} 由 {actor} {act}，{from} → {to} [{}: {} → {}]\n",
                ev.action,
                code_of(&ev.from),
                code_of(&ev.to)
            ),
            Lang::En => format!(
                "entry seq {seq} as it stands: item {item}, {act} by {actor} at {when} ({from} → {to})\n"
            ),
        });
    }
    text
}

/// `序号 38 的记录（事项 X，共 53 条中的第 39 条）` / `entry seq 38 (item X; the 39th of 53 entries)`, and
/// where the seq written is not the entry's place, the seq that belongs there.
fn entry_place(e: &AuditEntry, at: u64, entries: u64, lang: Lang) -> String {
    let (seq, item, nth) = (e.seq, &e.event.item_id, at.saturating_add(1));
    let moved = e.seq != at;
    match lang {
        Lang::Zh => format!(
            "序号 {seq} 的记录（事项 {item}，共 {entries} 条中的第 {nth} 条{}）",
            if moved {
                format!("，此处应为序号 {at}")
            } else {
                String::new()
            }
        ),
        Lang::En => format!(
            "entry seq {seq} (item {item}; the {} of {entries} entries{})",
            ordinal(nth),
            if moved {
                format!(", where seq {at} belongs")
            } else {
                String::new()
            }
        ),
    }
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

/// Signs the log's head with the organization's key and writes the signed log: exit 0; a broken chain is
/// never signed (exit 1); unreadable input or key exits 2.
pub(crate) fn sign(args: &SignArgs) -> Result<ExitCode, CliError> {
    let lang = args.lang;
    let unreadable = |path: &Path, e: dangjian::Error| {
        CliError::input(format!("{}: {}", path.display(), lang.detail(e.detail())))
    };
    let key_text = read_text(&args.private_key, lang)?;
    let key = AuditSigningKey::from_pem(&key_text).map_err(|e| unreadable(&args.private_key, e))?;
    let text = read_text(&args.log, lang)?;
    let read = if is_jsonl(&args.log) {
        AuditLog::from_jsonl_unverified(&text)
    } else {
        AuditLog::from_json_unverified(&text)
    };
    let mut log = read.map_err(|e| unreadable(&args.log, e))?;
    let v = log.verify();
    if !v.valid {
        let at = v.first_broken.unwrap_or_default();
        let entry = usize::try_from(at).ok().and_then(|i| log.entries.get(i));
        crate::say(&format!(
            "{}{}",
            lang.pick("未签名：", "NOT SIGNED: "),
            broken_text(&v, entry, lang)
        ));
        return Ok(ExitCode::from(1));
    }
    let checkpoint = log
        .sign(&key)
        .map_err(|e| unreadable(&args.log, e))?
        .clone();
    let out = if is_jsonl(&args.out) {
        log.to_jsonl()
    } else {
        let mut json = serde_json::to_string_pretty(&log)
            .map_err(|e| CliError::input(format!("cannot write the log: {e}")))?;
        json.push('\n');
        json
    };
    let shown = args.out.display();
    std::fs::write(&args.out, out).map_err(|e| {
        CliError::input(lang.pick(
            &format!("{shown}：无法写入：{e}"),
            &format!("{shown}: cannot write: {e}"),
        ))
    })?;
    let (n, head, key_id) = (checkpoint.entries, &checkpoint.head, &checkpoint.key_id);
    Ok(crate::say(&match lang {
        Lang::Zh => {
            format!("已签名：共 {n} 条记录，最新摘要 {head}，密钥 {key_id}（SM2/SM3）→ {shown}\n")
        }
        Lang::En => format!(
            "signed: {}, head {head}, with key {key_id} (SM2 with SM3) → {shown}\n",
            plural(n, "entry", "entries")
        ),
    }))
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
    lang: Lang,
    mut f: impl FnMut(usize, &str) -> Result<bool, CliError>,
) -> Result<(), CliError> {
    use std::io::{BufRead, Read};
    let shown = path.display();
    let cannot = |e: std::io::Error| cannot_read(path, &e, lang);
    let file = std::fs::File::open(path).map_err(cannot)?;
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
            .map_err(cannot)?;
        if n == 0 {
            return Ok(());
        }
        number = number.saturating_add(1);
        if buf.len() > MAX_LINE {
            return Err(CliError::input(lang.pick(
                &format!("{shown}：第 {number} 行超过 {MAX_LINE} 字节"),
                &format!("{shown}: line {number} is longer than {MAX_LINE} bytes"),
            )));
        }
        let line = std::str::from_utf8(&buf).map_err(|_| {
            CliError::input(lang.pick(
                &format!("{shown}：第 {number} 行不是 UTF-8 文本"),
                &format!("{shown}: line {number} is not UTF-8"),
            ))
        })?;
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
fn verify_jsonl(
    path: &Path,
    key: Option<&AuditVerifyingKey>,
    lang: Lang,
) -> Result<Verification, CliError> {
    let shown = path.display();
    let mut v = ChainVerifier::new(key);
    let mut entries = 0u64;
    each_line(path, lang, |number, line| {
        match AuditLine::parse(line, number)
            .map_err(|e| CliError::input(format!("{shown}: {}", lang.detail(e.detail()))))?
        {
            Some(AuditLine::Entry(e)) => {
                entries = entries.saturating_add(1);
                v.entry(&e);
            }
            Some(AuditLine::Checkpoint(c)) => {
                v.checkpoint(&c);
            }
            Some(AuditLine::Header) if number > 1 => {
                return Err(CliError::input(lang.pick(
                    &format!("{shown}：第 {number} 行：schema_version 行只能是第一行"),
                    &format!(
                        "{shown}: line {number}: the schema_version line may only be the first line"
                    ),
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
fn nth_jsonl_entry(path: &Path, at: u64, lang: Lang) -> Result<Option<AuditEntry>, CliError> {
    let mut seen = 0u64;
    let mut found = None;
    each_line(path, lang, |number, line| {
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
pub(crate) fn read_text(path: &Path, lang: Lang) -> Result<String, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| cannot_read(path, &e, lang))?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned())
}

/// `FILE：无法读取：…` / `FILE: cannot read: …`.
fn cannot_read(path: &Path, e: &std::io::Error, lang: Lang) -> CliError {
    let shown = path.display();
    CliError::input(lang.pick(
        &format!("{shown}：无法读取：{e}"),
        &format!("{shown}: cannot read: {e}"),
    ))
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
