"""The disclosure audit trail through the Python bindings: the AuditTrail object, appends at the head, SM2
signatures over the head (the example's TEST-ONLY key), verification with and without the public key,
JSON Lines. The forged-and-rehashed log must fail with the key and pass integrity without it."""

import json
import pathlib
import unittest

import dangjian as dj
import dangjian_types as djt
from test_bindings import ErrorsAssert
from test_credits_disclosure import ACTIONS, CONTEXT, NEW_ITEM
from test_disclosure_typed import action, context, new_item

ROOT = pathlib.Path(__file__).resolve().parents[2]
PUBLIC = (ROOT / "examples/data/audit-log.pub.pem").read_text()
PRIVATE = (ROOT / "examples/cli/tests/fixtures/audit-log.TEST-ONLY.key.pem").read_text()
EXAMPLE = (ROOT / "examples/data/audit-log.json").read_text()
GENESIS = "0" * 64
# Another SM2 public key (its private key was thrown away): the wrong key.
OTHER_PUBLIC = """-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAElToK+CwQqwxRIy0hEW8skJtuOXbx
DY26zoSMkmdvQbE8rMJ+gRA27sIP8+eRvYBc1kCWPaouUIjhxfxWTSwopg==
-----END PUBLIC KEY-----
"""


def forged(log_json, seq=10):
    """Entry `seq` edited and every later hash recomputed with the library's own append, checkpoints dropped."""
    doc = json.loads(log_json)
    head = {"entries": 0, "hash": GENESIS}
    entries = []
    for e in doc["entries"]:
        ev = dict(e["event"])
        if e["seq"] == seq:
            ev["actor"] = "FORGER"
        out = json.loads(dj.disclosure_audit_append_at_head(json.dumps(head), json.dumps(ev, ensure_ascii=False)))
        entries += out["entries"]
        head = out["head"]
    return {"schema_version": 1, "entries": entries}, doc["checkpoints"]


