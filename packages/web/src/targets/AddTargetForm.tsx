import type { PrometheusTarget } from '@sightline/contract';
import { useId, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { addTarget } from './targets-api.ts';
import { parseTargetForm, type TargetFormField, type TargetFormInput } from './targets-view.ts';

const EMPTY: TargetFormInput = { job: '', address: '', metricsPath: '' };

/** Adds a runtime scrape target (kept by the server across restarts). */
export function AddTargetForm({ onAdded }: { readonly onAdded: (target: PrometheusTarget) => void }) {
  const id = useId();
  const [input, setInput] = useState<TargetFormInput>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<TargetFormField, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = parseTargetForm(input);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems({});
    setError(undefined);
    setSaving(true);
    addTarget(parsed.body).then(
      (target) => {
        setSaving(false);
        setInput((current) => ({ ...current, address: '', metricsPath: '' }));
        onAdded(target);
      },
      (failure: unknown) => {
        setSaving(false);
        setError(failure);
      },
    );
  };

  const field = (name: TargetFormField, label: string, placeholder: string, className = 'field') => {
    const problem = problems[name];
    return (
      <div className={className}>
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          name={name}
          value={input[name]}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem === undefined ? undefined : true}
          aria-describedby={problem === undefined ? undefined : `${id}-${name}-problem`}
          onChange={(event) => setInput({ ...input, [name]: event.target.value })}
        />
        {problem !== undefined && (
          <span id={`${id}-${name}-problem`} className="field-problem">
            {problem}
          </span>
        )}
      </div>
    );
  };

  return (
    <form className="panel add-target-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <div className="panel-header">
        <h2 id={`${id}-title`}>Add a target</h2>
        <span className="muted small">Scraped from now on and kept across restarts; targets in the configuration file are changed there.</span>
      </div>
      <div className="filter-row">
        {field('job', 'Job', 'node')}
        {field('address', 'Host:port', '10.0.0.5:9100', 'field field-wide')}
        {field('metricsPath', 'Metrics path (optional)', '/metrics')}
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add target'}
        </button>
      </div>
      {error !== undefined && <ErrorNotice error={error} title="Could not add the target" />}
    </form>
  );
}
