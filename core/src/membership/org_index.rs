//! The organization document indexed once per check: details, meetings, elections and reviews grouped by
//! organization (by the tree's index), members grouped by their organization's depth-first position so that a
//! subtree's members are one run, and members by id. Every organization rule then walks its own group instead
//! of the whole document, so a check grows linearly with the document.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::discipline::rights_on;
use super::ids::IdTable;
use super::org_document::{OrgDetails, OrgDocument};
use super::report::Stage;
use super::standing::Standing;
use super::status::stage_on;
use crate::disclosure::OrgTree;
use crate::{Policy, Result};

/// Items grouped by a key in `0..n`: the items of key `k` are `items[start[k]..start[k + 1]]`, in input order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Groups {
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    /// Groups the positions of `keys` (`None`: left out) by key, keeping their order within a key.
    pub(crate) fn new(n: usize, keys: impl Iterator<Item = Option<usize>> + Clone) -> Self {
        let mut start = vec![0u32; n.saturating_add(1)];
        for k in keys.clone().flatten() {
            if let Some(s) = start.get_mut(k.saturating_add(1)) {
                *s = s.saturating_add(1);
            }
        }
        for k in 1..start.len() {
            let prev = start.get(k.saturating_sub(1)).copied().unwrap_or(0);
            if let Some(s) = start.get_mut(k) {
                *s = s.saturating_add(prev);
            }
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; start.last().copied().unwrap_or(0) as usize];
        for (i, k) in keys.enumerate() {
            let Some(f) = k.and_then(|k| fill.get_mut(k)) else {
                continue;
            };
            if let Some(slot) = items.get_mut(*f as usize) {
                *slot = u32::try_from(i).unwrap_or(u32::MAX);
            }
            *f = f.saturating_add(1);
        }
        Self { start, items }
    }

    /// The items of keys `keys.start..keys.end` (one run).
    pub(crate) fn of_range(
        &self,
        keys: std::ops::Range<usize>,
    ) -> impl Iterator<Item = usize> + '_ {
        let lo = self.start.get(keys.start).copied().unwrap_or(0) as usize;
        let hi = self.start.get(keys.end).copied().unwrap_or(0) as usize;
        self.items
            .get(lo..hi.max(lo))
            .unwrap_or(&[])
            .iter()
            .map(|&i| i as usize)
    }

    /// The items of key `k`.
    pub(crate) fn of(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        self.of_range(k..k.saturating_add(1))
    }
}

/// The document's lookups, built in one pass over it.
#[derive(Debug, Clone)]
pub(crate) struct DocIndex<'d> {
    /// The document.
    pub doc: &'d OrgDocument,
    /// The details entry of each organization (the first one given).
    details: Vec<Option<&'d OrgDetails>>,
    /// Meetings by organization.
    pub meetings: Groups,
    /// Review rounds by organization.
    pub reviews: Groups,
    /// Members by their organization's depth-first position.
    members: Groups,
    /// Member position by id (the first record with the id).
    by_id: IdTable,
}

impl<'d> DocIndex<'d> {
    /// Indexes `doc`; references to organizations not in the tree are left out (nothing matches them).
    pub(crate) fn new(doc: &'d OrgDocument) -> Self {
        let tree = &doc.orgs;
        let n = tree.len();
        let mut details = vec![None; n];
        for d in &doc.details {
            if let Some(slot) = tree.index_of(&d.org).and_then(|i| details.get_mut(i)) {
                slot.get_or_insert(d);
            }
        }
        let pos = |org: &str| tree.index_of(org).and_then(|i| tree.position(i));
        let (by_id, _) = IdTable::build(&doc.members);
        Self {
            doc,
            details,
            meetings: Groups::new(n, doc.meetings.iter().map(|m| tree.index_of(&m.org))),
            reviews: Groups::new(n, doc.reviews.iter().map(|r| tree.index_of(&r.org))),
            members: Groups::new(n, doc.members.iter().map(|m| pos(&m.org))),
            by_id,
        }
    }

    /// The tree.
    pub(crate) fn tree(&self) -> &'d OrgTree {
        &self.doc.orgs
    }

    /// The details of the organization at index `org`.
    pub(crate) fn details(&self, org: usize) -> Option<&'d OrgDetails> {
        self.details.get(org).copied().flatten()
    }

    /// The positions of the members of `org`'s subtree, in input order.
    pub(crate) fn members_within(&self, org: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.members.of_range(self.tree().subtree(org)).collect();
        out.sort_unstable();
        out
    }

    /// The position of member `id`.
    pub(crate) fn member(&self, id: &str) -> Option<usize> {
        self.by_id.get(id)
    }

    /// The standing of the member at position `i` on `on` (`None` when not a full or probationary member).
    pub(crate) fn standing(
        &self,
        policy: &Policy,
        i: usize,
        on: NaiveDate,
    ) -> Result<Option<Standing<'d>>> {
        let Some(r) = self.doc.members.get(i) else {
            return Ok(None);
        };
        let stage = stage_on(policy, r, on).map_err(|e| e.under(&format!("members[{i}]")))?;
        if !matches!(stage, Stage::Full | Stage::Probationary) {
            return Ok(None);
        }
        let may_elect = stage == Stage::Full && rights_on(policy, r, on)?.may_elect;
        Ok(Some(Standing {
            id: &r.id,
            org: &r.org,
            stage,
            may_elect,
        }))
    }

    /// The standings on `on` of the members of `org`'s subtree (input order), then of the members named in
    /// `also` outside it.
    pub(crate) fn standings_within(
        &self,
        policy: &Policy,
        org: usize,
        on: NaiveDate,
        also: &[&str],
    ) -> Result<Vec<Standing<'d>>> {
        let tree = self.tree();
        let mut out = Vec::new();
        for i in self.members_within(org) {
            out.extend(self.standing(policy, i, on)?);
        }
        let mut extra: Vec<usize> = also
            .iter()
            .filter_map(|id| self.member(id))
            .filter(|&i| {
                self.doc
                    .members
                    .get(i)
                    .and_then(|m| tree.index_of(&m.org))
                    .is_none_or(|o| !tree.is_within_index(o, org))
            })
            .collect();
        extra.sort_unstable();
        extra.dedup();
        for i in extra {
            out.extend(self.standing(policy, i, on)?);
        }
        Ok(out)
    }
}
