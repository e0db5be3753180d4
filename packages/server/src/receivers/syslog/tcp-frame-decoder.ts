/**
 * Splits a TCP byte stream into syslog messages by either framing of RFC 6587, chosen per message:
 * octet counting (`<length> SP <message>`, §3.4.1) when the message starts with a digit, otherwise
 * non-transparent framing (§3.4.2) ended by LF (CRLF and NUL are accepted too). A message longer
 * than the limit is cut to it and marked; the rest of it is skipped up to the next frame.
 */

import { wholeUtf8Prefix } from './utf8-prefix.ts';

export interface Frame {
  readonly bytes: Buffer;
  readonly truncated: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const SPACE = 0x20;
const LESS_THAN = 0x3c;
/** Up to 10 digits: a length the limit handles by truncation, not one that overflows. */
const MAX_LENGTH_DIGITS = 10;

type State =
  | { readonly kind: 'between' }
  | { kind: 'length'; digits: string }
  /** Counted: `remaining` bytes of the frame still to come. */
  | { kind: 'counted'; remaining: number; started: boolean; digits: string }
  | { readonly kind: 'line' }
  /** The line passed the limit and was emitted; skip to its end. */
  | { readonly kind: 'skip-line' };

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

export class TcpFrameDecoder {
  private state: State = { kind: 'between' };
  private parts: Buffer[] = [];
  private size = 0;
  private truncated = false;

  constructor(private readonly maxMessageBytes: number) {}

  /** The messages this chunk completes, in order. */
  push(chunk: Buffer): Frame[] {
    const frames: Frame[] = [];
    let offset = 0;
    while (offset < chunk.length) offset = this.step(chunk, offset, frames);
    return frames;
  }

  /** At the end of the stream: what was received of an unfinished message is a message too. */
  end(): Frame[] {
    const frames: Frame[] = [];
    const state = this.state;
    if (state.kind === 'length') this.keep(Buffer.from(state.digits, 'latin1'));
    if (state.kind === 'counted' && state.remaining > 0 && state.started) this.truncated = true;
    if (state.kind === 'counted' && !state.started) this.keep(Buffer.from(`${state.digits} `, 'latin1'));
    if (this.size > 0 || this.truncated) this.emit(frames);
    this.state = { kind: 'between' };
    return frames;
  }

  private step(chunk: Buffer, offset: number, frames: Frame[]): number {
    const state = this.state;
    switch (state.kind) {
      case 'between': {
        const byte = chunk[offset] ?? NUL;
        if (byte === LF || byte === CR || byte === NUL) return offset + 1;
        this.state = byte >= 0x31 && byte <= 0x39 ? { kind: 'length', digits: '' } : { kind: 'line' };
        return offset;
      }
      case 'length':
        return this.readLength(state, chunk, offset);
      case 'counted':
        return this.readCounted(state, chunk, offset, frames);
      case 'line':
      case 'skip-line':
        return this.readLine(state.kind === 'skip-line', chunk, offset, frames);
    }
  }

  private readLength(state: { digits: string }, chunk: Buffer, offset: number): number {
    const byte = chunk[offset] ?? NUL;
    if (isDigit(byte) && state.digits.length < MAX_LENGTH_DIGITS) {
      state.digits += String.fromCharCode(byte);
      return offset + 1;
    }
    if (byte === SPACE) {
      this.state = { kind: 'counted', remaining: Number(state.digits), started: false, digits: state.digits };
      return offset + 1;
    }
    // Not a length after all: the digits begin a line.
    this.keep(Buffer.from(state.digits, 'latin1'));
    this.state = { kind: 'line' };
    return offset;
  }

  private readCounted(state: { remaining: number; started: boolean; digits: string }, chunk: Buffer, offset: number, frames: Frame[]): number {
    if (!state.started) {
      // A syslog message starts with PRI; a number and a space before anything else begin a line.
      if (chunk[offset] !== LESS_THAN) {
        this.keep(Buffer.from(`${state.digits} `, 'latin1'));
        this.state = { kind: 'line' };
        return offset;
      }
      state.started = true;
    }
    const take = Math.min(state.remaining, chunk.length - offset);
    this.keep(chunk.subarray(offset, offset + take));
    state.remaining -= take;
    if (state.remaining === 0) {
      this.emit(frames);
      this.state = { kind: 'between' };
    }
    return offset + take;
  }

  private readLine(skipping: boolean, chunk: Buffer, offset: number, frames: Frame[]): number {
    let end = offset;
    while (end < chunk.length && chunk[end] !== LF && chunk[end] !== NUL) end += 1;
    if (!skipping) this.keep(chunk.subarray(offset, end));
    if (end === chunk.length) {
      if (!skipping && this.truncated) {
        this.emit(frames);
        this.state = { kind: 'skip-line' };
      }
      return end;
    }
    if (!skipping) this.emit(frames);
    this.state = { kind: 'between' };
    return end + 1;
  }

  /** Holds bytes of the current message up to the limit; beyond it only marks it truncated. */
  private keep(bytes: Buffer): void {
    const room = this.maxMessageBytes - this.size;
    if (bytes.length > room) this.truncated = true;
    const kept = bytes.length > room ? bytes.subarray(0, Math.max(0, room)) : bytes;
    if (kept.length === 0) return;
    this.parts.push(kept);
    this.size += kept.length;
  }

  private emit(frames: Frame[]): void {
    let bytes: Buffer = Buffer.concat(this.parts, this.size);
    if (this.truncated) bytes = wholeUtf8Prefix(bytes);
    else if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    frames.push({ bytes, truncated: this.truncated });
    this.parts = [];
    this.size = 0;
    this.truncated = false;
  }
}
