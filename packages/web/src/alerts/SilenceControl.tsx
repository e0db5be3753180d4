import type { Silence } from '@sightline/contract';
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals } from '../router/routes.ts';
import { useAppLocation } from '../router/use-location.ts';
import { formatDateMinute } from '../time/time-format.ts';
import { createSilence } from './silences/silences-api.ts';

const CHOICES = [
  { hours: 1, label: '1 hour' },
  { hours: 4, label: '4 hours' },
  { hours: 24, label: '24 hours' },
] as const;

/** Mutes this rule's notifications from now for a while (a one-off silence), or opens the silences page for more. */
export function SilenceControl({
  ruleId,
  ruleName,
  onSilenced,
}: {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly onSilenced: (silence: Silence) => void;
}) {
  const { params } = useAppLocation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [until, setUntil] = useState<number | undefined>(undefined);

  const silence = (hours: number): void => {
    const startsAtMs = Date.now();
    setBusy(true);
    setError(undefined);
    createSilence({
      ruleId,
      comment: `Silenced from the page of rule “${ruleName}”`,
      schedule: { kind: 'once', startsAtMs, endsAtMs: startsAtMs + hours * 3_600_000 },
    }).then(
      (created) => {
        setBusy(false);
        setOpen(false);
        setUntil(created.definition.schedule.kind === 'once' ? created.definition.schedule.endsAtMs : undefined);
        onSilenced(created);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  return (
    <span className="alert-silence">
      <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen((o) => !o)} disabled={busy}>
        Silence…
      </button>
      {open && (
        <span className="popover alert-silence-menu" role="group" aria-label="Silence this rule for">
          <span className="muted small">Mute notifications for</span>
          {CHOICES.map((choice) => (
            <button key={choice.hours} type="button" className="btn btn-small" disabled={busy} onClick={() => silence(choice.hours)}>
              {choice.label}
            </button>
          ))}
          <Link to={pathWithGlobals('/alerts/silences', params, { ruleId })} className="small">
            Other window or matchers…
          </Link>
        </span>
      )}
      {until !== undefined && (
        <span className="muted small" role="status">
          Silenced until {formatDateMinute(until)}
        </span>
      )}
      {error !== undefined && <ErrorNotice error={error} title="Could not silence the rule" />}
    </span>
  );
}
