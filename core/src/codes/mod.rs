//! The code registry: every stable `SCREAMING_SNAKE` code the library and its surfaces produce, declared once.
//!
//! A code names what happened; the message at the call site says it about the case at hand (with the dates,
//! amounts and names). The registry adds what a host needs to handle a code it may never have seen in a
//! test: the [`Area`] it belongs to, its [`Kind`] (an error, a finding, a next step, a scoring or audit
//! outcome) and a generic sentence in Chinese and English to show when nothing more specific is at hand.
//!
//! - [`Code`]: every code as an enum value, with [`Code::as_str`] and [`std::str::FromStr`];
//! - [`describe`]: the record of a code given as text (what an [`Error`](crate::Error) or a
//!   [`Finding`](crate::Finding) carries); [`all`]: every record;
//! - [`crate::Error::known_code`], [`crate::Finding::known_code`]: the [`Code`] of an error or a finding;
//! - [`TYPESCRIPT`]: the `DangjianCode` union of the npm package's declarations, made from the same table.
//!
//! ```
//! use dangjian::codes::{self, Area, Code, Kind};
//! let info = codes::describe("MISSING_INCOME").unwrap();
//! assert_eq!((info.code, info.area, info.kind), (Code::MissingIncome, Area::Dues, Kind::Error));
//! assert_eq!(info.message_zh, "未提供收入，无法计算党费");
//! assert_eq!("DUES_LAPSE".parse::<Code>().unwrap().as_str(), "DUES_LAPSE");
//! assert!(codes::describe("NOPE").is_none());
//! assert!(codes::all().any(|i| i.kind == Kind::Finding));
//! ```
//!
//! Adding a code is one line in `codes/table.rs`; `UPDATE_CODES=1 cargo test -p dangjian --test codes_registry`
//! then rewrites `core/CODES.md`, the table below.
//!
#![doc = include_str!("../../CODES.md")]

use serde::{Deserialize, Serialize};

/// Declares the registry: the [`Code`] enum, its text form, its records and the TypeScript union, from one
/// line per code: `Variant = "CODE", Area, Kind, "中文", "English"` with an optional `, untested = "why"`.
macro_rules! registry {
    ($( $variant:ident = $code:literal, $area:ident, $kind:ident, $zh:literal, $en:literal
        $(, untested = $why:literal)? ; )*) => {
        /// Every code of the registry. The text form ([`Code::as_str`], [`Display`](std::fmt::Display),
        /// serde) is the `SCREAMING_SNAKE` code; each variant's doc is its generic English message.
        ///
        /// ```
        /// use dangjian::codes::Code;
        /// let code: Code = "NEGATIVE_AMOUNT".parse().unwrap();
        /// assert_eq!(code, Code::NegativeAmount);
        /// assert_eq!(code.to_string(), "NEGATIVE_AMOUNT");
        /// assert_eq!(code.info().message_en, "an amount or figure must not be negative");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( #[doc = $en] $variant, )*
        }

        impl Code {
            /// The stable text of the code.
            ///
            /// ```
            /// assert_eq!(dangjian::codes::Code::InvalidDate.as_str(), "INVALID_DATE");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Code::$variant => $code, )*
                }
            }

            /// The registry's record of the code.
            ///
            /// ```
            /// use dangjian::codes::{Area, Code};
            /// assert_eq!(Code::DuesLapse.info().area, Area::Dues);
            /// ```
            pub const fn info(self) -> &'static CodeInfo {
                match self {
                    $( Code::$variant => &CodeInfo {
                        code: Code::$variant,
                        area: Area::$area,
                        kind: Kind::$kind,
                        message_zh: $zh,
                        message_en: $en,
                        untested: registry!(@why $($why)?),
                    }, )*
                }
            }

            /// The Rust name of the variant (`MissingIncome`), which the tests hold to the code's text.
            #[doc(hidden)]
            pub const fn variant_name(self) -> &'static str {
                match self {
                    $( Code::$variant => stringify!($variant), )*
                }
            }
        }

        /// Every code, in the table's order.
        pub(super) const EVERY: &[Code] = &[ $( Code::$variant, )* ];

        /// The TypeScript union of every code, as the npm package declares it (`DangjianCode`).
        ///
        /// ```
        /// assert!(dangjian::codes::TYPESCRIPT.contains("| \"MISSING_INCOME\""));
        /// ```
        pub const TYPESCRIPT: &str = concat!(
            "/** Every stable code a dangjian function may produce (errors, findings, next steps, outcomes). */\n",
            "export type DangjianCode =",
            $( "\n  | \"", $code, "\"", )*
            ";\n",
        );
    };
    (@why) => { None };
    (@why $why:literal) => { Some($why) };
}

mod table;

use table::EVERY;
pub use table::{Code, TYPESCRIPT};

