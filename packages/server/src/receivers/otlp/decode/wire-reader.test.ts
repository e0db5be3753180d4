import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../errors.ts';
import { I32, I64, LEN, VARINT, bytes, double, fixed32, fixed64, message, raw, sint32, str, sub, tag, varint64, varintBytes } from '../../../../test/support/otlp-decode/proto-builder.ts';
import { WireReader } from './wire-reader.ts';

function throwsDecode(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => isAppError(error) && error.code === 'OTLP_DECODE_FAILED' && pattern.test(error.message));
}

/** A reader positioned on the value of the single field in `bytes`. */
function valueReader(bytesOfField: Uint8Array): WireReader {
  const r = new WireReader(bytesOfField);
  r.tag();
  return r;
}

describe('WireReader scalars', () => {
  it('reads varints of every length as numbers, int64 and uint64', () => {
    for (const value of [0n, 1n, 127n, 128n, 300n, 2n ** 31n, 2n ** 32n + 5n, 2n ** 53n - 1n]) {
      assert.equal(valueReader(message(varint64(1, value))).varint(), Number(value));
      assert.equal(valueReader(message(varint64(1, value))).int64(), value);
    }
    for (const value of [2n ** 53n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n]) {
      assert.equal(valueReader(message(varint64(1, value))).uint64(), value);
    }
    assert.equal(valueReader(message(varint64(1, 2n ** 63n - 1n))).int64(), 2n ** 63n - 1n);
  });

  it('reads negative int64 and int32 (10-byte varints)', () => {
    for (const value of [-1n, -42n, -(2n ** 31n), -(2n ** 53n) - 3n, -(2n ** 63n)]) {
      assert.equal(varintBytes(value).length, 10);
      assert.equal(valueReader(message(varint64(1, value))).int64(), value);
    }
    assert.equal(valueReader(message(varint64(1, -7n))).int32(), -7);
    assert.equal(valueReader(message(varint64(1, 2n ** 32n + 9n))).uint32(), 9);
  });

  it('reads sint32 (zigzag), bool, fixed32, fixed64, sfixed64 and double', () => {
    for (const value of [0, -1, 1, -64, 64, 2 ** 31 - 1, -(2 ** 31)]) assert.equal(valueReader(message(sint32(1, value))).sint32(), value);
    assert.equal(valueReader(message(varint64(1, 2n ** 40n))).bool(), true);
    assert.equal(valueReader(message(varint64(1, 0n))).bool(), false);
    assert.equal(valueReader(message(fixed32(1, 0xffff_fffe))).fixed32(), 0xffff_fffe);
    assert.equal(valueReader(message(fixed64(1, 2n ** 64n - 1n))).fixed64(), 2n ** 64n - 1n);
    assert.equal(valueReader(message(fixed64(1, 1_700_000_000_123_456_789n))).fixed64(), 1_700_000_000_123_456_789n);
    assert.equal(valueReader(message(fixed64(1, -5n))).sfixed64(), -5n);
    assert.equal(valueReader(message(double(1, -0.1))).double(), -0.1);
    assert.ok(Number.isNaN(valueReader(message(double(1, Number.NaN))).double()));
  });

  it('reads strings as UTF-8, replacing malformed sequences', () => {
    assert.equal(valueReader(message(str(1, 'héllo ✓ 𝄞'))).string(), 'héllo ✓ 𝄞');
    assert.equal(valueReader(message(str(1, ''))).string(), '');
    assert.equal(valueReader(message(bytes(1, new Uint8Array([0x61, 0xff, 0x62])))).string(), 'a\ufffdb');
  });

  it('hands out bytes as plain Uint8Array views into the input, without copying', () => {
    const input = message(bytes(1, new Uint8Array([1, 2, 3])));
    const view = valueReader(input).bytes();
    assert.equal(Object.getPrototypeOf(view), Uint8Array.prototype);
    assert.deepStrictEqual(view, new Uint8Array([1, 2, 3]));
    assert.equal(view.buffer, input.buffer);
    // A Buffer input still yields plain Uint8Array.
    assert.equal(Object.getPrototypeOf(valueReader(Buffer.from(input)).bytes()), Uint8Array.prototype);
  });
});

describe('WireReader framing', () => {
  it('skips every wire type and refuses groups and invalid wire types', () => {
    const r = new WireReader(message(varint64(1, -1n), fixed64(2, 1n), str(3, 'xyz'), fixed32(4, 1)));
    for (const expected of [VARINT, I64, LEN, I32]) {
      const t = r.tag();
      assert.equal(t & 7, expected);
      r.skip(t);
    }
    assert.equal(r.pos, r.limit);
    throwsDecode(() => new WireReader(message(tag(1, 3))).skip(new WireReader(message(tag(1, 3))).tag()), /group wire type 3/);
    throwsDecode(() => new WireReader(message(tag(9, 4))).skip((9 << 3) | 4), /group wire type 4/);
    throwsDecode(() => new WireReader(message(tag(2, 6))).skip((2 << 3) | 6), /invalid wire type 6/);
    throwsDecode(() => new WireReader(message(tag(2, 7))).skip((2 << 3) | 7), /invalid wire type 7/);
  });

  it('reports a known field with the wrong wire type, and skips unknown ones', () => {
    const r = new WireReader(message(varint64(5, 1n)));
    throwsDecode(() => r.skipUnknown(r.tag(), 1 << 5, 'Span'), /Span field 5 has unexpected wire type 0/);
    const ok = new WireReader(message(varint64(6, 1n)));
    ok.skipUnknown(ok.tag(), 1 << 5, 'Span');
    assert.equal(ok.pos, ok.limit);
  });

  it('refuses field number 0, over-long varints and truncated values', () => {
    throwsDecode(() => new WireReader(new Uint8Array([0x02, 0x00])).tag(), /field number 0/);
    throwsDecode(() => new WireReader(new Uint8Array(11).fill(0xff)).varint(), /longer than 10 bytes/);
    throwsDecode(() => new WireReader(new Uint8Array([0x80, 0x80])).varint(), /truncated varint/);
    throwsDecode(() => new WireReader(new Uint8Array([1, 2, 3])).fixed64(), /truncated input/);
    throwsDecode(() => new WireReader(new Uint8Array([1, 2, 3])).fixed32(), /truncated input/);
    throwsDecode(() => new WireReader(new Uint8Array([5, 1, 2])).string(), /runs past the end/);
    throwsDecode(() => new WireReader(message(raw([0xff, 0xff, 0xff, 0xff, 0x7f]))).bytes(), /runs past the end/);
  });

  it('keeps reads inside the sub-message entered', () => {
    // A sub-message of 3 bytes whose inner string claims 5: it must not read into the next field.
    const r = new WireReader(message(tag(1, LEN), raw([3, 0x0a, 5, 0x61]), str(2, 'next')));
    r.tag();
    const outer = r.enter();
    assert.equal(r.limit, 5);
    r.tag();
    throwsDecode(() => r.string(), /runs past the end/);
    r.leave(outer);
    const nested = new WireReader(message(sub(1, str(1, 'a')), str(2, 'b')));
    nested.tag();
    const saved = nested.enter();
    nested.tag();
    assert.equal(nested.string(), 'a');
    assert.equal(nested.pos, nested.limit);
    nested.leave(saved);
    nested.tag();
    assert.equal(nested.string(), 'b');
  });
});
