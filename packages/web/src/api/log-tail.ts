/**
 * Live tail: `GET /api/v1/logs/tail?<filters>` as server-sent events (`event: logs`,
 * `data: {"logs":[…]}`). EventSource reconnects by itself after a dropped connection.
 */

import { logTailMessageSchema } from '@sightline/contract';
import type { LogRecord } from '@sightline/contract';
import { apiUrl, type QueryValue } from './http-client.ts';

export interface LogTailHandlers {
  /** `truncated`: more records matched than the message carried (only the newest came). */
  readonly onLogs: (logs: readonly LogRecord[], truncated: boolean) => void;
  /** `connected` false while the browser is reconnecting or after the server refused. */
  readonly onStatus: (status: { readonly connected: boolean; readonly message?: string }) => void;
}

/** Opens the stream; call the returned function to close it. */
export function openLogTail(query: Readonly<Record<string, QueryValue>>, handlers: LogTailHandlers): () => void {
  const source = new EventSource(apiUrl('api/v1/logs/tail', query));
  source.addEventListener('open', () => handlers.onStatus({ connected: true }));
  source.addEventListener('error', () => {
    const closed = source.readyState === EventSource.CLOSED;
    handlers.onStatus({ connected: false, message: closed ? 'The server refused or closed the live tail.' : 'Reconnecting…' });
  });
  source.addEventListener('logs', (event) => {
    if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return;
    try {
      const parsed = logTailMessageSchema.safeParse(JSON.parse(event.data));
      if (parsed.success) handlers.onLogs(parsed.data.logs, parsed.data.truncated === true);
      else handlers.onStatus({ connected: true, message: 'Ignored a live tail message with an unexpected shape.' });
    } catch {
      handlers.onStatus({ connected: true, message: 'Ignored a live tail message that is not JSON.' });
    }
  });
  return () => source.close();
}
