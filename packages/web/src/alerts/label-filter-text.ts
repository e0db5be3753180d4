/**
 * Metric label filters as short text for the rule editor's chips:
 * `label=value` equals · `label!=value` not equals · `label=~regex` regex (RE2, anchored) · `label` exists. Pure.
 */

import type { LabelFilter } from '@sightline/contract';

const LABEL = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

export function parseLabelFilter(text: string): LabelFilter | undefined {
  const trimmed = text.trim();
  const at = trimmed.indexOf('=');
  if (at < 0) return LABEL.test(trimmed) ? { label: trimmed, op: 'exists' } : undefined;
  const negated = trimmed[at - 1] === '!';
  const regex = !negated && trimmed[at + 1] === '~';
  const label = trimmed.slice(0, negated ? at - 1 : at).trim();
  if (!LABEL.test(label)) return undefined;
  const value = trimmed.slice(at + (regex ? 2 : 1)).trim();
  return { label, op: negated ? 'not_equals' : regex ? 'regex' : 'equals', value };
}

export function formatLabelFilter(filter: LabelFilter): string {
  switch (filter.op) {
    case 'equals':
      return `${filter.label}=${filter.value ?? ''}`;
    case 'not_equals':
      return `${filter.label}!=${filter.value ?? ''}`;
    case 'regex':
      return `${filter.label}=~${filter.value ?? ''}`;
    case 'exists':
      return filter.label;
  }
}

/** The readable form for a chip: `host = a`, `host ≠ a`, `host ~ web-.*`, `host exists`. */
export function describeLabelFilter(filter: LabelFilter): string {
  switch (filter.op) {
    case 'equals':
      return `${filter.label} = ${filter.value ?? ''}`;
    case 'not_equals':
      return `${filter.label} ≠ ${filter.value ?? ''}`;
    case 'regex':
      return `${filter.label} ~ ${filter.value ?? ''}`;
    case 'exists':
      return `${filter.label} exists`;
  }
}

/** `a, b ,c` → `['a', 'b', 'c']` (empty parts and repeats left out). */
export function parseNameList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ];
}
