import type { AttributeFilter } from '@sightline/contract';
import { identifier, joinSql, sql, trustedSql, type SqlFragment } from '../storage/sql.ts';
import type { AttributePrefix } from './attribute-maps.ts';

/** The maps whose values compare as text; `_other` (bytes, arrays, kvlists) only counts for existence. */
const TEXT_SUFFIXES = ['string', 'int', 'float', 'bool'] as const;
const ALL_SUFFIXES = [...TEXT_SUFFIXES, 'other'] as const;

/** A LIKE pattern matching `needle` literally anywhere (`\`, `%`, `_` escaped). */
export function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A LIKE pattern matching text that starts with `prefix` literally (`\`, `%`, `_` escaped). */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function mapColumn(prefix: AttributePrefix, suffix: string): SqlFragment {
  return identifier(`${prefix}_${suffix}`);
}

function valueText(prefix: AttributePrefix, suffix: (typeof TEXT_SUFFIXES)[number], key: string): SqlFragment {
  const value = sql`${mapColumn(prefix, suffix)}[${key}]`;
  return suffix === 'string' ? value : sql`toString(${value})`;
}

function anyTyped(prefix: AttributePrefix, key: string, test: (text: SqlFragment) => SqlFragment): SqlFragment {
  const alternatives = TEXT_SUFFIXES.map(
    (suffix) => sql`(mapContains(${mapColumn(prefix, suffix)}, ${key}) AND ${test(valueText(prefix, suffix, key))})`,
  );
  return sql`(${joinSql(alternatives, ' OR ')})`;
}

function exists(prefix: AttributePrefix, key: string): SqlFragment {
  return sql`(${joinSql(ALL_SUFFIXES.map((suffix) => sql`mapContains(${mapColumn(prefix, suffix)}, ${key})`), ' OR ')})`;
}

/** True when an owner has the key in one of its text-comparable maps (string, int, float, bool). */
export function hasTextAttribute(prefix: AttributePrefix, key: string): SqlFragment {
  return sql`(${joinSql(TEXT_SUFFIXES.map((suffix) => sql`mapContains(${mapColumn(prefix, suffix)}, ${key})`), ' OR ')})`;
}

/** The key's value as the filters compare it (text), from whichever text-comparable map holds it. */
export function attributeValueText(prefix: AttributePrefix, key: string): SqlFragment {
  const branches = TEXT_SUFFIXES.slice(0, -1).map((suffix) => sql`mapContains(${mapColumn(prefix, suffix)}, ${key}), ${valueText(prefix, suffix, key)}`);
  return sql`multiIf(${joinSql(branches, ', ')}, ${valueText(prefix, 'bool', key)})`;
}

/** One filter as a condition on an owner's typed maps; the key and value are parameters. */
export function attributeCondition(prefix: AttributePrefix, filter: AttributeFilter): SqlFragment {
  const value = filter.value ?? '';
  switch (filter.op) {
    case 'equals':
      return anyTyped(prefix, filter.key, (text) => sql`${text} = ${value}`);
    case 'not_equals':
      return sql`NOT ${anyTyped(prefix, filter.key, (text) => sql`${text} = ${value}`)}`;
    case 'contains':
      return anyTyped(prefix, filter.key, (text) => sql`ilike(${text}, ${containsPattern(value)})`);
    case 'exists':
      return exists(prefix, filter.key);
    case 'not_exists':
      return sql`NOT ${exists(prefix, filter.key)}`;
  }
}

export function attributeConditions(prefix: AttributePrefix, filters: readonly AttributeFilter[] | undefined): SqlFragment[] {
  return (filters ?? []).map((filter) => attributeCondition(prefix, filter));
}

/** All conditions joined with AND (`1` when there are none). */
export function allOf(conditions: readonly SqlFragment[]): SqlFragment {
  return conditions.length === 0 ? trustedSql('1') : joinSql(conditions.map((condition) => sql`(${condition})`), ' AND ');
}
