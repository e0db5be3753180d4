/**
 * The numeric codes a syslog PRI carries (RFC 5424 §6.2.1) and their conventional keywords, with the
 * OpenTelemetry severity each syslog severity maps to (logs data model, Appendix B).
 */

const FACILITY_NAMES: readonly string[] = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp',
  'ntp', 'security', 'console', 'solaris-cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5',
  'local6', 'local7',
];

/** Keywords as syslog tools spell them (`logger -p user.err`); kept as the record's severity text. */
const SEVERITY_NAMES: readonly string[] = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

/** Syslog severity 0 (emerg) … 7 (debug) to OpenTelemetry SeverityNumber. */
const OTEL_SEVERITY_NUMBERS: readonly number[] = [21, 19, 18, 17, 13, 10, 9, 5];

export interface Priority {
  readonly facility: number;
  readonly severity: number;
}

export function facilityName(facility: number): string {
  return FACILITY_NAMES[facility] ?? String(facility);
}

export function severityName(severity: number): string {
  return SEVERITY_NAMES[severity] ?? String(severity);
}

export function otelSeverityNumber(severity: number): number {
  return OTEL_SEVERITY_NUMBERS[severity] ?? 0;
}

/** Facility codes 0–23 and severities 0–7 make the PRI values 0–191. */
export const MAX_PRI = 191;

export function priorityOf(pri: number): Priority {
  return { facility: Math.floor(pri / 8), severity: pri % 8 };
}
