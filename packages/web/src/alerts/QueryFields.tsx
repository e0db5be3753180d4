import { EditorSection, type EditorPartProps } from './EditorField.tsx';
import { LogsQueryFields } from './LogsQueryFields.tsx';
import { MetricQueryFields } from './MetricQueryFields.tsx';
import { QUERY_KINDS, type QueryKind } from './rule-form.ts';
import { ApmQueryFields, ExceptionsQueryFields } from './SpanQueryFields.tsx';

const KIND_LABELS: Readonly<Record<QueryKind, string>> = {
  metric: 'Metric',
  logs: 'Logs',
  apm: 'APM (spans)',
  exceptions: 'Exceptions',
};

/** What the rule watches: the query kind, then that kind's fields. */
export function QueryFields(props: EditorPartProps) {
  const { form, update, id } = props;
  return (
    <EditorSection title="Query">
      <div className="alert-kinds" role="radiogroup" aria-label="Query kind">
        {QUERY_KINDS.map((kind) => (
          <label key={kind} className={`alert-kind${form.kind === kind ? ' is-selected' : ''}`}>
            <input type="radio" name={`${id}-kind`} value={kind} checked={form.kind === kind} onChange={() => update((f) => ({ ...f, kind }))} />
            {KIND_LABELS[kind]}
          </label>
        ))}
      </div>
      {form.kind === 'metric' && <MetricQueryFields {...props} id={`${id}-m`} />}
      {form.kind === 'logs' && <LogsQueryFields {...props} id={`${id}-l`} />}
      {form.kind === 'apm' && <ApmQueryFields {...props} id={`${id}-a`} />}
      {form.kind === 'exceptions' && <ExceptionsQueryFields {...props} id={`${id}-e`} />}
    </EditorSection>
  );
}
