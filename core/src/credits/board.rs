//! Leaderboards per organization subtree, and the annual rating with tiers and a quota (民主评议: 优秀 at
//! most one third of those rated; RULES §3).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::report::Total;
use super::time::PeriodKind;
use crate::{Error, Result};

/// One line of a leaderboard. Ranking is standard competition ranking (1, 2, 2, 4); equal scores are
/// listed by member id.
///
/// ```
/// let s: dangjian::credits::Standing = serde_json::from_str(r#"{"rank":2,"member_id":"M2","score":30}"#).unwrap();
/// assert_eq!(s.rank, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct Standing {
    /// 1-based rank; equal scores share a rank and the next rank skips.
    pub rank: u32,
    /// The member.
    pub member_id: String,
    /// The score (a total's `score`).
    pub score: i64,
}

/// The organization of each member, and each organization's parent (the root has none).
///
/// ```
/// let o: dangjian::credits::OrgMap = serde_json::from_str(r#"{"member_org":{"M1":"branch1"},
///   "parent":{"branch1":"committee"}}"#).unwrap();
/// assert!(o.within("M1", "committee").unwrap());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct OrgMap {
    /// Member id → organization id.
    pub member_org: BTreeMap<String, String>,
    /// Organization id → parent organization id.
    #[serde(default)]
    pub parent: BTreeMap<String, String>,
}

impl OrgMap {
    /// Whether the member belongs to `org` or an organization under it. A cycle in `parent` is an error
    /// (`ORG_CYCLE`, naming the organization where it was found).
    ///
    /// ```
    /// let o: dangjian::credits::OrgMap = serde_json::from_str(r#"{"member_org":{"M1":"a"},
    ///   "parent":{"a":"b","b":"a"}}"#).unwrap();
    /// assert_eq!(o.within("M1", "c").unwrap_err().code(), "ORG_CYCLE");
    /// ```
    pub fn within(&self, member: &str, org: &str) -> Result<bool> {
        let Some(mut at) = self.member_org.get(member) else {
            return Ok(false);
        };
        // A chain longer than the number of organizations must loop.
        for _ in 0..=self.parent.len() {
            if at == org {
                return Ok(true);
            }
            match self.parent.get(at) {
                Some(p) => at = p,
                None => return Ok(false),
            }
        }
        Err(Error::input(
            "ORG_CYCLE",
            format!("parent.{at}"),
            "上级组织关系有环",
            "the parent map has a cycle",
        ))
    }
}

/// The leaderboard of one period (`kind` and `period` as in [`Total`]) for the members of `org` and the
/// organizations under it.
///
/// ```
/// use dangjian::credits::{leaderboard, OrgMap, PeriodKind, Total};
/// let t = |m: &str, s| Total { member_id: m.into(), kind: PeriodKind::Year, period: "2026".into(), points: s, score: s };
/// let orgs: OrgMap = serde_json::from_str(r#"{"member_org":{"A":"b1","B":"b1","C":"b2","D":"b2"},
///   "parent":{"b1":"root","b2":"root"}}"#).unwrap();
/// let board = leaderboard(&[t("A", 10), t("B", 8), t("C", 8), t("D", 5)], PeriodKind::Year, "2026", "root", &orgs).unwrap();
/// let ranks: Vec<u32> = board.iter().map(|s| s.rank).collect();
/// assert_eq!(ranks, [1, 2, 2, 4]);
/// ```
pub fn leaderboard(
    totals: &[Total],
    kind: PeriodKind,
    period: &str,
    org: &str,
    orgs: &OrgMap,
) -> Result<Vec<Standing>> {
    let mut rows = Vec::new();
    for t in totals {
        if t.kind == kind && t.period == period && orgs.within(&t.member_id, org)? {
            rows.push((t.member_id.clone(), t.score));
        }
    }
    Ok(rank(rows))
}

fn rank(mut rows: Vec<(String, i64)>) -> Vec<Standing> {
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<Standing> = Vec::with_capacity(rows.len());
    for (i, (member_id, score)) in rows.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.score == score => prev.rank,
            _ => u32::try_from(i.saturating_add(1)).unwrap_or(u32::MAX),
        };
        out.push(Standing {
            rank,
            member_id,
            score,
        });
    }
    out
}

/// A rating tier: those at or above `min_score` (and not placed in a higher tier) get it, within its quota.
///
/// ```
/// let t: dangjian::credits::Tier = serde_json::from_str(r#"{"name":"优秀","min_score":90,
///   "quota":{"numerator":1,"denominator":3}}"#).unwrap();
/// assert_eq!(t.quota.unwrap().denominator, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// The tier's name (优秀, 合格, 基本合格, 不合格).
    pub name: String,
    /// The lowest score for the tier.
    pub min_score: i64,
    /// At most this fraction of those rated (rounded down).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<Quota>,
}

