/**
 * Problems of a rule's definition by field path (`condition.thresholds.0.value`), from the contract's
 * zod issues in the page and from the API's refusal (`path: message; path: message`). Pure.
 */

import type { z } from 'zod';
import { parseApiIssues } from './api-issues.ts';
import { describeDuration } from './duration-text.ts';

export interface FieldProblem {
  /** Dotted path in the rule definition, '' for the whole rule. */
  readonly path: string;
  readonly message: string;
}

/** Definition fields the form edits as durations: their bounds read as durations. */
const DURATION_PATHS: ReadonlySet<string> = new Set([
  'condition.windowSeconds',
  'forSeconds',
  'intervalSeconds',
  'noData.afterSeconds',
  'notify.repeatIntervalSeconds',
]);

function issueMessage(path: string, issue: z.core.$ZodIssue): string {
  if (DURATION_PATHS.has(path)) {
    if (issue.code === 'too_small') return `must be at least ${describeDuration(Number(issue.minimum))}`;
    if (issue.code === 'too_big') return `must be at most ${describeDuration(Number(issue.maximum))}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return 'is required';
  if (issue.code === 'invalid_key' && path.startsWith('labels.')) return 'label names start with a letter or _ and hold letters, digits, _ and .';
  return issue.message;
}

/** The zod issues as problems; `skip` holds paths that already have a problem of their own. */
export function issueProblems(issues: readonly z.core.$ZodIssue[], skip: ReadonlySet<string> = new Set()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (skip.has(path)) continue;
    problems.push({ path, message: issueMessage(path, issue) });
  }
  return problems;
}

/** The API's refusal of a rule (`query.metric: Too small; condition.thresholds: …`) as problems by dotted path. */
export function apiProblems(message: string): FieldProblem[] {
  return parseApiIssues(message).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Problems at `path` or below it (a field shows those of its parts too). */
export function problemsAt(problems: readonly FieldProblem[], path: string): FieldProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  name: 'Rule name',
  'query.metric': 'Metric',
  'query.filters': 'Label filters',
  'query.groupBy': 'Group by',
  'query.quantile': 'Quantile',
  'query.service': 'Service',
  'query.operation': 'Operation',
  'query.environment': 'Environment',
  'query.bodyContains': 'Body contains',
  'query.attributes': 'Attribute filters',
  'query.resourceAttributes': 'Attribute filters',
  'query.exceptionType': 'Exception type',
  'condition.windowSeconds': 'Window',
  'condition.thresholds': 'Thresholds',
  forSeconds: 'Pending for',
  intervalSeconds: 'Evaluate every',
  'noData.afterSeconds': 'No data for',
  'notify.channels': 'Channels',
  'notify.repeatIntervalSeconds': 'Repeat while firing',
  labels: 'Labels',
  title: 'Title',
  description: 'Description',
};

/** The field a path names, as the editor labels it (`Threshold 2`, `Window`), else the path. */
export function fieldName(path: string): string {
  const threshold = /^condition\.thresholds\.(\d+)/.exec(path);
  if (threshold !== null) return `Threshold ${Number(threshold[1]) + 1}`;
  if (path.startsWith('labels.')) return `Label ${path.slice('labels.'.length)}`;
  for (let end = path.length; end > 0; end = path.lastIndexOf('.', end - 1)) {
    const name = FIELD_NAMES[path.slice(0, end)];
    if (name !== undefined) return name;
  }
  return path;
}

/** `Window: must be at least 1 min` for the banner listing every problem. */
export function problemText(problem: FieldProblem): string {
  return problem.path === '' ? problem.message : `${fieldName(problem.path)}: ${problem.message}`;
}
