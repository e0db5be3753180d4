import type { RowSink } from '../../pipeline/row-sink.ts';
import { parseSyslog } from './parse-syslog.ts';
import { SyslogBatcher } from './syslog-batcher.ts';
import type { SyslogConfig } from './syslog-config.ts';
import { syslogLogRow, type SyslogTransport } from './syslog-log-row.ts';
import type { SyslogMetrics } from './syslog-metrics.ts';
import { TcpListener } from './tcp-listener.ts';
import type { Frame } from './tcp-frame-decoder.ts';
import { UdpListener, type Peer } from './udp-listener.ts';

export interface SyslogReceiverDeps {
  readonly sink: RowSink;
  readonly metrics: SyslogMetrics;
  /** Receive time in Unix milliseconds; a test may fix it. */
  readonly now?: () => number;
}

export interface SyslogPorts {
  readonly udp: number;
  readonly tcp: number;
}

/** Wait before retrying a batch whose insert failed, and how often before giving it up. */
const STORE_RETRY_MS = 1000;
const MAX_STORE_RETRIES = 5;

/**
 * Receives syslog (RFC 5424 and RFC 3164) over UDP and TCP and stores each message as a log record
 * through the RowSink, in batches. Nothing received is lost unseen: TCP senders are held back while
 * the store is behind; UDP datagrams that find the queue full are discarded and counted.
 */
export class SyslogReceiver {
  private readonly batcher: SyslogBatcher;
  private readonly udp: UdpListener;
  private readonly tcp: TcpListener;
  private readonly now: () => number;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly config: SyslogConfig,
    private readonly deps: SyslogReceiverDeps,
  ) {
    this.now = deps.now ?? Date.now;
    this.udp = new UdpListener(config.maxMessageBytes, (frame, peer) => this.receive('udp', frame, peer));
    this.tcp = new TcpListener(config.maxMessageBytes, (frame, peer) => this.receive('tcp', frame, peer));
    this.batcher = new SyslogBatcher(
      deps.sink,
      {
        maxBatchRows: config.batchMaxMessages,
        maxBatchAgeMs: config.batchMaxAgeMs,
        maxQueuedRows: config.maxQueuedMessages,
        storeRetryMs: STORE_RETRY_MS,
        maxStoreRetries: MAX_STORE_RETRIES,
      },
      {
        congestion: (congested) => this.tcp.setPaused(congested),
        discarded: (transport, count, reason) => deps.metrics.discarded.inc({ transport, reason }, count),
      },
    );
  }

  /** Binds both ports (0 picks free ones) and resolves with the ports bound. */
  async start(): Promise<SyslogPorts> {
    const udp = await this.udp.listen(this.config.host, this.config.udpPort);
    try {
      const tcp = await this.tcp.listen(this.config.host, this.config.tcpPort);
      return { udp, tcp };
    } catch (error) {
      await this.udp.close();
      throw error;
    }
  }

  /** Closes the sockets, then stores every message received before; safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await Promise.all([this.udp.close(), this.tcp.close()]);
      await this.batcher.flush();
    })();
    return this.stopping;
  }

  private receive(transport: SyslogTransport, frame: Frame, peer: Peer): void {
    const nowMs = this.now();
    const message = parseSyslog(frame.bytes.toString('utf8'), { nowMs, timeZone: this.config.timeZone });
    const row = syslogLogRow(message, {
      transport,
      peerAddress: peer.address,
      peerPort: peer.port,
      receivedUnixNano: BigInt(nowMs) * 1_000_000n,
      truncated: frame.truncated,
    });
    const metrics = this.deps.metrics;
    metrics.received.inc({ transport });
    if (message.format === 'unparsed') metrics.unparsed.inc({ transport });
    if (frame.truncated) metrics.truncated.inc({ transport });
    if (transport === 'tcp') this.batcher.add(row, transport);
    else if (!this.batcher.offer(row, transport)) metrics.discarded.inc({ transport, reason: 'queue_full' });
  }
}
