import { useEffect, useId, useState, type FormEvent } from 'react';
import { listOperations, listServices } from '../api/catalog-api.ts';
import { NamePicker } from '../components/NamePicker.tsx';
import { SPAN_KIND_NAMES, type SpanKindName } from '../format/span-kind.ts';
import { AttributeFilterEditor } from '../filters/AttributeFilterEditor.tsx';
import { catalogRangeOf } from '../filters/catalog-range.ts';
import { useApi } from '../hooks/use-api.ts';
import { TRACE_STATUSES, traceFilterProblems, type TraceFilters } from './trace-filters.ts';

export interface TraceFilterBarProps {
  readonly filters: TraceFilters;
  readonly range: { readonly startMs: number; readonly endMs: number };
  readonly onChange: (filters: TraceFilters) => void;
}

/** Service, operation, duration, status, kind and attribute filters; choices apply at once, typed values on Enter. */
export function TraceFilterBar({ filters, range, onChange }: TraceFilterBarProps) {
  const id = useId();
  const [minDuration, setMinDuration] = useState(filters.minDuration);
  const [maxDuration, setMaxDuration] = useState(filters.maxDuration);
  useEffect(() => setMinDuration(filters.minDuration), [filters.minDuration]);
  useEffect(() => setMaxDuration(filters.maxDuration), [filters.maxDuration]);

  const catalogRange = catalogRangeOf(range);
  const rangeKey = catalogRange.key;
  const services = useApi(`services|traces|${rangeKey}`, (signal) => listServices('traces', catalogRange, signal));
  const operations = useApi(filters.service === '' ? null : `operations|${filters.service}|${rangeKey}`, (signal) =>
    listOperations(filters.service, catalogRange, signal),
  );

  const problems = traceFilterProblems({ ...filters, minDuration, maxDuration });
  const applyTyped = (event?: FormEvent): void => {
    event?.preventDefault();
    if (minDuration !== filters.minDuration || maxDuration !== filters.maxDuration) onChange({ ...filters, minDuration, maxDuration });
  };

  return (
    <section className="filter-bar" aria-label="Trace filters">
      <form className="filter-row" onSubmit={applyTyped}>
        <div className="field">
          <label htmlFor={`${id}-service`}>Service</label>
          <NamePicker
            id={`${id}-service`}
            value={filters.service}
            names={services}
            anyLabel="All services"
            onChange={(service) => onChange({ ...filters, service, operation: '' })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-operation`}>Operation</label>
          <NamePicker
            id={`${id}-operation`}
            value={filters.operation}
            names={operations}
            anyLabel={filters.service === '' ? 'Pick a service first' : 'All operations'}
            onChange={(operation) => onChange({ ...filters, operation })}
            disabled={filters.service === '' && filters.operation === ''}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-min`}>Min duration</label>
          <input
            id={`${id}-min`}
            value={minDuration}
            placeholder="e.g. 250ms"
            onChange={(e) => setMinDuration(e.target.value)}
            onBlur={() => applyTyped()}
            aria-invalid={problems.minDuration !== undefined}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-max`}>Max duration</label>
          <input
            id={`${id}-max`}
            value={maxDuration}
            placeholder="e.g. 2s"
            onChange={(e) => setMaxDuration(e.target.value)}
            onBlur={() => applyTyped()}
            aria-invalid={problems.maxDuration !== undefined}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filters.status}
            onChange={(e) => onChange({ ...filters, status: TRACE_STATUSES.find((s) => s === e.target.value) ?? '' })}
          >
            <option value="">Any</option>
            <option value="error">Error</option>
            <option value="ok">OK</option>
            <option value="unset">Unset</option>
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-kind`}>Span kind</label>
          <select
            id={`${id}-kind`}
            value={filters.kind}
            onChange={(e) => onChange({ ...filters, kind: SPAN_KIND_NAMES.find((k): k is SpanKindName => k === e.target.value) ?? '' })}
          >
            <option value="">Any</option>
            {SPAN_KIND_NAMES.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="visually-hidden">
          Apply
        </button>
      </form>
      {(problems.minDuration ?? problems.maxDuration) !== undefined && (
        <div className="field-problem" role="alert">
          {problems.minDuration ?? problems.maxDuration}
        </div>
      )}
      <AttributeFilterEditor
        signal="traces"
        itemLabel="span"
        range={range}
        attributes={filters.attributes}
        resourceAttributes={filters.resourceAttributes}
        onChange={(attributes, resourceAttributes) => onChange({ ...filters, attributes, resourceAttributes })}
      />
    </section>
  );
}
