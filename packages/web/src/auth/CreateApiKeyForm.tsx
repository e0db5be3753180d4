import { TextField } from '../alerts/FormField.tsx';
import { useId, useState, type FormEvent } from 'react';
import type { ApiKeyCreated, Role } from '@sightline/contract';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { createApiKey } from './auth-api.ts';
import { KEY_EXPIRY_CHOICES, parseApiKeyForm, type ApiKeyFormField, type ApiKeyFormInput, type KeyExpiry } from './auth-forms.ts';
import { ROLE_HINTS, ROLE_LABELS, ROLE_ORDER } from './roles.ts';

const EMPTY: ApiKeyFormInput = { name: '', role: 'viewer', expiry: '90', services: '', environments: '' };

/** A new API key: name, role, expiry, optional scope. The answer carries the token, shown once by the page. */
export function CreateApiKeyForm({ onCreated }: { readonly onCreated: (created: ApiKeyCreated) => void }) {
  const id = useId();
  const [input, setInput] = useState<ApiKeyFormInput>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<ApiKeyFormField, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = parseApiKeyForm(input, Date.now());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems({});
    setError(undefined);
    setSaving(true);
    createApiKey(parsed.body).then(
      (created) => {
        setSaving(false);
        setInput(EMPTY);
        onCreated(created);
      },
      (failure: unknown) => {
        setSaving(false);
        setError(failure);
      },
    );
  };

  const text = (name: 'name' | 'services' | 'environments', label: string, placeholder: string, wide = false) => (
    <TextField
      id={`${id}-${name}`}
      label={label}
      problem={problems[name]}
      {...(wide ? { className: 'field-wide' } : {})}
      name={name}
      value={input[name]}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      onChange={(value) => setInput({ ...input, [name]: value })}
    />
  );

  return (
    <form className="panel auth-admin-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <div className="panel-header">
        <h2 id={`${id}-title`}>Create an API key</h2>
        <span className="muted small">For scripts and tools reading the API. Leave the scope empty for all services and environments.</span>
      </div>
      <div className="filter-row">
        {text('name', 'Name', 'grafana-reader')}
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
        <div className="field field-narrow">
          <label htmlFor={`${id}-expiry`}>Expires</label>
          <select id={`${id}-expiry`} name="expiry" value={input.expiry} onChange={(event) => setInput({ ...input, expiry: event.target.value as KeyExpiry })}>
            {KEY_EXPIRY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="filter-row">
        {text('services', 'Services (optional)', 'checkout, cart', true)}
        {text('environments', 'Environments (optional)', 'production', true)}
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create key'}
        </button>
      </div>
      <p className="muted small role-hint">
        {ROLE_LABELS[input.role]}: {ROLE_HINTS[input.role]}.
      </p>
      {error !== undefined && <ErrorNotice error={error} title="Could not create the key" />}
    </form>
  );
}
