/** OTLP severity numbers of the level words a log line commonly carries (the first of each range). */
const LEVELS: ReadonlyMap<string, number> = new Map([
  ['TRACE', 1],
  ['DEBUG', 5],
  ['INFO', 9],
  ['NOTICE', 10],
  ['WARN', 13],
  ['WARNING', 13],
  ['ERROR', 17],
  ['ERR', 17],
  ['CRIT', 18],
  ['CRITICAL', 18],
  ['ALERT', 19],
  ['EMERG', 21],
  ['FATAL', 21],
  ['PANIC', 21],
]);

export interface DetectedSeverity {
  readonly number: number;
  readonly text: string;
}

const UNSPECIFIED: DetectedSeverity = { number: 0, text: '' };
/** Tokens looked at: a level word comes after at most a date, a time, a host and a process tag. */
const LEADING_TOKENS = 6;
const TOKEN = /[^\s]+/g;
/** `[ERROR]`, `ERROR:`, `<WARN>` … */
const BARE = /^[[(<"']*([A-Z]+)[\])>"':,]*$/;
/** `level=warn`, `"level":"warn"`, `severity: Error` … in any case. */
const KEYED = /(?:^|[\s{,])"?(?:level|lvl|severity)"?\s*[=:]\s*"?([A-Za-z]+)/i;

function known(word: string | undefined): DetectedSeverity | undefined {
  if (word === undefined) return undefined;
  const text = word.toUpperCase();
  const number = LEVELS.get(text);
  return number === undefined ? undefined : { number, text };
}

/**
 * The severity named near the start of a line: after a level key (`level=warn`) in any case, or as an
 * upper-case word among the first few (`ERROR`, `[WARN]`). Ordinary words in a message ("an error")
 * are not taken for a level.
 */
export function detectSeverity(line: string): DetectedSeverity {
  const head = line.slice(0, 200);
  const keyed = known(KEYED.exec(head)?.[1]);
  if (keyed !== undefined) return keyed;
  let count = 0;
  for (const match of head.matchAll(TOKEN)) {
    if (++count > LEADING_TOKENS) break;
    const bare = known(BARE.exec(match[0])?.[1]);
    if (bare !== undefined) return bare;
  }
  return UNSPECIFIED;
}
