import type { Retention } from '../../storage/schema/retention.ts';
import type { RetentionSignal } from '../../storage/schema/table-def.ts';

export const RETENTION_SIGNALS: readonly RetentionSignal[] = ['traces', 'logs', 'metrics'];

/** Days per signal set at runtime (through the API); a signal without one follows the configuration. */
export type RuntimeRetention = Partial<Record<RetentionSignal, number>>;

/** A requested change per signal: days to set, `null` to remove the runtime setting, absent to keep it. */
export type RetentionChangeRequest = Partial<Record<RetentionSignal, number | null>>;

export interface SignalRetentionState {
  readonly days: number;
  readonly source: 'config' | 'runtime';
  readonly configDays: number;
}

export const RETENTION_PRECEDENCE =
  'A runtime setting made through PUT /api/v1/admin/retention is stored in the database and wins over the configuration file, also after restarts; set a signal to null to return to the configured value.';

/** The retention in force: the runtime setting where there is one, else the configured value. */
export function effectiveRetention(config: Retention, runtime: RuntimeRetention): Retention {
  return { traces: runtime.traces ?? config.traces, logs: runtime.logs ?? config.logs, metrics: runtime.metrics ?? config.metrics };
}

export function retentionSources(config: Retention, runtime: RuntimeRetention): Record<RetentionSignal, SignalRetentionState> {
  const of = (signal: RetentionSignal): SignalRetentionState => {
    const set = runtime[signal];
    return set === undefined ? { days: config[signal], source: 'config', configDays: config[signal] } : { days: set, source: 'runtime', configDays: config[signal] };
  };
  return { traces: of('traces'), logs: of('logs'), metrics: of('metrics') };
}

/** The runtime settings after a change request. */
export function withChange(runtime: RuntimeRetention, change: RetentionChangeRequest): RuntimeRetention {
  const next: RuntimeRetention = { ...runtime };
  for (const signal of RETENTION_SIGNALS) {
    const value = change[signal];
    if (value === null) delete next[signal];
    else if (value !== undefined) next[signal] = value;
  }
  return next;
}
