import type { Dashboard } from '@sightline/contract';
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { checkDefinition, definitionText, type DefinitionProblem } from './dashboard-json.ts';
import { updateDashboard } from './dashboards-api.ts';

/** The dashboard's definition as JSON: checked against the contract here, then saved with PUT. */
export function DashboardEditor({
  dashboard,
  onSaved,
  onCancel,
}: {
  readonly dashboard: Dashboard;
  readonly onSaved: (saved: Dashboard) => void;
  readonly onCancel: () => void;
}) {
  const [text, setText] = useState(() => definitionText(dashboard));
  const [problems, setProblems] = useState<readonly DefinitionProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);

  const save = (): void => {
    const check = checkDefinition(text);
    setSaveError(undefined);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems([]);
    setSaving(true);
    updateDashboard(dashboard.id, check.definition).then(
      (saved) => {
        setSaving(false);
        onSaved(saved);
      },
      (error: unknown) => {
        setSaving(false);
        setSaveError(error);
      },
    );
  };

  return (
    <section className="panel dash-editor" aria-label="Edit dashboard">
      <div className="panel-header">
        <h3>Edit the definition</h3>
        <span className="muted small">JSON: title, description, tags, variables and panels (type timeseries, stat or apm_db_calls; width in twelfths).</span>
      </div>
      <textarea
        aria-label="Dashboard definition (JSON)"
        spellCheck={false}
        value={text}
        aria-invalid={problems.length > 0}
        onChange={(event) => setText(event.target.value)}
      />
      {problems.length > 0 && (
        <div className="notice notice-error" role="alert" aria-label="Problems in the definition">
          <div className="notice-title">The definition has {problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was saved.</div>
          <ul className="notice-list">
            {problems.map((p, i) => (
              <li key={`${p.path}|${i}`}>
                {p.path !== '' && <code>{p.path}</code>}
                {p.path !== '' && ': '}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {saveError !== undefined && <ErrorNotice error={saveError} title="Could not save the dashboard" />}
      <div className="dash-editor-actions">
        <button type="button" className="btn btn-primary" onClick={save} disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </section>
  );
}
