import type { RetentionSignal } from './table-def.ts';

/** Days each signal is kept. */
export type Retention = Readonly<Record<RetentionSignal, number>>;

export const DEFAULT_RETENTION: Retention = { traces: 15, logs: 15, metrics: 30 };
