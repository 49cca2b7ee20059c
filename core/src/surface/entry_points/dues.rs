//! The dues table of the JSON-document entry points (the grammar is in the parent module).

/// Party dues: one member, a batch, a ledger and a branch's summary (`crate::dues`). Their object forms are
/// written by hand in the wasm crate (they call the typed core functions, and the batch reserves memory).
///
/// ```text
/// dangjian::dues_entry_points!(my_renderer);
/// ```
#[macro_export]
macro_rules! dues_entry_points {
    ($render:ident) => {
        $render! {
            /// One member's dues for a month, with the article that decided it, the findings and, with `trace`,
            /// every step. A member that cannot be read is `INVALID_MEMBER_JSON` naming the field.
            ///
            /// ```text
            /// {"member_id":"S1","category":"student"}, "2026-11", false   →   {"member_id":"S1","amount":"0.20",…}
            /// ```
            fn assess_dues = [$crate::dues::assess_json](
                policy: policy,
                member: doc("INVALID_MEMBER_JSON", "DuesMember"),
                month: str,
                trace: flag(true),
            ) -> String, js(json), uniffi assess_dues_json;
        }
        $render! {
            /// A batch of members for a month: `{"assessments":[…],"errors":[…]}`, every member that can be
            /// assessed kept, each one that cannot named with its index, id and field (a repeated id is
            /// `DUPLICATE_MEMBER_ID` on the later one).
            ///
            /// ```text
            /// [{"member_id":"A","category":"student"},{"member_id":"B","category":"employed","incomes":[…"amount":"-1"…]}]
            ///   →   {"assessments":[{"member_id":"A",…}],"errors":[{"index":1,"member_id":"B","code":"NEGATIVE_AMOUNT",…}]}
            /// ```
            fn assess_dues_batch = [$crate::dues::assess_batch_json](
                policy: policy,
                members: doc("INVALID_MEMBER_JSON", "DuesMember[]"),
                month: str,
                trace: flag(true),
            ) -> String, js(none), uniffi assess_dues_batch_json;
        }
        $render! {
            /// A member's ledger as of a day (payments dated after it ignored): what is due, paid and outstanding,
            /// and the findings — `DUES_ARREARS`, and `DUES_LAPSE` for six consecutive months unpaid without a
            /// recorded good reason (党章 第九条), with `lapse_on`, the first day past the line.
            ///
            /// ```text
            /// {"member_id":"M1","obligations":[2026-01 … 2026-06, "54.00" each],"payments":[]}, "2026-07-01"
            ///   →   {"member_id":"M1","outstanding":"324.00","lapse_on":"2026-07-01","findings":[…DUES_LAPSE…],…}
            /// ```
            fn evaluate_dues_ledger = [$crate::dues::evaluate_ledger_json](
                policy: policy,
                ledger: doc("INVALID_LEDGER_JSON", "Ledger"),
                as_of: str,
            ) -> String, js(json), uniffi evaluate_dues_ledger_json;
        }
        $render! {
            /// A branch's summary of its members' ledger reports for a period (`{"month":"2026-11"}` or
            /// `{"year":2026}`): due, collected, outstanding, the payment rate and the members in arrears.
            ///
            /// ```text
            /// [report M1, report M2], {"month":"2026-11"}   →   {"period":{"month":"2026-11"},"members":2,"due":…,…}
            /// ```
            fn summarize_dues = [$crate::dues::summarize_json](
                reports: doc("INVALID_REPORT_JSON", "LedgerReport[]"),
                period: doc("INVALID_PERIOD_JSON", "Period"),
            ) -> String, js(json), uniffi summarize_dues_json;
        }
    };
}
