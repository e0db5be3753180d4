/** What a rule's title and description templates can show for one alert. */
export interface TemplateContext {
  readonly rule: string;
  readonly severity: string | null;
  readonly state: string;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly labels: Readonly<Record<string, string>>;
  readonly link: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z0-9_.-]+))?\s*\}\}/g;

/**
 * A number for people: integers as they are, otherwise at most 4 decimals (|v| ≥ 1) or 4 significant
 * digits (|v| < 1), without trailing zeros: 12.3456789 → 12.3457, 0.000123456 → 0.0001235.
 */
export function formatValue(value: number | null): string {
  if (value === null) return 'no data';
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  const text = Math.abs(value) >= 1 ? value.toFixed(4) : value.toPrecision(4);
  if (/e/i.test(text)) return text;
  return text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function lookup(name: string, key: string | undefined, context: TemplateContext): string | undefined {
  if (name === 'labels') {
    if (key === undefined) return undefined;
    return Object.hasOwn(context.labels, key) ? (context.labels[key] ?? '') : '';
  }
  if (key !== undefined) return undefined;
  switch (name) {
    case 'rule':
      return context.rule;
    case 'severity':
      return context.severity ?? '';
    case 'state':
      return context.state;
    case 'value':
      return formatValue(context.value);
    case 'threshold':
      return context.threshold === null ? '' : formatValue(context.threshold);
    case 'link':
      return context.link;
    default:
      return undefined;
  }
}

/**
 * Fills `{{rule}}`, `{{severity}}`, `{{state}}`, `{{value}}`, `{{threshold}}`, `{{labels.<key>}}` and
 * `{{link}}` (spaces inside the braces allowed). Plain substitution, nothing is evaluated. A label
 * the alert lacks renders empty; an unknown placeholder stays as written, so a typo shows in the
 * message instead of silently vanishing. Text is not escaped: channels escape for their format.
 */
export function renderTemplate(template: string, context: TemplateContext): string {
  return template.replace(PLACEHOLDER, (whole, name: string, key: string | undefined) => lookup(name, key, context) ?? whole);
}
