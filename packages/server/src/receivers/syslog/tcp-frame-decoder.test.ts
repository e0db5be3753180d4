import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TcpFrameDecoder, type Frame } from './tcp-frame-decoder.ts';

const texts = (frames: readonly Frame[]): string[] => frames.map((frame) => frame.bytes.toString('utf8'));
const octet = (message: string): string => `${Buffer.byteLength(message)} ${message}`;

/** Feeds the stream in pieces of `size` bytes and returns every frame, the end of the stream included. */
function decode(stream: Buffer | string, size: number, max = 1024): Frame[] {
  const bytes = Buffer.isBuffer(stream) ? stream : Buffer.from(stream);
  const decoder = new TcpFrameDecoder(max);
  const frames: Frame[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) frames.push(...decoder.push(bytes.subarray(offset, offset + size)));
  return [...frames, ...decoder.end()];
}

describe('RFC 6587 framing', () => {
  const messages = ['<13>1 - h a - - - first', '<13>Jun 14 01:02:03 h a: second with\ttabs', '<13>1 - h a - - - ünïcödé'];

  it('splits octet-counted and LF-terminated messages mixed in one stream, however the stream is cut', () => {
    const stream = `${octet(messages[0]!)}${messages[1]}\n${octet(messages[2]!)}<13>last\r\n<13>nul-ended\0`;
    for (const size of [1, 2, 3, 7, 64, 4096]) {
      const frames = decode(stream, size);
      assert.deepStrictEqual(texts(frames), [...messages, '<13>last', '<13>nul-ended'], `pieces of ${size}`);
      assert.ok(frames.every((frame) => !frame.truncated));
    }
  });

  it('keeps newlines inside an octet-counted message, and skips blank lines between frames', () => {
    const multiline = '<13>1 - h a - - - line one\nline two\n';
    assert.deepStrictEqual(texts(decode(`\n\r\n${octet(multiline)}\n${octet('<13>x')}`, 5)), [multiline, '<13>x']);
  });

  it('reads digits that are no length as the start of a line', () => {
    assert.deepStrictEqual(texts(decode('2024-01-01 not framed\n12 apples\n', 3)), ['2024-01-01 not framed', '12 apples']);
  });

  it('cuts messages longer than the limit, marks them, and goes on with the next', () => {
    const long = `<13>1 - h a - - - ${'x'.repeat(100)}`;
    for (const size of [1, 10, 4096]) {
      const frames = decode(`${octet(long)}${long}\n${octet('<13>ok')}<13>ok too\n`, size, 32);
      assert.deepStrictEqual(texts(frames), [long.slice(0, 32), long.slice(0, 32), '<13>ok', '<13>ok too'], `pieces of ${size}`);
      assert.deepStrictEqual(frames.map((frame) => frame.truncated), [true, true, false, false]);
    }
  });

  it('does not cut a UTF-8 character in two', () => {
    const frames = decode(`<13>${'é'.repeat(10)}\n`, 4096, 9);
    assert.deepStrictEqual(texts(frames), ['<13>éé']);
    assert.equal(frames[0]!.truncated, true);
  });

  it('keeps what arrived of an unfinished message when the stream ends', () => {
    assert.deepStrictEqual(texts(decode('<13>no newline at the end', 4)), ['<13>no newline at the end']);
    const partial = decode('100 <13>1 - h a - - - cut short', 4);
    assert.deepStrictEqual(texts(partial), ['<13>1 - h a - - - cut short']);
    assert.equal(partial[0]!.truncated, true);
    assert.deepStrictEqual(decode('\n\n', 1), []);
  });
});
