import type { Silence } from '@sightline/contract';
import { useId, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { refusalByField } from '../api-issues.ts';
import { FormField, TextField } from '../FormField.tsx';
import { FormProblems } from '../FormProblems.tsx';
import { MatcherRows } from './MatcherRows.tsx';
import { ScheduleFields } from './ScheduleFields.tsx';
import {
  definitionFromForm,
  emptySilenceForm,
  formFromDefinition,
  problemsAfterEdit,
  silenceFieldOfPath,
  type SilenceField,
  type SilenceFormInput,
} from './silence-form.ts';
import type { SilencePrefill } from './silence-prefill.ts';
import { describeSchedule } from './silence-schedule.ts';
import { createSilence, updateSilence } from './silences-api.ts';

type Problems = Partial<Record<SilenceField, string>>;

const CREATED_BY_KEY = 'sightline.silence.createdBy';

function rememberedAuthor(): string {
  try {
    return localStorage.getItem(CREATED_BY_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberAuthor(name: string): void {
  try {
    localStorage.setItem(CREATED_BY_KEY, name);
  } catch {
    // storage off: the field is just not prefilled next time
  }
}

export interface RuleChoice {
  readonly id: string;
  readonly name: string;
}

/** Creates a silence (optionally prefilled from a link) or edits one. */
export function SilenceForm({
  silence,
  prefill,
  rules,
  viewerZone,
  onSaved,
  onCancel,
}: {
  readonly silence: Silence | undefined;
  readonly prefill: SilencePrefill | undefined;
  readonly rules: readonly RuleChoice[] | undefined;
  readonly viewerZone: string;
  readonly onSaved: (saved: Silence) => void;
  readonly onCancel: () => void;
}) {
  const id = useId();
  const [input, setInput] = useState<SilenceFormInput>(() => {
    const context = { nowMs: Date.now(), viewerZone };
    if (silence !== undefined) return formFromDefinition(silence.definition, context);
    return { ...emptySilenceForm(context, prefill), createdBy: rememberedAuthor() };
  });
  const [problems, setProblems] = useState<Problems>({});
  const [unplaced, setUnplaced] = useState<readonly string[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const change = (patch: Partial<SilenceFormInput>): void => {
    setInput((current) => ({ ...current, ...patch }));
    setProblems((current) => problemsAfterEdit(current, patch));
  };

  const nowMs = Date.now();
  const preview = definitionFromForm(input, { nowMs, viewerZone });
  // Until the rules are listed, a chosen rule (e.g. from a rule page's link) keeps an option of its own, so the select holds it.
  const ruleListed = input.ruleId === '' || (rules?.some((r) => r.id === input.ruleId) ?? false);
  const extraRuleLabel = rules === undefined ? `Rule ${input.ruleId}` : `Unknown rule (${input.ruleId})`;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const result = definitionFromForm(input, { nowMs: Date.now(), viewerZone });
    setError(undefined);
    if (!result.ok) {
      setProblems(result.problems);
      setUnplaced(result.unplaced);
      return;
    }
    setProblems({});
    setUnplaced([]);
    setSaving(true);
    if (result.definition.createdBy !== '') rememberAuthor(result.definition.createdBy);
    (silence === undefined ? createSilence(result.definition) : updateSilence(silence.id, result.definition)).then(
      (saved) => {
        setSaving(false);
        onSaved(saved);
      },
      (failure: unknown) => {
        setSaving(false);
        const placed = refusalByField(failure, silenceFieldOfPath);
        if (placed !== undefined) {
          setProblems(placed.problems);
          setUnplaced(placed.unplaced);
        } else setError(failure);
      },
    );
  };

  return (
    <form className="panel alert-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <div className="panel-header">
        <h2 id={`${id}-title`}>{silence === undefined ? 'New silence' : 'Edit silence'}</h2>
        <span className="muted small">Muted alerts still change state and are recorded; only their notifications are held back.</span>
      </div>
      <div className="filter-row">
        <FormField id={`${id}-rule`} label="Rule" problem={problems.ruleId} className="field-wide">
          {(control) => (
            <select {...control} value={input.ruleId} onChange={(event) => change({ ruleId: event.target.value })}>
              <option value="">Any rule (matchers decide)</option>
              {!ruleListed && <option value={input.ruleId}>{extraRuleLabel}</option>}
              {(rules ?? []).map((rule) => (
                <option key={rule.id} value={rule.id}>
                  {rule.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <MatcherRows id={`${id}-matchers`} rows={input.matchers} problem={problems.matchers} onChange={(matchers) => change({ matchers })} />
      <ScheduleFields formId={id} input={input} problems={problems} viewerZone={viewerZone} onChange={change} />
      <div className="filter-row">
        <TextField
          id={`${id}-comment`}
          label="Comment"
          problem={problems.comment}
          className="field-wide"
          maxLength={1000}
          placeholder="e.g. Database maintenance"
          value={input.comment}
          onChange={(comment) => change({ comment })}
        />
        <TextField
          id={`${id}-createdBy`}
          label="Created by"
          problem={problems.createdBy}
          maxLength={200}
          autoComplete="name"
          value={input.createdBy}
          onChange={(createdBy) => change({ createdBy })}
        />
      </div>
      <FormProblems marked={Object.keys(problems).length} unplaced={unplaced} refused="The server did not accept the silence." />
      <div className="alert-form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : silence === undefined ? 'Create silence' : 'Save changes'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        <span className="muted small" aria-live="polite">
          {preview.ok && `Mutes ${describeSchedule(preview.definition.schedule, nowMs, viewerZone)}`}
        </span>
      </div>
      {error !== undefined && <ErrorNotice error={error} title="Could not save the silence" />}
    </form>
  );
}
