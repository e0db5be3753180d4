/**
 * Attribute filters as short text, for the URL and the filter input:
 * `key=value` equals · `key!=value` not equals · `key~=value` contains · `key` exists · `!key` not exists.
 */

import type { AttributeFilter } from '@sightline/contract';

export function parseAttributeFilter(text: string): AttributeFilter | undefined {
  const at = text.indexOf('=');
  if (at < 0) {
    const trimmed = text.trim();
    if (trimmed.startsWith('!')) {
      const key = trimmed.slice(1).trim();
      return key === '' ? undefined : { key, op: 'not_exists' };
    }
    return trimmed === '' ? undefined : { key: trimmed, op: 'exists' };
  }
  const before = text[at - 1];
  const op = before === '!' ? 'not_equals' : before === '~' ? 'contains' : 'equals';
  const key = text.slice(0, op === 'equals' ? at : at - 1).trim();
  if (key === '') return undefined;
  return { key, op, value: text.slice(at + 1) };
}

export function formatAttributeFilter(filter: AttributeFilter): string {
  switch (filter.op) {
    case 'equals':
      return `${filter.key}=${filter.value ?? ''}`;
    case 'not_equals':
      return `${filter.key}!=${filter.value ?? ''}`;
    case 'contains':
      return `${filter.key}~=${filter.value ?? ''}`;
    case 'exists':
      return filter.key;
    case 'not_exists':
      return `!${filter.key}`;
  }
}

/** The readable form for a chip: `key = value`, `key contains value`, `key exists`… */
export function describeAttributeFilter(filter: AttributeFilter): string {
  switch (filter.op) {
    case 'equals':
      return `${filter.key} = ${filter.value ?? ''}`;
    case 'not_equals':
      return `${filter.key} ≠ ${filter.value ?? ''}`;
    case 'contains':
      return `${filter.key} contains ${filter.value ?? ''}`;
    case 'exists':
      return `${filter.key} exists`;
    case 'not_exists':
      return `${filter.key} does not exist`;
  }
}

/** Every readable filter among the URL values of one parameter. */
export function readAttributeFilters(values: readonly string[]): AttributeFilter[] {
  return values.map(parseAttributeFilter).filter((f): f is AttributeFilter => f !== undefined);
}

/** What the user is typing, split for autocompletion: the key so far, or the key and the value so far. */
export type AttributeDraft =
  | { readonly stage: 'key'; readonly key: string; readonly negated: boolean }
  | { readonly stage: 'value'; readonly key: string; readonly operator: '=' | '!=' | '~='; readonly value: string };

export function splitAttributeDraft(text: string): AttributeDraft {
  const at = text.indexOf('=');
  if (at < 0) {
    const trimmed = text.trimStart();
    const negated = trimmed.startsWith('!');
    return { stage: 'key', key: (negated ? trimmed.slice(1) : trimmed).trim(), negated };
  }
  const before = text[at - 1];
  const operator = before === '!' ? '!=' : before === '~' ? '~=' : '=';
  const key = text.slice(0, operator === '=' ? at : at - 1).trim();
  return { stage: 'value', key, operator, value: text.slice(at + 1) };
}
