/**
 * What every browser test sets up the same way: it checks the UI is built, starts a server process on a
 * fresh data directory, opens a headless browser on it, and after the tests closes both and removes the
 * directory. Each suite adds only its own steps through the hooks, which run in the order listed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { BrowserSession, WEB_DIST_INDEX } from './browser-session.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

export interface BrowserSuiteOptions {
  /** Names the suite's screenshots (`<name>-NN-….png`) and its temporary directory. */
  readonly name: string;
  /** Before the server starts: what it will scrape or notify (fakes, receivers, databases). */
  readonly prepare?: () => Promise<void>;
  /** The server's configuration file (YAML), asked for once `prepare` has run; passed with `--config`. */
  readonly config?: () => string;
  /** More arguments to `sightline start`. */
  readonly args?: readonly string[];
  /** Once the server listens, before the browser opens: send telemetry and wait until it can be read. */
  readonly seed?: (server: ServerProcess) => Promise<void>;
  /** The page's size, when the session's 1440 × 900 is not enough for a page in one screenshot. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** After the browser is closed and the server stopped: stop what `prepare` started. */
  readonly stop?: () => Promise<void>;
}

export interface BrowserSuite {
  /** The browser session; fails the test when it has not started. */
  readonly browser: () => BrowserSession;
  /** The running server process; fails the test when it has not started. */
  readonly running: () => ServerProcess;
  /** Fails with the problems the page reported since the last check. */
  readonly assertNoNewProblems: () => void;
  /** Adds the suite's last test: nothing went wrong in the page during the whole session. */
  readonly itHadNoProblems: () => void;
}

/** One server and one browser for the enclosing `describe`: call it there, before the tests. */
export function browserSuite(options: BrowserSuiteOptions): BrowserSuite {
  const dir = mkdtempSync(path.join(tmpdir(), `sightline-browser-${options.name}-`));
  let server: ServerProcess | undefined;
  let session: BrowserSession | undefined;

  const browser = (): BrowserSession => {
    assert.ok(session !== undefined, 'browser started');
    return session;
  };
  const running = (): ServerProcess => {
    assert.ok(server !== undefined, 'server started');
    return server;
  };

  before(async () => {
    assert.ok(existsSync(WEB_DIST_INDEX), `the UI is built (${WEB_DIST_INDEX}); run npm run build -w @sightline/web`);
    await options.prepare?.();
    const args = [...(options.args ?? [])];
    if (options.config !== undefined) {
      const file = path.join(dir, 'sightline.yaml');
      writeFileSync(file, options.config());
      args.push('--config', file);
    }
    server = await startServerProcess(path.join(dir, 'data'), args);
    await options.seed?.(server);
    session = await BrowserSession.launch(`http://127.0.0.1:${server.ports.api}`, options.name);
    if (options.viewport !== undefined) await session.page.setViewportSize(options.viewport);
  });

  after(async () => {
    await session?.close();
    await server?.stop();
    await options.stop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    browser,
    running,
    assertNoNewProblems: () => assert.deepEqual(browser().newProblems(), [], 'no console errors, page errors or HTTP errors'),
    itHadNoProblems: () => {
      it('had no console errors, page errors or HTTP errors in the whole session', () => {
        assert.deepEqual(browser().problems, []);
      });
    },
  };
}
