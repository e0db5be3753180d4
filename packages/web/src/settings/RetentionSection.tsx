import type { RetentionResponse, RetentionSignalName } from '@sightline/contract';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { describeChange, formFromResponse, parseRetentionForm, RETENTION_SIGNALS, SIGNAL_LABELS, type RetentionFormInput } from './retention-form.ts';
import { putRetention } from './settings-api.ts';

const formatTime = (iso: string): string => new Date(iso).toLocaleString();

/** Retention per signal with where it comes from, and a form that changes it at runtime. */
export function RetentionSection({ retention, onSaved }: { readonly retention: RetentionResponse; readonly onSaved: (next: RetentionResponse) => void }) {
  const id = useId();
  const [input, setInput] = useState<RetentionFormInput>(() => formFromResponse(retention));
  const [problems, setProblems] = useState<Partial<Record<RetentionSignalName, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<string | undefined>(undefined);
  useEffect(() => setInput(formFromResponse(retention)), [retention]);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = parseRetentionForm(input, retention);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems({});
    setError(undefined);
    if (parsed.changed === 0) {
      setNote('Nothing changed.');
      return;
    }
    setSaving(true);
    setNote(undefined);
    putRetention(parsed.body).then(
      (next) => {
        setSaving(false);
        setNote('Saved.');
        onSaved(next);
      },
      (failure: unknown) => {
        setSaving(false);
        setError(failure);
      },
    );
  };

  const change = retention.lastChange;
  return (
    <form className="panel settings-section" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <div className="panel-header">
        <h2 id={`${id}-title`}>Retention</h2>
        <span className="muted small">Days each signal is kept. A value saved here is stored by the server and wins over the configuration file, also after restarts.</span>
      </div>
      <table className="data-table retention-table">
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Kept now</th>
            <th scope="col">Source</th>
            <th scope="col">New value (days)</th>
          </tr>
        </thead>
        <tbody>
          {RETENTION_SIGNALS.map((signal) => {
            const state = retention[signal];
            const problem = problems[signal];
            const inputId = `${id}-${signal}`;
            return (
              <tr key={signal} data-signal={signal}>
                <th scope="row">
                  <label htmlFor={inputId}>{SIGNAL_LABELS[signal]}</label>
                </th>
                <td className="retention-days">{state.days} days</td>
                <td>
                  <span className={`source-badge source-${state.source}`}>{state.source === 'runtime' ? 'set here' : 'config file'}</span>
                  {state.source === 'runtime' && state.configDays !== state.days && <span className="muted small"> (file: {state.configDays})</span>}
                </td>
                <td>
                  <input
                    id={inputId}
                    name={signal}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={3650}
                    step={1}
                    className="retention-input"
                    value={input[signal]}
                    aria-invalid={problem === undefined ? undefined : true}
                    aria-describedby={problem === undefined ? undefined : `${inputId}-problem`}
                    onChange={(event) => setInput({ ...input, [signal]: event.target.value })}
                  />
                  {problem !== undefined && (
                    <span id={`${inputId}-problem`} className="field-problem">
                      {problem}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="settings-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save retention'}
        </button>
        <span className="muted small" role="status">
          {note}
        </span>
      </div>
      {error !== undefined && <ErrorNotice error={error} title="Could not save the retention" />}
      <p className={`retention-status${change?.state === 'failed' ? ' is-failed' : ''}`} aria-live="polite" data-testid="retention-status">
        <strong>Last change: </strong>
        {change === null ? 'none yet (the configured retention applies)' : describeChange(change, formatTime)}
      </p>
      {retention.expiryPendingTables.length > 0 && (
        <p className="muted small">Existing data is being re-dated to the new retention in {retention.expiryPendingTables.length} table(s); older data is dropped once done.</p>
      )}
      <p className="muted small">Shorter retention drops older data in whole day parts as the engine merges; nothing is rewritten. {retention.precedence}</p>
    </form>
  );
}
