import { LineError, parseMetricName, parseSampleLine, unescapeHelp } from './exposition-line.ts';
import {
  ExpositionParseError,
  type ExpositionFormat,
  type ExpositionSample,
  type FamilyType,
  type Labels,
  type MetricFamily,
  type ParsedExposition,
} from './exposition-types.ts';

const FAMILY_TYPES: ReadonlySet<string> = new Set<FamilyType>([
  'counter',
  'gauge',
  'histogram',
  'summary',
  'untyped',
  'unknown',
  'gaugehistogram',
  'info',
  'stateset',
]);

/** The sample names a family owns besides its own name. */
const SUFFIXES: Readonly<Record<FamilyType, readonly string[]>> = {
  counter: ['_total', '_created'],
  histogram: ['_bucket', '_sum', '_count', '_created'],
  gaugehistogram: ['_bucket', '_gsum', '_gcount'],
  summary: ['_sum', '_count', '_created'],
  info: ['_info'],
  gauge: [],
  untyped: [],
  unknown: [],
  stateset: [],
};

interface FamilyDraft {
  name: string;
  type: FamilyType;
  typed: boolean;
  help: string | undefined;
  unit: string | undefined;
  samples: ExpositionSample[];
}

/** The exposition format a scrape answered with, from its Content-Type. */
export function formatOf(contentType: string | null | undefined): ExpositionFormat {
  return contentType?.toLowerCase().includes('application/openmetrics-text') === true ? 'openmetrics' : 'prometheus-text';
}

export function seriesKey(name: string, labels: Labels): string {
  const parts = [...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return `${name}{${parts.join(',')}}`;
}

function belongs(family: FamilyDraft, sampleName: string): boolean {
  if (sampleName === family.name) return true;
  if (!sampleName.startsWith(family.name)) return false;
  const suffix = sampleName.slice(family.name.length);
  return SUFFIXES[family.type].includes(suffix);
}

class ExpositionBuilder {
  private readonly families = new Map<string, FamilyDraft>();
  private current: FamilyDraft | undefined;
  private readonly seen = new Map<string, number>();
  readonly issues: string[] = [];

  constructor(private readonly format: ExpositionFormat) {}

  private family(name: string): FamilyDraft {
    let family = this.families.get(name);
    if (family === undefined) {
      family = { name, type: this.format === 'openmetrics' ? 'unknown' : 'untyped', typed: false, help: undefined, unit: undefined, samples: [] };
      this.families.set(name, family);
    }
    return family;
  }

  metadata(keyword: 'HELP' | 'TYPE' | 'UNIT', rest: string): void {
    const space = rest.search(/[ \t]/);
    const name = parseMetricName(space < 0 ? rest : rest.slice(0, space));
    const argument = space < 0 ? '' : rest.slice(space + 1);
    const family = this.family(name);
    if (keyword === 'HELP') {
      if (family.help !== undefined) throw new LineError(`second HELP line for ${name}`);
      family.help = unescapeHelp(argument, this.format);
    } else if (keyword === 'UNIT') {
      if (family.unit !== undefined) throw new LineError(`second UNIT line for ${name}`);
      family.unit = argument.trim();
    } else {
      const type = argument.trim().toLowerCase();
      if (!FAMILY_TYPES.has(type)) throw new LineError(`unknown metric type '${argument.trim()}' for ${name}`);
      if (family.typed) throw new LineError(`second TYPE line for ${name}`);
      if (family.samples.length > 0) throw new LineError(`TYPE line for ${name} after its samples`);
      family.type = type as FamilyType;
      family.typed = true;
    }
    this.current = family;
  }

  private owner(sampleName: string): FamilyDraft {
    if (this.current !== undefined && belongs(this.current, sampleName)) return this.current;
    const exact = this.families.get(sampleName);
    if (exact !== undefined) return exact;
    for (const suffix of ['_total', '_created', '_bucket', '_sum', '_count', '_gsum', '_gcount', '_info']) {
      if (!sampleName.endsWith(suffix)) continue;
      const family = this.families.get(sampleName.slice(0, -suffix.length));
      if (family !== undefined && belongs(family, sampleName)) return family;
    }
    return this.family(sampleName);
  }

  sample(text: string, line: number): void {
    const parsed = parseSampleLine(text, this.format);
    const family = this.owner(parsed.name);
    this.current = family;
    const key = seriesKey(parsed.name, parsed.labels);
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.issues.push(`line ${line}: duplicate series ${key} (first on line ${first}); kept the first`);
      return;
    }
    this.seen.set(key, line);
    family.samples.push({ ...parsed, line });
  }

  build(): MetricFamily[] {
    return [...this.families.values()]
      .filter((family) => family.samples.length > 0)
      .map((family) => ({ name: family.name, type: family.type, help: family.help ?? '', unit: family.unit ?? '', samples: family.samples }));
  }
}

const METADATA = /^#[ \t]+(HELP|TYPE|UNIT)[ \t]+(.*)$/;

/**
 * Parses a Prometheus text format 0.0.4 or OpenMetrics 1.0 exposition into metric families. Samples
 * without HELP/TYPE form untyped (unknown) families; a repeated series is reported and kept once.
 * Throws ExpositionParseError naming the line for anything malformed.
 */
export function parseExposition(text: string, format: ExpositionFormat): ParsedExposition {
  const builder = new ExpositionBuilder(format);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let eofLine: number | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (eofLine !== undefined) {
      if (text.trim() !== '') throw new ExpositionParseError(line, `content after '# EOF' (line ${eofLine})`);
      return;
    }
    try {
      if (text.trim() === '') return;
      if (text.startsWith('#')) {
        if (format === 'openmetrics' && text === '# EOF') {
          eofLine = line;
          return;
        }
        const metadata = METADATA.exec(text);
        if (metadata !== null) builder.metadata(metadata[1] as 'HELP' | 'TYPE' | 'UNIT', metadata[2] ?? '');
        return;
      }
      builder.sample(text, line);
    } catch (error) {
      if (error instanceof LineError) throw new ExpositionParseError(line, error.message);
      throw error;
    }
  });
  if (format === 'openmetrics' && eofLine === undefined) builder.issues.push(`line ${lines.length}: the OpenMetrics exposition does not end with '# EOF'`);
  return { format, families: builder.build(), issues: builder.issues };
}
