import { connect } from 'node:net';
import { LOOPBACK } from '../exporters/loopback.ts';

/** The AMQP 0-9-1 protocol header a client opens with. */
const PROTOCOL_HEADER = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);
const METHOD_FRAME = 1;
const CONNECTION_CLASS = 10;
const START_METHOD = 10;

/**
 * Opens the AMQP handshake on 127.0.0.1:port without any client library (the tests must load amqplib
 * only after its instrumentation is registered): resolves true once the broker answers with
 * `connection.start` on channel 0, false when it refuses, closes or answers something else.
 */
export function answersAmqp(port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOOPBACK, port });
    let received = Buffer.alloc(0);
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => socket.write(PROTOCOL_HEADER));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      // Frame: type (1) channel (2) size (4), then the method payload: class id (2) method id (2).
      if (received.length < 11) return;
      finish(received.readUInt8(0) === METHOD_FRAME && received.readUInt16BE(1) === 0
        && received.readUInt16BE(7) === CONNECTION_CLASS && received.readUInt16BE(9) === START_METHOD);
    });
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
  });
}
