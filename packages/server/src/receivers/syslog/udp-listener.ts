import dgram from 'node:dgram';
import net from 'node:net';
import type { Frame } from './tcp-frame-decoder.ts';
import { wholeUtf8Prefix } from './utf8-prefix.ts';

/** A sender's address as the transports report it. */
export interface Peer {
  readonly address: string;
  readonly port: number;
}

export type FrameHandler = (frame: Frame, peer: Peer) => void;

/** Syslog over UDP (RFC 5426): one message per datagram, cut to the size limit. */
export class UdpListener {
  private socket: dgram.Socket | undefined;

  constructor(
    private readonly maxMessageBytes: number,
    private readonly onFrame: FrameHandler,
  ) {}

  /** Resolves with the bound port (useful when asked for port 0). */
  async listen(host: string, port: number): Promise<number> {
    const socket = dgram.createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4' });
    socket.on('message', (message, remote) => {
      const truncated = message.length > this.maxMessageBytes;
      const bytes = truncated ? wholeUtf8Prefix(message.subarray(0, this.maxMessageBytes)) : message;
      this.onFrame({ bytes, truncated }, { address: remote.address, port: remote.port });
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    // A datagram socket's errors (e.g. ICMP unreachable on some systems) must not end the process.
    socket.on('error', () => undefined);
    this.socket = socket;
    return socket.address().port;
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (socket !== undefined) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }
}
