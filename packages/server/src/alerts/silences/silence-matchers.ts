import { isValidTimeZone, type SilenceDefinition, type SilenceMatcher } from '@sightline/contract';

/** Compiled patterns by source; `null` marks one that does not compile. */
const patterns = new Map<string, RegExp | null>();
const MAX_CACHED_PATTERNS = 1000;

/** A matcher's pattern, anchored at both ends (`a|b` matches `a` or `b`, never `xa`). */
function pattern(source: string): RegExp | null {
  let compiled = patterns.get(source);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(`^(?:${source})$`);
    } catch {
      compiled = null;
    }
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(source, compiled);
  }
  return compiled;
}

/**
 * One matcher against an alert's labels; a label the alert lacks reads as the empty string (so
 * `env != prod` matches alerts without `env`). A pattern that does not compile matches nothing, in
 * either direction (the API refuses such silences; see validateSilence).
 */
export function matcherMatches(matcher: SilenceMatcher, labels: Readonly<Record<string, string>>): boolean {
  const value = Object.hasOwn(labels, matcher.label) ? (labels[matcher.label] ?? '') : '';
  switch (matcher.op) {
    case 'equals':
      return value === matcher.value;
    case 'not_equals':
      return value !== matcher.value;
    case 'regex':
    case 'not_regex': {
      const compiled = pattern(matcher.value);
      if (compiled === null) return false;
      return compiled.test(value) === (matcher.op === 'regex');
    }
  }
}

/** Whether a silence covers an alert of a rule with these labels (its schedule aside). */
export function silenceMatches(silence: Pick<SilenceDefinition, 'ruleId' | 'matchers'>, ruleId: string, labels: Readonly<Record<string, string>>): boolean {
  if (silence.ruleId !== undefined && silence.ruleId !== ruleId) return false;
  return silence.matchers.every((matcher) => matcherMatches(matcher, labels));
}

/** What the schema cannot check: patterns compile, the time zone exists, the bounds are ordered. Undefined when fine. */
export function validateSilence(definition: SilenceDefinition): string | undefined {
  for (const [index, matcher] of definition.matchers.entries()) {
    if ((matcher.op === 'regex' || matcher.op === 'not_regex') && pattern(matcher.value) === null) {
      return `matchers.${index}.value: not a valid regular expression`;
    }
  }
  const { schedule } = definition;
  if (schedule.kind === 'recurring') {
    if (!isValidTimeZone(schedule.timezone)) return `schedule.timezone: unknown time zone "${schedule.timezone}"`;
    if (schedule.fromMs !== undefined && schedule.untilMs !== undefined && schedule.untilMs <= schedule.fromMs) {
      return 'schedule.untilMs: must be after fromMs';
    }
  }
  return undefined;
}
