import type { NumberPoint } from '../../signals/metric-point.ts';
import type { ResourceInfo, ScopeInfo } from '../../signals/resource.ts';
import type { HostSample } from './host-sample.ts';
import { hostMetric } from './metric-definitions.ts';

export interface CollectionStamp {
  readonly resource: ResourceInfo;
  readonly scope: ScopeInfo;
  /** Start of every cumulative sum: the boot time. */
  readonly startTimeUnixNano: bigint;
  readonly timeUnixNano: bigint;
}

/** The metric points of one collection: each sample with its metric, resource, scope and times. */
export function samplesToPoints(samples: readonly HostSample[], stamp: CollectionStamp): NumberPoint[] {
  return samples.map((sample) => {
    const { info } = hostMetric(sample.name);
    return {
      kind: 'number',
      metric: info,
      resource: stamp.resource,
      scope: stamp.scope,
      attributes: sample.attributes.map(([key, value]) => ({ key, value: { kind: 'string', value } })),
      startTimeUnixNano: info.type === 'sum' ? stamp.startTimeUnixNano : 0n,
      timeUnixNano: stamp.timeUnixNano,
      flags: 0,
      value: sample.value,
      exemplars: [],
    };
  });
}
