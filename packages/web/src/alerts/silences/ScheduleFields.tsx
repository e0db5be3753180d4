import { useMemo } from 'react';
import { FormField } from '../channels/FormField.tsx';
import { DURATION_PRESETS, type DurationPreset, type SilenceField, type SilenceFormInput } from './silence-form.ts';
import { WEEK_ORDER, WEEKDAY_SHORT } from './silence-schedule.ts';
import { timeZoneChoices } from './zoned-time.ts';

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

function OnceFields({ formId, input, problems, viewerZone, onChange }: ScheduleFieldsProps) {
  return (
    <div className="silence-schedule-grid">
      <fieldset className="silence-box">
        <legend>Starts</legend>
        <label className="check">
          <input type="radio" name={`${formId}-start`} checked={input.startMode === 'now'} onChange={() => onChange({ startMode: 'now' })} />
          Now
        </label>
        <label className="check">
          <input type="radio" name={`${formId}-start`} checked={input.startMode === 'at'} onChange={() => onChange({ startMode: 'at' })} />
          At a time
        </label>
        {input.startMode === 'at' && (
          <FormField id={`${formId}-startAt`} label={`Start (${viewerZone})`} problem={problems.startAt}>
            {(control) => <input {...control} type="datetime-local" value={input.startAt} onChange={(event) => onChange({ startAt: event.target.value })} />}
          </FormField>
        )}
      </fieldset>
      <fieldset className="silence-box">
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
        {input.endMode === 'at' && (
          <FormField id={`${formId}-endAt`} label={`End (${viewerZone})`} problem={problems.endAt}>
            {(control) => <input {...control} type="datetime-local" value={input.endAt} onChange={(event) => onChange({ endAt: event.target.value })} />}
          </FormField>
        )}
        {input.endMode === 'duration' && problems.endAt !== undefined && <span className="field-problem">{problems.endAt}</span>}
      </fieldset>
    </div>
  );
}

function RecurringFields({ formId, input, problems, onChange }: ScheduleFieldsProps) {
  const zones = useMemo(() => timeZoneChoices([input.timezone]), [input.timezone]);
  const toggle = (day: number, on: boolean): void => onChange({ weekdays: on ? [...input.weekdays, day] : input.weekdays.filter((d) => d !== day) });
  return (
    <div className="silence-schedule-grid">
      <fieldset className="silence-box" aria-describedby={problems.weekdays === undefined ? undefined : `${formId}-weekdays-problem`}>
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
        {problems.weekdays !== undefined && (
          <span id={`${formId}-weekdays-problem`} className="field-problem">
            {problems.weekdays}
          </span>
        )}
      </fieldset>
      <fieldset className="silence-box">
        <legend>Window</legend>
        <div className="filter-row">
          <FormField id={`${formId}-startTime`} label="From (24 h)" problem={problems.startTime} className="field field-narrow">
            {(control) => (
              <input
                {...control}
                className="silence-clock"
                inputMode="numeric"
                placeholder="HH:MM"
                maxLength={5}
                autoComplete="off"
                value={input.startTime}
                onChange={(event) => onChange({ startTime: event.target.value })}
              />
            )}
          </FormField>
          <FormField id={`${formId}-endTime`} label="To (24 h)" problem={problems.endTime} className="field field-narrow">
            {(control) => (
              <input
                {...control}
                className="silence-clock"
                inputMode="numeric"
                placeholder="HH:MM"
                maxLength={5}
                autoComplete="off"
                value={input.endTime}
                onChange={(event) => onChange({ endTime: event.target.value })}
              />
            )}
          </FormField>
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
      <fieldset className="silence-box">
        <legend>Applies (optional)</legend>
        <div className="filter-row">
          <FormField id={`${formId}-fromDate`} label="First day" problem={problems.fromDate} className="field field-narrow">
            {(control) => <input {...control} type="date" value={input.fromDate} onChange={(event) => onChange({ fromDate: event.target.value })} />}
          </FormField>
          <FormField id={`${formId}-untilDate`} label="Last day" problem={problems.untilDate} className="field field-narrow">
            {(control) => <input {...control} type="date" value={input.untilDate} onChange={(event) => onChange({ untilDate: event.target.value })} />}
          </FormField>
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
