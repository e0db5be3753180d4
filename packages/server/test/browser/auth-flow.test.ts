/**
 * Access control in a real browser against real server processes started with `auth.enabled=true`.
 * With the first admin's password in SIGHTLINE_ADMIN_PASSWORD: a page opened while signed out goes to the
 * sign-in page and comes back after it (`?next=`); a wrong password is refused with a message; the admin
 * adds a viewer (a short password refused in the page, demoting the last admin refused by the server), creates
 * an API key (its token shown once, working as a Bearer token until revoked), reads the audit log and its
 * export, signs out; the viewer signs in, is offered no admin page and changes their own password. Without
 * the variable, the first admin is created on the setup page with the token from the server's log. The only
 * HTTP errors allowed are the ones caused on purpose.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meResponseSchema, userListResponseSchema } from '@sightline/contract';
import { browserSuite } from '../support/browser-suite.ts';
import { eventually } from '../support/eventually.ts';

const ADMIN_PASSWORD = 'browser-admin-secret-1';
const VIEWER = { username: 'vera', password: 'viewer-password-42' };

/** The 401s the flow causes on purpose: Chromium reports each as an HTTP error and a console error. */
const EXPECTED_401 = [
  /^HTTP 401 (GET|POST) http:\/\/127\.0\.0\.1:\d+\/api\/v1\/auth\/(me|login)$/,
  /^console error: Failed to load resource: .* 401 \(Unauthorized\)/,
];

