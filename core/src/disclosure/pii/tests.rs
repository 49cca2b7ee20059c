//! The scanner on numbers as people write them, worked by hand: each expected mask keeps the characters as
//! written and hides the middle digits (identity numbers: the birth date and more; mobiles: digits 4–7; cards:
//! all but the last four).

use super::ScanOptions;
use crate::disclosure::{mask, mask_with, scan, scan_with, PersonalKind};

const ALL: ScanOptions = ScanOptions {
    landlines: true,
    emails: true,
};

fn one(text: &str) -> (PersonalKind, usize, usize, String) {
    let found = scan(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    let f = &found[0];
    (f.kind, f.start, f.end, f.masked.clone())
}

#[test]
fn mobile_numbers_in_every_written_form() {
    let cases = [
        ("13800138000", "138****8000"),
        ("138-0013-8000", "138-****-8000"),
        ("138 0013 8000", "138 **** 8000"),
        ("138.0013.8000", "138.****.8000"),
        ("138·0013·8000", "138·****·8000"),
        ("138\u{3000}0013\u{3000}8000", "138\u{3000}****\u{3000}8000"),
        ("138 - 0013 - 8000", "138 - **** - 8000"),
        ("138 00138000", "138 ****8000"),
        ("1380013 8000", "138****\u{20}8000"),
        ("1380 0138 000", "138* ***8 000"),
        ("１３８００１３８０００", "１３８****８０００"),
        ("１３８－００１３－８０００", "１３８－****－８０００"),
        ("+8613800138000", "+86138****8000"),
        ("+86 138 0013 8000", "+86 138 **** 8000"),
        ("＋８６ １３８００１３８０００", "＋８６ １３８****８０００"),
        ("0086-138-0013-8000", "0086-138-****-8000"),
        ("008613800138000", "0086138****8000"),
        ("8613800138000", "86138****8000"),
        ("86 13800138000", "86 138****8000"),
        ("(+86)13800138000", "(+86)138****8000"),
        ("（+86）138 0013 8000", "（+86）138 **** 8000"),
        ("(0086) 138-0013-8000", "(0086) 138-****-8000"),
        ("[+86]13800138000", "[+86]138****8000"),
    ];
    for (written, masked) in cases {
        let text = format!("联系电话：{written}。");
        let (kind, start, end, m) = one(&text);
        assert_eq!(kind, PersonalKind::Mobile, "{written}");
        assert_eq!((start, end), (5, 5 + written.chars().count()), "{written}");
        assert_eq!(m, masked, "{written}");
        assert_eq!(mask(&text), format!("联系电话：{masked}。"));
    }
}

#[test]
fn identity_numbers_in_every_written_form() {
    // 110101 19900307 451 → Σ dᵢwᵢ mod 11 = 7 → check character 4; GB 11643's own example ends in X.
    let cases = [
        ("110101199003074514", "110101********4514"),
        ("110101 19900307 4514", "110101 ******** 4514"),
        ("110101-19900307-4514", "110101-********-4514"),
        (
            "110101\u{3000}1990\u{3000}0307\u{3000}4514",
            "110101\u{3000}****\u{3000}****\u{3000}4514",
        ),
        (
            "１１０１０１１９９００３０７４５１４",
            "１１０１０１********４５１４",
        ),
        ("11010519491231002X", "110105********002X"),
        ("110105 19491231 002x", "110105 ******** 002x"),
        (
            "１１０１０５１９４９１２３１００２Ｘ",
            "１１０１０５********００２Ｘ",
        ),
        // First generation: region, 1949-12-31, sequence 002.
        ("110105491231002", "110105******002"),
        ("110105 491231 002", "110105 ****** 002"),
        ("110105-491231002", "110105-******002"),
    ];
    for (written, masked) in cases {
        let text = format!("身份证号{written}，");
        assert_eq!(
            one(&text),
            (
                PersonalKind::IdNumber,
                4,
                4 + written.chars().count(),
                masked.to_owned()
            ),
            "{written}"
        );
    }
}

#[test]
fn bank_cards_in_groups_of_four() {
    // 6217003810012345677: Luhn sum 70.
    let cases = [
        ("6217003810012345677", "***************5677"),
        ("6217 0038 1001 2345 677", "**** **** **** ***5 677"),
        ("6217-0038-1001-2345-677", "****-****-****-***5-677"),
        (
            "６２１７ ００３８ １００１ ２３４５ ６７７",
            "**** **** **** ***５ ６７７",
        ),
        ("6222 0202 0000 0000 006", "**** **** **** ***0 006"),
        ("4111 1111 1111 1111", "**** **** **** 1111"),
    ];
    for (written, masked) in cases {
        let text = format!("卡号：{written}");
        assert_eq!(
            one(&text),
            (
                PersonalKind::BankCard,
                3,
                3 + written.chars().count(),
                masked.to_owned()
            ),
            "{written}"
        );
    }
}

#[test]
fn separators_belong_to_a_number_only_between_its_groups() {
    // A space may stand between two numbers; the date after the mobile is not glued to it.
    let f = scan("13800138000 2026-03-02");
    assert_eq!((f.len(), f[0].start, f[0].end), (1, 0, 11));
    assert_eq!(mask("2026-03-02 13800138000"), "2026-03-02 138****8000");
    assert_eq!(mask("13800138000 13900139000"), "138****8000 139****9000");
    assert_eq!(
        mask("110101 19900307 4514 2026"),
        "110101 ******** 4514 2026"
    );
    // A separator before or after a number is not part of it.
    assert_eq!(one(" -13800138000. ").1..one(" -13800138000. ").2, 2..13);
    // A tight gap binds: these are one longer number each, and none of the kinds.
    for text in [
        "110101199003074514-1",
        "2026-13800138000",
        "3.13800138000",
        "13800138000.5",
        "1-110101199003074514",
    ] {
        assert!(scan(text).is_empty(), "{text}");
    }
    // A number is never cut out of a longer run of digits.
    assert!(scan("1101011990030745140").is_empty());
    assert!(scan("5110101199003074514").is_empty());
    assert!(scan("138001380001").is_empty());
    // Four separators are no longer a gap inside a number.
    assert!(scan("138    0013    8000").is_empty());
    // An X closes an identity number only right after its 17th digit.
    assert!(scan("11010519491231002 X").is_empty());
}

#[test]
fn checks_still_decide() {
    for text in [
        "110101199003074515",   // wrong check digit (and Luhn fails)
        "110101 19900307 4515", // grouped, same
        "110101199013074513",   // month 13
        "000101199003074514",   // no region 00
        "110105491331002",      // first generation, month 13
        "110105490231002",      // 31 February 1949
        "00010549123100",       // 14 digits
        "12800138000",          // 12x is no mobile prefix
        "128 0013 8000",
        "6217 0038 1001 2345 678", // Luhn fails
        "1234 5678 9012 3456",     // Luhn fails
        "2026 0302 2026 0305",     // groups of four, but no card starts with 2 here
        "0900 1130 1400 1700",
    ] {
        assert!(scan(text).is_empty(), "{text}: {:?}", scan(text));
        assert_eq!(mask(text), text);
    }
}

/// Strings that are not personal data and must come back as they are, with every option on.
pub(super) const NOT_PERSONAL: &[&str] = &[
    "中组发〔2008〕3号",
    "〔2026〕12号",
    "组电明字〔2017〕5号",
    "2026-03-02",
    "2026.03.02",
    "2026/03/02",
    "2026年3月2日",
    "20260302",
    "2026-03-02 09:00",
    "2026.03.02-2026.03.05",
    "20260302-20260305",
    "20260302 20260305",
    "2026-03-02 至 2026-03-06",
    "1,234.56元",
    "3.5",
    "12 345.67 元",
    "13 800 138 000 元",
    "1 380 013 800.00",
    "13,800,138,000",
    "0.5%",
    "￥2,000.00",
    "党费 13800.00 元",
    "订单号 202603021234567890",
    "订单号 20260302123456789",
    "文件编号 DJ-2026-0012",
    "合同编号 HT20260302001",
    "ISBN 978-7-01-012345-6",
    "192.168.1.1",
    "v1.2.3",
    "09:00-11:30",
    "第 1 期 第 3 批，党员 86 名",
    "11010519491231002",
    "110105194912310021",
    "62220202000000000061",
    "6222020200000000005",
    "6217 0038 1001 2345",
    "2026 0302 2026 0305",
    "0900-1130 1400-1700",
    "张三、李四、王五",
];

#[test]
fn the_non_personal_corpus_is_left_alone() {
    for text in NOT_PERSONAL {
        assert!(
            scan_with(text, ALL).is_empty(),
            "{text}: {:?}",
            scan_with(text, ALL)
        );
        assert_eq!(mask_with(text, ALL), *text);
    }
}

#[test]
fn landlines_and_addresses_only_when_asked() {
    let notice = "如有异议，请联系党委组织部，电话010-62345678，邮箱 dangwei@example.org.cn。";
    assert!(scan(notice).is_empty());
    assert_eq!(
        mask_with(notice, ALL),
        "如有异议，请联系党委组织部，电话010-****5678，邮箱 d******@example.org.cn。"
    );
    let kinds = |t: &str| scan_with(t, ALL).iter().map(|f| f.kind).collect::<Vec<_>>();
    assert_eq!(kinds(notice), [PersonalKind::Landline, PersonalKind::Email]);
    let cases = [
        ("010-62345678", "010-****5678"),
        ("01062345678", "010****5678"),
        ("(010)62345678", "(010)****5678"),
        ("（０５７１）８８８８ ６６６６", "（０５７１）**** ６６６６"),
        ("0571 8888 6666", "0571 **** 6666"),
        ("0571-8888666", "0571-***8666"),
        ("020-62345678-8001", "020-****5678-8001"),
        ("a@qq.com", "*@qq.com"),
        (
            "zhang.san+dj@mail.example.com",
            "z***********@mail.example.com",
        ),
        (
            "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ",
            "ｚ****＠ｅｘａｍｐｌｅ．ｃｏｍ",
        ),
    ];
    for (written, masked) in cases {
        assert_eq!(mask_with(written, ALL), masked, "{written}");
        assert_eq!(mask(written), written, "{written}: off by default");
    }
    // A mobile number inside an address is part of the address when addresses are asked for, and masked
    // as a mobile number when they are not.
    assert_eq!(mask_with("13800138000@qq.com", ALL), "1**********@qq.com");
    assert_eq!(mask("13800138000@qq.com"), "138****8000@qq.com");
    // Not landlines: a local number with no area code, a 01x code other than 010, a local number starting 1.
    for text in [
        "62345678",
        "011-62345678",
        "010-12345678",
        "0302-62345678",
        "a@b",
        "a@example.c",
        "@example.com",
    ] {
        assert!(scan_with(text, ALL).is_empty(), "{text}");
    }
}

#[test]
fn offsets_are_in_the_callers_characters() {
    let text =
        "党员张三（身份证 １１０１０１ １９９００３０７ ４５１４），电话 +86 138-0013-8000。";
    let found = scan(text);
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(found.len(), 2);
    for f in &found {
        let written: String = chars[f.start..f.end].iter().collect();
        assert_eq!(written, f.text);
        assert_eq!(f.masked.chars().count(), f.end - f.start);
    }
    assert_eq!(found[0].text, "１１０１０１ １９９００３０７ ４５１４");
    assert_eq!(found[1].text, "+86 138-0013-8000");
    assert_eq!(
        mask(text),
        "党员张三（身份证 １１０１０１ ******** ４５１４），电话 +86 138-****-8000。"
    );
}

#[test]
fn long_and_odd_inputs_stay_linear_and_safe() {
    let long = "1 ".repeat(50_000);
    assert!(scan(&long).is_empty());
    let at = "a@".repeat(50_000);
    assert!(scan_with(&at, ALL).is_empty());
    assert!(scan("").is_empty());
    assert!(scan("(+86)").is_empty());
    assert!(scan_with(")12345678", ALL).is_empty());
    assert_eq!(mask("（+86）"), "（+86）");
}
