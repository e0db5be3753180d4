import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatDateMinute, toDateTimeLocalValue } from '../time/time-format.ts';
import { describeRelative, describeTimeRange, parseAbsoluteTime, relativeRange, RELATIVE_PRESETS } from '../time/time-range.ts';
import { useTimeRange } from './time-range-context.tsx';

/** The global time range: a button showing the range, opening relative presets and an absolute from/to form. */
export function TimeRangePicker() {
  const { range, resolved, setRange } = useTimeRange();
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    if (!open) return undefined;
    setFrom(toDateTimeLocalValue(resolved.startMs));
    setTo(toDateTimeLocalValue(resolved.endMs));
    setProblem(undefined);
    const onPointer = (event: PointerEvent): void => {
      if (rootRef.current !== null && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
    // Seeded from the range as it is when the panel opens; later range changes do not reset typing.
  }, [open]);

  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const applyAbsolute = (event: FormEvent): void => {
    event.preventDefault();
    const startMs = parseAbsoluteTime(from);
    const endMs = parseAbsoluteTime(to);
    if (startMs === undefined || endMs === undefined) return setProblem('Enter both times as YYYY-MM-DD HH:mm[:ss].');
    if (endMs <= startMs) return setProblem('"To" must be after "From".');
    setRange({ kind: 'absolute', startMs, endMs });
    close();
  };

  return (
    <div className="time-picker" ref={rootRef} onKeyDown={(e) => e.key === 'Escape' && open && (e.stopPropagation(), close())}>
      <button
        ref={buttonRef}
        type="button"
        className="btn time-picker-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
        title={`${formatDateMinute(resolved.startMs)} → ${formatDateMinute(resolved.endMs)}`}
      >
        {describeTimeRange(range, (ms) => formatDateMinute(ms))}
      </button>
      {open && (
        <div id={`${id}-panel`} className="popover time-picker-panel" role="dialog" aria-label="Time range">
          <div className="time-picker-presets" role="group" aria-label="Relative ranges">
            {RELATIVE_PRESETS.map((text) => {
              const selected = range.kind === 'relative' && range.text === text;
              return (
                <button
                  key={text}
                  type="button"
                  className={`btn btn-small preset${selected ? ' is-selected' : ''}`}
                  aria-pressed={selected}
                  onClick={() => {
                    const next = relativeRange(text);
                    if (next !== undefined) setRange(next);
                    close();
                  }}
                >
                  {describeRelative(text)}
                </button>
              );
            })}
          </div>
          <form className="time-picker-absolute" onSubmit={applyAbsolute}>
            <label>
              From
              <input type="datetime-local" step="1" value={from} onChange={(e) => setFrom(e.target.value)} required />
            </label>
            <label>
              To
              <input type="datetime-local" step="1" value={to} onChange={(e) => setTo(e.target.value)} required />
            </label>
            {problem !== undefined && <div className="field-problem">{problem}</div>}
            <button type="submit" className="btn btn-primary btn-small">
              Apply absolute range
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
