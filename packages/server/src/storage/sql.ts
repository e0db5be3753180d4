/**
 * The only way SQL text is built: a tagged template whose interpolated values become ClickHouse
 * `{name:Type}` parameters. Identifiers go through `identifier()`, nested fragments through `sql`
 * itself; there is no way to splice a caller's string into the text.
 */

export type SqlParamValue = string | number | bigint | boolean | readonly string[] | readonly number[] | readonly bigint[];

const PARAM = Symbol('sql-param');
const FRAGMENT = Symbol('sql-fragment');

export interface TypedParam {
  readonly [PARAM]: true;
  readonly type: string;
  readonly value: SqlParamValue;
}

export interface SqlFragment {
  readonly [FRAGMENT]: true;
  readonly parts: readonly (string | TypedParam)[];
}

export interface SqlQuery {
  readonly text: string;
  readonly params: Readonly<Record<string, SqlParamValue>>;
}

export type SqlValue = SqlFragment | TypedParam | SqlParamValue;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TYPE_NAME = /^[A-Za-z][A-Za-z0-9_(), ]*$/;

/** A value with an explicit ClickHouse type, e.g. `param('UInt64', 5n)`. */
export function param(type: string, value: SqlParamValue): TypedParam {
  if (!TYPE_NAME.test(type)) throw new Error(`invalid ClickHouse type name: ${type}`);
  return { [PARAM]: true, type, value };
}

/** A table or column name; only plain identifiers are accepted. */
export function identifier(name: string): SqlFragment {
  if (!IDENTIFIER.test(name)) throw new Error(`invalid SQL identifier: ${JSON.stringify(name)}`);
  return { [FRAGMENT]: true, parts: [`\`${name}\``] };
}

function isFragment(value: unknown): value is SqlFragment {
  return typeof value === 'object' && value !== null && FRAGMENT in value;
}

function isTypedParam(value: unknown): value is TypedParam {
  return typeof value === 'object' && value !== null && PARAM in value;
}

function inferType(value: SqlParamValue): string {
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Bool';
  if (typeof value === 'bigint') return 'Int64';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Int64' : 'Float64';
  const first = value[0];
  if (typeof first === 'bigint') return 'Array(Int64)';
  if (typeof first === 'number') return 'Array(Float64)';
  return 'Array(String)';
}

export function sql(strings: TemplateStringsArray, ...values: readonly SqlValue[]): SqlFragment {
  const parts: (string | TypedParam)[] = [];
  strings.forEach((text, index) => {
    parts.push(text);
    if (index >= values.length) return;
    const value = values[index] as SqlValue;
    if (isFragment(value)) parts.push(...value.parts);
    else if (isTypedParam(value)) parts.push(value);
    else parts.push(param(inferType(value), value));
  });
  return { [FRAGMENT]: true, parts };
}

/** Joins fragments with a separator (itself fixed SQL text chosen by the caller's code). */
export function joinSql(fragments: readonly SqlFragment[], separator: ', ' | ' AND ' | ' OR ' | ' ' | ' UNION ALL '): SqlFragment {
  const parts: (string | TypedParam)[] = [];
  fragments.forEach((fragment, index) => {
    if (index > 0) parts.push(separator);
    parts.push(...fragment.parts);
  });
  return { [FRAGMENT]: true, parts };
}

/** SQL text written in this codebase (DDL, constants); never pass data through it. */
export function trustedSql(text: string): SqlFragment {
  return { [FRAGMENT]: true, parts: [text] };
}

export function render(fragment: SqlFragment): SqlQuery {
  let text = '';
  const params: Record<string, SqlParamValue> = {};
  let next = 0;
  for (const part of fragment.parts) {
    if (typeof part === 'string') {
      text += part;
    } else {
      const name = `p${next++}`;
      params[name] = part.value;
      text += `{${name}:${part.type}}`;
    }
  }
  return { text, params };
}
