import type { DashboardDefinition } from '@sightline/contract';
import { AppError, ErrorCodes } from '../../errors.ts';
import { formulaRefs, parseFormula } from './formula.ts';

function invalid(message: string): AppError {
  return new AppError(ErrorCodes.QUERY_INVALID, message);
}

function firstDuplicate(values: readonly string[]): string | undefined {
  return values.find((value, index) => values.indexOf(value) !== index);
}

/**
 * What the schema cannot say about a definition: ids unique (panels in the dashboard, queries in a
 * panel, variables), formulas well formed over the panel's query ids, `dbSystem` on APM panels.
 */
export function checkDefinition(definition: DashboardDefinition): void {
  const panelId = firstDuplicate(definition.panels.map((panel) => panel.id));
  if (panelId !== undefined) throw invalid(`panels: id ${panelId} is used twice`);
  const variable = firstDuplicate(definition.variables.map((each) => each.name));
  if (variable !== undefined) throw invalid(`variables: ${variable} is defined twice`);
  definition.panels.forEach((panel, index) => {
    const where = `panels.${index}`;
    const ids = panel.queries.map((query) => query.id);
    const queryId = firstDuplicate(ids);
    if (queryId !== undefined) throw invalid(`${where}.queries: id ${queryId} is used twice`);
    if (panel.type === 'apm_db_calls' && (panel.dbSystem ?? '') === '') throw invalid(`${where}.dbSystem: is required for apm_db_calls`);
    if (panel.formula === undefined || panel.formula.trim() === '') return;
    let refs: string[];
    try {
      refs = formulaRefs(parseFormula(panel.formula));
    } catch (error) {
      throw invalid(`${where}.${error instanceof Error ? error.message : 'formula: invalid'}`);
    }
    const unknown = refs.filter((id) => !ids.includes(id));
    if (unknown.length > 0) throw invalid(`${where}.formula: no query named ${unknown.join(', ')}`);
  });
}
