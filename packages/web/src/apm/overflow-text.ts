/** Overflow notices (names past a cardinality cap) as sentences for the warning banner. Pure. */

import { APM_OVERFLOW_NAME, type OverflowNotice } from '@sightline/contract';

const WHAT: Readonly<Record<OverflowNotice['dimension'], string>> = {
  service: 'services',
  operation: 'operations',
  dependency: 'dependencies',
};

/**
 * `Too many operations for service orders since 10:42: 1,234 spans aggregated under __overflow__; limit 500.`
 * `formatTime` turns unix ms into text.
 */
export function overflowMessage(notice: OverflowNotice, formatTime: (ms: number) => string): string {
  const whose = notice.dimension === 'service' ? '' : ` for service ${notice.service}`;
  const spans = `${notice.spans.toLocaleString('en-US')} span${notice.spans === 1 ? '' : 's'}`;
  return (
    `Too many ${WHAT[notice.dimension]}${whose} since ${formatTime(notice.firstSeenMs)}: ` +
    `${spans} aggregated under ${APM_OVERFLOW_NAME}; limit ${notice.limit.toLocaleString('en-US')}.`
  );
}

/** The notices that concern `service` (its own caps, and the service cap that may hide it). */
export function noticesFor(notices: readonly OverflowNotice[], service: string): OverflowNotice[] {
  return notices.filter((n) => n.service === service || n.dimension === 'service');
}

/** One notice per service and dimension (several endpoints may report the same one), earliest start kept. */
export function mergeNotices(notices: readonly OverflowNotice[]): OverflowNotice[] {
  const byKey = new Map<string, OverflowNotice>();
  for (const notice of notices) {
    const key = `${notice.dimension}\u0000${notice.service}`;
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen === undefined
        ? notice
        : {
            ...seen,
            firstSeenMs: Math.min(seen.firstSeenMs, notice.firstSeenMs),
            lastSeenMs: Math.max(seen.lastSeenMs, notice.lastSeenMs),
            spans: Math.max(seen.spans, notice.spans),
          },
    );
  }
  return [...byKey.values()];
}
