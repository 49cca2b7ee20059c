//! serde's reader messages said as sentences for the person who filled in the document.
//!
//! serde and serde_json write for programmers ("invalid type: string \"x\", expected struct DuesMember",
//! "EOF while parsing a list"); a party worker reading an app's error must be told what is wrong in words of
//! the document: a list, an object, a number such as 3200.00, a required item that is missing. The field
//! path travels beside the message (`ErrorDetail::field`), so the sentence does not repeat it. One table, so
//! every surface (Rust, Kotlin, Swift, Python, JS) shows the same words.
#![deny(clippy::arithmetic_side_effects)]

/// The Chinese and English sentences for one of serde's messages; a message of the library's own
/// (a type's `Deserialize` written in this crate) is kept as it is. `missing field \`category\`` becomes
/// `缺少必填项“category”` / `the required item "category" is missing`.
pub(super) fn sentence(inner: &str) -> (String, String) {
    if let Some(s) = named(inner) {
        return s;
    }
    if let Some(rest) = inner.strip_prefix("invalid type: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (got_zh, got_en) = shown(got);
        let (want_zh, want_en) = wanted(want);
        return (
            format!("此处应为{want_zh}，给出的是{got_zh}"),
            format!("this place takes {want_en}; it holds {got_en}"),
        );
    }
    if let Some(rest) = inner.strip_prefix("invalid value: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (got_zh, got_en) = shown(got);
        let (want_zh, want_en) = wanted(want);
        return (
            format!("{got_zh} 不是此处可用的值（此处应为{want_zh}）"),
            format!("{got_en} is not a value this place accepts ({want_en})"),
        );
    }
    if let Some(rest) = inner.strip_prefix("invalid length ") {
        let n = rest.split(',').next().unwrap_or(rest);
        return (
            format!("项数不对：给了 {n} 项"),
            format!("the wrong number of items: {n} given"),
        );
    }
    if inner.starts_with("data did not match any variant") {
        return (
            "内容不符合任何一种可接受的写法".to_owned(),
            "the content matches none of the accepted forms".to_owned(),
        );
    }
    syntax(inner).unwrap_or_else(|| (inner.to_owned(), inner.to_owned()))
}

/// The messages that name an item or a value between backticks: unknown value, unknown, missing or repeated
/// item.
fn named(inner: &str) -> Option<(String, String)> {
    let ticked = |prefix: &str| {
        inner
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, rest)| (name.to_owned(), rest.to_owned()))
    };
    if let Some((value, rest)) = ticked("unknown variant `") {
        let accepted = accepted_values(&rest);
        return Some((
            format!("“{value}”不是可用的值；可用的值：{}", accepted.join("、")),
            format!(
                "\"{value}\" is not one of the accepted values ({})",
                accepted.join(", ")
            ),
        ));
    }
    if let Some((name, _)) = ticked("unknown field `") {
        return Some((
            format!("文档中没有“{name}”这一项（拼写有误或多余）"),
            format!("\"{name}\" is not an item of this document (misspelt or extra)"),
        ));
    }
    if let Some((name, _)) = ticked("missing field `") {
        return Some((
            format!("缺少必填项“{name}”"),
            format!("the required item \"{name}\" is missing"),
        ));
    }
    ticked("duplicate field `").map(|(name, _)| {
        (
            format!("“{name}”这一项写了两次"),
            format!("the item \"{name}\" is given twice"),
        )
    })
}

/// The names between backticks after "expected one of": the values a reader would accept.
fn accepted_values(rest: &str) -> Vec<&str> {
    rest.split('`').skip(1).step_by(2).collect()
}

/// What serde says it found (`string "x"`, ``integer `7` ``, `map`) in the document's words.
fn shown(got: &str) -> (String, String) {
    let value = |prefix: &str| {
        got.strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_owned())
    };
    if let Some(v) = value("string ") {
        return (format!("文本 {v}"), format!("the text {v}"));
    }
    if let Some(v) = value("integer ").or_else(|| value("floating point ")) {
        return (format!("数字 {v}"), format!("the number {v}"));
    }
    if let Some(v) = value("boolean ") {
        return (v.clone(), v);
    }
    match got {
        "map" => ("一个对象 {…}".to_owned(), "an object {…}".to_owned()),
        "sequence" => ("一个列表 […]".to_owned(), "a list […]".to_owned()),
        "null" | "unit value" => ("空值 null".to_owned(), "null".to_owned()),
        _ => ("别的值".to_owned(), "another value".to_owned()),
    }
}

/// What serde says it wanted (`a sequence`, `struct DuesMember`, `u32`, `a Decimal`) in the document's words.
fn wanted(want: &str) -> (&'static str, &'static str) {
    let integer = [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize",
    ];
    if want.contains("sequence") || want.contains("tuple") || want.contains("array") {
        ("列表 […]", "a list […]")
    } else if want == "string or map" {
        ("文本或对象", "a text or an object")
    } else if want.starts_with("struct ") || want.contains("map") || want.contains("tagged enum") {
        ("对象 {…}", "an object {…}")
    } else if want.contains("string") {
        ("用引号括起的文本", "a text in quotes")
    } else if want.contains("Decimal") || want.contains("f64") || want.contains("f32") {
        ("数值（例如 3200.00）", "a number such as 3200.00")
    } else if integer.iter().any(|t| want.contains(t)) || want.contains("integer") {
        ("整数", "a whole number")
    } else if want.contains("bool") {
        ("true 或 false", "true or false")
    } else {
        ("另一种写法的值", "a value of another form")
    }
}

