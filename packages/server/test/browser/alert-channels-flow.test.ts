/**
 * The alert Channels and Silences pages in a real browser against a real server process. A webhook
 * channel pointing at a receiver this test runs on loopback is tested before saving and after, and the
 * receiver gets the signed test JSON; its secret shows masked in the list, the delivery log lists the
 * test. A channel on a closed port shows its delivery error, is edited and deleted. A recurring silence
 * (opened from a rule's link) and a one-off silence are created and listed with their status; the
 * one-off one is expired. Both themes are shot. Any console error, page error or HTTP error fails it.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { alertRuleListResponseSchema, channelListResponseSchema, silenceListResponseSchema } from '@sightline/contract';
import { closedPort, startHttpRecorder, type HttpRecorder, type RecordedRequest } from '../support/alert-receivers/http-recorder.ts';
import { cellTexts } from '../support/browser-session.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { eventually } from '../support/eventually.ts';
import { apiGet } from '../support/server-process.ts';

const HMAC_SECRET = 'topsecret-hmac-4711';

const pad = (n: number): string => String(n).padStart(2, '0');

describe('Alert channels and silences in a browser', { timeout: 300_000 }, () => {
  let receiver: HttpRecorder | undefined;
  /** The receiver's URL for the webhook. */
  let hookUrl = '';
  let deadPort = 0;
  const { browser, running, assertNoNewProblems, itHadNoProblems } = browserSuite({
    name: 'alert-channels',
    prepare: async () => {
      receiver = await startHttpRecorder(() => ({ status: 200, body: '{"ok":true}' }));
      hookUrl = `${receiver.url}/hook`;
      deadPort = await closedPort();
    },
    stop: async () => receiver?.close(),
  });
  const channelsTable = () =>
    browser().page.getByRole('table', {
      name: 'Notification channels',
      exact: true,
    });
  /** A channel's main row (not the details row under it). */
  const channelRow = (name: string) =>
    channelsTable().locator('tbody tr[data-channel-id]', {
      has: browser().page.locator('td.channel-name', {
        hasText: new RegExp(`^${name}$`),
      }),
    });
  const detailsOf = (name: string) => channelRow(name).locator('xpath=following-sibling::tr[1]');
  const silencesTable = () => browser().page.getByRole('table', { name: 'Silences', exact: true });
  const silenceRow = (comment: string) =>
    silencesTable().locator('tbody tr[data-silence-id]', {
      has: browser().page.locator('td.silence-comment', { hasText: comment }),
    });
  const waitForReceived = (count: number): Promise<RecordedRequest> =>
    eventually(`${count} request(s) at the receiver`, () => Promise.resolve(receiver?.requests[count - 1]));

  it('creates a webhook channel, tests it before and after saving, and the receiver gets the signed test JSON', async () => {
    const { page } = browser();
    await page.goto('/alerts/channels');
    assert.equal(await page.title(), 'Notification channels · Sightline');
    await page.getByText('No notification channels yet.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'New channel' }).click();
    const form = page.getByRole('form', { name: 'New channel' });
    // Empty fields are refused in the page, without a request.
    await form.getByRole('button', { name: 'Create channel' }).click();
    await form.getByText('Enter a name (up to 200 characters).').waitFor();
    await form.getByText('Enter an http:// or https:// URL.').waitFor();
    assert.equal(await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');

    await form.getByLabel('Name', { exact: true }).fill('Ops webhook');
    await form.getByText('Enter a name (up to 200 characters).').waitFor({ state: 'detached' });
    await form.getByLabel('URL', { exact: true }).fill(hookUrl);
    await form.getByLabel('HMAC secret (optional)').fill(HMAC_SECRET);
    await form.getByRole('button', { name: 'Add header' }).click();
    await form.getByLabel('Header 1 name').fill('X-Team');
    await form.getByLabel('Header 1 value').fill('ops');
    await browser().screenshot('webhook-form');

    await form.getByRole('button', { name: 'Test before saving' }).click();
    await form.getByText('Test notification sent.').waitFor();
    const unsaved = await waitForReceived(1);
    assert.equal(unsaved.path, '/hook');
    assert.equal(unsaved.headers['x-team'], 'ops');
    assert.equal(unsaved.headers['x-sightline-signature'], `sha256=${createHmac('sha256', HMAC_SECRET).update(unsaved.body).digest('hex')}`);
    const unsavedBody = JSON.parse(unsaved.body) as {
      version: string;
      kind: string;
      title: string;
      alerts: unknown[];
    };
    assert.equal(unsavedBody.version, '1');
    assert.equal(unsavedBody.kind, 'test');
    assert.equal(unsavedBody.alerts.length, 1);
    assert.equal((await apiGet(running(), channelListResponseSchema, '/alerts/channels')).channels.length, 0, 'testing did not save it');

    await form.getByRole('button', { name: 'Create channel' }).click();
    await channelRow('Ops webhook').waitFor();
    assert.equal(await page.getByRole('form', { name: 'New channel' }).count(), 0, 'the form closes once saved');
    const [name, type, target, last] = await cellTexts(channelRow('Ops webhook'));
    assert.equal(name, 'Ops webhook');
    assert.equal(type, 'Webhook');
    assert.equal(target, `POST ${hookUrl} · signed (HMAC ••••4711) · headers: X-Team`);
    assert.equal(last, 'never');
    assert.ok(!(await channelsTable().innerText()).includes(HMAC_SECRET), 'the secret is never shown in full');

    await channelRow('Ops webhook').getByRole('button', { name: 'Send test notification to Ops webhook' }).click();
    await detailsOf('Ops webhook').getByText('Test notification sent.').waitFor();
    const saved = await waitForReceived(2);
    const savedBody = JSON.parse(saved.body) as {
      kind: string;
      title: string;
      description: string;
    };
    assert.equal(savedBody.kind, 'test');
    assert.match(savedBody.description, /Ops webhook/);
    assert.equal(saved.headers['x-sightline-signature'], `sha256=${createHmac('sha256', HMAC_SECRET).update(saved.body).digest('hex')}`);
    await channelRow('Ops webhook')
      .locator('.channel-badge', { hasText: /^sent$/ })
      .waitFor();

    await channelRow('Ops webhook').getByRole('button', { name: 'Delivery log of Ops webhook' }).click();
    const log = page.getByRole('table', {
      name: 'Delivery log of Ops webhook',
    });
    await log.locator('tbody tr').first().waitFor();
    const [, kind, status, attempt, alerts, error] = (await log.locator('tbody tr').first().locator('td').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual([kind, status, attempt, alerts, error], ['test', 'sent', '1', 'test message', '–']);
    await browser().screenshot('webhook-sent');
    assertNoNewProblems();
  });

  it('shows the error of a channel whose receiver is down, edits and deletes it', async () => {
    const { page } = browser();
    await page.getByRole('button', { name: 'New channel' }).click();
    const form = page.getByRole('form', { name: 'New channel' });
    // Each type brings its own fields; PagerDuty's URL defaults to the service's.
    await form.getByLabel('Type').selectOption('pagerduty');
    assert.equal(await form.getByLabel('Events API URL').inputValue(), 'https://events.pagerduty.com/v2/enqueue');
    assert.equal(await form.getByLabel('Routing key').getAttribute('type'), 'password');
    await form.getByLabel('Type').selectOption('email');
    await form.getByLabel('Security').selectOption('tls');
    assert.equal(await form.getByLabel('Port').inputValue(), '465', 'the usual port follows the security mode');
    await browser().screenshot('email-form');
    await form.getByLabel('Type').selectOption('webhook');
    await form.getByLabel('Name', { exact: true }).fill('Dead end');
    await form.getByLabel('URL', { exact: true }).fill(`http://127.0.0.1:${deadPort}/hook`);
    await form.getByRole('button', { name: 'Test before saving' }).click();
    const unsavedOutcome = form.getByText(/^Test notification failed: /);
    await unsavedOutcome.waitFor();
    assert.match(await unsavedOutcome.innerText(), /ECONNREFUSED|refused|connect/i);
    await form.getByRole('button', { name: 'Create channel' }).click();
    await channelRow('Dead end').waitFor();

    await channelRow('Dead end').getByRole('button', { name: 'Send test notification to Dead end' }).click();
    const outcome = detailsOf('Dead end').getByText(/^Test notification failed: /);
    await outcome.waitFor();
    const errorText = await outcome.innerText();
    assert.match(errorText, /ECONNREFUSED|refused|connect/i, errorText);
    await channelRow('Dead end')
      .locator('.channel-badge', { hasText: /^failed$/ })
      .waitFor();
    await page.getByRole('status').filter({ hasText: '2 channels · 1 failing' }).waitFor();

    await channelRow('Dead end').getByRole('button', { name: 'Delivery log of Dead end' }).click();
    const log = page.getByRole('table', { name: 'Delivery log of Dead end' });
    await log.locator('tbody tr').first().waitFor();
    const cells = (await log.locator('tbody tr').first().locator('td').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(cells.slice(1, 4), ['test', 'failed', '1']);
    assert.match(cells[5] ?? '', /ECONNREFUSED|refused|connect/i, 'the delivery error in full');
    await browser().screenshot('dead-end-failed');

    await browser().screenshotDark('dead-end-failed-dark');

    await channelRow('Dead end').getByRole('button', { name: 'Edit Dead end' }).click();
    const edit = page.getByRole('form', { name: 'Edit channel “Dead end”' });
    assert.equal(await edit.getByLabel('URL', { exact: true }).inputValue(), `http://127.0.0.1:${deadPort}/hook`);
    await edit.getByLabel('Name', { exact: true }).fill('Dead end renamed');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await channelRow('Dead end renamed').waitFor();

    await channelRow('Dead end renamed').getByRole('button', { name: 'Delete Dead end renamed' }).click();
    await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete channel' }).click();
    await channelRow('Dead end renamed').waitFor({ state: 'detached' });
    assert.deepEqual(
      (await apiGet(running(), channelListResponseSchema, '/alerts/channels')).channels.map((c) => c.name),
      ['Ops webhook'],
    );
    assertNoNewProblems();
  });

  it('creates a recurring silence from a rule’s link and a one-off one, lists them with their status, and expires the one-off', async () => {
    const { page } = browser();
    const rules = (await apiGet(running(), alertRuleListResponseSchema, '/alerts/rules')).rules;
    const rule = rules.find((r) => r.name === 'Scrape target down');
    assert.ok(rule !== undefined, `a built-in rule to silence among ${rules.map((r) => r.name).join(', ')}`);

    await page.goto(`/alerts/silences?ruleId=${encodeURIComponent(rule.id)}`);
    assert.equal(await page.title(), 'Silences · Sightline');
    const form = page.getByRole('form', { name: 'New silence' });
    await form.waitFor();
    assert.equal(await form.getByLabel('Rule', { exact: true }).inputValue(), rule.id, 'the link chose the rule');
    await page.waitForURL((url) => !url.searchParams.has('ruleId'));

    // A window that starts in 1–2 hours (UTC), every day: scheduled, not active.
    const start = new Date(Math.ceil((Date.now() + 3_600_000) / 3_600_000) * 3_600_000);
    const startTime = `${pad(start.getUTCHours())}:00`;
    const endTime = `${pad((start.getUTCHours() + 1) % 24)}:00`;
    await form.getByLabel('Recurring (planned downtime)').check();
    await form.getByLabel('From (24 h)').fill(startTime);
    await form.getByLabel('To (24 h)').fill(endTime);
    await form.getByLabel('Time zone').selectOption('UTC');
    await form.getByLabel('Comment').fill('nightly backups');
    await form.getByLabel('Created by').fill('ui-test');
    await form.getByText(`Mutes every day ${startTime}–${endTime} UTC`).waitFor();
    await browser().screenshot('recurring-form');
    await form.getByRole('button', { name: 'Create silence' }).click();

    const recurring = silenceRow('nightly backups');
    await recurring.waitFor();
    const [status, mutes, schedule, comment, createdBy] = await cellTexts(recurring);
    assert.equal(status, 'scheduled');
    assert.equal(mutes, 'Scrape target down');
    assert.match(schedule ?? '', new RegExp(`^every day ${startTime}–${endTime} UTC next: (today|tomorrow) \\d{2}:\\d{2}$`));
    assert.equal(comment, 'nightly backups');
    assert.equal(createdBy, 'ui-test');

    await page.getByRole('button', { name: 'New silence' }).click();
    const once = page.getByRole('form', { name: 'New silence' });
    await once.getByRole('button', { name: 'Create silence' }).click();
    await once.getByText('Choose a rule or add at least one matcher.').waitFor();
    await once.getByRole('button', { name: 'Add matcher' }).click();
    await once.getByLabel('Matcher 1 label').fill('service.name');
    await once.getByLabel('Matcher 1 operator').selectOption('!=');
    await once.getByLabel('Matcher 1 value').fill('checkout');
    await once.getByLabel('after 1h').check();
    await once.getByLabel('Comment').fill('deploy window');
    assert.equal(await once.getByLabel('Created by').inputValue(), 'ui-test', 'the author is remembered');
    await once.getByRole('button', { name: 'Create silence' }).click();

    const oneOff = silenceRow('deploy window');
    await oneOff.waitFor();
    const oneOffCells = await cellTexts(oneOff);
    assert.equal(oneOffCells[0], 'active');
    assert.equal(oneOffCells[1], 'service.name != "checkout"');
    assert.match(oneOffCells[2] ?? '', /^until \d{2}:\d{2} (today|tomorrow)$/);
    assert.match((await silencesTable().locator('tbody tr').first().innerText()).replace(/\s+/g, ' '), /^active/, 'active silences first');
    await page.getByRole('status').filter({ hasText: '2 silences · 1 active · 1 scheduled' }).waitFor();
    await browser().screenshot('silences-listed');

    await oneOff.getByRole('button', { name: 'Expire now' }).click();
    await oneOff.locator('.silence-badge', { hasText: /^expired$/ }).waitFor();
    assert.match((await oneOff.locator('td').nth(2).innerText()).trim(), /^ended today \d{2}:\d{2}$/);
    const stored = (await apiGet(running(), silenceListResponseSchema, '/alerts/silences')).silences;
    assert.deepEqual(stored.map((s) => s.status).sort(), ['expired', 'scheduled']);

    await browser().screenshotDark('silences-dark');
    assertNoNewProblems();
  });

  itHadNoProblems();
});