/// The part of the library a code belongs to.
///
/// ```
/// assert_eq!(dangjian::codes::Area::Dues.as_str(), "dues");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Area {
    /// Values every engine reads: dates, months, amounts, the organization tree.
    Common,
    /// The dated rules documents (policy).
    Policy,
    /// The official working-day calendar.
    Calendar,
    /// Party dues (党费).
    Dues,
    /// Learning credits (学习积分) and member points.
    Credits,
    /// Members, development, discipline and organizations.
    Membership,
    /// Party-affairs disclosure (党务公开).
    Disclosure,
    /// Raised only by a binding, the wasm package or the CLI while reading their own arguments.
    Surface,
}

impl Area {
    /// The lower-case name (`dues`, `membership`, …).
    ///
    /// ```
    /// assert_eq!(dangjian::codes::Area::Surface.as_str(), "surface");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Area::Common => "common",
            Area::Policy => "policy",
            Area::Calendar => "calendar",
            Area::Dues => "dues",
            Area::Credits => "credits",
            Area::Membership => "membership",
            Area::Disclosure => "disclosure",
            Area::Surface => "surface",
        }
    }
}

/// Where a code appears.
///
/// ```
/// use dangjian::codes::Kind;
/// assert!(Kind::Both.is_error() && Kind::Both.is_finding());
/// assert_eq!(Kind::Step.as_str(), "step");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// The code of an [`Error`](crate::Error): the call failed.
    Error,
    /// The code of a [`Finding`](crate::Finding): the result carries something to know or act on.
    Finding,
    /// Both an error code and a finding code.
    Both,
    /// The code of a next step (`membership::NextStep`): what is due next.
    Step,
    /// An outcome carried in a result: why a credits entry scored what it did, or where an audit log broke.
    Outcome,
}

impl Kind {
    /// The lower-case name (`error`, `finding`, `both`, `step`, `outcome`).
    ///
    /// ```
    /// assert_eq!(dangjian::codes::Kind::Outcome.as_str(), "outcome");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Error => "error",
            Kind::Finding => "finding",
            Kind::Both => "both",
            Kind::Step => "step",
            Kind::Outcome => "outcome",
        }
    }

    /// `true` for [`Kind::Error`] and [`Kind::Both`].
    ///
    /// ```
    /// assert!(dangjian::codes::Kind::Error.is_error());
    /// ```
    pub const fn is_error(self) -> bool {
        matches!(self, Kind::Error | Kind::Both)
    }

    /// `true` for [`Kind::Finding`] and [`Kind::Both`].
    ///
    /// ```
    /// assert!(!dangjian::codes::Kind::Step.is_finding());
    /// ```
    pub const fn is_finding(self) -> bool {
        matches!(self, Kind::Finding | Kind::Both)
    }
}

/// The registry's record of one code.
///
/// ```
/// let info = dangjian::codes::describe("DUES_LAPSE").unwrap();
/// assert_eq!(info.message_en, "the member has not paid dues for six months in a row");
/// assert!(info.untested.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CodeInfo {
    /// The code.
    pub code: Code,
    /// The part of the library it belongs to.
    pub area: Area,
    /// Where it appears (error, finding, next step, outcome).
    pub kind: Kind,
    /// A generic sentence in Chinese; the call site's message is more specific.
    pub message_zh: &'static str,
    /// A generic sentence in English; the call site's message is more specific.
    pub message_en: &'static str,
    /// Why no test produces the code, for the few that no input can provoke; `None` for every other.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub untested: Option<&'static str>,
}

/// The record of `code`, or `None` when the registry has no such code.
///
/// ```
/// let info = dangjian::codes::describe("INVALID_DATE").unwrap();
/// assert_eq!(info.area, dangjian::codes::Area::Common);
/// assert!(dangjian::codes::describe("invalid_date").is_none()); // codes are upper case
/// ```
pub fn describe(code: &str) -> Option<&'static CodeInfo> {
    code.parse::<Code>().ok().map(Code::info)
}

/// Every record of the registry, in the table's order.
///
/// ```
/// let n = dangjian::codes::all().count();
/// assert!(n > 250);
/// assert!(dangjian::codes::all().all(|i| i.code.as_str().chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')));
/// ```
pub fn all() -> impl ExactSizeIterator<Item = &'static CodeInfo> + Clone {
    EVERY.iter().map(|c| c.info())
}

/// The Markdown table of every code (sorted by area, then code), as `core/CODES.md` holds it.
///
/// ```
/// let md = dangjian::codes::markdown_table();
/// assert!(md.contains("| `MISSING_INCOME` | dues | error | 未提供收入，无法计算党费 | no income was given, so dues cannot be computed |"));
/// ```
pub fn markdown_table() -> String {
    let mut rows: Vec<&CodeInfo> = all().collect();
    rows.sort_by_key(|i| (i.area, i.code.as_str()));
    let mut out = String::from("| code | area | kind | 中文 | English |\n|---|---|---|---|---|\n");
    for i in rows {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            i.code.as_str(),
            i.area.as_str(),
            i.kind.as_str(),
            i.message_zh,
            i.message_en
        ));
    }
    out
}

