import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprintOf, formatFingerprint } from './file-fingerprint.ts';
import { startOffset, type StartPosition } from './file-discovery.ts';

const head = Buffer.from('first line\nsecond line\n');
const known = { path: '/l/a.log', dev: '1', inode: '2', fingerprint: formatFingerprint(fingerprintOf(head.subarray(0, 11))), offset: 11 };
const position = (overrides: Partial<StartPosition>): StartPosition => ({ known: undefined, size: 500, head, firstStart: false, startAt: 'end', ...overrides });

describe('startOffset: where a file found at start-up is read from', () => {
  it('resumes a known file whose first bytes are unchanged, from 0 when it shrank below the offset', () => {
    assert.equal(startOffset(position({ known })), 11);
    assert.equal(startOffset(position({ known: { ...known, offset: 900 } })), 0);
  });

  it('takes a reused inode (other first bytes) for a new file', () => {
    assert.equal(startOffset(position({ known, head: Buffer.from('other content') })), 0);
    assert.equal(startOffset(position({ known, head: Buffer.from('first') })), 0);
  });

  it('applies startAt only at the very first start', () => {
    assert.equal(startOffset(position({ firstStart: true })), 500);
    assert.equal(startOffset(position({ firstStart: true, startAt: 'beginning' })), 0);
    assert.equal(startOffset(position({ firstStart: false })), 0);
  });
});
