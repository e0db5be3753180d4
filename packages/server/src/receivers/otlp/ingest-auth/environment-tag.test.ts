import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeLogsJson } from '../decode/json-logs.ts';
import { decodeTracesJson } from '../decode/json-traces.ts';
import { tagEnvironment } from './environment-tag.ts';

const text = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const span = (name: string, spanId: string) => ({
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId,
  name,
  startTimeUnixNano: '1700000000000000000',
  endTimeUnixNano: '1700000000001000000',
});

const request = text({
  resourceSpans: [
    { resource: { attributes: [str('service.name', 'plain')] }, scopeSpans: [{ spans: [span('a', 'b7ad6b7169203331'), span('b', 'b7ad6b7169203332')] }] },
    { resource: { attributes: [str('service.name', 'own'), str('deployment.environment.name', 'prod')] }, scopeSpans: [{ spans: [span('c', 'b7ad6b7169203333')] }] },
    { resource: { attributes: [str('service.name', 'legacy'), str('deployment.environment', 'qa')] }, scopeSpans: [{ spans: [span('d', 'b7ad6b7169203334')] }] },
  ],
});

describe('tagging data with the ingest key environment', () => {
  it('adds deployment.environment.name to resources without an environment, once per resource', () => {
    const decoded = decodeTracesJson(request);
    const tagged = tagEnvironment(decoded, 'staging');
    const environments = tagged.rows.map((row) => [
      row.name,
      row.resource.attributes.filter((a) => a.key.startsWith('deployment.environment')).map((a) => `${a.key}=${a.value.kind === 'string' ? a.value.value : '?'}`),
    ]);
    assert.deepEqual(environments, [
      ['a', ['deployment.environment.name=staging']],
      ['b', ['deployment.environment.name=staging']],
      ['c', ['deployment.environment.name=prod']],
      ['d', ['deployment.environment=qa']],
    ]);
    assert.equal(tagged.rows[0]!.resource, tagged.rows[1]!.resource, 'rows of one resource share the tagged copy');
    assert.equal(tagged.rows[2], decoded.rows[2], 'rows that keep their resource are not copied');
    assert.deepEqual(tagged.rows[0]!.resource.attributes[0], { key: 'service.name', value: { kind: 'string', value: 'plain' } });
    // The decoded rows themselves are left as they were.
    assert.equal(decoded.rows[0]!.resource.attributes.length, 1);
    assert.deepEqual([tagged.rejected, tagged.rejectionMessage], [decoded.rejected, decoded.rejectionMessage]);
  });

  it('leaves everything as it is without an environment', () => {
    const decoded = decodeTracesJson(request);
    assert.equal(tagEnvironment(decoded, undefined), decoded);
    assert.equal(tagEnvironment(decoded, ''), decoded);
  });

  it('works for logs the same way', () => {
    const logs = decodeLogsJson(
      text({ resourceLogs: [{ resource: { attributes: [str('service.name', 'x')] }, scopeLogs: [{ logRecords: [{ timeUnixNano: '1700000000000000000', body: { stringValue: 'hi' } }] }] }] }),
    );
    const tagged = tagEnvironment(logs, 'dev');
    assert.deepEqual(tagged.rows[0]!.resource.attributes.at(-1), { key: 'deployment.environment.name', value: { kind: 'string', value: 'dev' } });
  });
});
