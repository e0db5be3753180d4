/**
 * A new rule started from elsewhere (a dashboard panel, a service page): part of a rule carried in
 * the URL as base64url JSON (`?prefill=…`), read back defensively — pieces that do not fit the
 * contract are left out. Pure.
 */

import {
  alertComparisons,
  alertMatchTypes,
  alertQuerySchema,
  alertThresholdSchema,
  type AlertQuery,
  type AlertThreshold,
  type Panel,
} from '@sightline/contract';
import { z } from 'zod';
import { pathWithGlobals } from '../router/routes.ts';
import { formatDurationText } from './duration-text.ts';
import { queryForm, type RuleForm } from './rule-form.ts';

export const PREFILL_PARAM = 'prefill';

export interface RulePrefill {
  readonly name?: string;
  readonly query?: AlertQuery;
  readonly comparison?: (typeof alertComparisons)[number];
  readonly match?: (typeof alertMatchTypes)[number];
  readonly windowSeconds?: number;
  readonly thresholds?: readonly AlertThreshold[];
}

/** Each piece on its own: one bad piece does not lose the others. */
const PIECES = {
  name: z.string().trim().min(1).max(200).optional().catch(undefined),
  query: alertQuerySchema.optional().catch(undefined),
  comparison: z.enum(alertComparisons).optional().catch(undefined),
  match: z.enum(alertMatchTypes).optional().catch(undefined),
  windowSeconds: z.number().int().min(60).max(86_400).optional().catch(undefined),
  thresholds: z.array(alertThresholdSchema).min(1).max(3).optional().catch(undefined),
} as const;
const prefillSchema = z.object(PIECES);

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

export function encodePrefill(prefill: RulePrefill): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(prefill)));
}

/** The prefill in `text`; undefined when it is not base64url JSON of an object. */
export function decodePrefill(text: string): RulePrefill | undefined {
  if (text.length > 20_000) return undefined;
  const bytes = fromBase64Url(text);
  if (bytes === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const parsed = prefillSchema.parse(json);
  const prefill: { -readonly [K in keyof RulePrefill]: RulePrefill[K] } = {};
  for (const key of Object.keys(PIECES) as (keyof typeof PIECES)[]) if (parsed[key] !== undefined) Object.assign(prefill, { [key]: parsed[key] });
  return prefill;
}

/** The new-rule page with `prefill`, keeping the time range. */
export function newRuleHref(prefill: RulePrefill, current: URLSearchParams): string {
  return pathWithGlobals('/alerts/rules/new', current, { [PREFILL_PARAM]: encodePrefill(prefill) });
}

/** `form` with the prefill's pieces in it. */
export function applyPrefill(form: RuleForm, prefill: RulePrefill): RuleForm {
  return {
    ...form,
    ...(prefill.name === undefined ? {} : { name: prefill.name }),
    ...(prefill.query === undefined ? {} : queryForm(prefill.query)),
    ...(prefill.comparison === undefined ? {} : { comparison: prefill.comparison }),
    ...(prefill.match === undefined ? {} : { match: prefill.match }),
    ...(prefill.windowSeconds === undefined ? {} : { window: formatDurationText(prefill.windowSeconds) }),
    ...(prefill.thresholds === undefined ? {} : { thresholds: prefill.thresholds.map((t) => ({ severity: t.severity, value: String(t.value) })) }),
  };
}

const VARIABLE = /\$([a-z][a-z0-9_]*)/g;

/**
 * A metric rule for a dashboard panel's first drawn query (else its first), with the dashboard's
 * variables as selected now: a filter on an unset variable means "all" and is left out, as in the panel.
 */
export function prefillFromPanel(panel: Panel, variables: Readonly<Record<string, string>>): RulePrefill | undefined {
  const query = panel.queries.find((q) => !q.hidden) ?? panel.queries[0];
  if (query === undefined) return undefined;
  const filters = query.filters.flatMap((filter) => {
    if (filter.value === undefined) return [filter];
    let unset = false;
    const value = filter.value.replace(VARIABLE, (_all, name: string) => {
      const selected = Object.hasOwn(variables, name) ? variables[name] : undefined;
      if (selected === undefined || selected === '') unset = true;
      return selected ?? '';
    });
    return unset ? [] : [{ ...filter, value }];
  });
  return {
    name: panel.title,
    query: {
      kind: 'metric',
      metric: query.metric,
      filters,
      groupBy: query.groupBy,
      aggregation: query.aggregation,
      ...(query.function === undefined ? {} : { function: query.function }),
      ...(query.quantile === undefined ? {} : { quantile: query.quantile }),
    },
  };
}

/** An APM rule for one service: its error rate above 5 %. */
export function prefillForService(service: string, environment?: string): RulePrefill {
  return {
    name: `${service}: error rate`,
    query: { kind: 'apm', measure: 'error_rate', service, ...(environment === undefined || environment === '' ? {} : { environment }), groupBy: [] },
    comparison: 'above',
    thresholds: [{ severity: 'critical', value: 5 }],
  };
}
