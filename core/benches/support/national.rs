//! A generator of realistic national data, seeded and deterministic: a province → cities → counties → 基层党委
//! → 党总支 → 党支部 → 党小组 tree with members at realistic stage ratios (most full members, some probationary,
//! applicants, activists and 发展对象 in the pipeline, a few under discipline, mobile or lapsing), the meetings of
//! 三会一课 over one quarter (支委会 and 党小组会 monthly, 党员大会 and 党课 quarterly, 主题党日 monthly) with
//! attendance, elections of the branch committees whose terms end, and the 民主评议 of the year before.
//!
//! The unit is one 基层党委 with its subtree (about 29 organizations, 420 people, 150 meetings); a county holds
//! 30 units and a city 10 counties. Every unit is drawn from its own seed, so any unit can be made alone and a
//! province streamed one unit at a time. Shared by the benches and `examples/national.rs`.
#![allow(dead_code, clippy::indexing_slicing)]

use std::fmt::Write as _;

/// The quarter generated: 2026-Q1, checked on its last day.
pub const FROM: &str = "2026-01-01";
/// Last day of the quarter.
pub const TO: &str = "2026-03-31";
/// Units (基层党委) per county.
pub const UNITS_PER_COUNTY: usize = 30;
/// Counties per city.
pub const COUNTIES_PER_CITY: usize = 10;

/// A 64-bit linear congruential generator (Knuth's MMIX constants).
struct Rng(u64);

