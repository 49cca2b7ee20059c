// The Node flavour of the npm package (wasm-bindgen --target nodejs): the placeholder API of round 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodePackage } from './helpers.mjs';

const dj = loadNodePackage();

test('coreVersion returns a non-empty version string', () => {
  const v = dj.coreVersion();
  assert.equal(typeof v, 'string');
  assert.match(v, /^\d+\.\d+\.\d+/);
});

test('checkAmount accepts "12.50" and normalizes to two decimals', () => {
  assert.equal(dj.checkAmount('12.50'), '12.50');
  assert.equal(dj.checkAmount('12.5'), '12.50');
  assert.equal(dj.checkAmount(' 7 '), '7.00');
  assert.equal(dj.checkAmount('0'), '0.00');
});

test('checkAmount("-1") throws an Error with code INVALID_AMOUNT', () => {
  let caught;
  try {
    dj.checkAmount('-1');
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Error, 'a real Error instance');
  assert.equal(caught.name, 'DangjianError');
  assert.equal(caught.code, 'INVALID_AMOUNT');
  assert.equal(caught.field, 'amount');
  assert.equal(caught.messageEn, 'amount must not be negative');
  assert.equal(caught.messageZh, '金额不能为负数');
  assert.equal(caught.message, caught.messageEn);
  assert.equal(typeof caught.stack, 'string');
  assert.equal(dj.isDangjianError(caught), true);
});

test('checkAmount refuses other malformed amounts with INVALID_AMOUNT', () => {
  for (const bad of ['', 'abc', '1.234', '1.', '.5', '1e3', '+1', '１２', '9'.repeat(40)]) {
    assert.throws(() => dj.checkAmount(bad), { name: 'DangjianError', code: 'INVALID_AMOUNT', field: 'amount' }, bad);
  }
});

test('isDangjianError is false for anything else', () => {
  assert.equal(dj.isDangjianError(new Error('plain')), false);
  assert.equal(dj.isDangjianError(Object.assign(new TypeError('x'), { code: 42 })), false);
  assert.equal(dj.isDangjianError({ code: 'INVALID_AMOUNT', message: 'not an Error' }), false);
  assert.equal(dj.isDangjianError('INVALID_AMOUNT'), false);
  assert.equal(dj.isDangjianError(null), false);
  assert.equal(dj.isDangjianError(undefined), false);
});

test('describeAmount round-trips a tsify object', () => {
  assert.deepEqual(dj.describeAmount({ amount: '3.4', note: '张三' }), {
    normalized: '3.40',
    yuan: '3',
    totalFen: '340',
    note: '张三',
  });
  // The optional field stays absent rather than becoming undefined/null.
  const out = dj.describeAmount({ amount: '0.05' });
  assert.deepEqual(out, { normalized: '0.05', yuan: '0', totalFen: '5' });
  assert.equal(Object.hasOwn(out, 'note'), false);
});

test('describeAmount throws coded errors for a bad amount and a wrong shape', () => {
  assert.throws(() => dj.describeAmount({ amount: '-2' }), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'INVALID_AMOUNT');
    assert.equal(e.field, 'amount');
    return dj.isDangjianError(e);
  });
  for (const wrong of [{ amount: 12 }, {}, 42, null]) {
    assert.throws(() => dj.describeAmount(wrong), (e) => {
      assert.ok(e instanceof Error, 'a real Error instance');
      assert.equal(e.code, 'INVALID_INPUT');
      assert.ok(e.messageZh.length > 0 && e.messageEn.length > 0);
      return dj.isDangjianError(e);
    }, JSON.stringify(wrong));
  }
});
