//! Pieces the assessment's steps share (the trace collector, the article of each category), in a leaf that
//! imports none of them, so `assess.rs` and `base.rs` each import it instead of each other.
#![deny(clippy::arithmetic_side_effects)]

use std::sync::{Arc, OnceLock};

use super::items::Category;
use super::member::DuesMember;
use super::step::{Cited, Step};
use super::trace::{Store, Trace};
use super::trace_codec::{encode, room_for};
use crate::Citation;

/// The bytes of a batch's chunk: about 500 traced members. Below the size the allocator maps on its own, so a
/// batch's chunks are reused by the next batch instead of being mapped and zeroed again.
pub(super) const CHUNK: usize = 64 * 1024;

/// Where the traces of a batch (or of one assessment) write their steps: a chunk at a time, each chunk shared by
/// the traces in it and filled in when the next one starts or the recorder is dropped.
///
/// The citations of a chunk are the policy's (`'p`), each copied once and found again by address.
pub(super) struct Recorder<'p> {
    /// The bytes to reserve for a chunk: [`CHUNK`] in a batch, none ahead for one assessment (its room only).
    capacity: usize,
    chunk: Option<Arc<OnceLock<Store>>>,
    store: Store,
    /// The policy citations copied into `store.cited`, in the same order.
    cited_from: Vec<&'p Citation>,
}

impl<'p> Recorder<'p> {
    /// A recorder for many assessments, a chunk of [`CHUNK`] bytes at a time.
    pub(super) fn for_batch() -> Self {
        Self::with_capacity(CHUNK)
    }

    /// A recorder for one assessment, holding exactly its steps.
    pub(super) fn for_one() -> Self {
        Self::with_capacity(0)
    }

    fn with_capacity(capacity: usize) -> Self {
        Recorder {
            capacity,
            chunk: None,
            store: Store::default(),
            cited_from: Vec::new(),
        }
    }

    /// The chunk the next trace goes into, with room for its `room` bytes and four more citations.
    fn begin(&mut self, room: usize) -> Arc<OnceLock<Store>> {
        let bytes = &self.store.bytes;
        let full = bytes.len().saturating_add(room) > bytes.capacity()
            || self.store.cited.len() > usize::from(u8::MAX).saturating_sub(4);
        if full {
            self.seal();
        }
        let (store, capacity) = (&mut self.store, self.capacity);
        let chunk = self.chunk.get_or_insert_with(|| {
            store.bytes.reserve_exact(capacity.max(room));
            Arc::default()
        });
        Arc::clone(chunk)
    }

    /// `citation`'s place in the chunk, copied there the first time.
    fn cite(&mut self, citation: &'p Citation) -> Cited {
        let found = self
            .cited_from
            .iter()
            .position(|c| std::ptr::eq(*c, citation));
        let at = found.unwrap_or_else(|| {
            self.cited_from.push(citation);
            self.store.cited.push(citation.clone());
            self.store.cited.len().saturating_sub(1)
        });
        // `begin` keeps a chunk under 256 citations.
        Cited(u8::try_from(at).unwrap_or(u8::MAX))
    }

    /// Hands the chunk's steps to its traces.
    fn seal(&mut self) {
        if let Some(chunk) = self.chunk.take() {
            // The only write of this chunk's store: it is taken out of `self.chunk` here.
            let _ = chunk.set(std::mem::take(&mut self.store));
        }
        self.store = Store::default();
        self.cited_from.clear();
    }
}

impl Drop for Recorder<'_> {
    fn drop(&mut self) {
        self.seal();
    }
}

/// Collects one assessment's steps only when asked, so the amounts-only path builds nothing.
pub(super) struct Tracer<'r, 'p> {
    /// Where the steps go; `None` when not tracing.
    recorder: Option<&'r mut Recorder<'p>>,
    chunk: Option<Arc<OnceLock<Store>>>,
    start: usize,
    count: usize,
}

impl<'r, 'p> Tracer<'r, 'p> {
    /// A collector of `member`'s steps into `recorder` when `on` (the caller asked for a trace).
    pub(super) fn new(on: bool, member: &DuesMember, recorder: &'r mut Recorder<'p>) -> Self {
        if !on {
            return Tracer {
                recorder: None,
                chunk: None,
                start: 0,
                count: 0,
            };
        }
        let chunk = recorder.begin(room_for(member));
        Tracer {
            start: recorder.store.bytes.len(),
            recorder: Some(recorder),
            chunk: Some(chunk),
            count: 0,
        }
    }

    /// Records the step built by `step`, which is only called when tracing.
    #[inline]
    pub(super) fn push(&mut self, step: impl FnOnce() -> Step) {
        if let Some(recorder) = self.recorder.as_deref_mut() {
            encode(&step(), &mut recorder.store.bytes);
            self.count = self.count.saturating_add(1);
        }
    }

    /// Records the step built by `step` with the policy's `citation` (stored once per chunk).
    #[inline]
    pub(super) fn push_cited(&mut self, citation: &'p Citation, step: impl FnOnce(Cited) -> Step) {
        if let Some(recorder) = self.recorder.as_deref_mut() {
            let at = recorder.cite(citation);
            encode(&step(at), &mut recorder.store.bytes);
            self.count = self.count.saturating_add(1);
        }
    }

    /// The steps collected, in order (empty when not tracing).
    pub(super) fn into_trace(self) -> Trace {
        match (self.recorder, self.chunk) {
            (Some(recorder), Some(chunk)) => {
                Trace::stored(chunk, self.start..recorder.store.bytes.len(), self.count)
            }
            _ => Trace::default(),
        }
    }
}

/// The article of the 2008 Rules that sets a category's dues (Arts. 2–6).
pub(super) fn category_article(category: Category) -> &'static str {
    match category {
        Category::Employed => "第二条",
        Category::AnnualSalary => "第三条",
        Category::SelfEmployed => "第四条",
        Category::Retired => "第五条",
        Category::Farmer
        | Category::Student
        | Category::Unemployed
        | Category::Relief
        | Category::Subsistence => "第六条",
    }
}
