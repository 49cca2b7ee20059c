//! The words of the `member check` and `org check` tables in the reader's language. Chinese is the
//! default (the party worker's language); `--lang en` keeps the English tables as they were. Codes (the
//! stage, severity, finding and step codes) stay in both: they are data, what a script or a search looks
//! for.

use crate::lang::Lang;

/// A stage's Chinese name by its code (`full` → 正式党员), as the 2014 细则 and the Constitution name them.
fn stage_zh(code: &str) -> Option<&'static str> {
    Some(match code {
        "none" => "无入党申请",
        "applicant" => "入党申请人",
        "activist" => "入党积极分子",
        "development_target" => "发展对象",
        "probationary" => "预备党员",
        "full" => "正式党员",
        "suspended" => "停止党籍",
        "removed" => "已出党",
        _ => return None,
    })
}

/// `正式党员（full）` in Chinese, `full` in English; an unknown code as it is.
pub(crate) fn stage(lang: Lang, code: &str) -> String {
    match (lang, stage_zh(code)) {
        (Lang::Zh, Some(zh)) => format!("{zh}（{code}）"),
        _ => code.to_owned(),
    }
}

/// A finding's severity in brackets: `[违规]` / `[violation]`.
pub(crate) fn severity(lang: Lang, code: &str) -> String {
    let zh = match code {
        "violation" => "违规",
        "warning" => "提醒",
        "info" => "提示",
        _ => code,
    };
    format!("[{}]", lang.pick(zh, code))
}

/// A 三会一课 rule's meeting and how often it is owed: `支部党员大会 每季度（general_meeting quarterly）` in
/// Chinese (the names of 支部工作条例 第十八条–第二十条), the codes alone in English.
pub(crate) fn meeting_rule(lang: Lang, meeting: &str, frequency: &str) -> String {
    let name = match meeting {
        "general_meeting" => "支部党员大会",
        "branch_committee" => "支部委员会会议",
        "group_meeting" => "党小组会",
        "party_lecture" => "党课",
        "theme_day" => "主题党日",
        "life_meeting" => "组织生活会",
        "democratic_review" => "民主评议党员",
        _ => meeting,
    };
    let often = match frequency {
        "monthly" => "每月",
        "quarterly" => "每季度",
        "annual" => "每年",
        _ => frequency,
    };
    match lang {
        Lang::Zh => format!("{name} {often}（{meeting} {frequency}）"),
        Lang::En => format!("{meeting} {frequency}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_has_its_chinese_name() {
        for code in crate::member_cmd::STAGES {
            assert!(stage_zh(code).is_some(), "{code}");
        }
        assert_eq!(stage(Lang::Zh, "full"), "正式党员（full）");
        assert_eq!(stage(Lang::En, "full"), "full");
        assert_eq!(severity(Lang::Zh, "violation"), "[违规]");
        assert_eq!(severity(Lang::En, "info"), "[info]");
        assert_eq!(
            meeting_rule(Lang::Zh, "theme_day", "monthly"),
            "主题党日 每月（theme_day monthly）"
        );
        assert_eq!(
            meeting_rule(Lang::En, "theme_day", "monthly"),
            "theme_day monthly"
        );
    }
}
