//! The core's JSON-document entry points (the tables in `dangjian::surface`, core/src/surface/entry_points/),
//! exported in their two JS forms:
//!
//! - the object form (`disclosureCreate`): JS values in, each turned into JSON text by `JSON.stringify`, and
//!   the document the entry point writes out as plain JS values (`JSON.parse`), so a wrong shape is the coded
//!   error (`INVALID_CONTEXT_JSON`, …) naming the field path that the JSON form gives;
//! - the JSON form (`disclosureCreateJson`): text in and out, byte for byte the core's entry point.
//!
//! Times cross as RFC 3339 strings with an offset (`"2026-03-02T09:00:00+08:00"`), dates as `YYYY-MM-DD`.

use wasm_bindgen::prelude::*;

use crate::error::ApiError;

/// Renders one entry of a core table: its JSON form and its object form, as the entry's `js` asks.
///
/// The arguments are read one at a time into three lists — the exported function's parameters, the core
/// call's arguments and the lines of the call in its JS example — because each kind crosses differently (a
/// `doc` is `&JsValue` in the object form and `&str` named `…Json` in the JSON form).
macro_rules! entry_point {
    // The docs are read as `doc = "…"` and written as `doc = $doc ""`: the concatenation makes `paste!` turn
    // the raw string literal a doc comment becomes into a plain one (wasm-bindgen copies a raw literal's `r"`
    // into the .d.ts).
    ($(#[doc = $doc:tt])* fn $name:ident = [$($path:tt)*]($($args:tt)*) -> $ret:ident, js $js:tt, uniffi $u:ident;) => {
        entry_point!(@forms $js [$($doc)*] $name [$($path)*] $ret [$($args)*]);
    };
    (@forms (both $ts:literal) $m:tt $name:ident $path:tt $ret:ident [$($args:tt)*]) => {
        entry_point!(@(json) $m $name $path $ret [] [] [] $($args)*);
        entry_point!(@(object $ts) $m $name $path $ret [] [] [] $($args)*);
    };
    (@forms (json) $m:tt $name:ident $path:tt $ret:ident [$($args:tt)*]) => {
        entry_point!(@(json) $m $name $path $ret [] [] [] $($args)*);
    };
    (@forms (object $ts:literal) $m:tt $name:ident $path:tt $ret:ident [$($args:tt)*]) => {
        entry_point!(@(object $ts) $m $name $path $ret [] [] [] $($args)*);
    };
    (@forms (none) $($rest:tt)*) => {};

    // The JSON form: every document as text.
    (@(json) [$($doc:tt)*] $name:ident [$($path:tt)*] $ret:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*]) => {
        pastey::paste! {
            $(#[doc = $doc ""])*
            ///
            /// The JSON form: the documents as JSON text, byte for byte the core's entry point.
            ///
            /// ```js
            #[doc = "const out = " $name:lower_camel "Json("]
            $($d)*
            #[doc = "); // " $ret:lower]
            /// ```
            #[wasm_bindgen(js_name = [<$name:lower_camel Json>])]
            pub fn [<$name _json>]($($p)*) -> Result<$ret, ApiError> {
                Ok($($path)*($($a)*)?)
            }
        }
    };
    (@(json) $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: doc($c:literal, $t:literal), $($rest:tt)*) => {
        entry_point!(@(json) $m $n $f $r
            [$($p)* #[wasm_bindgen(js_name = [<$arg:lower_camel Json>])] [<$arg _json>]: &str,]
            [$($a)* [<$arg _json>],]
            [$($d)* #[doc = "  " $arg:lower_camel "Json, // " $t " as JSON text"]] $($rest)*);
    };
    (@(json) $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: text($t:literal), $($rest:tt)*) => {
        entry_point!(@(json) $m $n $f $r
            [$($p)* #[wasm_bindgen(js_name = [<$arg:lower_camel>])] $arg: &str,] [$($a)* $arg,]
            [$($d)* #[doc = "  " $arg:lower_camel ", // " $t]] $($rest)*);
    };

    // The object form: a document as a JS value of its TypeScript type, the result as plain JS values.
    (@(object $ts:literal) [$($doc:tt)*] $name:ident [$($path:tt)*] $ret:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*]) => {
        pastey::paste! {
            $(#[doc = $doc ""])*
            ///
            /// ```js
            #[doc = "const out = " $name:lower_camel "("]
            $($d)*
            #[doc = "); // " $ts]
            /// ```
            #[wasm_bindgen(js_name = [<$name:lower_camel>], unchecked_return_type = $ts)]
            pub fn $name($($p)*) -> Result<entry_point!(@out $ret), ApiError> {
                entry_point!(@read $ret $($path)*($($a)*)?)
            }
        }
    };
    (@out String) => { JsValue };
    (@out bool) => { bool };
    (@read String $out:expr) => { crate::convert::parse_json(&$out) };
    (@read bool $out:expr) => { Ok($out) };
    (@(object $ts:literal) $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: text($t:literal), $($rest:tt)*) => {
        entry_point!(@(object $ts) $m $n $f $r
            [$($p)* #[wasm_bindgen(js_name = [<$arg:lower_camel>], unchecked_param_type = $t)] $arg: &str,]
            [$($a)* $arg,] [$($d)* #[doc = "  " $arg:lower_camel ", // " $t]] $($rest)*);
    };
    (@(object $ts:literal) $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: doc($c:literal, $t:literal), $($rest:tt)*) => {
        entry_point!(@(object $ts) $m $n $f $r
            [$($p)* #[wasm_bindgen(js_name = [<$arg:lower_camel>], unchecked_param_type = $t)] $arg: &JsValue,]
            [$($a)* &crate::convert::stringify($arg, $c)?,] [$($d)* #[doc = "  " $arg:lower_camel ", // " $t]] $($rest)*);
    };

    // The kinds that cross the same way in both forms.
    (@$form:tt $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: policy, $($rest:tt)*) => {
        entry_point!(@$form $m $n $f $r [$($p)* $arg: &crate::policy::Policy,] [$($a)* &$arg.inner,]
            [$($d)* #[doc = "  Policy.bundled(),"]] $($rest)*);
    };
    (@$form:tt $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: calendar, $($rest:tt)*) => {
        entry_point!(@$form $m $n $f $r [$($p)* $arg: &crate::calendar::Calendar,] [$($a)* &$arg.inner,]
            [$($d)* #[doc = "  Calendar.official(),"]] $($rest)*);
    };
    (@$form:tt $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: scheme, $($rest:tt)*) => {
        entry_point!(@$form $m $n $f $r
            [$($p)* $arg: &crate::credits::CreditsScheme,] [$($a)* &$arg.inner,]
            [$($d)* #[doc = "  CreditsScheme.memberPoints(),"]] $($rest)*);
    };
    (@$form:tt $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: flag($v:literal), $($rest:tt)*) => {
        entry_point!(@$form $m $n $f $r [$($p)* $arg: Option<bool>,] [$($a)* $arg.unwrap_or($v),]
            [$($d)* #[doc = "  " $arg:lower_camel ", // boolean, " $v " when left out"]] $($rest)*);
    };
    (@$form:tt $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: str, $($rest:tt)*) => {
        entry_point!(@$form $m $n $f $r
            [$($p)* #[wasm_bindgen(js_name = [<$arg:lower_camel>])] $arg: &str,] [$($a)* $arg,]
            [$($d)* #[doc = "  " $arg:lower_camel ", // string"]] $($rest)*);
    };
    (@$form:tt $m:tt $n:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($d:tt)*] $arg:ident: opt_str, $($rest:tt)*) => {
        entry_point!(@$form $m $n $f $r
            [$($p)* #[wasm_bindgen(js_name = [<$arg:lower_camel>])] $arg: Option<String>,]
            [$($a)* $arg.as_deref(),] [$($d)* #[doc = "  " $arg:lower_camel ", // string, or undefined"]] $($rest)*);
    };
}

#[cfg(feature = "dues")]
dangjian::dues_entry_points!(entry_point);
#[cfg(feature = "disclosure")]
dangjian::disclosure_entry_points!(entry_point);
#[cfg(feature = "audit")]
dangjian::audit_entry_points!(entry_point);
#[cfg(feature = "membership")]
dangjian::membership_entry_points!(entry_point);
#[cfg(feature = "credits")]
dangjian::credits_entry_points!(entry_point);
