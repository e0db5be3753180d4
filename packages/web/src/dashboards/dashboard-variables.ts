/** A dashboard's variable selections in the URL (`var-<name>=<value>`) and the values panels get. Pure. */

import type { DashboardVariable } from '@sightline/contract';

export const VARIABLE_PARAM_PREFIX = 'var-';

type Params = { get(name: string): string | null };

export const variableParam = (name: string): string => `${VARIABLE_PARAM_PREFIX}${name}`;

/**
 * The values chosen in the URL, by variable name: what the panels are queried with. A variable
 * without a choice is left out, which the server reads as "all" (its filters are dropped).
 */
export function readVariableSelection(params: Params, variables: readonly DashboardVariable[]): Record<string, string> {
  const selection: Record<string, string> = {};
  for (const variable of variables) {
    const value = params.get(variableParam(variable.name));
    if (value !== null && value !== '') selection[variable.name] = value;
  }
  return selection;
}

export function writeVariable(params: URLSearchParams, name: string, value: string): void {
  if (value === '') params.delete(variableParam(name));
  else params.set(variableParam(name), value);
}

/** The choices a selector shows: the known values, with a URL choice that is not among them (a host gone quiet in this range) first. */
export function variableChoices(known: readonly string[] | undefined, chosen: string | undefined): string[] {
  const values = [...(known ?? [])];
  if (chosen !== undefined && !values.includes(chosen)) values.unshift(chosen);
  return values;
}
