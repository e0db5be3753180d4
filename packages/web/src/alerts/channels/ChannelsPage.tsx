import type { Channel } from '@sightline/contract';
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingNote } from '../../components/LoadingNote.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { ChannelForm } from './ChannelForm.tsx';
import { ChannelRow } from './ChannelRow.tsx';
import { channelsSummary } from './channel-view.ts';
import { listChannels } from './channels-api.ts';
import './channels.css';

/** How often the list (with each channel's last delivery) is fetched again. */
const CHANNELS_REFRESH_MS = 15_000;
const COLUMNS = ['Name', 'Type', 'Target', 'Last delivery', 'Actions'] as const;

type Editing = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly channel: Channel };

/** Notification channels: where alerts go, whether delivery works (test, last delivery, log), and their settings. */
export function ChannelsPage() {
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    document.title = 'Notification channels · Sightline';
  }, []);

  const channels = useApi('alert-channels', listChannels);
  const { reload } = channels;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') return;
      reload();
    }, CHANNELS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (channels.data !== undefined) setNowMs(Date.now());
  }, [channels.data]);

  const all = [...(channels.data?.channels ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const saved = (): void => {
    setEditing(undefined);
    reload();
  };

  return (
    <div className="page-body channels-page">
      <div className="toolbar">
        <span className="channels-summary" role="status">
          {channels.data !== undefined && channelsSummary(all)}
        </span>
        {channels.loading && channels.data === undefined && <LoadingNote />}
        {editing === undefined && (
          <button type="button" className="btn btn-primary toolbar-end" onClick={() => setEditing({ mode: 'create' })}>
            New channel
          </button>
        )}
      </div>

      {editing !== undefined && (
        <ChannelForm
          key={editing.mode === 'edit' ? editing.channel.id : 'new'}
          channel={editing.mode === 'edit' ? editing.channel : undefined}
          onSaved={saved}
          onCancel={() => setEditing(undefined)}
        />
      )}

      {channels.error !== undefined && <ErrorNotice error={channels.error} title="Could not load the channels" onRetry={reload} />}

      <section className="panel" aria-label="Channels">
        {channels.data !== undefined && all.length === 0 && (
          <p className="empty">No notification channels yet. Add a webhook, Slack, Teams, PagerDuty, Opsgenie or email channel, then name it in a rule.</p>
        )}
        {all.length > 0 && (
          <table className="data-table channels-table" aria-label="Notification channels">
            <thead>
              <tr>
                {COLUMNS.map((label) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {all.map((channel) => (
                <ChannelRow
                  key={channel.id}
                  channel={channel}
                  nowMs={nowMs}
                  columns={COLUMNS.length}
                  onEdit={(c) => setEditing({ mode: 'edit', channel: c })}
                  onChanged={reload}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