/// serde_json's messages about the text itself (a JSON syntax error) and chrono's about a date or a time.
fn syntax(inner: &str) -> Option<(String, String)> {
    let said = |zh: &str, en: &str| Some((zh.to_owned(), en.to_owned()));
    const SYNTAX: [&str; 12] = [
        "expected ",
        "trailing ",
        "key must be",
        "invalid escape",
        "invalid number",
        "invalid unicode",
        "control character",
        "lone leading surrogate",
        "unexpected end of hex escape",
        "float key must be finite",
        "unexpected end",
        "EOF ",
    ];
    const DATE: [&str; 7] = [
        "input is out of range",
        "premature end of input",
        "input contains invalid characters",
        "trailing input",
        "input is not enough",
        "no possible date and time",
        "bad or unsupported format",
    ];
    if inner.starts_with("EOF while") {
        said(
            "JSON 文本不完整，在结尾之前中断",
            "the JSON text ends before it is complete",
        )
    } else if inner.starts_with("recursion limit exceeded") {
        said("嵌套层次过深", "the document is nested too deeply")
    } else if inner.starts_with("number out of range") {
        said(
            "数字超出可表示的范围",
            "a number is beyond the range that can be represented",
        )
    } else if SYNTAX.iter().any(|p| inner.starts_with(p)) {
        said("不是有效的 JSON 文本", "this is not valid JSON text")
    } else if DATE.iter().any(|p| inner.starts_with(p)) {
        said(
            "日期或时间不对：日期写作 YYYY-MM-DD 且须真实存在，时间写作 2026-03-02T09:00:00+08:00",
            "not a valid date or time: a date is written YYYY-MM-DD and must exist, a time 2026-03-02T09:00:00+08:00",
        )
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::sentence;

    /// Every serde and serde_json message shape the library's documents can produce, and what it becomes.
    #[test]
    fn serde_messages_become_sentences() {
        let cases = [
            (
                "missing field `category`",
                "缺少必填项“category”",
                "the required item \"category\" is missing",
            ),
            (
                "unknown variant `astronaut`, expected one of `employed`, `student`",
                "“astronaut”不是可用的值；可用的值：employed、student",
                "\"astronaut\" is not one of the accepted values (employed, student)",
            ),
            (
                "unknown field `salary`, expected one of `member_id`, `category`",
                "文档中没有“salary”这一项（拼写有误或多余）",
                "\"salary\" is not an item of this document (misspelt or extra)",
            ),
            (
                "duplicate field `id`",
                "“id”这一项写了两次",
                "the item \"id\" is given twice",
            ),
            (
                "invalid type: map, expected a sequence",
                "此处应为列表 […]，给出的是一个对象 {…}",
                "this place takes a list […]; it holds an object {…}",
            ),
            (
                "invalid type: string \"D student\", expected struct DuesMember",
                "此处应为对象 {…}，给出的是文本 \"D student\"",
                "this place takes an object {…}; it holds the text \"D student\"",
            ),
            (
                "invalid type: integer `7`, expected a string",
                "此处应为用引号括起的文本，给出的是数字 7",
                "this place takes a text in quotes; it holds the number 7",
            ),
            (
                "invalid value: integer `-1`, expected u32",
                "数字 -1 不是此处可用的值（此处应为整数）",
                "the number -1 is not a value this place accepts (a whole number)",
            ),
            (
                "invalid length 3, expected a tuple of size 2",
                "项数不对：给了 3 项",
                "the wrong number of items: 3 given",
            ),
            (
                "data did not match any variant of untagged enum MembersInput",
                "内容不符合任何一种可接受的写法",
                "the content matches none of the accepted forms",
            ),
            (
                "EOF while parsing a list",
                "JSON 文本不完整，在结尾之前中断",
                "the JSON text ends before it is complete",
            ),
            (
                "expected value",
                "不是有效的 JSON 文本",
                "this is not valid JSON text",
            ),
            (
                "trailing characters",
                "不是有效的 JSON 文本",
                "this is not valid JSON text",
            ),
            (
                "recursion limit exceeded",
                "嵌套层次过深",
                "the document is nested too deeply",
            ),
        ];
        for (serde, zh, en) in cases {
            assert_eq!(sentence(serde), (zh.to_owned(), en.to_owned()), "{serde}");
        }
    }

    #[test]
    fn chrono_and_the_library_s_own_messages() {
        let (zh, en) = sentence("input is out of range");
        assert!(
            zh.starts_with("日期或时间不对") && en.starts_with("not a valid date or time"),
            "{zh} / {en}"
        );
        let own = "a month is written YYYY-MM: 2026-2";
        assert_eq!(sentence(own), (own.to_owned(), own.to_owned()));
    }
}
