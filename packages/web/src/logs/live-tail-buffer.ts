/** The live tail's line buffer: newest first, never more than `cap` lines. */

import { compareNanosDesc } from '../format/nanos.ts';

export const LIVE_TAIL_CAP = 1000;

/** `incoming` (any order) merged in front of `current` (newest first), trimmed to `cap`. */
export function prependCapped<T extends { readonly timestampUnixNano: string }>(current: readonly T[], incoming: readonly T[], cap = LIVE_TAIL_CAP): T[] {
  if (incoming.length === 0) return current.length > cap ? current.slice(0, cap) : [...current];
  const fresh = [...incoming].sort((a, b) => compareNanosDesc(a.timestampUnixNano, b.timestampUnixNano));
  const merged = fresh.length >= cap ? fresh : fresh.concat(current.slice(0, cap - fresh.length));
  return merged.slice(0, cap);
}
