import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { parseRelative, readTimeRange, resolveTimeRange, writeTimeRange, type ResolvedRange, type TimeRange } from '../time/time-range.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';

export const REFRESH_CHOICES = ['off', '10s', '30s', '1m', '5m'] as const;

export interface TimeRangeState {
  readonly range: TimeRange;
  /** The range in unix ms as of the last refresh (relative ranges move on each refresh). */
  readonly resolved: ResolvedRange;
  /** Auto-refresh interval text (`off` or one of REFRESH_CHOICES). */
  readonly refresh: string;
  readonly setRange: (range: TimeRange) => void;
  readonly setRefresh: (choice: string) => void;
  /** Re-resolves a relative range to now, so every view reloads. */
  readonly refreshNow: () => void;
}

const TimeRangeContext = createContext<TimeRangeState | undefined>(undefined);

/** The global time range and auto-refresh, kept in the URL (`range` or `from`/`to`, `refresh`). */
export function TimeRangeProvider({ children }: { readonly children: ReactNode }) {
  const { params, path } = useAppLocation();
  const updateParams = useUpdateParams();
  const rangeText = params.get('range');
  const fromText = params.get('from');
  const toText = params.get('to');
  const range = useMemo(() => {
    const values: Readonly<Record<string, string | null>> = { range: rangeText, from: fromText, to: toText };
    return readTimeRange({ get: (name) => values[name] ?? null });
  }, [rangeText, fromText, toText]);
  const refreshParam = params.get('refresh') ?? 'off';
  const refresh = (REFRESH_CHOICES as readonly string[]).includes(refreshParam) ? refreshParam : 'off';
  const [tick, setTick] = useState(0);
  // A relative range ends "now" as of the last refresh, page change or range change.
  const resolved = useMemo(() => resolveTimeRange(range, Date.now()), [range, tick, path]);

  const refreshNow = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    const ms = refresh === 'off' ? undefined : parseRelative(refresh);
    if (ms === undefined) return undefined;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refreshNow();
    }, ms);
    return () => window.clearInterval(timer);
  }, [refresh, refreshNow]);

  const value = useMemo<TimeRangeState>(
    () => ({
      range,
      resolved,
      refresh,
      setRange: (next) => {
        updateParams((p) => {
          writeTimeRange(p, next);
          p.delete('cursor');
        });
        refreshNow();
      },
      setRefresh: (choice) => updateParams((p) => (choice === 'off' ? p.delete('refresh') : p.set('refresh', choice)), { replace: true }),
      refreshNow,
    }),
    [range, resolved, refresh, updateParams, refreshNow],
  );
  return <TimeRangeContext.Provider value={value}>{children}</TimeRangeContext.Provider>;
}

export function useTimeRange(): TimeRangeState {
  const state = useContext(TimeRangeContext);
  if (state === undefined) throw new Error('useTimeRange needs a TimeRangeProvider');
  return state;
}
