import { Fragment } from 'react';
import { EditorSection, problemAt, type EditorPartProps } from './EditorField.tsx';
import { EditorRowsTable } from './EditorRowsTable.tsx';
import { FormField, TextField } from './FormField.tsx';
import type { LabelRow } from './rule-form.ts';

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
  const descriptionProblem = problemAt(problems, 'description');
  return (
    <EditorSection title="Labels and message">
      <EditorRowsTable<LabelRow>
        className="alert-labels"
        label="Labels"
        columns={['Label', 'Value']}
        rows={form.labels}
        cells={(row, i, setRow) => (
          <>
            <td>
              <input
                aria-label={`Label ${i + 1} name`}
                value={row.key}
                placeholder="team"
                spellCheck={false}
                onChange={(e) => setRow({ key: e.target.value })}
              />
            </td>
            <td>
              <input aria-label={`Label ${i + 1} value`} value={row.value} placeholder="payments" onChange={(e) => setRow({ value: e.target.value })} />
            </td>
          </>
        )}
        removeLabel={(row) => `Remove label ${row.key}`}
        onChange={(labels) => update((f) => ({ ...f, labels }))}
        addLabel="Add label"
        newRow={{ key: '', value: '' }}
        note={form.labels.length === 0 && <span className="muted small">Labels go with every alert of this rule (for routing and silences).</span>}
        problem={problemAt(problems, 'labels')}
      />
      <TextField
        id={`${id}-title`}
        label="Title"
        problem={problemAt(problems, 'title')}
        className="field-full"
        value={form.title}
        onChange={(title) => update((f) => ({ ...f, title }))}
      />
      <FormField id={`${id}-description`} label="Description" problem={descriptionProblem} className="field-full">
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={form.description}
            placeholder="What is wrong and what to do: {{labels.queue}} holds {{value}} messages."
            onChange={(e) => update((f) => ({ ...f, description: e.target.value }))}
          />
        )}
      </FormField>
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
