//! `Policy`: the dated parameters every dues function takes (core [`dangjian::Policy`]).

use wasm_bindgen::prelude::*;

use crate::error::ApiError;

/// The dated rules (bundled 2008 Rules and 2017 Notice, or a host's document) the dues functions apply.
///
/// ```js
/// const policy = Policy.bundled();
/// const local = policy.withOverridesJson(provinceOverridesJson); // a province's farmer figure, …
/// ```
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Policy {
    pub(crate) inner: dangjian::Policy,
}

#[wasm_bindgen]
impl Policy {
    /// The official defaults: the 2008 Rules and the 2017 Notice.
    ///
    /// ```js
    /// const policy = Policy.bundled();
    /// ```
    pub fn bundled() -> Policy {
        Policy {
            inner: dangjian::Policy::bundled(),
        }
    }

    /// Reads a whole policy document (`schema_version` 1) and validates it. Throws a `DangjianError` of kind
    /// `policy` naming the field at fault (`INVALID_POLICY_JSON`, `ROUNDING_SCALE_OUT_OF_RANGE`, …).
    ///
    /// ```js
    /// const same = Policy.fromJson(Policy.bundled().toJson());
    /// ```
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(json: &str) -> Result<Policy, ApiError> {
        Ok(Policy {
            inner: dangjian::Policy::from_json(json)?,
        })
    }

    /// This policy with a local override laid on top: a policy document listing only the parameters it
    /// changes; its entries win where their periods overlap. Returns a new `Policy`; this one is unchanged.
    ///
    /// ```js
    /// const province = Policy.bundled().withOverridesJson(JSON.stringify({ schema_version: 1, dues: {
    ///   farmer_monthly: [{ effective_from: "2024-01-01", citation: { regulation: "某省党费收缴办法", article: "第五条" },
    ///     value: { monthly: "1.00", min: "0.20", max: "1.00" } }] } }));
    /// ```
    #[wasm_bindgen(js_name = withOverridesJson)]
    pub fn with_overrides_json(&self, json: &str) -> Result<Policy, ApiError> {
        Ok(Policy {
            inner: self.inner.with_overrides_json(json)?,
        })
    }

    /// The policy document as JSON (decimals and dates as strings); `Policy.fromJson` reads it back.
    ///
    /// ```js
    /// const doc = JSON.parse(Policy.bundled().toJson()); // doc.schema_version === 1
    /// ```
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
}
