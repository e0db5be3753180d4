import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { locationSnapshot, navigate, subscribeToLocation, type NavigateOptions } from './history.ts';

export interface AppLocation {
  /** The app path, e.g. `/traces/abc`. */
  readonly path: string;
  /** The query without `?`. */
  readonly search: string;
  readonly params: URLSearchParams;
}

export function useAppLocation(): AppLocation {
  const snapshot = useSyncExternalStore(subscribeToLocation, locationSnapshot);
  return useMemo(() => {
    const at = snapshot.indexOf('?');
    const path = at < 0 ? snapshot : snapshot.slice(0, at);
    const search = at < 0 ? '' : snapshot.slice(at + 1);
    return { path, search, params: new URLSearchParams(search) };
  }, [snapshot]);
}

export type ParamsUpdate = (params: URLSearchParams) => void;

/**
 * Changes the current URL's query: the update gets a copy of the parameters as they are at call
 * time (never a stale render's), and `path` optionally moves to another page.
 */
export function useUpdateParams(): (update: ParamsUpdate, options?: NavigateOptions & { readonly path?: string }) => void {
  return useCallback((update, options = {}) => {
    const current = locationSnapshot();
    const at = current.indexOf('?');
    const params = new URLSearchParams(at < 0 ? '' : current.slice(at + 1));
    update(params);
    const path = options.path ?? (at < 0 ? current : current.slice(0, at));
    const query = params.toString();
    navigate(query === '' ? path : `${path}?${query}`, options);
  }, []);
}
