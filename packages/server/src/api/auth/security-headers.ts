import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * Headers on every answer of the API port (UI and API, with or without auth): no framing, no MIME
 * sniffing, referrers only to this origin. The UI's Content-Security-Policy is set by static-ui.ts,
 * which knows the inline script's hash; API answers (JSON) get the strictest policy.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function uiContentSecurityPolicy(scriptHashes: readonly string[]): string {
  const scripts = ["'self'", ...scriptHashes.map((hash) => `'sha256-${hash}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // React style= attributes and uPlot set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('content-security-policy')) void reply.header('content-security-policy', API_CSP);
    return payload;
  });
}

/** Base64 SHA-256 of each inline `<script>` (one without `src`) of a page, as CSP source hashes take them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1] ?? '')) continue;
    hashes.push(createHash('sha256').update(match[2] ?? '', 'utf8').digest('base64'));
  }
  return hashes;
}