impl Rng {
    fn new(seed: u64, unit: usize) -> Self {
        let mut r = Rng(seed ^ (unit as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    /// True `per_mille` times in a thousand.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }
}

/// One 基层党委 and its subtree as JSON fragments (each entry one JSON object).
#[derive(Debug, Default, Clone)]
pub struct Unit {
    /// Organizations (`{"id","parent","kind"}`).
    pub orgs: Vec<String>,
    /// Details (names, committees).
    pub details: Vec<String>,
    /// Member records.
    pub members: Vec<String>,
    /// Meetings with attendance.
    pub meetings: Vec<String>,
    /// Elections.
    pub elections: Vec<String>,
    /// 民主评议 rounds.
    pub reviews: Vec<String>,
    /// Full and probationary members (people in the pipeline excluded).
    pub party_members: usize,
}

fn day(year: i32, month: u64, d: u64) -> String {
    format!("{year}-{month:02}-{:02}", d.min(28))
}

/// What a person is, drawn at realistic ratios.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Full,
    Probationary,
    Applicant,
    Activist,
    Target,
    Disciplined,
    Mobile,
    Lapsing,
}

fn draw(rng: &mut Rng) -> Kind {
    match rng.next() % 1000 {
        0..=839 => Kind::Full,
        840..=889 => Kind::Probationary,
        890..=919 => Kind::Applicant,
        920..=944 => Kind::Activist,
        945..=959 => Kind::Target,
        960..=969 => Kind::Disciplined,
        970..=984 => Kind::Mobile,
        _ => Kind::Lapsing,
    }
}

/// The events of a person of `kind`, in date order, and the year of the first.
fn events(rng: &mut Rng, kind: Kind, sponsors: &[String]) -> (String, u64) {
    let year = rng.range(1980, 2023);
    let first = match kind {
        Kind::Probationary | Kind::Applicant | Kind::Activist => 2025,
        Kind::Target => 2024,
        _ => year,
    };
    (events_from(rng, kind, sponsors, year), first)
}

fn events_from(rng: &mut Rng, kind: Kind, sponsors: &[String], year: u64) -> String {
    let joined = day(year as i32, rng.range(1, 12), rng.range(1, 28));
    let full = format!(r#"{{"kind":"imported","date":"{joined}","stage":"full"}}"#);
    let (s0, s1) = (&sponsors[0], &sponsors[1 % sponsors.len()]);
    match kind {
        Kind::Full => format!("[{full}]"),
        Kind::Probationary => format!(
            r#"[{{"kind":"imported","date":"{}","stage":"probationary"}}]"#,
            day(2025, rng.range(4, 12), rng.range(1, 28))
        ),
        Kind::Applicant => {
            let (m, d) = (rng.range(9, 12), rng.range(1, 20));
            format!(
                r#"[{{"kind":"application","date":"{}"}},{{"kind":"talk","date":"{}"}}]"#,
                day(2025, m, d),
                day(2025, m, d + 8)
            )
        }
        Kind::Activist => {
            let m = rng.range(1, 4);
            format!(
                r#"[{{"kind":"application","date":"{a}"}},{{"kind":"talk","date":"{t}"}},{{"kind":"activist","date":"{v}","recommended_by":"party_members","filed_on":"{v}"}},{{"kind":"contacts","date":"{v}","contacts":["{s0}","{s1}"]}}]"#,
                a = day(2025, m, 3),
                t = day(2025, m, 20),
                v = day(2025, m + 2, 10)
            )
        }
        Kind::Target => format!(
            r#"[{{"kind":"application","date":"2024-03-04"}},{{"kind":"talk","date":"2024-03-20"}},{{"kind":"activist","date":"2024-04-15","recommended_by":"party_members","filed_on":"2024-04-22"}},{{"kind":"contacts","date":"2024-04-20","contacts":["{s0}","{s1}"]}},{{"kind":"half_year_review","date":"2024-10-11"}},{{"kind":"half_year_review","date":"2025-04-11"}},{{"kind":"development_target","date":"2025-05-06","higher_approval_on":"2025-05-12"}},{{"kind":"sponsors","date":"2025-05-10","sponsors":["{s0}","{s1}"]}},{{"kind":"political_review","date":"2025-06-20"}},{{"kind":"half_year_review","date":"2025-10-10"}}]"#
        ),
        Kind::Disciplined => format!(
            r#"[{full},{{"kind":"sanction","date":"{}","sanction":"warning"}}]"#,
            day(2025, rng.range(1, 12), rng.range(1, 28))
        ),
        Kind::Mobile => format!(
            r#"[{full},{{"kind":"away","date":"{}","place":"外省务工"}}]"#,
            day(2025, rng.range(1, 12), rng.range(1, 28))
        ),
        Kind::Lapsing => format!("[{full}]"),
    }
}

/// One organization of the unit while it is being drawn: its id, the people belonging to it directly.
struct Branch {
    id: String,
    people: Vec<(String, Kind)>,
    groups: Vec<(String, Vec<(String, Kind)>)>,
    committee: Option<u64>,
}

impl Branch {
    /// Every party member of the branch and its groups, in order.
    fn party_members(&self) -> Vec<&(String, Kind)> {
        self.people
            .iter()
            .chain(self.groups.iter().flat_map(|(_, g)| g.iter()))
            .filter(|(_, k)| !matches!(k, Kind::Applicant | Kind::Activist | Kind::Target))
            .collect()
    }
}

/// A meeting of `org` with the attendance of `expected` (lapsing and mobile members are rarely present).
fn meeting(
    rng: &mut Rng,
    id: &str,
    kind: &str,
    date: &str,
    org: &str,
    expected: &[&(String, Kind)],
    lecturer: bool,
) -> String {
    let (mut present, mut leave) = (Vec::new(), Vec::new());
    for (m, k) in expected {
        let away = matches!(k, Kind::Lapsing) || (matches!(k, Kind::Mobile) && rng.chance(700));
        match rng.next() % 100 {
            _ if away => {}
            0..=89 => present.push(format!("\"{m}\"")),
            90..=96 => leave.push(format!("\"{m}\"")),
            _ => {}
        }
    }
    let mut s = format!(
        r#"{{"id":"{id}","kind":"{kind}","date":"{date}","org":"{org}","attendees":[{}]"#,
        present.join(",")
    );
    if !leave.is_empty() {
        let _ = write!(s, r#","absent_with_leave":[{}]"#, leave.join(","));
    }
    if lecturer {
        let _ = write!(
            s,
            r#","lecturer":"{}""#,
            expected.first().map_or("", |m| &m.0)
        );
    }
    s.push('}');
    s
}

/// Unit number `u` of the province drawn from `seed`, under county `county`; member ids from `first_member`.
pub fn unit(seed: u64, u: usize, county: &str) -> Unit {
    let mut rng = Rng::new(seed, u);
    let mut out = Unit::default();
    let cid = format!("U{u:05}");
    out.orgs.push(format!(
        r#"{{"id":"{cid}","parent":"{county}","kind":"committee"}}"#
    ));
    out.details.push(format!(
        r#"{{"org":"{cid}","name":"第{u}基层党委","committee":{{"elected_on":"{}","size":7}}}}"#,
        day(
            rng.range(2021, 2025) as i32,
            rng.range(1, 12),
            rng.range(1, 28)
        )
    ));
    let mut next = 0usize;
    let mut person = |rng: &mut Rng| {
        next += 1;
        (format!("{cid}M{next:04}"), draw(rng))
    };
    let mut branches = Vec::new();
    let general = 2;
    for g in 0..general {
        let gid = format!("{cid}Z{g}");
        out.orgs.push(format!(
            r#"{{"id":"{gid}","parent":"{cid}","kind":"general_branch"}}"#
        ));
        out.details
            .push(format!(r#"{{"org":"{gid}","name":"第{g}党总支"}}"#));
    }
    for b in 0..rng.range(13, 17) {
        let bid = format!("{cid}B{b:02}");
        let parent = if b < 10 {
            format!("{cid}Z{}", b % general)
        } else {
            cid.clone()
        };
        out.orgs.push(format!(
            r#"{{"id":"{bid}","parent":"{parent}","kind":"branch"}}"#
        ));
        let size = match rng.next() % 10 {
            0 => rng.range(3, 9),
            1..=5 => rng.range(15, 30),
            _ => rng.range(30, 50),
        };
        let mut people: Vec<(String, Kind)> = (0..size).map(|_| person(&mut rng)).collect();
        // The first two are full members: the branch's secretary and deputy, sponsors of the pipeline.
        for p in people.iter_mut().take(2) {
            p.1 = Kind::Full;
        }
        let mut groups = Vec::new();
        if size >= 36 {
            let n = size / 12;
            let per = (people.len() - 6) / n as usize;
            let mut rest = people.split_off(6);
            for g in 0..n {
                let gid = format!("{bid}G{g}");
                out.orgs.push(format!(
                    r#"{{"id":"{gid}","parent":"{bid}","kind":"group"}}"#
                ));
                out.details
                    .push(format!(r#"{{"org":"{gid}","name":"第{g}党小组"}}"#));
                let take = if g + 1 == n { rest.len() } else { per };
                groups.push((gid, rest.drain(..take).collect()));
            }
        }
        let full = people.len() as u64 * 84 / 100;
        let committee = (full >= 7).then(|| rng.range(3, 5));
        let elected = day(
            rng.range(2022, 2025) as i32,
            rng.range(1, 12),
            rng.range(1, 28),
        );
        out.details.push(match committee {
            Some(size) => format!(
                r#"{{"org":"{bid}","name":"第{b}党支部","committee":{{"elected_on":"{elected}","size":{size}}}}}"#
            ),
            None => format!(r#"{{"org":"{bid}","name":"第{b}党支部"}}"#),
        });
        branches.push(Branch {
            id: bid,
            people,
            groups,
            committee,
        });
    }
    for br in &branches {
        people_of(&mut rng, br, &mut out);
        life_of(&mut rng, br, &mut out);
    }
    out
}

/// The member records of a branch and its groups.
fn people_of(rng: &mut Rng, br: &Branch, out: &mut Unit) {
    let sponsors: Vec<String> = br.people.iter().take(2).map(|p| p.0.clone()).collect();
    let all = br.people.iter().map(|p| (&br.id, p)).chain(
        br.groups
            .iter()
            .flat_map(|(g, ps)| ps.iter().map(move |p| (g, p))),
    );
    for (org, (id, kind)) in all {
        let (ev, first) = events(rng, *kind, &sponsors);
        let birth = day(
            (first - rng.range(19, 40)) as i32,
            rng.range(1, 12),
            rng.range(1, 28),
        );
        out.members.push(format!(
            r#"{{"id":"{id}","name":"党员{id}","birth_date":"{birth}","org":"{org}","events":{ev}}}"#
        ));
    }
    out.party_members += br.party_members().len();
}

/// 三会一课 of a branch and its groups over the quarter, its election when its term ends, its 民主评议 of 2025.
fn life_of(rng: &mut Rng, br: &Branch, out: &mut Unit) {
    let members = br.party_members();
    let skips = rng.chance(50).then(|| rng.range(1, 3));
    for month in 1..=3u64 {
        if skips == Some(month) {
            continue;
        }
        let date = day(2026, month, rng.range(5, 25));
        let id = format!("{}-TD{month}", br.id);
        out.meetings.push(meeting(
            rng,
            &id,
            "theme_day",
            &date,
            &br.id,
            &members,
            false,
        ));
        if let Some(size) = br.committee {
            let id = format!("{}-BC{month}", br.id);
            let seats: Vec<_> = members.iter().take(size as usize).copied().collect();
            out.meetings.push(meeting(
                rng,
                &id,
                "branch_committee",
                &date,
                &br.id,
                &seats,
                false,
            ));
        }
        for (gid, ps) in &br.groups {
            let gm: Vec<_> = ps.iter().filter(|p| members.contains(p)).collect();
            let id = format!("{gid}-GM{month}");
            let date = day(2026, month, rng.range(5, 25));
            out.meetings
                .push(meeting(rng, &id, "group_meeting", &date, gid, &gm, false));
        }
    }
    let date = day(2026, rng.range(1, 3), rng.range(5, 25));
    out.meetings.push(meeting(
        rng,
        &format!("{}-GM", br.id),
        "general_meeting",
        &date,
        &br.id,
        &members,
        false,
    ));
    let date = day(2026, rng.range(1, 3), rng.range(5, 25));
    let lecturer = !rng.chance(50);
    out.meetings.push(meeting(
        rng,
        &format!("{}-PL", br.id),
        "party_lecture",
        &date,
        &br.id,
        &members,
        lecturer,
    ));
    if let Some(size) = br.committee.filter(|_| rng.chance(100)) {
        let voters: Vec<String> = members
            .iter()
            .filter(|m| m.1 == Kind::Full)
            .map(|m| format!("\"{}\"", m.0))
            .collect();
        let present = voters.len();
        let candidates: Vec<String> = members
            .iter()
            .filter(|m| m.1 == Kind::Full)
            .take(size as usize + 1)
            .enumerate()
            .map(|(i, m)| {
                format!(
                    r#"{{"id":"{}","votes":{}}}"#,
                    m.0,
                    present.saturating_sub(i)
                )
            })
            .collect();
        out.elections.push(format!(
            r#"{{"id":"{}-E","org":"{}","date":"{}","present":{present},"voters":[{}],"candidates":[{}]}}"#,
            br.id,
            br.id,
            day(2026, rng.range(1, 3), rng.range(5, 25)),
            voters.join(","),
            candidates.join(",")
        ));
    }
    let ratings: Vec<String> = members
        .iter()
        .map(|m| {
            let r = match rng.next() % 100 {
                0..=19 => "excellent",
                20..=94 => "qualified",
                95..=98 => "basically_qualified",
                _ => "unqualified",
            };
            format!(r#"{{"member":"{}","rating":"{r}"}}"#, m.0)
        })
        .collect();
    out.reviews.push(format!(
        r#"{{"org":"{}","year":2025,"date":"{}","ratings":[{}]}}"#,
        br.id,
        day(2026, rng.range(1, 3), rng.range(5, 25)),
        ratings.join(",")
    ));
}

/// The county of unit `u`, its city, and the upper organizations a document of `units` units holds.
pub fn upper(units: usize) -> Vec<String> {
    let counties = units.div_ceil(UNITS_PER_COUNTY);
    let cities = counties.div_ceil(COUNTIES_PER_CITY);
    let mut out = vec![r#"{"id":"P","kind":"committee"}"#.to_owned()];
    for c in 0..cities {
        out.push(format!(
            r#"{{"id":"S{c:03}","parent":"P","kind":"committee"}}"#
        ));
    }
    for k in 0..counties {
        out.push(format!(
            r#"{{"id":"X{k:04}","parent":"S{:03}","kind":"committee"}}"#,
            k / COUNTIES_PER_CITY
        ));
    }
    out
}

/// The county that unit `u` belongs to.
pub fn county_of(u: usize) -> String {
    format!("X{:04}", u / UNITS_PER_COUNTY)
}

/// Totals of what was generated.
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    /// Organizations.
    pub orgs: usize,
    /// Person records (members and the pipeline).
    pub people: usize,
    /// Full and probationary members.
    pub members: usize,
    /// Meetings.
    pub meetings: usize,
}

impl Totals {
    fn add(&mut self, u: &Unit) {
        self.orgs += u.orgs.len();
        self.people += u.members.len();
        self.members += u.party_members;
        self.meetings += u.meetings.len();
    }
}

/// A whole `membership::OrgDocument` of `units` units under one province, for 2026-Q1.
pub fn org_document(seed: u64, units: usize) -> (String, Totals) {
    let mut t = Totals::default();
    let upper = upper(units);
    t.orgs += upper.len();
    let mut parts: [Vec<String>; 6] = [upper, vec![], vec![], vec![], vec![], vec![]];
    for u in 0..units {
        let unit = unit(seed, u, &county_of(u));
        t.add(&unit);
        let Unit {
            orgs,
            details,
            members,
            meetings,
            elections,
            reviews,
            ..
        } = unit;
        for (p, v) in parts
            .iter_mut()
            .zip([orgs, details, members, meetings, elections, reviews])
        {
            p.extend(v);
        }
    }
    let [o, d, m, mt, e, r] = parts.map(|v| v.join(","));
    let json = format!(
        r#"{{"orgs":[{o}],"details":[{d}],"members":[{m}],"meetings":[{mt}],"elections":[{e}],"reviews":[{r}],"period":{{"from":"{FROM}","to":"{TO}"}}}}"#
    );
    (json, t)
}

/// One unit as a bundle line of `org check --format jsonl` (the unit's committee is the bundle's root).
pub fn org_bundle(seed: u64, u: usize) -> (String, Totals) {
    let mut unit = unit(seed, u, "");
    let mut t = Totals::default();
    t.add(&unit);
    if let Some(root) = unit.orgs.first_mut() {
        *root = root.replace(r#","parent":"""#, "");
    }
    let line = format!(
        r#"{{"orgs":[{}],"details":[{}],"members":[{}],"meetings":[{}],"elections":[{}],"reviews":[{}],"period":{{"from":"{FROM}","to":"{TO}"}}}}"#,
        unit.orgs.join(","),
        unit.details.join(","),
        unit.members.join(","),
        unit.meetings.join(","),
        unit.elections.join(","),
        unit.reviews.join(",")
    );
    (line, t)
}

/// The people of `units` units as JSON Lines for `member check`: one record a line, then one
/// `{"meeting":…}` line per meeting when `with_meetings`.
pub fn member_lines(seed: u64, units: usize, with_meetings: bool) -> (String, Totals) {
    let mut t = Totals::default();
    let (mut people, mut meetings) = (String::new(), String::new());
    for u in 0..units {
        let unit = unit(seed, u, &county_of(u));
        t.add(&unit);
        for m in &unit.members {
            people.push_str(m);
            people.push('\n');
        }
        if with_meetings {
            for m in &unit.meetings {
                let _ = writeln!(meetings, r#"{{"meeting":{m}}}"#);
            }
        }
    }
    people.push_str(&meetings);
    (people, t)
}

/// The same people as one `member check` document (`{"members":[…],"meetings":[…]}`).
pub fn member_document(seed: u64, units: usize, with_meetings: bool) -> (String, Totals) {
    let mut t = Totals::default();
    let (mut people, mut meetings) = (Vec::new(), Vec::new());
    for u in 0..units {
        let unit = unit(seed, u, &county_of(u));
        t.add(&unit);
        people.extend(unit.members);
        if with_meetings {
            meetings.extend(unit.meetings);
        }
    }
    let json = format!(
        r#"{{"members":[{}],"meetings":[{}]}}"#,
        people.join(","),
        meetings.join(",")
    );
    (json, t)
}
