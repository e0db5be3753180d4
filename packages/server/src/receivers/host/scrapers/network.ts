import { intSample, type HostSample } from '../host-sample.ts';
import type { HostMetricName } from '../metric-definitions.ts';
import { fieldsOf, linesOf, parseCount } from './proc-text.ts';

export interface InterfaceCounters {
  readonly device: string;
  readonly receive: DirectionCounters;
  readonly transmit: DirectionCounters;
}

export interface DirectionCounters {
  readonly bytes: bigint;
  readonly packets: bigint;
  readonly errors: bigint;
  readonly dropped: bigint;
}

function direction(values: readonly (bigint | undefined)[], offset: number): DirectionCounters | undefined {
  const [bytes, packets, errors, dropped] = values.slice(offset, offset + 4);
  if (bytes === undefined || packets === undefined || errors === undefined || dropped === undefined) return undefined;
  return { bytes, packets, errors, dropped };
}

/** Parses /proc/net/dev: eight receive then eight transmit counters per interface. */
export function parseNetDev(text: string): InterfaceCounters[] {
  const interfaces: InterfaceCounters[] = [];
  for (const line of linesOf(text)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const values = fieldsOf(line.slice(colon + 1)).map(parseCount);
    const receive = direction(values, 0);
    const transmit = direction(values, 8);
    if (receive === undefined || transmit === undefined) continue;
    interfaces.push({ device: line.slice(0, colon).trim(), receive, transmit });
  }
  return interfaces;
}

const COUNTERS: readonly [HostMetricName, keyof DirectionCounters][] = [
  ['system.network.io', 'bytes'],
  ['system.network.packets', 'packets'],
  ['system.network.errors', 'errors'],
  ['system.network.dropped', 'dropped'],
];

/** `system.network.io`, `.packets`, `.errors` and `.dropped` per interface and direction. */
export function networkSamples(interfaces: readonly InterfaceCounters[]): HostSample[] {
  const samples: HostSample[] = [];
  for (const [name, counter] of COUNTERS) {
    for (const { device, receive, transmit } of interfaces) {
      samples.push(intSample(name, [['device', device], ['direction', 'transmit']], transmit[counter]));
      samples.push(intSample(name, [['device', device], ['direction', 'receive']], receive[counter]));
    }
  }
  return samples;
}

/** Every TCP state the Collector reports on Linux, each even when no connection is in it. */
export const TCP_STATES = [
  'CLOSE_WAIT', 'CLOSE', 'CLOSING', 'DELETE', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'LAST_ACK', 'LISTEN', 'SYN_SENT', 'SYN_RECV', 'TIME_WAIT',
] as const;

/** The kernel's TCP state numbers (include/net/tcp_states.h) as written in the `st` column. */
const STATE_BY_CODE: ReadonlyMap<number, (typeof TCP_STATES)[number]> = new Map([
  [0x01, 'ESTABLISHED'],
  [0x02, 'SYN_SENT'],
  [0x03, 'SYN_RECV'],
  [0x04, 'FIN_WAIT_1'],
  [0x05, 'FIN_WAIT_2'],
  [0x06, 'TIME_WAIT'],
  [0x07, 'CLOSE'],
  [0x08, 'CLOSE_WAIT'],
  [0x09, 'LAST_ACK'],
  [0x0a, 'LISTEN'],
  [0x0b, 'CLOSING'],
  [0x0c, 'SYN_RECV'],
] as const);

/** Adds the connections of one /proc/net/tcp or /proc/net/tcp6 text to `counts`, by state. */
export function countTcpStates(text: string, counts: Map<string, bigint> = new Map()): Map<string, bigint> {
  for (const line of linesOf(text).slice(1)) {
    const code = fieldsOf(line)[3];
    if (code === undefined || !/^[0-9A-Fa-f]{2}$/.test(code)) continue;
    const state = STATE_BY_CODE.get(parseInt(code, 16));
    if (state !== undefined) counts.set(state, (counts.get(state) ?? 0n) + 1n);
  }
  return counts;
}

/** `system.network.connections` for TCP, one point per state. */
export function connectionSamples(counts: ReadonlyMap<string, bigint>): HostSample[] {
  return TCP_STATES.map((state) => intSample('system.network.connections', [['protocol', 'tcp'], ['state', state]], counts.get(state) ?? 0n));
}
