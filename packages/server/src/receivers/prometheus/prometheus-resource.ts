import type { Attributes, KeyValue } from '../../signals/any-value.ts';
import type { ResourceInfo, ScopeInfo } from '../../signals/resource.ts';

/**
 * How Prometheus series become OpenTelemetry resources, shared by the scrape and remote-write
 * receivers: `job` → service.name, `instance` → service.instance.id and server.address/server.port
 * (both labels also stay point attributes, so PromQL-style filters keep working).
 */

export const SCRAPE_SCOPE_NAME = 'sightline/prometheus-scrape';

export function prometheusScope(name: string): ScopeInfo {
  return { name, version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
}

function text(key: string, value: string): KeyValue {
  return { key, value: { kind: 'string', value } };
}

/** `host:port`, `[v6]:port` or a bare host, as Prometheus writes an instance. */
export function splitInstance(instance: string): { readonly address: string; readonly port: number | undefined } {
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(instance);
  if (bracketed !== null) return { address: bracketed[1] ?? '', port: bracketed[2] === undefined ? undefined : Number(bracketed[2]) };
  const colon = instance.lastIndexOf(':');
  // More than one colon without brackets: a bare IPv6 address.
  if (colon < 0 || instance.indexOf(':') !== colon) return { address: instance, port: undefined };
  const port = instance.slice(colon + 1);
  if (!/^\d+$/.test(port)) return { address: instance, port: undefined };
  return { address: instance.slice(0, colon), port: Number(port) };
}

/** The resource of a series with these `job` and `instance` labels (either may be empty). */
export function prometheusResource(job: string, instance: string, scheme?: string): ResourceInfo {
  const attributes: KeyValue[] = [];
  if (job !== '') attributes.push(text('service.name', job));
  if (instance !== '') {
    attributes.push(text('service.instance.id', instance));
    const { address, port } = splitInstance(instance);
    if (address !== '') attributes.push(text('server.address', address));
    if (port !== undefined) attributes.push({ key: 'server.port', value: { kind: 'int', value: BigInt(port) } });
  }
  if (scheme !== undefined && scheme !== '') attributes.push(text('url.scheme', scheme));
  return { attributes, droppedAttributesCount: 0, schemaUrl: '' };
}

/** Labels as point attributes (string values), skipping `__name__` and the names in `omit`. */
export function labelAttributes(labels: ReadonlyMap<string, string>, omit: readonly string[] = []): Attributes {
  const attributes: KeyValue[] = [];
  for (const [key, value] of labels) {
    if (key === '__name__' || omit.includes(key)) continue;
    attributes.push(text(key, value));
  }
  return attributes;
}
