/**
 * The alert rule pages in a real browser against a real server process that evaluates rules every
 * second. A gauge `checkout.queue.depth` is sent over OTLP/HTTP: queue `orders` far above 100, queue
 * `mail` below it, a fresh point every two seconds. A rule is written in the editor (an empty form is
 * refused with its problems first), its live preview draws both queues with the thresholds and says
 * which would fire; once saved it fires for `orders` only — on its page (instances, timeline) and in
 * the list — and is silenced for an hour from its page. "Create alert" on a dashboard panel opens the
 * editor with the panel's query, on a service's page with its error rate. The rule is disabled and deleted from the list. Both themes are
 * shot. Any console error, page error or HTTP error fails the test.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { alertRuleDetailResponseSchema, dashboardSchema, metricQueryResponseSchema, silenceListResponseSchema } from '@sightline/contract';
import { browserSuite } from '../support/browser-suite.ts';
import { eventually } from '../support/eventually.ts';
import { postOtlpJson } from '../support/infra-otlp-hosts.ts';
import { apiGet } from '../support/server-process.ts';

const METRIC = 'checkout.queue.depth';
const DEPTH: Readonly<Record<string, number>> = { orders: 120, mail: 10 };
const RULE = 'Checkout queue too deep';
/** Evaluated every 10 s (the shortest interval), the page asks every 5 s. */
const FIRING = { timeoutMs: 90_000, pauseMs: 500 };

const str = (value: string) => ({ stringValue: value });

/** One point per queue at each of `times` (unix ms). */
function depthRequest(times: readonly number[]): object {
  const dataPoints = times.flatMap((ms) =>
    Object.entries(DEPTH).map(([queue, depth]) => ({
      attributes: [{ key: 'queue', value: str(queue) }],
      timeUnixNano: (BigInt(ms) * 1_000_000n).toString(),
      asDouble: depth,
    })),
  );
  return {
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'service.name', value: str('checkout') }] },
        scopeMetrics: [{ scope: { name: 'sightline-alerts-test' }, metrics: [{ name: METRIC, unit: '{message}', gauge: { dataPoints } }] }],
      },
    ],
  };
}

