/** Layer directions from shared/design/ARCHITECTURE.md §3. */
const src = '^packages/server/src/';
const layer = (name) => `${src}${name}/`;
const forbid = (name, from, to) => ({ name, severity: 'error', from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'only-cli-imports-main', severity: 'error', from: { pathNot: `${src}cli/` }, to: { path: `${src}(main\\.ts|cli/)` } },
    { name: 'only-main-imports-api', severity: 'error', from: { pathNot: `${src}(api/|main\\.ts|compose-[^/]*\\.ts)` }, to: { path: `${src}api/` } },
    { name: 'only-main-imports-ingest', severity: 'error', from: { pathNot: `${src}(ingest/|main\\.ts)` }, to: { path: `${src}ingest/` } },
    { name: 'only-main-imports-compose', severity: 'error', from: { pathNot: `${src}main\\.ts` }, to: { path: `${src}compose-[^/]*\\.ts$` } },
    { name: 'only-main-imports-workers', severity: 'error', from: { pathNot: `${src}(workers/|main\\.ts)` }, to: { path: `${src}workers/` } },
    forbid('signals-are-leaves', layer('signals'), `${src}(?!signals/|errors\\.ts)`),
    forbid('receivers-layer', layer('receivers'), `${src}(storage|query|api|alerts|selfmon|cli)/`),
    forbid('pipeline-layer', layer('pipeline'), `${src}(receivers|query|api|alerts|selfmon|cli)/`),
    forbid('storage-layer', layer('storage'), `${src}(receivers|pipeline|query|api|alerts|selfmon|cli)/`),
    forbid('query-layer', layer('query'), `${src}(receivers|pipeline|api|alerts|selfmon|cli)/`),
    forbid('alerts-layer', layer('alerts'), `${src}(receivers|pipeline|storage|api|selfmon|cli)/`),
    forbid('selfmon-layer', layer('selfmon'), `${src}(receivers|storage|query|api|alerts|cli)/`),
    // Access control: pure logic and services over the query layer's auth stores.
    forbid('auth-layer', layer('auth'), `${src}(receivers|pipeline|storage|api|alerts|selfmon|cli|ingest|workers)/`),
    // Built-in dashboards are data: they use contract types only.
    forbid('dashboards-are-data', layer('dashboards'), `${src}(?!dashboards/)`),
    forbid('contract-is-standalone', '^packages/contract/', '^packages/(server|web)/'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.ts$' },
  },
};