describe('Access control in a browser', { timeout: 300_000 }, () => {
  const { browser, running } = browserSuite({
    name: 'auth',
    args: ['--set', 'auth.enabled=true'],
    prepare: () => {
      // The server process inherits this test process's environment.
      process.env.SIGHTLINE_ADMIN_PASSWORD = ADMIN_PASSWORD;
      return Promise.resolve();
    },
  });

  /** Fails with any problem in the page since the last check other than the expected 401s; returns how many 401s there were. */
  const assertOnlyExpected401s = (also: readonly RegExp[] = []): number => {
    const problems = browser().newProblems();
    const allowed = [...EXPECTED_401, ...also];
    const unexpected = problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
    assert.deepEqual(unexpected, [], 'no problems but the expected 401s');
    return problems.filter((problem) => problem.startsWith('HTTP 401')).length;
  };

  const signIn = async (username: string, password: string): Promise<void> => {
    const form = browser().page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
  };

  const nav = () => browser().page.getByRole('navigation', { name: 'Main' });

  it('sends a signed-out visitor to the sign-in page and refuses a wrong password', async () => {
    const { page } = browser();
    await page.goto('/logs?range=1h');
    await page.waitForURL((url) => url.pathname === '/login');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/logs?range=1h');
    assert.equal(await page.title(), 'Sign in · Sightline');
    assert.equal(await nav().count(), 0, 'no app navigation before signing in');
    await browser().screenshot('login');
    await browser().screenshotDark('login-dark');

    await signIn('admin', 'not-the-password');
    const alert = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
    assert.equal((await alert.innerText()).trim(), 'The username or password is not correct.');
    assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password field is emptied');
    await browser().screenshot('login-wrong-password');
    assert.equal(assertOnlyExpected401s(), 2, 'the session check and the wrong password');
  });

  it('signs the admin in and returns to the page asked for', async () => {
    const { page } = browser();
    await signIn('admin', ADMIN_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/logs' && url.searchParams.get('range') === '1h');
    const menu = page.getByRole('button', { name: 'Account: admin (Admin)' });
    await menu.waitFor();
    await nav().getByRole('link', { name: 'Settings' }).waitFor();
    assert.equal(assertOnlyExpected401s(), 0);
  });

  it('adds a viewer on the Users page', async () => {
    const { page } = browser();
    await nav().getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Users' }).click();
    await page.waitForURL((url) => url.pathname === '/settings/users');
    const table = page.getByRole('table', { name: 'Users' });
    await table.locator('tr[data-user="admin"]').waitFor();

    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Username').fill(VIEWER.username);
    await form.getByLabel('Name (optional)').fill('Vera Viewer');
    await form.getByLabel('Role', { exact: true }).selectOption('viewer');
    await form.getByLabel('Password', { exact: true }).fill('short');
    await form.getByRole('button', { name: 'Add user' }).click();
    await form.getByText('Use at least 12 characters.').waitFor();

    await form.getByLabel('Password', { exact: true }).fill(VIEWER.password);
    await form.getByLabel('Confirm password').fill(VIEWER.password);
    await form.getByRole('button', { name: 'Add user' }).click();
    const row = table.locator(`tr[data-user="${VIEWER.username}"]`);
    await row.waitFor();
    assert.equal(await row.getByLabel(`Role of ${VIEWER.username}`).inputValue(), 'viewer');
    assert.match(await row.innerText(), /Vera Viewer/);
    assert.match(await row.innerText(), /active/);
    await browser().screenshot('users');

    // The admin's own row offers no delete or disable; demoting the last admin is refused with the server's reason.
    const adminRow = table.locator('tr[data-user="admin"]');
    assert.equal(await adminRow.getByRole('button', { name: 'Delete admin' }).count(), 0);
    await adminRow.getByLabel('Role of admin').selectOption('viewer');
    const refused = page.getByRole('alert').filter({ hasText: 'Could not change the role of admin' });
    await refused.getByText('AUTH_LAST_ADMIN').waitFor();
    await eventually('the role shown as stored again', async () => ((await adminRow.getByLabel('Role of admin').inputValue()) === 'admin' ? true : undefined));
    await browser().screenshot('users-last-admin');
    assertOnlyExpected401s([/^HTTP 409 PUT .*\/api\/v1\/admin\/users\/[^/]+$/, /^console error: Failed to load resource: .* 409 \(Conflict\)/]);
    const cookie = (await browser().context.cookies()).find((c) => c.name === 'sightline_session');
    assert.ok(cookie !== undefined && cookie.httpOnly, 'an HttpOnly session cookie');
    const listed = await fetch(`http://127.0.0.1:${running().ports.api}/api/v1/admin/users`, { headers: { cookie: `${cookie.name}=${cookie.value}` } });
    const body = userListResponseSchema.parse(await listed.json());
    assert.deepEqual(body.users.map((u) => [u.username, u.role]).sort(), [
      ['admin', 'admin'],
      [VIEWER.username, 'viewer'],
    ]);
    assert.equal(assertOnlyExpected401s(), 0);
  });

  it('creates an API key whose token is shown once and works as a Bearer token', async () => {
    const { page } = browser();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' }).click();
    await page.waitForURL((url) => url.pathname === '/settings/api-keys');
    const form = page.getByRole('form', { name: 'Create an API key' });
    await form.getByLabel('Name').fill('ci-reader');
    await form.getByLabel('Role', { exact: true }).selectOption('viewer');
    await form.getByRole('button', { name: 'Create key' }).click();

    const notice = page.getByRole('region', { name: 'New API key' });
    const token = (await notice.getByTestId('new-api-key-token').innerText()).trim();
    assert.ok(token.length >= 20, `a token (${token.length} characters)`);
    await notice.getByText('it is shown only this once').waitFor();
    await notice.getByRole('button', { name: 'Copy key' }).waitFor();
    const row = page.getByRole('table', { name: 'API keys' }).locator('tr[data-key="ci-reader"]');
    await row.waitFor();
    const prefix = (await row.locator('td').nth(1).innerText()).trim().replace(/…$/, '');
    assert.ok(prefix.length > 0 && token.startsWith(prefix), `the listed prefix "${prefix}" starts the token`);
    assert.ok(!(await row.innerText()).includes(token), 'the list does not show the token');
    await browser().screenshot('api-keys');

    const me = await fetch(`http://127.0.0.1:${running().ports.api}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    const principal = meResponseSchema.parse(await me.json()).principal;
    assert.deepEqual([principal.kind, principal.name, principal.role], ['api_key', 'ci-reader', 'viewer']);

    await notice.getByRole('button', { name: 'I have copied it' }).click();
    assert.equal(await page.getByTestId('new-api-key-token').count(), 0, 'the token is gone once dismissed');
    await page.reload();
    await row.waitFor();
    assert.equal(await page.getByText(token).count(), 0, 'and is not shown again');

    // Revoked after a confirmation: the list says so and the token stops working.
    await row.getByRole('button', { name: 'Revoke ci-reader' }).click();
    await row.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText('revoked', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: 'Revoke ci-reader' }).count(), 0);
    const after = await fetch(`http://127.0.0.1:${running().ports.api}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(after.status, 401);
    assert.equal(assertOnlyExpected401s(), 0);
  });

  it('shows what was done in the audit log, with export links', async () => {
    const { page } = browser();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL((url) => url.pathname === '/settings/audit');
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.locator('tr', { hasText: 'user.create' }).first().waitFor();
    const csv = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    assert.ok(csv !== null && new URL(csv).searchParams.get('format') === 'csv', `CSV link ${csv}`);
    const exported = await page.evaluate(async (href) => (await fetch(href)).text(), csv);
    assert.match(exported, /user\.create/);
    const jsonl = await page.getByRole('link', { name: 'Export JSON lines' }).getAttribute('href');
    assert.ok(jsonl !== null && new URL(jsonl).searchParams.get('format') === 'jsonl');
    await browser().screenshot('audit');
    assert.equal(assertOnlyExpected401s(), 0);
  });

  it('signs out from the user menu', async () => {
    const { page } = browser();
    await page.getByRole('button', { name: 'Account: admin (Admin)' }).click();
    await page.getByRole('dialog', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    assert.equal(await nav().count(), 0);
    assertOnlyExpected401s();
  });

  it('signs the viewer in without offering admin pages', async () => {
    const { page } = browser();
    await signIn(VIEWER.username, VIEWER.password);
    const menu = page.getByRole('button', {
      name: `Account: ${VIEWER.username} (Viewer)`,
    });
    await menu.waitFor();
    await nav().getByRole('link', { name: 'Traces' }).waitFor();
    assert.equal(await nav().getByRole('link', { name: 'Settings' }).count(), 0, 'no Settings for a viewer');

    await page.goto('/settings/users');
    await page.getByText('Settings need the admin role').waitFor();
    assert.equal(await page.getByRole('table', { name: 'Users' }).count(), 0);
    await menu.click();
    const account = page.getByRole('dialog', { name: 'Account' });
    await account.getByText('Viewer').waitFor();
    await browser().screenshot('viewer');

    // Their own password, changed from the menu: the current one is needed, the new one follows the policy.
    await account.getByRole('button', { name: 'Change password' }).click();
    const change = account.getByRole('form', { name: 'Change password' });
    await change.getByLabel('Current password').fill(VIEWER.password);
    await change.getByLabel('New password', { exact: true }).fill('vera-new-password-7');
    await change.getByLabel('Confirm new password').fill('vera-new-password-7');
    await change.getByRole('button', { name: 'Change password' }).click();
    await account.getByText('Password changed.').waitFor();
    await account.getByRole('button', { name: 'Sign out' }).click();
    await signIn(VIEWER.username, 'vera-new-password-7');
    await menu.waitFor();
    assertOnlyExpected401s();
  });

  it('goes back to the sign-in page, keeping the page, when the session ends', async () => {
    const { page } = browser();
    await browser().context.clearCookies();
    await nav().getByRole('link', { name: 'Services' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    assert.match(new URL(page.url()).searchParams.get('next') ?? '', /^\/services/);
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    assertOnlyExpected401s([/^HTTP 401 GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\//]);
  });
});

describe('First start without an admin password in a browser', { timeout: 300_000 }, () => {
  const { browser, running } = browserSuite({
    name: 'auth-setup',
    args: ['--set', 'auth.enabled=true'],
    prepare: () => {
      delete process.env.SIGHTLINE_ADMIN_PASSWORD;
      return Promise.resolve();
    },
  });

  it('creates the first admin with the setup token from the log', async () => {
    const { page } = browser();
    const token = /with the setup token ([A-Za-z0-9_-]+)/.exec(running().output())?.[1];
    assert.ok(token !== undefined, 'the server printed a setup token');

    await page.goto('/traces');
    await page.waitForURL((url) => url.pathname === '/setup');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/traces');
    const form = page.getByRole('form', { name: 'Set up' });
    assert.equal(await form.getByLabel('Username').inputValue(), 'admin');
    await form.getByLabel('Password', { exact: true }).fill('first-admin-password');
    await form.getByLabel('Confirm password').fill('something-else-entirely');
    await form.getByRole('button', { name: 'Create admin and sign in' }).click();
    await form.getByText('Paste the setup token from the server log.').waitFor();
    await form.getByText('The passwords do not match.').waitFor();
    await browser().screenshot('setup');

    await form.getByLabel('Setup token').fill('not-the-token');
    await form.getByLabel('Confirm password').fill('first-admin-password');
    await form.getByRole('button', { name: 'Create admin and sign in' }).click();
    await form.getByRole('alert').getByText('Setup failed').waitFor();

    await form.getByLabel('Setup token').fill(token);
    await form.getByRole('button', { name: 'Create admin and sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/traces');
    await page.getByRole('button', { name: 'Account: admin (Admin)' }).waitFor();

    const problems = browser().newProblems();
    const unexpected = problems.filter((problem) => !/\/api\/v1\/auth\/setup\b|401 \(Unauthorized\)/.test(problem));
    assert.deepEqual(unexpected, [], 'only the refused setup token failed');
    assert.ok(
      problems.some((problem) => problem.startsWith('HTTP 401 POST')),
      'the wrong token was refused',
    );
  });
});
