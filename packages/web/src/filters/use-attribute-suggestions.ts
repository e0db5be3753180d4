import { attributeKeys, attributeValues } from '../api/catalog-api.ts';
import type { AttributeScope, CatalogSignal } from '@sightline/contract';
import { useApi } from '../hooks/use-api.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { splitAttributeDraft } from './attribute-filter-text.ts';

const MAX_SUGGESTIONS = 50;

/**
 * Completions for what is being typed: `key` suggestions first, then `key=value` suggestions once
 * an operator is typed. Failures (e.g. an older server) just mean no suggestions.
 */
export function useAttributeSuggestions(
  draft: string,
  signal: CatalogSignal,
  scope: AttributeScope,
  range: { startMs: number; endMs: number },
): readonly string[] {
  const settled = useDebounced(draft, 200);
  const parts = splitAttributeDraft(settled);
  // Round the range to the minute so a moving "last hour" does not refetch on every refresh.
  const start = Math.floor(range.startMs / 60_000) * 60_000;
  const end = Math.ceil(range.endMs / 60_000) * 60_000;
  const lookup = { signal, scope, range: { startMs: start, endMs: end } };

  const keyPrefix = parts.stage === 'key' ? parts.key : '';
  const keys = useApi(parts.stage === 'key' ? `keys|${signal}|${scope}|${start}|${end}|${keyPrefix}` : null, (abort) =>
    attributeKeys({ ...lookup, prefix: keyPrefix }, abort),
  );
  const valueKey = parts.stage === 'value' ? parts.key : '';
  const valuePrefix = parts.stage === 'value' ? parts.value : '';
  const values = useApi(parts.stage === 'value' && valueKey !== '' ? `values|${signal}|${scope}|${start}|${end}|${valueKey}|${valuePrefix}` : null, (abort) =>
    attributeValues({ ...lookup, key: valueKey, prefix: valuePrefix }, abort),
  );

  if (parts.stage === 'key') {
    const bang = parts.negated ? '!' : '';
    return (keys.data ?? []).slice(0, MAX_SUGGESTIONS).map((k) => `${bang}${k.key}`);
  }
  return (values.data ?? []).slice(0, MAX_SUGGESTIONS).map((v) => `${parts.key}${parts.operator}${v}`);
}
