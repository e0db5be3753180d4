/** What the editor asks the preview for: the form's query, and its condition when that is complete. Pure. */

import { alertConditionSchema, alertQuerySchema, type AlertCondition, type AlertQuery } from '@sightline/contract';
import { parseDurationText } from './duration-text.ts';
import { queryInput, thresholdsInput, type RuleForm } from './rule-form.ts';

export interface PreviewInput {
  readonly query: AlertQuery;
  readonly condition: AlertCondition;
  /**
   * False while the condition is incomplete (no threshold yet, an unreadable window): the preview
   * then shows the series only, judged by a stand-in condition whose verdicts are not shown.
   */
  readonly judged: boolean;
}

const STAND_IN: AlertCondition = { comparison: 'above', match: 'last', windowSeconds: 300, thresholds: [{ severity: 'critical', value: 0 }] };

/** Undefined while the query itself is incomplete (e.g. no metric name yet). */
export function previewInputOf(form: RuleForm): PreviewInput | undefined {
  const query = alertQuerySchema.safeParse(queryInput(form));
  if (!query.success) return undefined;
  const windowSeconds = parseDurationText(form.window);
  const condition = alertConditionSchema.safeParse({
    comparison: form.comparison,
    match: form.match,
    windowSeconds,
    thresholds: thresholdsInput(form, [], true),
  });
  return condition.success && windowSeconds !== undefined
    ? { query: query.data, condition: condition.data, judged: true }
    : { query: query.data, condition: STAND_IN, judged: false };
}
