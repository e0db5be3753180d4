/** The Silences page's order, summary and texts (status, what a silence mutes). Pure. */

import type { Silence, SilenceMatcher } from '@sightline/contract';
import { SYMBOL_OF_OP } from './silence-form.ts';

export const SILENCE_STATUS_TEXT: Readonly<Record<Silence['status'], string>> = { active: 'active', scheduled: 'scheduled', expired: 'expired' };

const STATUS_ORDER: Readonly<Record<Silence['status'], number>> = { active: 0, scheduled: 1, expired: 2 };

/** When a silence (next) starts, for ordering: one-off start, else the next window, else never. */
function startOf(silence: Silence): number {
  const s = silence.definition.schedule;
  if (s.kind === 'once') return s.startsAtMs;
  return silence.nextStartMs ?? Number.MAX_SAFE_INTEGER;
}

/** Active first, then scheduled (soonest first), then expired (most recent first). */
export function sortSilences(silences: readonly Silence[]): Silence[] {
  return [...silences].sort((a, b) => {
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    if (a.status === 'expired') return endOf(b) - endOf(a);
    return startOf(a) - startOf(b) || a.id.localeCompare(b.id);
  });
}

function endOf(silence: Silence): number {
  const s = silence.definition.schedule;
  return s.kind === 'once' ? s.endsAtMs : (s.untilMs ?? 0);
}

/** `3 silences · 1 active · 1 scheduled`. */
export function silencesSummary(silences: readonly Silence[]): string {
  const count = (status: Silence['status']): number => silences.filter((s) => s.status === status).length;
  const parts = [`${silences.length} ${silences.length === 1 ? 'silence' : 'silences'}`];
  if (count('active') > 0) parts.push(`${count('active')} active`);
  if (count('scheduled') > 0) parts.push(`${count('scheduled')} scheduled`);
  return parts.join(' · ');
}

/** `service.name = "checkout"`, `env =~ "prod.*"`. */
export function matcherText(matcher: SilenceMatcher): string {
  return `${matcher.label} ${SYMBOL_OF_OP[matcher.op]} "${matcher.value}"`;
}

/** The rule's name, or a note that it is gone (a silence may outlive its rule). */
export function ruleLabel(ruleId: string, names: ReadonlyMap<string, string> | undefined): string {
  if (names === undefined) return `rule ${ruleId}`;
  return names.get(ruleId) ?? `deleted rule (${ruleId})`;
}
