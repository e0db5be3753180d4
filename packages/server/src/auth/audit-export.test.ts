import assert from 'node:assert/strict';
import type { AuditEntry } from '@sightline/contract';
import { describe, it } from 'node:test';
import { auditToCsv, auditToJsonLines, csvField } from './audit-export.ts';

const entry: AuditEntry = {
  atMs: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  actorKind: 'user',
  actorId: 'u1',
  actorName: 'alice',
  action: 'user.update',
  target: 'bob, "the builder"',
  outcome: 'success',
  clientIp: '10.0.0.1',
  details: { role: 'editor' },
};

describe('audit export', () => {
  it('writes CSV with a header, quoting fields with commas, quotes or line breaks', () => {
    assert.equal(
      auditToCsv([entry]),
      'time,actor_kind,actor_id,actor_name,action,target,outcome,client_ip,details\r\n' +
        '2026-01-02T03:04:05.006Z,user,u1,alice,user.update,"bob, ""the builder""",success,10.0.0.1,"{""role"":""editor""}"\r\n',
    );
  });

  it('defuses spreadsheet formulas', () => {
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-1+2'), `"'-1+2"`);
    assert.equal(csvField('plain'), 'plain');
  });

  it('writes one JSON object per line', () => {
    const lines = auditToJsonLines([entry, { ...entry, outcome: 'denied' }]).split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    assert.deepEqual(JSON.parse(lines[0] ?? ''), { time: '2026-01-02T03:04:05.006Z', ...entry });
    assert.equal(JSON.parse(lines[1] ?? '').outcome, 'denied');
  });
});
