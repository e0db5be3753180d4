import type { ReactNode } from 'react';

/** The inline second step of a delete: the question, a button that deletes and one that keeps it; by default as in a list's row. */
export function ConfirmDelete({
  className = 'alert-row-confirm',
  question,
  confirmLabel,
  deleting,
  disabled,
  small = true,
  onConfirm,
  onKeep,
}: {
  readonly className?: string;
  readonly question: ReactNode;
  readonly confirmLabel: string;
  /** The delete is under way: its button says so. */
  readonly deleting: boolean;
  readonly disabled: boolean;
  readonly small?: boolean;
  readonly onConfirm: () => void;
  readonly onKeep: () => void;
}) {
  const button = small ? 'btn btn-small' : 'btn';
  return (
    <span className={className} role="group" aria-label="Confirm delete">
      <span>{question}</span>
      <button type="button" className={`${button} btn-live`} onClick={onConfirm} disabled={disabled}>
        {deleting ? 'Deleting…' : confirmLabel}
      </button>
      <button type="button" className={button} onClick={onKeep} disabled={disabled}>
        Keep it
      </button>
    </span>
  );
}
