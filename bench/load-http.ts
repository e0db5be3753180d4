import { readFileSync } from 'node:fs';
import http from 'node:http';

/**
 * The load process: POSTs pre-built OTLP/HTTP protobuf bodies with `concurrency` requests in flight
 * for `seconds`, waiting for each acknowledgement; honours 429/503 Retry-After. Prints JSON.
 * argv: bodiesFile port path itemsPerRequest seconds concurrency
 */
const [file, portText, path, itemsText, secondsText, concurrencyText] = process.argv.slice(2);
const bodies = JSON.parse(readFileSync(file!, 'utf8')) as string[];
const buffers = bodies.map((body) => Buffer.from(body, 'base64'));
const port = Number(portText);
const itemsPerRequest = Number(itemsText);
const deadline = Date.now() + Number(secondsText) * 1000;
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrencyText) });

const latencies: number[] = [];
let acked = 0;
let refused = 0;
let failed = 0;
let next = 0;

function post(body: Buffer): Promise<{ status: number; retryAfter: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/x-protobuf', 'content-length': body.length } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: Number(response.headers['retry-after'] ?? 1) }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function worker(): Promise<void> {
  while (Date.now() < deadline) {
    const body = buffers[next++ % buffers.length]!;
    const started = performance.now();
    const { status, retryAfter } = await post(body);
    if (status === 200) {
      latencies.push(performance.now() - started);
      acked++;
    } else if (status === 429 || status === 503) {
      refused++;
      await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfter, 1) * 1000));
    } else {
      failed++;
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const quantile = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
console.log(JSON.stringify({ acked, items: acked * itemsPerRequest, seconds, refused, failed, p50: quantile(0.5), p99: quantile(0.99) }));
agent.destroy();
