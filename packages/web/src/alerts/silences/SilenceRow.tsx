import type { Silence } from '@sightline/contract';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Link } from '../../router/Link.tsx';
import { formatDateTime } from '../../time/time-format.ts';
import { StatusPill, type PillTone } from '../AlertBadges.tsx';
import { ConfirmDelete } from '../ConfirmDelete.tsx';
import { expiredNow } from './silence-form.ts';
import { describeNextStart, describeSchedule } from './silence-schedule.ts';
import { matcherText, ruleLabel, SILENCE_STATUS_TEXT } from './silence-view.ts';
import { deleteSilence, updateSilence } from './silences-api.ts';

export interface SilenceRowProps {
  readonly silence: Silence;
  readonly ruleNames: ReadonlyMap<string, string> | undefined;
  readonly nowMs: number;
  readonly viewerZone: string;
  readonly columns: number;
  readonly onEdit: (silence: Silence) => void;
  readonly onChanged: () => void;
}

const STATUS_TONES: Readonly<Record<Silence['status'], PillTone>> = { active: 'accent', scheduled: 'warn', expired: 'plain' };

export function SilenceStatusBadge({ status }: { readonly status: Silence['status'] }) {
  return (
    <StatusPill className={`silence-badge silence-badge-${status}`} tone={STATUS_TONES[status]} hollow={status !== 'active'}>
      {SILENCE_STATUS_TEXT[status]}
    </StatusPill>
  );
}

/** One silence: status, what it mutes, its schedule in words; edit, expire now (an active one-off) or delete. */
export function SilenceRow({ silence, ruleNames, nowMs, viewerZone, columns, onEdit, onChanged }: SilenceRowProps) {
  const [busy, setBusy] = useState<'expire' | 'delete' | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<{ readonly title: string; readonly error: unknown } | undefined>(undefined);
  const { definition } = silence;
  const schedule = definition.schedule;
  const canExpire = silence.status === 'active' && expiredNow(definition, nowMs) !== undefined;
  const nextText = schedule.kind === 'recurring' ? describeNextStart(silence.nextStartMs, nowMs, viewerZone) : undefined;
  // The next start is in the viewer's zone; say so when the silence keeps another one.
  const next = nextText === undefined || schedule.kind !== 'recurring' || schedule.timezone === viewerZone ? nextText : `${nextText} (${viewerZone})`;

  const fail = (title: string) => (failure: unknown) => {
    setBusy(undefined);
    setConfirming(false);
    setError({ title, error: failure });
  };

  const expire = (): void => {
    const ended = expiredNow(definition, Date.now());
    if (ended === undefined) return;
    setBusy('expire');
    setError(undefined);
    updateSilence(silence.id, ended).then(() => {
      setBusy(undefined);
      onChanged();
    }, fail('Could not expire the silence'));
  };

  const remove = (): void => {
    setBusy('delete');
    setError(undefined);
    deleteSilence(silence.id).then(onChanged, fail('Could not delete the silence'));
  };

  return (
    <>
      <tr className={silence.status === 'expired' ? 'silence-expired' : ''} data-silence-id={silence.id}>
        <td>
          <SilenceStatusBadge status={silence.status} />
        </td>
        <td>
          {definition.ruleId !== undefined && (
            <Link to={`/alerts/rules/${encodeURIComponent(definition.ruleId)}`} className="silence-rule">
              {ruleLabel(definition.ruleId, ruleNames)}
            </Link>
          )}
          {definition.matchers.length > 0 && (
            <ul className="silence-matchers" aria-label="Matchers">
              {definition.matchers.map((m, index) => (
                <li key={index}>
                  <code>{matcherText(m)}</code>
                </li>
              ))}
            </ul>
          )}
          {definition.ruleId === undefined && definition.matchers.length === 0 && <span className="muted">–</span>}
        </td>
        <td>
          <span
            className="silence-schedule"
            title={schedule.kind === 'once' ? `${formatDateTime(schedule.startsAtMs)} – ${formatDateTime(schedule.endsAtMs)}` : undefined}
          >
            {describeSchedule(schedule, nowMs, viewerZone)}
          </span>
          {next !== undefined && silence.status !== 'active' && <div className="muted small">{next}</div>}
        </td>
        <td className="silence-comment">{definition.comment === '' ? <span className="muted">–</span> : definition.comment}</td>
        <td>{definition.createdBy === '' ? <span className="muted">–</span> : definition.createdBy}</td>
        <td className="alert-list-actions-cell">
          <div className="alert-list-actions">
            <button type="button" className="btn btn-small" onClick={() => onEdit(silence)} disabled={busy !== undefined}>
              Edit
            </button>
            {canExpire && (
              <button type="button" className="btn btn-small" onClick={expire} disabled={busy !== undefined}>
                {busy === 'expire' ? 'Expiring…' : 'Expire now'}
              </button>
            )}
            {!confirming && (
              <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} disabled={busy !== undefined}>
                Delete
              </button>
            )}
          </div>
        </td>
      </tr>
      {(confirming || error !== undefined) && (
        <tr className="expanded-row">
          <td colSpan={columns}>
            {confirming && (
              <ConfirmDelete
                question={`Delete this silence? ${silence.status === 'active' ? 'Its alerts notify again right away.' : 'It will not mute anything.'}`}
                confirmLabel="Delete silence"
                deleting={busy === 'delete'}
                disabled={busy !== undefined}
                onConfirm={remove}
                onKeep={() => setConfirming(false)}
              />
            )}
            {error !== undefined && <ErrorNotice error={error.error} title={error.title} />}
          </td>
        </tr>
      )}
    </>
  );
}
