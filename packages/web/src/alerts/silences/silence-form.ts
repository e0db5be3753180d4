/**
 * The silence form's state (text as typed) and its mapping to and from a silence definition: matcher
 * rows with operator symbols, a one-off window (now or at a time, for a preset duration or until a
 * time) or a recurring one (weekdays, HH:MM, zone, optional first and last date). Pure.
 */

import {
  isValidTimeZone,
  nextDate,
  silenceDefinitionSchema,
  zonedDate,
  zonedDateTimeValue,
  zonedToMs,
  type SilenceDefinition,
  type SilenceMatcher,
} from '@sightline/contract';

export const MATCHER_OPS = ['=', '!=', '=~', '!~'] as const;
export type MatcherOpSymbol = (typeof MATCHER_OPS)[number];

export const OP_OF_SYMBOL: Readonly<Record<MatcherOpSymbol, SilenceMatcher['op']>> = { '=': 'equals', '!=': 'not_equals', '=~': 'regex', '!~': 'not_regex' };
export const SYMBOL_OF_OP: Readonly<Record<SilenceMatcher['op'], MatcherOpSymbol>> = { equals: '=', not_equals: '!=', regex: '=~', not_regex: '!~' };

export interface MatcherRow {
  readonly label: string;
  readonly op: MatcherOpSymbol;
  readonly value: string;
}

export const DURATION_PRESETS = { '1h': 3_600_000, '2h': 7_200_000, '4h': 14_400_000, '1d': 86_400_000 } as const;
export type DurationPreset = keyof typeof DURATION_PRESETS;

export interface SilenceFormInput {
  /** '' = no rule: the matchers alone choose the alerts. */
  readonly ruleId: string;
  readonly matchers: readonly MatcherRow[];
  readonly kind: 'once' | 'recurring';
  readonly startMode: 'now' | 'at';
  /** `YYYY-MM-DDTHH:MM` in the viewer's zone. */
  readonly startAt: string;
  readonly endMode: 'duration' | 'at';
  readonly duration: DurationPreset;
  readonly endAt: string;
  readonly weekdays: readonly number[];
  readonly startTime: string;
  readonly endTime: string;
  readonly timezone: string;
  /** `YYYY-MM-DD` in the silence's zone, or ''. */
  readonly fromDate: string;
  /** The last day, inclusive, or ''. */
  readonly untilDate: string;
  readonly comment: string;
  readonly createdBy: string;
}

export type SilenceField =
  'ruleId' | 'matchers' | 'startAt' | 'endAt' | 'weekdays' | 'startTime' | 'endTime' | 'timezone' | 'fromDate' | 'untilDate' | 'comment' | 'createdBy';

/** What the form starts from: the viewer's zone, now, and anything passed in (a rule, matchers). */
export interface SilenceFormContext {
  readonly nowMs: number;
  /** The viewer's zone: one-off times are typed in it; a recurring silence defaults to it. */
  readonly viewerZone: string;
}

export function emptySilenceForm(
  context: SilenceFormContext,
  prefill: { readonly ruleId?: string; readonly matchers?: readonly MatcherRow[] } = {},
): SilenceFormInput {
  const later = Math.ceil(context.nowMs / 3_600_000) * 3_600_000;
  return {
    ruleId: prefill.ruleId ?? '',
    matchers: prefill.matchers ?? [],
    kind: 'once',
    startMode: 'now',
    startAt: zonedDateTimeValue(later, context.viewerZone),
    endMode: 'duration',
    duration: '2h',
    endAt: zonedDateTimeValue(later + DURATION_PRESETS['2h'], context.viewerZone),
    weekdays: [1, 2, 3, 4, 5, 6, 0],
    startTime: '02:00',
    endTime: '04:00',
    timezone: context.viewerZone,
    fromDate: '',
    untilDate: '',
    comment: '',
    createdBy: '',
  };
}

