import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { inlineScriptHashes, uiContentSecurityPolicy } from './security-headers.ts';

describe('UI content security policy', () => {
  it('hashes inline scripts only, exactly as written', () => {
    const inline = "\n  (function () { document.title = 'x'; })();\n";
    const html = `<head><script>${inline}</script><script type="module" src="/assets/app.js"></script></head>`;
    const expected = createHash('sha256').update(inline, 'utf8').digest('base64');
    assert.deepEqual(inlineScriptHashes(html), [expected]);
    const csp = uiContentSecurityPolicy([expected]);
    assert.match(csp, new RegExp(`script-src 'self' 'sha256-${expected.replace(/[+/]/g, '\\\\$&')}'`));
    assert.doesNotMatch(csp, /script-src[^;]*unsafe/);
    assert.match(csp, /frame-ancestors 'none'/);
  });
});
