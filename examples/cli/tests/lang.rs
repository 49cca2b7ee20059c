//! Every command speaks the party worker's language by default and English with `--lang en`; the codes stay
//! as data in both (in a bracket or a column), and the machine formats (CSV on stdout) do not change.
//!
//! The figures are the example data's, worked out in `credits_disclosure.rs`'s notes: the audit log is the
//! 53-entry walk (seq 0–52) signed once at its head; `audit-log-tampered.json` has entry seq 38 (the
//! committee's approval of GK-2026-007 at 09:30 on 6 March 2026, reviewed → approved) rewritten; on
//! 10 March DY2026005 (a member of B01) sees five of the eight items, the public two, and DY2026001 (B01's
//! secretary) six and the record of GK-2026-008's withdrawal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{data_arg as data, run, stderr, stdout, tmp_in};

/// Runs `dangjian` with `args`, once as given (Chinese) and once with `--lang en` in front.
fn both(args: &[&str]) -> (std::process::Output, std::process::Output) {
    let en: Vec<&str> = ["--lang", "en"].iter().chain(args).copied().collect();
    (run(args), run(&en))
}

#[test]
fn verify_says_what_it_proved_in_chinese() {
    let (zh, en) = both(&["disclosure", "verify", &data("audit-log.json")]);
    assert_eq!(zh.status.code(), Some(0));
    let text = stdout(&zh);
    let (first, rest) = text.split_once('\n').unwrap();
    let head = first.strip_prefix("通过：共 53 条记录，最新摘要 ").unwrap();
    assert_eq!(head.len(), 64, "{text}");
    assert_eq!(
        rest,
        "仅核验了完整性：哈希链完整，但没有核验是谁写的——任何人都能改动日志并重算摘要；加 --public-key \
         KEY.pem 才能核验本组织的签名（本日志有签名检查点 1 个）\n"
    );
    // The same head in both languages: the hash is data.
    assert!(stdout(&en).starts_with(&format!("OK: 53 entries, head {head}\n")));
    assert!(stdout(&en).contains("integrity only: the hash chain holds"));

    let (zh, en) = both(&[
        "disclosure",
        "verify",
        &data("audit-log.json"),
        "--public-key",
        &data("audit-log.pub.pem"),
    ]);
    assert_eq!(zh.status.code(), Some(0));
    let signed = stdout(&zh);
    assert!(
        signed.contains("\n已核验签名：每条记录都在密钥 "),
        "{signed}"
    );
    assert!(
        signed.ends_with("签名的检查点之内（SM2/SM3，检查点 1 个）\n"),
        "{signed}"
    );
    assert!(
        stdout(&en).contains("\nsigned: every entry is covered by a checkpoint signed with key ")
    );
}

#[test]
fn a_break_is_told_in_chinese_with_its_code_in_brackets() {
    let (zh, en) = both(&["disclosure", "verify", &data("audit-log-tampered.json")]);
    assert_eq!(zh.status.code(), Some(1));
    let text = stdout(&zh);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some(
            "未通过：序号 38 的记录（事项 GK-2026-007，共 53 条中的第 39 条）：这条记录写入后内容被改动 \
             [HASH_MISMATCH]"
        )
    );
    // The entry as it stands: Beijing time in words, the action and statuses named, their codes kept.
    let stands = lines.get(1).copied().unwrap_or_default();
    assert!(
        stands.starts_with("序号 38 的记录现状：事项 GK-2026-007，2026年3月6日 09:30 由 "),
        "{text}"
    );
    assert!(
        stands.ends_with(" 审批，已审核 → 已审批 [approve: reviewed → approved]"),
        "{text}"
    );
    let text = stdout(&en);
    assert!(
        text.starts_with(
            "BROKEN: entry seq 38 (item GK-2026-007; the 39th of 53 entries): HASH_MISMATCH — its content \
             was changed after it was written\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(" at 2026-03-06T09:30:00+08:00 (reviewed → approved)\n"),
        "{text}"
    );
}

#[test]
fn sign_reports_in_chinese() {
    let key = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/audit-log.TEST-ONLY.key.pem"
    );
    let out = tmp_in("lang", "signed.json");
    let out_arg = out.to_str().unwrap();
    let (zh, en) = both(&[
        "disclosure",
        "sign",
        &data("audit-log.json"),
        "--private-key",
        key,
        "-o",
        out_arg,
    ]);
    assert_eq!(zh.status.code(), Some(0), "{}", stderr(&zh));
    let text = stdout(&zh);
    assert!(
        text.starts_with("已签名：共 53 条记录，最新摘要 "),
        "{text}"
    );
    assert!(
        text.ends_with(&format!("（SM2/SM3）→ {out_arg}\n")),
        "{text}"
    );
    assert!(stdout(&en).starts_with("signed: 53 entries, head "));

    let (zh, en) = both(&[
        "disclosure",
        "sign",
        &data("audit-log-tampered.json"),
        "--private-key",
        key,
        "-o",
        out_arg,
    ]);
    assert_eq!(zh.status.code(), Some(1));
    assert!(
        stdout(&zh).starts_with("未签名：序号 38 的记录（事项 GK-2026-007，"),
        "{}",
        stdout(&zh)
    );
    assert!(stdout(&en).starts_with("NOT SIGNED: entry seq 38 (item GK-2026-007; "));
}

