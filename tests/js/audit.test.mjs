// The disclosure audit trail of the Node build: the AuditTrail class, appends at the head, SM2 signatures over
// the head (the example's TEST-ONLY key), verification with and without the public key, JSON Lines. The
// forged-and-rehashed log must fail with the key and pass integrity without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNodePackage, ROOT } from './helpers.mjs';

const dj = loadNodePackage();
const policy = dj.Policy.bundled();
const read = (p) => readFileSync(join(ROOT, p), 'utf8');
const PUBLIC = read('examples/data/audit-log.pub.pem');
const PRIVATE = read('examples/cli/tests/fixtures/audit-log.TEST-ONLY.key.pem');
const EXAMPLE = JSON.parse(read('examples/data/audit-log.json'));
// Another SM2 public key (its private key was thrown away): the wrong key.
const OTHER_PUBLIC = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAElToK+CwQqwxRIy0hEW8skJtuOXbx
DY26zoSMkmdvQbE8rMJ+gRA27sIP8+eRvYBc1kCWPaouUIjhxfxWTSwopg==
-----END PUBLIC KEY-----
`;
const GENESIS = '0'.repeat(64);

const ctx = {
  orgs: [{ id: 'B1', kind: 'branch' }],
  roles: [{ person: 'P1', org: 'B1', role: 'proposer' }, { person: 'S1', org: 'B1', role: 'confidentiality_reviewer' }],
};
const newItem = { id: 'D1', org: 'B1', title: '换届结果', body: '…', category: 'organization', scope: { kind: 'members', org: 'B1' } };
const STEPS = [
  { action: 'propose', actor: 'P1', at: '2026-03-02T10:00:00+08:00' },
  { action: 'confidentiality_review', actor: 'S1', at: '2026-03-03T09:00:00+08:00', passed: true },
];

function throwsCoded(f, { code, field }) {
  assert.throws(f, (e) => {
    assert.ok(dj.isDangjianError(e), String(e));
    assert.deepEqual({ code: e.code, field: e.field }, { code, field });
    return true;
  });
}

/** Entry seq 10 edited, every hash recomputed with the library's own append at the head, checkpoints dropped. */
function forged() {
  let head = { entries: 0, hash: GENESIS };
  const entries = [];
  for (const e of EXAMPLE.entries) {
    const event = e.seq === 10 ? { ...e.event, actor: 'FORGER' } : e.event;
    const out = dj.disclosureAuditAppendAtHead(head, event);
    entries.push(...out.entries);
    ({ head } = out);
  }
  return { schema_version: 1, entries };
}

test('the signed example verifies with its key; without it, integrity only; a wrong key fails', () => {
  const v = dj.disclosureVerifyAuditSigned(EXAMPLE, PUBLIC);
  assert.deepEqual([v.valid, v.authenticated, v.entries, v.checkpoints], [true, true, 53, 1]);
  const plain = dj.disclosureVerifyAudit(EXAMPLE);
  assert.deepEqual([plain.valid, plain.authenticated], [true, false]);
  const wrong = dj.disclosureVerifyAuditSigned(EXAMPLE, OTHER_PUBLIC);
  assert.deepEqual([wrong.valid, wrong.authenticated, wrong.first_broken, wrong.code], [false, false, 52, 'KEY_MISMATCH']);
  throwsCoded(() => dj.disclosureVerifyAuditSigned(EXAMPLE, PRIVATE), { code: 'INVALID_PUBLIC_KEY', field: 'public_key' });
  throwsCoded(() => dj.disclosureAuditSign(EXAMPLE, PUBLIC), { code: 'INVALID_PRIVATE_KEY', field: 'private_key' });
});

test('a forged, rehashed log passes integrity and fails with the key', () => {
  const stripped = forged();
  assert.equal(dj.disclosureVerifyAudit(stripped).valid, true);
  assert.equal(dj.disclosureVerifyAuditSigned(stripped, PUBLIC).code, 'NOT_SIGNED');
  const kept = { ...stripped, checkpoints: EXAMPLE.checkpoints };
  const v = dj.disclosureVerifyAuditSigned(kept, PUBLIC);
  assert.deepEqual([v.valid, v.first_broken, v.code], [false, 52, 'CHECKPOINT_MISMATCH']);
  // Signing the forgery with the example key is what a forger cannot do without it; with it, it verifies.
  assert.equal(dj.disclosureVerifyAuditSigned(dj.disclosureAuditSign(stripped, PRIVATE), PUBLIC).authenticated, true);
});

test('AuditTrail: append, apply, sign, verify with the key, head, JSON and JSON Lines round trips', () => {
  const trail = new dj.AuditTrail();
  const created = dj.disclosureCreate(ctx, newItem, 'P1', '2026-03-02T09:00:00+08:00');
  assert.equal(trail.append(created.event).head.entries, 1);
  let { item } = created;
  for (const step of STEPS) ({ item } = trail.apply(policy, ctx, item, step));
  assert.equal(item.status, 'proposed');
  assert.equal(trail.length, 3);
  throwsCoded(() => trail.apply(policy, ctx, item, { action: 'propose', actor: 'P1' }), { code: 'INVALID_ACTION_JSON', field: 'at' });
  assert.equal(trail.length, 3, 'nothing appended by a refused action');
  assert.equal(trail.verifyWithKey(PUBLIC).code, 'NOT_SIGNED');
  const checkpoint = trail.sign(PRIVATE);
  assert.deepEqual([checkpoint.entries, checkpoint.algorithm, checkpoint.signature.length], [3, 'SM2-SM3', 128]);
  assert.equal(trail.verifyWithKey(PUBLIC).authenticated, true);
  assert.equal(trail.verify().authenticated, false);
  assert.deepEqual(trail.head().checkpoint, checkpoint);
  assert.equal(dj.AuditTrail.fromJson(trail.toJson()).toJson(), trail.toJson());
  assert.equal(dj.AuditTrail.fromJsonl(trail.toJsonl()).toJson(), trail.toJson());
  assert.equal(dj.disclosureVerifyAuditJsonl(trail.toJsonl(), PUBLIC).authenticated, true);
  assert.equal(dj.disclosureVerifyAuditJsonl(trail.toJsonl()).authenticated, false);
  throwsCoded(() => trail.append({ item_id: 'D1' }), { code: 'INVALID_AUDIT_EVENT_JSON', field: 'action' });
  throwsCoded(() => dj.AuditTrail.fromJson(read('examples/data/audit-log-tampered.json')), { code: 'AUDIT_CHAIN_BROKEN', field: 'entries[38]' });
});

test('apply at the head gives what apply on the whole log gives (object = JSON)', () => {
  const created = dj.disclosureCreate(ctx, newItem, 'P1', '2026-03-02T09:00:00+08:00');
  const log = dj.disclosureAuditAppend({ schema_version: 1, entries: [] }, created.event);
  const { head } = dj.disclosureAuditAppendAtHead({ entries: 0, hash: GENESIS }, created.event);
  const whole = dj.disclosureApply(policy, ctx, created.item, STEPS[0], log);
  const atHead = dj.disclosureApplyAtHead(policy, ctx, created.item, STEPS[0], head);
  assert.deepEqual(atHead.item, whole.item);
  assert.deepEqual(atHead.entries, whole.log.entries.slice(1));
  const s = JSON.stringify;
  assert.deepEqual(JSON.parse(dj.disclosureApplyAtHeadJson(policy, s(ctx), s(created.item), s(STEPS[0]), s(head))), atHead);
  throwsCoded(() => dj.disclosureApplyAtHead(policy, ctx, created.item, STEPS[0], { entries: 1, hash: 'x' }),
    { code: 'INVALID_AUDIT_HEAD_JSON', field: 'hash' });
});
