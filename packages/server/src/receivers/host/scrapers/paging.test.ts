import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doubleSample, intSample } from '../host-sample.ts';
import { pagingActivitySamples, pagingUsageSamples, parseSwaps, parseVmstat } from './paging.ts';

const SWAPS = `Filename				Type		Size		Used		Priority
/dev/dm-1                               partition	2097152		524288		-2
/swap\\040file                           file		1048576		0		-3
`;

const VMSTAT = `nr_free_pages 5799451
pgpgin 15961297
pgpgout 42109328
pswpin 12
pswpout 34
pgfault 372752714
pgmajfault 22535
`;

describe('/proc/swaps', () => {
  it('gives used and free bytes and utilization per swap device', () => {
    const devices = parseSwaps(SWAPS);
    assert.deepEqual(devices, [
      { device: '/dev/dm-1', sizeBytes: 2_097_152n * 1024n, usedBytes: 524_288n * 1024n },
      { device: '/swap file', sizeBytes: 1_048_576n * 1024n, usedBytes: 0n },
    ]);
    assert.deepEqual(pagingUsageSamples(devices), [
      intSample('system.paging.usage', [['device', '/dev/dm-1'], ['state', 'used']], 524_288n * 1024n),
      intSample('system.paging.usage', [['device', '/dev/dm-1'], ['state', 'free']], 1_572_864n * 1024n),
      doubleSample('system.paging.utilization', [['device', '/dev/dm-1'], ['state', 'used']], 0.25),
      doubleSample('system.paging.utilization', [['device', '/dev/dm-1'], ['state', 'free']], 0.75),
      intSample('system.paging.usage', [['device', '/swap file'], ['state', 'used']], 0n),
      intSample('system.paging.usage', [['device', '/swap file'], ['state', 'free']], 1_048_576n * 1024n),
      doubleSample('system.paging.utilization', [['device', '/swap file'], ['state', 'used']], 0),
      doubleSample('system.paging.utilization', [['device', '/swap file'], ['state', 'free']], 1),
    ]);
  });

  it('gives nothing for a machine without swap (header only)', () => {
    assert.deepEqual(pagingUsageSamples(parseSwaps('Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n')), []);
  });
});

describe('/proc/vmstat', () => {
  it('gives paging operations (major = swap, minor = paging) and faults (minor = all − major)', () => {
    assert.deepEqual(pagingActivitySamples(parseVmstat(VMSTAT)), [
      intSample('system.paging.operations', [['direction', 'page_in'], ['type', 'major']], 12n),
      intSample('system.paging.operations', [['direction', 'page_out'], ['type', 'major']], 34n),
      intSample('system.paging.operations', [['direction', 'page_in'], ['type', 'minor']], 15_961_297n),
      intSample('system.paging.operations', [['direction', 'page_out'], ['type', 'minor']], 42_109_328n),
      intSample('system.paging.faults', [['type', 'major']], 22_535n),
      intSample('system.paging.faults', [['type', 'minor']], 372_730_179n),
    ]);
  });
});
