import type { ApmDbStatementsResponse } from '@sightline/contract';
import { joinSql, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import type { MinuteRange } from './apm-range.ts';
import { latencyQuantileMs } from './latency-sql.ts';
import { DATABASE_NAME, normalizedStatement, STATEMENT_TEXT, statementShapeHash } from './normalize-statement.ts';
import { spanEnvironmentIs, timestampIn } from './raw-span-filters.ts';
import { latencyMapOfDurations } from './span-latency-sql.ts';

export interface DbStatementsQuery {
  readonly service: string;
  readonly range: MinuteRange;
  readonly environment?: string | undefined;
  /** `db.system.name` / `db.system`. */
  readonly system?: string | undefined;
  /** The database name (`db.namespace` / `db.name`); '' for spans without one. */
  readonly target?: string | undefined;
  readonly limit: number;
}

type Statement = ApmDbStatementsResponse['statements'][number];

interface StatementRow {
  readonly stmt_system: string;
  readonly stmt_db: string;
  readonly statement_text: string;
  readonly calls_text: string;
  readonly errors_text: string;
  readonly total_ms: number;
  readonly p99_ms: number;
  readonly sample_trace_id: string;
}

function spanConditions(query: DbStatementsQuery): SqlFragment {
  const conditions = [
    sql`service_name = ${query.service}`,
    timestampIn(query.range),
    sql`db_system != ''`,
    sql`${STATEMENT_TEXT} != ''`,
    spanEnvironmentIs(query.environment),
  ];
  if (query.system !== undefined) conditions.push(sql`db_system = ${query.system}`);
  if (query.target !== undefined) conditions.push(sql`${DATABASE_NAME} = ${query.target}`);
  return joinSql(conditions, ' AND ');
}

/**
 * Per statement shape, from the raw spans: the engine hashes each statement's normalized form
 * without building its text, so only one text per shape is normalized (in the next step).
 */
function shapes(query: DbStatementsQuery): SqlFragment {
  return sql`SELECT db_system AS stmt_system, ${DATABASE_NAME} AS stmt_db, ${statementShapeHash(STATEMENT_TEXT)} AS shape,
      any(${STATEMENT_TEXT}) AS shape_text, count() AS shape_calls, countIf(status_code = 2) AS shape_errors,
      sum(duration_ns) AS shape_total_ns, max(duration_ns) AS shape_max_ns, argMax(trace_id, duration_ns) AS shape_sample,
      ${latencyMapOfDurations(sql`duration_ns`)} AS shape_latency
    FROM spans
    WHERE ${spanConditions(query)}
    GROUP BY stmt_system, stmt_db, shape`;
}

/**
 * The statements of a service taking the most total time in the range (literals replaced by `?`),
 * with calls, errors, total/avg/p99 and the trace of the slowest execution.
 */
export async function topDbStatements(store: Store, limits: ReadLimits, query: DbStatementsQuery): Promise<Statement[]> {
  const rows = await store.query<StatementRow>(
    sql`SELECT stmt_system, stmt_db, statement_text, toString(total_calls) AS calls_text, toString(total_errors) AS errors_text,
          total_ns / 1e6 AS total_ms, ${latencyQuantileMs(sql`total_latency`, 0.99)} AS p99_ms, lower(hex(sample)) AS sample_trace_id
        FROM (
          SELECT stmt_system, stmt_db, ${normalizedStatement(sql`shape_text`)} AS statement_text,
            sum(shape_calls) AS total_calls, sum(shape_errors) AS total_errors, sum(shape_total_ns) AS total_ns,
            sumMap(shape_latency) AS total_latency, argMax(shape_sample, shape_max_ns) AS sample
          FROM (${shapes(query)})
          GROUP BY stmt_system, stmt_db, statement_text
          ORDER BY total_ns DESC, stmt_system, stmt_db, statement_text
          LIMIT ${query.limit}
        )
        ORDER BY total_ns DESC, stmt_system, stmt_db, statement_text`,
    storeLimits(limits),
  );
  return rows.map((row) => {
    const calls = Number(row.calls_text);
    return {
      system: row.stmt_system,
      target: row.stmt_db,
      statement: row.statement_text,
      calls,
      errors: Number(row.errors_text),
      totalMs: row.total_ms,
      avgMs: row.total_ms / calls,
      p99Ms: row.p99_ms,
      sampleTraceId: row.sample_trace_id,
    };
  });
}
