import { APM_OVERFLOW_NAME } from '@sightline/contract';
import { sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';

/** Rows of one deployment environment (a key column of every APM aggregate table); all when absent. */
export function environmentIs(environment: string | undefined): SqlFragment {
  return environment === undefined ? trustedSql('1') : sql`deployment_environment = ${environment}`;
}

/** The name spans beyond the cardinality caps are aggregated under, as a SQL value. */
export function overflowName(): SqlFragment {
  return sql`${APM_OVERFLOW_NAME}`;
}

/** `condition`, narrowed to one deployment environment when one is given. */
export function inEnvironment(condition: SqlFragment, environment: string | undefined): SqlFragment {
  return environment === undefined ? condition : sql`${condition} AND deployment_environment = ${environment}`;
}
