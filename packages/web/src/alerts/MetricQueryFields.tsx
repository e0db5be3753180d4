import type { MetricInfo } from '@sightline/contract';
import { useTimeRange } from '../app/time-range-context.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { listMetrics, metricLabelKeys } from './alerts-api.ts';
import { GroupByField, problemAt, type EditorPartProps } from './EditorField.tsx';
import { FormField, TextField } from './FormField.tsx';
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
  const showQuantile = metric.quantile !== '' || (info !== undefined && DISTRIBUTIONS.has(info.type));

  return (
    <>
      <div className="filter-row">
        <FormField
          id={`${id}-metric`}
          label="Metric"
          problem={problemAt(problems, 'query.metric')}
          hint={metricHint(info, metrics.data !== undefined && metric.metric.trim() !== '')}
          className="field-wide"
        >
          {(control) => (
            <>
              <input
                {...control}
                list={`${id}-metric-names`}
                value={metric.metric}
                placeholder="e.g. http.server.request.duration"
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set({ metric: e.target.value })}
              />
              <datalist id={`${id}-metric-names`}>
                {(metrics.data ?? []).map((m) => (
                  <option key={m.name} value={m.name}>
                    {m.type}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </FormField>
        <FormField id={`${id}-aggregation`} label="Aggregation" className="field-narrow">
          <select id={`${id}-aggregation`} value={metric.aggregation} onChange={(e) => set({ aggregation: e.target.value as MetricForm['aggregation'] })}>
            {AGGREGATIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${id}-function`} label="Function" className="field-narrow">
          <select id={`${id}-function`} value={metric.fn} onChange={(e) => set({ fn: e.target.value as MetricForm['fn'] })}>
            <option value="">value</option>
            <option value="rate">rate (/s)</option>
            <option value="increase">increase</option>
          </select>
        </FormField>
        {showQuantile && (
          <TextField
            id={`${id}-quantile`}
            label="Quantile"
            problem={problemAt(problems, 'query.quantile')}
            className="field-narrow"
            value={metric.quantile}
            placeholder="0.95"
            inputMode="decimal"
            onChange={(quantile) => set({ quantile })}
          />
        )}
      </div>
      <div className="field field-full">
        <label htmlFor={`${id}-filters`}>Label filters</label>
        <LabelFilterChips id={`${id}-filters`} filters={metric.filters} labelKeys={labelKeys} onChange={(filters) => set({ filters })} />
        {problemAt(problems, 'query.filters') !== undefined && <span className="field-problem">{problemAt(problems, 'query.filters')}</span>}
      </div>
      <GroupByField
        id={id}
        problems={problems}
        value={metric.groupBy}
        placeholder="label names, comma-separated"
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
        onChange={(groupBy) => set({ groupBy })}
      />
    </>
  );
}
