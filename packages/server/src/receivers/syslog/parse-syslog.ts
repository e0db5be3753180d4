import { parseRfc3164, type Rfc3164Context } from './rfc3164-parser.ts';
import { parseRfc5424 } from './rfc5424-parser.ts';
import { MAX_PRI, priorityOf, type Priority } from './syslog-codes.ts';
import { EMPTY_FIELDS, type SyslogMessage } from './syslog-message.ts';

const PRI = /^<(\d{1,3})>/;
/** RFC 5424 puts a VERSION (a number without leading zero) and a space right after PRI; RFC 3164 never does. */
const VERSION_AHEAD = /^[1-9]\d{0,2} /;
/** Frame ends some senders leave inside the message: LF, CRLF, NUL. */
const TRAILING_FRAME_END = /[\r\n\0]+$/;

function unparsed(text: string, priority: Priority | undefined, parseError: string): SyslogMessage {
  return { ...EMPTY_FIELDS, format: 'unparsed', priority, message: text, parseError };
}

/**
 * One syslog message, RFC 5424 or RFC 3164 by the version digit after PRI. A text that parses as
 * neither is still a message: its whole text with the reason in `parseError`, never dropped.
 */
export function parseSyslog(raw: string, context: Rfc3164Context): SyslogMessage {
  const text = raw.replace(TRAILING_FRAME_END, '');
  const pri = PRI.exec(text);
  const value = pri === null ? Number.NaN : Number(pri[1]);
  if (pri === null || value > MAX_PRI) return unparsed(text, undefined, 'no valid PRI');
  const priority = priorityOf(value);
  const afterPri = text.slice(pri[0].length);
  if (!VERSION_AHEAD.test(afterPri)) return parseRfc3164(afterPri, priority, context);
  const result = parseRfc5424(afterPri, priority);
  return result.ok ? result.message : unparsed(text, priority, result.error);
}
