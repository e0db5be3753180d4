import { useId, useState, type FormEvent } from 'react';
import type { PasswordChange } from '@sightline/contract';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { parsePasswordChange, PASSWORD_HINT, type PasswordChangeField, type PasswordChangeInput } from './auth-forms.ts';
import { AuthField } from './AuthField.tsx';

/**
 * A new password with its confirmation; `requireOld` adds the current one (own change). `save` sends it;
 * `onDone` runs after it succeeded.
 */
export function PasswordForm({
  label,
  username,
  requireOld,
  save,
  onDone,
  onCancel,
}: {
  readonly label: string;
  readonly username: string;
  readonly requireOld: boolean;
  readonly save: (body: PasswordChange) => Promise<void>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) {
  const id = useId();
  const [input, setInput] = useState<PasswordChangeInput>({ oldPassword: '', newPassword: '', confirm: '' });
  const [problems, setProblems] = useState<Partial<Record<PasswordChangeField, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = parsePasswordChange(input, username, requireOld);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems({});
    setError(undefined);
    setSaving(true);
    save(parsed.body).then(
      () => {
        setSaving(false);
        onDone();
      },
      (failure: unknown) => {
        setSaving(false);
        setError(failure);
      },
    );
  };

  const field = (name: PasswordChangeField, text: string, hint?: string) => (
    <AuthField
      id={`${id}-${name}`}
      label={text}
      name={name}
      type="password"
      autoComplete={name === 'oldPassword' ? 'current-password' : 'new-password'}
      value={input[name]}
      problem={problems[name]}
      {...(hint === undefined ? {} : { hint })}
      onChange={(event) => setInput({ ...input, [name]: event.target.value })}
    />
  );

  return (
    <form className="auth-form password-form" aria-label={label} onSubmit={submit} noValidate>
      {requireOld && field('oldPassword', 'Current password')}
      {field('newPassword', 'New password', PASSWORD_HINT)}
      {field('confirm', 'Confirm new password')}
      {error !== undefined && <ErrorNotice error={error} title="Could not change the password" />}
      <div className="auth-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Change password'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
