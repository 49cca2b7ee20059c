//! The trace of an assessment, kept compact: each step is its kind and the numbers it was computed from
//! (decimals, months, codes, references to static text), and its words are written only when someone reads
//! them. Writing the text of every step of every member (three or four `String`s and several formatted
//! decimals a step) was nine tenths of a traced batch's time; most traces are stored or counted, few are read.
//!
//! The steps are written as bytes ([`super::trace_codec`]) into a store that the traces of a batch share, a
//! chunk of members at a time ([`super::tracer::Recorder`]): a traced member costs no allocation of its own, and
//! a hundred thousand of them fill a few hundred chunks the allocator keeps between batches. A trace kept alive
//! keeps its chunk (at most [`super::tracer::CHUNK`] bytes) alive.
//!
//! On every surface the trace is what it was: the list of [`TraceStep`]s, in JSON, TypeScript (`TraceStep[]`),
//! Kotlin, Swift and Python alike. Each kind of step has its text written in one place ([`super::step`]).
#![deny(clippy::arithmetic_side_effects)]

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::trace_codec::Steps;
use crate::{Citation, TraceStep};

/// How an assessment reached its amount: the steps, in order, read as [`TraceStep`]s.
///
/// The steps are held as numbers and written out as text the first time they are read (then kept): through
/// [`Trace::steps`], the slice it dereferences to, iteration, serde or the UniFFI record. Its JSON is the
/// array of [`TraceStep`] objects, and reads back from one.
///
/// ```
/// use dangjian::{dues, Policy};
/// let m: dues::DuesMember = serde_json::from_str(r#"{"member_id":"M1","category":"employed",
///   "incomes":[{"items":[{"code":"net_base","amount":"5400"}]}]}"#).unwrap();
/// let a = dues::assess(&Policy::bundled(), &m, "2026-03".parse().unwrap(), Default::default()).unwrap();
/// assert_eq!(a.trace.len(), 4); // fixing, base, rate, amount
/// assert_eq!(a.trace[2].value, "0.015");
/// assert_eq!(a.trace.steps()[3].detail, "5400.00 × 0.015 = 81.00000, rounded half_up to 2 decimals");
/// let json = serde_json::to_string(&a.trace).unwrap();
/// assert!(json.starts_with(r#"[{"step":"fixing","detail":"annual fixing"#));
/// let back: dues::Trace = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, a.trace);
/// ```
#[derive(Clone, Default)]
pub struct Trace {
    /// The store holding the steps, shared with the other traces of its chunk and filled once the chunk is
    /// done (none for an empty trace or one read from its text).
    store: Option<Arc<OnceLock<Store>>>,
    /// Where the steps' bytes are in the store.
    bytes: Range<usize>,
    /// How many steps they are.
    count: usize,
    /// The steps as text, written on first read.
    rendered: OnceLock<Vec<TraceStep>>,
}

/// The steps of the traces of one chunk of a batch (or of one assessment), encoded one after the other, and the
/// policy citations they name, each once (a step names one by its place here): copying a province's owned citation once per
/// step was a copy per payroll item, and a bundled one still 48 bytes.
#[derive(Default)]
pub(super) struct Store {
    pub(super) bytes: Vec<u8>,
    pub(super) cited: Vec<Citation>,
}

impl Trace {
    /// The `count` steps at `bytes` of the chunk `store`, readable once the chunk is filled in.
    pub(super) fn stored(store: Arc<OnceLock<Store>>, bytes: Range<usize>, count: usize) -> Self {
        Self {
            store: Some(store),
            bytes,
            count,
            rendered: OnceLock::new(),
        }
    }

    /// An empty trace (what an assessment without trace carries).
    ///
    /// ```
    /// assert!(dangjian::dues::Trace::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of steps (counted without writing them out).
    ///
    /// ```
    /// let t = dangjian::dues::Trace::from(vec![dangjian::TraceStep::new("base", "given", "1.00")]);
    /// assert_eq!(t.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.rendered.get().map_or(self.count, Vec::len)
    }

    /// Whether there is no step (an assessment made without trace).
    ///
    /// ```
    /// assert!(dangjian::dues::Trace::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drops every step (an assessment compared without its trace).
    ///
    /// ```
    /// let mut t = dangjian::dues::Trace::from(vec![dangjian::TraceStep::new("base", "given", "1.00")]);
    /// t.clear();
    /// assert!(t.is_empty() && t.steps().is_empty());
    /// ```
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// The steps as text, written on the first call and kept.
    ///
    /// ```
    /// let t = dangjian::dues::Trace::from(vec![dangjian::TraceStep::new("base", "given", "1.00")]);
    /// assert_eq!(t.steps()[0].step, "base");
    /// ```
    pub fn steps(&self) -> &[TraceStep] {
        self.rendered.get_or_init(|| self.render_all().collect())
    }

    /// The steps as text, owned (written now unless they were read before).
    ///
    /// ```
    /// let t = dangjian::dues::Trace::from(vec![dangjian::TraceStep::new("base", "given", "1.00")]);
    /// assert_eq!(t.into_steps().len(), 1);
    /// ```
    pub fn into_steps(mut self) -> Vec<TraceStep> {
        match self.rendered.take() {
            Some(steps) => steps,
            None => self.render_all().collect(),
        }
    }

    fn render_all(&self) -> impl Iterator<Item = TraceStep> + '_ {
        let store = self.store.as_deref().and_then(OnceLock::get);
        let (bytes, cited) = store.map_or((&[][..], &[][..]), |s| {
            let bytes = s.bytes.get(self.bytes.clone()).unwrap_or_default();
            (bytes, s.cited.as_slice())
        });
        Steps::new(bytes).map(move |s| s.render(cited))
    }
}

impl std::ops::Deref for Trace {
    type Target = [TraceStep];

    fn deref(&self) -> &[TraceStep] {
        self.steps()
    }
}

impl<'a> IntoIterator for &'a Trace {
    type Item = &'a TraceStep;
    type IntoIter = std::slice::Iter<'a, TraceStep>;

    fn into_iter(self) -> Self::IntoIter {
        self.steps().iter()
    }
}

impl From<Vec<TraceStep>> for Trace {
    fn from(steps: Vec<TraceStep>) -> Self {
        Self {
            rendered: OnceLock::from(steps),
            ..Self::default()
        }
    }
}

impl From<Trace> for Vec<TraceStep> {
    fn from(trace: Trace) -> Self {
        trace.into_steps()
    }
}

/// Two traces are equal when they read the same: the text is the contract (`5400` and `5400.00` are equal
/// decimals but different steps).
impl PartialEq for Trace {
    fn eq(&self, other: &Self) -> bool {
        self.steps() == other.steps()
    }
}

impl Eq for Trace {}

impl std::fmt::Debug for Trace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.steps().fmt(f)
    }
}

impl Serialize for Trace {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.rendered.get() {
            Some(steps) => steps.serialize(serializer),
            // Written step by step into the output, not kept: a batch written to JSON holds no second copy.
            None => serializer.collect_seq(self.render_all()),
        }
    }
}

impl<'de> Deserialize<'de> for Trace {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<TraceStep>::deserialize(deserializer).map(Self::from)
    }
}

// Kotlin, Swift and Python see the list of steps they always saw (`List<TraceStep>`, `[TraceStep]`, `list`),
// written out when the record is lowered.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(Trace, Vec<TraceStep>, {
    lower: |t| t.into_steps(),
    try_lift: |v| Ok(Trace::from(v)),
});
