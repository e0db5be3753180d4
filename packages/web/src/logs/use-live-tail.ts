import { useEffect, useRef, useState } from 'react';
import { openLogTail } from '../api/log-tail.ts';
import type { QueryValue } from '../api/http-client.ts';
import type { LogRecord } from '@sightline/contract';
import { LIVE_TAIL_CAP, prependCapped } from './live-tail-buffer.ts';

export interface LiveTail {
  /** Newest first, at most LIVE_TAIL_CAP. */
  readonly lines: readonly LogRecord[];
  /** Lines received while paused, shown on resume. */
  readonly pending: number;
  readonly paused: boolean;
  readonly connected: boolean;
  readonly message: string | undefined;
  /** Some messages carried only the newest of more matching records. */
  readonly skipped: boolean;
  readonly setPaused: (paused: boolean) => void;
  readonly clear: () => void;
}

/** Streams logs matching `query` while `enabled`; pausing holds new lines back without disconnecting. */
export function useLiveTail(enabled: boolean, query: Readonly<Record<string, QueryValue>>): LiveTail {
  const queryKey = JSON.stringify(query);
  const [lines, setLines] = useState<readonly LogRecord[]>([]);
  const [held, setHeld] = useState<readonly LogRecord[]>([]);
  const [paused, setPausedState] = useState(false);
  const [status, setStatus] = useState<{ connected: boolean; message?: string | undefined }>({ connected: false });
  const [skipped, setSkipped] = useState(false);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  useEffect(() => {
    if (!enabled) return undefined;
    setLines([]);
    setHeld([]);
    setStatus({ connected: false, message: 'Connecting…' });
    setSkipped(false);
    const close = openLogTail(JSON.parse(queryKey) as Record<string, QueryValue>, {
      onLogs: (logs, truncated) => {
        if (truncated) setSkipped(true);
        if (pausedRef.current) setHeld((h) => prependCapped(h, logs, LIVE_TAIL_CAP));
        else setLines((l) => prependCapped(l, logs, LIVE_TAIL_CAP));
      },
      onStatus: (next) => setStatus(next),
    });
    return close;
  }, [enabled, queryKey]);

  const setPaused = (next: boolean): void => {
    setPausedState(next);
    if (!next) {
      setLines((l) => prependCapped(l, held, LIVE_TAIL_CAP));
      setHeld([]);
    }
  };

  return {
    lines,
    pending: held.length,
    paused,
    connected: status.connected,
    message: status.message,
    skipped,
    setPaused,
    clear: () => {
      setLines([]);
      setHeld([]);
    },
  };
}
