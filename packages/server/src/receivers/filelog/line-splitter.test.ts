import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineSplitter, type SplitLine } from './line-splitter.ts';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('LineSplitter', () => {
  it('emits complete lines with the offset past each newline and keeps the unfinished rest', () => {
    const splitter = new LineSplitter(100, 10);
    assert.deepEqual(splitter.push(bytes('one\ntwo\r\nthr')), [
      { text: 'one', endOffset: 14, part: 0 },
      { text: 'two', endOffset: 19, part: 0 },
    ]);
    assert.equal(splitter.pendingBytes, 3);
    assert.deepEqual(splitter.push(bytes('ee\n')), [{ text: 'three', endOffset: 25, part: 0 }]);
    assert.equal(splitter.offset, 25);
    assert.equal(splitter.flushPartial(), undefined);
  });

  it('keeps a CRLF split across two reads and empty lines', () => {
    const splitter = new LineSplitter(100);
    assert.deepEqual(splitter.push(bytes('a\r')), []);
    assert.deepEqual(splitter.push(bytes('\n\nb\n')), [
      { text: 'a', endOffset: 3, part: 0 },
      { text: '', endOffset: 4, part: 0 },
      { text: 'b', endOffset: 6, part: 0 },
    ]);
  });

  it('splits a line longer than the limit into numbered pieces, across reads too', () => {
    const splitter = new LineSplitter(4);
    const lines: SplitLine[] = [...splitter.push(bytes('abcdef')), ...splitter.push(bytes('ghij\nxy\n'))];
    assert.deepEqual(lines, [
      { text: 'abcd', endOffset: 4, part: 1 },
      { text: 'efgh', endOffset: 8, part: 2 },
      { text: 'ij', endOffset: 11, part: 3 },
      { text: 'xy', endOffset: 14, part: 0 },
    ]);
    assert.ok(splitter.pendingBytes <= 4);
  });

  it('does not cut inside a UTF-8 character', () => {
    const splitter = new LineSplitter(4);
    // "aé" is 3 bytes, "€" is 3 bytes: a cut at 4 would fall inside "€".
    const lines = splitter.push(bytes('aé€z\n'));
    assert.deepEqual(lines.map((line) => line.text), ['aé', '€z']);
    assert.equal(lines.map((line) => line.text).join(''), 'aé€z');
  });

  it('decodes a multibyte character split between two reads', () => {
    const splitter = new LineSplitter(100);
    const euro = bytes('€');
    assert.deepEqual(splitter.push(euro.subarray(0, 1)), []);
    assert.deepEqual(splitter.push(Buffer.concat([euro.subarray(1), bytes('\n')])), [{ text: '€', endOffset: 4, part: 0 }]);
  });

  it('gives the unfinished line at the end of a file that will not grow, and starts over after a reset', () => {
    const splitter = new LineSplitter(100);
    splitter.push(bytes('done\nhalf'));
    assert.deepEqual(splitter.flushPartial(), { text: 'half', endOffset: 9, part: 0 });
    splitter.push(bytes('xx'));
    splitter.reset(0);
    assert.equal(splitter.pendingBytes, 0);
    assert.deepEqual(splitter.push(bytes('new\n')), [{ text: 'new', endOffset: 4, part: 0 }]);
  });
});
