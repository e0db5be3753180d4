import { useTimeRange } from '../app/time-range-context.tsx';
import { listServices } from '../api/catalog-api.ts';
import { NamePicker } from '../components/NamePicker.tsx';
import { AttributeFilterEditor } from '../filters/AttributeFilterEditor.tsx';
import { useApi } from '../hooks/use-api.ts';
import { SEVERITY_LEVELS, severityMinNumber } from '../logs/severity.ts';
import { GroupByField, problemAt, type EditorPartProps } from './EditorField.tsx';
import { FormField, TextField } from './FormField.tsx';
import type { LogsForm } from './rule-form.ts';

/** A logs query: records of a service at or above a severity, containing text, with attribute conditions; counted per group. */
export function LogsQueryFields({ form, update, problems, id }: EditorPartProps) {
  const { resolved } = useTimeRange();
  const logs = form.logs;
  const set = (patch: Partial<LogsForm>): void => update((f) => ({ ...f, logs: { ...f.logs, ...patch } }));
  const services = useApi(`alert-log-services|${resolved.startMs}|${resolved.endMs}`, (signal) => listServices('logs', resolved, signal));
  const attributeProblem = problemAt(problems, 'query.attributes') ?? problemAt(problems, 'query.resourceAttributes');
  return (
    <>
      <div className="filter-row">
        <FormField id={`${id}-service`} label="Service" problem={problemAt(problems, 'query.service')}>
          <NamePicker id={`${id}-service`} value={logs.service} names={services} anyLabel="any service" onChange={(service) => set({ service })} />
        </FormField>
        <FormField id={`${id}-severity`} label="At least" className="field-narrow">
          <select
            id={`${id}-severity`}
            value={logs.severityMin === null ? '' : String(logs.severityMin)}
            onChange={(e) => set({ severityMin: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">any severity</option>
            {SEVERITY_LEVELS.map((level) => (
              <option key={level} value={severityMinNumber(level)}>
                {level.toUpperCase()}
              </option>
            ))}
          </select>
        </FormField>
        <TextField
          id={`${id}-body`}
          label="Body contains"
          problem={problemAt(problems, 'query.bodyContains')}
          className="field-wide"
          value={logs.bodyContains}
          placeholder="text, case-insensitive"
          onChange={(bodyContains) => set({ bodyContains })}
        />
      </div>
      <div className="field field-full">
        <span className="field-label">Attribute filters</span>
        <AttributeFilterEditor
          signal="logs"
          range={resolved}
          attributes={logs.attributes}
          resourceAttributes={logs.resourceAttributes}
          itemLabel="log"
          onChange={(attributes, resourceAttributes) => set({ attributes, resourceAttributes })}
        />
        {attributeProblem !== undefined && <span className="field-problem">{attributeProblem}</span>}
      </div>
      <GroupByField
        id={id}
        problems={problems}
        value={logs.groupBy}
        placeholder="e.g. service, resource.host.name"
        hint="service, severity, or attribute keys (resource. before a resource attribute’s key)"
        onChange={(groupBy) => set({ groupBy })}
      />
    </>
  );
}
