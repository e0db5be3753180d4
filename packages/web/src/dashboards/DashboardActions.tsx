import type { Dashboard } from '@sightline/contract';
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { cloneDashboard, deleteDashboard } from './dashboards-api.ts';

/**
 * A built-in dashboard is read-only: "Clone to edit" makes a stored copy. A stored one can be
 * edited, cloned and deleted (after a confirmation in place).
 */
export function DashboardActions({
  dashboard,
  editing,
  onEdit,
  onCloned,
  onDeleted,
}: {
  readonly dashboard: Dashboard;
  readonly editing: boolean;
  readonly onEdit: () => void;
  readonly onCloned: (copy: Dashboard) => void;
  readonly onDeleted: () => void;
}) {
  const [busy, setBusy] = useState<'clone' | 'delete' | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<{ readonly what: string; readonly error: unknown } | undefined>(undefined);

  const clone = (): void => {
    setBusy('clone');
    setError(undefined);
    cloneDashboard(dashboard.id).then(
      (copy) => {
        setBusy(undefined);
        onCloned(copy);
      },
      (e: unknown) => {
        setBusy(undefined);
        setError({ what: 'Could not clone the dashboard', error: e });
      },
    );
  };

  const remove = (): void => {
    setBusy('delete');
    setError(undefined);
    deleteDashboard(dashboard.id).then(
      () => {
        setBusy(undefined);
        onDeleted();
      },
      (e: unknown) => {
        setBusy(undefined);
        setConfirming(false);
        setError({ what: 'Could not delete the dashboard', error: e });
      },
    );
  };

  return (
    <div className="dash-actions">
      {dashboard.builtin ? (
        <button type="button" className="btn btn-primary" onClick={clone} disabled={busy !== undefined} title="Built-in dashboards are read-only: edit a copy">
          {busy === 'clone' ? 'Cloning…' : 'Clone to edit'}
        </button>
      ) : (
        <>
          {!editing && (
            <button type="button" className="btn btn-primary" onClick={onEdit} disabled={busy !== undefined}>
              Edit
            </button>
          )}
          <button type="button" className="btn" onClick={clone} disabled={busy !== undefined}>
            {busy === 'clone' ? 'Cloning…' : 'Clone'}
          </button>
          {!confirming && (
            <button type="button" className="btn" onClick={() => setConfirming(true)} disabled={busy !== undefined}>
              Delete
            </button>
          )}
          {confirming && (
            <span className="dash-confirm" role="group" aria-label="Confirm delete">
              <span>Delete “{dashboard.title}”? This cannot be undone.</span>
              <button type="button" className="btn btn-live" onClick={remove} disabled={busy !== undefined}>
                {busy === 'delete' ? 'Deleting…' : 'Delete dashboard'}
              </button>
              <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy !== undefined}>
                Keep it
              </button>
            </span>
          )}
        </>
      )}
      {error !== undefined && <ErrorNotice error={error.error} title={error.what} />}
    </div>
  );
}