#[test]
fn the_board_s_summary_is_chinese_and_its_csv_the_same_in_both() {
    let board = |viewer: &str| {
        both(&[
            "disclosure",
            "board",
            &data("board.json"),
            "--viewer",
            viewer,
            "--on",
            "2026-03-10",
        ])
    };
    let (zh, en) = board("DY2026005");
    assert_eq!(
        stderr(&zh),
        "查看人 DY2026005 在 2026年3月10日 可见 5 条事项（共 8 条）\n"
    );
    assert_eq!(
        stderr(&en),
        "viewer DY2026005 on 2026-03-10: 5 of 8 items visible\n"
    );
    assert_eq!(stdout(&zh), stdout(&en), "the CSV is machine output");
    assert!(stdout(&zh).starts_with("id,title,category,scope,status,published_at,"));

    let (zh, _) = board("public");
    assert_eq!(
        stderr(&zh),
        "社会公众 在 2026年3月10日 可见 2 条事项（共 8 条）\n"
    );
    let (zh, en) = board("DY2026001");
    assert_eq!(
        stderr(&zh),
        "查看人 DY2026001 在 2026年3月10日 可见 6 条事项（共 8 条），另有撤回记录 1 条\n"
    );
    assert_eq!(
        stderr(&en),
        "viewer DY2026001 on 2026-03-10: 6 of 8 items visible, 1 withdrawal record\n"
    );

    let (zh, en) = board("DY202605");
    assert_eq!(zh.status.code(), Some(2));
    assert!(
        stderr(&zh).contains("没有查看人 `DY202605`——是不是 `DY2026005`？"),
        "{}",
        stderr(&zh)
    );
    assert!(stderr(&en).contains("no viewer `DY202605` — did you mean `DY2026005`?"));
}

#[test]
fn credits_summarises_in_chinese() {
    let (zh, en) = both(&[
        "credits",
        &data("events.jsonl"),
        "--rules",
        "learning-platform",
        "--rank-by",
        "week",
    ]);
    assert_eq!(zh.status.code(), Some(1), "one bad line");
    let err = stderr(&zh);
    assert!(
        err.contains("错误：第 89 行（ev-0088）：MISSING_FIELD（correct_answers）："),
        "{err}"
    );
    assert!(
        err.contains("注意：事件 ev-0020 再次出现且内容相同，已忽略（DUPLICATE_EVENT）"),
        "{err}"
    );
    assert!(
        err.ends_with(
            "2026年3月4日：日 2026年3月4日，周 2026年第10周，月 2026年3月，年 2026年；7 名党员按周积分排名；\
             计分事件 161 个，错误行 1 行，重复 1 个已忽略\n"
        ),
        "{err}"
    );
    assert!(stderr(&en).contains("; 7 members ranked by week score; 161 events scored"));
    assert_eq!(stdout(&zh), stdout(&en), "the CSV is machine output");
}

