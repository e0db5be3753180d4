import type { MetricInfo } from '@sightline/contract';
import { useTimeRange } from '../app/time-range-context.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { listMetrics, metricLabelKeys } from './alerts-api.ts';
import { Field, invalidProps, problemAt, type EditorPartProps } from './EditorField.tsx';
import { LabelFilterChips } from './LabelFilterChips.tsx';
import { parseNameList } from './label-filter-text.ts';
import type { MetricForm } from './rule-form.ts';

const AGGREGATIONS: readonly MetricForm['aggregation'][] = ['sum', 'avg', 'min', 'max', 'count'];
const DISTRIBUTIONS: ReadonlySet<MetricInfo['type']> = new Set(['histogram', 'exponential_histogram', 'summary']);

function metricHint(info: MetricInfo | undefined, known: boolean): string | undefined {
  if (info === undefined) return known ? 'No data for this metric in the selected range.' : undefined;
  const counter = info.type === 'sum' && info.monotonic;
  const parts = [
    counter ? 'counter' : info.type.replace(/_/g, ' '),
    info.unit === '' ? undefined : `unit ${info.unit}`,
    counter ? 'use rate or increase' : undefined,
  ];
  return `${parts.filter((p) => p !== undefined).join(' · ')}${info.description === '' ? '' : ` — ${info.description}`}`;
}

/** A metric query: the metric (suggested from those with data), label filters, grouping, aggregation and function. */
export function MetricQueryFields({ form, update, problems, id }: EditorPartProps) {
  const { resolved } = useTimeRange();
  const metric = form.metric;
  const set = (patch: Partial<MetricForm>): void => update((f) => ({ ...f, metric: { ...f.metric, ...patch } }));
  const metrics = useApi(`alert-metrics|${resolved.startMs}|${resolved.endMs}`, (signal) => listMetrics(resolved, signal));
  const name = useDebounced(metric.metric.trim(), 400);
  const keys = useApi(name === '' ? null : `alert-metric-labels|${name}|${resolved.startMs}|${resolved.endMs}`, (signal) =>
    metricLabelKeys(name, resolved, signal),
  );
  const labelKeys = keys.data ?? [];
  const info = metrics.data?.find((m) => m.name === metric.metric.trim());
  const grouped = parseNameList(metric.groupBy);
  const metricProblem = problemAt(problems, 'query.metric');
  const groupProblem = problemAt(problems, 'query.groupBy');
  const quantileProblem = problemAt(problems, 'query.quantile');
  const showQuantile = metric.quantile !== '' || (info !== undefined && DISTRIBUTIONS.has(info.type));

  return (
    <>
      <div className="filter-row">
        <Field
          id={`${id}-metric`}
          label="Metric"
          problem={metricProblem}
          hint={metricHint(info, metrics.data !== undefined && metric.metric.trim() !== '')}
          className="field-wide"
        >
          <input
            id={`${id}-metric`}
            list={`${id}-metric-names`}
            value={metric.metric}
            placeholder="e.g. http.server.request.duration"
            autoComplete="off"
            spellCheck={false}
            {...invalidProps(`${id}-metric`, metricProblem)}
            onChange={(e) => set({ metric: e.target.value })}
          />
          <datalist id={`${id}-metric-names`}>
            {(metrics.data ?? []).map((m) => (
              <option key={m.name} value={m.name}>
                {m.type}
              </option>
            ))}
          </datalist>
        </Field>
        <Field id={`${id}-aggregation`} label="Aggregation" className="field-narrow">
          <select id={`${id}-aggregation`} value={metric.aggregation} onChange={(e) => set({ aggregation: e.target.value as MetricForm['aggregation'] })}>
            {AGGREGATIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-function`} label="Function" className="field-narrow">
          <select id={`${id}-function`} value={metric.fn} onChange={(e) => set({ fn: e.target.value as MetricForm['fn'] })}>
            <option value="">value</option>
            <option value="rate">rate (/s)</option>
            <option value="increase">increase</option>
          </select>
        </Field>
        {showQuantile && (
          <Field id={`${id}-quantile`} label="Quantile" problem={quantileProblem} className="field-narrow">
            <input
              id={`${id}-quantile`}
              value={metric.quantile}
              placeholder="0.95"
              inputMode="decimal"
              {...invalidProps(`${id}-quantile`, quantileProblem)}
              onChange={(e) => set({ quantile: e.target.value })}
            />
          </Field>
        )}
      </div>
      <div className="field field-full">
        <label htmlFor={`${id}-filters`}>Label filters</label>
        <LabelFilterChips id={`${id}-filters`} filters={metric.filters} labelKeys={labelKeys} onChange={(filters) => set({ filters })} />
        {problemAt(problems, 'query.filters') !== undefined && <span className="field-problem">{problemAt(problems, 'query.filters')}</span>}
      </div>
      <Field
        id={`${id}-group`}
        label="Group by (one alert per group)"
        problem={groupProblem}
        className="field-wide"
        hint={
          labelKeys.length === 0 ? undefined : (
            <>
              Labels:{' '}
              {labelKeys.map((key) => (
                <button
                  key={key}
                  type="button"
                  className="btn-link alert-label-pick"
                  disabled={grouped.includes(key)}
                  onClick={() => set({ groupBy: [...grouped, key].join(', ') })}
                >
                  {key}
                </button>
              ))}
            </>
          )
        }
      >
        <input
          id={`${id}-group`}
          value={metric.groupBy}
          placeholder="label names, comma-separated"
          spellCheck={false}
          {...invalidProps(`${id}-group`, groupProblem)}
          onChange={(e) => set({ groupBy: e.target.value })}
        />
      </Field>
    </>
  );
}
