/**
 * A headless Chromium (Debian's, through playwright-core) for the UI tests, recording every
 * console error, page error and HTTP response ≥ 400 of the session, and saving screenshots.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results');
export const WEB_DIST_INDEX = path.join(REPO_ROOT, 'packages/web/dist/index.html');

/** The texts of a table row's cells, trimmed, each run of whitespace as one space. */
export async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

export class BrowserSession {
  /** Everything that went wrong in the page, in order. */
  readonly problems: string[] = [];
  private shots = 0;
  private reported = 0;

  private constructor(
    /** Names this suite's screenshots (`<prefix>-NN-name.png`), so suites running at once keep theirs. */
    private readonly screenshotPrefix: string,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.stack ?? error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) this.problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      // An EventSource or fetch cancelled because the page moved on is not a failure of the app.
      const reason = request.failure()?.errorText ?? '';
      if (reason !== 'net::ERR_ABORTED') this.problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
    });
  }

  static async launch(baseURL: string, screenshotPrefix: string): Promise<BrowserSession> {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.setDefaultNavigationTimeout(30_000);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      // This suite's screenshots of an earlier run would mix with this run's numbering.
      for (const file of readdirSync(SCREENSHOT_DIR)) {
        if (file.startsWith(`${screenshotPrefix}-`) && file.endsWith('.png')) rmSync(path.join(SCREENSHOT_DIR, file));
      }
      return new BrowserSession(screenshotPrefix, browser, context, page);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /**
   * The cells (trimmed) of the first row of table `table` (its accessible name) whose first cell
   * contains `name`, once it is shown; `collapseWhitespace` also turns runs of whitespace into one space.
   */
  async rowCells(table: string, name: string, options: { readonly collapseWhitespace?: boolean } = {}): Promise<string[]> {
    const row = this.page.getByRole('table', { name: table, exact: true }).locator('tbody tr', { has: this.page.locator('td:first-child', { hasText: name }) });
    await row.first().waitFor();
    const cells = await row.first().locator('td').allInnerTexts();
    return cells.map((text) => (options.collapseWhitespace === true ? text.replace(/\s+/g, ' ') : text).trim());
  }

  /** The problems reported since the last call. */
  newProblems(): string[] {
    const fresh = this.problems.slice(this.reported);
    this.reported = this.problems.length;
    return fresh;
  }

  /** A full-page screenshot in `<repo>/test-results/<prefix>-NN-name.png`. */
  async screenshot(name: string): Promise<string> {
    this.shots++;
    const file = path.join(SCREENSHOT_DIR, `${this.screenshotPrefix}-${String(this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Switches the page to the dark theme, takes screenshot `name` and switches back to the light one. */
  async screenshotDark(name: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await this.page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    const file = await this.screenshot(name);
    await this.page.getByRole('button', { name: 'Switch to light theme' }).click();
    return file;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.browser.close();
  }
}
