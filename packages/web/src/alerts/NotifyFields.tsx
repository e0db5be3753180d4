import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals } from '../router/routes.ts';
import { useAppLocation } from '../router/use-location.ts';
import { listChannels } from './channels/channels-api.ts';
import { EditorSection, problemAt, type EditorPartProps } from './EditorField.tsx';
import { TextField } from './FormField.tsx';

/** Where notifications go: the channels (picked from those set up), how often a firing alert repeats, resolved messages. */
export function NotifyFields({ form, update, problems, id }: EditorPartProps) {
  const { params } = useAppLocation();
  const channels = useApi('alert-channels', listChannels);
  const known = channels.data?.channels ?? [];
  const missing = form.channels.filter((c) => !known.some((k) => k.id === c));
  const channelsProblem = problemAt(problems, 'notify.channels');
  const toggle = (channelId: string, on: boolean): void =>
    update((f) => ({ ...f, channels: on ? [...f.channels, channelId] : f.channels.filter((c) => c !== channelId) }));
  return (
    <EditorSection title="Notifications" aside={<Link to={pathWithGlobals('/alerts/channels', params)}>Manage channels</Link>}>
      <fieldset className="alert-checks alert-channels-pick" aria-invalid={channelsProblem === undefined ? undefined : true}>
        <legend>Channels</legend>
        {channels.loading && channels.data === undefined && <LoadingNote />}
        {channels.error !== undefined && <ErrorNotice error={channels.error} title="Could not load the channels" onRetry={channels.reload} />}
        {channels.data !== undefined && known.length === 0 && (
          <span className="muted small">No channels yet: the rule’s alerts show here only. Add one on the channels page.</span>
        )}
        {known.map((channel) => (
          <label key={channel.id} className="check">
            <input type="checkbox" checked={form.channels.includes(channel.id)} onChange={(e) => toggle(channel.id, e.target.checked)} />
            {channel.name} <span className="muted">({channel.settings.type})</span>
          </label>
        ))}
        {channels.data !== undefined &&
          missing.map((channelId) => (
            <label key={channelId} className="check text-danger">
              <input type="checkbox" checked onChange={() => toggle(channelId, false)} />
              {channelId} (no longer exists)
            </label>
          ))}
        {channelsProblem !== undefined && <span className="field-problem">{channelsProblem}</span>}
      </fieldset>
      <div className="filter-row">
        <TextField
          id={`${id}-repeat`}
          label="Repeat while firing every"
          problem={problemAt(problems, 'notify.repeatIntervalSeconds')}
          value={form.repeat}
          placeholder="4h"
          spellCheck={false}
          onChange={(repeat) => update((f) => ({ ...f, repeat }))}
        />
        <label className="check alert-check-field">
          <input type="checkbox" checked={form.sendResolved} onChange={(e) => update((f) => ({ ...f, sendResolved: e.target.checked }))} />
          Also notify when resolved
        </label>
      </div>
    </EditorSection>
  );
}
