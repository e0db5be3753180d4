/**
 * OTLP/HTTP JSON requests whose every item carries a unique, recognisable id, for load tests that
 * must later tell exactly which items were stored: spans get trace id = f(run, request) and span id
 * = f(request, index); log records get the body `<run>-log-<request>-<index>`.
 */

export type LoadSignal = 'traces' | 'logs';

export interface LoadRequest {
  readonly signal: LoadSignal;
  readonly body: string;
  /** Span ids (`traceId/spanId`) or log bodies carried by the request. */
  readonly itemIds: readonly string[];
}

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/** A run tag: 8 hex digits, so concurrent or repeated runs never share ids. */
export function newRunTag(): string {
  return hex(Math.floor(Math.random() * 0xffffffff), 8);
}

export function serviceOf(runTag: string): string {
  return `load-${runTag}`;
}

const resource = (runTag: string): object => ({ attributes: [{ key: 'service.name', value: { stringValue: serviceOf(runTag) } }] });

/** One trace per request: `count` spans, the first the root. */
export function spanRequest(runTag: string, sequence: number, count: number): LoadRequest {
  const traceId = `${runTag}${hex(sequence, 24)}`;
  const startNs = BigInt(Date.now()) * 1_000_000n;
  const spans = Array.from({ length: count }, (_, i) => ({
    traceId,
    spanId: hex(sequence % 0xffffff, 6) + hex(i + 1, 10),
    ...(i === 0 ? {} : { parentSpanId: hex(sequence % 0xffffff, 6) + hex(1, 10) }),
    name: i === 0 ? 'GET /load' : `step ${i}`,
    kind: i === 0 ? 2 : 1,
    startTimeUnixNano: String(startNs + BigInt(i) * 1000n),
    endTimeUnixNano: String(startNs + BigInt(i) * 1000n + 500_000n),
    attributes: [{ key: 'load.sequence', value: { intValue: String(sequence) } }],
  }));
  const body = { resourceSpans: [{ resource: resource(runTag), scopeSpans: [{ scope: { name: 'sightline-load' }, spans }] }] };
  return { signal: 'traces', body: JSON.stringify(body), itemIds: spans.map((span) => `${span.traceId}/${span.spanId}`) };
}

export function logBody(runTag: string, sequence: number, index: number): string {
  return `${runTag}-log-${sequence}-${index}`;
}

export function logRequest(runTag: string, sequence: number, count: number): LoadRequest {
  const nowNs = String(BigInt(Date.now()) * 1_000_000n);
  const logRecords = Array.from({ length: count }, (_, i) => ({
    timeUnixNano: nowNs,
    severityNumber: 9,
    severityText: 'INFO',
    body: { stringValue: logBody(runTag, sequence, i) },
  }));
  const body = { resourceLogs: [{ resource: resource(runTag), scopeLogs: [{ scope: { name: 'sightline-load' }, logRecords }] }] };
  return { signal: 'logs', body: JSON.stringify(body), itemIds: logRecords.map((record) => record.body.stringValue) };
}

export type PostResult = { kind: 'status'; status: number; retryAfter: string | null; text: string } | { kind: 'failed'; error: string };

/** POSTs one request; a connection error (the server died mid-request) is a result, not a throw. */
export async function postLoadRequest(httpPort: number, request: LoadRequest): Promise<PostResult> {
  try {
    const response = await fetch(`http://127.0.0.1:${httpPort}/v1/${request.signal}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: request.body,
    });
    const text = await response.text();
    return { kind: 'status', status: response.status, retryAfter: response.headers.get('retry-after'), text };
  } catch (error) {
    return { kind: 'failed', error: String((error as { cause?: unknown }).cause ?? error) };
  }
}
