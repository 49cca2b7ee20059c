//! Party-affairs disclosure (党务公开, core [`dangjian::disclosure`]): the exports written by hand. The
//! workflow, the audit log, visibility, deadlines, notices, redaction and the dues report are the core's JSON
//! entry points, exported by [`crate::entry_points`] in their object and JSON forms.

use dangjian::disclosure::{self as core, DisclosureContext, DisclosureItem, Viewer};
use dangjian::month::parse_date;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, stringify, to_js};
use crate::error::ApiError;

/// The items `viewer` may see on `on`, in the order given — the item objects themselves (the JSON variant
/// gives their ids). Same rules as `disclosureVisible`.
///
/// ```js
/// const shown = disclosureFilterVisible(ctx, viewer, items, "2026-03-16"); // DisclosureItem[]
/// ```
#[wasm_bindgen(js_name = disclosureFilterVisible, unchecked_return_type = "DisclosureItem[]")]
pub fn disclosure_filter_visible(
    #[wasm_bindgen(unchecked_param_type = "DisclosureContext")] context: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Viewer")] viewer: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem[]")] items: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    // Read in the order the JSON entry point reads them, so the same bad input gives the same error.
    let context = DisclosureContext::from_json(&stringify(context, "INVALID_CONTEXT_JSON")?)?;
    let viewer: Viewer = from_js(viewer, "INVALID_VIEWER_JSON")?;
    let items: Vec<DisclosureItem> = from_js(items, "INVALID_ITEM_JSON")?;
    let on = parse_date(on, "on")?;
    to_js(&core::filter_visible(&context, &viewer, &items, on))
}

/// The personal data in a text, however it is written (full-width digits, spaces, `-`, `.`, `·` between
/// groups, `+86`): `[{ kind, start, end, text, masked }]` (character offsets), kinds `id_number`, `mobile`,
/// `bank_card` (`landline` and `email` only through `disclosureRedactionPreview` under a policy that asks).
///
/// ```js
/// disclosureScan("电话13800138000")[0].masked; // "138****8000"
/// ```
#[wasm_bindgen(js_name = disclosureScan, unchecked_return_type = "Sensitive[]")]
pub fn disclosure_scan(text: &str) -> Result<JsValue, ApiError> {
    to_js(&core::scan(text))
}

/// A text with every piece of personal data `disclosureScan` finds replaced by its mask.
///
/// ```js
/// disclosureMask("联系13800138000"); // "联系138****8000"
/// ```
#[wasm_bindgen(js_name = disclosureMask)]
pub fn disclosure_mask(text: &str) -> String {
    core::mask(text)
}
