//! The credits table of the JSON-document entry points (the grammar is in the parent module).

/// Learning credits: scoring events, the leaderboard, the rating and the events drawn from meetings and dues
/// (`crate::credits`).
///
/// ```text
/// dangjian::credits_entry_points!(my_renderer);
/// ```
#[macro_export]
macro_rules! credits_entry_points {
    ($render:ident) => {
        $render! {
            /// Scores a document `{"events":[…],"voids":["event id",…],"offences":[…]}` (voids and offences
            /// optional) under a scheme: `{"entries":[…],"duplicates":[…],"errors":[…],"totals":[…]}`, entries
            /// in canonical order, each with its `explanation` when `explain`. A bad event is an entry of
            /// `errors` with its index and field, and the others still score; only a document that cannot be read
            /// throws (`INVALID_EVENTS_JSON`).
            ///
            /// ```text
            /// {"events":[{"event_id":"e1","member_id":"M1","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"},
            ///            {"event_id":"e2","member_id":"M1","activity":"nap","occurred_at":"2026-03-02T07:00:00+08:00"}]}
            ///   →   entries […{"points":1,"raw_points":1,"reason":"SCORED"…}],
            ///       errors [{"index":1,"event_id":"e2","kind":"invalid_input","code":"UNKNOWN_ACTIVITY",…}]
            /// ```
            fn credits_score = [$crate::credits::score_json](
                scheme: scheme,
                input: doc("INVALID_EVENTS_JSON", "ScoreInput"),
                explain: flag(false),
            ) -> String, js(both "ScoreResult"), uniffi credits_score_json;
        }
        $render! {
            /// Scores JSON Lines, one event a line (blank lines skipped): a line that is not a valid event is
            /// reported with its `line` number (1-based) and the field at fault, and the rest are scored. The
            /// result is the document form's.
            ///
            /// ```text
            /// "{…e1…}\n{\"event_id\":\"e2\",\"member_id\":\"M1\"}\n\nnot json\n"
            ///   →   e1 scored; errors at line 2 (field "activity") and line 4
            /// ```
            fn credits_score_jsonl = [$crate::credits::score_jsonl](
                scheme: scheme,
                jsonl: str,
                explain: flag(false),
            ) -> String, js(both "ScoreResult"), uniffi credits_score_jsonl;
        }
        $render! {
            /// The leaderboard of an organization and the organizations under it for one period (`period_kind`
            /// `year`, `quarter` or `month`): totals as the scorer gives them and an organization map.
            ///
            /// ```text
            /// [{"member_id":"A","kind":"year","period":"2026","points":5,"score":5}], {"member_org":{"A":"b"}},
            /// "year", "2026", "b"   →   [{"rank":1,"member_id":"A","score":5}]
            /// ```
            fn credits_leaderboard = [$crate::credits::leaderboard_json](
                totals: doc("INVALID_TOTALS_JSON", "CreditTotal[]"),
                orgs: doc("INVALID_ORGS_JSON", "OrgMap"),
                period_kind: text("PeriodKind"),
                period: str, org: str,
            ) -> String, js(both "Standing[]"), uniffi credits_leaderboard_json;
        }
        $render! {
            /// Rates members from their scores (`[{"member_id":…,"score":…}]`) against tiers (`null` for the
            /// default tiers, whose top tier is a quota of a third of those rated).
            ///
            /// ```text
            /// [{"member_id":"A","score":95}], null   →   […"tier":"合格"…]   (one rated: quota ⌊1/3⌋ = 0)
            /// ```
            fn credits_rate = [$crate::credits::rate_json](
                scores: doc("INVALID_SCORES_JSON", "MemberScore[]"),
                tiers: doc("INVALID_TIERS_JSON", "Tier[] | null"),
            ) -> String, js(json), uniffi credits_rate_json;
        }
        $render! {
            /// The credit events of 三会一课 attendance records (one per attendee), under the activity named,
            /// ready for a unit's `member_points` scheme.
            ///
            /// ```text
            /// [{"meeting_id":"m1","meeting_type":"party_lecture","date":"2026-03-02","attendees":["M1","M2"]}],
            /// "meeting_attendance"   →   [… {"event_id":"meeting:m1:M2",…}]
            /// ```
            fn credits_meeting_events = [$crate::credits::meeting_events_json](
                records: doc("INVALID_MEETING_JSON", "MeetingRecord[]"),
                activity: str,
            ) -> String, js(json), uniffi credits_meeting_events_json;
        }
        $render! {
            /// The credit events of a dues ledger: one per month owed (its obligations' months) paid on time.
            ///
            /// ```text
            /// {"member_id":"M1","obligations":[{"month":"2026-01",…},{"month":"2026-02",…}],
            ///  "payments":[{"paid_on":"2026-01-20","amount":"10.00","months":["2026-01"]}]}, "dues_on_time"
            ///   →   [{"event_id":"dues:M1:2026-01",…}]
            /// ```
            fn credits_dues_events = [$crate::credits::dues_events_json](
                ledger: doc("INVALID_LEDGER_JSON", "Ledger"),
                activity: str,
            ) -> String, js(json), uniffi credits_dues_events_json;
        }
    };
}
