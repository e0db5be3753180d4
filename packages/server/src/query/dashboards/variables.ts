import type { LabelFilter } from '@sightline/contract';

const VARIABLE = /\$([a-z][a-z0-9_]*)/g;

/**
 * Filters with each `$name` in their values replaced by the variable's selected value. A filter that
 * names a variable without a value (not sent, or empty) is dropped: an unset variable means "all".
 * Values are substituted as they are, also into regex filters.
 */
export function substituteVariables(filters: readonly LabelFilter[], variables: Readonly<Record<string, string>>): LabelFilter[] {
  const result: LabelFilter[] = [];
  for (const filter of filters) {
    if (filter.value === undefined) {
      result.push(filter);
      continue;
    }
    let unset = false;
    const value = filter.value.replace(VARIABLE, (_match, name: string) => {
      const selected = Object.hasOwn(variables, name) ? variables[name] : undefined;
      if (selected === undefined || selected === '') unset = true;
      return selected ?? '';
    });
    if (!unset) result.push({ ...filter, value });
  }
  return result;
}