export function formFromDefinition(definition: SilenceDefinition, context: SilenceFormContext): SilenceFormInput {
  const base = {
    ...emptySilenceForm(context),
    ruleId: definition.ruleId ?? '',
    matchers: definition.matchers.map((m) => ({ label: m.label, op: SYMBOL_OF_OP[m.op], value: m.value })),
    comment: definition.comment,
    createdBy: definition.createdBy,
  };
  const s = definition.schedule;
  if (s.kind === 'once') {
    return {
      ...base,
      kind: 'once',
      startMode: 'at',
      startAt: zonedDateTimeValue(s.startsAtMs, context.viewerZone),
      endMode: 'at',
      endAt: zonedDateTimeValue(s.endsAtMs, context.viewerZone),
    };
  }
  return {
    ...base,
    kind: 'recurring',
    weekdays: s.weekdays,
    startTime: s.startTime,
    endTime: s.endTime,
    timezone: s.timezone,
    fromDate: s.fromMs === undefined ? '' : zonedDate(s.fromMs, s.timezone),
    untilDate: s.untilMs === undefined ? '' : zonedDate(s.untilMs - 1, s.timezone),
  };
}

type Problems = Partial<Record<SilenceField, string>>;

function matchersOf(rows: readonly MatcherRow[], problems: Problems): SilenceMatcher[] {
  const matchers: SilenceMatcher[] = [];
  for (const row of rows) {
    const label = row.label.trim();
    if (label === '' && row.value === '') continue;
    if (label === '') {
      problems.matchers ??= 'Name the label of each matcher, or remove its row.';
      continue;
    }
    if (row.op === '=~' || row.op === '!~') {
      try {
        new RegExp(row.value);
      } catch {
        problems.matchers ??= `“${row.value}” is not a valid regular expression.`;
      }
    }
    matchers.push({ label, op: OP_OF_SYMBOL[row.op], value: row.value });
  }
  return matchers;
}

function onceOf(form: SilenceFormInput, context: SilenceFormContext, problems: Problems) {
  const startsAtMs = form.startMode === 'now' ? context.nowMs : zonedToMs(form.startAt, context.viewerZone);
  if (startsAtMs === undefined) problems.startAt = 'Enter the start date and time.';
  const start = startsAtMs ?? context.nowMs;
  const endsAtMs = form.endMode === 'duration' ? start + DURATION_PRESETS[form.duration] : zonedToMs(form.endAt, context.viewerZone);
  if (endsAtMs === undefined) problems.endAt = 'Enter the end date and time.';
  else if (endsAtMs <= start) problems.endAt = 'The end must be after the start.';
  else if (endsAtMs <= context.nowMs) problems.endAt = 'The end is in the past.';
  return { kind: 'once' as const, startsAtMs: start, endsAtMs: endsAtMs ?? start };
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `9:00` → `09:00`, `0930` → `09:30`; anything else as typed (trimmed). */
export function normalizeClock(text: string): string {
  const match = /^(\d{1,2}):?(\d{2})$/.exec(text.trim());
  return match === null ? text.trim() : `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}`;
}

function recurringOf(form: SilenceFormInput, problems: Problems) {
  const timezone = form.timezone.trim();
  if (!isValidTimeZone(timezone)) problems.timezone = 'Choose a time zone.';
  if (form.weekdays.length === 0) problems.weekdays = 'Choose at least one day.';
  const startTime = normalizeClock(form.startTime);
  const endTime = normalizeClock(form.endTime);
  if (!CLOCK.test(startTime)) problems.startTime = 'Enter the start as HH:MM (24-hour).';
  if (!CLOCK.test(endTime)) problems.endTime = 'Enter the end as HH:MM (24-hour).';
  const zone = problems.timezone === undefined ? timezone : 'UTC';
  const fromMs = form.fromDate === '' ? undefined : zonedToMs(form.fromDate, zone);
  if (form.fromDate !== '' && fromMs === undefined) problems.fromDate = 'Enter a date.';
  // Until a day means through that day: the bound is the next midnight.
  const untilMs = form.untilDate === '' ? undefined : zonedToMs(/^\d{4}-\d{2}-\d{2}$/.test(form.untilDate) ? nextDate(form.untilDate) : form.untilDate, zone);
  if (form.untilDate !== '' && untilMs === undefined) problems.untilDate = 'Enter a date.';
  else if (untilMs !== undefined && fromMs !== undefined && untilMs <= fromMs) problems.untilDate = 'The last day must not be before the first.';
  return {
    kind: 'recurring' as const,
    timezone,
    weekdays: [...new Set(form.weekdays)].sort((a, b) => a - b),
    startTime,
    endTime,
    ...(fromMs === undefined ? {} : { fromMs }),
    ...(untilMs === undefined ? {} : { untilMs }),
  };
}

/** Edited inputs and the problems they can clear (a rule answers "choose a rule or a matcher"). */
const CLEARS: Readonly<Partial<Record<keyof SilenceFormInput, readonly SilenceField[]>>> = {
  ruleId: ['ruleId', 'matchers'],
  kind: ['startAt', 'endAt', 'weekdays', 'startTime', 'endTime', 'timezone', 'fromDate', 'untilDate'],
  startMode: ['startAt', 'endAt'],
  startAt: ['startAt', 'endAt'],
  endMode: ['endAt'],
  duration: ['endAt'],
  fromDate: ['fromDate', 'untilDate'],
};

/** The problems left once the inputs in `patch` were edited. */
export function problemsAfterEdit(problems: Partial<Record<SilenceField, string>>, patch: Partial<SilenceFormInput>): Partial<Record<SilenceField, string>> {
  const cleared = new Set<string>(Object.keys(patch).flatMap((key): readonly string[] => CLEARS[key as keyof SilenceFormInput] ?? [key]));
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !cleared.has(field)));
}

