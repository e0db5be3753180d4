import { createHash } from 'node:crypto';
import type { Attributes } from '../../signals/any-value.ts';
import type { MetricPoint } from '../../signals/metric-point.ts';
import { labelText } from '../schema/metrics-tables.ts';

function appendAttributes(parts: string[], attributes: Attributes): void {
  const sorted = [...attributes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const attribute of sorted) parts.push(attribute.key, labelText(attribute.value));
  parts.push('');
}

/**
 * A stable 64-bit identity for a series: the metric's name, type, unit and temporality, and every
 * resource, scope and point attribute (order-independent).
 */
export function seriesFingerprint(point: MetricPoint): bigint {
  const { metric } = point;
  const parts = [metric.name, metric.type, metric.unit, String(metric.temporality), metric.isMonotonic ? '1' : '0'];
  appendAttributes(parts, point.resource.attributes);
  parts.push(point.scope.name, point.scope.version);
  appendAttributes(parts, point.scope.attributes);
  appendAttributes(parts, point.attributes);
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return digest.readBigUInt64LE(0);
}
