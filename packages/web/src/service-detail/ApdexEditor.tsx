import { useId, useState, type FormEvent } from 'react';
import { setApdexThreshold } from '../api/apm-api.ts';
import { parseApdexThreshold } from '../apm/apdex-input.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatLatencyMs } from '../format/apm-numbers.ts';

export interface ApdexEditorProps {
  readonly service: string;
  /** The threshold in effect. */
  readonly thresholdMs: number;
  /** The server's default, when known. */
  readonly defaultMs: number | undefined;
  /** Whether the service has its own threshold. */
  readonly custom: boolean;
  readonly onSaved: () => void;
}

/** The apdex threshold T, shown and editable in place (PUT …/apdex; "use default" clears it). */
export function ApdexEditor({ service, thresholdMs, defaultMs, custom, onSaved }: ApdexEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const parsed = draft === undefined ? undefined : parseApdexThreshold(draft);

  const save = (value: number | null): void => {
    setSaving(true);
    setError(undefined);
    setApdexThreshold(service, value).then(
      () => {
        setSaving(false);
        setDraft(undefined);
        onSaved();
      },
      (e: unknown) => {
        setSaving(false);
        setError(e);
      },
    );
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (parsed?.ok === true) save(parsed.thresholdMs);
  };

  if (draft === undefined) {
    return (
      <span className="apdex-threshold">
        T = <strong>{formatLatencyMs(thresholdMs)}</strong>
        {!custom && defaultMs !== undefined && <span className="muted"> (default)</span>}
        <button type="button" className="btn-link small" onClick={() => setDraft(String(Number(thresholdMs.toFixed(3))))} aria-label="Edit the apdex threshold">
          edit
        </button>
      </span>
    );
  }
  return (
    <form className="apdex-form" onSubmit={submit}>
      <label htmlFor={id}>Threshold T</label>
      <input
        id={id}
        className="input-narrow"
        value={draft}
        autoFocus
        aria-invalid={parsed?.ok === false}
        aria-describedby={`${id}-problem`}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(undefined);
        }}
      />
      <button type="submit" className="btn btn-small btn-primary" disabled={saving || parsed?.ok !== true}>
        Save
      </button>
      {custom && (
        <button type="button" className="btn btn-small" disabled={saving} onClick={() => save(null)}>
          Use default{defaultMs === undefined ? '' : ` (${formatLatencyMs(defaultMs)})`}
        </button>
      )}
      <button type="button" className="btn btn-small" onClick={() => setDraft(undefined)}>
        Cancel
      </button>
      <span id={`${id}-problem`} className={parsed?.ok === false ? 'field-problem' : 'muted small'}>
        {parsed?.ok === false ? parsed.problem : 'ms unless a unit is given'}
      </span>
      {error !== undefined && <ErrorNotice error={error} title="Could not save the threshold" />}
    </form>
  );
}
