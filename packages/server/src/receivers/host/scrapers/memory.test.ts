import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doubleSample, intSample } from '../host-sample.ts';
import { memorySamples, parseMeminfo } from './memory.ts';

const MEMINFO = `MemTotal:       16000000 kB
MemFree:         4000000 kB
MemAvailable:   11000000 kB
Buffers:          500000 kB
Cached:          6000000 kB
SwapCached:            0 kB
Slab:            1200000 kB
SReclaimable:    1000000 kB
SUnreclaim:       200000 kB
HugePages_Total:       0
`;

const KiB = 1024n;

describe('/proc/meminfo', () => {
  it('reads fields in bytes (kB is KiB) and plain counts as they are', () => {
    const fields = parseMeminfo(MEMINFO);
    assert.equal(fields.get('MemTotal'), 16_000_000n * KiB);
    assert.equal(fields.get('HugePages_Total'), 0n);
  });

  it('gives usage states where used + free + buffered + cached = MemTotal, and utilization per state', () => {
    const usage = (state: string, kib: bigint) => intSample('system.memory.usage', [['state', state]], kib * KiB);
    const share = (state: string, value: number) => doubleSample('system.memory.utilization', [['state', state]], value);
    assert.deepEqual(memorySamples(parseMeminfo(MEMINFO)), [
      usage('used', 4_500_000n),
      usage('free', 4_000_000n),
      usage('buffered', 500_000n),
      usage('cached', 7_000_000n),
      usage('slab_reclaimable', 1_000_000n),
      usage('slab_unreclaimable', 200_000n),
      share('used', 0.28125),
      share('free', 0.25),
      share('buffered', 0.03125),
      share('cached', 0.4375),
      share('slab_reclaimable', 0.0625),
      share('slab_unreclaimable', 0.0125),
    ]);
  });

  it('gives nothing without MemTotal', () => {
    assert.deepEqual(memorySamples(parseMeminfo('MemFree: 10 kB\n')), []);
  });
});