describe('Alert rules in a browser', { timeout: 400_000 }, () => {
  let feeder: NodeJS.Timeout | undefined;
  let feedError: unknown;
  let ruleId = '';

  // Registered before the suite's own, so the feed stops before the browser and the server do.
  after(() => clearInterval(feeder));
  const { browser, running, assertNoNewProblems } = browserSuite({
    name: 'alerts',
    args: ['--set', 'alerts.tickSeconds=1', '--set', 'alerts.builtinRules=false'],
    seed: async (server) => {
      const now = Date.now();
      // Ten minutes of history, one point every 30 s, then a fresh point every 2 s for as long as the test runs.
      await postOtlpJson(server.ports.http, 'metrics', depthRequest(Array.from({ length: 20 }, (_, i) => now - (20 - i) * 30_000)));
      feeder = setInterval(() => {
        postOtlpJson(server.ports.http, 'metrics', depthRequest([Date.now()])).catch((error: unknown) => {
          feedError = error;
        });
      }, 2000);
      await eventually(
        'the queue depth to be queryable',
        async () => {
          const end = Date.now();
          const response = await fetch(`http://127.0.0.1:${server.ports.api}/api/v1/metrics/query`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: METRIC, start: end - 15 * 60_000, end, stepSeconds: 60, groupBy: ['queue'] }),
          });
          if (response.status !== 200) return undefined;
          const body = metricQueryResponseSchema.parse(await response.json());
          return body.series.length === 2 ? true : undefined;
        },
        { timeoutMs: 30_000 },
      );
    },
    viewport: { width: 1440, height: 1100 },
  });
  const header = () => browser().page.locator('.alert-rule-header');

  it('opens the empty rules list from the navigation, with its sub-pages', async () => {
    const { page } = browser();
    // The range follows from page to page: 15 minutes show the new rule's history wide enough to see.
    await page.goto('/services?range=15m');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Alerts/ }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/alerts') && url.searchParams.get('range') === '15m');
    assert.equal(await page.title(), 'Alerts · Sightline');
    const subnav = page.getByRole('navigation', { name: 'Alerting' });
    assert.deepEqual(await subnav.getByRole('link').allInnerTexts(), ['Rules', 'History', 'Channels', 'Silences']);
    assert.equal(await subnav.getByRole('link', { name: 'Rules' }).getAttribute('aria-current'), 'page');
    await page.getByText('No alert rules yet.').waitFor();
    await page.getByRole('status').filter({ hasText: '0 rules' }).waitFor();
    assertNoNewProblems();
  });

  it('refuses an empty rule in the page, then writes one with a live preview of both queues and the thresholds', async () => {
    const { page } = browser();
    await page.getByRole('link', { name: 'New rule' }).first().click();
    await page.waitForURL((url) => url.pathname.endsWith('/alerts/rules/new'));
    const editor = page.getByRole('region', { name: 'New rule' });
    await editor.getByRole('button', { name: 'Create rule' }).click();
    const problems = editor.getByRole('alert', { name: 'Problems in the rule' });
    await problems.waitFor();
    assert.match(await problems.innerText(), /3 problems; nothing was saved/);
    await editor.getByText('is required').first().waitFor();
    assert.equal(await editor.getByRole('textbox', { name: 'Rule name' }).getAttribute('aria-invalid'), 'true');
    assert.equal(await editor.getByRole('textbox', { name: 'critical threshold' }).getAttribute('aria-invalid'), 'true');
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('Choose what to watch').waitFor();

    await editor.getByRole('textbox', { name: 'Rule name' }).fill(RULE);
    await editor.getByRole('combobox', { name: 'Metric', exact: true }).fill(METRIC);
    await editor.getByRole('combobox', { name: 'Aggregation' }).selectOption('max');
    await editor.getByRole('textbox', { name: /^Group by/ }).fill('queue');
    await preview.getByText('Enter a threshold to see where the rule would fire.').waitFor();
    await editor.getByRole('textbox', { name: 'critical threshold' }).fill('100');
    await editor.getByRole('button', { name: 'Add threshold' }).click();
    await editor.getByRole('textbox', { name: 'warning threshold' }).fill('50');
    await editor.getByRole('textbox', { name: 'Evaluate every' }).fill('10s');

    const verdicts = preview.getByRole('list', { name: 'Would fire now' });
    await verdicts.getByText('would fire: critical (value 120)').waitFor();
    assert.deepEqual(
      (await verdicts.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()),
      ['{queue="orders"} would fire: critical (value 120)', '{queue="mail"} ok (value 10)'],
    );
    await preview.getByRole('status').filter({ hasText: '1 of 2 groups would fire now' }).waitFor();
    await preview.locator('canvas').first().waitFor();
    await page.evaluate("document.querySelector('main')?.scrollTo(0, 0)");
    const legend = (await preview.locator('.u-legend .u-label').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(legend, ['time', '{queue="mail"}', '{queue="orders"}', 'critical > 100', 'warning > 50']);
    await browser().screenshot('editor-with-preview');

    await editor.getByRole('button', { name: 'Create rule' }).click();
    await page.waitForURL((url) => /\/alerts\/rules\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    ruleId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    const stored = await apiGet(running(), alertRuleDetailResponseSchema, `/alerts/rules/${encodeURIComponent(ruleId)}`);
    assert.equal(stored.rule.name, RULE);
    assert.deepEqual(stored.rule.query, { kind: 'metric', metric: METRIC, filters: [], groupBy: ['queue'], aggregation: 'max' });
    assert.deepEqual(stored.rule.condition.thresholds, [
      { severity: 'critical', value: 100 },
      { severity: 'warning', value: 50 },
    ]);
    assert.equal(stored.rule.intervalSeconds, 10);
    assertNoNewProblems();
  });

  it('fires for the deep queue only: its page shows the instance, the timeline and the state changes', async () => {
    const { page } = browser();
    await page.getByRole('heading', { name: RULE }).waitFor();
    await eventually(
      'the rule to fire on its page',
      async () => ((await header().locator('.alert-state').innerText()).trim() === 'firing' ? true : undefined),
      FIRING,
    );
    assert.equal((await header().locator('.alert-severity').innerText()).trim().toLowerCase(), 'critical');
    const instances = page.getByRole('table', { name: 'Instances' });
    const firing = instances.locator('tbody tr', { hasText: '{queue="orders"}' });
    await firing.waitFor();
    assert.match((await firing.innerText()).replace(/\s+/g, ' '), /firing critical 120 \/ 100/i);
    assert.equal(await instances.locator('tbody tr', { hasText: 'firing' }).count(), 1, 'only the orders queue fires');

    const strip = page.getByRole('list', { name: 'States of {queue="orders"}' });
    await eventually(
      'the firing span on the timeline',
      async () => ((await strip.getByRole('listitem', { name: /^firing \(critical\)/ }).count()) > 0 ? true : undefined),
      FIRING,
    );
    const changes = page.getByRole('table', { name: 'Transitions' });
    await changes.locator('tbody tr', { hasText: '{queue="orders"}' }).first().waitFor();
    assert.match(await changes.innerText(), /pending|inactive/);
    assert.match(await changes.innerText(), /→\s*firing/);
    await page.getByRole('region', { name: 'Query over the range' }).locator('canvas').first().waitFor();
    await browser().screenshot('rule-firing-with-timeline');
    assertNoNewProblems();
  });

  it('shows the rule firing in the list and the count in the navigation, and filters it', async () => {
    const { page } = browser();
    await page.getByRole('navigation', { name: 'Alerting' }).getByRole('link', { name: 'Rules' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/alerts'));
    const [name, state, severity, firingCount] = await browser().rowCells('Alert rules', RULE, { collapseWhitespace: true });
    assert.match(name ?? '', new RegExp(`^${RULE} ${METRIC} · max by queue$`));
    assert.equal(state, 'firing');
    assert.equal(severity?.toLowerCase(), 'critical');
    assert.equal(firingCount, '1');
    await page.getByRole('status').filter({ hasText: '1 rule · 1 firing' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).locator('.nav-count', { hasText: /^1$/ }).waitFor();
    await browser().screenshot('list-firing');

    const find = page.getByRole('searchbox', { name: 'Find' });
    await find.fill('no such rule');
    await page.getByText('No rule matches these filters.').waitFor();
    await find.fill('queue.depth');
    await page.getByRole('combobox', { name: 'State' }).selectOption('firing');
    await page.getByRole('table', { name: 'Alert rules' }).getByRole('link', { name: RULE }).waitFor();
    await page.getByRole('combobox', { name: 'State' }).selectOption('resolved');
    await page.getByText('No rule matches these filters.').waitFor();
    await page.getByRole('combobox', { name: 'State' }).selectOption('');
    await find.fill('');
    assertNoNewProblems();
  });

  it('silences the rule for an hour from its page and marks it silenced', async () => {
    const { page } = browser();
    await page.getByRole('table', { name: 'Alert rules' }).getByRole('link', { name: RULE }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/alerts/rules/${encodeURIComponent(ruleId)}`));
    assert.equal(await header().locator('.alert-silenced').count(), 0);
    await page.getByRole('button', { name: 'Silence…' }).click();
    const before = Date.now();
    await page.getByRole('group', { name: 'Silence this rule for' }).getByRole('button', { name: '1 hour' }).click();
    await page.getByRole('status').filter({ hasText: /^Silenced until / }).waitFor();
    await header().locator('.alert-silenced', { hasText: 'silenced' }).waitFor();
    const { silences } = await apiGet(running(), silenceListResponseSchema, '/alerts/silences');
    assert.equal(silences.length, 1);
    const [silence] = silences;
    assert.equal(silence?.definition.ruleId, ruleId);
    assert.equal(silence?.active, true);
    const schedule = silence?.definition.schedule;
    assert.ok(schedule?.kind === 'once');
    assert.ok(schedule.startsAtMs >= before - 1000 && schedule.startsAtMs <= Date.now());
    assert.equal(schedule.endsAtMs - schedule.startsAtMs, 3_600_000);
    assert.equal((await header().locator('.alert-state').innerText()).trim(), 'firing', 'a silence mutes notifications, the rule still fires');
    await browser().screenshot('rule-silenced');

    await browser().screenshotDark('rule-silenced-dark');

    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Alerts' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/alerts'));
    const [name] = await browser().rowCells('Alert rules', RULE, { collapseWhitespace: true });
    assert.match(name ?? '', /silenced/);
    assertNoNewProblems();
  });

  it('lists the state changes on the history page, linked to the rule', async () => {
    const { page } = browser();
    await page.getByRole('navigation', { name: 'Alerting' }).getByRole('link', { name: 'History' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/alerts/history'));
    const table = page.getByRole('table', { name: 'Transitions' });
    const row = table.locator('tbody tr', { hasText: '{queue="orders"}' }).filter({ hasText: /→\s*firing/ });
    await row.first().waitFor();
    await row.first().getByRole('link', { name: RULE }).waitFor();
    await page.getByRole('status').filter({ hasText: /\d+ state changes? · 1 fired/ }).waitFor();
    await browser().screenshot('history');
    assertNoNewProblems();
  });

  it('starts a rule from a dashboard panel with the panel’s query', async () => {
    const { page } = browser();
    const host = await apiGet(running(), dashboardSchema, '/dashboards/builtin-host');
    const panel = host.panels.find((p) => p.type === 'timeseries' && p.queries.length > 0);
    assert.ok(panel !== undefined, 'the Host dashboard has a metric panel');
    const query = panel.queries.find((q) => !q.hidden) ?? panel.queries[0];
    await page.goto('/dashboards/builtin-host');
    await page.getByRole('region', { name: panel.title, exact: true }).getByRole('link', { name: 'Create alert' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/alerts/rules/new') && url.searchParams.has('prefill'));
    const editor = page.getByRole('region', { name: 'New rule' });
    assert.equal(await editor.getByRole('textbox', { name: 'Rule name' }).inputValue(), panel.title);
    assert.equal(await editor.getByRole('combobox', { name: 'Metric', exact: true }).inputValue(), query?.metric);
    assert.equal(await editor.getByRole('combobox', { name: 'Aggregation' }).inputValue(), query?.aggregation);
    assert.equal(await editor.getByRole('textbox', { name: /^Group by/ }).inputValue(), query?.groupBy.join(', '));
    assertNoNewProblems();
  });

  it('starts a rule on a service’s error rate from its page', async () => {
    const { page } = browser();
    await page.goto('/services/checkout?range=15m');
    await page.getByRole('link', { name: 'Create alert' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/alerts/rules/new') && url.searchParams.has('prefill'));
    const editor = page.getByRole('region', { name: 'New rule' });
    assert.equal(await editor.getByRole('textbox', { name: 'Rule name' }).inputValue(), 'checkout: error rate');
    assert.equal(await editor.getByRole('radio', { name: 'APM (spans)' }).isChecked(), true);
    assert.equal(await editor.getByRole('combobox', { name: 'Measure' }).inputValue(), 'error_rate');
    assert.equal(await editor.getByRole('combobox', { name: 'Service' }).inputValue(), 'checkout');
    assert.equal(await editor.getByRole('textbox', { name: 'critical threshold' }).inputValue(), '5');
    assertNoNewProblems();
  });

  it('disables the rule and deletes it from the list after a confirmation', async () => {
    const { page } = browser();
    await page.goto(`/alerts?range=15m`);
    const table = page.getByRole('table', { name: 'Alert rules' });
    await table.getByRole('checkbox', { name: `Enabled: ${RULE}` }).uncheck();
    await eventually('the rule to show disabled', async () => ((await browser().rowCells('Alert rules', RULE))[1] === 'disabled' ? true : undefined));
    const stored = await apiGet(running(), alertRuleDetailResponseSchema, `/alerts/rules/${encodeURIComponent(ruleId)}`);
    assert.equal(stored.rule.enabled, false);
    assert.equal(stored.rule.name, RULE, 'the rest of the rule is kept');
    await table.getByRole('button', { name: `Delete ${RULE}` }).click();
    const confirm = page.getByRole('group', { name: `Confirm deleting ${RULE}` });
    await confirm.getByRole('button', { name: 'Keep' }).click();
    await table.getByRole('button', { name: `Delete ${RULE}` }).click();
    await confirm.getByRole('button', { name: 'Delete rule' }).click();
    await page.getByText('No alert rules yet.').waitFor();
    const response = await fetch(`http://127.0.0.1:${running().ports.api}/api/v1/alerts/rules/${encodeURIComponent(ruleId)}`);
    assert.equal(response.status, 404);
    await response.body?.cancel();
    assertNoNewProblems();
  });

  it('had no console errors, page errors or HTTP errors in the whole session, and every point was taken', () => {
    assert.deepEqual(browser().problems, []);
    assert.equal(feedError, undefined);
  });
});
