//! The JSON-document entry points, declared once for every surface.
//!
//! Each table below lists an engine's `*_json` functions with their arguments and, for every surface, the
//! name it is exported under. A table is a macro that hands each entry to a renderer macro named by the
//! caller; the UniFFI crate (`bindings/src/entry_points.rs`) and the wasm crate (`wasm/src/entry_points.rs`)
//! each write one renderer, so a new entry point is one entry here, not a function in each crate.
//!
//! An entry reads
//!
//! ```text
//! /// docs (the exported function's docs on every surface)
//! fn NAME = [CORE FUNCTION](ARG: KIND, …) -> String | bool, js FORMS, uniffi NAME | none;
//! ```
//!
//! - `NAME` is the wasm name in snake case: `disclosure_create` is `disclosureCreate` (the object form, JS
//!   values in and out) and `disclosureCreateJson` (the JSON form, text in and out).
//! - `KIND` says how an argument crosses:
//!   - `policy`, `calendar`: the surface's `Policy` or `Calendar` object;
//!   - `str`: a string given as is (a date, an id, a JSON Lines text);
//!   - `opt_str`: a string that may be absent;
//!   - `doc(CODE, "TsType")`: a JSON document, `ARG_json` in the JSON forms; in the wasm object form a JS
//!     value of that TypeScript type, turned into JSON text by `JSON.stringify`, `CODE` when it cannot be.
//! - `js` forms: `(both "TsResult")`, `(json)` (the object form is written by hand), `(object "TsResult")`,
//!   `(none)`.
//!
//! The codes are the ones the core's JSON reader gives the same document, so a JS value of the wrong shape
//! fails with the code its JSON text would.