#[test]
fn member_and_org_checks_are_chinese_by_default() {
    let (zh, en) = both(&[
        "member",
        "check",
        &data("members.json"),
        "--on",
        "2026-11-20",
    ]);
    let table = stdout(&zh);
    // M04 applied on 1 September 2026: the talk is due within a month (细则 第七条), overdue on 20 November.
    assert!(
        table.contains("M04 赵磊：入党申请人（applicant），2026年9月1日 起\n"),
        "{table}"
    );
    assert!(table.contains("  [违规] TALK_OVERDUE  "), "{table}");
    assert!(
        table.contains("  下一步：TALK 最迟 2026年10月1日  "),
        "{table}"
    );
    // The summary: the day in Chinese, each finding's registry sentence with its code in brackets
    // (M09's late approval, M08's lapse and short notice window, M04's overdue talk).
    assert!(
        stderr(&zh).ends_with(
            "2026年11月20日：检查 12 条记录，3 条有违规，0 条被拒；问题：\
             审批超过规定期限且未记录特殊情况（APPROVAL_LATE_NO_REASON） ×1；\
             连续数月未参加组织生活、未交党费或未做党员工作，可视为自行脱党（LAPSE_CANDIDATE） ×1；\
             公示期短于规定的工作日数（NOTICE_WINDOW_TOO_SHORT） ×1；\
             收到入党申请后逾期仍未谈话（TALK_OVERDUE） ×1\n"
        ),
        "{}",
        stderr(&zh)
    );
    let table = stdout(&en);
    assert!(table.contains("[violation] TALK_OVERDUE"), "{table}");
    assert!(
        table.contains("M04 赵磊: applicant since 2026-09-01\n"),
        "{table}"
    );
    assert!(table.contains("  next: TALK due 2026-10-01  "), "{table}");
    assert!(!table.contains("下一步"), "{table}");
    assert!(
        stderr(&en).ends_with(
            "2026-11-20: 12 records checked, 3 with violations, 0 rejected; findings: \
             APPROVAL_LATE_NO_REASON ×1, LAPSE_CANDIDATE ×1, NOTICE_WINDOW_TOO_SHORT ×1, TALK_OVERDUE ×1\n"
        ),
        "{}",
        stderr(&en)
    );

    let (zh, en) = both(&["org", "check", &data("org.json"), "--on", "2026-04-01"]);
    assert!(
        stdout(&zh).contains("B01 第一党支部（branch）：正式党员 8 名，预备党员 1 名，共 9 名"),
        "{}",
        stdout(&zh)
    );
    // B01's term and election, its 三会一课 periods and the summary's day and range, all in Chinese.
    let table = stdout(&zh);
    assert!(
        table.contains("；任期 2026年3月10日 → 2029年3月10日\n"),
        "{table}"
    );
    assert!(
        table.contains("  选举 E1 2026年3月10日：有效，应到 7 实到 6，"),
        "{table}"
    );
    assert!(
        table.contains(
            "  三会一课 支部委员会会议 每月（branch_committee monthly）：已开 2026年1月、2026年2月；缺 2026年3月\n"
        ),
        "{table}"
    );
    assert!(
        stderr(&zh).ends_with(
            "2026年4月1日：检查 4 个组织（2026年1月1日至2026年3月31日），问题 5 个（违规 4 个）：\
             评为优秀的人数超过规定比例（EXCELLENT_QUOTA_EXCEEDED） ×1；党课未记载讲课人（LECTURER_MISSING） ×1；\
             该期间没有召开规定的会议（MEETING_MISSING） ×3\n"
        ),
        "{}",
        stderr(&zh)
    );
    assert!(
        stdout(&en).contains("; term 2026-03-10 → 2029-03-10\n"),
        "{}",
        stdout(&en)
    );
    assert!(
        stderr(&en).ends_with(
            "2026-04-01: 4 organization(s) checked over 2026-01-01..2026-03-31, 5 finding(s) (4 violation(s)): \
             EXCELLENT_QUOTA_EXCEEDED ×1, LECTURER_MISSING ×1, MEETING_MISSING ×3\n"
        ),
        "{}",
        stderr(&en)
    );
    assert!(!stderr(&en).contains("检查"), "{}", stderr(&en));
}

#[test]
fn an_unreadable_file_is_an_error_in_the_reader_s_language() {
    let (zh, en) = both(&["member", "check", "no-such-file.json", "--on", "2026-11-20"]);
    assert_eq!(zh.status.code(), Some(2));
    let err = stderr(&zh);
    assert!(
        err.starts_with("错误：no-such-file.json：无法读取："),
        "{err}"
    );
    assert_eq!(
        err.lines().count(),
        1,
        "no usage hint: the command line was right"
    );
    assert!(stderr(&en).starts_with("error: no-such-file.json: cannot read: "));
    // A command-line mistake stays clap's one English line and the help to read.
    let out = run(&["member", "check", "m.json"]);
    assert!(stderr(&out).starts_with("error: `member check` needs --on YYYY-MM-DD\n"));
}

#[test]
fn dues_reports_in_chinese_and_writes_the_same_csv() {
    // cli.rs works the roster's 30 members and its 3467.56 yuan out by hand.
    let (zh, en) = both(&["dues", &data("roster.csv"), "--month", "2026-11"]);
    assert_eq!(zh.status.code(), Some(0));
    let err = stderr(&zh);
    assert!(
        err.starts_with("读取：") && err.contains("：CSV，UTF-8；表头在第 1 行\n"),
        "{err}"
    );
    assert!(
        err.ends_with(
            "2026年11月：30 名党员已计算，应交合计 3467.56 元，0 行有错误；问题：\
             月交党费超过参考数额；按规定比例照收，不设上限（DUES_ABOVE_ADVISORY_MAX） ×1\n"
        ),
        "{err}"
    );
    assert!(stderr(&en).contains("2026-11: 30 members assessed, total due 3467.56 yuan"));
    assert_eq!(
        stdout(&zh),
        stdout(&en),
        "stdout is the machine-readable CSV"
    );
    assert!(stdout(&zh).starts_with("member_id,category,base,rate,amount,citation,findings\n"));
}
