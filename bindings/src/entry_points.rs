//! The core's JSON-document entry points (the tables in `dangjian::surface`, core/src/surface/entry_points/),
//! exported to Kotlin, Swift and Python under each entry's `uniffi` name: documents as JSON strings in and out,
//! the same codes with the field path inside the document. `disclosure_create` is Kotlin's
//! `disclosureCreate(contextJson, newItemJson, actor, at)` and Python's
//! `disclosure_create(context_json, new_item_json, actor, at)`.

use crate::calendar::Calendar;
use crate::error::{guarded, Result};
use crate::policy::Policy;

/// Renders one entry of a core table as a UniFFI export, unless its `uniffi` name is `none`.
///
/// The arguments are read one at a time into three lists — the export's parameters, the core call's
/// arguments and those of its one-line Kotlin example — because each kind crosses differently (a `doc` is
/// the `String` parameter `…_json`).
macro_rules! entry_point {
    ($(#[$m:meta])* fn $name:ident = [$($path:tt)*]($($args:tt)*) -> $ret:ident, js $js:tt, uniffi none;) => {};
    ($(#[$m:meta])* fn $name:ident = [$($path:tt)*]($($args:tt)*) -> $ret:ident, js $js:tt, uniffi $u:ident;) => {
        entry_point!(@fn [$(#[$m])*] $u [$($path)*] $ret [] [] [] $($args)*);
    };
    // Every argument of the example is written after a ", ": the first one's is dropped here.
    (@fn [$(#[$m:meta])*] $u:ident [$($path:tt)*] $ret:ident [$($p:tt)*] [$($a:tt)*] [$(", " $($k:tt)+)?]) => {
        pastey::paste! {
            $(#[$m])*
            ///
            /// ```kotlin
            #[doc = "val out = " $u:lower_camel "(" $($($k)+)? ")"]
            /// ```
            #[uniffi::export]
            pub fn $u($($p)*) -> Result<$ret> {
                guarded(|| Ok($($path)*($($a)*)?))
            }
        }
    };
    (@fn $m:tt $u:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($k:tt)*] $arg:ident: doc($c:literal, $t:literal), $($rest:tt)*) => {
        entry_point!(@fn $m $u $f $r [$($p)* [<$arg _json>]: String,] [$($a)* &[<$arg _json>],]
            [$($k)* ", " $arg:lower_camel "Json"] $($rest)*);
    };
    (@fn $m:tt $u:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($k:tt)*] $arg:ident: policy, $($rest:tt)*) => {
        entry_point!(@fn $m $u $f $r [$($p)* $arg: &Policy,] [$($a)* &$arg.inner,]
            [$($k)* ", " "Policy.bundled()"] $($rest)*);
    };
    (@fn $m:tt $u:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($k:tt)*] $arg:ident: calendar, $($rest:tt)*) => {
        entry_point!(@fn $m $u $f $r [$($p)* $arg: &Calendar,] [$($a)* &*$arg.read()?,]
            [$($k)* ", " "Calendar.official()"] $($rest)*);
    };
    (@fn $m:tt $u:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($k:tt)*] $arg:ident: scheme, $($rest:tt)*) => {
        entry_point!(@fn $m $u $f $r
            [$($p)* $arg: &crate::credits::CreditsScheme,] [$($a)* &$arg.inner,]
            [$($k)* ", " "CreditsScheme.memberPoints()"] $($rest)*);
    };
    (@fn $m:tt $u:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($k:tt)*] $arg:ident: flag($d:literal), $($rest:tt)*) => {
        entry_point!(@fn $m $u $f $r [$($p)* $arg: bool,] [$($a)* $arg,] [$($k)* ", " $d] $($rest)*);
    };
    (@fn $m:tt $u:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($k:tt)*] $arg:ident: text($t:literal), $($rest:tt)*) => {
        entry_point!(@fn $m $u $f $r [$($p)* $arg: String,] [$($a)* &$arg,] [$($k)* ", " $arg:lower_camel] $($rest)*);
    };
    (@fn $m:tt $u:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($k:tt)*] $arg:ident: str, $($rest:tt)*) => {
        entry_point!(@fn $m $u $f $r [$($p)* $arg: String,] [$($a)* &$arg,] [$($k)* ", " $arg:lower_camel] $($rest)*);
    };
    (@fn $m:tt $u:ident $f:tt $r:ident [$($p:tt)*] [$($a:tt)*] [$($k:tt)*] $arg:ident: opt_str, $($rest:tt)*) => {
        entry_point!(@fn $m $u $f $r [$($p)* $arg: Option<String>,] [$($a)* $arg.as_deref(),]
            [$($k)* ", " $arg:lower_camel] $($rest)*);
    };
}

dangjian::dues_entry_points!(entry_point);
dangjian::disclosure_entry_points!(entry_point);
dangjian::audit_entry_points!(entry_point);
dangjian::membership_entry_points!(entry_point);
dangjian::credits_entry_points!(entry_point);
