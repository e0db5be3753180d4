import type { SplitLine } from './line-splitter.ts';

/** One log record made of one or more lines. */
export interface RecordText {
  readonly text: string;
  /** Absolute byte offset just past the record's last line. */
  readonly endOffset: number;
  /** The piece number when the record starts with a piece of an over-long line, else 0. */
  readonly part: number;
  /** When its first line was read (ms since the epoch). */
  readonly firstReadAtMs: number;
}

export interface MultilineOptions {
  /** Without it every non-empty line is a record. */
  readonly lineStartPattern?: RegExp;
  readonly flushTimeoutMs: number;
  /** A record is closed before it would grow past this many bytes (of UTF-16 text, close enough). */
  readonly maxRecordBytes: number;
}

interface Pending {
  lines: string[];
  bytes: number;
  endOffset: number;
  part: number;
  firstReadAtMs: number;
  lastAddedAtMs: number;
}

/**
 * Joins lines into records: a record starts at a line matching `lineStartPattern` and goes on until
 * the next match, so a stack trace stays one record. The open record is emitted by `flushIfIdle`
 * once no line has come for `flushTimeoutMs`, or by `flush` (end of a rotated file, shutdown).
 */
export class MultilineAggregator {
  private pending: Pending | undefined;

  constructor(private readonly options: MultilineOptions) {}

  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  add(line: SplitLine, nowMs: number): RecordText[] {
    const pattern = this.options.lineStartPattern;
    if (pattern === undefined) {
      return line.text.length === 0 ? [] : [{ text: line.text, endOffset: line.endOffset, part: line.part, firstReadAtMs: nowMs }];
    }
    const out: RecordText[] = [];
    const starts = line.part <= 1 && pattern.test(line.text);
    const current = this.pending;
    if (current !== undefined && (starts || current.bytes + 1 + line.text.length > this.options.maxRecordBytes)) {
      out.push(this.close(current));
      this.pending = undefined;
    }
    if (this.pending === undefined) {
      // Blank lines between records belong to none.
      if (line.text.length === 0 && !starts) return out;
      this.pending = { lines: [line.text], bytes: line.text.length, endOffset: line.endOffset, part: line.part, firstReadAtMs: nowMs, lastAddedAtMs: nowMs };
    } else {
      this.pending.lines.push(line.text);
      this.pending.bytes += 1 + line.text.length;
      this.pending.endOffset = line.endOffset;
      this.pending.lastAddedAtMs = nowMs;
    }
    return out;
  }

  flushIfIdle(nowMs: number): RecordText | undefined {
    const current = this.pending;
    if (current === undefined || nowMs - current.lastAddedAtMs < this.options.flushTimeoutMs) return undefined;
    return this.flush();
  }

  flush(): RecordText | undefined {
    const current = this.pending;
    this.pending = undefined;
    return current === undefined ? undefined : this.close(current);
  }

  private close(pending: Pending): RecordText {
    // Trailing blank lines separate records; they are not part of this one.
    const lines = [...pending.lines];
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return { text: lines.join('\n'), endOffset: pending.endOffset, part: pending.part, firstReadAtMs: pending.firstReadAtMs };
  }
}
