import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../errors.ts';
import { MetricsEncoder } from '../storage/encode/encode-signals.ts';
import { decodeAndEncode } from './decode-encode.ts';
import { DEFAULT_DECODE_OPTIONS, type DecodeOptions, type FromWorker, type ToWorker } from './worker-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('decode-worker must run in a worker thread');

const metrics = new MetricsEncoder();
const options: DecodeOptions = (workerData as DecodeOptions | null) ?? DEFAULT_DECODE_OPTIONS;

port.on('message', (message: ToWorker) => {
  if (message.type === 'forget-series') {
    metrics.forget();
    return;
  }
  let reply: FromWorker;
  const transfer: ArrayBuffer[] = [];
  try {
    const batch = decodeAndEncode(message.signal, message.format, message.body, metrics, options, message.environment);
    for (const chunk of batch.chunks) transfer.push(chunk.data.buffer as ArrayBuffer);
    reply = { id: message.id, ok: true, batch };
  } catch (error) {
    reply = isAppError(error)
      ? { id: message.id, ok: false, code: error.code, message: error.message }
      : { id: message.id, ok: false, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, transfer);
});
