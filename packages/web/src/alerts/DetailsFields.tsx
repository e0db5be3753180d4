import { Fragment } from 'react';
import { EditorSection, Field, invalidProps, problemAt, type EditorPartProps } from './EditorField.tsx';

const PLACEHOLDERS: readonly (readonly [string, string])[] = [
  ['{{rule}}', 'the rule’s name'],
  ['{{severity}}', 'critical, warning or info'],
  ['{{state}}', 'firing or resolved'],
  ['{{value}}', 'the value that breached'],
  ['{{threshold}}', 'the threshold it crossed'],
  ['{{labels.<key>}}', 'a label of the alert, e.g. {{labels.service}}'],
  ['{{link}}', 'the query in Sightline'],
];

/** Labels added to every alert of the rule, and the notification's title and text. */
export function DetailsFields({ form, update, problems, id }: EditorPartProps) {
  const setRow = (index: number, patch: Partial<{ key: string; value: string }>): void =>
    update((f) => ({ ...f, labels: f.labels.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const labelsProblem = problemAt(problems, 'labels');
  const titleProblem = problemAt(problems, 'title');
  const descriptionProblem = problemAt(problems, 'description');
  return (
    <EditorSection title="Labels and message">
      <table className="alert-labels" aria-label="Labels">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {form.labels.map((row, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={`Label ${i + 1} name`}
                  value={row.key}
                  placeholder="team"
                  spellCheck={false}
                  onChange={(e) => setRow(i, { key: e.target.value })}
                />
              </td>
              <td>
                <input aria-label={`Label ${i + 1} value`} value={row.value} placeholder="payments" onChange={(e) => setRow(i, { value: e.target.value })} />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Remove label ${row.key}`}
                  onClick={() => update((f) => ({ ...f, labels: f.labels.filter((_, j) => j !== i) }))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="alert-row-end">
        <button type="button" className="btn btn-small" onClick={() => update((f) => ({ ...f, labels: [...f.labels, { key: '', value: '' }] }))}>
          Add label
        </button>
        {form.labels.length === 0 && <span className="muted small">Labels go with every alert of this rule (for routing and silences).</span>}
      </div>
      {labelsProblem !== undefined && <span className="field-problem">{labelsProblem}</span>}
      <Field id={`${id}-title`} label="Title" problem={titleProblem} className="field-full">
        <input
          id={`${id}-title`}
          value={form.title}
          {...invalidProps(`${id}-title`, titleProblem)}
          onChange={(e) => update((f) => ({ ...f, title: e.target.value }))}
        />
      </Field>
      <Field id={`${id}-description`} label="Description" problem={descriptionProblem} className="field-full">
        <textarea
          id={`${id}-description`}
          rows={3}
          value={form.description}
          placeholder="What is wrong and what to do: {{labels.queue}} holds {{value}} messages."
          {...invalidProps(`${id}-description`, descriptionProblem)}
          onChange={(e) => update((f) => ({ ...f, description: e.target.value }))}
        />
      </Field>
      <details className="alert-placeholders">
        <summary>Placeholders for the title and description</summary>
        <dl className="facts">
          {PLACEHOLDERS.map(([code, meaning]) => (
            <Fragment key={code}>
              <dt>
                <code>{code}</code>
              </dt>
              <dd>{meaning}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
    </EditorSection>
  );
}