/// The disclosure workflow, visibility, deadlines, notices and redaction (`crate::disclosure`).
///
/// ```text
/// dangjian::disclosure_entry_points!(my_renderer);  // calls my_renderer! { fn disclosure_create = … } …
/// ```
#[macro_export]
macro_rules! disclosure_entry_points {
    ($render:ident) => {
        $render! {
            /// Creates a draft item: `{"item":…,"event":…}`, the item in `draft` and the audit event that starts
            /// its log. The actor needs the `proposer` role in the item's organization.
            ///
            /// ```text
            /// context  {"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}
            /// new_item {"id":"D1","org":"B1","title":"换届结果","body":"…","category":"organization",
            ///           "scope":{"kind":"members","org":"B1"}}
            /// actor "P1", at "2026-03-02T09:00:00+08:00"   →   {"item":{"id":"D1","status":"draft",…},"event":{…}}
            /// ```
            fn disclosure_create = [$crate::disclosure::create_json](
                context: doc("INVALID_CONTEXT_JSON", "DisclosureContext"),
                new_item: doc("INVALID_ITEM_JSON", "NewItem"),
                actor: str, at: str,
            ) -> String, js(both "Created"), uniffi disclosure_create;
        }
        $render! {
            /// Applies one workflow action (propose, confidentiality_review, review, approve, escalate, publish,
            /// correct, withdraw, archive, …) and appends its event to the audit log, verified first:
            /// `{"item":…,"log":…}`. A step out of order or by the wrong person is a coded error
            /// (`ILLEGAL_TRANSITION`, `ROLE_REQUIRED`, …) naming the field.
            ///
            /// ```text
            /// action {"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}
            ///   →   {"item":{"status":"proposed",…},"log":{"schema_version":1,"entries":[…, {…}]}}
            /// ```
            fn disclosure_apply = [$crate::disclosure::apply_json](
                policy: policy,
                context: doc("INVALID_CONTEXT_JSON", "DisclosureContext"),
                item: doc("INVALID_ITEM_JSON", "DisclosureItem"),
                action: doc("INVALID_ACTION_JSON", "DisclosureAction"),
                log: doc("INVALID_AUDIT_JSON", "AuditLog"),
            ) -> String, js(both "Applied"), uniffi disclosure_apply;
        }
        $render! {
            /// The actions a person may take on an item at a time, in the order of the procedure (what a
            /// workflow screen offers): each one listed, sent with a reason (and a passed review), is accepted
            /// by the apply entry point, and each other one refused.
            ///
            /// ```text
            /// a draft, actor "P1" (proposer), at "2026-03-02T10:00:00+08:00"   →   ["edit","propose"]
            /// ```
            fn disclosure_allowed_actions = [$crate::disclosure::allowed_actions_json](
                policy: policy,
                context: doc("INVALID_CONTEXT_JSON", "DisclosureContext"),
                item: doc("INVALID_ITEM_JSON", "DisclosureItem"),
                actor: str, at: str,
            ) -> String, js(both "DisclosureActionKind[]"), uniffi none;
        }
        $render! {
            /// Appends an audit event (from create or apply) to a log, chaining its SHA-256 hash; the log is
            /// verified first. `{"schema_version":1,"entries":[]}` is the empty log.
            ///
            /// ```text
            /// {"schema_version":1,"entries":[]} + created event   →   the log with entries[0].seq = 0
            /// ```
            fn disclosure_audit_append = [$crate::disclosure::audit_append_json](
                log: doc("INVALID_AUDIT_JSON", "AuditLog"),
                event: doc("INVALID_AUDIT_EVENT_JSON", "AuditEvent"),
            ) -> String, js(both "AuditLog"), uniffi disclosure_audit_append;
        }
        $render! {
            /// Verifies an audit log's hash chain: `{"valid","entries","first_broken"?,"code"?,"head"?}`. A broken
            /// chain is a report (`"valid":false`), not an error; a malformed document is `INVALID_AUDIT_JSON`
            /// naming the field.
            ///
            /// ```text
            /// {"schema_version":1,"entries":[]}   →   {"valid":true,"entries":0,…}
            /// ```
            fn disclosure_verify_audit = [$crate::disclosure::verify_audit_json](
                log: doc("INVALID_AUDIT_JSON", "AuditLog"),
            ) -> String, js(both "Verification"), uniffi disclosure_verify_audit;
        }
        $render! {
            /// Whether a viewer sees an item on a day (a viewer `{}` is the public): scope, publication and
            /// withdrawal as they stood that day.
            ///
            /// ```text
            /// viewer {}, an item published to society, on "2026-03-05"   →   true
            /// ```
            fn disclosure_visible = [$crate::disclosure::visible_json](
                context: doc("INVALID_CONTEXT_JSON", "DisclosureContext"),
                viewer: doc("INVALID_VIEWER_JSON", "Viewer"),
                item: doc("INVALID_ITEM_JSON", "DisclosureItem"),
                on: str,
            ) -> bool, js(both "boolean"), uniffi disclosure_visible;
        }
        $render! {
            /// The ids of the items a viewer sees on a day, in the order given.
            ///
            /// ```text
            /// items D1 (members of B1), D2 (draft), D3 (society); the public   →   ["D3"]
            /// ```
            fn disclosure_filter_visible = [$crate::disclosure::filter_visible_json](
                context: doc("INVALID_CONTEXT_JSON", "DisclosureContext"),
                viewer: doc("INVALID_VIEWER_JSON", "Viewer"),
                items: doc("INVALID_ITEM_JSON", "DisclosureItem[]"),
                on: str,
            ) -> String, js(json), uniffi disclosure_filter_visible;
        }
        $render! {
            /// The board a viewer sees on a day, as it stood that day: each visible item with its text as
            /// published (redacted), its corrections and withdrawal.
            ///
            /// ```text
            /// viewer {}, on "2026-03-09"   →   [{"id":"D1","status":"published","version":2,"title":…,"text":…,"corrected":…}]
            /// ```
            fn disclosure_board = [$crate::disclosure::board_json](
                policy: policy,
                context: doc("INVALID_CONTEXT_JSON", "DisclosureContext"),
                viewer: doc("INVALID_VIEWER_JSON", "Viewer"),
                items: doc("INVALID_ITEM_JSON", "DisclosureItem[]"),
                on: str,
            ) -> String, js(both "BoardEntry[]"), uniffi disclosure_board;
        }
        $render! {
            /// An item's working-day time limits on a day: `{"value":[…],"findings":[…]}` (`REVIEW_OVERDUE`,
            /// `PUBLICATION_OVERDUE`, `PROVISIONAL_CALENDAR`).
            ///
            /// ```text
            /// a proposed item, on "2026-02-25"   →   {"value":[{"kind":…,"due_on":"2026-02-24",…}],"findings":[…]}
            /// ```
            fn disclosure_item_deadlines = [$crate::disclosure::item_deadlines_json](
                policy: policy, calendar: calendar,
                item: doc("INVALID_ITEM_JSON", "DisclosureItem"),
                on: str,
            ) -> String, js(both "Answer<Deadline[]>"), uniffi disclosure_item_deadlines;
        }
        $render! {
            /// A catalogue's periodic disclosures on a day, one per period ended with its due day and status:
            /// `{"value":[…],"findings":[…]}` (`DISCLOSURE_OVERDUE`, `DISCLOSURE_LATE`, `PROVISIONAL_CALENDAR`).
            ///
            /// ```text
            /// catalogue {"org":"B1","since":"2026-01-01"}, items [], on "2026-04-20"   →   {"value":[…],"findings":[…]}
            /// ```
            fn disclosure_catalogue_status = [$crate::disclosure::catalogue_status_json](
                policy: policy, calendar: calendar,
                catalogue: doc("INVALID_CATALOGUE_JSON", "Catalogue"),
                items: doc("INVALID_ITEM_JSON", "DisclosureItem[]"),
                on: str,
            ) -> String, js(both "Answer<PeriodicDue[]>"), uniffi disclosure_catalogue_status;
        }
        $render! {
            /// A public notice (公示) on a day: its length in working days against the rule, and whether it
            /// passed.
            ///
            /// ```text
            /// {"id":"N1","subject":"发展对象公示","opens_on":"2026-02-12","closes_on":"2026-02-25"}, on "2026-02-26"
            ///   →   {"working_days":…,"required_working_days":5,"window_ok":true,"result":"passed",…}
            /// ```
            fn disclosure_evaluate_notice = [$crate::disclosure::evaluate_notice_json](
                policy: policy, calendar: calendar,
                notice: doc("INVALID_NOTICE_JSON", "PublicNotice"),
                on: str,
            ) -> String, js(both "NoticeReport"), uniffi disclosure_evaluate_notice;
        }
        $render! {
            /// The reviewer's preview of an item's body as it would be published on a day: the personal data
            /// found and the masked text.
            ///
            /// ```text
            /// body "电话13800138000", on "2026-03-03"   →   {"masked":true,"found":[…],"text":"电话138****8000"}
            /// ```
            fn disclosure_redaction_preview = [$crate::disclosure::redaction_preview_json](
                policy: policy,
                item: doc("INVALID_ITEM_JSON", "DisclosureItem"),
                on: str,
            ) -> String, js(both "RedactionPreview"), uniffi disclosure_redaction_preview;
        }
        $render! {
            /// The annual dues disclosure (党费收缴使用情况) as a new item, from a year's branch summary and the
            /// uses of the dues. Errors: `NOT_ANNUAL_PERIOD`, `NEGATIVE_AMOUNT` at `uses[i].amount`.
            ///
            /// ```text
            /// a 2025 summary, org "B1", id "DUES-2025", uses []   →   {"id":"DUES-2025","title":"2025年度党费收缴、使用和管理情况",…}
            /// ```
            fn disclosure_dues_report = [$crate::disclosure::dues_disclosure_json](
                summary: doc("INVALID_SUMMARY_JSON", "BranchSummary"),
                org: str, id: str,
                uses: doc("INVALID_USES_JSON", "DuesUse[]"),
            ) -> String, js(both "NewItem"), uniffi disclosure_dues_report;
        }
    };
}

