/**
 * A load generator for fault tests: `concurrency` workers POST span and log requests (alternating)
 * to whatever HTTP port `target()` names right now (undefined: the server is down, wait), and record
 * exactly which items were acknowledged (HTTP 200 without rejected items).
 *
 * Without `retry`, a request that fails or is refused is simply not acknowledged and never resent.
 * With `retry`, a refused request (429/503) is resent after its Retry-After until it is acknowledged,
 * as an OTLP exporter does — so every request the loop started ends acknowledged.
 */
import { logRequest, postLoadRequest, spanRequest, type LoadRequest } from './load-otlp-items.ts';

export interface LoadLoopOptions {
  readonly runTag: string;
  readonly concurrency: number;
  readonly spansPerRequest: number;
  readonly logsPerRequest: number;
  readonly target: () => number | undefined;
  readonly retry?: boolean;
}

export interface LoadTally {
  /** Ids acknowledged, by signal. */
  readonly acked: { traces: string[]; logs: string[] };
  /** Ids of every request started (acknowledged or not), by signal. */
  readonly sent: { traces: Set<string>; logs: Set<string> };
  /** Response counts by HTTP status; `failed` counts connection errors. */
  readonly statuses: Map<number | 'failed', number>;
  /** Retry-After values seen on 429/503. */
  readonly retryAfters: Set<string | null>;
  /** Bodies of responses other than 200/429/503 (the first few). */
  readonly oddResponses: string[];
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class LoadLoop {
  readonly tally: LoadTally = {
    acked: { traces: [], logs: [] },
    sent: { traces: new Set(), logs: new Set() },
    statuses: new Map(),
    retryAfters: new Set(),
    oddResponses: [],
  };
  private sequence = 0;
  private stopping = false;
  private readonly workers: Promise<void>[];

  constructor(private readonly options: LoadLoopOptions) {
    this.workers = Array.from({ length: options.concurrency }, () => this.work());
  }

  /** Stops starting requests and resolves once every worker finished its last one. */
  async stop(): Promise<LoadTally> {
    this.stopping = true;
    await Promise.all(this.workers);
    return this.tally;
  }

  count(status: number | 'failed'): number {
    return this.tally.statuses.get(status) ?? 0;
  }

  private nextRequest(): LoadRequest {
    const sequence = this.sequence++;
    const request = sequence % 2 === 0 ? spanRequest(this.options.runTag, sequence, this.options.spansPerRequest) : logRequest(this.options.runTag, sequence, this.options.logsPerRequest);
    for (const id of request.itemIds) this.tally.sent[request.signal].add(id);
    return request;
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      if (this.options.target() === undefined) {
        await pause(50);
        continue;
      }
      const request = this.nextRequest();
      await this.deliver(request);
    }
  }

  private async deliver(request: LoadRequest): Promise<void> {
    for (;;) {
      const port = this.options.target();
      if (port === undefined) {
        await pause(50);
        continue;
      }
      const result = await postLoadRequest(port, request);
      const key = result.kind === 'failed' ? 'failed' : result.status;
      this.tally.statuses.set(key, (this.tally.statuses.get(key) ?? 0) + 1);
      if (result.kind === 'failed') {
        if (!this.options.retry) return void (await pause(20));
        await pause(50);
        continue;
      }
      if (result.status === 200 && !/"rejected/.test(result.text)) {
        this.tally.acked[request.signal].push(...request.itemIds);
        return;
      }
      if (result.status === 429 || result.status === 503) {
        this.tally.retryAfters.add(result.retryAfter);
        if (!this.options.retry) return;
        await pause(Number(result.retryAfter ?? '1') * 1000);
        continue;
      }
      if (this.tally.oddResponses.length < 5) this.tally.oddResponses.push(`${result.status} ${result.text.slice(0, 300)}`);
      return;
    }
  }
}