export type SilenceFormResult =
  { readonly ok: true; readonly definition: SilenceDefinition } | { readonly ok: false; readonly problems: Problems; readonly unplaced: readonly string[] };

/** The definition to send, or a message for each field that is wrong. */
export function definitionFromForm(form: SilenceFormInput, context: SilenceFormContext): SilenceFormResult {
  const problems: Problems = {};
  const matchers = matchersOf(form.matchers, problems);
  const ruleId = form.ruleId.trim();
  if (ruleId === '' && matchers.length === 0) problems.matchers ??= 'Choose a rule or add at least one matcher.';
  const schedule = form.kind === 'once' ? onceOf(form, context, problems) : recurringOf(form, problems);
  const parsed = silenceDefinitionSchema.safeParse({
    comment: form.comment.trim(),
    createdBy: form.createdBy.trim(),
    ...(ruleId === '' ? {} : { ruleId }),
    matchers,
    schedule,
  });
  const unplaced: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = silenceFieldOfPath(issue.path);
      if (field === undefined) unplaced.push(`${issue.path.map(String).join('.')}: ${issue.message}`);
      else problems[field] ??= issue.message;
    }
  }
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, definition: parsed.data };
  return { ok: false, problems, unplaced };
}

const SCHEDULE_FIELDS: Readonly<Record<string, SilenceField>> = {
  startsAtMs: 'startAt',
  endsAtMs: 'endAt',
  weekdays: 'weekdays',
  startTime: 'startTime',
  endTime: 'endTime',
  timezone: 'timezone',
  fromMs: 'fromDate',
  untilMs: 'untilDate',
};

/** The form field an issue path (as the API or the contract reports it) belongs to. */
export function silenceFieldOfPath(path: readonly PropertyKey[]): SilenceField | undefined {
  const [first, second] = path;
  if (first === 'ruleId' || first === 'comment' || first === 'createdBy') return first;
  if (first === 'matchers') return 'matchers';
  if (first === 'schedule' && typeof second === 'string') return SCHEDULE_FIELDS[second];
  return undefined;
}

/** The same one-off silence, ending now (only for one that is active). */
export function expiredNow(definition: SilenceDefinition, nowMs: number): SilenceDefinition | undefined {
  const s = definition.schedule;
  if (s.kind !== 'once' || s.startsAtMs >= nowMs || s.endsAtMs <= nowMs) return undefined;
  return { ...definition, schedule: { ...s, endsAtMs: nowMs } };
}
