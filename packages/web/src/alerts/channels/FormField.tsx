import type { ReactNode } from 'react';

/** What a field's control needs to be labelled and to announce its problem. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

/** A labelled form field with its problem (if any) under the control; the control is rendered by `children`. */
export function FormField({
  id,
  label,
  problem,
  hint,
  className = 'field',
  children,
}: {
  readonly id: string;
  readonly label: string;
  readonly problem?: string | undefined;
  readonly hint?: string | undefined;
  readonly className?: string;
  readonly children: (control: FieldControlProps) => ReactNode;
}) {
  const described = [problem === undefined ? undefined : `${id}-problem`, hint === undefined ? undefined : `${id}-hint`].filter((x) => x !== undefined);
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problem === undefined ? undefined : true, 'aria-describedby': described.length === 0 ? undefined : described.join(' ') })}
      {hint !== undefined && (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      )}
      {problem !== undefined && (
        <span id={`${id}-problem`} className="field-problem">
          {problem}
        </span>
      )}
    </div>
  );
}
