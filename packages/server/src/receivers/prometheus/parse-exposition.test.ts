import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExpositionParseError, type MetricFamily, type ParsedExposition } from './exposition-types.ts';
import { formatOf, parseExposition } from './parse-exposition.ts';

function family(parsed: ParsedExposition, name: string): MetricFamily {
  const found = parsed.families.find((f) => f.name === name);
  assert.ok(found, `family ${name} in ${parsed.families.map((f) => f.name).join(', ')}`);
  return found;
}

function samples(f: MetricFamily): [string, Record<string, string>, number, number | undefined][] {
  return f.samples.map((s) => [s.name, Object.fromEntries(s.labels), s.value, s.timestampMs]);
}

function parseError(text: string, format: 'prometheus-text' | 'openmetrics' = 'prometheus-text'): ExpositionParseError {
  try {
    parseExposition(text, format);
  } catch (error) {
    assert.ok(error instanceof ExpositionParseError, String(error));
    return error;
  }
  assert.fail(`no parse error for ${JSON.stringify(text)}`);
}

describe('Prometheus text format 0.0.4', () => {
  const TEXT = [
    '# HELP http_requests_total The total number of HTTP requests.',
    '# TYPE http_requests_total counter',
    'http_requests_total{method="post",code="200"} 1027 1395066363000',
    'http_requests_total{method="post",code="400"}    3 1395066363000',
    '',
    '# A plain comment is ignored',
    '# HELP temperature Room temperature\\nin \\\\ degrees "C"',
    '# TYPE temperature gauge',
    'temperature{room="a b"} -3.5e1',
    'temperature{room="nan"} NaN',
    'temperature{room="hot"} +Inf',
    'temperature{room="cold"} -Inf',
    '# TYPE http_request_duration_seconds histogram',
    'http_request_duration_seconds_bucket{le="0.05"} 24054',
    'http_request_duration_seconds_bucket{le="0.1"} 33444',
    'http_request_duration_seconds_bucket{le="+Inf"} 144320',
    'http_request_duration_seconds_sum 53423',
    'http_request_duration_seconds_count 144320',
    '# TYPE rpc_duration_seconds summary',
    'rpc_duration_seconds{quantile="0.5"} 4773',
    'rpc_duration_seconds{quantile="0.99"} 76656',
    'rpc_duration_seconds_sum 1.7560473e+07',
    'rpc_duration_seconds_count 2693',
    '# TYPE legacy untyped',
    'legacy 7',
    'no_metadata_at_all{a="1",} 12',
    'escaped{path="C:\\\\dir\\\\file",quote="say \\"hi\\"",nl="a\\nb",other="\\t"} 1',
    'spaced { a = "1" , b="2" } 3',
    'crlf_line 4\r',
    'negative_ts 5 -1000',
  ].join('\n');
  const parsed = parseExposition(TEXT, 'prometheus-text');

  it('reads counters with their labels and millisecond timestamps', () => {
    const f = family(parsed, 'http_requests_total');
    assert.equal(f.type, 'counter');
    assert.equal(f.help, 'The total number of HTTP requests.');
    assert.deepEqual(samples(f), [
      ['http_requests_total', { method: 'post', code: '200' }, 1027, 1395066363000],
      ['http_requests_total', { method: 'post', code: '400' }, 3, 1395066363000],
    ]);
  });

  it('reads gauges with exponent floats, NaN and infinities; HELP escapes \\n and \\\\ only', () => {
    const f = family(parsed, 'temperature');
    assert.equal(f.type, 'gauge');
    assert.equal(f.help, 'Room temperature\nin \\ degrees "C"');
    const values = f.samples.map((s) => s.value);
    assert.equal(values[0], -35);
    assert.ok(Number.isNaN(values[1]));
    assert.equal(values[2], Number.POSITIVE_INFINITY);
    assert.equal(values[3], Number.NEGATIVE_INFINITY);
  });

  it('groups histogram and summary samples under their family', () => {
    const h = family(parsed, 'http_request_duration_seconds');
    assert.equal(h.type, 'histogram');
    assert.deepEqual(
      h.samples.map((s) => s.name),
      [
        'http_request_duration_seconds_bucket',
        'http_request_duration_seconds_bucket',
        'http_request_duration_seconds_bucket',
        'http_request_duration_seconds_sum',
        'http_request_duration_seconds_count',
      ],
    );
    assert.equal(h.samples[2]?.labels.get('le'), '+Inf');
    const s = family(parsed, 'rpc_duration_seconds');
    assert.equal(s.type, 'summary');
    assert.deepEqual(samples(s).map(([name, labels, value]) => [name, labels.quantile, value]), [
      ['rpc_duration_seconds', '0.5', 4773],
      ['rpc_duration_seconds', '0.99', 76656],
      ['rpc_duration_seconds_sum', undefined, 17560473],
      ['rpc_duration_seconds_count', undefined, 2693],
    ]);
  });

  it('treats untyped and metadata-less samples as untyped families', () => {
    assert.equal(family(parsed, 'legacy').type, 'untyped');
    const bare = family(parsed, 'no_metadata_at_all');
    assert.equal(bare.type, 'untyped');
    assert.equal(bare.help, '');
    assert.deepEqual(samples(bare), [['no_metadata_at_all', { a: '1' }, 12, undefined]]);
  });

  it('unescapes label values (\\\\, \\", \\n) and keeps unknown escapes as written', () => {
    const labels = Object.fromEntries(family(parsed, 'escaped').samples[0]!.labels);
    assert.deepEqual(labels, { path: 'C:\\dir\\file', quote: 'say "hi"', nl: 'a\nb', other: '\\t' });
  });

  it('accepts spaces inside label sets, CRLF line ends and negative timestamps', () => {
    assert.deepEqual(samples(family(parsed, 'spaced')), [['spaced', { a: '1', b: '2' }, 3, undefined]]);
    assert.deepEqual(samples(family(parsed, 'crlf_line')), [['crlf_line', {}, 4, undefined]]);
    assert.deepEqual(samples(family(parsed, 'negative_ts')), [['negative_ts', {}, 5, -1000]]);
    assert.deepEqual(parsed.issues, []);
  });

  it('reports a repeated series with both lines and keeps the first', () => {
    const result = parseExposition('# TYPE a gauge\na{x="1",y="2"} 1\na{y="2",x="1"} 2\na{x="2"} 3\n', 'prometheus-text');
    assert.deepEqual(samples(family(result, 'a')).map((s) => s[2]), [1, 3]);
    assert.deepEqual(result.issues, ['line 3: duplicate series a{x="1",y="2"} (first on line 2); kept the first']);
  });

  it('fails with the line number for malformed lines', () => {
    const cases: [string, number, RegExp][] = [
      ['ok 1\nbad{a="1" 2\n', 2, /expected ',' or '}'/],
      ['a 1\nb\n', 2, /expected a space before the value/],
      ['a one\n', 1, /invalid value 'one'/],
      ['a 1 12.5\n', 1, /invalid timestamp '12.5'/],
      ['a{b="unterminated} 1\n', 1, /unterminated label value/],
      ['a{1b="x"} 1\n', 1, /expected a label name/],
      ['a{b="1",b="2"} 1\n', 1, /label b appears twice/],
      ['# TYPE a gauge\n# TYPE a counter\na 1\n', 2, /second TYPE line for a/],
      ['# TYPE a nonsense\n', 1, /unknown metric type 'nonsense'/],
      ['a 1\n# TYPE a counter\n', 2, /TYPE line for a after its samples/],
      ['a 1 2 3\n', 1, /unexpected '3'/],
      ['{a="1"} 1\n', 1, /expected a metric name/],
    ];
    for (const [text, line, message] of cases) {
      const error = parseError(text);
      assert.equal(error.line, line, text);
      assert.match(error.message, new RegExp(`^line ${line}: `), text);
      assert.match(error.message, message, text);
    }
  });

  it('parses an empty exposition into nothing', () => {
    assert.deepEqual(parseExposition('', 'prometheus-text').families, []);
  });
});

