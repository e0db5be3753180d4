import { PassThrough } from 'node:stream';
import { logTailMessageSchema, logTailQuerySchema } from '@sightline/contract';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { LogTail, type TailBatch } from '../query/logs/tail-logs.ts';
import type { ApiDeps, TailTiming } from './api-deps.ts';
import { toErrorReply } from './error-status.ts';
import { checkResponse, parseRequest } from './validation.ts';

export const DEFAULT_TAIL_TIMING: TailTiming = { pollMs: 500, keepaliveMs: 15_000 };

/**
 * One client's live tail as Server-Sent Events: after each poll (and a pause) the records ingested
 * since the previous one go out as `event: logs`; a `: keepalive` comment goes out on an interval.
 * A failed poll sends `event: tail-error` (data: the API error body) and ends the stream. Stopping
 * (client gone, server closing, failure) happens once and clears every timer.
 */
class TailStream {
  private stopped = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private readonly keepaliveTimer: NodeJS.Timeout;

  constructor(
    private readonly out: PassThrough,
    private readonly tail: LogTail,
    private readonly timing: TailTiming,
    private readonly log: FastifyBaseLogger,
    private readonly onStop: (stream: TailStream) => void,
  ) {
    this.keepaliveTimer = setInterval(() => this.write(': keepalive\n\n'), timing.keepaliveMs);
    out.on('close', () => this.stop());
    this.write(': connected\n\n');
    this.schedulePoll();
  }

  private write(text: string): void {
    if (!this.stopped && !this.out.destroyed) this.out.write(text);
  }

  private schedulePoll(): void {
    if (!this.stopped) this.pollTimer = setTimeout(() => void this.poll(), this.timing.pollMs);
  }

  private send(batch: TailBatch): void {
    if (batch.logs.length === 0) return;
    const message = checkResponse(logTailMessageSchema, { logs: batch.logs, ...(batch.truncated ? { truncated: true as const } : {}) });
    this.write(`event: logs\ndata: ${JSON.stringify(message)}\n\n`);
  }

  private async poll(): Promise<void> {
    this.pollTimer = undefined;
    try {
      const batch = await this.tail.next();
      if (this.stopped) return;
      this.send(batch);
      this.schedulePoll();
    } catch (error) {
      if (this.stopped) return;
      const { status, body } = toErrorReply(error);
      if (status >= 500) this.log.error({ err: error }, 'live tail failed');
      this.write(`event: tail-error\ndata: ${JSON.stringify(body)}\n\n`);
      this.stop();
    }
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.keepaliveTimer);
    if (this.pollTimer !== undefined) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    if (!this.out.destroyed) this.out.end();
    this.onStop(this);
  }
}

/** `GET /api/v1/logs/tail`: live tail of new log records matching the filters (Server-Sent Events). */
export function registerLogTailRoute(app: FastifyInstance, deps: ApiDeps): void {
  const timing: TailTiming = { ...DEFAULT_TAIL_TIMING, ...deps.tail };
  const open = new Set<TailStream>();
  // Streams never go idle: end them when the server closes, or closing would wait for the clients.
  app.addHook('preClose', (done) => {
    for (const stream of [...open]) stream.stop();
    done();
  });

  app.get('/api/v1/logs/tail', async (request, reply) => {
    // Invalid filters and a failing store answer as any other request, before the stream starts.
    const filters = parseRequest(logTailQuerySchema, request.query);
    const tail = await LogTail.open(deps.store, deps.query, filters);
    const out = new PassThrough();
    const stream = new TailStream(out, tail, timing, request.log, (stopped) => open.delete(stopped));
    open.add(stream);
    reply.raw.on('close', () => stream.stop());
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(out);
  });
}