class AuditSignatureTest(ErrorsAssert):
    def test_the_signed_example_verifies_with_its_key_and_only_integrity_without(self):
        v = json.loads(dj.disclosure_verify_audit_signed(EXAMPLE, PUBLIC))
        self.assertEqual((v["valid"], v["authenticated"], v["entries"], v["checkpoints"]), (True, True, 53, 1))
        v = json.loads(dj.disclosure_verify_audit(EXAMPLE))
        self.assertEqual((v["valid"], v["authenticated"]), (True, False))

    def test_a_forged_and_rehashed_log_fails_with_the_key(self):
        doc, checkpoints = forged(EXAMPLE)
        stripped = json.dumps(doc, ensure_ascii=False)
        self.assertTrue(json.loads(dj.disclosure_verify_audit(stripped))["valid"])
        v = json.loads(dj.disclosure_verify_audit_signed(stripped, PUBLIC))
        self.assertEqual((v["valid"], v["code"]), (False, "NOT_SIGNED"))
        kept = json.dumps(dict(doc, checkpoints=checkpoints), ensure_ascii=False)
        v = json.loads(dj.disclosure_verify_audit_signed(kept, PUBLIC))
        self.assertEqual((v["valid"], v["first_broken"], v["code"]), (False, 52, "CHECKPOINT_MISMATCH"))

    def test_a_wrong_key_and_bad_keys(self):
        v = json.loads(dj.disclosure_verify_audit_signed(EXAMPLE, OTHER_PUBLIC))
        self.assertEqual((v["valid"], v["authenticated"], v["code"]), (False, False, "KEY_MISMATCH"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_PUBLIC_KEY", "public_key", lambda: dj.disclosure_verify_audit_signed(EXAMPLE, PRIVATE))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_PRIVATE_KEY", "private_key", lambda: dj.disclosure_audit_sign(EXAMPLE, PUBLIC))
        tampered = (ROOT / "examples/data/audit-log-tampered.json").read_text()
        self.assertCoded(djt.DangjianError.InvalidInput, "AUDIT_CHAIN_BROKEN", "entries[38]", lambda: dj.disclosure_audit_sign(tampered, PRIVATE))


class AuditTrailTest(ErrorsAssert):
    def test_the_trail_applies_signs_exports_and_reads_back(self):
        trail = dj.AuditTrail()
        self.assertTrue(trail.is_empty())
        created = json.loads(dj.disclosure_create(CONTEXT, json.dumps(NEW_ITEM, ensure_ascii=False), "P1", "2026-03-02T09:00:00+08:00"))
        out = json.loads(trail.append(json.dumps(created["event"], ensure_ascii=False)))
        self.assertEqual((out["entries"][0]["seq"], out["head"]["entries"]), (0, 1))
        item = created["item"]
        for action in ACTIONS:
            out = json.loads(trail.apply(dj.Policy.bundled(), CONTEXT, json.dumps(item, ensure_ascii=False), json.dumps(action)))
            item = out["item"]
        self.assertEqual((item["status"], trail.len()), ("published", 6))
        # A refused action appends nothing.
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_ACTION_JSON", "action", lambda: trail.apply(dj.Policy.bundled(), CONTEXT, json.dumps(item), "{}"))
        self.assertEqual(trail.len(), 6)
        self.assertEqual(trail.verify_with_key(PUBLIC).code, "NOT_SIGNED")
        checkpoint = trail.sign(PRIVATE)
        self.assertEqual((checkpoint.entries, checkpoint.algorithm), (6, "SM2-SM3"))
        self.assertTrue(trail.verify_with_key(PUBLIC).authenticated)
        self.assertFalse(trail.verify().authenticated)
        head = trail.head()
        self.assertEqual((head.entries, head.checkpoint), (6, checkpoint))
        # Round trips: JSON and JSON Lines.
        back = dj.AuditTrail.from_json(trail.to_json())
        self.assertEqual(back.to_json(), trail.to_json())
        lines = trail.to_jsonl()
        self.assertEqual(dj.AuditTrail.from_jsonl(lines).to_json(), trail.to_json())
        self.assertTrue(json.loads(dj.disclosure_verify_audit_jsonl(lines, PUBLIC))["authenticated"])
        self.assertFalse(json.loads(dj.disclosure_verify_audit_jsonl(lines, None))["authenticated"])
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_AUDIT_JSON", "line 2: seq", lambda: dj.disclosure_verify_audit_jsonl('{"schema_version":1}\n{}', None))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_AUDIT_EVENT_JSON", "item_id", lambda: trail.append("{}"))

    def test_typed_appends_at_the_head_write_the_chain_the_trail_writes(self):
        """disclosure_append_at_head / disclosure_apply_action_at_head keep only the head, yet give the entries an
        AuditTrail holding the whole log gives; a malformed head is INVALID_AUDIT_HEAD_JSON at its field."""
        policy, ctx, at = dj.Policy.bundled(), context(json.loads(CONTEXT)), "2026-03-02T09:00:00+08:00"
        created = dj.disclosure_create_item(ctx, new_item(NEW_ITEM), "P1", at)
        trail = dj.AuditTrail()
        trail.append_event(created.event)
        out = dj.disclosure_append_at_head(djt.AuditHead(entries=0, hash=GENESIS, checkpoint=None), created.event)
        self.assertIsNone(out.item)
        stored, head, item = list(out.entries), out.head, created.item
        for a in ACTIONS:
            out = dj.disclosure_apply_action_at_head(policy, ctx, item, action(a), head)
            item = trail.apply_action(policy, ctx, item, action(a)).item
            self.assertEqual(out.item, item)
            stored += out.entries
            head = out.head
        self.assertEqual(stored, trail.log().entries)
        self.assertEqual(head, trail.head())
        bad = djt.AuditHead(entries=1, hash=GENESIS, checkpoint=None)  # an empty log's hash after one entry
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_AUDIT_HEAD_JSON", "hash",
                         lambda: dj.disclosure_append_at_head(bad, created.event))
        # A refused action appends nothing: the head given back is the one given.
        again = djt.DisclosureAction.APPROVE(actor="A1", at="2026-03-05T09:00:00+08:00", comment="")
        self.assertCoded(djt.DangjianError.InvalidInput, "ILLEGAL_TRANSITION", "action",
                         lambda: dj.disclosure_apply_action_at_head(policy, ctx, item, again, head))

    def test_the_typed_trail_writes_the_chain_the_documents_write(self):
        """append_event / apply_action with the core's records write the log the JSON calls write, entry for entry
        (each hash is over the entry's content); the log, head, checkpoint and verifications come back typed."""
        policy, ctx, at = dj.Policy.bundled(), context(json.loads(CONTEXT)), "2026-03-02T09:00:00+08:00"
        created = dj.disclosure_create_item(ctx, new_item(NEW_ITEM), "P1", at)
        trail, docs = dj.AuditTrail(), dj.AuditTrail()
        first = trail.append_event(created.event)
        self.assertEqual((first.seq, first.prev_hash, first.event), (0, GENESIS, created.event))
        doc = json.loads(dj.disclosure_create(CONTEXT, json.dumps(NEW_ITEM, ensure_ascii=False), "P1", at))
        docs.append(json.dumps(doc["event"], ensure_ascii=False))
        item, doc_item = created.item, doc["item"]
        for a in ACTIONS:
            item = trail.apply_action(policy, ctx, item, action(a)).item
            doc_item = json.loads(docs.apply(policy, CONTEXT, json.dumps(doc_item, ensure_ascii=False), json.dumps(a)))["item"]
        self.assertEqual((item.status, trail.len()), (djt.DisclosureStatus.PUBLISHED, 6))
        self.assertEqual(trail.to_json(), docs.to_json())
        log = trail.log()
        self.assertEqual([e.seq for e in log.entries], list(range(6)))
        self.assertEqual([e.prev_hash for e in log.entries[1:]], [e.hash for e in log.entries[:-1]])
        self.assertEqual(trail.head(), djt.AuditHead(entries=6, hash=log.entries[-1].hash, checkpoint=None))
        # A refused action appends nothing (a published item cannot be approved again).
        again = djt.DisclosureAction.APPROVE(actor="A1", at="2026-03-05T09:00:00+08:00", comment="")
        self.assertCoded(djt.DangjianError.InvalidInput, "ILLEGAL_TRANSITION", "action",
                         lambda: trail.apply_action(policy, ctx, item, again))
        self.assertEqual(trail.len(), 6)
        v = dj.disclosure_verify_log(log, None)
        self.assertEqual((v.valid, v.entries, v.authenticated, v.head), (True, 6, False, log.entries[-1].hash))
        self.assertEqual(dj.disclosure_verify_log(log, PUBLIC).code, "NOT_SIGNED")
        checkpoint = trail.sign(PRIVATE)
        self.assertEqual((checkpoint.entries, checkpoint.head), (6, log.entries[-1].hash))
        v = dj.disclosure_verify_log(trail.log(), PUBLIC)
        self.assertEqual((v.valid, v.authenticated, v.checkpoints), (True, True, 1))
        self.assertEqual(dj.disclosure_verify_log(trail.log(), OTHER_PUBLIC).code, "KEY_MISMATCH")
        # An edited actor breaks that entry's hash (the audit vector's second case, here on entry 2).
        log.entries[2].event.actor = "FORGER"
        v = dj.disclosure_verify_log(log, None)
        self.assertEqual((v.valid, v.first_broken, v.code), (False, 2, "HASH_MISMATCH"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_PUBLIC_KEY", "public_key",
                         lambda: dj.disclosure_verify_log(log, PRIVATE))

    def test_apply_at_the_head_gives_what_the_whole_log_gives(self):
        created = json.loads(dj.disclosure_create(CONTEXT, json.dumps(NEW_ITEM, ensure_ascii=False), "P1", "2026-03-02T09:00:00+08:00"))
        event = json.dumps(created["event"], ensure_ascii=False)
        log = dj.disclosure_audit_append('{"schema_version":1,"entries":[]}', event)
        head = json.loads(dj.disclosure_audit_append_at_head(json.dumps({"entries": 0, "hash": GENESIS}), event))["head"]
        self.assertEqual(head, json.loads(dj.disclosure_audit_head(log)))
        item = json.dumps(created["item"], ensure_ascii=False)
        action = json.dumps(ACTIONS[0])
        whole = json.loads(dj.disclosure_apply(dj.Policy.bundled(), CONTEXT, item, action, log))
        at_head = json.loads(dj.disclosure_apply_at_head(dj.Policy.bundled(), CONTEXT, item, action, json.dumps(head)))
        self.assertEqual(at_head["item"], whole["item"])
        self.assertEqual(at_head["entries"], whole["log"]["entries"][1:])
        self.assertEqual(at_head["head"]["hash"], whole["log"]["entries"][-1]["hash"])
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_AUDIT_HEAD_JSON", "hash", lambda: dj.disclosure_apply_at_head(dj.Policy.bundled(), CONTEXT, item, action, '{"entries":1,"hash":"x"}'))


if __name__ == "__main__":
    unittest.main()
