/** Tokenizing the text files of /proc. */

/** Whitespace-separated fields of a line, without empty ones. */
export function fieldsOf(line: string): string[] {
  return line.trim().split(/\s+/).filter((field) => field.length > 0);
}

/** Non-empty lines of a text. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line.trim().length > 0);
}

/** A non-negative decimal integer, or undefined for anything else. */
export function parseCount(text: string | undefined): bigint | undefined {
  return text !== undefined && /^\d+$/.test(text) ? BigInt(text) : undefined;
}

/** Octal escapes (`\040` for a space) as the kernel writes paths in /proc/swaps and /proc/mounts. */
export function unescapeProcPath(path: string): string {
  return path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}
