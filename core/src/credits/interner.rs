//! The one interning layer between string ids and the fast path's numbers ([`Tally`](super::Tally)
//! takes members, activities and contents as numbers).
#![deny(clippy::arithmetic_side_effects)]

use crate::fx::FxMap;

/// The one interning layer between string ids and the fast path's numbers: each id gets the next number
/// on first sight, and the number gives the id back.
///
/// ```
/// let mut ids = dangjian::credits::Interner::default();
/// assert_eq!((ids.intern("M9"), ids.intern("M2"), ids.intern("M9")), (Some(0), Some(1), Some(0)));
/// assert_eq!(ids.name(1), Some("M2"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Interner {
    numbers: FxMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    /// The id's number, given on first sight; `None` once 2^32 − 1 ids are numbered.
    ///
    /// ```
    /// assert_eq!(dangjian::credits::Interner::default().intern("a"), Some(0));
    /// ```
    pub fn intern(&mut self, id: &str) -> Option<u32> {
        if let Some(&n) = self.numbers.get(id) {
            return Some(n);
        }
        let n = u32::try_from(self.names.len())
            .ok()
            .filter(|&n| n != u32::MAX)?;
        self.numbers.insert(id.to_owned(), n);
        self.names.push(id.to_owned());
        Some(n)
    }

    /// The id numbered `n`.
    ///
    /// ```
    /// assert_eq!(dangjian::credits::Interner::default().name(0), None);
    /// ```
    pub fn name(&self, n: u32) -> Option<&str> {
        self.names.get(n as usize).map(String::as_str)
    }

    /// How many ids are numbered.
    ///
    /// ```
    /// assert_eq!(dangjian::credits::Interner::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no id is numbered.
    ///
    /// ```
    /// assert!(dangjian::credits::Interner::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}
