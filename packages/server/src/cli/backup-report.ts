/** Human-readable lines for backup and restore progress (pure; the commands print them). */

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export interface RowCheck {
  readonly table: string;
  readonly expectedRows: number;
  readonly rows: number;
}

/** One line per table: name, rows found, rows expected, ok or MISMATCH. */
export function formatRowChecks(checks: readonly RowCheck[]): string[] {
  const width = Math.max(5, ...checks.map((check) => check.table.length));
  const lines = [`${'table'.padEnd(width)}  ${'rows'.padStart(12)}  ${'expected'.padStart(12)}  check`];
  for (const check of checks) {
    const ok = check.rows === check.expectedRows ? 'ok' : 'MISMATCH';
    lines.push(`${check.table.padEnd(width)}  ${String(check.rows).padStart(12)}  ${String(check.expectedRows).padStart(12)}  ${ok}`);
  }
  return lines;
}
