import type { LogRecord, LogSearchRequest } from '@sightline/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../api/api-error.ts';
import { searchLogs } from '../api/logs-api.ts';

export interface LogPages {
  readonly logs: readonly LogRecord[];
  readonly loading: boolean;
  /** The lines shown are from the previous search while a new one loads. */
  readonly stale: boolean;
  readonly error: unknown;
  /** False once the last page has been loaded. */
  readonly hasMore: boolean;
  readonly loadMore: () => void;
  readonly reload: () => void;
}

/** Pages of a log search appended as the user scrolls; a new request starts over. */
export function useLogPages(request: LogSearchRequest | null): LogPages {
  const key = request === null ? null : JSON.stringify(request);
  const requestRef = useRef(request);
  requestRef.current = request;
  const [state, setState] = useState<{
    key: string | null;
    logs: readonly LogRecord[];
    loadedKey: string | null;
    cursor: string | null;
    loading: boolean;
    error: unknown;
  }>({
    key: null,
    logs: [],
    loadedKey: null,
    cursor: null,
    loading: false,
    error: undefined,
  });
  const controller = useRef<AbortController | null>(null);
  const [reloads, setReloads] = useState(0);

  const fetchPage = useCallback((forKey: string, cursor: string | undefined, append: boolean) => {
    const base = requestRef.current;
    if (base === null) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    // A new search keeps showing the previous lines (dimmed) until its first page arrives.
    setState((s) => ({ ...s, key: forKey, loading: true, error: undefined }));
    searchLogs({ ...base, ...(cursor === undefined ? {} : { cursor }) }, abort.signal).then(
      (page) => {
        if (abort.signal.aborted) return;
        setState((s) => ({
          key: forKey,
          loadedKey: forKey,
          logs: append ? [...s.logs, ...page.logs] : page.logs,
          cursor: page.nextCursor,
          loading: false,
          error: undefined,
        }));
      },
      (error: unknown) => {
        if (abort.signal.aborted || isAbortError(error)) return;
        setState((s) => ({ ...s, loading: false, error }));
      },
    );
  }, []);

  useEffect(() => {
    if (key === null) {
      controller.current?.abort();
      setState({ key: null, logs: [], loadedKey: null, cursor: null, loading: false, error: undefined });
      return undefined;
    }
    fetchPage(key, undefined, false);
    return () => controller.current?.abort();
  }, [key, reloads, fetchPage]);

  const loadMore = useCallback(() => {
    if (key === null || state.loading || state.cursor === null || state.loadedKey !== key || state.error !== undefined) return;
    fetchPage(key, state.cursor, true);
  }, [key, state.loading, state.cursor, state.key, state.error, fetchPage]);

  const current = state.key === key;
  const fresh = state.loadedKey === key;
  return {
    logs: key === null ? [] : state.logs,
    loading: state.loading || !current,
    stale: !fresh,
    error: current ? state.error : undefined,
    hasMore: fresh && state.cursor !== null,
    loadMore,
    reload: useCallback(() => setReloads((n) => n + 1), []),
  };
}
