import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../api/api-error.ts';

export interface ApiState<T> {
  readonly data: T | undefined;
  /** The key `data` was loaded for (views can tell stale data from current). */
  readonly dataKey: string | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Loads `load()` whenever `key` changes (null: load nothing), aborting the previous request.
 * Keeps the last data while a new key loads, so views do not flash empty.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiState<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<{ data: T | undefined; dataKey: string | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    dataKey: undefined,
    error: undefined,
    loading: key !== null,
  });

  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, dataKey: undefined, error: undefined, loading: false });
      return undefined;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, error: undefined, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, dataKey: key, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
}
