import type { LogsAlertQuery, MetricSeries } from '@sightline/contract';
import { AppError, ErrorCodes } from '../../../errors.ts';
import { joinSql, param, sql, type SqlFragment } from '../../../storage/sql.ts';
import type { Store } from '../../../storage/store.ts';
import { allOf, attributeValueText, hasTextAttribute } from '../../attribute-filters.ts';
import type { AttributePrefix } from '../../attribute-maps.ts';
import { logFilterConditions, type LogFilters } from '../../logs/log-filters.ts';
import { storeLimits, type ReadLimits } from '../../read-limits.ts';
import { inRange } from '../../time-range.ts';
import { groupValuesSql } from './group-values.ts';
import { MAX_RULE_POINTS, seriesFromSteps } from './series-points.ts';
import { stepIndexSql, type RuleStepPlan } from './step-plan.ts';

const RESOURCE_PREFIX = 'resource.';

/** Upper bounds (inclusive) of the OTLP severity ranges; numbers past 20 (and out-of-spec ones) are FATAL, as the log histogram counts them. */
const SEVERITY_NAMES: readonly (readonly [number, string])[] = [
  [4, 'TRACE'],
  [8, 'DEBUG'],
  [12, 'INFO'],
  [16, 'WARN'],
  [20, 'ERROR'],
];

/** The severity text as sent (trimmed, upper-cased, as the log view shows it), else the level of the number; '' when unset. */
function severityLabel(): SqlFragment {
  const levels = SEVERITY_NAMES.map(([max, name]) => sql`severity_number <= ${param('UInt8', max)}, ${name}`);
  return sql`if(trimBoth(severity_text) != '', upperUTF8(trimBoth(severity_text)),
    multiIf(severity_number = 0, '', ${joinSql(levels, ', ')}, 'FATAL'))`;
}

/** An attribute's value as text ('' without it); the key is a parameter. */
function attributeLabel(prefix: AttributePrefix, key: string): SqlFragment {
  return sql`if(${hasTextAttribute(prefix, key)}, ${attributeValueText(prefix, key)}, '')`;
}

/**
 * What a log rule's `groupBy` entry groups by: `service`, `severity`, `resource.<key>` (a resource
 * attribute) or else a log record attribute key. Attributes that are not text, numbers or booleans
 * (arrays, maps, bytes) count as absent.
 */
export function logGroupExpression(entry: string): SqlFragment {
  if (entry === 'service') return sql`service_name`;
  if (entry === 'severity') return severityLabel();
  if (entry.startsWith(RESOURCE_PREFIX)) {
    const key = entry.slice(RESOURCE_PREFIX.length);
    if (key === '') throw new AppError(ErrorCodes.QUERY_INVALID, `groupBy: "${RESOURCE_PREFIX}" needs a resource attribute key after it`);
    return attributeLabel('resource', key);
  }
  return attributeLabel('attributes', entry);
}

function filtersOf(query: LogsAlertQuery): LogFilters {
  return {
    ...(query.service === undefined ? {} : { service: query.service }),
    ...(query.severityMin === undefined ? {} : { severityMin: query.severityMin }),
    ...(query.bodyContains === undefined ? {} : { bodyContains: query.bodyContains }),
    ...(query.attributes === undefined ? {} : { attributes: query.attributes }),
    ...(query.resourceAttributes === undefined ? {} : { resourceAttributes: query.resourceAttributes }),
  };
}

interface CountRow {
  readonly step_index: number;
  readonly group_values: readonly string[];
  readonly n: string;
}

/**
 * Log records matching the rule's filters, counted per step and group (the log search's filter SQL).
 * A group with records somewhere in the range gets a point at every step (0 where it had none); a
 * group, or a whole query, with no record in the range gets no series ("no data").
 */
export async function logsRuleSeries(store: Store, limits: ReadLimits, query: LogsAlertQuery, plan: RuleStepPlan): Promise<MetricSeries[]> {
  const groups = groupValuesSql(query.groupBy.map(logGroupExpression));
  const conditions = [inRange(sql`timestamp`, plan.range), ...logFilterConditions(filtersOf(query))];
  const rows = await store.query<CountRow>(
    sql`SELECT ${stepIndexSql(plan, sql`timestamp`)} AS step_index, ${groups} AS group_values, toString(count()) AS n
        FROM logs
        WHERE ${allOf(conditions)}
        GROUP BY step_index, group_values
        ORDER BY group_values, step_index
        LIMIT ${param('UInt32', MAX_RULE_POINTS + 1)}`,
    storeLimits(limits),
  );
  const values = rows.map((row) => ({ groupValues: row.group_values, step: Number(row.step_index), value: Number(row.n) }));
  return seriesFromSteps(values, query.groupBy, plan, 0);
}
