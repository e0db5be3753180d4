import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { inlineScriptHashes, uiContentSecurityPolicy } from './auth/security-headers.ts';
import { notFoundError } from './error-status.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sightline</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3rem;color:#111;background:#fff}code{background:#eee;padding:0 .3em}</style>
</head>
<body><h1>Sightline</h1>
<p>The web UI is not installed in this build. The API is available under <code>/api/v1/</code>;
health at <code>/healthz</code>, the server's own metrics at <code>/metrics</code>.</p>
</body>
</html>
`;

/** A file under the root for a URL path, or undefined (missing, a directory, or outside the root). */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const candidate = path.join(root, path.posix.normalize(`/${decoded}`));
  try {
    const real = await realpath(candidate);
    if (real !== root && !real.startsWith(`${root}${path.sep}`)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

async function sendFile(reply: FastifyReply, file: string, cacheControl: string): Promise<FastifyReply> {
  const body = await readFile(file);
  // Pages get the UI's policy; the inline base-path script is allowed by its hash.
  if (path.extname(file).toLowerCase() === '.html') void reply.header('content-security-policy', uiContentSecurityPolicy(inlineScriptHashes(body.toString('utf8'))));
  return reply
    .header('cache-control', cacheControl)
    .type(CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
    .send(body);
}

function acceptsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('text/html');
}

/**
 * The single-page UI: `/` is index.html, files under the root are served as they are, and other
 * extension-less paths (and page loads of any path) get index.html so the UI's own routes survive a reload. Without a root, a
 * placeholder page.
 */
export function registerStaticUi(app: FastifyInstance, webRoot: string | undefined): void {
  if (webRoot === undefined) {
    app.get('/', async (_request, reply) => reply.header('content-security-policy', uiContentSecurityPolicy([])).type('text/html; charset=utf-8').send(PLACEHOLDER_PAGE));
    return;
  }
  let root: Promise<string> | undefined;
  const rootPath = (): Promise<string> => (root ??= realpath(path.resolve(webRoot)));
  const index = async (reply: FastifyReply): Promise<FastifyReply> => sendFile(reply, path.join(await rootPath(), 'index.html'), 'no-cache');

  app.get('/', async (_request, reply) => index(reply));
  app.get('/*', async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (urlPath.startsWith('/api/')) throw notFoundError(request.method, request.url);
    const file = await resolveFile(await rootPath(), urlPath);
    if (file !== undefined) return sendFile(reply, file, path.basename(file) === 'index.html' ? 'no-cache' : 'public, max-age=3600');
    // A browser navigating (a reload of `/services/orders.v2`) asks for HTML; a missing asset does not.
    if (path.posix.extname(urlPath) === '' || acceptsHtml(request.headers.accept)) return index(reply);
    throw notFoundError(request.method, request.url);
  });
}
