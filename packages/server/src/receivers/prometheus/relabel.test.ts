import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRelabel, relabel, type RelabelConfig } from './relabel.ts';
import { mergeTargetLabels } from './sample-labels.ts';
import { parseDurationMs, prometheusScrapeConfigSchema, relabelConfigSchema } from './scrape-config.ts';
import { activeTargets } from './scrape-targets.ts';

function rules(...configs: unknown[]) {
  return configs.map((config) => compileRelabel(relabelConfigSchema.parse(config) as RelabelConfig));
}

const labels = (record: Record<string, string>) => new Map(Object.entries(record));
const plain = (map: Map<string, string> | undefined) => (map === undefined ? undefined : Object.fromEntries(map));

describe('relabeling', () => {
  it('keeps and drops on anchored regexes over joined source labels', () => {
    const keep = rules({ source_labels: ['__name__'], regex: 'http_.*', action: 'keep' });
    assert.ok(relabel(labels({ __name__: 'http_requests_total' }), keep));
    assert.equal(relabel(labels({ __name__: 'go_http_x' }), keep), undefined, 'anchored at the start');
    const drop = rules({ source_labels: ['a', 'b'], separator: '/', regex: 'x/y', action: 'drop' });
    assert.equal(relabel(labels({ a: 'x', b: 'y' }), drop), undefined);
    assert.ok(relabel(labels({ a: 'x', b: 'yy' }), drop), 'anchored at the end');
  });

  it('replaces with $1, ${name} and $$, deletes on an empty result and leaves non-matches alone', () => {
    const replace = rules(
      { source_labels: ['instance'], regex: '([^:]+):(?P<port>\\d+)', target_label: 'host', replacement: '$1' },
      { source_labels: ['instance'], regex: '[^:]+:(?P<port>\\d+)', target_label: 'port_copy', replacement: 'p${port}$$' },
      { source_labels: ['nothing'], regex: '(.*)', target_label: 'env' },
      { source_labels: ['instance'], regex: 'nomatch', target_label: 'instance', replacement: 'x' },
    );
    assert.deepEqual(plain(relabel(labels({ instance: 'db:9100', env: 'prod' }), replace)), { instance: 'db:9100', host: 'db', port_copy: 'p9100$' });
  });

  it('drops and keeps labels by name, maps names and changes case', () => {
    const out = relabel(
      labels({ keep_me: '1', drop_me: '2', __meta_zone: 'eu', Name: 'MiXed' }),
      rules(
        { regex: 'drop_.*', action: 'labeldrop' },
        { regex: '__meta_(.*)', action: 'labelmap', replacement: 'meta_$1' },
        { source_labels: ['Name'], target_label: 'lower', action: 'lowercase' },
        { regex: 'keep_me|meta_.*|__meta_.*|lower', action: 'labelkeep' },
      ),
    );
    assert.deepEqual(plain(out), { keep_me: '1', __meta_zone: 'eu', meta_zone: 'eu', lower: 'mixed' });
  });

  it('validates rules when the config is parsed', () => {
    assert.equal(relabelConfigSchema.safeParse({ regex: '(', action: 'drop' }).success, false);
    assert.equal(relabelConfigSchema.safeParse({ source_labels: ['a'] }).success, false, 'replace needs target_label');
    assert.equal(relabelConfigSchema.safeParse({ action: 'hashmod' }).success, false);
  });
});

describe('honor_labels', () => {
  const target = labels({ job: 'node', instance: 'h:1' });
  it('false: target labels win, clashing scraped ones become exported_<name>', () => {
    assert.deepEqual(plain(mergeTargetLabels(labels({ job: 'inner', exported_job: 'x', a: '1' }), target, false)), {
      job: 'node',
      exported_job: 'x',
      exported_exported_job: 'inner',
      a: '1',
      instance: 'h:1',
    });
  });
  it('true: scraped labels win', () => {
    assert.deepEqual(plain(mergeTargetLabels(labels({ job: 'inner' }), target, true)), { job: 'inner', instance: 'h:1' });
  });
});

describe('scrape config', () => {
  it('parses Prometheus durations', () => {
    assert.equal(parseDurationMs('15s'), 15_000);
    assert.equal(parseDurationMs('1m30s'), 90_000);
    assert.equal(parseDurationMs('500ms'), 500);
    assert.equal(parseDurationMs('2h'), 7_200_000);
    assert.equal(parseDurationMs('15'), undefined);
    assert.equal(parseDurationMs(''), undefined);
  });

  it('fills Prometheus defaults and resolves targets with relabel_configs', () => {
    const config = prometheusScrapeConfigSchema.parse({
      scrape_configs: [
        {
          job_name: 'node',
          params: { module: ['http_2xx'] },
          static_configs: [{ targets: ['a:9100', 'b:9100', 'a:9100'], labels: { env: 'prod' } }],
          relabel_configs: [
            { source_labels: ['__address__'], regex: 'b:.*', action: 'drop' },
            { source_labels: ['__address__'], regex: '([^:]+):.*', target_label: 'host' },
          ],
        },
        { job_name: 'fast', scrape_interval: '5s', scheme: 'https', metrics_path: '/m', static_configs: [{ targets: ['c:1'] }] },
      ],
    });
    assert.deepEqual(config.global, { scrape_interval: 30_000, scrape_timeout: 10_000 });
    const job = config.scrape_configs[0]!;
    assert.deepEqual([job.metrics_path, job.scheme, job.honor_labels], ['/metrics', 'http', false]);
    const targets = activeTargets(config, [{ id: 'r1', job: 'added', target: 'd:2', labels: { team: 'x' }, metricsPath: '/metrics', scheme: 'http', intervalSeconds: 2 }]);
    assert.deepEqual(
      targets.map((t) => [t.source, t.url, Object.fromEntries(t.labels), t.intervalMs, t.timeoutMs]),
      [
        ['config', 'http://a:9100/metrics?module=http_2xx', { job: 'node', env: 'prod', host: 'a', instance: 'a:9100' }, 30_000, 10_000],
        ['config', 'https://c:1/m', { job: 'fast', instance: 'c:1' }, 5_000, 5_000],
        ['api', 'http://d:2/metrics', { job: 'added', team: 'x', instance: 'd:2' }, 2_000, 2_000],
      ],
    );
  });

  it('reports bad configs with their path', () => {
    const result = prometheusScrapeConfigSchema.safeParse({
      scrape_configs: [
        { job_name: 'a', scrape_interval: '10s', scrape_timeout: '20s' },
        { job_name: 'a', scrape_interval: 'often' },
        { job_name: 'b', static_configs: [{ targets: ['http://x/'] }] },
      ],
    });
    assert.equal(result.success, false);
    const paths = result.error.issues.map((issue) => issue.path.join('.'));
    assert.ok(paths.includes('scrape_configs.1.scrape_interval'), paths.join(' '));
    assert.ok(paths.includes('scrape_configs.2.static_configs.0.targets.0'), paths.join(' '));
  });
});
