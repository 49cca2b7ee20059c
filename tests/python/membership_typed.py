"""The membership records of the typed exports built from the vectors' JSON documents, and the typed results
written back as plain JSON values, so the vector expectations compare against both paths alike.

Strict: an unknown field or event kind, or a missing field, raises NotTyped — such a document can only be
given to the JSON entry points. The defaults are the contract's (tests/vectors/README.md, the core's serde
defaults): `passed` true, `days`/`class_hours` 0, a notice for `development_target`, `same_city` false."""

import decimal
import enum

import dangjian_types as djt


class NotTyped(Exception):
    pass


def _obj(v, required, optional=()):
    if not isinstance(v, dict):
        raise NotTyped(f"not an object: {v!r}")
    unknown = set(v) - set(required) - set(optional)
    missing = [k for k in required if k not in v]
    if unknown or missing:
        raise NotTyped(f"unknown {sorted(unknown)}, missing {missing}")
    return v


def _enum(cls, v):
    try:
        return cls[v.upper()]
    except (KeyError, AttributeError):
        raise NotTyped(f"{cls.__name__} {v!r}") from None


# Per event kind: its fields (beyond `kind` and `date`) with their default when absent (`REQUIRED`: none).
REQUIRED = object()
EVENT_FIELDS = {
    "imported": {"stage": REQUIRED},
    "activist": {"recommended_by": REQUIRED, "filed_on": None},
    "contacts": {"contacts": REQUIRED},
    "development_target": {"higher_approval_on": None},
    "sponsors": {"sponsors": REQUIRED},
    "political_review": {"passed": True},
    "training": {"days": 0, "class_hours": 0},
    "public_notice": {"closes_on": REQUIRED, "stage": "development_target", "objections": []},
    "branch_vote": {"vote": REQUIRED},
    "approval": {"reason": None},
    "probation_extended": {"months": REQUIRED},
    "sanction": {"sanction": REQUIRED, "years": None},
    "removed": {"how": REQUIRED},
    "transfer_out": {"to_org": REQUIRED, "same_city": False},
    "transfer_in": {"from_org": REQUIRED},
    "away": {"place": None},
    "excused": {"until": REQUIRED, "reason": REQUIRED},
}
for _kind in ("application", "talk", "half_year_review", "committee_review", "pre_review", "interview", "oath",
              "probation_cancelled", "conversion", "sanction_extended", "rights_restored", "suspended",
              "reinstated", "lost_contact", "contact_restored", "returned", "graduated"):
    EVENT_FIELDS[_kind] = {}


def vote_from(v):
    d = _obj(v, ["entitled", "present", "yes", "no", "abstain"], ["written", "secret_ballot"])
    return djt.Vote(entitled=d["entitled"], present=d["present"], yes=d["yes"], no=d["no"], abstain=d["abstain"],
                    written=d.get("written", 0), secret_ballot=d.get("secret_ballot"))


def objection_from(v):
    d = _obj(v, ["by", "at", "content"], ["decision"])
    decision = d.get("decision")
    if decision is not None:
        x = _obj(decision, ["upheld", "reason", "by", "at"])
        decision = djt.ObjectionDecision(upheld=x["upheld"], reason=x["reason"], by=x["by"], at=x["at"])
    return djt.Objection(by=d["by"], at=d["at"], content=d["content"], decision=decision)


def _event_field(kind, name, value):
    if name == "stage":
        return _enum(djt.Stage if kind == "imported" else djt.NoticeStage, value)
    if name == "recommended_by":
        return _enum(djt.Recommendation, value)
    if name == "sanction":
        return _enum(djt.SanctionKind, value)
    if name == "how":
        return _enum(djt.RemovalKind, value)
    if name == "vote":
        return vote_from(value)
    if name == "objections":
        return [objection_from(o) for o in value]
    return value


