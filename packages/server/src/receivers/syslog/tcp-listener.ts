import net from 'node:net';
import { TcpFrameDecoder } from './tcp-frame-decoder.ts';
import type { FrameHandler } from './udp-listener.ts';

/**
 * Syslog over TCP (RFC 6587): each connection's stream split into messages by its framing. While
 * paused (the store is not keeping up) no socket is read, so TCP flow control holds the senders.
 */
export class TcpListener {
  private server: net.Server | undefined;
  /** Each open connection with the function that hands on what it has sent and not yet framed. */
  private readonly sockets = new Map<net.Socket, () => void>();
  private paused = false;

  constructor(
    private readonly maxMessageBytes: number,
    private readonly onFrame: FrameHandler,
  ) {}

  async listen(host: string, port: number): Promise<number> {
    const server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : port;
  }

  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    for (const socket of this.sockets.keys()) {
      if (paused) socket.pause();
      else socket.resume();
    }
  }

  /** Stops accepting; what each connection had sent up to now is handed on before it is closed. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const [socket, finish] of this.sockets) {
      // read() hands what the stream buffered while paused to the 'data' handler.
      let buffered: unknown = socket.read();
      while (buffered !== null) buffered = socket.read();
      finish();
      socket.destroy();
    }
    await closed;
  }

  private accept(socket: net.Socket): void {
    const decoder = new TcpFrameDecoder(this.maxMessageBytes);
    const peer = { address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 };
    // At the end of the stream (or a reset) an unfinished message is handed on as it is.
    const finish = (): void => {
      for (const frame of decoder.end()) this.onFrame(frame, peer);
    };
    this.sockets.set(socket, finish);
    if (this.paused) socket.pause();
    socket.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk)) this.onFrame(frame, peer);
    });
    socket.on('end', finish);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      finish();
      this.sockets.delete(socket);
    });
  }
}
