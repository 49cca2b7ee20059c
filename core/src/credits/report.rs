//! Reading the ledger: entries, explanations and totals per member per day, ISO week, month and year.

use serde::{Deserialize, Serialize};

use super::compiled::ActRule;
use super::event::{Entry, EventError, LedgerEntry, Reason};
use super::fold::{Rec, Scored, BOUND_ITEMS, BOUND_TOTAL};
use super::rules::Unit;
use super::scorer::{EntryId, Ingest, Scorer};
use super::time::{day_to_date, month_and_year, period_key, week_start, PeriodKind};
use crate::{Citation, TraceStep};

/// Why an entry has its points, step by step, with the article of the rule set.
///
/// ```
/// use dangjian::credits::{Scheme, Scorer};
/// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
/// s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap()]);
/// let x = s.explain("e1").unwrap();
/// assert_eq!(x.steps.last().unwrap().value, "SCORED");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct Explanation {
    /// The steps: rule set, raw points, window, cap, result.
    pub steps: Vec<TraceStep>,
    /// The article of the rule set (or of the activity, when it has its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub citation: Option<Citation>,
}

/// A member's points in one period. `score` is `points` except for a year under a scheme with a base
/// score or a floor (党员积分制): base + points, not below the floor, taken from the rule set in force on
/// the day of the member's first event of that year.
///
/// ```
/// let t: dangjian::credits::Total = serde_json::from_str(r#"{"member_id":"M1","kind":"year","period":"2026",
///   "points":12,"score":72}"#).unwrap();
/// assert_eq!(t.score, 72);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "CreditTotal"))]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "CreditTotal")
)]
pub struct Total {
    /// The member.
    pub member_id: String,
    /// Day, week, month or year.
    pub kind: PeriodKind,
    /// `2026-01-05`, `2026-W02`, `2026-01` or `2026`.
    pub period: String,
    /// Sum of the entries' points.
    pub points: i64,
    /// The score (see above).
    pub score: i64,
}

/// What one scorer call changed, with the entries read out: [`Ingest`] resolved against its scorer, owned,
/// so it can be kept, sent to another thread or handed across the FFI. Its JSON is the
/// `{"changed","duplicates","errors"}` document the adapters' scorer calls return.
///
/// ```
/// use dangjian::credits::{Scheme, Scorer};
/// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
/// let r = s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap()]);
/// let c = s.changes(r);
/// assert_eq!((c.changed[0].event_id.as_str(), c.changed[0].points), ("e1", 1));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "ScorerChanges")
)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "ScorerChanges")
)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Changes {
    /// The entries new or re-scored, in canonical order (`occurred_at`, then `event_id`).
    pub changed: Vec<LedgerEntry>,
    /// Event ids received again with the same content (`DUPLICATE_EVENT`): ignored.
    pub duplicates: Vec<String>,
    /// The inputs refused, by position.
    pub errors: Vec<EventError>,
}

const BOUND_NAMES: [&str; 7] = [
    "",
    "day",
    "week",
    "month",
    "year",
    "daily_total",
    "items_per_day",
];