def event_from(v):
    kind = v.get("kind") if isinstance(v, dict) else None
    fields = EVENT_FIELDS.get(kind)
    if fields is None:
        raise NotTyped(f"event kind {kind!r}")
    d = _obj(v, ["kind", "date"] + [k for k, dv in fields.items() if dv is REQUIRED],
             [k for k, dv in fields.items() if dv is not REQUIRED])
    args = {name: _event_field(kind, name, d.get(name, dv)) for name, dv in fields.items()}
    return getattr(djt.MemberEvent, kind.upper())(date=d["date"], **args)


def member_from(v):
    d = _obj(v, ["id", "name", "birth_date", "org"], ["id_number", "events"])
    return djt.MemberRecord(id=d["id"], name=d["name"], birth_date=d["birth_date"], org=d["org"],
                            id_number=d.get("id_number"), events=[event_from(e) for e in d.get("events", [])])


def meeting_from(v):
    d = _obj(v, ["id", "kind", "date", "org"], ["attendees", "absent_with_leave", "absent_without_leave", "lecturer"])
    return djt.Meeting(id=d["id"], kind=_enum(djt.MeetingKind, d["kind"]), date=d["date"], org=d["org"],
                       attendees=d.get("attendees", []), absent_with_leave=d.get("absent_with_leave", []),
                       absent_without_leave=d.get("absent_without_leave", []), lecturer=d.get("lecturer"))


def org_from(v):
    d = _obj(v, ["id", "kind"], ["parent"])
    return djt.Org(id=d["id"], parent=d.get("parent"), kind=_enum(djt.OrgKind, d["kind"]))


def details_from(v):
    d = _obj(v, ["org"], ["name", "units", "committee", "approved_below_minimum"])
    c = d.get("committee")
    if c is not None:
        c = _obj(c, ["elected_on", "size"])
        c = djt.CommitteeInfo(elected_on=c["elected_on"], size=c["size"])
    return djt.OrgDetails(org=d["org"], name=d.get("name"), units=d.get("units"), committee=c,
                          approved_below_minimum=d.get("approved_below_minimum", False))


def election_from(v):
    d = _obj(v, ["id", "org", "date", "present"], ["entitled", "voters", "candidates"])
    candidates = [djt.Candidate(id=c["id"], votes=c["votes"]) for c in
                  (_obj(c, ["id", "votes"]) for c in d.get("candidates", []))]
    return djt.Election(id=d["id"], org=d["org"], date=d["date"], entitled=d.get("entitled"), present=d["present"],
                        voters=d.get("voters"), candidates=candidates)


def round_from(v):
    d = _obj(v, ["org", "year", "date"], ["ratings"])
    ratings = []
    for r in d.get("ratings", []):
        r = _obj(r, ["member"], ["rating"])
        rating = r.get("rating")
        ratings.append(djt.MemberRating(member=r["member"],
                                        rating=None if rating is None else _enum(djt.ReviewRating, rating)))
    return djt.ReviewRound(org=d["org"], year=d["year"], date=d["date"], ratings=ratings)


def document_from(v):
    d = _obj(v, ["orgs"], ["details", "members", "meetings", "elections", "reviews", "period"])
    period = d.get("period")
    if period is not None:
        period = _obj(period, ["from", "to"])
        period = djt.DateRange(_from=period["from"], to=period["to"])
    return djt.OrgDocument(
        orgs=[org_from(o) for o in d["orgs"]], details=[details_from(x) for x in d.get("details", [])],
        members=[member_from(m) for m in d.get("members", [])], meetings=[meeting_from(m) for m in d.get("meetings", [])],
        elections=[election_from(e) for e in d.get("elections", [])], reviews=[round_from(r) for r in d.get("reviews", [])],
        period=period)


def plain(value):
    """A typed result as the JSON value the core would write: records as objects (fields as they are named in
    JSON, `None` fields left out, as the core omits them), enums as their snake_case names, decimals as
    strings."""
    if isinstance(value, enum.Enum):
        return value.name.lower()
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    # A field named after a Python keyword has a leading underscore (`_from`).
    return {k.removeprefix("_"): plain(v) for k, v in vars(value).items() if v is not None}
