/**
 * Prometheus relabeling (`relabel_configs`, `metric_relabel_configs`) over a label set. Regexes are
 * anchored at both ends, as in Prometheus; `$1`, `${1}`, `$name` and `${name}` expand in replacements.
 */

export const RELABEL_ACTIONS = ['replace', 'keep', 'drop', 'labeldrop', 'labelkeep', 'labelmap', 'lowercase', 'uppercase'] as const;
export type RelabelAction = (typeof RELABEL_ACTIONS)[number];

/** A relabel step as configured (Prometheus' snake_case keys, defaults applied). */
export interface RelabelConfig {
  readonly source_labels: readonly string[];
  readonly separator: string;
  readonly regex: string;
  readonly target_label?: string | undefined;
  readonly replacement: string;
  readonly action: RelabelAction;
}

export interface RelabelRule {
  readonly sourceLabels: readonly string[];
  readonly separator: string;
  readonly regex: RegExp;
  readonly targetLabel: string;
  readonly replacement: string;
  readonly action: RelabelAction;
}

/** A Go (RE2) pattern as an anchored JavaScript RegExp; throws SyntaxError when invalid. */
export function anchoredRegex(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern.replace(/\(\?P</g, '(?<')})$`);
}

export function compileRelabel(config: RelabelConfig): RelabelRule {
  return {
    sourceLabels: config.source_labels,
    separator: config.separator,
    regex: anchoredRegex(config.regex),
    targetLabel: config.target_label ?? '',
    replacement: config.replacement,
    action: config.action,
  };
}

/** Go's Regexp.Expand: `$$` is a dollar; a missing group expands to nothing. */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(?:\$|\{(\w+)\}|(\w+))/g, (whole, braced: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare ?? '';
    const value = /^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name];
    return value ?? '';
  });
}

function applyRule(labels: Map<string, string>, rule: RelabelRule): boolean {
  const value = rule.sourceLabels.map((name) => labels.get(name) ?? '').join(rule.separator);
  switch (rule.action) {
    case 'keep':
      return rule.regex.test(value);
    case 'drop':
      return !rule.regex.test(value);
    case 'replace': {
      const match = rule.regex.exec(value);
      if (match === null) return true;
      const target = expandTemplate(rule.targetLabel, match);
      if (target === '') return true;
      const replaced = expandTemplate(rule.replacement, match);
      if (replaced === '') labels.delete(target);
      else labels.set(target, replaced);
      return true;
    }
    case 'lowercase':
    case 'uppercase':
      if (rule.targetLabel !== '') labels.set(rule.targetLabel, rule.action === 'lowercase' ? value.toLowerCase() : value.toUpperCase());
      return true;
    case 'labeldrop':
    case 'labelkeep':
      for (const name of [...labels.keys()]) {
        if (rule.regex.test(name) === (rule.action === 'labeldrop')) labels.delete(name);
      }
      return true;
    case 'labelmap':
      for (const [name, labelValue] of [...labels]) {
        const match = rule.regex.exec(name);
        if (match !== null) labels.set(expandTemplate(rule.replacement, match), labelValue);
      }
      return true;
  }
}

/** The label set after every rule, or undefined when a keep/drop rule dropped it. Labels with empty values are removed. */
export function relabel(labels: ReadonlyMap<string, string>, rules: readonly RelabelRule[]): Map<string, string> | undefined {
  const result = new Map(labels);
  for (const rule of rules) {
    if (!applyRule(result, rule)) return undefined;
  }
  for (const [name, value] of [...result]) if (value === '') result.delete(name);
  return result;
}
