import type { ExpositionFormat, Labels, ParsedExemplar } from './exposition-types.ts';

/** One sample line, as written: name, labels, value, optional timestamp and exemplar. */
export interface SampleLine {
  readonly name: string;
  readonly labels: Labels;
  readonly value: number;
  readonly timestampMs: number | undefined;
  readonly exemplar: ParsedExemplar | undefined;
}

/** A problem in one line; the caller adds the line number. */
export class LineError extends Error {}

const NAME_START = /[a-zA-Z_:]/;
const NAME_CHAR = /[a-zA-Z0-9_:]/;
const LABEL_START = /[a-zA-Z_]/;
const LABEL_CHAR = /[a-zA-Z0-9_]/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** A float as both formats write it: decimal, `NaN`, `+Inf`/`-Inf` (Go's spellings, case-insensitive). */
export function parseFloatToken(token: string): number | undefined {
  if (DECIMAL.test(token)) return Number(token);
  const lower = token.toLowerCase();
  if (lower === 'nan') return Number.NaN;
  if (lower === '+inf' || lower === 'inf' || lower === '+infinity' || lower === 'infinity') return Number.POSITIVE_INFINITY;
  if (lower === '-inf' || lower === '-infinity') return Number.NEGATIVE_INFINITY;
  return undefined;
}

/** Reads one line left to right. */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  skipSpaces(): number {
    const start = this.pos;
    while (this.peek() === ' ' || this.peek() === '\t') this.pos += 1;
    return this.pos - start;
  }
  expect(char: string, what: string): void {
    if (this.peek() !== char) throw new LineError(`expected ${what} at column ${this.pos + 1}, found ${this.found()}`);
    this.pos += 1;
  }
  found(): string {
    return this.done ? 'end of line' : `'${this.peek()}'`;
  }
  identifier(start: RegExp, rest: RegExp, what: string): string {
    const begin = this.pos;
    if (!start.test(this.peek())) throw new LineError(`expected ${what} at column ${this.pos + 1}, found ${this.found()}`);
    this.pos += 1;
    while (!this.done && rest.test(this.peek())) this.pos += 1;
    return this.text.slice(begin, this.pos);
  }
  token(): string {
    const begin = this.pos;
    while (!this.done && this.peek() !== ' ' && this.peek() !== '\t') this.pos += 1;
    return this.text.slice(begin, this.pos);
  }
}

function metricNameAt(cursor: Cursor): string {
  return cursor.identifier(NAME_START, NAME_CHAR, 'a metric name');
}

function quotedValue(cursor: Cursor): string {
  cursor.expect('"', 'an opening quote');
  let value = '';
  for (;;) {
    if (cursor.done) throw new LineError('unterminated label value');
    const char = cursor.peek();
    cursor.pos += 1;
    if (char === '"') return value;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escaped = cursor.peek();
    cursor.pos += 1;
    if (escaped === 'n') value += '\n';
    else if (escaped === '\\' || escaped === '"') value += escaped;
    else if (escaped === '') throw new LineError('unterminated label value');
    else value += `\\${escaped}`;
  }
}

function labelSet(cursor: Cursor, format: ExpositionFormat): Map<string, string> {
  const labels = new Map<string, string>();
  cursor.expect('{', "'{'");
  const text = format === 'prometheus-text';
  for (;;) {
    if (text) cursor.skipSpaces();
    if (cursor.peek() === '}') break;
    const name = cursor.identifier(LABEL_START, LABEL_CHAR, 'a label name');
    if (text) cursor.skipSpaces();
    cursor.expect('=', "'=' after the label name");
    if (text) cursor.skipSpaces();
    const value = quotedValue(cursor);
    if (labels.has(name)) throw new LineError(`label ${name} appears twice`);
    labels.set(name, value);
    if (text) cursor.skipSpaces();
    if (cursor.peek() === ',') {
      cursor.pos += 1;
      continue;
    }
    if (cursor.peek() !== '}') throw new LineError(`expected ',' or '}' at column ${cursor.pos + 1}, found ${cursor.found()}`);
  }
  cursor.pos += 1;
  return labels;
}

function floatAt(cursor: Cursor, what: string): number {
  const token = cursor.token();
  if (token === '') throw new LineError(`expected ${what} at column ${cursor.pos + 1}, found ${cursor.found()}`);
  const value = parseFloatToken(token);
  if (value === undefined) throw new LineError(`invalid ${what} '${token}'`);
  return value;
}

function timestampAt(cursor: Cursor, format: ExpositionFormat): number {
  const token = cursor.token();
  if (format === 'prometheus-text') {
    if (!INTEGER.test(token)) throw new LineError(`invalid timestamp '${token}' (integer milliseconds expected)`);
    return Number(token);
  }
  const seconds = parseFloatToken(token);
  if (seconds === undefined || !Number.isFinite(seconds)) throw new LineError(`invalid timestamp '${token}' (seconds expected)`);
  return seconds * 1000;
}

/** After the value: `[timestamp] [# {labels} value [timestamp]]`. */
function tail(cursor: Cursor, format: ExpositionFormat): { timestampMs: number | undefined; exemplar: ParsedExemplar | undefined } {
  let timestampMs: number | undefined;
  cursor.skipSpaces();
  if (!cursor.done && cursor.peek() !== '#') {
    timestampMs = timestampAt(cursor, format);
    cursor.skipSpaces();
  }
  if (cursor.done) return { timestampMs, exemplar: undefined };
  if (cursor.peek() !== '#') throw new LineError(`unexpected ${cursor.found()} at column ${cursor.pos + 1}`);
  cursor.pos += 1;
  cursor.skipSpaces();
  const labels = labelSet(cursor, format);
  cursor.skipSpaces();
  const value = floatAt(cursor, 'exemplar value');
  cursor.skipSpaces();
  const exemplarTs = cursor.done ? undefined : timestampAt(cursor, 'openmetrics');
  cursor.skipSpaces();
  if (!cursor.done) throw new LineError(`unexpected ${cursor.found()} after the exemplar at column ${cursor.pos + 1}`);
  return { timestampMs, exemplar: { labels, value, timestampMs: exemplarTs } };
}

/** Parses `name{labels} value [timestamp] [# exemplar]`. */
export function parseSampleLine(text: string, format: ExpositionFormat): SampleLine {
  const cursor = new Cursor(text);
  const name = metricNameAt(cursor);
  // The text format allows blanks between the name and its labels.
  let spaces = format === 'prometheus-text' ? cursor.skipSpaces() : 0;
  let labels = new Map<string, string>();
  if (cursor.peek() === '{') {
    labels = labelSet(cursor, format);
    spaces = cursor.skipSpaces();
  } else if (spaces === 0) spaces = cursor.skipSpaces();
  if (spaces === 0) throw new LineError(`expected a space before the value at column ${cursor.pos + 1}, found ${cursor.found()}`);
  const value = floatAt(cursor, 'value');
  return { name, labels, value, ...tail(cursor, format) };
}

/** Unescapes HELP text: `\\` and `\n` in both formats, `\"` too in OpenMetrics. */
export function unescapeHelp(text: string, format: ExpositionFormat): string {
  return text.replace(/\\(.)/g, (whole, char: string) => {
    if (char === 'n') return '\n';
    if (char === '\\') return '\\';
    if (char === '"' && format === 'openmetrics') return '"';
    return whole;
  });
}

/** `name` of a metadata line, checked. */
export function parseMetricName(text: string): string {
  const cursor = new Cursor(text);
  const name = metricNameAt(cursor);
  if (!cursor.done) throw new LineError(`invalid metric name '${text}'`);
  return name;
}
