import { describeError } from '../api/api-error.ts';

const HINTS: Readonly<Record<string, string>> = {
  NETWORK: 'Check that the Sightline server is running and reachable.',
  QUERY_TOO_MUCH_DATA: 'Narrow the time range or add filters.',
  QUERY_MEMORY_LIMIT: 'Narrow the time range or add filters.',
  QUERY_TIMEOUT: 'The query took too long: narrow the time range or add filters.',
  QUERY_BUSY: 'The server is busy with other queries: try again in a moment.',
  HTTP_404: 'This server does not offer this yet — it may be older than the UI.',
};

/** An API error, readably: what went wrong, its code, and what to try. */
export function ErrorNotice({ error, title, onRetry }: { readonly error: unknown; readonly title?: string; readonly onRetry?: () => void }) {
  const { code, message } = describeError(error);
  const hint = HINTS[code] ?? (code === 'NOT_FOUND' && message.startsWith('no route') ? HINTS.HTTP_404 : undefined);
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-title">
        {title ?? 'Something went wrong'} {code !== 'CLIENT_ERROR' && <code className="notice-code">{code}</code>}
      </div>
      <div className="notice-message">{message}</div>
      {hint !== undefined && <div className="notice-hint">{hint}</div>}
      {onRetry !== undefined && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
