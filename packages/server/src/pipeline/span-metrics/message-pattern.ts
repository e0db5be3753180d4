/** Longest message pattern kept; messages are cut before replacing, so a huge message costs little. */
export const MESSAGE_PATTERN_MAX_CHARS = 512;

/**
 * Variable parts of exception messages and their placeholders, applied in order (an email before
 * its digits become numbers, a UUID before its hex groups do, …).
 */
const REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '{email}'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '{uuid}'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '{ip}'],
  [/(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])/gi, '{ip}'],
  // Compressed IPv6 (`fe80::1`, `::1`): with a digit, so `Foo::Bar` and ` :: ` stay.
  [/(?<![\w:])(?=[:0-9a-f]*\d)(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?(?![\w:])/gi, '{ip}'],
  [/\b0x[0-9a-f]+\b/gi, '{hex}'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '{hex}'],
  // Quotes opening after a word character are apostrophes (can't), not quotes.
  [/(?<!\w)"[^"\n]*"/g, '{str}'],
  [/(?<!\w)'[^'\n]*'(?!\w)/g, '{str}'],
  [/`[^`\n]*`/g, '{str}'],
  // Numbers standing alone or after `_`/`-` (`order_12`, `30ms`, `1.2.3`); digits inside words (`utf8`) stay.
  [/(?<![A-Za-z\d.])\d+(?:\.\d+)*(?!\d)/g, '{num}'],
];

/** The message with ids, numbers, hex, quoted values, emails and addresses replaced, so alike messages group. */
export function messagePatternOf(message: string): string {
  let pattern = message.length > MESSAGE_PATTERN_MAX_CHARS ? message.slice(0, MESSAGE_PATTERN_MAX_CHARS) : message;
  for (const [expression, placeholder] of REPLACEMENTS) pattern = pattern.replace(expression, placeholder);
  return pattern.length > MESSAGE_PATTERN_MAX_CHARS ? pattern.slice(0, MESSAGE_PATTERN_MAX_CHARS) : pattern;
}
