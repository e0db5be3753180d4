import type { MessagingHintsResponse } from '@sightline/contract';
import { formatCount } from '../format/apm-numbers.ts';

/** What the messaging spans lack for these views (missing attributes, links, lag metrics). */
export function MessagingHints({ hints }: { readonly hints: MessagingHintsResponse }) {
  if (hints.hints.length === 0) return null;
  return (
    <section className="notice notice-info messaging-hints" aria-label="Instrumentation hints">
      <div className="notice-title">Instrumentation hints</div>
      <ul className="notice-list">
        {hints.hints.map((hint) => (
          <li key={hint.code} data-hint={hint.code}>
            {hint.of > 0 && (
              <strong>
                {formatCount(hint.count)} of {formatCount(hint.of)}:{' '}
              </strong>
            )}
            {hint.message}
            {hint.services.length > 0 && <span className="muted"> ({hint.services.join(', ')})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
