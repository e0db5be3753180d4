import { useEffect, useState } from 'react';
import type { ApiKey, ApiKeyCreated } from '@sightline/contract';
import { ConfirmDelete } from '../alerts/ConfirmDelete.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatDateMinute, formatDateTime } from '../time/time-format.ts';
import { keyState, KEY_STATE_LABELS, prefixText, sortKeys } from './api-key-view.ts';
import { listApiKeys, revokeApiKey } from './auth-api.ts';
import { CreateApiKeyForm } from './CreateApiKeyForm.tsx';
import { NewTokenNotice } from './NewTokenNotice.tsx';
import { describeScope, ROLE_LABELS } from './roles.ts';

function When({ ms, never }: { readonly ms: number | null; readonly never: string }) {
  if (ms === null) return <span className="muted">{never}</span>;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatDateTime(ms)}>
      {formatDateMinute(ms)}
    </time>
  );
}

/** The API keys: list, create (token shown once), revoke (admin). */
export function ApiKeysPage() {
  useEffect(() => {
    document.title = 'API keys · Sightline';
  }, []);
  const keys = useApi('admin-api-keys', listApiKeys);
  const { reload } = keys;
  const [created, setCreated] = useState<ApiKeyCreated | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [revoking, setRevoking] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const nowMs = Date.now();

  const revoke = (key: ApiKey): void => {
    setRevoking(key.id);
    setFailure(undefined);
    revokeApiKey(key.id).then(
      () => {
        setRevoking(undefined);
        setConfirming(undefined);
        reload();
      },
      (error: unknown) => {
        setRevoking(undefined);
        setFailure(error);
      },
    );
  };

  const all = sortKeys(keys.data ?? [], nowMs);
  return (
    <div className="page-body auth-admin-page">
      {created !== undefined && <NewTokenNotice created={created} onDone={() => setCreated(undefined)} />}
      {keys.loading && keys.data === undefined && <LoadingNote />}
      {keys.error !== undefined && <ErrorNotice error={keys.error} title="Could not load the API keys" onRetry={reload} />}
      {failure !== undefined && <ErrorNotice error={failure} title="Could not revoke the key" />}
      <section className="panel" aria-label="API keys list">
        {keys.data !== undefined && all.length === 0 && <p className="empty">No API keys yet. Create one below for scripts and tools.</p>}
        {all.length > 0 && (
          <table className="data-table api-keys-table" aria-label="API keys">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Role</th>
                <th scope="col">Scope</th>
                <th scope="col">Created by</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {all.map((key) => {
                const state = keyState(key, nowMs);
                return (
                  <tr key={key.id} data-key={key.name} className={state === 'active' ? undefined : 'is-inactive-key'}>
                    <td className="user-name">{key.name}</td>
                    <td>
                      <code>{prefixText(key.prefix)}</code>
                    </td>
                    <td>{ROLE_LABELS[key.role]}</td>
                    <td className="small">{describeScope(key.scope)}</td>
                    <td>{key.createdBy}</td>
                    <td className="small">
                      <When ms={key.createdMs} never="" />
                    </td>
                    <td className="small">
                      <When ms={key.expiresMs} never="never" />
                    </td>
                    <td className="small">
                      <When ms={key.lastUsedMs} never="never" />
                    </td>
                    <td>
                      <span className={`state-badge state-${state === 'active' ? 'on' : 'off'}`}>{KEY_STATE_LABELS[state]}</span>
                    </td>
                    <td className="row-actions">
                      {state !== 'revoked' &&
                        (confirming === key.id ? (
                          <ConfirmDelete
                            className="row-confirm"
                            question={`Revoke ${key.name}? Whatever uses it stops working.`}
                            confirmLabel={revoking === key.id ? 'Revoking…' : 'Revoke key'}
                            deleting={false}
                            disabled={revoking === key.id}
                            onConfirm={() => revoke(key)}
                            onKeep={() => setConfirming(undefined)}
                          />
                        ) : (
                          <button type="button" className="btn btn-small" aria-label={`Revoke ${key.name}`} onClick={() => setConfirming(key.id)}>
                            Revoke
                          </button>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <CreateApiKeyForm
        onCreated={(next) => {
          setCreated(next);
          reload();
        }}
      />
    </div>
  );
}
