import type { InputHTMLAttributes } from 'react';

/** A labelled input with its problem below it, for the access-control forms. */
export function AuthField({
  id,
  label,
  problem,
  hint,
  ...input
}: { readonly id: string; readonly label: string; readonly problem: string | undefined; readonly hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const described = [hint === undefined ? undefined : `${id}-hint`, problem === undefined ? undefined : `${id}-problem`]
    .filter((x) => x !== undefined)
    .join(' ');
  return (
    <div className="auth-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={problem === undefined ? undefined : true} aria-describedby={described === '' ? undefined : described} {...input} />
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
