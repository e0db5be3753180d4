/**
 * Which host each host-metric series belongs to. Pure.
 * OpenTelemetry: resource `host.name`. node_exporter: the `nodename` of the scrape target's
 * `node_uname_info`, else the host part of its `instance` (`job`/`instance`, or `service.name` /
 * `service.instance.id` when a Collector moved them to the resource).
 */

import type { HostSource } from '@sightline/contract';
import { seriesMeaning, type HostRole, type SeriesMeaning } from './host-metric-catalog.ts';

export interface HostSeriesRow {
  readonly metricName: string;
  /** Decimal text (UInt64). */
  readonly fingerprint: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The series row's last_seen, unix ms (refreshed at most hourly). */
  readonly seenMs: number;
}

export interface ResolvedSeries extends SeriesMeaning {
  readonly host: string;
  readonly fingerprint: string;
}

export interface HostInfo {
  readonly name: string;
  readonly sources: HostSource[];
  os: string;
  seenMs: number;
}

export interface ResolvedHosts {
  readonly series: ResolvedSeries[];
  /** By name. */
  readonly hosts: Map<string, HostInfo>;
}

/** `host:port`, `[v6]:port` or a bare host → the host. */
export function instanceHost(instance: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(instance);
  if (bracketed !== null) return bracketed[1] ?? instance;
  const colons = instance.split(':').length - 1;
  if (colons === 1) return instance.slice(0, instance.indexOf(':'));
  return instance;
}

function targetKey(labels: Readonly<Record<string, string>>): string | undefined {
  const instance = labels.instance ?? labels['service.instance.id'] ?? '';
  if (instance === '') return undefined;
  return JSON.stringify([labels.job ?? labels['service.name'] ?? '', instance]);
}

function hostOf(row: HostSeriesRow, source: HostSource, nodenames: ReadonlyMap<string, string>): string | undefined {
  if (source === 'otel') {
    const name = row.labels['host.name'] ?? '';
    return name === '' ? undefined : name;
  }
  const key = targetKey(row.labels);
  if (key === undefined) return undefined;
  const instance = row.labels.instance ?? row.labels['service.instance.id'] ?? '';
  return nodenames.get(key) ?? instanceHost(instance);
}

/** The series grouped by host; series of no host (no `host.name`, no `instance`) are left out. */
export function resolveHosts(rows: readonly HostSeriesRow[]): ResolvedHosts {
  const nodenames = new Map<string, string>();
  const sysnames = new Map<string, string>();
  for (const row of rows) {
    if (row.metricName !== 'node_uname_info') continue;
    const key = targetKey(row.labels);
    const nodename = row.labels.nodename ?? '';
    if (key === undefined || nodename === '') continue;
    nodenames.set(key, nodename);
    sysnames.set(key, (row.labels.sysname ?? '').toLowerCase());
  }
  const series: ResolvedSeries[] = [];
  const hosts = new Map<string, HostInfo>();
  for (const row of rows) {
    const meaning = seriesMeaning(row.metricName, row.labels);
    if (meaning === undefined) continue;
    const host = hostOf(row, meaning.source, nodenames);
    if (host === undefined) continue;
    let info = hosts.get(host);
    if (info === undefined) {
      info = { name: host, sources: [], os: '', seenMs: 0 };
      hosts.set(host, info);
    }
    if (!info.sources.includes(meaning.source)) info.sources.push(meaning.source);
    info.seenMs = Math.max(info.seenMs, row.seenMs);
    const os = meaning.source === 'otel' ? (row.labels['os.type'] ?? '') : (sysnames.get(targetKey(row.labels) ?? '') ?? '');
    if (os !== '' && (info.os === '' || meaning.source === 'otel')) info.os = os;
    if (meaning.role !== 'uname') series.push({ ...meaning, host, fingerprint: row.fingerprint });
  }
  for (const info of hosts.values()) info.sources.sort();
  return { series: preferOtel(series), hosts };
}

/** The figure a role feeds: a host reporting it through both sources keeps the OpenTelemetry series. */
function figureOf(role: HostRole): string {
  if (role.startsWith('mem')) return 'memory';
  if (role.startsWith('fs')) return 'fs';
  return role;
}

function preferOtel(series: readonly ResolvedSeries[]): ResolvedSeries[] {
  const otel = new Set(series.filter((s) => s.source === 'otel').map((s) => `${s.host}\u0000${figureOf(s.role)}`));
  return series.filter((s) => s.source === 'otel' || !otel.has(`${s.host}\u0000${figureOf(s.role)}`));
}
