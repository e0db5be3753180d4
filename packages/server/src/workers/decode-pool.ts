import { Worker } from 'node:worker_threads';
import { AppError, ErrorCodes, type ErrorCode } from '../errors.ts';
import type { DecodeContext, OtlpDecoder, OtlpFormat } from '../receivers/otlp/otlp-decoder.ts';
import type { EncodedBatch, SignalName } from '../signals/decoded.ts';
import { DEFAULT_DECODE_OPTIONS, type DecodeOptions, type FromWorker, type ToWorker } from './worker-protocol.ts';

interface PendingTask {
  resolve(batch: EncodedBatch): void;
  reject(error: unknown): void;
}

interface PoolWorker {
  worker: Worker;
  tasks: Map<number, PendingTask>;
}

const ENTRY = new URL('./decode-worker-entry.mjs', import.meta.url);
const KNOWN_CODES = new Set<string>(Object.values(ErrorCodes));

/** Decodes OTLP requests on worker threads, least-busy first; a crashed worker is replaced. */
export class DecodePool implements OtlpDecoder {
  private readonly workers: PoolWorker[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly options: DecodeOptions = DEFAULT_DECODE_OPTIONS,
  ) {
    for (let index = 0; index < size; index++) this.workers.push(this.spawn());
  }

  private spawn(): PoolWorker {
    const entry: PoolWorker = { worker: new Worker(ENTRY, { workerData: this.options }), tasks: new Map() };
    entry.worker.on('message', (message: FromWorker) => {
      const task = entry.tasks.get(message.id);
      if (task === undefined) return;
      entry.tasks.delete(message.id);
      if (message.ok) task.resolve(message.batch);
      else task.reject(new AppError(KNOWN_CODES.has(message.code) ? (message.code as ErrorCode) : ErrorCodes.INTERNAL, message.message));
    });
    const fail = (error: unknown): void => {
      for (const task of entry.tasks.values()) {
        task.reject(new AppError(ErrorCodes.INTERNAL, 'decoder worker stopped unexpectedly; retry', { cause: error, retryAfterSeconds: 1 }));
      }
      entry.tasks.clear();
      const index = this.workers.indexOf(entry);
      if (index >= 0 && !this.closed) this.workers[index] = this.spawn();
    };
    entry.worker.on('error', fail);
    entry.worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`worker exited with code ${code}`));
    });
    return entry;
  }

  decode(signal: SignalName, format: OtlpFormat, body: Uint8Array, context?: DecodeContext): Promise<EncodedBatch> {
    let target = this.workers[0] as PoolWorker;
    for (const candidate of this.workers) if (candidate.tasks.size < target.tasks.size) target = candidate;
    const id = this.nextId++;
    // A copy the worker can own: request bodies may be views into shared pooled memory.
    const owned = new Uint8Array(body);
    return new Promise<EncodedBatch>((resolve, reject) => {
      target.tasks.set(id, { resolve, reject });
      const task: ToWorker = { type: 'decode', id, signal, format, body: owned, environment: context?.environment };
      target.worker.postMessage(task, [owned.buffer]);
    });
  }

  forgetSeries(): void {
    const message: ToWorker = { type: 'forget-series' };
    for (const entry of this.workers) entry.worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }
}
