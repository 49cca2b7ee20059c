//! The membership table of the JSON-document entry points (the grammar is in the parent module).

/// Membership: a member record checked, a roster, an event recorded, rights on a day, the organizations, and
/// national rosters as JSON Lines (`crate::membership`).
///
/// ```text
/// dangjian::membership_entry_points!(my_renderer);
/// ```
#[macro_export]
macro_rules! membership_entry_points {
    ($render:ident) => {
        $render! {
            /// Checks one member record on a day: stage, 党龄, findings (each with its article) and next steps.
            /// A record is `{"id","name","birth_date","org","events":[{"kind","date",…}]}`.
            ///
            /// ```text
            /// {"id":"M1","name":"甲","birth_date":"2000-01-01","org":"B1","events":[{"kind":"application","date":"2024-01-10"}]},
            /// on "2024-01-20"   →   {"member_id":"M1","stage":"applicant","findings":[…],"next_steps":[…],…}
            /// ```
            fn membership_check_member = [$crate::membership::check_member_json](
                policy: policy, calendar: calendar,
                record: doc("INVALID_RECORD_JSON", "MemberRecord"),
                on: str,
            ) -> String, js(both "MemberReport"), uniffi membership_check_member;
        }
        $render! {
            /// Checks a roster on a day (an array of records, or `{"members":[…],"meetings":[…],"ledgers":[…]}`):
            /// every good record's report, each bad one named with its index and field path.
            ///
            /// ```text
            /// [{…M1…},{…M2 with "date":"2024-13-01"…}]
            ///   →   {"reports":[{"member_id":"M1",…}],"errors":[{"index":1,"member_id":"M2","field":"events[0].date",…}]}
            /// ```
            fn membership_check_members = [$crate::membership::check_members_json](
                policy: policy, calendar: calendar,
                members: doc("INVALID_RECORD_JSON", "MemberRecord[] | MembersDocument"),
                on: str,
            ) -> String, js(both "CheckBatch"), uniffi membership_check_members;
        }
        $render! {
            /// Records one event on a member record, checked against the record, the time limits and the
            /// roster (for a transfer's receiving organization): the record with the event, or a coded refusal
            /// (`EVENT_OUT_OF_ORDER`, …).
            ///
            /// ```text
            /// record {…activist…}, event {"kind":"development_object","date":"2026-03-01"}, roster []
            ///   →   the record with the event appended
            /// ```
            fn membership_apply_event = [$crate::membership::apply_event_json](
                policy: policy, calendar: calendar,
                record: doc("INVALID_RECORD_JSON", "MemberRecord"),
                event: doc("INVALID_EVENT_JSON", "MemberEvent"),
                roster: doc("INVALID_RECORD_JSON", "MemberRecord[]"),
            ) -> String, js(both "MemberRecord"), uniffi membership_apply_event;
        }
        $render! {
            /// A member's rights on a day (voting, electing, standing for election, sponsoring) with the sanctions
            /// and reasons that limit them.
            ///
            /// ```text
            /// a full member under 留党察看 from 2026-01-10, on "2026-03-01"
            ///   →   {"may_vote":false,"may_elect":false,"may_be_elected":false,…,"sanctions":[…],"reasons":[…]}
            /// ```
            fn membership_rights = [$crate::membership::rights_json](
                policy: policy,
                record: doc("INVALID_RECORD_JSON", "MemberRecord"),
                on: str,
            ) -> String, js(both "Rights"), uniffi membership_rights;
        }
        $render! {
            /// Checks the organizations on a day: structure, committee terms, elections, 三会一课 and 民主评议.
            ///
            /// ```text
            /// {"orgs":[…],"members":[…],"meetings":[…]}, on "2026-12-31"   →   {"on":"2026-12-31","orgs":[…],"findings":[…],…}
            /// ```
            fn membership_check_orgs = [$crate::membership::check_orgs_json](
                policy: policy,
                doc: doc("INVALID_ORG_JSON", "OrgDocument"),
                on: str,
            ) -> String, js(both "OrgReport"), uniffi membership_check_orgs;
        }
        $render! {
            /// Checks a national roster as JSON Lines: one member record (or `{"meeting":…}` / `{"ledger":…}`) a
            /// line; `{"reports":[{"line","report"}],"errors":[{"line","member_id","kind","code","field",…}]}`.
            /// Lines are 1-based (blank lines skipped but counted); a bad line never loses the others.
            ///
            /// ```text
            /// "{…P1…}\n\n{…P2, bad…}\n"   →   {"reports":[{"line":1,…}],"errors":[{"line":3,…}]}
            /// ```
            fn membership_check_members_lines = [$crate::membership::check_members_lines_json](
                policy: policy, calendar: calendar,
                jsonl: str, on: str,
            ) -> String, js(both "LinesOutcome<MemberReport>"), uniffi membership_check_members_lines;
        }
        $render! {
            /// Checks organizations given as JSON Lines, one organization's bundle a line: the outcome names
            /// every line, as for members.
            ///
            /// ```text
            /// "{\"org\":{…B1…},\"members\":[…]}\n"   →   {"reports":[{"line":1,"report":{…}}],"errors":[]}
            /// ```
            fn membership_check_orgs_lines = [$crate::membership::check_orgs_lines_json](
                policy: policy,
                jsonl: str, on: str,
            ) -> String, js(both "LinesOutcome<OrgReport>"), uniffi membership_check_orgs_lines;
        }
    };
}
