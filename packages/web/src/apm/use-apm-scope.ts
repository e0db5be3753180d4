import { useMemo } from 'react';
import type { ApmScope } from '../api/apm-api.ts';
import { useTimeRange } from '../app/time-range-context.tsx';
import { useAppLocation } from '../router/use-location.ts';
import { readEnvironment } from './apm-links.ts';

/** The APM pages' query scope (resolved time range and environment) and a key that changes with it. */
export function useApmScope(): { readonly scope: ApmScope; readonly key: string } {
  const { resolved } = useTimeRange();
  const { params } = useAppLocation();
  const environment = readEnvironment(params);
  return useMemo(() => {
    const scope: ApmScope = { startMs: resolved.startMs, endMs: resolved.endMs, environment };
    return { scope, key: `${scope.startMs}|${scope.endMs}|${environment}` };
  }, [resolved.startMs, resolved.endMs, environment]);
}