/// The error of parsing a text that is not a registry code.
///
/// ```
/// let e = "NOPE".parse::<dangjian::codes::Code>().unwrap_err();
/// assert_eq!(e.to_string(), "not a registered code: NOPE");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a registered code: {0}")]
pub struct UnknownCode(pub String);

impl std::str::FromStr for Code {
    type Err = UnknownCode;

    /// A binary search of the codes sorted by their text (sorted once): a `match` on every code's text was the
    /// largest function of the npm package after the member check's rules (13.6 KB of code).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let sorted = by_text();
        sorted
            .binary_search_by(|c| c.as_str().cmp(s))
            .ok()
            .and_then(|i| sorted.get(i).copied())
            .ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

/// Every code, sorted by its text.
fn by_text() -> &'static [Code] {
    static SORTED: std::sync::OnceLock<Vec<Code>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut all = EVERY.to_vec();
        all.sort_unstable_by_key(|c| c.as_str());
        all
    })
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl crate::Error {
    /// The registry's [`Code`] of this error; `None` only for a code the registry lacks (a bug the registry's
    /// coverage test looks for).
    ///
    /// ```
    /// use dangjian::codes::Code;
    /// let e = dangjian::Error::input("NEGATIVE_AMOUNT", "amount", "金额为负", "negative amount");
    /// assert_eq!(e.known_code(), Some(Code::NegativeAmount));
    /// ```
    pub fn known_code(&self) -> Option<Code> {
        self.code().parse().ok()
    }
}

impl crate::Finding {
    /// The registry's [`Code`] of this finding; `None` only for a code the registry lacks.
    ///
    /// ```
    /// use dangjian::{codes::Code, Finding, Severity};
    /// let f = Finding::new("DUES_LAPSE", Severity::Violation, "连续六个月未交纳党费", "six months unpaid", None);
    /// assert_eq!(f.known_code(), Some(Code::DuesLapse));
    /// ```
    pub fn known_code(&self) -> Option<Code> {
        self.code.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// `MISSING_INCOME` → `MissingIncome`.
    fn camel(code: &str) -> String {
        code.split('_')
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|c| c.to_string() + &cs.as_str().to_ascii_lowercase())
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn each_variant_is_named_for_its_code_and_round_trips() {
        for info in all() {
            let code = info.code;
            assert_eq!(
                code.variant_name(),
                camel(code.as_str()),
                "variant of {code}"
            );
            assert_eq!(code.as_str().parse::<Code>(), Ok(code));
            assert_eq!(code.info(), info);
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
        }
    }

    #[test]
    fn codes_are_unique_screaming_snake_with_sentences_in_both_languages() {
        let mut seen = HashSet::new();
        for i in all() {
            let s = i.code.as_str();
            assert!(seen.insert(s), "{s} declared twice");
            assert!(
                s.starts_with(|c: char| c.is_ascii_uppercase())
                    && !s.ends_with('_')
                    && !s.contains("__")
                    && s.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
                "{s} is not SCREAMING_SNAKE"
            );
            assert!(
                i.message_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{s}: the Chinese message has no Chinese"
            );
            assert!(
                i.message_en.starts_with(|c: char| c.is_ascii_lowercase())
                    && !i.message_en.ends_with('.'),
                "{s}: the English message should read as a clause (lower-case start, no full stop)"
            );
            assert!(
                !i.message_en.contains('{') && !i.message_zh.contains('{'),
                "{s}: placeholder left in a generic message"
            );
            assert!(
                i.untested.is_none_or(|why| why.len() > 20),
                "{s}: say why it is untested"
            );
        }
        assert_eq!(seen.len(), EVERY.len());
    }

    #[test]
    fn lookups_reject_what_is_not_a_code() {
        for bad in ["", "missing_income", "MISSING_INCOME ", "NOPE", "MISSING"] {
            assert!(describe(bad).is_none(), "{bad:?}");
            assert_eq!(bad.parse::<Code>(), Err(UnknownCode(bad.to_owned())));
        }
        assert!(serde_json::from_str::<Code>("\"NOPE\"").is_err());
    }

    #[test]
    fn the_typescript_union_lists_every_code_once() {
        let members: Vec<&str> = TYPESCRIPT
            .lines()
            .filter_map(|l| {
                l.trim()
                    .trim_end_matches(';')
                    .strip_prefix("| \"")?
                    .strip_suffix('"')
            })
            .collect();
        assert_eq!(members.len(), EVERY.len());
        assert!(members.iter().zip(EVERY).all(|(m, c)| *m == c.as_str()));
        assert!(TYPESCRIPT.trim_end().ends_with(';'));
    }

    #[test]
    fn the_markdown_table_has_a_row_per_code_sorted_by_area() {
        let md = markdown_table();
        assert_eq!(md.lines().count(), EVERY.len() + 2);
        let areas: Vec<&str> = md
            .lines()
            .skip(2)
            .filter_map(|l| l.split(" | ").nth(1))
            .collect();
        let first_dues = areas.iter().position(|a| *a == "dues").unwrap();
        let last_common = areas.iter().rposition(|a| *a == "common").unwrap();
        assert!(last_common < first_dues);
    }
}
