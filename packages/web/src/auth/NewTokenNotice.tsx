import { useEffect, useRef } from 'react';
import type { ApiKeyCreated } from '@sightline/contract';
import { CopyButton } from '../components/CopyButton.tsx';

/** A new key's token, the only time it is shown: copy it now. */
export function NewTokenNotice({ created, onDone }: { readonly created: ApiKeyCreated; readonly onDone: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="panel new-token" aria-label="New API key" tabIndex={-1} ref={ref}>
      <div className="panel-header">
        <h2>API key “{created.key.name}” created</h2>
      </div>
      <p className="new-token-warning" role="alert">
        Copy the key now: it is shown only this once. Sightline keeps only a hash of it; a lost key cannot be shown again, only revoked and replaced.
      </p>
      <div className="new-token-row">
        <code className="new-token-value" data-testid="new-api-key-token">
          {created.token}
        </code>
        <CopyButton text={created.token} label="Copy key" className="btn" />
      </div>
      <p className="muted small">
        Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <button type="button" className="btn" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
