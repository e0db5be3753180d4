import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actorText, AUDIT_LIMIT, auditQuery, detailsText, readAuditFilters, writeAuditFilters } from './audit-view.ts';

describe('audit view', () => {
  it('keeps the filters in the URL', () => {
    const params = new URLSearchParams('range=1h&actor=old');
    writeAuditFilters(params, { actor: ' jane ', action: '' });
    assert.equal(params.toString(), 'range=1h&actor=jane');
    assert.deepEqual(readAuditFilters(params), { actor: 'jane', action: '' });
  });

  it('builds the list query and the export queries', () => {
    const range = { startMs: 1000, endMs: 2000 };
    assert.deepEqual(auditQuery(range, { actor: '', action: ' login ' }), {
      start: 1000,
      end: 2000,
      actor: undefined,
      action: 'login',
      limit: AUDIT_LIMIT,
      format: undefined,
    });
    assert.deepEqual(auditQuery(range, { actor: 'jane', action: '' }, 'csv'), {
      start: 1000,
      end: 2000,
      actor: 'jane',
      action: undefined,
      limit: undefined,
      format: 'csv',
    });
  });

  it('names actors', () => {
    assert.equal(actorText({ actorKind: 'user', actorName: 'jane', actorId: 'u1' }), 'jane');
    assert.equal(actorText({ actorKind: 'user', actorName: '', actorId: 'u1' }), 'u1');
    assert.equal(actorText({ actorKind: 'api_key', actorName: 'ci', actorId: 'k1' }), 'ci (API key)');
    assert.equal(actorText({ actorKind: 'anonymous', actorName: '', actorId: '' }), 'anonymous');
    assert.equal(actorText({ actorKind: 'anonymous', actorName: 'bob', actorId: '' }), 'bob (not signed in)');
    assert.equal(actorText({ actorKind: 'system', actorName: '', actorId: '' }), 'system');
  });

  it('writes details compactly', () => {
    assert.equal(detailsText({ role: 'viewer', scope: { services: ['a'] } }), 'role=viewer scope={"services":["a"]}');
    assert.equal(detailsText({}), '');
    assert.equal(detailsText({ note: 'x'.repeat(50) }, 20).length, 20);
  });
});