impl Scorer {
    fn entry_at(&self, ix: u32) -> Option<Entry<'_>> {
        let r = self.recs.get(ix as usize)?;
        let m = self.meta.get(ix as usize)?;
        let s = self.scored.get(ix as usize)?;
        let offset = chrono::FixedOffset::east_opt(m.offset)?;
        Some(Entry {
            event_id: self.event_ids.get(ix)?,
            member_id: self.member_id(r.member),
            activity: self.compiled.names.get(usize::from(m.act))?,
            occurred_at: chrono::DateTime::from_timestamp_nanos(r.ts).with_timezone(&offset),
            day: day_to_date(r.day()),
            points: i64::from(s.points),
            raw_points: i64::from(s.raw),
            reason: Reason::from_u8(s.reason),
        })
    }

    /// The entry behind a handle from [`Scorer::ingest`].
    ///
    /// ```
    /// use dangjian::credits::{Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// let r = s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
    ///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap()]);
    /// assert_eq!(s.get(r.changed[0]).unwrap().points, 1);
    /// ```
    pub fn get(&self, id: EntryId) -> Option<Entry<'_>> {
        self.entry_at(id.0)
    }

    /// An [`Ingest`] with its entries read out ([`Scorer::get`] each, owned).
    ///
    /// ```
    /// use dangjian::credits::{Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// let r = s.void(&["nope".to_owned()]);
    /// assert_eq!(s.changes(r).errors[0].code, "UNKNOWN_EVENT");
    /// ```
    pub fn changes(&self, r: Ingest) -> Changes {
        Changes {
            changed: r
                .changed
                .iter()
                .filter_map(|id| self.get(*id))
                .map(LedgerEntry::from)
                .collect(),
            duplicates: r.duplicates,
            errors: r.errors,
        }
    }

    /// The entry of an event id.
    ///
    /// ```
    /// let s = dangjian::credits::Scorer::new(dangjian::credits::Scheme::learning_platform()).unwrap();
    /// assert!(s.entry("nope").is_none());
    /// ```
    pub fn entry(&self, event_id: &str) -> Option<Entry<'_>> {
        self.entry_at(self.find(event_id)?)
    }

    /// Every entry, in canonical order (`occurred_at`, then `event_id`).
    ///
    /// ```
    /// use dangjian::credits::{Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![serde_json::from_str(r#"{"event_id":"z","member_id":"M1","activity":"login",
    ///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap()]);
    /// assert_eq!(s.ledger()[0].event_id, "z");
    /// ```
    pub fn ledger(&self) -> Vec<Entry<'_>> {
        self.canonical_order()
            .into_iter()
            .filter_map(|ix| self.entry_at(ix))
            .collect()
    }

    /// The explanation of an event's entry.
    ///
    /// ```
    /// use dangjian::credits::{Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"article",
    ///   "occurred_at":"2026-03-02T07:00:00+08:00","content_id":"A","duration_seconds":10}"#).unwrap()]);
    /// let x = s.explain("e1").unwrap();
    /// assert!(x.steps.iter().any(|st| st.step == "min_duration"));
    /// ```
    pub fn explain(&self, event_id: &str) -> Option<Explanation> {
        let ix = self.find(event_id)?;
        let rec = self.recs.get(ix as usize)?;
        let s = self.scored.get(ix as usize)?;
        let reason = Reason::from_u8(s.reason);
        let mut steps = Vec::new();
        let rule = self.compiled.rules.get(rec.rule as usize);
        let set = rule.and_then(|r| self.scheme.rule_sets.get(usize::from(r.set)));
        let activity = rule.and_then(|r| set?.value.activities.get(usize::from(r.position)));
        let mut citation = None;
        if let (Some(rule), Some(set), Some(a)) = (rule, set, activity) {
            let path = format!(
                "rule_sets[{}].value.activities[{}]",
                rule.set, rule.position
            );
            citation = Some(a.citation.clone().unwrap_or_else(|| set.citation.clone()));
            steps.push(
                TraceStep::new(
                    "rule_set",
                    format!(
                        "rule set in force on {} (from {})",
                        day_to_date(rec.day()),
                        set.effective_from
                    ),
                    set.effective_from.to_string(),
                )
                .with_parameter("rule_sets")
                .cite(set.citation.clone()),
            );
            if let Some(min) = rule.min_duration {
                steps.push(
                    TraceStep::new(
                        "min_duration",
                        format!("{} s against a minimum of {min} s", rec.duration),
                        if rec.duration < min {
                            "too_short"
                        } else {
                            "ok"
                        },
                    )
                    .with_parameter(&format!("{path}.min_duration_seconds")),
                );
            }
            if matches!(reason, Reason::Scored | Reason::CapReached) {
                scoring_steps(rec, s, rule, &a.unit, &path, &mut steps);
            }
        }
        let detail = reason_detail(reason);
        steps.push(TraceStep::new(
            "result",
            format!("{detail}: {} points", s.points),
            reason.code(),
        ));
        Some(Explanation { steps, citation })
    }

    /// Totals per member (by id) per day, ISO week, month and year, each kind in date order.
    ///
    /// ```
    /// use dangjian::credits::{PeriodKind, Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::member_points()).unwrap();
    /// s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"volunteer",
    ///   "occurred_at":"2026-03-02T07:00:00+08:00","points":3}"#).unwrap()]);
    /// let year = s.totals().into_iter().find(|t| t.kind == PeriodKind::Year).unwrap();
    /// assert_eq!((year.period.as_str(), year.points, year.score), ("2026", 3, 63)); // base 60
    /// ```
    pub fn totals(&self) -> Vec<Total> {
        let mut out = Vec::new();
        let mut days: Vec<(i64, i64)> = Vec::new();
        for m in self.members_sorted() {
            // (day, points) in day order: the closed days' totals, then the open entries.
            days.clear();
            if let Some(closed) = &m.closed {
                days.extend_from_slice(&closed.days);
            }
            days.extend(m.events.iter().filter_map(|&ix| {
                let r = self.recs.get(ix as usize)?;
                Some((r.day(), i64::from(self.scored.get(ix as usize)?.points)))
            }));
            for kind in [
                PeriodKind::Day,
                PeriodKind::Week,
                PeriodKind::Month,
                PeriodKind::Year,
            ] {
                let mut current: Option<(i64, i64, i64)> = None; // (period key, first day, points)
                for &(day, points) in &days {
                    let key = match kind {
                        PeriodKind::Day => day,
                        PeriodKind::Week => week_start(day),
                        PeriodKind::Month => month_and_year(day).0,
                        PeriodKind::Year => month_and_year(day).1,
                    };
                    match &mut current {
                        Some((k, _, p)) if *k == key => *p = p.saturating_add(points),
                        _ => {
                            if let Some(c) = current.take() {
                                out.push(self.total(&m.id, kind, c));
                            }
                            current = Some((key, day, points));
                        }
                    }
                }
                if let Some(c) = current {
                    out.push(self.total(&m.id, kind, c));
                }
            }
        }
        out
    }

    fn total(
        &self,
        member: &str,
        kind: PeriodKind,
        (_, first_day, points): (i64, i64, i64),
    ) -> Total {
        let mut score = points;
        if kind == PeriodKind::Year {
            if let Some((_, set)) = self.compiled.set_on(first_day) {
                score = points.saturating_add(set.base_score);
                if let Some(floor) = set.floor {
                    score = score.max(floor);
                }
            }
        }
        Total {
            member_id: member.to_owned(),
            kind,
            period: period_key(kind, day_to_date(first_day)),
            points,
            score,
        }
    }
}

