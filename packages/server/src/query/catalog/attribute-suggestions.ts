import { MAX_ATTRIBUTE_KEYS, MAX_ATTRIBUTE_VALUES, type AttributeKey, type AttributeScope, type AttributeType, type CatalogSignal } from '@sightline/contract';
import { identifier, joinSql, param, sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { attributeValueText, hasTextAttribute, prefixPattern } from '../attribute-filters.ts';
import type { AttributePrefix } from '../attribute-maps.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { inRange, type TimeRange } from '../time-range.ts';
import { signalTable } from './list-services.ts';

/**
 * Suggestions read at most this many records of the range (the first found), so a wide range
 * answers quickly with what it saw instead of failing on the row limit.
 */
export const SUGGESTION_SCAN_ROWS = 1_000_000;

export interface SuggestionParams extends TimeRange {
  readonly signal: CatalogSignal;
  readonly scope: AttributeScope;
  readonly prefix?: string;
}

/** Map suffix of each attribute type, in the order the maps are stored. */
const TYPE_SUFFIXES: readonly (readonly [AttributeType, string])[] = [
  ['string', 'string'],
  ['int', 'int'],
  ['float', 'float'],
  ['bool', 'bool'],
  ['other', 'other'],
];

function ownerPrefix(scope: AttributeScope): AttributePrefix {
  return scope === 'span' ? 'attributes' : 'resource';
}

function startsWith(text: SqlFragment, prefix: string | undefined): SqlFragment {
  return prefix === undefined || prefix === '' ? trustedSql('1') : sql`ilike(${text}, ${prefixPattern(prefix)})`;
}

/** Distinct attribute keys in the range with their most frequent type, sorted, matching the prefix. */
export async function attributeKeys(store: Store, limits: ReadLimits, params: SuggestionParams): Promise<AttributeKey[]> {
  const owner = ownerPrefix(params.scope);
  const keyLists = TYPE_SUFFIXES.map(([type, suffix]) => sql`arrayMap(k -> (k, ${type}), mapKeys(${identifier(`${owner}_${suffix}`)}))`);
  const rows = await store.query<{ key: string; key_type: AttributeType }>(
    sql`SELECT key, argMax(type, seen) AS key_type FROM (
          SELECT pair.1 AS key, pair.2 AS type, count() AS seen FROM (
            SELECT arrayJoin(key_types) AS pair FROM (
              SELECT arrayConcat(${joinSql(keyLists, ', ')}) AS key_types FROM ${identifier(signalTable(params.signal))}
              WHERE ${inRange(sql`timestamp`, params)}
              LIMIT ${param('UInt32', SUGGESTION_SCAN_ROWS)}
            )
          )
          WHERE ${startsWith(sql`key`, params.prefix)}
          GROUP BY key, type
        )
        GROUP BY key ORDER BY key LIMIT ${param('UInt32', MAX_ATTRIBUTE_KEYS)}`,
    storeLimits(limits),
  );
  return rows.map((row) => ({ key: row.key, type: row.key_type }));
}

/**
 * Values one attribute takes in the range as text (string, int, float and bool values, as the
 * `equals` filter compares them), most frequent first, matching the prefix.
 */
export async function attributeValues(store: Store, limits: ReadLimits, params: SuggestionParams & { readonly key: string }): Promise<string[]> {
  const owner = ownerPrefix(params.scope);
  const value = attributeValueText(owner, params.key);
  const rows = await store.query<{ value_text: string }>(
    sql`SELECT value_text FROM (
          SELECT ${value} AS value_text FROM ${identifier(signalTable(params.signal))}
          WHERE ${inRange(sql`timestamp`, params)} AND ${hasTextAttribute(owner, params.key)} AND ${startsWith(value, params.prefix)}
          LIMIT ${param('UInt32', SUGGESTION_SCAN_ROWS)}
        )
        GROUP BY value_text ORDER BY count() DESC, value_text LIMIT ${param('UInt32', MAX_ATTRIBUTE_VALUES)}`,
    storeLimits(limits),
  );
  return rows.map((row) => row.value_text);
}
