import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeBaggageValue, ingestHeaderValue, otlpHeadersEnvValue } from './ingest-key-snippets.ts';
import { setupGuides, testSpanCommand } from './setup-snippets.ts';

const bearer = { required: true, header: 'authorization' };
const custom = { required: true, header: 'x-sightline-key' };

describe('ingest keys in setup snippets', () => {
  it('writes OTEL_EXPORTER_OTLP_HEADERS in the baggage format, the space percent-encoded', () => {
    assert.equal(otlpHeadersEnvValue(bearer), 'authorization=Bearer%20<ingest-key>');
    assert.equal(otlpHeadersEnvValue(bearer, 'sk_live_0123456789abcdefghij'), 'authorization=Bearer%20sk_live_0123456789abcdefghij');
    assert.equal(otlpHeadersEnvValue(custom, 'abc'), 'x-sightline-key=abc');
    assert.equal(ingestHeaderValue(bearer, 'k'), 'Bearer k');
    assert.equal(ingestHeaderValue(custom, 'k'), 'k');
  });

  it('percent-encodes what a baggage value may not hold, and nothing else', () => {
    assert.equal(encodeBaggageValue('a b,c;d"e\\f%g'), 'a%20b%2Cc%3Bd%22e%5Cf%25g');
    assert.equal(encodeBaggageValue('A-z_0.9~+/=:!'), 'A-z_0.9~+/=:!');
    assert.equal(encodeBaggageValue('é'), '%C3%A9');
    assert.equal(decodeURIComponent(encodeBaggageValue('Bearer x,y')), 'Bearer x,y');
  });

  it('puts the exact variable in every SDK guide, the header in the collector and curl, only when required', () => {
    const endpoints = { host: 'obs.internal', grpcPort: 4317, httpPort: 4318 };
    const line = 'export OTEL_EXPORTER_OTLP_HEADERS="authorization=Bearer%20<ingest-key>"';
    for (const guide of setupGuides({ ...endpoints, ingestAuth: bearer }).filter((g) => g.id !== 'collector' && g.id !== 'dotnet')) {
      assert.ok(guide.steps.some((step) => step.code.split('\n').includes(line)), guide.id);
    }
    const dotnet = setupGuides({ ...endpoints, ingestAuth: bearer }).find((g) => g.id === 'dotnet');
    assert.ok(dotnet?.steps.some((step) => step.code.includes(line)));
    assert.ok(dotnet?.steps.some((step) => step.code.includes('$env:OTEL_EXPORTER_OTLP_HEADERS = "authorization=Bearer%20<ingest-key>"')));
    const collector = setupGuides({ ...endpoints, ingestAuth: custom }).find((g) => g.id === 'collector');
    assert.ok(collector?.steps[0]?.code.includes('    headers:\n      x-sightline-key: "<ingest-key>"\n    tls:'));
    assert.ok(testSpanCommand({ ...endpoints, ingestAuth: bearer }, 0).includes("  -H 'authorization: Bearer <ingest-key>' \\\n  -d '"));

    for (const ingestAuth of [undefined, { required: false, header: 'authorization' }]) {
      const all = setupGuides({ ...endpoints, ...(ingestAuth === undefined ? {} : { ingestAuth }) }).flatMap((g) => g.steps.map((s) => s.code));
      assert.ok(!all.some((code) => code.includes('OTEL_EXPORTER_OTLP_HEADERS') || code.includes('headers:')));
      assert.ok(!testSpanCommand({ ...endpoints, ...(ingestAuth === undefined ? {} : { ingestAuth }) }, 0).includes('authorization'));
    }
  });
});
