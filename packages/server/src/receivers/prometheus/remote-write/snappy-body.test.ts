import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compress } from 'snappy';
import { isAppError } from '../../../errors.ts';
import { snappyDeclaredLength, uncompressSnappyBlock } from './snappy-body.ts';

const hasCode = (code: string) => (error: unknown) => isAppError(error) && error.code === code;

describe('snappy block bodies', () => {
  it('reads the announced length from the varint header', () => {
    assert.equal(snappyDeclaredLength(new Uint8Array([0x00])), 0);
    assert.equal(snappyDeclaredLength(new Uint8Array([0xac, 0x02])), 300);
    assert.equal(snappyDeclaredLength(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])), 2 ** 32 - 1);
    assert.equal(snappyDeclaredLength(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x1f])), undefined);
    assert.equal(snappyDeclaredLength(new Uint8Array([0x80, 0x80])), undefined);
    assert.equal(snappyDeclaredLength(new Uint8Array([])), undefined);
  });

  it('inflates a valid block', async () => {
    const text = 'remote write '.repeat(100);
    const out = await uncompressSnappyBlock(await compress(text), 10_000);
    assert.equal(out.toString(), text);
  });

  it('refuses a block announcing more than the limit before inflating it', async () => {
    const block = await compress(Buffer.alloc(5000));
    await assert.rejects(uncompressSnappyBlock(block, 4999), hasCode('REMOTE_WRITE_TOO_LARGE'));
    // Only the header is read: a huge announced length with no data behind it is still "too large".
    await assert.rejects(uncompressSnappyBlock(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]), 1024), hasCode('REMOTE_WRITE_TOO_LARGE'));
  });

  it('refuses garbage and truncated blocks as invalid', async () => {
    const block = await compress('hello hello hello hello hello');
    await assert.rejects(uncompressSnappyBlock(block.subarray(0, block.length - 3), 1024), hasCode('REMOTE_WRITE_INVALID'));
    await assert.rejects(uncompressSnappyBlock(Buffer.from('garbage!'), 1024), hasCode('REMOTE_WRITE_INVALID'));
    await assert.rejects(uncompressSnappyBlock(new Uint8Array([]), 1024), hasCode('REMOTE_WRITE_INVALID'));
  });
});
