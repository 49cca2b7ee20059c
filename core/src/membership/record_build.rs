//! Building a member record in Rust without spelling its empty fields: the four facts every record has, then
//! the optional identity number and the events, oldest first.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::record::{MemberEvent, MemberRecord};

impl MemberRecord {
    /// A record with no identity number and no events yet.
    ///
    /// ```
    /// use dangjian::membership::{MemberEvent, MemberRecord};
    /// let day = |s: &str| s.parse().unwrap();
    /// let r = MemberRecord::new("M1", "张三", day("2000-03-01"), "B1")
    ///     .with_id_number("11010520000301001X")
    ///     .with_event(MemberEvent::Application { date: day("2024-01-10") });
    /// assert_eq!((r.id.as_str(), r.org.as_str(), r.events.len()), ("M1", "B1", 1));
    /// assert_eq!(r.id_number.as_deref(), Some("11010520000301001X"));
    /// ```
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        birth_date: NaiveDate,
        org: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            birth_date,
            org: org.into(),
            id_number: None,
            events: Vec::new(),
        }
    }

    /// The same record with its 居民身份证号码 (checked by [`super::check`](fn@super::check), not here).
    ///
    /// ```
    /// let r = dangjian::membership::MemberRecord::new("M1", "甲", "2000-01-01".parse().unwrap(), "B1")
    ///     .with_id_number("X");
    /// assert_eq!(r.id_number.as_deref(), Some("X"));
    /// ```
    #[must_use]
    pub fn with_id_number(mut self, id_number: impl Into<String>) -> Self {
        self.id_number = Some(id_number.into());
        self
    }

    /// The same record with `event` after its others (recorded as given: [`super::apply`] is the call that
    /// refuses an event the rules do not allow).
    ///
    /// ```
    /// use dangjian::membership::{MemberEvent, MemberRecord};
    /// let day = |s: &str| s.parse().unwrap();
    /// let r = MemberRecord::new("M1", "甲", day("2000-01-01"), "B1")
    ///     .with_event(MemberEvent::Application { date: day("2024-01-10") })
    ///     .with_event(MemberEvent::Talk { date: day("2024-02-01") });
    /// assert_eq!(r.events[1].kind_name(), "talk");
    /// ```
    #[must_use]
    pub fn with_event(mut self, event: MemberEvent) -> Self {
        self.events.push(event);
        self
    }
}