/// A fraction of those rated.
///
/// ```
/// let q = dangjian::credits::Quota { numerator: 1, denominator: 3 };
/// assert_eq!(q.of(10), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Quota {
    /// Numerator.
    pub numerator: u32,
    /// Denominator (at least 1).
    pub denominator: u32,
}

impl Quota {
    /// The quota for `n` people, rounded down.
    ///
    /// ```
    /// assert_eq!(dangjian::credits::Quota { numerator: 1, denominator: 3 }.of(2), 0);
    /// ```
    pub fn of(self, n: usize) -> usize {
        let n = (n as u128)
            .saturating_mul(u128::from(self.numerator))
            .checked_div(u128::from(self.denominator))
            .unwrap_or(0);
        usize::try_from(n).unwrap_or(usize::MAX)
    }
}

/// One member's rating.
///
/// ```
/// let r: dangjian::credits::Rating = serde_json::from_str(r#"{"member_id":"M1","score":95,"tier":"优秀"}"#).unwrap();
/// assert_eq!(r.tier, "优秀");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct Rating {
    /// The member.
    pub member_id: String,
    /// The score rated.
    pub score: i64,
    /// The tier given.
    pub tier: String,
}

/// The shipped tiers (民主评议): 优秀 ≥ 90 within 1/3, 合格 ≥ 60, 基本合格 ≥ 40, 不合格 below — the
/// score lines are UNCONFIRMED local practice; the 1/3 quota is RULES §3.
///
/// ```
/// assert_eq!(dangjian::credits::default_tiers().len(), 4);
/// ```
pub fn default_tiers() -> Vec<Tier> {
    let tier = |name: &str, min_score, quota| Tier {
        name: name.to_owned(),
        min_score,
        quota,
    };
    vec![
        tier(
            "优秀",
            90,
            Some(Quota {
                numerator: 1,
                denominator: 3,
            }),
        ),
        tier("合格", 60, None),
        tier("基本合格", 40, None),
        tier("不合格", i64::MIN, None),
    ]
}

/// Rates members (id, score) into tiers, listed highest first. Each tier takes, by score, those not yet
/// placed who reach its `min_score`, up to its quota of all those rated. **Ties at the quota line:** when the
/// quota would split members with equal scores, none of that score gets the tier — a quota is an upper
/// bound ("at most"), and equal scores must get equal tiers; they fall to the next tier. Those reaching no
/// tier get the last. Result: by score, then member id.
///
/// ```
/// use dangjian::credits::{rate, default_tiers};
/// let m = |id: &str, s| (id.to_owned(), s);
/// // Six rated: quota 2. Three share 95 at the line: none of them is 优秀; 98 is.
/// let r = rate(&[m("A", 98), m("B", 95), m("C", 95), m("D", 95), m("E", 70), m("F", 10)], &default_tiers()).unwrap();
/// let tiers: Vec<&str> = r.iter().map(|x| x.tier.as_str()).collect();
/// assert_eq!(tiers, ["优秀", "合格", "合格", "合格", "合格", "不合格"]);
/// ```
pub fn rate(scores: &[(String, i64)], tiers: &[Tier]) -> Result<Vec<Rating>> {
    if tiers.is_empty() {
        return Err(Error::input(
            "NO_TIERS",
            "tiers",
            "没有评定等次",
            "no tiers given",
        ));
    }
    for (i, pair) in tiers.windows(2).enumerate() {
        if let [a, b] = pair {
            if b.min_score >= a.min_score {
                return Err(Error::input(
                    "TIERS_NOT_DESCENDING",
                    format!("tiers[{}].min_score", i.saturating_add(1)),
                    "等次须按分数线从高到低排列",
                    "tiers must be listed by min_score, highest first",
                ));
            }
        }
    }
    let mut rows: Vec<(String, i64)> = scores.to_vec();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let n = rows.len();
    let mut out = Vec::with_capacity(n);
    let mut rest = rows.as_slice();
    for (ti, tier) in tiers.iter().enumerate() {
        let last = ti.saturating_add(1) == tiers.len();
        let mut take = if last {
            rest.len()
        } else {
            rest.iter().take_while(|r| r.1 >= tier.min_score).count()
        };
        if let Some(q) = tier.quota {
            let limit = q.of(n);
            if take > limit {
                take = limit;
                // Drop the whole group tied with the first one left out.
                if let Some(line) = rest.get(limit).map(|r| r.1) {
                    while take > 0
                        && rest
                            .get(take.saturating_sub(1))
                            .is_some_and(|r| r.1 == line)
                    {
                        take = take.saturating_sub(1);
                    }
                }
            }
        }
        let (placed, left) = rest.split_at(take.min(rest.len()));
        out.extend(placed.iter().map(|(id, s)| Rating {
            member_id: id.clone(),
            score: *s,
            tier: tier.name.clone(),
        }));
        rest = left;
    }
    Ok(out)
}
