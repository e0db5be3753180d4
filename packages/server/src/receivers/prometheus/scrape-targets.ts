import { createHash } from 'node:crypto';
import { compileRelabel, relabel, type RelabelRule } from './relabel.ts';
import type { GlobalScrapeConfig, PrometheusScrapeConfig, ScrapeJobConfig } from './scrape-config.ts';

/** A target added at runtime (through the API, kept in the store), read by the manager. */
export interface RuntimeScrapeTarget {
  readonly id: string;
  readonly job: string;
  /** `host:port`. */
  readonly target: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly metricsPath: string;
  readonly scheme: 'http' | 'https';
  /** Scrape interval; the global one when absent. */
  readonly intervalSeconds?: number | undefined;
}

export type TargetSource = 'config' | 'api';

/** A target ready to scrape: final labels, URL and the settings of its job. */
export interface ActiveTarget {
  readonly id: string;
  readonly source: TargetSource;
  readonly job: string;
  readonly url: string;
  readonly scheme: string;
  /** Target labels after relabel_configs (`job`, `instance`, static labels; no `__` labels). */
  readonly labels: ReadonlyMap<string, string>;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  /** Authorization header value, if any. */
  readonly authorization: string | undefined;
  readonly honorLabels: boolean;
  readonly metricRelabel: readonly RelabelRule[];
}

function configTargetId(job: string, address: string): string {
  return `config-${createHash('sha256').update(`${job}\u0000${address}`).digest('hex').slice(0, 16)}`;
}

function authorizationOf(job: Pick<ScrapeJobConfig, 'basic_auth' | 'bearer_token'>): string | undefined {
  if (job.basic_auth !== undefined) return `Basic ${Buffer.from(`${job.basic_auth.username}:${job.basic_auth.password}`).toString('base64')}`;
  if (job.bearer_token !== undefined) return `Bearer ${job.bearer_token}`;
  return undefined;
}

interface JobSettings {
  readonly name: string;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly metricsPath: string;
  readonly scheme: string;
  readonly params: Readonly<Record<string, string | readonly string[]>>;
  readonly authorization: string | undefined;
  readonly honorLabels: boolean;
  readonly relabel: readonly RelabelRule[];
  readonly metricRelabel: readonly RelabelRule[];
}

function jobSettings(job: ScrapeJobConfig, global: GlobalScrapeConfig): JobSettings {
  const intervalMs = job.scrape_interval ?? global.scrape_interval;
  return {
    name: job.job_name,
    intervalMs,
    timeoutMs: job.scrape_timeout ?? Math.min(global.scrape_timeout, intervalMs),
    metricsPath: job.metrics_path,
    scheme: job.scheme,
    params: job.params,
    authorization: authorizationOf(job),
    honorLabels: job.honor_labels,
    relabel: job.relabel_configs.map(compileRelabel),
    metricRelabel: job.metric_relabel_configs.map(compileRelabel),
  };
}

function firstValue(value: string | readonly string[]): string {
  return typeof value === 'string' ? value : (value[0] ?? '');
}

/**
 * One target's labels through its job's relabel_configs, as Prometheus does: `__address__`,
 * `__scheme__`, `__metrics_path__`, `__param_<name>`, `job` and the static labels go in; undefined
 * when a rule drops the target; `instance` defaults to the address; `__` labels are removed.
 */
function activate(id: string, source: TargetSource, settings: JobSettings, address: string, labels: Readonly<Record<string, string>>): ActiveTarget | undefined {
  const discovered = new Map<string, string>([
    ['job', settings.name],
    ['__address__', address],
    ['__scheme__', settings.scheme],
    ['__metrics_path__', settings.metricsPath],
    ['__scrape_interval__', `${settings.intervalMs / 1000}s`],
    ['__scrape_timeout__', `${settings.timeoutMs / 1000}s`],
  ]);
  for (const [name, value] of Object.entries(settings.params)) discovered.set(`__param_${name}`, firstValue(value));
  for (const [name, value] of Object.entries(labels)) discovered.set(name, value);
  const relabeled = relabel(discovered, settings.relabel);
  const finalAddress = relabeled?.get('__address__');
  if (relabeled === undefined || finalAddress === undefined) return undefined;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(settings.params)) {
    if (relabeled.has(`__param_${name}`)) continue;
    for (const each of typeof value === 'string' ? [value] : value) query.append(name, each);
  }
  for (const [name, value] of relabeled) if (name.startsWith('__param_')) query.append(name.slice('__param_'.length), value);
  const scheme = relabeled.get('__scheme__') ?? settings.scheme;
  const search = query.toString() === '' ? '' : `?${query.toString()}`;
  const url = `${scheme}://${finalAddress}${relabeled.get('__metrics_path__') ?? settings.metricsPath}${search}`;
  const finalLabels = new Map<string, string>();
  for (const [name, value] of relabeled) if (!name.startsWith('__')) finalLabels.set(name, value);
  if (!finalLabels.has('instance')) finalLabels.set('instance', finalAddress);
  return {
    id,
    source,
    job: finalLabels.get('job') ?? settings.name,
    url,
    scheme,
    labels: finalLabels,
    intervalMs: settings.intervalMs,
    timeoutMs: settings.timeoutMs,
    authorization: settings.authorization,
    honorLabels: settings.honorLabels,
    metricRelabel: settings.metricRelabel,
  };
}

/** Every target of the scrape configs and the runtime list (runtime ones use the global interval unless they set one). */
export function activeTargets(config: PrometheusScrapeConfig, runtime: readonly RuntimeScrapeTarget[]): ActiveTarget[] {
  const targets = new Map<string, ActiveTarget>();
  for (const job of config.scrape_configs) {
    const settings = jobSettings(job, config.global);
    for (const group of job.static_configs) {
      for (const address of group.targets) {
        const id = configTargetId(job.job_name, address);
        if (targets.has(id)) continue;
        const target = activate(id, 'config', settings, address, group.labels);
        if (target !== undefined) targets.set(id, target);
      }
    }
  }
  for (const entry of runtime) {
    const intervalMs = entry.intervalSeconds === undefined ? config.global.scrape_interval : Math.round(entry.intervalSeconds * 1000);
    const settings: JobSettings = {
      name: entry.job,
      intervalMs,
      timeoutMs: Math.min(config.global.scrape_timeout, intervalMs),
      metricsPath: entry.metricsPath,
      scheme: entry.scheme,
      params: {},
      authorization: undefined,
      honorLabels: false,
      relabel: [],
      metricRelabel: [],
    };
    const target = activate(entry.id, 'api', settings, entry.target, entry.labels);
    if (target !== undefined && !targets.has(entry.id)) targets.set(entry.id, target);
  }
  return [...targets.values()];
}

/** What makes two activations the same scraper (a changed target is restarted). */
export function targetSignature(target: ActiveTarget): string {
  return JSON.stringify([
    target.source,
    target.url,
    [...target.labels],
    target.intervalMs,
    target.timeoutMs,
    target.authorization ?? '',
    target.honorLabels,
    target.metricRelabel.map((rule) => [rule.action, rule.sourceLabels, rule.separator, rule.regex.source, rule.targetLabel, rule.replacement]),
  ]);
}
