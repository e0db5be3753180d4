import { sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import { inRange } from '../time-range.ts';
import type { MinuteRange } from './apm-range.ts';

const NS_PER_SECOND = 1_000_000_000n;

/** Rows (spans, exceptions) whose `timestamp` lies in the whole-minute APM range; partitions are pruned. */
export function timestampIn(range: MinuteRange): SqlFragment {
  return inRange(sql`timestamp`, { startNs: BigInt(range.startS) * NS_PER_SECOND, endNs: BigInt(range.endS) * NS_PER_SECOND });
}

/** Raw spans whose resource is in the deployment environment (as the aggregates record it); all when absent. */
export function spanEnvironmentIs(environment: string | undefined): SqlFragment {
  if (environment === undefined) return trustedSql('1');
  return sql`if(mapContains(resource_string, 'deployment.environment.name'), resource_string['deployment.environment.name'], resource_string['deployment.environment']) = ${environment}`;
}
