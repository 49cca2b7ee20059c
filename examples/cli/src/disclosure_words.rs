//! The words of the `disclosure` commands in the reader's language: the workflow's statuses and actions
//! (提出 → 审核 → 审批 → 实施, 《中国共产党党务公开条例（试行）》第四章), what each break of the audit chain means,
//! days and instants. Chinese is the default; `--lang en` keeps the English the commands printed before.
//! Codes (statuses, actions, the break's code) stay in both: they are data. The day, range and period words
//! are every command's (`member check`, `org check`, `credits`, `dues` name their dates with them), kept
//! here so that there is one way to write 2026年9月1日.

use chrono::{DateTime, FixedOffset, NaiveDate};
use dangjian::codes::Code;
use dangjian::disclosure::Status;

use crate::lang::Lang;
use crate::output::code_of;

/// A status as the workflow names it: `已审批` / `approved` (the code).
pub(crate) fn status(lang: Lang, status: &Status) -> String {
    match lang {
        Lang::Zh => status.name_zh().to_owned(),
        Lang::En => code_of(status),
    }
}

/// An action of the log (`Action::code`) as a verb: `审批` / `approve` (the code); an action the core adds
/// later is shown by its code in both.
pub(crate) fn action(lang: Lang, code: &str) -> String {
    let zh = match code {
        "create" => "创建",
        "edit" => "修改",
        "propose" => "提出",
        "confidentiality_review" => "保密审查",
        "extend_review" => "延长审核期限",
        "review" => "审核",
        "reject" => "退回",
        "escalate" => "报上级审批",
        "approve" => "审批",
        "publish" => "公开",
        "correct" => "更正",
        "withdraw" => "撤回",
        "archive" => "归档",
        _ => code,
    };
    lang.pick(zh, code).to_owned()
}

/// A day: `2026年3月10日` / `2026-03-10`.
pub(crate) fn day(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => d.format("%Y年%-m月%-d日").to_string(),
        Lang::En => d.to_string(),
    }
}

/// A range of days: `2026年1月1日至2026年3月31日` / `2026-01-01..2026-03-31`.
pub(crate) fn range(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}至{}", day(lang, from), day(lang, to)),
        Lang::En => format!("{from}..{to}"),
    }
}

/// A period's key (the core's labels: `2026-03-08`, `2026-W10`, `2026-Q1`, `2026-03`, `2026`) as a Chinese
/// reader says it: `2026年3月8日`, `2026年第10周`, `2026年第1季度`, `2026年3月`, `2026年`; in English, and a
/// key of another shape, as it is (the keys stay as they are in JSON and CSV: they are data).
///
/// `credits`' summary and `org check`'s 三会一课 lines name their periods with it.
pub(crate) fn period(lang: Lang, key: &str) -> String {
    if lang == Lang::En {
        return key.to_owned();
    }
    if let Ok(d) = key.parse::<NaiveDate>() {
        return day(lang, d);
    }
    period_zh(key).unwrap_or_else(|| key.to_owned())
}

/// A week, quarter, month or year key in Chinese, `None` when it is not one.
fn period_zh(key: &str) -> Option<String> {
    let number = |t: &str| t.parse::<u32>().ok();
    Some(match key.split_once('-') {
        None => format!("{}年", number(key)?),
        Some((y, w)) if w.starts_with('W') => {
            format!("{}年第{}周", number(y)?, number(w.trim_start_matches('W'))?)
        }
        Some((y, q)) if q.starts_with('Q') => {
            format!(
                "{}年第{}季度",
                number(y)?,
                number(q.trim_start_matches('Q'))?
            )
        }
        Some((y, m)) => format!(
            "{}年{}月",
            number(y)?,
            number(m).filter(|m| (1..=12).contains(m))?
        ),
    })
}

/// An instant: in Chinese the Beijing time a party worker reads (`2026年3月2日 09:30`), in English the
/// RFC 3339 text as the log writes it.
pub(crate) fn instant(lang: Lang, at: &DateTime<FixedOffset>) -> String {
    match (lang, FixedOffset::east_opt(8 * 3600)) {
        (Lang::Zh, Some(beijing)) => at
            .with_timezone(&beijing)
            .format("%Y年%-m月%-d日 %H:%M")
            .to_string(),
        _ => at.to_rfc3339(),
    }
}