/// The disclosure audit trail at its head, SM2 signatures and JSON Lines (`crate::disclosure::AuditLog`).
///
/// ```text
/// dangjian::audit_entry_points!(my_renderer);
/// ```
#[macro_export]
macro_rules! audit_entry_points {
    ($render:ident) => {
        $render! {
            /// Applies one workflow action and appends its event at the chain's head, in constant time whatever
            /// the log's length: `{"item":…,"entries":[…],"head":…}`, the entries to add to the end of the stored
            /// log and the head after them.
            ///
            /// ```text
            /// head {"entries":3,"hash":"…"}, action {"action":"publish",…}
            ///   →   {"item":{"status":"published",…},"entries":[{"seq":3,…}],"head":{"entries":4,…}}
            /// ```
            fn disclosure_apply_at_head = [$crate::disclosure::apply_head_json](
                policy: policy,
                context: doc("INVALID_CONTEXT_JSON", "DisclosureContext"),
                item: doc("INVALID_ITEM_JSON", "DisclosureItem"),
                action: doc("INVALID_ACTION_JSON", "DisclosureAction"),
                head: doc("INVALID_AUDIT_HEAD_JSON", "AuditHead"),
            ) -> String, js(both "Appended"), uniffi disclosure_apply_at_head;
        }
        $render! {
            /// Appends an audit event at the chain's head, in constant time: `{"entries":[…],"head":…}`, the entry
            /// to add to the end of the stored log and the head after it.
            ///
            /// ```text
            /// head {"entries":3,"hash":"…"}, event {…}   →   {"entries":[{"seq":3,…}],"head":{"entries":4,"hash":"…"}}
            /// ```
            fn disclosure_audit_append_at_head = [$crate::disclosure::audit_append_head_json](
                head: doc("INVALID_AUDIT_HEAD_JSON", "AuditHead"),
                event: doc("INVALID_AUDIT_EVENT_JSON", "AuditEvent"),
            ) -> String, js(both "Appended"), uniffi disclosure_audit_append_at_head;
        }
        $render! {
            /// The head of a verified log (its number of entries, its last hash and its last checkpoint), to
            /// append at later without reading the log again.
            ///
            /// ```text
            /// a log of 4 entries   →   {"entries":4,"hash":"…"}
            /// ```
            fn disclosure_audit_head = [$crate::disclosure::audit_head_json](
                log: doc("INVALID_AUDIT_JSON", "AuditLog"),
            ) -> String, js(none), uniffi disclosure_audit_head;
        }
        $render! {
            /// Signs a log's head with the organization's SM2 private key (PKCS#8 PEM): the log with a new
            /// checkpoint. Errors: `INVALID_PRIVATE_KEY`, `INVALID_AUDIT_JSON`, `AUDIT_CHAIN_BROKEN`,
            /// `ALREADY_SIGNED`.
            ///
            /// ```text
            /// a log of 4 entries, "-----BEGIN PRIVATE KEY-----…"
            ///   →   the log with "checkpoints":[{"entries":4,"head":"…","algorithm":…,"key_id":…,"signature":…}]
            /// ```
            fn disclosure_audit_sign = [$crate::disclosure::sign_audit_json](
                log: doc("INVALID_AUDIT_JSON", "AuditLog"),
                private_key_pem: str,
            ) -> String, js(object "AuditLog"), uniffi disclosure_audit_sign;
        }
        $render! {
            /// Verifies a log's chain and its signed checkpoints with the organization's SM2 public key (PEM):
            /// `"authenticated":true` only when the chain holds and the last checkpoint signs its head.
            ///
            /// ```text
            /// a signed log, "-----BEGIN PUBLIC KEY-----…"   →   {"valid":true,"authenticated":true,…}
            /// ```
            fn disclosure_verify_audit_signed = [$crate::disclosure::verify_audit_signed_json](
                log: doc("INVALID_AUDIT_JSON", "AuditLog"),
                public_key_pem: str,
            ) -> String, js(object "Verification"), uniffi disclosure_verify_audit_signed;
        }
        $render! {
            /// Verifies a log kept as JSON Lines (one entry a line, checkpoints as `{"checkpoint":…}` lines),
            /// line by line without holding it; with a public key, its signatures too. A malformed line is
            /// `INVALID_AUDIT_JSON` naming `line N: field`.
            ///
            /// ```text
            /// "{…entry 0…}\n{…entry 1…}\n", no key   →   {"valid":true,"entries":2,"authenticated":false,…}
            /// ```
            fn disclosure_verify_audit_jsonl = [$crate::disclosure::verify_audit_jsonl](
                jsonl: str,
                public_key_pem: opt_str,
            ) -> String, js(object "Verification"), uniffi disclosure_verify_audit_jsonl;
        }
    };
}

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
