import { joinSql, sql, trustedSql, type SqlFragment } from '../../../storage/sql.ts';

/** A row's group-by values as one `Array(String)` column (empty without group-by), to GROUP BY and read back in order. */
export function groupValuesSql(expressions: readonly SqlFragment[]): SqlFragment {
  if (expressions.length === 0) return trustedSql("CAST([], 'Array(String)')");
  return sql`[${joinSql(
    expressions.map((expression) => sql`toString(${expression})`),
    ', ',
  )}]`;
}
