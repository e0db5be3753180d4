import { TextField } from '../alerts/FormField.tsx';
import { useId, useState, type FormEvent } from 'react';
import type { Role, User } from '@sightline/contract';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { createUser } from './auth-api.ts';
import { parseUserForm, PASSWORD_HINT, type UserFormField, type UserFormInput } from './auth-forms.ts';
import { ROLE_HINTS, ROLE_LABELS, ROLE_ORDER } from './roles.ts';

const EMPTY: UserFormInput = { username: '', displayName: '', role: 'viewer', password: '', confirm: '', services: '', environments: '' };

/** A new local user: username, name, role, first password and an optional scope. */
export function CreateUserForm({ onCreated }: { readonly onCreated: (user: User) => void }) {
  const id = useId();
  const [input, setInput] = useState<UserFormInput>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<UserFormField, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = parseUserForm(input);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems({});
    setError(undefined);
    setSaving(true);
    createUser(parsed.body).then(
      (user) => {
        setSaving(false);
        setInput(EMPTY);
        onCreated(user);
      },
      (failure: unknown) => {
        setSaving(false);
        setError(failure);
      },
    );
  };

  const field = (name: Exclude<UserFormField, 'role'>, label: string, extra: { type?: string; placeholder?: string; wide?: boolean } = {}) => (
    <TextField
      id={`${id}-${name}`}
      label={label}
      problem={problems[name]}
      {...(extra.wide === true ? { className: 'field-wide' } : {})}
      name={name}
      type={extra.type ?? 'text'}
      value={input[name]}
      placeholder={extra.placeholder}
      autoComplete={extra.type === 'password' ? 'new-password' : 'off'}
      spellCheck={false}
      onChange={(value) => setInput({ ...input, [name]: value })}
    />
  );

  return (
    <form className="panel auth-admin-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <div className="panel-header">
        <h2 id={`${id}-title`}>Add a user</h2>
        <span className="muted small">{PASSWORD_HINT} Leave the scope empty for all services and environments.</span>
      </div>
      <div className="filter-row">
        {field('username', 'Username', { placeholder: 'jane' })}
        {field('displayName', 'Name (optional)', { placeholder: 'Jane Doe' })}
        <div className="field field-narrow">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} name="role" value={input.role} onChange={(event) => setInput({ ...input, role: event.target.value as Role })}>
            {ROLE_ORDER.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        {field('password', 'Password', { type: 'password' })}
        {field('confirm', 'Confirm password', { type: 'password' })}
      </div>
      <div className="filter-row">
        {field('services', 'Services (optional)', { placeholder: 'checkout, cart', wide: true })}
        {field('environments', 'Environments (optional)', { placeholder: 'production', wide: true })}
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add user'}
        </button>
      </div>
      <p className="muted small role-hint">
        {ROLE_LABELS[input.role]}: {ROLE_HINTS[input.role]}.
      </p>
      {error !== undefined && <ErrorNotice error={error} title="Could not add the user" />}
    </form>
  );
}
