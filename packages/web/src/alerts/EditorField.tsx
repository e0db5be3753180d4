import type { ReactNode } from 'react';
import { problemsAt, type FieldProblem } from './form-problems.ts';
import { TextField } from './FormField.tsx';
import type { RuleForm } from './rule-form.ts';

/** What each part of the editor gets: the form, a change to it, and the problems by definition path. */
export interface EditorPartProps {
  readonly form: RuleForm;
  readonly update: (change: (form: RuleForm) => RuleForm) => void;
  readonly problems: readonly FieldProblem[];
  /** Unique id prefix for inputs and labels. */
  readonly id: string;
}

/** The problems at `path` as text, or undefined. */
export function problemAt(problems: readonly FieldProblem[], path: string): string | undefined {
  const found = problemsAt(problems, path);
  return found.length === 0 ? undefined : [...new Set(found.map((p) => p.message))].join('; ');
}

/** The accessibility attributes of an input with a problem (or none). */
export function invalidProps(id: string, problem: string | undefined): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return problem === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${id}-problem` };
}

/** What a query groups its alerts by, as text (one alert per group). */
export function GroupByField({
  id,
  problems,
  value,
  placeholder,
  hint,
  onChange,
}: Pick<EditorPartProps, 'id' | 'problems'> & {
  readonly value: string;
  readonly placeholder: string;
  readonly hint?: ReactNode;
  readonly onChange: (value: string) => void;
}) {
  return (
    <TextField
      id={`${id}-group`}
      label="Group by (one alert per group)"
      problem={problemAt(problems, 'query.groupBy')}
      className="field-wide"
      hint={hint}
      value={value}
      placeholder={placeholder}
      spellCheck={false}
      onChange={onChange}
    />
  );
}

/** A titled group of fields. */
export function EditorSection({ title, children, aside }: { readonly title: string; readonly children: ReactNode; readonly aside?: ReactNode }) {
  return (
    <fieldset className="alert-editor-section">
      <legend>{title}</legend>
      {aside !== undefined && <div className="alert-editor-aside">{aside}</div>}
      {children}
    </fieldset>
  );
}
