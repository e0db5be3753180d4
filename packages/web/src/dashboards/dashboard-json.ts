/** The JSON editor's text: a dashboard's definition as text, and text checked against the contract. Pure. */

import { dashboardDefinitionSchema, type Dashboard, type DashboardDefinition } from '@sightline/contract';

export interface DefinitionProblem {
  /** `panels.2.width`, or '' for the whole document. */
  readonly path: string;
  readonly message: string;
}

export type DefinitionCheck =
  { readonly ok: true; readonly definition: DashboardDefinition } | { readonly ok: false; readonly problems: readonly DefinitionProblem[] };

/** The editable part of a dashboard (not its id, built-in flag or change time), two-space indented. */
export function definitionText(dashboard: Dashboard): string {
  const { title, description, tags, variables, panels } = dashboard;
  return `${JSON.stringify({ title, description, tags, variables, panels }, null, 2)}\n`;
}

/** Where a JSON.parse error points, as `line L, column C` when the engine gives a position. */
function syntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return /line \d+/.test(message) ? message : `${message} (line ${line}, column ${column})`;
}

export function checkDefinition(text: string): DefinitionCheck {
  if (text.trim() === '') return { ok: false, problems: [{ path: '', message: 'The definition is empty.' }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `Not valid JSON: ${syntaxMessage(text, error)}` }] };
  }
  const parsed = dashboardDefinitionSchema.safeParse(json);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/** A new dashboard's first definition: one example panel to edit. */
export function starterDefinition(title: string): DashboardDefinition {
  return {
    title,
    description: '',
    tags: [],
    variables: [],
    panels: [
      {
        id: 'load',
        title: 'Load average (1m)',
        description: 'An example panel: edit or replace it.',
        type: 'timeseries',
        unit: 'none',
        queries: [{ id: 'a', metric: 'node_load1', filters: [], groupBy: ['instance'], aggregation: 'avg', hidden: false, legend: '{{instance}}' }],
        width: 12,
      },
    ],
  };
}
