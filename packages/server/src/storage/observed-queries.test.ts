import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, ErrorCodes } from '../errors.ts';
import { observeQueries } from './observed-queries.ts';
import { sql } from './sql.ts';
import type { Store } from './store.ts';

/** A store whose reads answer or fail as told (the observer is what is under test). */
function scriptedStore(fail?: AppError): Store {
  return {
    kind: 'chdb',
    query: <Row>() => (fail === undefined ? Promise.resolve([{ n: 1 }] as Row[]) : Promise.reject(fail)),
    command: () => Promise.resolve(),
    insertRowBinary: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

describe('observeQueries', () => {
  it('reports each read with its duration and outcome, and passes results and errors through', async () => {
    const seen: [number, string][] = [];
    const observer = { observe: (seconds: number, outcome: string) => seen.push([seconds, outcome]) };
    assert.deepEqual(await observeQueries(scriptedStore(), observer).query(sql`SELECT 1`), [{ n: 1 }]);
    const limit = new AppError(ErrorCodes.QUERY_MEMORY_LIMIT, 'too big');
    await assert.rejects(observeQueries(scriptedStore(limit), observer).query(sql`SELECT 1`), limit);
    await assert.rejects(observeQueries(scriptedStore(new Error('boom') as AppError), observer).query(sql`SELECT 1`));
    assert.deepEqual(seen.map(([, outcome]) => outcome), ['ok', 'QUERY_MEMORY_LIMIT', 'INTERNAL']);
    assert.ok(seen.every(([seconds]) => seconds >= 0));
  });
});