/// The steps of a scored entry: its raw points by the unit, the time window and the cap that cut it.
fn scoring_steps(
    rec: &Rec,
    s: &Scored,
    rule: &ActRule,
    unit: &Unit,
    path: &str,
    steps: &mut Vec<TraceStep>,
) {
    let how = match unit {
        Unit::PerItem { points } => format!("{points} per item"),
        Unit::PerMinutes { minutes, points } => {
            format!(
                "{points} per {minutes} min accumulated today (+{} s)",
                rec.duration
            )
        }
        Unit::PerCorrect { points } => format!("{points} × {} correct", rec.correct),
        Unit::PerPlace { .. } => format!("place {}", rec.place),
        Unit::PerSet { .. } => format!("one set, {} correct", rec.correct),
        Unit::Declared { .. } => "declared points".to_owned(),
    };
    steps.push(
        TraceStep::new("raw", how, s.raw.to_string()).with_parameter(&format!("{path}.unit")),
    );
    if s.window > 0 {
        steps.push(
            TraceStep::new(
                "window",
                "within an active period (China time)",
                s.raw.to_string(),
            )
            .with_parameter(&format!("{path}.windows[{}]", s.window.saturating_sub(1))),
        );
    }
    if s.bound > 0 {
        let name = BOUND_NAMES.get(usize::from(s.bound)).copied().unwrap_or("");
        let param = match s.bound {
            BOUND_TOTAL => format!("rule_sets[{}].value.daily_total_cap", rule.set),
            BOUND_ITEMS => format!("{path}.max_items_per_day"),
            _ => format!("{path}.caps.{name}"),
        };
        steps.push(
            TraceStep::new(
                "cap",
                format!("the {name} cap leaves {}", s.points),
                s.points.to_string(),
            )
            .with_parameter(&param),
        );
    }
}

/// What a reason means, for the result step.
fn reason_detail(reason: Reason) -> &'static str {
    match reason {
        Reason::Scored => "scored in full",
        Reason::CapReached => "cut by a cap",
        Reason::TooShort => "below the minimum effective duration",
        Reason::DuplicateContent => "the same content already scored",
        Reason::DuplicateEvent => "a repeated event",
        Reason::NotAvailable => "no rule for this activity on this day",
        Reason::Voided => "voided (clawed back)",
        Reason::Suspended => "the member is under a penalty",
    }
}
