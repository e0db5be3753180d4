import type { AlertSeverity } from '@sightline/contract';
import type { DisplayState } from './alerts-view.ts';

/** A rule's or instance's state: firing (red), pending (amber), resolved (green), inactive, disabled. */
export function StateBadge({ state }: { readonly state: DisplayState }) {
  return (
    <span className={`alert-state alert-state-${state}`}>
      <span aria-hidden="true" className="alert-state-dot" />
      {state}
    </span>
  );
}

export function SeverityBadge({ severity }: { readonly severity: AlertSeverity | null }) {
  if (severity === null) return <span className="muted">–</span>;
  return <span className={`alert-severity alert-severity-${severity}`}>{severity}</span>;
}

/** Notifications muted by a silence now. */
export function SilencedMark() {
  return (
    <span className="badge alert-silenced" title="A silence mutes this rule’s notifications now">
      silenced
    </span>
  );
}

export function BuiltinMark() {
  return (
    <span className="badge badge-accent" title="Created by the server on first start; editable like any other rule">
      built-in
    </span>
  );
}
