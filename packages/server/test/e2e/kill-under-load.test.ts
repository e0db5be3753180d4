import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { LoadLoop } from '../support/load-loop.ts';
import { newRunTag } from '../support/load-otlp-items.ts';
import { duplicatesOf, storedLogBodies, storedSpanIds } from '../support/load-stored-items.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const KILLS = 3;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Items of `wanted` absent from `stored` (the first few, for the message) and how many. */
function missing(wanted: readonly string[], stored: ReadonlySet<string>): { count: number; first: string[] } {
  const absent = wanted.filter((id) => !stored.has(id));
  return { count: absent.length, first: absent.slice(0, 5) };
}

describe('SIGKILL under load', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sightline-kill-load-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged span and log record across three kills at random moments', { timeout: 120_000 }, async () => {
    const dataDir = path.join(dir, 'data');
    const runTag = newRunTag();
    const since = Date.now();
    let server: ServerProcess = await startServerProcess(dataDir);
    let up = true;
    // Six requests in flight, alternating spans and logs; the loop follows the current port.
    const load = new LoadLoop({ runTag, concurrency: 6, spansPerRequest: 20, logsPerRequest: 20, target: () => (up ? server.ports.http : undefined) });
    const ackedAtKill: number[] = [];
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        await pause(1000 + Math.random() * 2000);
        up = false;
        ackedAtKill.push(load.tally.acked.traces.length + load.tally.acked.logs.length);
        assert.equal(await server.stop('SIGKILL'), null, `kill ${kill + 1} ended the process by signal`);
        server = await startServerProcess(dataDir);
        up = true;
      }
      // Some load against the last incarnation too, then stop sending and wait for the last answers.
      await pause(1000);
    } finally {
      await load.stop();
    }
    const tally = load.tally;
    const live = server;
    try {
      const ready = await fetch(`http://127.0.0.1:${live.ports.api}/readyz`);
      assert.equal(ready.status, 200, `store opens cleanly after ${KILLS} kills: ${await ready.text()}`);
      assert.deepEqual(tally.oddResponses, [], 'no answers other than 200 (or refusals / dropped connections)');
      // Every incarnation acknowledged something, so each kill hit a server under load.
      assert.ok(ackedAtKill.every((acked, i) => acked > (ackedAtKill[i - 1] ?? 0)), `acks grew between kills: ${ackedAtKill.join(', ')}`);
      assert.ok(tally.acked.traces.length > 0 && tally.acked.logs.length > 0, 'both signals acknowledged');

      const spans = await storedSpanIds(live.ports.api, runTag, since);
      const logs = await storedLogBodies(live.ports.api, runTag, since);
      const spanSet = new Set(spans);
      const logSet = new Set(logs);
      assert.deepEqual(missing(tally.acked.traces, spanSet), { count: 0, first: [] }, 'every acknowledged span is stored');
      assert.deepEqual(missing(tally.acked.logs, logSet), { count: 0, first: [] }, 'every acknowledged log record is stored');
      // Nothing stored twice (a replay after restart would duplicate) and nothing that was never sent.
      assert.deepEqual(duplicatesOf(spans), [], 'no span stored twice');
      assert.deepEqual(duplicatesOf(logs), [], 'no log record stored twice');
      assert.deepEqual(missing(spans, tally.sent.traces), { count: 0, first: [] }, 'only sent spans are stored');
      assert.deepEqual(missing(logs, tally.sent.logs), { count: 0, first: [] }, 'only sent log records are stored');
      // Counts: at least the acknowledged items; the surplus can only be requests cut off by a kill.
      assert.ok(spans.length >= tally.acked.traces.length && logs.length >= tally.acked.logs.length);
      console.log(
        `kill-under-load: acked ${tally.acked.traces.length} spans / ${tally.acked.logs.length} logs; stored ${spans.length} / ${logs.length}; ` +
          `sent ${tally.sent.traces.size} / ${tally.sent.logs.size}; responses ${JSON.stringify([...tally.statuses])}; acked at kills ${ackedAtKill.join(', ')}`,
      );
    } finally {
      assert.equal(await live.stop('SIGTERM'), 0, 'the last incarnation shuts down cleanly');
    }
  });
});
