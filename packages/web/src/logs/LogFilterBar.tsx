import { useEffect, useId, useState, type FormEvent } from 'react';
import { listServices } from '../api/catalog-api.ts';
import { NamePicker } from '../components/NamePicker.tsx';
import { AttributeFilterEditor } from '../filters/AttributeFilterEditor.tsx';
import { catalogRangeOf } from '../filters/catalog-range.ts';
import { useApi } from '../hooks/use-api.ts';
import { logFilterProblems, type LogFilters } from './log-filters.ts';
import { parseSeverityName, SEVERITY_LEVELS } from './severity.ts';

export interface LogFilterBarProps {
  readonly filters: LogFilters;
  readonly range: { readonly startMs: number; readonly endMs: number };
  readonly onChange: (filters: LogFilters) => void;
}

/** Service, minimum severity, body text, trace id and attribute filters; typed values apply on Enter. */
export function LogFilterBar({ filters, range, onChange }: LogFilterBarProps) {
  const id = useId();
  const [body, setBody] = useState(filters.body);
  const [traceId, setTraceId] = useState(filters.traceId);
  useEffect(() => setBody(filters.body), [filters.body]);
  useEffect(() => setTraceId(filters.traceId), [filters.traceId]);

  const catalogRange = catalogRangeOf(range);
  const services = useApi(`services|logs|${catalogRange.key}`, (signal) => listServices('logs', catalogRange, signal));
  const problems = logFilterProblems({ ...filters, traceId });

  const applyTyped = (event?: FormEvent): void => {
    event?.preventDefault();
    if (body !== filters.body || traceId !== filters.traceId) onChange({ ...filters, body, traceId: traceId.trim() });
  };

  return (
    <section className="filter-bar" aria-label="Log filters">
      <form className="filter-row" onSubmit={applyTyped}>
        <div className="field field-wide">
          <label htmlFor={`${id}-body`}>Message contains</label>
          <input
            id={`${id}-body`}
            type="search"
            value={body}
            placeholder="text in the log body — Enter to search"
            onChange={(e) => setBody(e.target.value)}
            onBlur={() => applyTyped()}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-service`}>Service</label>
          <NamePicker
            id={`${id}-service`}
            value={filters.service}
            names={services}
            anyLabel="All services"
            onChange={(service) => onChange({ ...filters, service })}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-severity`}>Severity at least</label>
          <select id={`${id}-severity`} value={filters.severity} onChange={(e) => onChange({ ...filters, severity: parseSeverityName(e.target.value) })}>
            <option value="">Any</option>
            {SEVERITY_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-trace`}>Trace id</label>
          <input
            id={`${id}-trace`}
            className="mono"
            value={traceId}
            placeholder="32 hex digits"
            spellCheck={false}
            onChange={(e) => setTraceId(e.target.value)}
            onBlur={() => applyTyped()}
            aria-invalid={problems.traceId !== undefined}
          />
        </div>
        <button type="submit" className="visually-hidden">
          Apply
        </button>
      </form>
      {(problems.traceId ?? problems.spanId) !== undefined && (
        <div className="field-problem" role="alert">
          {problems.traceId ?? problems.spanId}
        </div>
      )}
      {filters.spanId !== '' && (
        <ul className="chips" aria-label="Span filter">
          <li className="chip">
            <span className="chip-text mono">span {filters.spanId}</span>
            <button type="button" className="chip-remove" aria-label="Remove the span filter" onClick={() => onChange({ ...filters, spanId: '' })}>
              ×
            </button>
          </li>
        </ul>
      )}
      <AttributeFilterEditor
        signal="logs"
        itemLabel="log"
        range={range}
        attributes={filters.attributes}
        resourceAttributes={filters.resourceAttributes}
        onChange={(attributes, resourceAttributes) => onChange({ ...filters, attributes, resourceAttributes })}
      />
    </section>
  );
}