/// What a break of the chain means (the code is the core's `Verification::code`). Matched on the
/// registry's [`Code`], so a renamed or removed code is a compile error here, not a silent fallback.
pub(crate) fn why(lang: Lang, code: Option<Code>) -> &'static str {
    let (zh, en) = match code {
        Some(Code::SequenceBroken) => (
            "有记录在此处被删除、插入或挪动",
            "an entry was deleted, inserted or moved here",
        ),
        Some(Code::ChainBroken) => (
            "它的 prev_hash 不是上一条记录的摘要",
            "its prev_hash is not the previous entry's hash",
        ),
        Some(Code::HashMismatch) => (
            "这条记录写入后内容被改动",
            "its content was changed after it was written",
        ),
        Some(Code::HeadMismatch) => (
            "日志的末尾与回执不符：有记录被截去或添加",
            "the log does not end where the receipt says: entries were cut off or added",
        ),
        Some(Code::CheckpointOrder) => (
            "签名检查点的顺序不对",
            "a signed checkpoint is out of order",
        ),
        Some(Code::CheckpointMismatch) => (
            "止于此处的签名检查点记的是另一个摘要：此前的记录被改写过（摘要重算）",
            "the signed checkpoint ending here names another head: the entries up to here were rewritten \
             (their hashes recomputed)",
        ),
        Some(Code::CheckpointBeyondEnd) => (
            "签名检查点覆盖的记录日志里已经没有：有记录被截去",
            "a signed checkpoint covers entries the log no longer has: entries were cut off",
        ),
        Some(Code::NotSigned) => (
            "日志没有任何签名检查点，其中内容均未经认证",
            "the log carries no signed checkpoint, so nothing in it is authenticated",
        ),
        Some(Code::KeyMismatch) => (
            "止于此处的检查点是用另一把密钥签的（不是这把公钥）",
            "the checkpoint ending here was signed with another key (not this public key)",
        ),
        Some(Code::SignatureInvalid) => (
            "止于此处的检查点签名验证不通过：伪造或被改动",
            "the signature of the checkpoint ending here does not verify: forged or altered",
        ),
        Some(Code::UnsignedTail) => (
            "这条及其后的记录不在任何签名检查点之内（最后一次签名后添加，或日志被截断）",
            "this entry and those after it are not covered by any signed checkpoint (added after the last \
             signature, or the log was cut)",
        ),
        _ => ("哈希链不成立", "the chain does not hold"),
    };
    lang.pick(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_both_languages() {
        assert_eq!(status(Lang::Zh, &Status::Approved), "已审批");
        assert_eq!(status(Lang::En, &Status::Approved), "approved");
        assert_eq!(action(Lang::Zh, "propose"), "提出");
        assert_eq!(action(Lang::Zh, "teleport"), "teleport");
        assert_eq!(action(Lang::En, "approve"), "approve");
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(day(Lang::Zh, d), "2026年3月2日");
        assert_eq!(day(Lang::En, d), "2026-03-02");
        let to = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(range(Lang::Zh, d, to), "2026年3月2日至2026年12月31日");
        assert_eq!(range(Lang::En, d, to), "2026-03-02..2026-12-31");
    }

    #[test]
    fn periods_in_chinese_and_as_they_are_in_english() {
        assert_eq!(period(Lang::Zh, "2026-03-08"), "2026年3月8日");
        assert_eq!(period(Lang::Zh, "2026-W01"), "2026年第1周");
        assert_eq!(period(Lang::Zh, "2026-W53"), "2026年第53周");
        assert_eq!(period(Lang::Zh, "2026-Q4"), "2026年第4季度");
        assert_eq!(period(Lang::Zh, "2026-03"), "2026年3月");
        assert_eq!(period(Lang::Zh, "2026"), "2026年");
        // Not a period: as it is, in both languages.
        assert_eq!(period(Lang::Zh, "2026-Qx"), "2026-Qx");
        assert_eq!(period(Lang::Zh, "全年"), "全年");
        assert_eq!(period(Lang::Zh, "2026-13-40"), "2026-13-40");
        assert_eq!(period(Lang::Zh, "2026-13"), "2026-13");
        assert_eq!(period(Lang::Zh, "2026-00"), "2026-00");
        assert_eq!(period(Lang::Zh, "2026-12"), "2026年12月");
        assert_eq!(period(Lang::En, "2026-Q1"), "2026-Q1");
        assert_eq!(period(Lang::En, "2026-03-08"), "2026-03-08");
    }

    #[test]
    fn instants_are_beijing_time_in_chinese() {
        // 01:30 UTC is 09:30 in Beijing; 16:00 UTC is the next day's midnight there.
        let at = DateTime::parse_from_rfc3339("2026-03-02T01:30:00Z").unwrap();
        assert_eq!(instant(Lang::Zh, &at), "2026年3月2日 09:30");
        let late = DateTime::parse_from_rfc3339("2026-03-02T16:00:00Z").unwrap();
        assert_eq!(instant(Lang::Zh, &late), "2026年3月3日 00:00");
        let local = DateTime::parse_from_rfc3339("2026-03-02T09:30:00+08:00").unwrap();
        assert_eq!(instant(Lang::En, &local), "2026-03-02T09:30:00+08:00");
    }

    #[test]
    fn every_break_has_its_meaning() {
        assert_eq!(
            why(Lang::Zh, Some(Code::HashMismatch)),
            "这条记录写入后内容被改动"
        );
        assert_eq!(
            why(Lang::En, Some(Code::HashMismatch)),
            "its content was changed after it was written"
        );
        assert_eq!(why(Lang::Zh, None), "哈希链不成立");
    }
}
