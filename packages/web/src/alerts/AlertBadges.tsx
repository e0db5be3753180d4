import type { ReactNode } from 'react';
import type { AlertSeverity } from '@sightline/contract';
import type { DisplayState } from './alerts-view.ts';

export type PillTone = 'danger' | 'warn' | 'ok' | 'accent' | 'plain';

/** A status as a rounded badge with a dot, coloured by `tone`; a hollow dot for a status that is not on. */
export function StatusPill({
  className,
  tone,
  hollow = false,
  children,
}: {
  readonly className: string;
  readonly tone: PillTone;
  readonly hollow?: boolean;
  readonly children: ReactNode;
}) {
  return (
    <span className={`alert-pill alert-pill-${tone}${hollow ? ' alert-pill-hollow' : ''} ${className}`}>
      <span aria-hidden="true" className="alert-pill-dot" />
      {children}
    </span>
  );
}

const STATE_TONES: Readonly<Record<DisplayState, PillTone>> = { firing: 'danger', pending: 'warn', resolved: 'ok', inactive: 'plain', disabled: 'plain' };

/** A rule's or instance's state: firing (red), pending (amber), resolved (green), inactive, disabled. */
export function StateBadge({ state }: { readonly state: DisplayState }) {
  return (
    <StatusPill className={`alert-state alert-state-${state}`} tone={STATE_TONES[state]} hollow={state === 'inactive'}>
      {state}
    </StatusPill>
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
