import { channelTypes, type Channel, type ChannelTestResponse, type ChannelType } from '@sightline/contract';
import { useId, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { refusalByField } from '../api-issues.ts';
import { FormField, TextField } from '../FormField.tsx';
import { FormProblems } from '../FormProblems.tsx';
import { CHANNEL_TYPE_LABELS } from './channel-secrets.ts';
import {
  channelFieldOfPath,
  definitionFromForm,
  emptyChannelForm,
  formFromDefinition,
  problemsAfterEdit,
  type ChannelField,
  type ChannelFormInput,
} from './channel-form.ts';
import { testOutcomeText } from './channel-view.ts';
import { createChannel, testChannelDefinition, updateChannel } from './channels-api.ts';
import { ChannelTypeFields } from './ChannelTypeFields.tsx';

type Problems = Partial<Record<ChannelField, string>>;

/** Creates a channel, or edits `channel`; "Test before saving" sends a test through the unsaved definition. */
export function ChannelForm({
  channel,
  onSaved,
  onCancel,
}: {
  readonly channel: Channel | undefined;
  readonly onSaved: (saved: Channel) => void;
  readonly onCancel: () => void;
}) {
  const id = useId();
  const [input, setInput] = useState<ChannelFormInput>(() => (channel === undefined ? emptyChannelForm() : formFromDefinition(channel)));
  const [problems, setProblems] = useState<Problems>({});
  const [unplaced, setUnplaced] = useState<readonly string[]>([]);
  const [error, setError] = useState<{ readonly title: string; readonly error: unknown } | undefined>(undefined);
  const [busy, setBusy] = useState<'save' | 'test' | undefined>(undefined);
  const [test, setTest] = useState<ChannelTestResponse | undefined>(undefined);
  const title = channel === undefined ? 'New channel' : `Edit channel “${channel.name}”`;

  const change = (patch: Partial<ChannelFormInput>): void => {
    setInput((current) => ({ ...current, ...patch }));
    setProblems((current) => problemsAfterEdit(current, patch));
    setTest(undefined);
  };

  /** The checked definition, or undefined after showing what is wrong. */
  const checked = () => {
    const result = definitionFromForm(input);
    setError(undefined);
    setTest(undefined);
    if (result.ok) {
      setProblems({});
      setUnplaced([]);
      return result.definition;
    }
    setProblems(result.problems);
    setUnplaced(result.unplaced);
    return undefined;
  };

  const failed = (what: string) => (failure: unknown) => {
    setBusy(undefined);
    // A 400 goes next to the fields it names and in the banner; other errors stay errors.
    const placed = refusalByField(failure, channelFieldOfPath);
    if (placed === undefined) {
      setError({ title: what, error: failure });
      return;
    }
    setProblems(placed.problems);
    setUnplaced(placed.unplaced);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const definition = checked();
    if (definition === undefined) return;
    setBusy('save');
    (channel === undefined ? createChannel(definition) : updateChannel(channel.id, definition)).then((saved) => {
      setBusy(undefined);
      onSaved(saved);
    }, failed('Could not save the channel'));
  };

  const testUnsaved = (): void => {
    const definition = checked();
    if (definition === undefined) return;
    setBusy('test');
    testChannelDefinition(definition).then((result) => {
      setBusy(undefined);
      setTest(result);
    }, failed('Could not send the test notification'));
  };

  return (
    <form className="panel alert-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <div className="panel-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <span className="muted small">Rules name the channels they notify; a channel can serve many rules.</span>
      </div>
      <div className="filter-row">
        <TextField
          id={`${id}-name`}
          label="Name"
          problem={problems.name}
          name="name"
          autoFocus
          autoComplete="off"
          placeholder="e.g. On-call webhook"
          value={input.name}
          onChange={(name) => change({ name })}
        />
        <FormField id={`${id}-type`} label="Type">
          {(control) => (
            <select {...control} name="type" value={input.type} onChange={(event) => change({ type: event.target.value as ChannelType })}>
              {channelTypes.map((type) => (
                <option key={type} value={type}>
                  {CHANNEL_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <ChannelTypeFields formId={id} input={input} problems={problems} onChange={change} />
      <FormProblems marked={Object.keys(problems).length} unplaced={unplaced} refused="The server did not accept the channel." />
      <div className="alert-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy !== undefined}>
          {busy === 'save' ? 'Saving…' : channel === undefined ? 'Create channel' : 'Save changes'}
        </button>
        <button type="button" className="btn" onClick={testUnsaved} disabled={busy !== undefined}>
          {busy === 'test' ? 'Sending test…' : 'Test before saving'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy === 'save'}>
          Cancel
        </button>
        <span role="status" className={test === undefined ? '' : test.ok ? 'channel-test-ok' : 'channel-test-failed'}>
          {test !== undefined && testOutcomeText(test)}
        </span>
      </div>
      {error !== undefined && <ErrorNotice error={error.error} title={error.title} />}
    </form>
  );
}
