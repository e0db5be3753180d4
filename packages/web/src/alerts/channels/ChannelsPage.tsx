import type { Channel } from '@sightline/contract';
import { useEffect, useState } from 'react';
import { ListPage } from '../ListPage.tsx';
import { usePolledApi } from '../use-poll.ts';
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
  useEffect(() => {
    document.title = 'Notification channels · Sightline';
  }, []);

  const channels = usePolledApi('alert-channels', listChannels, CHANNELS_REFRESH_MS);
  const { reload, nowMs } = channels;
  const all = [...(channels.data?.channels ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const saved = (): void => {
    setEditing(undefined);
    reload();
  };

  return (
    <ListPage
      className="channels-page"
      list={channels}
      summary={channels.data === undefined ? undefined : channelsSummary(all)}
      newLabel="New channel"
      onNew={editing === undefined ? () => setEditing({ mode: 'create' }) : undefined}
      form={
        editing !== undefined && (
          <ChannelForm
            key={editing.mode === 'edit' ? editing.channel.id : 'new'}
            channel={editing.mode === 'edit' ? editing.channel : undefined}
            onSaved={saved}
            onCancel={() => setEditing(undefined)}
          />
        )
      }
      errorTitle="Could not load the channels"
      label="Channels"
      empty="No notification channels yet. Add a webhook, Slack, Teams, PagerDuty, Opsgenie or email channel, then name it in a rule."
      tableLabel="Notification channels"
      tableClassName="channels-table"
      columns={COLUMNS}
      count={all.length}
    >
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
    </ListPage>
  );
}
