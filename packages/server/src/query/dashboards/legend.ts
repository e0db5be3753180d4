/** Series names of a panel: a legend template with `{{label}}` placeholders, or a default. */

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The template with each `{{label}}` replaced by that label's value ('' when the series lacks it). */
export function resolveLegend(template: string, labels: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_match, key: string) => labels[key] ?? '');
}

/** `metric{a="x", b="y"}`, or the bare metric name when the series has no group labels. */
export function defaultSeriesName(metric: string, labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return metric;
  return `${metric}{${entries.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(', ')}}`;
}

/** A formula series: its legend, else its group labels as `a=x, b=y`, else the panel title. */
export function formulaSeriesName(legend: string | undefined, labels: Readonly<Record<string, string>>, title: string): string {
  if (legend !== undefined) return resolveLegend(legend, labels);
  const entries = Object.entries(labels);
  return entries.length === 0 ? title : entries.map(([key, value]) => `${key}=${value}`).join(', ');
}
