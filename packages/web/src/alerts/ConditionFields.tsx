import { alertComparisons, alertMatchTypes, alertSeverities, type AlertSeverity } from '@sightline/contract';
import { MATCH_WORDS } from './alerts-view.ts';
import { EditorSection, invalidProps, problemAt, type EditorPartProps } from './EditorField.tsx';
import { EditorRowsTable } from './EditorRowsTable.tsx';
import { FormField, TextField } from './FormField.tsx';
import { COMPARISON_SYMBOLS } from './preview-chart.ts';
import type { RuleForm, ThresholdRow } from './rule-form.ts';

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
  const unused = alertSeverities.filter((s) => !form.thresholds.some((t) => t.severity === s));
  return (
    <EditorSection title="Condition">
      <div className="filter-row">
        <FormField id={`${id}-comparison`} label="The value">
          <select id={`${id}-comparison`} value={form.comparison} onChange={(e) => set({ comparison: e.target.value as RuleForm['comparison'] })}>
            {alertComparisons.map((c) => (
              <option key={c} value={c}>
                {COMPARISON_LABELS[c]} ({COMPARISON_SYMBOLS[c]})
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${id}-match`} label="Over the window">
          <select id={`${id}-match`} value={form.match} onChange={(e) => set({ match: e.target.value as RuleForm['match'] })}>
            {alertMatchTypes.map((m) => (
              <option key={m} value={m}>
                {MATCH_WORDS[m]}
              </option>
            ))}
          </select>
        </FormField>
        <TextField
          id={`${id}-window`}
          label="Window"
          problem={problemAt(problems, 'condition.windowSeconds')}
          className="field-narrow"
          value={form.window}
          placeholder="5m"
          spellCheck={false}
          onChange={(window) => set({ window })}
        />
      </div>
      <EditorRowsTable<ThresholdRow>
        className="alert-thresholds"
        label="Thresholds"
        columns={['Severity', 'Threshold']}
        rows={form.thresholds}
        cells={(row, i, setRow) => {
          const problem = problemAt(problems, `condition.thresholds.${i}`);
          const inputId = `${id}-threshold-${i}`;
          return (
            <>
              <td>
                <select
                  aria-label={`Severity of threshold ${i + 1}`}
                  className={`alert-severity-select alert-severity-text-${row.severity}`}
                  value={row.severity}
                  onChange={(e) => setRow({ severity: e.target.value as AlertSeverity })}
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
                  onChange={(e) => setRow({ value: e.target.value })}
                />
                {problem !== undefined && (
                  <span id={`${inputId}-problem`} className="field-problem">
                    {' '}
                    {problem}
                  </span>
                )}
              </td>
            </>
          );
        }}
        removeLabel={(row) => `Remove the ${row.severity} threshold`}
        canRemove={form.thresholds.length > 1}
        onChange={(thresholds) => set({ thresholds })}
        addLabel="Add threshold"
        newRow={unused.length === 0 ? undefined : { severity: unused[0] ?? 'info', value: '' }}
        note={<span className="muted small">The most severe threshold breached sets the alert’s severity.</span>}
        problem={problemsOnList(problems)}
      />
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
  return (
    <EditorSection title="Evaluation">
      <div className="filter-row">
        <TextField
          id={`${id}-interval`}
          label="Evaluate every"
          problem={problemAt(problems, 'intervalSeconds')}
          className="field-narrow"
          value={form.interval}
          placeholder="1m"
          spellCheck={false}
          onChange={(interval) => set({ interval })}
        />
        <TextField
          id={`${id}-for`}
          label="Pending for"
          problem={problemAt(problems, 'forSeconds')}
          className="field-narrow"
          hint="before it fires"
          value={form.forText}
          placeholder="0s"
          spellCheck={false}
          onChange={(forText) => set({ forText })}
        />
      </div>
      <div className="filter-row">
        <label className="check alert-check-field">
          <input type="checkbox" checked={form.noDataEnabled} onChange={(e) => set({ noDataEnabled: e.target.checked })} />
          Alert when there is no data
        </label>
        {form.noDataEnabled && (
          <>
            <TextField
              id={`${id}-nodata-after`}
              label="for"
              problem={problemAt(problems, 'noData.afterSeconds')}
              className="field-narrow"
              value={form.noDataAfter}
              placeholder="10m"
              onChange={(noDataAfter) => set({ noDataAfter })}
            />
            <FormField id={`${id}-nodata-severity`} label="as" className="field-narrow">
              <select id={`${id}-nodata-severity`} value={form.noDataSeverity} onChange={(e) => set({ noDataSeverity: e.target.value as AlertSeverity })}>
                {alertSeverities.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </FormField>
          </>
        )}
      </div>
    </EditorSection>
  );
}
