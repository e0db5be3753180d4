import type { InputHTMLAttributes, ReactNode } from 'react';

/** What a field's control needs to be labelled and to announce its problem and hint. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

export interface FieldFrameProps {
  readonly id: string;
  readonly label: string;
  readonly problem?: string | undefined;
  readonly hint?: ReactNode;
  /** Classes beside `field` (`field-wide`, `field-narrow`). */
  readonly className?: string;
}

/**
 * A labelled form field with its hint and problem (if any) under the control. `children` renders the
 * control, given the props that tie it to the label, hint and problem; or is the control itself.
 */
export function FormField({
  id,
  label,
  problem,
  hint,
  className,
  children,
}: FieldFrameProps & { readonly children: ReactNode | ((control: FieldControlProps) => ReactNode) }) {
  const described = [problem === undefined ? undefined : `${id}-problem`, hint === undefined ? undefined : `${id}-hint`].filter((x) => x !== undefined);
  const control: FieldControlProps = {
    id,
    'aria-invalid': problem === undefined ? undefined : true,
    'aria-describedby': described.length === 0 ? undefined : described.join(' '),
  };
  return (
    <div className={className === undefined ? 'field' : `field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {typeof children === 'function' ? children(control) : children}
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <ProblemText id={id} problem={problem} />
    </div>
  );
}

/** A control's problem under it, as `${id}-problem` for the control's `aria-describedby`; nothing without one. */
export function ProblemText({ id, problem }: { readonly id: string; readonly problem: string | undefined }) {
  if (problem === undefined) return null;
  return (
    <span id={`${id}-problem`} className="field-problem">
      {problem}
    </span>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className' | 'children' | 'aria-invalid' | 'aria-describedby'>;

/** A form field whose control is one text-like input; the other props go to the input. */
export function TextField({
  id,
  label,
  problem,
  hint,
  className,
  inputClassName,
  value,
  onChange,
  ...input
}: FieldFrameProps &
  InputProps & {
    readonly inputClassName?: string;
    readonly value: string;
    readonly onChange: (value: string) => void;
  }) {
  return (
    <FormField id={id} label={label} problem={problem} hint={hint} className={className}>
      {(control) => <input {...control} {...input} className={inputClassName} value={value} onChange={(event) => onChange(event.target.value)} />}
    </FormField>
  );
}
