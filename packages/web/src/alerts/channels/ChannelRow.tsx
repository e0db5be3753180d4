import type { Channel, ChannelTestResponse } from '@sightline/contract';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDateTime } from '../../time/time-format.ts';
import { ConfirmDelete } from '../ConfirmDelete.tsx';
import { TimeAgo } from '../TimeAgo.tsx';
import { CHANNEL_TYPE_LABELS, channelTargetSummary } from './channel-secrets.ts';
import { DELIVERY_KIND_TEXT, testOutcomeText } from './channel-view.ts';
import { deleteChannel, testChannel } from './channels-api.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { DeliveryStatusBadge } from './DeliveryStatusBadge.tsx';

export interface ChannelRowProps {
  readonly channel: Channel;
  readonly nowMs: number;
  readonly columns: number;
  readonly onEdit: (channel: Channel) => void;
  /** The list changed (deleted, or a test was logged). */
  readonly onChanged: () => void;
}

function LastDelivery({ channel, nowMs }: { readonly channel: Channel; readonly nowMs: number }) {
  const last = channel.lastDelivery;
  if (last === null) return <span className="muted">never</span>;
  return (
    <span className="channel-last">
      <DeliveryStatusBadge status={last.status} />
      <span className="muted small">{DELIVERY_KIND_TEXT[last.kind]}</span>
      <TimeAgo ms={last.atMs} nowMs={nowMs} className="small" />
    </span>
  );
}

/** One channel: its target (secrets masked), last delivery, actions; under it its last failure, a test's outcome and the delivery log. */
export function ChannelRow({ channel, nowMs, columns, onEdit, onChanged }: ChannelRowProps) {
  const [busy, setBusy] = useState<'test' | 'delete' | undefined>(undefined);
  const [test, setTest] = useState<ChannelTestResponse | undefined>(undefined);
  const [error, setError] = useState<{ readonly title: string; readonly error: unknown } | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const last = channel.lastDelivery;
  // A failed test just sent says the same in its outcome line.
  const lastFailure = last !== null && last.status !== 'sent' && !(test !== undefined && last.kind === 'test') ? last : undefined;

  const sendTest = (): void => {
    setBusy('test');
    setTest(undefined);
    setError(undefined);
    testChannel(channel.id).then(
      (result) => {
        setBusy(undefined);
        setTest(result);
        setLogVersion((v) => v + 1);
        onChanged();
      },
      (failure: unknown) => {
        setBusy(undefined);
        setError({ title: 'Could not send the test notification', error: failure });
      },
    );
  };

  const remove = (): void => {
    setBusy('delete');
    setError(undefined);
    deleteChannel(channel.id).then(onChanged, (failure: unknown) => {
      setBusy(undefined);
      setConfirming(false);
      setError({ title: 'Could not delete the channel', error: failure });
    });
  };

  const hasDetails = lastFailure !== undefined || test !== undefined || error !== undefined || logOpen;
  return (
    <>
      <tr className={lastFailure === undefined ? '' : 'has-error'} data-channel-id={channel.id}>
        <td className="channel-name">{channel.name}</td>
        <td className="nowrap">{CHANNEL_TYPE_LABELS[channel.settings.type]}</td>
        <td className="channel-target">{channelTargetSummary(channel.settings)}</td>
        <td>
          <LastDelivery channel={channel} nowMs={nowMs} />
        </td>
        <td className="alert-list-actions-cell">
          <div className="alert-list-actions">
            <button
              type="button"
              className="btn btn-small"
              onClick={sendTest}
              disabled={busy !== undefined}
              aria-label={`Send test notification to ${channel.name}`}
            >
              {busy === 'test' ? 'Sending…' : 'Send test notification'}
            </button>
            <button
              type="button"
              className="btn btn-small"
              aria-expanded={logOpen}
              onClick={() => setLogOpen((open) => !open)}
              aria-label={`Delivery log of ${channel.name}`}
            >
              Delivery log
            </button>
            <button type="button" className="btn btn-small" onClick={() => onEdit(channel)} disabled={busy !== undefined} aria-label={`Edit ${channel.name}`}>
              Edit
            </button>
            {!confirming && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setConfirming(true)}
                disabled={busy !== undefined}
                aria-label={`Delete ${channel.name}`}
              >
                Delete
              </button>
            )}
          </div>
        </td>
      </tr>
      {confirming && (
        <tr className="expanded-row">
          <td colSpan={columns}>
            <ConfirmDelete
              question={`Delete “${channel.name}”? Rules that notify it will skip it.`}
              confirmLabel="Delete channel"
              deleting={busy === 'delete'}
              disabled={busy !== undefined}
              onConfirm={remove}
              onKeep={() => setConfirming(false)}
            />
          </td>
        </tr>
      )}
      {hasDetails && (
        <tr className="expanded-row channel-details">
          <td colSpan={columns}>
            {lastFailure !== undefined && (
              <div className="channel-failure">
                <span className="channel-failure-title">
                  Last delivery {lastFailure.status === 'retrying' ? 'failed, retrying' : 'failed'} (attempt {lastFailure.attempt},{' '}
                  {formatDateTime(lastFailure.atMs).slice(0, 19)}):
                </span>{' '}
                <span className="channel-error-text">{lastFailure.error}</span>
              </div>
            )}
            {test !== undefined && (
              <div role="status" className={test.ok ? 'channel-test-ok' : 'channel-test-failed'}>
                {testOutcomeText(test)}
              </div>
            )}
            {error !== undefined && <ErrorNotice error={error.error} title={error.title} />}
            {logOpen && <DeliveryLog channelId={channel.id} channelName={channel.name} nowMs={nowMs} version={logVersion} />}
          </td>
        </tr>
      )}
    </>
  );
}
