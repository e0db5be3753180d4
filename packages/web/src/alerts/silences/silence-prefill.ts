/**
 * Links that open the silence form already filled in: `/alerts/silences?ruleId=<id>` (from a rule's
 * page) and `matcher=<label><op><value>` (repeatable, e.g. `matcher=service.name=checkout`). Pure.
 */

import { MATCHER_OPS, type MatcherOpSymbol, type MatcherRow } from './silence-form.ts';

export const PREFILL_PARAMS = ['ruleId', 'matcher', 'new'] as const;

export interface SilencePrefill {
  readonly ruleId?: string;
  readonly matchers: readonly MatcherRow[];
}

/** The longest operators first, so `!=` is not read as `!` + `=`. */
const OPS_BY_LENGTH: readonly MatcherOpSymbol[] = [...MATCHER_OPS].sort((a, b) => b.length - a.length);

/** `service.name=~check.*` → label, op, value; the first operator after a non-empty label splits it. */
export function parseMatcherText(text: string): MatcherRow | undefined {
  for (let at = 1; at < text.length; at++) {
    const op = OPS_BY_LENGTH.find((symbol) => text.startsWith(symbol, at));
    if (op === undefined) continue;
    const label = text.slice(0, at).trim();
    if (label === '') continue;
    return { label, op, value: text.slice(at + op.length) };
  }
  return undefined;
}

export function matcherText(row: MatcherRow): string {
  return `${row.label}${row.op}${row.value}`;
}

/** The prefill the URL asks for, or undefined when it asks for no form (`new=1` alone opens an empty one). */
export function readSilencePrefill(params: URLSearchParams): SilencePrefill | undefined {
  const ruleId = params.get('ruleId')?.trim() ?? '';
  const matchers = params.getAll('matcher').flatMap((text) => {
    const row = parseMatcherText(text);
    return row === undefined ? [] : [row];
  });
  if (ruleId === '' && matchers.length === 0 && params.get('new') !== '1') return undefined;
  return { ...(ruleId === '' ? {} : { ruleId }), matchers };
}

/** The link that opens the form for a rule's alerts (for the rule page and others). */
export function silenceRuleHref(ruleId: string, matchers: readonly MatcherRow[] = []): string {
  const params = new URLSearchParams({ ruleId });
  for (const row of matchers) params.append('matcher', matcherText(row));
  return `/alerts/silences?${params.toString()}`;
}

/** Removes the prefill parameters once the form was opened, saved or closed. */
export function clearSilencePrefill(params: URLSearchParams): void {
  for (const name of PREFILL_PARAMS) params.delete(name);
}
