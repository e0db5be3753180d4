import { parseRfc3339 } from './rfc3339-time.ts';
import type { Priority } from './syslog-codes.ts';
import type { SdElement, SdParam, SyslogMessage } from './syslog-message.ts';

/**
 * RFC 5424 §6: `VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA
 * [SP MSG]`, read from the text after PRI. Header fields may be NILVALUE ("-"); MSG may start with
 * a UTF-8 BOM, which is not part of the message.
 */

export type Rfc5424Result = { readonly ok: true; readonly message: SyslogMessage } | { readonly ok: false; readonly error: string };

const NIL = '-';
const BOM = '\uFEFF';

class ParseError extends Error {}

/** Reads the text left to right; every read either advances or throws ParseError. */
class Cursor {
  position = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  peek(): string {
    return this.text.charAt(this.position);
  }

  expect(char: string, what: string): void {
    if (this.text.charAt(this.position) !== char) throw new ParseError(`expected ${what} at offset ${this.position}`);
    this.position += 1;
  }

  /** Characters up to the next space (or the end), at least one. */
  token(what: string): string {
    const end = this.text.indexOf(' ', this.position);
    const stop = end === -1 ? this.text.length : end;
    if (stop === this.position) throw new ParseError(`missing ${what}`);
    const value = this.text.slice(this.position, stop);
    this.position = stop;
    return value;
  }

  rest(): string {
    const value = this.text.slice(this.position);
    this.position = this.text.length;
    return value;
  }
}

function nilable(value: string): string | undefined {
  return value === NIL ? undefined : value;
}

function headerField(cursor: Cursor, what: string): string | undefined {
  cursor.expect(' ', `a space before ${what}`);
  return nilable(cursor.token(what));
}

/** SD-NAME: printable US-ASCII except '=', SP, ']' and '"'. */
function sdName(cursor: Cursor, what: string): string {
  const start = cursor.position;
  while (!cursor.done) {
    const code = cursor.text.charCodeAt(cursor.position);
    if (code < 33 || code > 126 || code === 61 || code === 93 || code === 34) break;
    cursor.position += 1;
  }
  if (cursor.position === start) throw new ParseError(`missing ${what} at offset ${start}`);
  return cursor.text.slice(start, cursor.position);
}

/** PARAM-VALUE between quotes; `\"`, `\\` and `\]` are escapes, any other backslash is itself. */
function paramValue(cursor: Cursor): string {
  cursor.expect('"', 'an opening quote');
  let value = '';
  for (;;) {
    if (cursor.done) throw new ParseError('unterminated PARAM-VALUE');
    const char = cursor.text.charAt(cursor.position);
    if (char === '"') {
      cursor.position += 1;
      return value;
    }
    if (char === '\\') {
      const next = cursor.text.charAt(cursor.position + 1);
      if (next === '"' || next === '\\' || next === ']') {
        value += next;
        cursor.position += 2;
        continue;
      }
    }
    value += char;
    cursor.position += 1;
  }
}

function sdElement(cursor: Cursor): SdElement {
  cursor.expect('[', "'['");
  const id = sdName(cursor, 'SD-ID');
  const params: SdParam[] = [];
  while (cursor.peek() === ' ') {
    cursor.position += 1;
    const name = sdName(cursor, 'PARAM-NAME');
    cursor.expect('=', "'=' after PARAM-NAME");
    params.push({ name, value: paramValue(cursor) });
  }
  cursor.expect(']', "']' closing SD-ELEMENT");
  return { id, params };
}

function structuredData(cursor: Cursor): SdElement[] {
  cursor.expect(' ', 'a space before STRUCTURED-DATA');
  if (cursor.peek() === NIL) {
    cursor.position += 1;
    return [];
  }
  if (cursor.peek() !== '[') throw new ParseError('STRUCTURED-DATA is neither "-" nor "["');
  const elements: SdElement[] = [];
  while (cursor.peek() === '[') elements.push(sdElement(cursor));
  return elements;
}

function version(cursor: Cursor): number {
  const text = cursor.token('VERSION');
  if (!/^[1-9]\d{0,2}$/.test(text)) throw new ParseError(`invalid VERSION ${JSON.stringify(text)}`);
  return Number(text);
}

function timestamp(cursor: Cursor): bigint {
  cursor.expect(' ', 'a space before TIMESTAMP');
  const text = cursor.token('TIMESTAMP');
  if (text === NIL) return 0n;
  const time = parseRfc3339(text);
  if (time === undefined) throw new ParseError(`invalid TIMESTAMP ${JSON.stringify(text)}`);
  return time;
}

function message(cursor: Cursor): string {
  if (cursor.done) return '';
  cursor.expect(' ', 'a space before MSG');
  const text = cursor.rest();
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

/** `afterPri` is the text following `<PRI>`. */
export function parseRfc5424(afterPri: string, priority: Priority): Rfc5424Result {
  const cursor = new Cursor(afterPri);
  try {
    const parsedVersion = version(cursor);
    const timeUnixNano = timestamp(cursor);
    const hostname = headerField(cursor, 'HOSTNAME');
    const appName = headerField(cursor, 'APP-NAME');
    const procId = headerField(cursor, 'PROCID');
    const msgId = headerField(cursor, 'MSGID');
    const elements = structuredData(cursor);
    const msg = message(cursor);
    return {
      ok: true,
      message: {
        format: 'rfc5424',
        priority,
        version: parsedVersion,
        timeUnixNano,
        hostname,
        appName,
        procId,
        msgId,
        structuredData: elements,
        message: msg,
        parseError: undefined,
      },
    };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: `RFC 5424: ${error.message}` };
    throw error;
  }
}
