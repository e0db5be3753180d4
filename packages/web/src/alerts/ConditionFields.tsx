import { alertComparisons, alertMatchTypes, alertSeverities, type AlertSeverity } from '@sightline/contract';
import { MATCH_WORDS } from './alerts-view.ts';
import { EditorSection, Field, invalidProps, problemAt, type EditorPartProps } from './EditorField.tsx';
import { COMPARISON_SYMBOLS } from './preview-chart.ts';
import type { RuleForm } from './rule-form.ts';

const COMPARISON_LABELS: Readonly<Record<RuleForm['comparison'], string>> = {
  above: 'is above',
  above_or_equal: 'is at or above',
  below: 'is below',
  below_or_equal: 'is at or below',
  equal: 'equals',
  not_equal: 'does not equal',
};

/** When the rule breaches: comparison, how the window is reduced, the thresholds by severity. */
export function ConditionFields({ form, update, problems, id }: EditorPartProps) {
  const set = (patch: Partial<RuleForm>): void => update((f) => ({ ...f, ...patch }));
  const setThreshold = (index: number, patch: Partial<RuleForm['thresholds'][number]>): void =>
    update((f) => ({ ...f, thresholds: f.thresholds.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const unused = alertSeverities.filter((s) => !form.thresholds.some((t) => t.severity === s));
  const windowProblem = problemAt(problems, 'condition.windowSeconds');
  const listProblem = problemsOnList(problems);
  return (
    <EditorSection title="Condition">
      <div className="filter-row">
        <Field id={`${id}-comparison`} label="The value">
          <select id={`${id}-comparison`} value={form.comparison} onChange={(e) => set({ comparison: e.target.value as RuleForm['comparison'] })}>
            {alertComparisons.map((c) => (
              <option key={c} value={c}>
                {COMPARISON_LABELS[c]} ({COMPARISON_SYMBOLS[c]})
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-match`} label="Over the window">
          <select id={`${id}-match`} value={form.match} onChange={(e) => set({ match: e.target.value as RuleForm['match'] })}>
            {alertMatchTypes.map((m) => (
              <option key={m} value={m}>
                {MATCH_WORDS[m]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-window`} label="Window" problem={windowProblem} className="field-narrow">
          <input
            id={`${id}-window`}
            value={form.window}
            placeholder="5m"
            spellCheck={false}
            {...invalidProps(`${id}-window`, windowProblem)}
            onChange={(e) => set({ window: e.target.value })}
          />
        </Field>
      </div>
      <table className="alert-thresholds" aria-label="Thresholds">
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Threshold</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {form.thresholds.map((row, i) => {
            const problem = problemAt(problems, `condition.thresholds.${i}`);
            const inputId = `${id}-threshold-${i}`;
            return (
              <tr key={i}>
                <td>
                  <select
                    aria-label={`Severity of threshold ${i + 1}`}
                    className={`alert-severity-select alert-severity-text-${row.severity}`}
                    value={row.severity}
                    onChange={(e) => setThreshold(i, { severity: e.target.value as AlertSeverity })}
                  >
                    {alertSeverities.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    id={inputId}
                    aria-label={`${row.severity} threshold`}
                    value={row.value}
                    inputMode="decimal"
                    placeholder="value"
                    {...invalidProps(inputId, problem)}
                    onChange={(e) => setThreshold(i, { value: e.target.value })}
                  />
                  {problem !== undefined && (
                    <span id={`${inputId}-problem`} className="field-problem">
                      {' '}
                      {problem}
                    </span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Remove the ${row.severity} threshold`}
                    disabled={form.thresholds.length <= 1}
                    onClick={() => update((f) => ({ ...f, thresholds: f.thresholds.filter((_, j) => j !== i) }))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="alert-row-end">
        <button
          type="button"
          className="btn btn-small"
          disabled={unused.length === 0}
          onClick={() => update((f) => ({ ...f, thresholds: [...f.thresholds, { severity: unused[0] ?? 'info', value: '' }] }))}
        >
          Add threshold
        </button>
        <span className="muted small">The most severe threshold breached sets the alert’s severity.</span>
      </div>
      {listProblem !== undefined && <span className="field-problem">{listProblem}</span>}
    </EditorSection>
  );
}

/** Problems about the threshold list itself (not one row's value). */
function problemsOnList(problems: EditorPartProps['problems']): string | undefined {
  const found = problems.filter((p) => p.path === 'condition.thresholds' || p.path === 'condition');
  return found.length === 0 ? undefined : found.map((p) => p.message).join('; ');
}

/** How often and how long: the `for` duration, the interval, and alerts on missing data. */
export function EvaluationFields({ form, update, problems, id }: EditorPartProps) {
  const set = (patch: Partial<RuleForm>): void => update((f) => ({ ...f, ...patch }));
  const forProblem = problemAt(problems, 'forSeconds');
  const intervalProblem = problemAt(problems, 'intervalSeconds');
  const afterProblem = problemAt(problems, 'noData.afterSeconds');
  return (
    <EditorSection title="Evaluation">
      <div className="filter-row">
        <Field id={`${id}-interval`} label="Evaluate every" problem={intervalProblem} className="field-narrow">
          <input
            id={`${id}-interval`}
            value={form.interval}
            placeholder="1m"
            spellCheck={false}
            {...invalidProps(`${id}-interval`, intervalProblem)}
            onChange={(e) => set({ interval: e.target.value })}
          />
        </Field>
        <Field id={`${id}-for`} label="Pending for" problem={forProblem} className="field-narrow" hint="before it fires">
          <input
            id={`${id}-for`}
            value={form.forText}
            placeholder="0s"
            spellCheck={false}
            {...invalidProps(`${id}-for`, forProblem)}
            onChange={(e) => set({ forText: e.target.value })}
          />
        </Field>
      </div>
      <div className="filter-row">
        <label className="check alert-check-field">
          <input type="checkbox" checked={form.noDataEnabled} onChange={(e) => set({ noDataEnabled: e.target.checked })} />
          Alert when there is no data
        </label>
        {form.noDataEnabled && (
          <>
            <Field id={`${id}-nodata-after`} label="for" problem={afterProblem} className="field-narrow">
              <input
                id={`${id}-nodata-after`}
                value={form.noDataAfter}
                placeholder="10m"
                {...invalidProps(`${id}-nodata-after`, afterProblem)}
                onChange={(e) => set({ noDataAfter: e.target.value })}
              />
            </Field>
            <Field id={`${id}-nodata-severity`} label="as" className="field-narrow">
              <select id={`${id}-nodata-severity`} value={form.noDataSeverity} onChange={(e) => set({ noDataSeverity: e.target.value as AlertSeverity })}>
                {alertSeverities.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
      </div>
    </EditorSection>
  );
}
