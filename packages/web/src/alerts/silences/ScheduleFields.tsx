import { timeZoneChoices } from '@sightline/contract';
import { useMemo, type ComponentProps } from 'react';
import { FormField, ProblemText, TextField } from '../FormField.tsx';
import { DURATION_PRESETS, type DurationPreset, type SilenceField, type SilenceFormInput } from './silence-form.ts';
import { WEEK_ORDER, WEEKDAY_SHORT } from './silence-schedule.ts';

export interface ScheduleFieldsProps {
  readonly formId: string;
  readonly input: SilenceFormInput;
  readonly problems: Partial<Record<SilenceField, string>>;
  readonly viewerZone: string;
  readonly onChange: (patch: Partial<SilenceFormInput>) => void;
}

const DAY_SETS: readonly { readonly label: string; readonly days: readonly number[] }[] = [
  { label: 'Every day', days: [1, 2, 3, 4, 5, 6, 0] },
  { label: 'Mon–Fri', days: [1, 2, 3, 4, 5] },
  { label: 'Sat, Sun', days: [6, 0] },
];

/** The schedule's text-like inputs. */
type TextKey = 'startAt' | 'endAt' | 'startTime' | 'endTime' | 'fromDate' | 'untilDate';

const CLOCK_INPUT = { inputClassName: 'silence-clock', inputMode: 'numeric', placeholder: 'HH:MM', maxLength: 5, autoComplete: 'off' } as const;

/** One of the schedule's inputs, tied to its part of the form and its problem. */
function ScheduleInput({
  schedule,
  field,
  narrow = false,
  ...rest
}: { readonly schedule: ScheduleFieldsProps; readonly field: TextKey; readonly narrow?: boolean } & Omit<
  ComponentProps<typeof TextField>,
  'id' | 'problem' | 'className' | 'value' | 'onChange'
>) {
  return (
    <TextField
      {...rest}
      id={`${schedule.formId}-${field}`}
      problem={schedule.problems[field]}
      className={narrow ? 'field-narrow' : undefined}
      value={schedule.input[field]}
      onChange={(value) => schedule.onChange({ [field]: value })}
    />
  );
}

function OnceFields(props: ScheduleFieldsProps) {
  const { formId, input, problems, viewerZone, onChange } = props;
  return (
    <div className="silence-schedule-grid">
      <fieldset className="alert-box">
        <legend>Starts</legend>
        <label className="check">
          <input type="radio" name={`${formId}-start`} checked={input.startMode === 'now'} onChange={() => onChange({ startMode: 'now' })} />
          Now
        </label>
        <label className="check">
          <input type="radio" name={`${formId}-start`} checked={input.startMode === 'at'} onChange={() => onChange({ startMode: 'at' })} />
          At a time
        </label>
        {input.startMode === 'at' && <ScheduleInput schedule={props} field="startAt" label={`Start (${viewerZone})`} type="datetime-local" />}
      </fieldset>
      <fieldset className="alert-box">
        <legend>Ends</legend>
        <div className="silence-presets" role="radiogroup" aria-label="Duration">
          {(Object.keys(DURATION_PRESETS) as DurationPreset[]).map((preset) => (
            <label key={preset} className="check">
              <input
                type="radio"
                name={`${formId}-end`}
                checked={input.endMode === 'duration' && input.duration === preset}
                onChange={() => onChange({ endMode: 'duration', duration: preset })}
              />
              after {preset}
            </label>
          ))}
          <label className="check">
            <input type="radio" name={`${formId}-end`} checked={input.endMode === 'at'} onChange={() => onChange({ endMode: 'at' })} />
            at a time
          </label>
        </div>
        {input.endMode === 'at' && <ScheduleInput schedule={props} field="endAt" label={`End (${viewerZone})`} type="datetime-local" />}
        {input.endMode === 'duration' && problems.endAt !== undefined && <span className="field-problem">{problems.endAt}</span>}
      </fieldset>
    </div>
  );
}

function RecurringFields(props: ScheduleFieldsProps) {
  const { formId, input, problems, onChange } = props;
  const zones = useMemo(() => timeZoneChoices([input.timezone]), [input.timezone]);
  const toggle = (day: number, on: boolean): void => onChange({ weekdays: on ? [...input.weekdays, day] : input.weekdays.filter((d) => d !== day) });
  return (
    <div className="silence-schedule-grid">
      <fieldset className="alert-box" aria-describedby={problems.weekdays === undefined ? undefined : `${formId}-weekdays-problem`}>
        <legend>Days</legend>
        <div className="silence-days">
          {WEEK_ORDER.map((day) => (
            <label key={day} className="check">
              <input type="checkbox" checked={input.weekdays.includes(day)} onChange={(event) => toggle(day, event.target.checked)} />
              {WEEKDAY_SHORT[day]}
            </label>
          ))}
        </div>
        <div className="silence-day-sets">
          {DAY_SETS.map((set) => (
            <button key={set.label} type="button" className="btn btn-small" onClick={() => onChange({ weekdays: set.days })}>
              {set.label}
            </button>
          ))}
        </div>
        <ProblemText id={`${formId}-weekdays`} problem={problems.weekdays} />
      </fieldset>
      <fieldset className="alert-box">
        <legend>Window</legend>
        <div className="filter-row">
          <ScheduleInput schedule={props} field="startTime" label="From (24 h)" narrow {...CLOCK_INPUT} />
          <ScheduleInput schedule={props} field="endTime" label="To (24 h)" narrow {...CLOCK_INPUT} />
          <FormField id={`${formId}-timezone`} label="Time zone" problem={problems.timezone}>
            {(control) => (
              <select {...control} value={input.timezone} onChange={(event) => onChange({ timezone: event.target.value })}>
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <span className="muted small">A window that ends at or before its start runs past midnight.</span>
      </fieldset>
      <fieldset className="alert-box">
        <legend>Applies (optional)</legend>
        <div className="filter-row">
          <ScheduleInput schedule={props} field="fromDate" label="First day" narrow type="date" />
          <ScheduleInput schedule={props} field="untilDate" label="Last day" narrow type="date" />
        </div>
      </fieldset>
    </div>
  );
}

/** One-off (now or at a time, for a preset or until a time) or recurring (days, window, zone, bounds). */
export function ScheduleFields(props: ScheduleFieldsProps) {
  const { formId, input, onChange } = props;
  return (
    <>
      <div className="silence-kind" role="radiogroup" aria-label="Schedule">
        <label className="check">
          <input type="radio" name={`${formId}-kind`} checked={input.kind === 'once'} onChange={() => onChange({ kind: 'once' })} />
          One-off
        </label>
        <label className="check">
          <input type="radio" name={`${formId}-kind`} checked={input.kind === 'recurring'} onChange={() => onChange({ kind: 'recurring' })} />
          Recurring (planned downtime)
        </label>
      </div>
      {input.kind === 'once' ? <OnceFields {...props} /> : <RecurringFields {...props} />}
    </>
  );
}