describe('OpenMetrics 1.0', () => {
  const TEXT = [
    '# TYPE acme_http_router_request_seconds summary',
    '# UNIT acme_http_router_request_seconds seconds',
    '# HELP acme_http_router_request_seconds Latency though all of ACME\'s "router".',
    'acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32',
    'acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0',
    'acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0',
    '# TYPE process_cpu_seconds counter',
    '# UNIT process_cpu_seconds seconds',
    '# HELP process_cpu_seconds Total user and system CPU time spent in seconds.',
    'process_cpu_seconds_total 4.20072246e+06 1520879607.789',
    'process_cpu_seconds_created 1520000000.5',
    '# TYPE foo histogram',
    'foo_bucket{le="0.01"} 0',
    'foo_bucket{le="0.1"} 8 # {} 0.054',
    'foo_bucket{le="1"} 11 # {trace_id="KOO5S4vxi0o"} 0.67 1520879607.789',
    'foo_bucket{le="+Inf"} 17',
    'foo_count 17',
    'foo_sum 324789.3',
    'foo_created 1520430000.123',
    '# TYPE build info',
    'build_info{version="1.2"} 1',
    '# TYPE door stateset',
    'door{door="open"} 1',
    'door{door="closed"} 0',
    '# TYPE queue gaugehistogram',
    'queue_bucket{le="1"} 2',
    'queue_bucket{le="+Inf"} 5',
    'queue_gcount 5',
    'queue_gsum 7',
    '# TYPE mystery unknown',
    'mystery 3',
    '# HELP quoted A \\"quoted\\" help',
    'quoted 1',
    '# EOF',
  ].join('\n');
  const parsed = parseExposition(`${TEXT}\n`, 'openmetrics');

  it('reads UNIT, HELP with \\" escapes, and summaries with _created', () => {
    const f = family(parsed, 'acme_http_router_request_seconds');
    assert.equal(f.type, 'summary');
    assert.equal(f.unit, 'seconds');
    assert.equal(f.help, 'Latency though all of ACME\'s "router".');
    assert.deepEqual(f.samples.map((s) => s.name.slice(f.name.length)), ['_sum', '_count', '_created']);
    assert.equal(family(parsed, 'quoted').help, 'A "quoted" help');
  });

  it('groups _total and _created under the counter family and reads float-second timestamps as ms', () => {
    const f = family(parsed, 'process_cpu_seconds');
    assert.equal(f.type, 'counter');
    assert.deepEqual(samples(f), [
      ['process_cpu_seconds_total', {}, 4.20072246e6, 1520879607789],
      ['process_cpu_seconds_created', {}, 1520000000.5, undefined],
    ]);
  });

  it('keeps exemplars with their labels, value and timestamp', () => {
    const f = family(parsed, 'foo');
    assert.equal(f.type, 'histogram');
    const withExemplars = f.samples.filter((s) => s.exemplar !== undefined);
    assert.equal(withExemplars.length, 2);
    assert.deepEqual(Object.fromEntries(withExemplars[0]!.exemplar!.labels), {});
    assert.equal(withExemplars[0]!.exemplar!.value, 0.054);
    assert.equal(withExemplars[0]!.exemplar!.timestampMs, undefined);
    assert.deepEqual(Object.fromEntries(withExemplars[1]!.exemplar!.labels), { trace_id: 'KOO5S4vxi0o' });
    assert.equal(withExemplars[1]!.exemplar!.timestampMs, 1520879607789);
    assert.equal(f.samples.find((s) => s.name === 'foo_created')?.value, 1520430000.123);
  });

  it('tolerates info, stateset, gaugehistogram and unknown families', () => {
    assert.equal(family(parsed, 'build').type, 'info');
    assert.deepEqual(samples(family(parsed, 'build')), [['build_info', { version: '1.2' }, 1, undefined]]);
    assert.deepEqual(samples(family(parsed, 'door')).map((s) => [s[1].door, s[2]]), [['open', 1], ['closed', 0]]);
    assert.deepEqual(family(parsed, 'queue').samples.map((s) => s.name), ['queue_bucket', 'queue_bucket', 'queue_gcount', 'queue_gsum']);
    assert.equal(family(parsed, 'mystery').type, 'unknown');
    assert.deepEqual(parsed.issues, []);
  });

  it('stops at # EOF and rejects content after it', () => {
    const error = parseError('a 1\n# EOF\nb 2\n', 'openmetrics');
    assert.equal(error.line, 3);
    assert.match(error.message, /content after '# EOF' \(line 2\)/);
  });

  it('reports a missing # EOF without failing', () => {
    const result = parseExposition('# TYPE a gauge\na 1\n', 'openmetrics');
    assert.deepEqual(samples(family(result, 'a')), [['a', {}, 1, undefined]]);
    assert.match(result.issues[0] ?? '', /does not end with '# EOF'/);
  });

  it('does not allow spaces inside label sets (they are text-format leniency)', () => {
    assert.match(parseError('a{ b="1"} 1\n# EOF\n', 'openmetrics').message, /^line 1: expected a label name/);
  });

  it('rejects a non-numeric timestamp', () => {
    assert.match(parseError('a 1 soon\n# EOF\n', 'openmetrics').message, /invalid timestamp 'soon' \(seconds expected\)/);
  });
});

describe('formatOf', () => {
  it('chooses OpenMetrics by Content-Type and the text format otherwise', () => {
    assert.equal(formatOf('application/openmetrics-text; version=1.0.0; charset=utf-8'), 'openmetrics');
    assert.equal(formatOf('Application/OpenMetrics-Text'), 'openmetrics');
    assert.equal(formatOf('text/plain; version=0.0.4; charset=utf-8'), 'prometheus-text');
    assert.equal(formatOf(null), 'prometheus-text');
    assert.equal(formatOf(undefined), 'prometheus-text');
  });
});
