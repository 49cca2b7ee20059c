//! The disclosure table of the JSON-document entry points (the grammar is in the parent module).

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
