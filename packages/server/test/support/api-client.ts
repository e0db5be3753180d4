/** Small readers of the server's public HTTP API for end-to-end tests. */

export interface ApiSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly [field: string]: unknown;
}

export async function fetchTraceSpans(apiPort: number, traceId: string): Promise<ApiSpan[]> {
  const response = await fetch(`http://127.0.0.1:${apiPort}/api/v1/traces/${traceId}`);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`GET trace ${traceId}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { spans: ApiSpan[] };
  return body.spans;
}

/** The value of one Prometheus counter sample at GET /metrics (0 when absent). */
export async function scrapeCounter(apiPort: number, name: string, labels: Readonly<Record<string, string>>): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${apiPort}/metrics`)).text();
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.lastIndexOf('}'));
    if (wanted.every(([key, value]) => labelText.includes(`${key}="${value}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}
