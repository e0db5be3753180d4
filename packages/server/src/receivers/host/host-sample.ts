import type { NumberValue } from '../../signals/metric-point.ts';
import type { HostMetricName } from './metric-definitions.ts';

/** One value a scraper read, before it gets the resource, scope and timestamps of its collection. */
export interface HostSample {
  readonly name: HostMetricName;
  /** Data point attributes, in the order the Collector sets them. */
  readonly attributes: readonly (readonly [string, string])[];
  readonly value: NumberValue;
}

export function intSample(name: HostMetricName, attributes: readonly (readonly [string, string])[], value: bigint): HostSample {
  return { name, attributes, value: { kind: 'int', value } };
}

export function doubleSample(name: HostMetricName, attributes: readonly (readonly [string, string])[], value: number): HostSample {
  return { name, attributes, value: { kind: 'double', value } };
}
