import http from 'node:http';

/** One Server-Sent Events message. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * A minimal Server-Sent Events reader over a plain socket (no keep-alive agent) for live-tail
 * tests: it collects events and comments as they arrive.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  /** Resolves when the server ends the stream (or the socket closes). */
  readonly ended: Promise<void>;
  private buffer = '';

  private constructor(
    private readonly request: http.ClientRequest,
    readonly response: http.IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
    this.ended = new Promise((resolve) => {
      response.on('end', resolve);
      response.on('close', resolve);
    });
  }

  /** Opens the stream; resolves once the response headers arrived. */
  static open(url: string): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (response) => resolve(new SseClient(request, response)));
      request.on('error', reject);
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) this.events.push({ event, data: data.join('\n') });
    }
  }

  /** Waits until `check` holds, polling every 10 ms; fails after `timeoutMs`. */
  async waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Disconnects, as a browser closing the page. */
  close(): void {
    this.request.destroy();
  }
}
