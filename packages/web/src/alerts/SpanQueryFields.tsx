import { apmAlertMeasures } from '@sightline/contract';
import { listOperations, listServices } from '../api/catalog-api.ts';
import { useTimeRange } from '../app/time-range-context.tsx';
import { NamePicker } from '../components/NamePicker.tsx';
import { useApi } from '../hooks/use-api.ts';
import { problemAt, type EditorPartProps } from './EditorField.tsx';
import { FormField, TextField } from './FormField.tsx';
import type { ApmForm, ExceptionsForm } from './rule-form.ts';

export const MEASURE_LABELS: Readonly<Record<ApmForm['measure'], string>> = {
  request_rate: 'Request rate (per second)',
  span_count: 'Span count',
  error_count: 'Error count',
  error_rate: 'Error rate (%)',
  latency_avg: 'Latency, average (ms)',
  latency_p50: 'Latency, p50 (ms)',
  latency_p95: 'Latency, p95 (ms)',
  latency_p99: 'Latency, p99 (ms)',
};

function GroupChecks<G extends string>({
  options,
  selected,
  onChange,
}: {
  readonly options: readonly (readonly [G, string])[];
  readonly selected: readonly G[];
  readonly onChange: (groupBy: G[]) => void;
}) {
  return (
    <fieldset className="alert-checks">
      <legend>Group by (one alert per group)</legend>
      {options.map(([value, label]) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(e) => onChange(e.target.checked ? [...selected, value] : selected.filter((g) => g !== value))}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

function useSpanServices() {
  const { resolved } = useTimeRange();
  return useApi(`alert-span-services|${resolved.startMs}|${resolved.endMs}`, (signal) => listServices('traces', resolved, signal));
}

/** An APM query: a measure of one service (or each), optionally one operation and environment. */
export function ApmQueryFields({ form, update, problems, id }: EditorPartProps) {
  const { resolved } = useTimeRange();
  const apm = form.apm;
  const set = (patch: Partial<ApmForm>): void => update((f) => ({ ...f, apm: { ...f.apm, ...patch } }));
  const services = useSpanServices();
  const service = apm.service.trim();
  const operations = useApi(service === '' ? null : `alert-operations|${service}|${resolved.startMs}|${resolved.endMs}`, (signal) =>
    listOperations(service, resolved, signal),
  );
  return (
    <>
      <div className="filter-row">
        <FormField id={`${id}-measure`} label="Measure">
          <select id={`${id}-measure`} value={apm.measure} onChange={(e) => set({ measure: e.target.value as ApmForm['measure'] })}>
            {apmAlertMeasures.map((m) => (
              <option key={m} value={m}>
                {MEASURE_LABELS[m]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${id}-service`} label="Service" problem={problemAt(problems, 'query.service')}>
          <NamePicker
            id={`${id}-service`}
            value={apm.service}
            names={services}
            anyLabel="every service"
            onChange={(value) => set({ service: value, operation: '' })}
          />
        </FormField>
        <FormField id={`${id}-operation`} label="Operation" problem={problemAt(problems, 'query.operation')}>
          <NamePicker
            id={`${id}-operation`}
            value={apm.operation}
            names={operations}
            anyLabel={service === '' ? 'pick a service first' : 'all operations'}
            disabled={service === ''}
            onChange={(operation) => set({ operation })}
          />
        </FormField>
        <TextField
          id={`${id}-environment`}
          label="Environment"
          problem={problemAt(problems, 'query.environment')}
          className="field-narrow"
          value={apm.environment}
          placeholder="all"
          onChange={(environment) => set({ environment })}
        />
      </div>
      <GroupChecks
        options={[
          ['service', 'service'],
          ['operation', 'operation'],
        ]}
        selected={apm.groupBy}
        onChange={(groupBy) => set({ groupBy })}
      />
    </>
  );
}

/** An exceptions query: exceptions recorded on spans of a service (or each), of one type or all. */
export function ExceptionsQueryFields({ form, update, problems, id }: EditorPartProps) {
  const exceptions = form.exceptions;
  const set = (patch: Partial<ExceptionsForm>): void => update((f) => ({ ...f, exceptions: { ...f.exceptions, ...patch } }));
  const services = useSpanServices();
  return (
    <>
      <div className="filter-row">
        <FormField id={`${id}-service`} label="Service" problem={problemAt(problems, 'query.service')}>
          <NamePicker id={`${id}-service`} value={exceptions.service} names={services} anyLabel="every service" onChange={(service) => set({ service })} />
        </FormField>
        <TextField
          id={`${id}-type`}
          label="Exception type"
          problem={problemAt(problems, 'query.exceptionType')}
          className="field-wide"
          value={exceptions.exceptionType}
          placeholder="all types, or e.g. java.net.SocketTimeoutException"
          spellCheck={false}
          onChange={(exceptionType) => set({ exceptionType })}
        />
      </div>
      <GroupChecks
        options={[
          ['service', 'service'],
          ['exception_type', 'exception type'],
        ]}
        selected={exceptions.groupBy}
        onChange={(groupBy) => set({ groupBy })}
      />
    </>
  );
}
