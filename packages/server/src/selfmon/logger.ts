import { Counter, type Registry } from 'prom-client';
import { LOG_LEVELS, type LogLevel } from './selfmon-config.ts';

export type LogFields = Readonly<Record<string, unknown>>;

/** One log line before it is written. */
export interface LogEntry {
  readonly timeMs: number;
  readonly level: LogLevel;
  readonly msg: string;
  readonly fields: LogFields;
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger adding `fields` to every line (e.g. `{ component: 'scrape' }`). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where each JSON line goes (default: stdout). */
  readonly write?: (line: string) => void;
  /** Also called for each entry written, e.g. a StoreLogShipper's `accept`. */
  readonly onEntry?: (entry: LogEntry) => void;
  /** Lines are counted by level in `sightline_log_messages_total` when given. */
  readonly registry?: Registry;
  readonly now?: () => number;
}

const RESERVED = new Set(['time', 'level', 'msg']);

/** JSON for values JSON.stringify mishandles: errors (their message and stack are not enumerable) and bigints. */
function jsonValue(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, ...(value.stack === undefined ? {} : { stack: value.stack }) };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** A JSON line: `time` (ISO 8601), `level`, `msg`, then the fields (one named like those three gets a `field_` prefix). */
export function formatLogLine(entry: LogEntry): string {
  const line: Record<string, unknown> = { time: new Date(entry.timeMs).toISOString(), level: entry.level, msg: entry.msg };
  for (const [key, value] of Object.entries(entry.fields)) line[RESERVED.has(key) ? `field_${key}` : key] = value;
  try {
    return JSON.stringify(line, jsonValue);
  } catch {
    // A circular field: the line is still written, naming the fields it could not serialize.
    return JSON.stringify({ time: line['time'], level: entry.level, msg: entry.msg, unserializableFields: Object.keys(entry.fields) });
  }
}

function writeStdout(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A structured logger: one JSON object per line, levels debug < info < warn < error. */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level);
  const write = options.write ?? writeStdout;
  const now = options.now ?? Date.now;
  const counter =
    options.registry === undefined
      ? undefined
      : new Counter({ name: 'sightline_log_messages_total', help: 'Log lines written by level.', labelNames: ['level'], registers: [options.registry] });

  const build = (base: LogFields): Logger => {
    const log = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      const entry: LogEntry = { timeMs: now(), level, msg, fields: { ...base, ...fields } };
      write(formatLogLine(entry));
      counter?.inc({ level });
      options.onEntry?.(entry);
    };
    return {
      debug: (msg, fields) => log('debug', msg, fields),
      info: (msg, fields) => log('info', msg, fields),
      warn: (msg, fields) => log('warn', msg, fields),
      error: (msg, fields) => log('error', msg, fields),
      child: (fields) => build({ ...base, ...fields }),
    };
  };
  return build({});
}
