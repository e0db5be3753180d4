import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doubleSample, intSample } from '../host-sample.ts';
import { diskSamples, parseDiskstats } from './disk.ts';

const DISKSTATS = `   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
 253       0 vda 1000 20 80000 1500 2000 40 160000 3000 2 4000 4500 0 0 0 0 10 5
 253       1 vda1 3 0 24 1 0 0 0 0 0 2 1
 bad line
`;

describe('/proc/diskstats', () => {
  it('keeps devices that did I/O, with their counters', () => {
    const disks = parseDiskstats(DISKSTATS);
    assert.deepEqual(disks.map((disk) => disk.device), ['vda', 'vda1']);
  });

  it('gives the system.disk.* metrics: bytes from 512-byte sectors, times in seconds', () => {
    const [vda] = parseDiskstats(DISKSTATS);
    const read: [string, string][] = [['device', 'vda'], ['direction', 'read']];
    const write: [string, string][] = [['device', 'vda'], ['direction', 'write']];
    assert.deepEqual(diskSamples([vda!]), [
      intSample('system.disk.io', read, 80_000n * 512n),
      intSample('system.disk.io', write, 160_000n * 512n),
      intSample('system.disk.operations', read, 1000n),
      intSample('system.disk.operations', write, 2000n),
      doubleSample('system.disk.io_time', [['device', 'vda']], 4),
      doubleSample('system.disk.operation_time', read, 1.5),
      doubleSample('system.disk.operation_time', write, 3),
      doubleSample('system.disk.weighted_io_time', [['device', 'vda']], 4.5),
      intSample('system.disk.pending_operations', [['device', 'vda']], 2n),
      intSample('system.disk.merged', read, 20n),
      intSample('system.disk.merged', write, 40n),
    ]);
  });
});
