import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TOP_LEVEL_SEGMENTS } from './routes.ts';

/** The base-path script in index.html, run against a path: the <base href> it would set. */
function baseFor(pathname: string): string {
  const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
  const source = /var m = location\.pathname\.match\((\/.*\/)\);/.exec(html)?.[1];
  assert.ok(source, 'index.html has the base-path regex');
  const regex = new RegExp(source.slice(1, -1));
  const match = regex.exec(pathname);
  return match?.[1] ?? pathname.replace(/[^/]*$/, '');
}

describe('index.html base path', () => {
  it('knows every top-level page', () => {
    for (const segment of TOP_LEVEL_SEGMENTS) {
      assert.equal(baseFor(`/${segment}`), '/', segment);
      assert.equal(baseFor(`/prefix/${segment}/x`), '/prefix/', segment);
    }
  });

  it('finds the root for deep links and plain paths', () => {
    assert.equal(baseFor('/traces/0123456789abcdef0123456789abcdef'), '/');
    assert.equal(baseFor('/'), '/');
    assert.equal(baseFor('/sightline/'), '/sightline/');
    assert.equal(baseFor('/traces/logs'), '/');
  });
});
