import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setupGuides, testSpanCommand, urlHost } from './setup-snippets.ts';

describe('setup snippets', () => {
  const endpoints = { host: 'obs.internal', grpcPort: 4317, httpPort: 4318 };
  const guides = setupGuides(endpoints);

  it('covers every runtime and the collector', () => {
    assert.deepEqual(
      guides.map((g) => g.id),
      ['nodejs', 'java', 'python', 'dotnet', 'go', 'collector'],
    );
  });

  it('fills in the HTTP endpoint for SDKs and the gRPC one for the collector', () => {
    for (const guide of guides.filter((g) => g.id !== 'collector')) {
      assert.ok(
        guide.steps.some((s) => s.code.includes('http://obs.internal:4318')),
        guide.id,
      );
    }
    const collector = guides.find((g) => g.id === 'collector');
    assert.ok(collector?.steps[0]?.code.includes('endpoint: obs.internal:4317'));
    assert.ok(collector?.steps[0]?.code.includes('  otlp:\n    endpoint'));
  });

  it('brackets IPv6 hosts', () => {
    assert.equal(urlHost('::1'), '[::1]');
    assert.equal(urlHost('[::1]'), '[::1]');
    assert.equal(urlHost('localhost'), 'localhost');
  });

  it('builds a test span with current timestamps', () => {
    const command = testSpanCommand(endpoints, 1_700_000_000_000);
    assert.ok(command.includes('"startTimeUnixNano":"1700000000000000000"'));
    assert.ok(command.includes('"endTimeUnixNano":"1700000000025000000"'));
    assert.ok(command.startsWith('curl -sS http://obs.internal:4318/v1/traces'));
    const ids = /"traceId":"([0-9a-f]+)","spanId":"([0-9a-f]+)"/.exec(command);
    assert.equal(ids?.[1]?.length, 32);
    assert.equal(ids?.[2]?.length, 16);
  });
});
