/** One line read from a file, or one piece of a line longer than the limit. */
export interface SplitLine {
  readonly text: string;
  /** Absolute byte offset just past the line (past its newline when it has one). */
  readonly endOffset: number;
  /** 0 for a whole line; 1, 2, … for the pieces of a line longer than the limit. */
  readonly part: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Moves a cut back so it does not fall inside a UTF-8 sequence (continuation bytes are 10xxxxxx). */
function utf8Boundary(data: Uint8Array, start: number, cut: number): number {
  let at = cut;
  while (at > start + 1 && at > cut - 3 && ((data[at] ?? 0) & 0xc0) === 0x80) at--;
  return ((data[at] ?? 0) & 0xc0) === 0x80 ? cut : at;
}

/**
 * Turns the bytes of a file, pushed in order, into complete lines (UTF-8, LF or CRLF). Bytes after
 * the last newline wait for the rest of their line, at most `maxLineBytes` of them: a longer line
 * is emitted in numbered pieces.
 */
export class LineSplitter {
  private carry: Buffer = Buffer.alloc(0);
  /** Absolute offset just past the bytes pushed so far. */
  private consumed: number;
  /** Pieces already emitted of the line now in `carry`. */
  private part = 0;

  constructor(
    private readonly maxLineBytes: number,
    startOffset = 0,
  ) {
    this.consumed = startOffset;
  }

  /** Absolute offset of the next byte to push. */
  get offset(): number {
    return this.consumed;
  }

  /** Bytes held for an unfinished line. */
  get pendingBytes(): number {
    return this.carry.length;
  }

  /** Starts over at `offset` (after a truncation), forgetting any unfinished line. */
  reset(offset: number): void {
    this.carry = Buffer.alloc(0);
    this.consumed = offset;
    this.part = 0;
  }

  push(chunk: Uint8Array): SplitLine[] {
    if (chunk.length === 0) return [];
    const data = this.carry.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.carry, chunk]);
    const base = this.consumed - this.carry.length;
    this.consumed += chunk.length;
    const lines: SplitLine[] = [];
    let start = 0;
    for (let newline = data.indexOf(NEWLINE, start); newline !== -1; newline = data.indexOf(NEWLINE, start)) {
      let end = newline;
      if (end > start && data[end - 1] === CARRIAGE_RETURN) end--;
      start = this.emitPieces(data, base, start, end, lines);
      lines.push(this.line(data, start, end, base + newline + 1));
      this.part = 0;
      start = newline + 1;
    }
    start = this.emitPieces(data, base, start, data.length, lines);
    this.carry = Buffer.from(data.subarray(start));
    return lines;
  }

  /** The unfinished line as it is (at the end of a file that will not grow any more). */
  flushPartial(): SplitLine | undefined {
    if (this.carry.length === 0) return undefined;
    const line = this.line(this.carry, 0, this.carry.length, this.consumed);
    this.carry = Buffer.alloc(0);
    this.part = 0;
    return line;
  }

  /** Emits full-size pieces while more than the limit remains before `end`; returns where the rest starts. */
  private emitPieces(data: Buffer, base: number, start: number, end: number, lines: SplitLine[]): number {
    let at = start;
    while (end - at > this.maxLineBytes) {
      const cut = utf8Boundary(data, at, at + this.maxLineBytes);
      this.part++;
      lines.push({ text: data.toString('utf8', at, cut), endOffset: base + cut, part: this.part });
      at = cut;
    }
    return at;
  }

  private line(data: Buffer, start: number, end: number, endOffset: number): SplitLine {
    const part = this.part === 0 ? 0 : this.part + 1;
    return { text: data.toString('utf8', start, end), endOffset, part };
  }
}
