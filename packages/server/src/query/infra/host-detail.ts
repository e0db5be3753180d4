import type { InfraHostDetailResponse } from '@sightline/contract';
import { AppError, ErrorCodes } from '../../errors.ts';
import type { Store } from '../../storage/store.ts';
import { minuteRange } from '../apm/apm-range.ts';
import { stepGrid } from '../metrics/step-grid.ts';
import type { ReadLimits } from '../read-limits.ts';
import type { TimeRange } from '../time-range.ts';
import { hostCharts } from './host-charts.ts';
import { resolveHosts } from './host-identity.ts';
import { hostKeys } from './host-keys.ts';
import { HOST_METRIC_NAMES } from './host-metric-catalog.ts';
import { stepKeys, summarizeKeys } from './host-points.ts';
import { hostSeries } from './host-series.ts';
import { hostServices } from './host-services.ts';
import { filesystems, hostSummary } from './host-summary.ts';
import { figuresByHost } from './hosts-list.ts';

export interface HostDetailQuery {
  readonly range: TimeRange;
  readonly host: string;
  /** Wished step in seconds. */
  readonly stepSeconds?: number | undefined;
}

const TARGET_STEPS = 120;
const MAX_STEPS = 240;
const MINUTE = 60;

/** Whole minutes; about TARGET_STEPS steps unless asked otherwise, never more than MAX_STEPS. */
export function hostStepSeconds(rangeSeconds: number, wished: number | undefined): number {
  const seconds = Math.max(wished ?? Math.ceil(rangeSeconds / TARGET_STEPS), Math.ceil(rangeSeconds / MAX_STEPS), MINUTE);
  return Math.ceil(seconds / MINUTE) * MINUTE;
}

/** One host's summary, charts, filesystems and services. NOT_FOUND when no host metrics name it. */
export async function hostDetail(store: Store, limits: ReadLimits, query: HostDetailQuery): Promise<InfraHostDetailResponse> {
  const resolved = resolveHosts(await hostSeries(store, limits, query.range));
  const info = resolved.hosts.get(query.host);
  if (info === undefined) throw new AppError(ErrorCodes.NOT_FOUND, `no host metrics of host ${query.host}`);
  const { mapping, descriptors } = hostKeys(
    resolved.series.filter((s) => s.host === query.host),
    HOST_METRIC_NAMES,
  );
  const minutes = minuteRange(query.range);
  const stepSeconds = hostStepSeconds(minutes.endS - minutes.startS, query.stepSeconds);
  const grid = stepGrid(
    {
      startNs: BigInt(minutes.startS) * 1_000_000_000n,
      endNs: BigInt(minutes.endS) * 1_000_000_000n,
    },
    stepSeconds,
  );
  const [summaryRows, stepRows, services] = await Promise.all([
    summarizeKeys(store, limits, query.range, mapping),
    stepKeys(store, limits, grid, mapping),
    hostServices(store, limits, query.host, minutes),
  ]);
  const figures = figuresByHost(descriptors, summaryRows).get(query.host) ?? [];
  return {
    startMs: minutes.startS * 1000,
    stepSeconds,
    host: hostSummary(info, figures, Number(query.range.endNs / 1_000_000n)),
    ...hostCharts(descriptors, stepRows, grid.steps, stepSeconds),
    filesystems: filesystems(figures),
    services,
  };
}
