/** What a Prometheus text (0.0.4) or OpenMetrics (1.0) exposition parses into, before any mapping. */

export type ExpositionFormat = 'prometheus-text' | 'openmetrics';

/** The family types of both formats (`untyped` is the text format's word for OpenMetrics' `unknown`). */
export type FamilyType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped' | 'unknown' | 'gaugehistogram' | 'info' | 'stateset';

/** Label name → value, in exposition order. A Map: `__proto__` is a valid label name. */
export type Labels = ReadonlyMap<string, string>;

export interface ParsedExemplar {
  readonly labels: Labels;
  readonly value: number;
  readonly timestampMs: number | undefined;
}

export interface ExpositionSample {
  /** The sample's own name, with its suffix (`_total`, `_bucket`, `_sum`, …). */
  readonly name: string;
  readonly labels: Labels;
  readonly value: number;
  /** Milliseconds since the epoch; OpenMetrics' float seconds are converted. */
  readonly timestampMs: number | undefined;
  readonly exemplar: ParsedExemplar | undefined;
  /** 1-based line in the exposition. */
  readonly line: number;
}

export interface MetricFamily {
  readonly name: string;
  readonly type: FamilyType;
  readonly help: string;
  readonly unit: string;
  readonly samples: readonly ExpositionSample[];
}

export interface ParsedExposition {
  readonly format: ExpositionFormat;
  readonly families: readonly MetricFamily[];
  /** Problems that did not fail the parse (duplicate series kept once), each naming its line. */
  readonly issues: readonly string[];
}

/** A malformed exposition: the message names the line. */
export class ExpositionParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ExpositionParseError';
  }
}
