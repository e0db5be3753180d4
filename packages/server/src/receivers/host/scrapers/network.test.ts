import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { intSample } from '../host-sample.ts';
import { connectionSamples, countTcpStates, networkSamples, parseNetDev, TCP_STATES } from './network.ts';

const NET_DEV = `Inter-|   Receive                                                |  Transmit
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
    lo: 12496184119  539175    0    0    0     0          0         0 12496184119  539175    0    0    0     0       0          0
  eth0:4518269458  110631    3    4    0     0          0         0  9299978   75849    5    6    0     0       0          0
`;

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:D03A 00000000:0000 0A 00000000:00000000 00:00000000 00000000   103        0 803221 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1F90 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 1060 1 0000000000000000 20 4 30 10 -1
   2: 0100007F:9C40 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 1061 1 0000000000000000 20 4 30 10 -1
   3: 0100007F:9C41 0100007F:1F90 06 00000000:00000000 03:00000123 00000000     0        0 0 3 0000000000000000
`;

const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1070 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:A000 04 00000000:00000000 00:00000000 00000000     0        0 0 1 0000000000000000 20 4 30 10 -1
`;

describe('/proc/net/dev', () => {
  it('gives io, packets, errors and dropped per interface, transmit then receive', () => {
    const interfaces = parseNetDev(NET_DEV);
    assert.deepEqual(interfaces.map((entry) => entry.device), ['lo', 'eth0']);
    const eth0 = networkSamples(interfaces.filter((entry) => entry.device === 'eth0'));
    const tx: [string, string][] = [['device', 'eth0'], ['direction', 'transmit']];
    const rx: [string, string][] = [['device', 'eth0'], ['direction', 'receive']];
    assert.deepEqual(eth0, [
      intSample('system.network.io', tx, 9_299_978n),
      intSample('system.network.io', rx, 4_518_269_458n),
      intSample('system.network.packets', tx, 75_849n),
      intSample('system.network.packets', rx, 110_631n),
      intSample('system.network.errors', tx, 5n),
      intSample('system.network.errors', rx, 3n),
      intSample('system.network.dropped', tx, 6n),
      intSample('system.network.dropped', rx, 4n),
    ]);
  });
});

describe('/proc/net/tcp and tcp6', () => {
  it('counts connections per state over both files, reporting every state', () => {
    const counts = countTcpStates(TCP6, countTcpStates(TCP));
    const samples = connectionSamples(counts);
    assert.equal(samples.length, TCP_STATES.length);
    const byState = new Map(samples.map((sample) => [sample.attributes[1]?.[1], sample]));
    assert.deepEqual(byState.get('LISTEN'), intSample('system.network.connections', [['protocol', 'tcp'], ['state', 'LISTEN']], 2n));
    assert.deepEqual(byState.get('ESTABLISHED')?.value, { kind: 'int', value: 2n });
    assert.deepEqual(byState.get('TIME_WAIT')?.value, { kind: 'int', value: 1n });
    assert.deepEqual(byState.get('FIN_WAIT_1')?.value, { kind: 'int', value: 1n });
    assert.deepEqual(byState.get('CLOSE_WAIT')?.value, { kind: 'int', value: 0n });
  });
});
