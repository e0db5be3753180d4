/** The Targets page's state (sort), summary, formats and the add-target form's parsing. Pure. */

import { prometheusTargetCreateSchema, type PrometheusTarget, type PrometheusTargetCreate } from '@sightline/contract';
import { compareText, readSort, writeSort, type SortState, type SortValue } from '../apm/table-sort.ts';

export const TARGET_COLUMNS = ['job', 'health', 'url', 'lastScrape', 'duration', 'samples', 'source'] as const;
export type TargetColumn = (typeof TARGET_COLUMNS)[number];

export const DEFAULT_TARGET_SORT: SortState<TargetColumn> = { column: 'job', order: 'asc' };

/** How often the page asks for fresh health. */
export const TARGETS_REFRESH_MS = 10_000;

export function readTargetsView(params: URLSearchParams): SortState<TargetColumn> {
  return readSort(params, TARGET_COLUMNS, DEFAULT_TARGET_SORT);
}

export function writeTargetsView(params: URLSearchParams, sort: SortState<TargetColumn>): void {
  writeSort(params, sort, DEFAULT_TARGET_SORT);
}

/** How much a target needs a look: health sorts like a number, so its first click (biggest first) shows down targets first. */
const HEALTH_TROUBLE: Readonly<Record<PrometheusTarget['health'], number>> = { down: 2, unknown: 1, up: 0 };

export function targetSortValue(column: TargetColumn): (target: PrometheusTarget) => SortValue {
  switch (column) {
    case 'job':
      return (t) => t.job;
    case 'health':
      return (t) => HEALTH_TROUBLE[t.health];
    case 'url':
      return (t) => t.url;
    case 'lastScrape':
      return (t) => t.lastScrapeMs;
    case 'duration':
      return (t) => t.lastDurationMs;
    case 'samples':
      return (t) => t.samples;
    case 'source':
      return (t) => t.source;
  }
}

/** Ties (e.g. targets of one job) in job, then URL order, so a job's targets stay together. */
export const byJobThenUrl = (a: PrometheusTarget, b: PrometheusTarget): number => compareText(a.job, b.job) || compareText(a.url, b.url);

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `5 targets · 1 down · 2 not scraped yet`: the parts that are zero left out. */
export function targetsSummary(targets: readonly PrometheusTarget[]): string {
  const down = targets.filter((t) => t.health === 'down').length;
  const unknown = targets.filter((t) => t.health === 'unknown').length;
  const parts = [plural(targets.length, 'target')];
  if (down > 0) parts.push(`${down} down`);
  if (unknown > 0) parts.push(`${unknown} not scraped yet`);
  return parts.join(' · ');
}

export const HEALTH_TEXT: Readonly<Record<PrometheusTarget['health'], string>> = { up: 'up', down: 'down', unknown: 'unknown' };

const DASH = '–';

/** How long ago `ms` was, coarsely: `just now`, `4 s ago`, `3 min ago`, `2 h ago`, `5 d ago`. */
export function formatAgo(ms: number | null, nowMs: number): string {
  if (ms === null) return 'never';
  const seconds = Math.max(0, Math.round((nowMs - ms) / 1000));
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** A scrape's duration: `0.4 ms`, `12 ms`, `1.25 s`. */
export function formatScrapeDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return DASH;
  if (ms < 1) return `${Number(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

export function formatSamples(samples: number | null): string {
  return samples === null || !Number.isFinite(samples) ? DASH : samples.toLocaleString('en-US');
}

/** The labels worth showing beside the URL, sorted by name: `job` has its own column. */
export function shownLabels(labels: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(labels)
    .filter(([name]) => name !== 'job')
    .sort(([a], [b]) => compareText(a, b));
}

export interface TargetFormInput {
  readonly job: string;
  /** `host:port`, or a whole URL (`http://host:port/path`) that sets the scheme and path too. */
  readonly address: string;
  readonly metricsPath: string;
}

export type TargetFormField = keyof TargetFormInput;

export type TargetFormResult =
  { readonly ok: true; readonly body: PrometheusTargetCreate } | { readonly ok: false; readonly problems: Partial<Record<TargetFormField, string>> };

const FIELD_OF: Readonly<Record<string, TargetFormField>> = { job: 'job', target: 'address', scheme: 'address', metrics_path: 'metricsPath' };

/** The address split when it was pasted as a URL; as typed otherwise. */
function splitAddress(address: string): { target: string; scheme?: 'http' | 'https'; path?: string } {
  const match = /^(https?):\/\/([^/?#]+)([^?#]*)$/i.exec(address);
  if (match === null) return { target: address };
  const scheme = match[1]?.toLowerCase() === 'https' ? 'https' : 'http';
  const path = match[3] ?? '';
  return { target: match[2] ?? '', scheme, ...(path === '' || path === '/' ? {} : { path }) };
}

/** The form's text as a `POST /api/v1/prometheus/targets` body, or what is wrong with each field. */
export function parseTargetForm(input: TargetFormInput): TargetFormResult {
  const job = input.job.trim();
  const address = input.address.trim();
  const typedPath = input.metricsPath.trim();
  const problems: Partial<Record<TargetFormField, string>> = {};
  if (job === '') problems.job = 'Enter a job name.';
  if (address === '') problems.address = 'Enter the exporter’s host:port.';
  if (typedPath !== '' && !typedPath.startsWith('/')) problems.metricsPath = 'The path starts with “/”.';
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const split = splitAddress(address);
  const metricsPath = typedPath !== '' ? typedPath : split.path;
  const body: PrometheusTargetCreate = {
    job,
    target: split.target,
    ...(split.scheme === undefined ? {} : { scheme: split.scheme }),
    ...(metricsPath === undefined ? {} : { metrics_path: metricsPath }),
  };
  const parsed = prometheusTargetCreateSchema.safeParse(body);
  if (parsed.success) return { ok: true, body };
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0])] ?? 'address';
    problems[field] ??= field === 'address' ? 'Expected host:port, e.g. 10.0.0.5:9100.' : issue.message;
  }
  return { ok: false, problems };
}
