#!/usr/bin/env node
// Each chDB operation holds a libuv thread; the pool must be sized before Node first uses it.
process.env.UV_THREADPOOL_SIZE ??= '16';
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
