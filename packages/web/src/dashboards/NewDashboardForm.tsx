import type { Dashboard } from '@sightline/contract';
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { starterDefinition } from './dashboard-json.ts';
import { createDashboard } from './dashboards-api.ts';

/** Asks for a title and creates a dashboard with one example panel, to be edited next. */
export function NewDashboardForm({ onCreated, onCancel }: { readonly onCreated: (created: Dashboard) => void; readonly onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const trimmed = title.trim();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (trimmed === '') return;
    setSaving(true);
    setError(undefined);
    createDashboard(starterDefinition(trimmed)).then(
      (created) => {
        setSaving(false);
        onCreated(created);
      },
      (e: unknown) => {
        setSaving(false);
        setError(e);
      },
    );
  };

  return (
    <form className="panel dash-new-form" aria-label="New dashboard" onSubmit={submit}>
      <label htmlFor="dash-new-title">Title</label>
      <input
        id="dash-new-title"
        value={title}
        maxLength={200}
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
        placeholder="e.g. Checkout database"
      />
      <button type="submit" className="btn btn-primary" disabled={saving || trimmed === ''}>
        {saving ? 'Creating…' : 'Create'}
      </button>
      <button type="button" className="btn" onClick={onCancel} disabled={saving}>
        Cancel
      </button>
      {error !== undefined && <ErrorNotice error={error} title="Could not create the dashboard" />}
    </form>
  );
}
